// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "PDRemoteMonitor",
    platforms: [.macOS(.v13)],
    targets: [
        .executableTarget(name: "pdrm", dependencies: ["Telemetry", "Storage", "Transport", "Dashboard", "Alerts", "BLE"], path: "Sources/App"),
        .target(name: "Telemetry"),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"]),
        .target(name: "Storage"),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .target(name: "Transport"),
        .testTarget(name: "TransportTests", dependencies: ["Transport"]),
        .target(name: "Dashboard"),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard"]),
        .target(name: "Alerts"),
        .testTarget(name: "AlertsTests", dependencies: ["Alerts"]),
        .target(name: "BLE"),
        .testTarget(name: "BLETests", dependencies: ["BLE"]),
    ]
)
