import Foundation

/// What a process printed and how it ended.
public struct ProcessResult: Sendable {
    /// Standard output, decoded as UTF-8.
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String
    /// The exit status.
    public var status: Int32
}

/// Runs real programs (git, gpg, ssh-keygen, the built dossier binary) for the end-to-end tests.
public enum Shell {
    /// Set once: writing to a pipe whose reader has gone returns an error instead of raising SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// An environment that never reads the user's git configuration or keyring.
    public static func isolatedEnvironment(home: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GNUPGHOME"] = home + "/gnupg"
        env["TZ"] = "UTC"
        env["LC_ALL"] = "C"
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        return env
    }

    /// Runs a program (by path, or by name through `env`) and waits for it.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment: [String: String]? = nil, input: Data? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // A program may exit without reading all its input (ssh-keygen refusing a key, say): that must not end
        // the test process with SIGPIPE, and the program's answer is what the test checks.
        _ = ignoreBrokenPipes
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so a large output cannot block it.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return ProcessResult(stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }
}

/// A failure in test setup, with what went wrong.
public struct TestFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}

/// A scratch directory removed when the test ends.
public final class Scratch {
    /// The directory.
    public let path: String

    /// Makes a new scratch directory with a `home` folder in it.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/home", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of a file in the scratch directory.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// Whether the file exists.
    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: file(relative)) }

    /// The file, as UTF-8 text.
    public func read(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }

    /// The file's bytes.
    public func readData(_ relative: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(relative))) }
}

/// The built binary and the package root.
public enum Paths {
    /// The folder holding Package.swift.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The `dossier` executable that DossierCLITests depends on in Package.swift, so `swift build --build-tests`
    /// builds it into the products directory that holds the test bundle (`….xctest`: on Linux the test binary
    /// itself, on macOS a bundle around it). Only that one is run, never one from another build; a missing one
    /// fails the test that needs it, naming where it was looked for.
    public static var dossier: String {
        get throws {
            let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
            var products = executable.deletingLastPathComponent()
            var folder = executable
            while folder.path != "/" {
                if folder.pathExtension == "xctest" { products = folder.deletingLastPathComponent(); break }
                folder.deleteLastPathComponent()
            }
            let path = products.appendingPathComponent("dossier").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw TestFailure("no dossier executable at \(path), beside the test bundle \(executable.path): " +
                                  "build it with the tests (swift build --build-tests)")
            }
            return path
        }
    }
}
