import Foundation
import TestSupport
import Testing

extension DeviceFixture {
    /// The device repository, an ed25519 key `release-key` made by ssh-keygen, and an allowed signers file
    /// `allowed` naming it for the namespace "dossier", all in `scratch`.
    static func makeWithReleaseKey(_ scratch: Scratch) throws {
        _ = try make(scratch)
        let key = try Shell.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "release@example.com", "-f", scratch.file("release-key")])
        #expect(key.status == 0, "\(key.stderr)")
        let pub = try scratch.read("release-key.pub").split(separator: " ").prefix(2).joined(separator: " ")
        try "release@example.com namespaces=\"dossier\" \(pub)\n".write(toFile: scratch.file("allowed"), atomically: true, encoding: .utf8)
    }
}
