import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing

/// The software architecture and its security view: drawn from the items' interfaces and zones and the threats that
/// name interfaces, files of the SUF bundle, inline in its HTML, every box linked to its row.
@Suite("architecture pictures")
struct ArchitecturePictureTests {
    static let items = """
        items:
          - id: ITEM-0
            name: Pump software
            safety_class: C
            paths: ["Sources/App/**"]
            zone: Pump
          - id: ITEM-1
            name: Dose engine
            safety_class: C
            parent: ITEM-0
            paths: ["Sources/Dose/**", "!Sources/Dose/Fixtures/**"]
            zone: Pump
            interfaces:
              - id: IF-1
                to: ITEM-2
                direction: out
                data: Refusal reasons
                protocol: in-process call
          - id: ITEM-2
            name: User interface
            safety_class: B
            parent: ITEM-0
            paths: ["Sources/UI/*.swift"]
            zone: Pump
            interfaces:
              - id: IF-2
                to: Hospital server
                zone: Hospital network
                direction: both
                data: Dose library
                protocol: HTTPS

        """

    static let threats = """
        threats:
          - id: THR-1
            title: Dose library replaced in transit
            stride: Tampering
            asset: Dose library
            cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N"
            residual_cvss: "CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:N/I:L/A:N"
            mitigations: [REQ-1]
            disposition: mitigated
            items: [ITEM-2]
            interfaces: [IF-2]

        """

    static let dossierYML = DeviceFixture.dossierYML + "  threats: regulatory/threats.yml\n"

    /// The device project with interfaces, zones and a threat model at v1.2.0.
    static func make(_ scratch: Scratch, items: String = Self.items, threats: String = Self.threats) throws -> GitRepository {
        var repo = try DeviceFixture.make(scratch)
        try repo.commit("Architecture\n", files: ["dossier.yml": dossierYML, "regulatory/items.yml": items,
                                                  "regulatory/threats.yml": threats])
        try repo.tag("v1.2.0")
        return repo
    }

    /// The `id="…"` values of a page.
    private func ids(_ html: String) -> Set<String> {
        Set(html.matches(of: /id="([^"]*)"/).map { String($0.1) })
    }

    /// The links of the SVG pictures.
    private func links(_ svg: String) -> [String] {
        svg.matches(of: /xlink:href="([^"]*)"/).map { String($0.1) }
    }

    @Test("both pictures are files of the bundle, images in the Markdown and inline in the HTML, where every box links to its row in the page")
    func picturesInTheBundle() throws {
        let scratch = try Scratch()
        _ = try Self.make(scratch)
        let run = try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        let bundle = "dist/dossier/v1.2.0"
        let architecture = try scratch.read("\(bundle)/picture-architecture.svg")
        let security = try scratch.read("\(bundle)/picture-security-architecture.svg")
        for svg in [architecture, security] {
            #expect(svg.hasPrefix("<svg class=\"picture\" role=\"img\" aria-label=\""))
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(svg)")
            #expect(!svg.contains("<!--") && !svg.contains(" id=\"") && !svg.lowercased().contains("<script"))
        }
        // The architecture: the items with their class, ITEM-0's box holding its parts, the interfaces, the outside element.
        #expect(architecture.contains(">Class C</text>") && architecture.contains(">Class B</text>"))
        #expect(architecture.contains(">ITEM&#45;0 and its parts</text>"), "\(architecture)")
        #expect(architecture.contains(">Hospital server</text>") && architecture.contains(">(outside the software)</text>"))
        #expect(Set(links(architecture)) == ["SUF-v1.2.0.html#item-0", "SUF-v1.2.0.html#item-1", "SUF-v1.2.0.html#item-2",
                                             "SUF-v1.2.0.html#if-1", "SUF-v1.2.0.html#if-2"])
        // The security view: the two trust boundaries, the threat on IF-2 with its residual score.
        #expect(security.contains(">Trust boundary: Pump</text>") && security.contains(">Trust boundary: Hospital network</text>"))
        #expect(security.contains(">THR&#45;1 (2.2 Low): Dose library</text>"), "\(security)")
        // An interface is labelled with its id alone (the table under the picture says what crosses it).
        #expect(security.contains(">IF&#45;1</text>") && !security.contains("Refusal reasons"))

        let markdown = try scratch.read("\(bundle)/SUF-v1.2.0.md")
        #expect(markdown.contains("](picture-architecture.svg)") && markdown.contains("](picture-security-architecture.svg)"))
        #expect(markdown.contains("| <a id=\"if-2\"></a>IF-2 | [ITEM-2](#item-2) | Hospital server | both | Dose library | HTTPS | yes: Pump to Hospital network | THR-1 on Dose library (residual 2.2 Low (CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:N/I:L/A:N)) |"),
                "\(markdown)")
        #expect(markdown.contains("| <a id=\"if-1\"></a>IF-1 | [ITEM-1](#item-1) | [ITEM-2](#item-2) | out | Refusal reasons | in-process call | no (both in Pump) | none named |"))
        #expect(markdown.contains("IEC 62304 5.3.2 | Design the interfaces of software items | evidenced | [2 interfaces of 2 software items](#if-1) |"),
                "\(markdown)")
        #expect(try scratch.read("\(bundle)/MANIFEST.sha256").contains("  picture-security-architecture.svg\n"))

        let html = try scratch.read("\(bundle)/SUF-v1.2.0.html")
        #expect(!html.contains("<img src=\"picture-architecture.svg\"") && !html.contains("<img src=\"picture-security-architecture.svg\""))
        let inline = links(html)
        #expect(inline.contains("#if-2") && inline.contains("#item-0"))
        // In the page the links are in-page, each to an element of the page.
        let anchors = ids(html)
        #expect(inline.allSatisfy { $0.hasPrefix("#") && anchors.contains(String($0.dropFirst())) }, "\(inline)")
        #expect(links(architecture).allSatisfy { anchors.contains(String($0.split(separator: "#")[1])) })
        #expect(try dossier(["verify", bundle], in: scratch.path).status == 0)

        // The same bytes again.
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo", "--out", "again"], in: scratch.path).status == 0)
        #expect(try scratch.read("again/v1.2.0/picture-architecture.svg") == architecture)
        #expect(try scratch.read("again/v1.2.0/picture-security-architecture.svg") == security)
        #expect(try scratch.read("again/v1.2.0/SUF-v1.2.0.html") == html)
    }

    @Test("without interfaces the architecture is still drawn; without items neither picture is, and the SUF says so; the DHF lists the interfaces")
    func whenDrawn() throws {
        let scratch = try Scratch()
        _ = try DeviceFixture.make(scratch)
        #expect(try dossier(["suf", "v1.1.0", "--repo", "repo"], in: scratch.path).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.file("dist/dossier/v1.1.0"))
        #expect(files.contains("picture-architecture.svg") && !files.contains("picture-security-architecture.svg"))
        let markdown = try scratch.read("dist/dossier/v1.1.0/SUF-v1.1.0.md")
        #expect(markdown.contains("The software items name no interfaces (`interfaces` in the items' records)."))
        #expect(markdown.contains("IEC 62304 5.3.2 | Design the interfaces of software items | not evidenced | no interfaces of software items |"), "\(markdown)")

        let empty = try Scratch()
        var repo = try GitRepository(empty, name: "repo")
        try repo.commit("Start\n", files: ["dossier.yml": "device:\n  name: Bare\n", "a.txt": "a\n"])
        try repo.tag("v0.1.0")
        #expect(try dossier(["suf", "v0.1.0", "--repo", "repo"], in: empty.path).status == 0)
        let bare = try FileManager.default.contentsOfDirectory(atPath: empty.file("dist/dossier/v0.1.0"))
        #expect(!bare.contains { $0.hasPrefix("picture-architecture") || $0.hasPrefix("picture-security") })
        #expect(try empty.read("dist/dossier/v0.1.0/SUF-v0.1.0.md").contains("No software items are recorded, so no architecture is drawn."))

        let other = try Scratch()
        _ = try Self.make(other)
        #expect(try dossier(["dhf", "--repo", "repo"], in: other.path).status == 0)
        let dhf = try other.read("dist/dossier/dhf/DHF.md")
        #expect(dhf.contains("Interfaces of the software items at v1.2.0 (IEC 62304 5.3.2):"), "\(dhf)")
        #expect(dhf.contains("| <a id=\"if-2\"></a>IF-2 | [ITEM-2](#item-2) | Hospital server |"))
    }

    @Test("bad interfaces are refused with the file, line and column, exit 2, nothing written", arguments: [
        ("      - to: ITEM-2\n", "regulatory/items.yml:7:9: an interface is missing the required field 'id'"),
        ("      - id: X-1\n        to: ITEM-2\n", "regulatory/items.yml:7:13: expected an interface id like IF-1, found 'X-1'"),
        ("      - id: IF-1\n        to: ITEM-1\n", "regulatory/items.yml:8:13: interface IF-1 of ITEM-1 leads to ITEM-1 itself"),
        ("      - id: IF-1\n        to: ITEM-2\n        zone: Cloud\n", "regulatory/items.yml:9:15: interface IF-1 leads to the software item ITEM-2, whose trust zone is its own 'zone'"),
        ("      - id: IF-1\n        to: ITEM-2\n        direction: sideways\n", "regulatory/items.yml:9:20: expected one of in, out, both for 'direction', found 'sideways'"),
        ("      - id: IF-1\n        to: ITEM-2\n        speed: fast\n", "regulatory/items.yml:9:9: unknown field 'speed' in an interface"),
        ("      - id: IF-1\n        to: ITEM-2\n      - id: IF-1\n        to: Server\n", "regulatory/items.yml:9:9: duplicate interface id IF-1: first defined at regulatory/items.yml:7:9"),
        // Found by review: ids that differ in case share an anchor; an outside element in two zones drew one, said another.
        ("      - id: IF-A\n        to: ITEM-2\n      - id: IF-a\n        to: Server\n", "regulatory/items.yml:9:9: duplicate interface id IF-a (as IF-A: ids differ in more than case): first defined at regulatory/items.yml:7:9"),
        ("      - id: IF-1\n        to: SOUP-1\n", "regulatory/items.yml:8:13: interface IF-1 leads to 'SOUP-1', a SOUP item id; 'to' names a software item (ITEM-) or an element outside the software (a SOUP item names the items that use it in its 'items')"),
        ("      - id: IF-1\n        to: Cloud\n        zone: Internet\n      - id: IF-2\n        to: Cloud\n        zone: Hospital\n",
         "regulatory/items.yml:10:9: interface IF-2 puts 'Cloud' in zone 'Hospital', but regulatory/items.yml:7:9 puts it in 'Internet'"),
    ])
    func badInterfaces(_ interfaces: String, _ message: String) throws {
        let scratch = try Scratch()
        let items = """
            items:
              - id: ITEM-1
                name: Dose engine
                safety_class: C
                paths: ["Sources/Dose/**"]
                interfaces:
            \(interfaces)  - id: ITEM-2
                name: User interface
                paths: ["Sources/UI/*.swift"]

            """
        _ = try Self.make(scratch, items: items, threats: "threats: []\n")
        let run = try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("dist/dossier/v1.2.0")))
    }

    @Test("a threat naming an interface no item has, and an interface to an item that does not exist, are T2 errors")
    func brokenInterfaceLinks() throws {
        let scratch = try Scratch()
        _ = try Self.make(scratch, items: Self.items.replacingOccurrences(of: "to: ITEM-2", with: "to: ITEM-9"),
                          threats: Self.threats.replacingOccurrences(of: "interfaces: [IF-2]", with: "interfaces: [IF-7]"))
        let run = try dossier(["check", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("links to IF-7 in 'interfaces', but no software item has an interface with that id"), "\(run.stdout)")
        #expect(run.stdout.contains("links to ITEM-9 in 'interfaces IF-1 to', but no record has that id"), "\(run.stdout)")
    }

    @Test("found by review: nested items whose interfaces cross their boxes are drawn (Graphviz crashed in its ranking); more arrows than a picture draws are not, and the SUF says why")
    func nestedCrossingsAndTooManyArrows() throws {
        // Nine items nested two deep, with interfaces into and out of the boxes: Graphviz 2.42 died on it (segfault).
        var crossing = "items:\n"
        let parents = [1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1, 8: 2, 9: 2]
        let interfaces = [0: 2, 3: 4, 4: 1, 8: 6, 9: 3]
        for index in [0, 1, 2, 3, 4, 5, 6, 8, 9] {
            crossing += "  - id: ITEM-\(index)\n    name: Item number \(index) with a fairly long name\n    paths: [\"S\(index)/**\"]\n    zone: Z\(index % 5)\n"
            if let parent = parents[index] { crossing += "    parent: ITEM-\(parent)\n" }
            if let to = interfaces[index] { crossing += "    interfaces:\n      - {id: IF-\(index), to: ITEM-\(to), direction: out}\n" }
        }
        let scratch = try Scratch()
        _ = try Self.make(scratch, items: crossing, threats: "threats: []\n")
        let run = try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["picture-architecture.svg", "picture-security-architecture.svg"] {
            #expect(XMLParser(data: Data(try scratch.read("dist/dossier/v1.2.0/\(file)").utf8)).parse())
        }

        // 60 items with three interfaces each: 180 arrows, more than the 150 a picture draws.
        var dense = "items:\n"
        for index in 0..<60 {
            dense += "  - id: ITEM-\(index)\n    name: Part \(index)\n    paths: [\"S\(index)/**\"]\n    interfaces:\n"
            for step in 1...3 { dense += "      - {id: IF-\(index)-\(step), to: ITEM-\((index + step * 7) % 60)}\n" }
        }
        let big = try Scratch()
        _ = try Self.make(big, items: dense, threats: "threats: []\n")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: big.path).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: big.file("dist/dossier/v1.2.0"))
        #expect(!files.contains("picture-architecture.svg") && !files.contains("picture-security-architecture.svg"))
        #expect(try big.read("dist/dossier/v1.2.0/SUF-v1.2.0.md").contains(
            "The architecture holds 60 software items, SOUP items and elements outside the software and 180 interfaces and links to SOUP, more than the 300 boxes and 150 arrows a picture draws"))
    }

    @Test("found by review: an interface that leads nowhere evidences no 5.3.2; zones are compared trimmed, an empty one is not stated")
    func claimsFromInterfaces() throws {
        let scratch = try Scratch()
        let items = """
            items:
              - id: ITEM-1
                name: Dose engine
                paths: ["Sources/Dose/**"]
                zone: "Hospital "
                interfaces:
                  - {id: IF-1, to: ITEM-404}
              - id: ITEM-2
                name: User interface
                paths: ["Sources/UI/*.swift"]
                zone: Hospital
                interfaces:
                  - {id: IF-2, to: ITEM-1}
                  - {id: IF-3, to: Printer, zone: ""}

            """
        _ = try Self.make(scratch, items: items, threats: "threats: []\n")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path).status == 0)
        let markdown = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.md")
        // IF-1 leads to no item: only IF-2 and IF-3 document interfaces.
        #expect(markdown.contains("IEC 62304 5.3.2 | Design the interfaces of software items | evidenced | [2 interfaces of 1 software item](#if-2) |"), "\(markdown)")
        #expect(markdown.contains("| <a id=\"if-2\"></a>IF-2 | [ITEM-2](#item-2) | [ITEM-1](#item-1) | not stated | not stated | not stated | no (both in Hospital) |"))
        #expect(markdown.contains("| <a id=\"if-3\"></a>IF-3 | [ITEM-2](#item-2) | Printer | not stated | not stated | not stated | not stated |"))
        let security = try scratch.read("dist/dossier/v1.2.0/picture-security-architecture.svg")
        #expect(security.components(separatedBy: ">Trust boundary: ").count - 1 == 1, "\(security)")
    }

    @Test("hostile records: markup in names, zones and data is text; a cycle of parents and a chain 40 deep are drawn; 400 items are not, and the SUF says why")
    func hostileRecords() throws {
        let scratch = try Scratch()
        let markup = #"</text><script>alert(1)</script> \N & "q" &#1; &nbsp;"#
        let hostile = Self.items
            // A character reference and a control character in an outside element's name (found by review: the name
            // was the node's, which Graphviz writes into <title> as it is).
            .replacingOccurrences(of: "to: Hospital server", with: "to: '\(markup)'\n      - id: IF-9\n        to: \"Cloud\\x01ctl\"")
            .replacingOccurrences(of: "zone: Hospital network", with: "zone: '\(markup)'")
            .replacingOccurrences(of: "data: Dose library", with: "data: '\(markup)'")
            .replacingOccurrences(of: "parent: ITEM-0\n    paths: [\"Sources/Dose/**\"", with: "parent: ITEM-2\n    paths: [\"Sources/Dose/**\"")
            .replacingOccurrences(of: "name: Pump software", with: "name: Pump software\n    parent: ITEM-1")
        _ = try Self.make(scratch, items: hostile)
        let run = try dossier(["suf", "v1.2.0", "--repo", "repo"], in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["picture-architecture.svg", "picture-security-architecture.svg"] {
            let svg = try scratch.read("dist/dossier/v1.2.0/\(file)")
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(svg)")
            #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;"))
            #expect(svg.contains(#"\N"#))
        }
        let html = try scratch.read("dist/dossier/v1.2.0/SUF-v1.2.0.html")
        #expect(!html.contains("<script>alert"))

        // A chain of parents 40 deep.
        var chain = "items:\n"
        for index in 0..<40 {
            chain += "  - id: ITEM-\(index)\n    name: Part \(index)\n    paths: [\"Sources/P\(index)/**\"]\n"
            if index > 0 { chain += "    parent: ITEM-\(index - 1)\n" }
        }
        let deep = try Scratch()
        _ = try Self.make(deep, items: chain, threats: "threats: []\n")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: deep.path).status == 0)
        let deepSVG = try deep.read("dist/dossier/v1.2.0/picture-architecture.svg")
        #expect(deepSVG.components(separatedBy: "<g class=\"node\">").count - 1 == 40)
        #expect(deepSVG.components(separatedBy: "<g class=\"cluster\">").count - 1 == 8, "boxes nest 8 deep")

        // More items than a picture draws.
        var many = "items:\n"
        for index in 0..<400 { many += "  - id: ITEM-\(index)\n    name: Part \(index)\n    paths: [\"Sources/P\(index)/**\"]\n" }
        let big = try Scratch()
        _ = try Self.make(big, items: many, threats: "threats: []\n")
        #expect(try dossier(["suf", "v1.2.0", "--repo", "repo"], in: big.path).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: big.file("dist/dossier/v1.2.0"))
        #expect(!files.contains("picture-architecture.svg"))
        #expect(try big.read("dist/dossier/v1.2.0/SUF-v1.2.0.md").contains(
            "The architecture holds 400 software items, SOUP items and elements outside the software and 0 interfaces and links to SOUP, more than the 300 boxes and 150 arrows a picture draws; the tables list them all."))
    }
}
