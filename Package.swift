// swift-tools-version:6.0
import PackageDescription

// One target per stage of the pipeline, listed bottom up: a target depends only on targets above it in this file,
// so a dependency that runs back up does not compile (SwiftPM refuses the cycle), and `ArchitectureTests` fails
// when a target names one below it in docs/ARCHITECTURE.md's order. See docs/ARCHITECTURE.md for the picture.
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let cryptoExtras: Target.Dependency = .product(name: "_CryptoExtras", package: "swift-crypto")
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries, each reached from one stage only.
        .systemLibrary(name: "CLibGit2", path: "Sources/CLibGit2", pkgConfig: "libgit2",
                       providers: [.apt(["libgit2-dev"])]),
        // libgcrypt: the OpenPGP algorithms swift-crypto lacks (DSA, Brainpool, secp256k1, Ed448), as gpg checks them.
        .systemLibrary(name: "CGcrypt", path: "Sources/CGcrypt", pkgConfig: "libgcrypt",
                       providers: [.apt(["libgcrypt20-dev"])]),
        // libyaml: YAML read through its event API, by Records only.
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Graphviz: the pictures' graphs laid out (dot) and written as SVG, by Render only.
        .systemLibrary(name: "CGraphviz", path: "Sources/CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // Errors with source locations, atomic files, terminal text, canonical JSON: what every stage shares.
        .target(name: "Support", dependencies: [crypto]),
        // SSHSIG and OpenPGP verification, allowed signers, keyrings, verdicts.
        .target(name: "Signatures", dependencies: ["Support", "CGcrypt", crypto, cryptoExtras]),
        // The only libgit2 user: history, tags, trees, trailers, changed files; the write API attach and evidence use.
        .target(name: "Git", dependencies: ["Support", "Signatures", "CLibGit2", crypto]),
        // JUnit, CycloneDX, SPDX; evidence kept in git with its release.
        .target(name: "Evidence", dependencies: ["Support", "Git", "CZlib", crypto]),
        // dossier.yml and the records at a release's tree; the rule catalogue and clause table; CVSS vectors.
        .target(name: "Records", dependencies: ["Support", "Signatures", "Git", "Evidence", "CYAML", mustache],
                resources: [.embedInCode("Scaffold")]),
        // Release (the facts of one release) and its Assessment (trace rows, findings, coverage): plain values.
        .target(name: "Model", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records"]),
        // The trace graph, and the Assessment of a Release: gap rules, trace matrix, clause coverage.
        .target(name: "Checks", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model"]),
        // Reads a release's facts from git, records and evidence, and has them assessed.
        .target(name: "Assembly", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model", "Checks"]),
        // Views over several releases: the diff of two, the design history over all.
        .target(name: "Views", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model", "Checks",
                                              "Assembly"]),
        // Templates (swift-mustache), Markdown to HTML (the only cmark-gfm user), PDF, pictures (the only Graphviz user).
        .target(name: "Render", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model", "Checks",
                                               "Views", "CCmarkGFM", "CGraphviz", mustache],
                resources: [.embedInCode("Templates")]),
        // Writing a bundle whole or not at all, its manifest and signature, and verifying one.
        .target(name: "Bundle", dependencies: ["Support", "Signatures", "Git", "Evidence", "Model", "Render", crypto]),
        // One type per use case: what each command does.
        .target(name: "Actions", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model", "Checks",
                                                "Assembly", "Views", "Render", "Bundle", crypto]),
        // The command line: parses, calls an action, prints.
        .target(name: "DossierCLI", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Model",
                                                   "Checks", "Assembly", "Views", "Render", "Bundle", "Actions",
                                                   argumentParser]),
        // jemalloc (Debian libjemalloc-dev) in place of glibc's malloc: dossier makes and frees many small values
        // on several threads at once; `make bench` measured 13% less CPU and a lower peak for the 20,000-commit SUF.
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"], linkerSettings: [.linkedLibrary("jemalloc")]),

        // make fuzz: the readers fed with arbitrary bytes, and the libFuzzer driver (a replayer in a normal build).
        .target(name: "Fuzzing", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records", "Render"]),
        .executableTarget(name: "dossier-fuzz", dependencies: ["Support", "Fuzzing"], path: "Fuzz/Driver"),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DossierKitTests", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records",
                                                            "Model", "Checks", "Assembly", "Views", "Render",
                                                            "Bundle", "Actions", "Fuzzing", "TestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["Support", "Signatures", "Git", "Evidence", "Records",
                                                            "Model", "Checks", "Assembly", "Views", "Render",
                                                            "Bundle", "Actions", "TestSupport", "dossier"]),
    ],
    swiftLanguageModes: [.v6]
)
