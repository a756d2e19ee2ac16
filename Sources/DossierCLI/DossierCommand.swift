import ArgumentParser
import DossierKit
import Foundation

/// The `dossier` command: parses arguments, calls DossierKit, prints.
public struct DossierCommand: ParsableCommand {
    /// The command's name, abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Regulatory documents (SUF, DHF) from a medical-device software repository.",
        version: DossierVersion.current,
        subcommands: [InitCommand.self, SufCommand.self, DhfCommand.self, CheckCommand.self, DiffCommand.self, AttachCommand.self, ShowCommand.self, TraceCommand.self,
                      SignaturesCommand.self, VerifyCommand.self])

    /// Creates the command (argument parsing fills it).
    public init() {}

    /// Values a command hands over to be kept until the process exits, so that they are never freed: freeing a
    /// release of tens of thousands of commits object by object takes tens of milliseconds, ending the process
    /// none. Commands run one at a time, on the main thread.
    nonisolated(unsafe) static var keptUntilExit: [Any] = []

    /// Runs the command line and exits: 0 fine, 1 findings at error level, 2 bad usage or bad input.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            // A command that has printed its findings and ends with exit 1.
            Foundation.exit(code.rawValue)
        } catch let error as DossierError {
            Output.error(error.description)
            Foundation.exit(2)
        } catch let error as GitError {
            Output.error(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Bad usage, or a failure reading or writing files: exit 1 is kept for error-level findings.
            Output.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Writes to stdout and stderr.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("dossier: error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("dossier: \(message)\n".utf8))
    }

    /// A progress line on a terminal: overwritten by the next one.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\rdossier: \(message)\u{1B}[K".utf8))
    }
}
