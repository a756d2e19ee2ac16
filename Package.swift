// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CLibGit2", path: "Sources/CLibGit2", pkgConfig: "libgit2",
                       providers: [.apt(["libgit2-dev"])]),
        // libgcrypt: the OpenPGP algorithms swift-crypto lacks (DSA, Brainpool, secp256k1, Ed448), as gpg checks them.
        .systemLibrary(name: "CGcrypt", path: "Sources/CGcrypt", pkgConfig: "libgcrypt",
                       providers: [.apt(["libgcrypt20-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(
            name: "DossierKit",
            dependencies: [
                "CLibGit2", "CCmarkGFM", "CGcrypt",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Templates")]
        ),
        .target(
            name: "DossierCLI",
            dependencies: ["DossierKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        // make fuzz: the libFuzzer driver of FuzzEntry's targets (a replayer of files in a normal build).
        .executableTarget(name: "dossier-fuzz", dependencies: ["DossierKit"], path: "Fuzz/Driver"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit", "TestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierKit", "TestSupport", "dossier"]),
    ],
    swiftLanguageModes: [.v6]
)
