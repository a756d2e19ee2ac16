import ArgumentParser
import Foundation
import Git
import Support

/// The `dossier` command: each subcommand parses its arguments, performs its action (Actions), and prints the result.
public struct DossierCommand: ParsableCommand {
    /// The command's name, abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Regulatory documents (SUF, DHF) from a medical-device software repository.",
        version: DossierVersion.current,
        subcommands: [InitCommand.self, SufCommand.self, DhfCommand.self, CheckCommand.self, DiffCommand.self, AttachCommand.self, ShowCommand.self, TraceCommand.self,
                      EvidenceCommand.self, ApproveCommand.self,
                      SignaturesCommand.self, VerifyCommand.self])

    /// Creates the command (argument parsing fills it).
    public init() {}

    /// Runs the command line and exits: 0 fine, 1 findings at error level, 2 bad usage or bad input.
    /// The commands that read a repository's history are `AsyncParsableCommand`s (their work runs in child tasks);
    /// the others run as they are.
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
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
                Output.line(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Bad usage, or a failure reading or writing files: exit 1 is kept for error-level findings.
            Output.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Everything dossier prints goes through here. Human text (messages, errors, warnings, progress, the text of
/// `check`, `trace`, `signatures`, a Markdown diff) is shown with every control character that is not a line break
/// or a tab escaped as `\u{1B}`: commit messages, YAML and evidence may hold ESC/CSI/OSC sequences, BEL or CR that
/// would clear the screen, retitle the window or overwrite a line. Machine output (`data`) is written as it is:
/// JSON, SARIF and JUnit escape control characters by their own rules, and a document's bytes are the document.
enum Output {
    static func error(_ message: String) {
        write(Data("dossier: error: \(escaped(message))\n".utf8), to: .standardError)
    }

    static func warning(_ message: String) {
        write(Data("dossier: \(escaped(message))\n".utf8), to: .standardError)
    }

    /// A progress line on a terminal: overwritten by the next one.
    static func progress(_ message: String) {
        write(Data("\rdossier: \(escaped(message))\u{1B}[K".utf8), to: .standardError)
    }

    /// Clears the progress line.
    static func endProgress() {
        write(Data("\r\u{1B}[K".utf8), to: .standardError)
    }

    /// A line of human text on stdout.
    static func line(_ text: String) {
        self.text(text + "\n")
    }

    /// Human text on stdout, its own line breaks kept.
    static func text(_ text: String) {
        write(Data(escaped(text).utf8), to: .standardOutput)
    }

    /// Machine output or a document on stdout, byte for byte.
    static func data(_ data: Data) {
        write(data, to: .standardOutput)
    }

    private static func write(_ data: Data, to handle: FileHandle) {
        handle.write(data)
    }

    /// `text` as a terminal shows it safely (TerminalText): line breaks kept, every other control character escaped.
    static func escaped(_ text: String) -> String { TerminalText.escaped(text) }
}
