import Foundation
import TestSupport
import Testing

@Suite("templates can be overridden")
struct TemplateOverrideTests {
    @Test("--templates DIR replaces a template and keeps the others built in")
    func commandLineFolder() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("tpl"), withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# Custom SUF for {{release}}\n\n{{#commits}}\n- {{shortId}} {{subject}}\n{{/commits}}\n"
            .write(toFile: scratch.file("tpl/suf.md.mustache"), atomically: true, encoding: .utf8)
        try "body { color: rebeccapurple; }\n".write(toFile: scratch.file("tpl/style.css"), atomically: true, encoding: .utf8)
        let result = try dossier(["suf", "--repo", "repo", "--templates", "tpl"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(md.hasPrefix("# Custom SUF for v1.1.0\n\n- "))
        #expect(md.contains(" Explain refused doses\n- "))
        let html = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.html")
        #expect(html.contains("body { color: rebeccapurple; }"))
        #expect(html.contains("<nav class=\"toc\""))  // page.html.mustache is still the built-in one
    }

    @Test("templates: in dossier.yml names a folder in the release's tree")
    func folderInTheTree() throws {
        let scratch = try Scratch()
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Our own SUF layout\n", files: [
            "dossier.yml": DeviceFixture.dossierYML + "templates: docs/dossier-templates\n",
            "docs/dossier-templates/suf.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\n# {{device.name}} release {{release}}\n",
        ])
        try repo.tag("v1.2.0")
        // The working tree changes after the tag: the tree of the release is what counts.
        try repo.write(["docs/dossier-templates/suf.md.mustache": "# changed in the work tree\n"])
        let result = try dossier(["suf", "--repo", "repo"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md") == "# Infusion Pump Controller release v1.2.0\n")
    }
}
