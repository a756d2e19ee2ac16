import Foundation
@testable import Git
import TestSupport
import Testing

@Suite("trailers agree with git interpret-trailers")
struct TrailerAgreementTests {
    @Test("600 generated message shapes, under 7 configurations: Trailers.parse gives what git interpret-trailers --parse --no-divider prints")
    func generatedMessages() throws {
        let scratch = try Scratch()
        let environment = Shell.isolatedEnvironment(home: scratch.file("home"))
        var generator = TrailerMessages(seed: 0x16)
        var disagreements: [String] = []
        var withTrailers = 0
        for index in 0..<600 {
            let message = generator.message()
            let pairs = TrailerMessages.configurations[index % TrailerMessages.configurations.count]
            let config = TrailerConfig(entries: pairs.filter { $0.key.hasPrefix("trailer.") }.map { (name: $0.key, value: Optional($0.value)) },
                                       commentChar: pairs.last { $0.key == "core.commentChar" }?.value)
            let git = try Shell.run("git", pairs.flatMap { ["-c", "\($0.key)=\($0.value)"] } + ["interpret-trailers", "--parse", "--no-divider"],
                                    in: scratch.path, environment: environment, input: Data(message.utf8))
            #expect(git.status == 0, "\(git.stderr)")
            let trailers = Trailers.parse(message, config: config)
            if !trailers.isEmpty { withTrailers += 1 }
            let ours = Self.interpretTrailersOutput(trailers, separators: config.separators)
            if Array(ours.utf8) != Array(git.stdout.utf8) {
                disagreements.append("#\(index) \(pairs) \(message.debugDescription)\n  git: \(git.stdout.debugDescription)\n  ours: \(ours.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of 600 disagree (\(generator)):\n\(disagreements.prefix(20).joined(separator: "\n"))")
        // The generator makes both kinds of message in numbers (a generator that never made trailers would prove nothing).
        #expect(withTrailers > 150 && withTrailers < 450, "\(withTrailers) of 600 messages have trailers")
    }

    /// How `git interpret-trailers --parse` prints trailers (trailer.c's print_tok_val): the key, then the value
    /// right after it when the key ends in a separator, else after the first separator and a space.
    static func interpretTrailersOutput(_ trailers: [Trailer], separators: [UInt8]) -> String {
        var output = ""
        for trailer in trailers {
            guard let last = trailer.key.utf8.last(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { continue }
            output += separators.contains(last)
                ? trailer.key + trailer.value + "\n"
                : trailer.key + String(decoding: [separators[0], 0x20], as: UTF8.self) + trailer.value + "\n"
        }
        return output
    }
}
