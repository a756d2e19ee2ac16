import Foundation
@testable import Git
@testable import Signatures
import TestSupport

/// What git 2.39 would make of a signature, found by running the real ssh-keygen the way
/// gpg-interface.c's `verify_ssh_signed_buffer` does.
struct GitSSHAnswer: Equatable, CustomStringConvertible {
    /// `%G?`.
    var letter: VerdictLetter
    /// `%GS`.
    var signer: String
    /// `%GF`.
    var fingerprint: String

    /// `letter [signer] [fingerprint]`, for failure messages.
    var description: String { "\(letter.rawValue) [\(signer)] [\(fingerprint)]" }
}

/// A scratch directory with real ssh-keygen keys, signatures and allowed-signers files.
final class SSHFixture {
    /// The scratch directory.
    let scratch: Scratch
    /// An environment that reads nothing of the user's.
    let environment: [String: String]

    init() throws {
        scratch = try Scratch()
        environment = Shell.isolatedEnvironment(home: scratch.file("home"))
    }

    /// Runs ssh-keygen in the scratch directory.
    @discardableResult
    func keygen(_ arguments: [String], input: Data? = nil) throws -> ProcessResult {
        try Shell.run("ssh-keygen", arguments, in: scratch.path, environment: environment, input: input)
    }

    /// Makes a key pair without passphrase; returns the public key line.
    func makeKey(_ name: String, type: String, bits: Int? = nil) throws -> String {
        var arguments = ["-q", "-t", type, "-N", "", "-C", "\(name)@test", "-f", scratch.file(name)]
        if let bits { arguments += ["-b", String(bits)] }
        let result = try keygen(arguments)
        precondition(result.status == 0, result.stderr)
        return try scratch.read(name + ".pub").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Signs `payload` with ssh-keygen -Y sign; returns the armored signature.
    func sign(key: String, payload: [UInt8], namespace: String = "git", options: [String] = []) throws -> String {
        let file = scratch.file("payload-\(UUID().uuidString)")
        try Data(payload).write(to: URL(fileURLWithPath: file))
        let result = try keygen(["-Y", "sign", "-n", namespace, "-f", scratch.file(key)] + options.flatMap { ["-O", $0] } + [file])
        precondition(result.status == 0, result.stderr)
        return try String(contentsOfFile: file + ".sig", encoding: .utf8)
    }

    /// `YYYYMMDDHHMMSS` in UTC, as git formats the verify time (TZ=UTC).
    static func verifyTime(_ time: Int64) -> String {
        SSHTime.format(time).filter(\.isNumber)
    }

    /// git's answer, from the real ssh-keygen: find-principals, then verify -I each principal, else check-novalidate.
    func gitAnswer(signature: String, payload: [UInt8], allowed: String, time: Int64) throws -> GitSSHAnswer {
        let id = UUID().uuidString
        let sigFile = scratch.file("sig-\(id)"), allowedFile = scratch.file("allowed-\(id)")
        try signature.write(toFile: sigFile, atomically: true, encoding: .utf8)
        try allowed.write(toFile: allowedFile, atomically: true, encoding: .utf8)
        let timeOption = "-Overify-time=" + Self.verifyTime(time)
        let found = try keygen(["-Y", "find-principals", "-f", allowedFile, "-s", sigFile, timeOption])
        let output: String
        if found.status != 0 || found.stdout.isEmpty {
            output = try keygen(["-Y", "check-novalidate", "-n", "git", "-s", sigFile, timeOption], input: Data(payload)).stdout
        } else {
            var last = ""
            for principal in found.stdout.split(separator: "\n").map(String.init) where !principal.isEmpty {
                let result = try keygen(["-Y", "verify", "-n", "git", "-f", allowedFile, "-I", principal, "-s", sigFile, timeOption],
                                        input: Data(payload))
                last = result.stdout
                if result.status == 0, result.stdout.hasPrefix("Good") { break }
            }
            output = last
        }
        return Self.parseSSHOutput(output)
    }

    /// git's `parse_ssh_output` on ssh-keygen's first line.
    static func parseSSHOutput(_ output: String) -> GitSSHAnswer {
        let line = output.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var letter = VerdictLetter.bad, signer = "", rest = ""
        if line.hasPrefix("Good \"git\" signature for ") {
            let tail = String(line.dropFirst("Good \"git\" signature for ".count))
            guard let with = tail.range(of: " with ", options: .backwards) else { return GitSSHAnswer(letter: .bad, signer: "", fingerprint: "") }
            signer = String(tail[..<with.lowerBound])
            rest = String(tail[with.upperBound...])
            letter = .good
        } else if line.hasPrefix("Good \"git\" signature with ") {
            rest = String(line.dropFirst("Good \"git\" signature with ".count))
            letter = .untrusted
        } else {
            return GitSSHAnswer(letter: .bad, signer: "", fingerprint: "")
        }
        guard let key = rest.range(of: "key ") else { return GitSSHAnswer(letter: .bad, signer: "", fingerprint: "") }
        return GitSSHAnswer(letter: letter, signer: signer, fingerprint: String(rest[key.upperBound...]))
    }

    /// dossier's answer in the same shape.
    static func dossierAnswer(signature: String, payload: [UInt8], allowed: String, time: Int64) throws -> (GitSSHAnswer, Verdict) {
        let signers = try AllowedSigners(text: allowed, file: "allowed_signers")
        let verdict = SSHVerifier.verify(armored: signature, payload: payload, time: time, allowedSigners: signers)
        return (GitSSHAnswer(letter: verdict.letter, signer: verdict.signer, fingerprint: verdict.fingerprint), verdict)
    }
}
