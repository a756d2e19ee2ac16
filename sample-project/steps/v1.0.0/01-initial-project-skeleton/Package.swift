// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "PDRemoteMonitor",
    platforms: [.macOS(.v13)],
    targets: [
        .executableTarget(name: "pdrm", dependencies: ["Telemetry"], path: "Sources/App"),
        .target(name: "Telemetry"),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry"]),
    ]
)
