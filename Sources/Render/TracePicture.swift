import Foundation
import Checks
import Model
import Support

/// A record's trace chain as a picture: what links to it on its left, what it links to on its right, each link
/// labelled with where it is written, laid out by Graphviz. Kinds are told apart by shape and the record traced by a
/// heavier outline, so the picture reads in black and white; every record links to its row in the release's SUF.
public enum TracePicture {
    /// The trace as a standalone SVG file, its records linked to their anchors in `sufPage` (the SUF's HTML file
    /// beside it, e.g. `SUF-v2.0.0.html`).
    /// - Throws: `DossierError` when Graphviz fails.
    public static func svg(_ report: TraceReport, sufPage: String) throws -> String {
        let graph = graph(report, sufPage: sufPage)
        // Graphviz's layout grows faster than the chain: a picture of thousands of records is unreadable anyway.
        guard graph.nodes.count <= maximumNodes else {
            throw DossierError("the trace of \(report.root.id) holds \(graph.nodes.count) records, commits and tests, more than the \(maximumNodes) a picture shows: use --format text or json")
        }
        return try Graphviz.svg(graph)
    }

    /// The most nodes a trace picture draws.
    static let maximumNodes = 1_000
    /// The most nodes of a requirement's trace picture in a bundle: a longer chain is left to `dossier trace`.
    static let maximumBundleNodes = 60
    /// The most nodes of all the trace pictures of a bundle (about 25 MB of SVG): the requirements after are left to
    /// `dossier trace`.
    static let maximumBundleTotal = 20_000

    /// The file of a requirement's trace picture in its release's bundle, e.g. `trace-REQ-1.svg` (record ids hold
    /// only ASCII letters, digits and `._-`).
    public static func fileName(requirement id: String) -> String { "trace-\(id).svg" }

    /// The graphs of the requirements' traces a bundle holds, in order, by requirement id: each of at most
    /// `maximumBundleNodes` nodes, while their nodes add up to at most `maximumBundleTotal`; linked to `sufPage`.
    static func bundleSelection(_ reports: [TraceReport], sufPage: String) -> [(requirement: String, graph: Graphviz.Graph)] {
        var total = 0, chosen: [(requirement: String, graph: Graphviz.Graph)] = []
        for report in reports {
            let graph = graph(report, sufPage: sufPage)
            guard graph.nodes.count <= maximumBundleNodes else { continue }
            guard total + graph.nodes.count <= maximumBundleTotal else { break }
            total += graph.nodes.count
            chosen.append((report.root.id, graph))
        }
        return chosen
    }

    /// The pictures of the graphs `bundleSelection` chose, by file name.
    /// - Throws: `DossierError` when Graphviz fails.
    static func bundlePictures(_ chosen: [(requirement: String, graph: Graphviz.Graph)]) throws -> [String: String] {
        var pictures: [String: String] = [:]
        for (requirement, graph) in chosen { pictures[fileName(requirement: requirement)] = try Graphviz.svg(graph) }
        return pictures
    }

    /// A link's text as a URL: every byte but letters, digits and `-._~` percent-encoded. Graphviz writes a URL into
    /// the SVG as it is given, so a quote in a tag's name would otherwise end the attribute.
    static func urlComponent(_ text: String) -> String {
        text.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                String(UnicodeScalar(byte))
            default:
                String(format: "%%%02X", byte)
            }
        }.joined()
    }

    /// The graph Graphviz lays out.
    static func graph(_ report: TraceReport, sufPage: String) -> Graphviz.Graph {
        var graph = Graphviz.Graph()
        graph.attributes = [("rankdir", "LR"), ("nodesep", "0.25"), ("ranksep", "0.6"), ("fontname", "Helvetica"),
                            ("label", Graphviz.label("Trace of \(report.root.id)")), ("labelloc", "t"), ("fontsize", "12")]
        graph.nodeDefaults = [("fontname", "Helvetica"), ("fontsize", "10"), ("margin", "0.12,0.06")]
        graph.edgeDefaults = [("fontname", "Helvetica"), ("fontsize", "8"), ("arrowsize", "0.6")]
        var named: Set<String> = []
        func name(_ branch: TraceReport.Branch) -> String { "\(branch.kind.rawValue) \(branch.id)" }
        func add(_ branch: TraceReport.Branch, root: Bool = false) {
            guard named.insert(name(branch)).inserted else { return }
            var attributes = [("label", label(branch)), ("shape", shape(branch.kind))]
            if root { attributes += [("penwidth", "2.5"), ("style", "bold")] }
            if branch.kind == .test {
                // A test is a rounded box; one that did not pass, dashed.
                attributes.append(("style", branch.status == "passed" ? "rounded" : "rounded,dashed"))
            }
            if isRecord(branch) {
                // The link's tooltip is the record's anchor: Graphviz expands `\N` and `\G` in a tooltip whatever
                // the backslashes before them, so no record text goes there.
                let anchor = MarkdownText.anchor(branch.id)
                attributes += [("URL", "\(urlComponent(sufPage))#\(urlComponent(anchor))"), ("tooltip", urlComponent(anchor))]
            }
            graph.nodes.append(Graphviz.Node(name: name(branch), attributes: attributes))
        }
        func edge(from: TraceReport.Branch, to: TraceReport.Branch, via: [String]) {
            graph.edges.append(Graphviz.Edge(from: name(from), to: name(to),
                                             attributes: via.isEmpty ? [] : [("label", Graphviz.label(via.joined(separator: ", ")))]))
        }
        add(report.root, root: true)
        // What links to the record points at it, from its left; what it links to, to its right.
        func up(_ branch: TraceReport.Branch, to target: TraceReport.Branch) {
            add(branch)
            edge(from: branch, to: target, via: branch.via)
            for child in branch.branches { up(child, to: branch) }
        }
        func down(_ branch: TraceReport.Branch, from source: TraceReport.Branch) {
            add(branch)
            edge(from: source, to: branch, via: branch.via)
            for child in branch.branches { down(child, from: branch) }
        }
        for branch in report.up { up(branch, to: report.root) }
        for branch in report.down { down(branch, from: report.root) }
        return graph
    }

    /// A node's text: its id (a commit's first 12 digits), its title shortened to 40 characters, and a test's result.
    static func label(_ branch: TraceReport.Branch) -> String {
        let id = branch.kind == .commit ? String(branch.id.prefix(12)) : branch.id
        let title = branch.title.count > 40 ? branch.title.prefix(39) + "…" : branch.title
        let status = branch.kind == .test ? branch.status.map { "\n(\($0))" } ?? "" : ""
        return Graphviz.label("\(id)\n\(title)\(status)")
    }

    /// Whether the branch is a record of the release, which its SUF has a row for.
    static func isRecord(_ branch: TraceReport.Branch) -> Bool {
        branch.kind != .commit && branch.kind != .test && branch.location != nil
    }

    /// The shape each kind is drawn with, so that kinds differ without colour.
    static func shape(_ kind: TraceNode.Kind) -> String {
        switch kind {
        case .requirement: "box"
        case .risk: "hexagon"
        case .threat: "octagon"
        case .ifuChange: "note"
        case .softwareItem: "component"
        case .soup: "cylinder"
        case .changeRequest: "folder"
        case .problemReport: "tab"
        case .commit: "ellipse"
        case .test: "box"
        }
    }
}
