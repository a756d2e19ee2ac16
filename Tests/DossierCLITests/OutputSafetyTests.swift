import Foundation
import TestSupport
import Testing

/// Where dossier writes: `--out` replaces only bundles dossier wrote, in one step, and leaves nothing behind;
/// reports are written whole or not at all.
@Suite("writing output safely")
struct OutputSafetyTests {
    /// The entries of a folder, hidden ones included.
    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("a folder at OUT/<release> or OUT/dhf that dossier did not write survives: exit 2, nothing written",
          arguments: [["suf", "--repo", "repo"], ["dhf", "--repo", "repo"]])
    func foreignFolderSurvives(_ arguments: [String]) throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        let folder = "dist/dossier/" + (arguments[0] == "suf" ? "v1.1.0" : "dhf")
        try FileManager.default.createDirectory(atPath: scratch.file(folder + "/notes"), withIntermediateDirectories: true)
        try "my own notes\n".write(toFile: scratch.file(folder + "/notes/today.txt"), atomically: true, encoding: .utf8)
        let result = try dossier(arguments, in: scratch.path)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr == "dossier: error: \(folder) exists and is not a bundle dossier wrote (a folder whose MANIFEST.sha256 lists exactly its files): dossier replaces only its own bundles; move it away or write to another --out\n")
        #expect(try scratch.read(folder + "/notes/today.txt") == "my own notes\n")
        #expect(entries(scratch.file("dist/dossier")) == [(folder as NSString).lastPathComponent])
    }

    @Test("a 'dist' link committed in the work tree does not carry the default output elsewhere: exit 2, nothing written; --out still may",
          arguments: [["suf"], ["dhf"]])
    func committedLinkAtDefaultOutput(_ arguments: [String]) throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.file("repo/dist"), withDestinationPath: scratch.file("elsewhere"))
        try repo.git(["add", "dist"])
        try repo.commit("Add a dist link\n")
        try repo.tag("v1.2.0")
        let result = try dossier(arguments + ["--repo", "."], in: scratch.file("repo"))
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr == "dossier: error: the default output folder dist/dossier passes through 'dist', a symbolic link (a repository can commit one to make dossier write elsewhere); give --out DIR to write there\n")
        #expect(entries(scratch.file("elsewhere")).isEmpty)
        let given = try dossier(arguments + ["--repo", ".", "--out", "dist/dossier"], in: scratch.file("repo"))
        #expect(given.status == 0, "\(given.stderr)")
        #expect(entries(scratch.file("elsewhere")) == ["dossier"])
    }

    @Test("a bundle with a file added beside its manifest is not dossier's any more: refused, the file kept")
    func bundleWithExtraFile() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo"], in: scratch.path).status == 0)
        try "review comments\n".write(toFile: scratch.file("dist/dossier/v1.1.0/review.txt"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("dist/dossier/v1.1.0 exists and is not a bundle dossier wrote"))
        #expect(try scratch.read("dist/dossier/v1.1.0/review.txt") == "review comments\n")
    }

    @Test("replacing a bundle leaves the new bundle and nothing else; an edited bundle is still dossier's to replace")
    func replaceBundle() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "--repo", "repo"], in: scratch.path).status == 0)
        try "edited\n".write(toFile: scratch.file("dist/dossier/v1.1.0/SUF-v1.1.0.md"), atomically: true, encoding: .utf8)
        #expect(try dossier(["verify", "dist/dossier/v1.1.0"], in: scratch.path).status == 1)
        let again = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md") != "edited\n")
        #expect(try dossier(["verify", "dist/dossier/v1.1.0"], in: scratch.path).status == 0)
        #expect(entries(scratch.file("dist/dossier")) == ["v1.1.0"])
        #expect(try dossier(["dhf", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(try dossier(["dhf", "--repo", "repo"], in: scratch.path).status == 0)
        #expect(entries(scratch.file("dist/dossier")) == ["dhf", "v1.1.0"])
    }

    @Test("a killed run's .v1.1.0.partial-PID is removed, and its old bundle at .v1.0.0.old-PID put back, by the next suf")
    func leftoversOfKilledRuns() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "v1.0.0", "--repo", "repo"], in: scratch.path).status == 0)
        let out = scratch.file("dist/dossier")
        // No process has PID 99999999 (Linux's largest is 4194304).
        try FileManager.default.moveItem(atPath: out + "/v1.0.0", toPath: out + "/.v1.0.0.old-99999999")
        try FileManager.default.createDirectory(atPath: out + "/.v1.1.0.partial-99999999", withIntermediateDirectories: true)
        try "half\n".write(toFile: out + "/.v1.1.0.partial-99999999/SUF-v1.1.0.md", atomically: true, encoding: .utf8)
        try "half\n".write(toFile: out + "/.report.json.partial-99999999", atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(entries(out) == ["v1.0.0", "v1.1.0"])
        #expect(try dossier(["verify", "dist/dossier/v1.0.0"], in: scratch.path).status == 0)
    }

    /// Runs dossier with a file size limit of 512 bytes, SIGXFSZ ignored: writing past it fails with EFBIG, as on
    /// a full disk (a limit root is held to, unlike permissions).
    private func dossierWithSmallFiles(_ arguments: [String], in directory: String) throws -> ProcessResult {
        try Shell.run("sh", ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$@\"", "sh", Paths.dossier] + arguments, in: directory)
    }

    @Test("check --output on a disk that takes no more: the earlier report is untouched, exit 2, no temporary file left")
    func reportWrittenWhole() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try "the earlier report\n".write(toFile: scratch.file("report.json"), atomically: true, encoding: .utf8)
        let result = try dossierWithSmallFiles(["check", "--repo", "repo", "--format", "json", "--output", "report.json"], in: scratch.path)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "dossier: error: cannot write report.json: File too large\n")
        #expect(try scratch.read("report.json") == "the earlier report\n")
        #expect(!entries(scratch.path).contains { $0.contains("partial") })
        // Without the limit the report is written (and is larger than the limit).
        _ = try dossier(["check", "--repo", "repo", "--format", "json", "--output", "report.json"], in: scratch.path)
        #expect(try scratch.readData("report.json").count > 512)
    }

    @Test("diff --out the same way, and a folder in the report's place is left as it is")
    func diffWrittenWhole() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try "the earlier diff\n".write(toFile: scratch.file("diff.md"), atomically: true, encoding: .utf8)
        let result = try dossierWithSmallFiles(["diff", "v1.0.0", "v1.1.0", "--repo", "repo", "--out", "diff.md"], in: scratch.path)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "dossier: error: cannot write diff.md: File too large\n")
        #expect(try scratch.read("diff.md") == "the earlier diff\n")

        try FileManager.default.createDirectory(atPath: scratch.file("taken/inside"), withIntermediateDirectories: true)
        let folder = try dossier(["check", "--repo", "repo", "--output", "taken"], in: scratch.path)
        #expect(folder.status == 2)
        #expect(folder.stderr == "dossier: error: cannot write taken: Is a directory\n")
        #expect(entries(scratch.file("taken")) == ["inside"])
        #expect(!entries(scratch.path).contains { $0.contains("partial") })
    }
}
