import Foundation
import Records
import Support

/// The software architecture at a release as pictures laid out by Graphviz, drawn only from what the records state:
/// the **architecture** (IEC 62304 5.3; the FDA's architecture diagram): software items nested in the items they are
/// part of, each with its safety class, the SOUP attached to the items that use it, and the interfaces between items
/// and to elements outside the software; and the **security architecture view** (FDA premarket cybersecurity
/// guidance): the same items and elements inside their trust boundaries, each interface labelled with the threats
/// on it and weighted by their highest residual CVSS severity.
///
/// Both read in black and white: safety classes and severities are written in the labels, classes are also told by
/// the outline (C doubled), severities by the line's weight. Items, SOUP and interfaces link to their rows in the SUF.
public enum ArchitecturePicture {
    /// The architecture's file name in the bundle.
    public static let fileName = "picture-architecture.svg"
    /// The security architecture view's file name in the bundle.
    public static let securityFileName = "picture-security-architecture.svg"
    /// The most items, SOUP and outside elements a picture draws: Graphviz's layout of nested boxes grows much faster
    /// than the graph, and a bigger picture is not read anyway (the tables list everything).
    static let maximumNodes = 300
    /// The most arrows (interfaces, and SOUP items' links to the items using them) a picture draws: Graphviz's edge
    /// routing among nested boxes took a minute for 300 arrows, and a picture of more is not read either.
    static let maximumEdges = 150
    /// Boxes nest at most this deep; items further down are drawn in the deepest box.
    static let maximumDepth = 8
    /// The threats written on one interface; more are counted.
    static let maximumThreatsPerLabel = 6

    /// How a picture of `width` by `height` points is printed: on a portrait or a landscape A4 page (the room for it
    /// as style.css sets the margins, less a running header and a heading), scaled by `scale` (at most 1).
    struct PageFit {
        var landscape: Bool
        var scale: Double

        init(width: Double, height: Double) {
            guard width > 0, height > 0 else { landscape = false; scale = 1; return }
            let portrait = min(1, 516 / width, 700 / height), wide = min(1, 740 / width, 480 / height)
            landscape = wide > portrait
            scale = max(portrait, wide)
        }

        /// How Graphviz's SVG `svg` is printed.
        init(_ svg: String) {
            let size = Self.size(svg[...])
            self.init(width: size?.width ?? 0, height: size?.height ?? 0)
        }

        /// The size Graphviz states on its `<svg>` element (the first `width="…pt" height="…pt"` of `text`), and where.
        static func size(_ text: Substring) -> (width: Double, height: Double, range: Range<Substring.Index>)? {
            guard let match = text.firstMatch(of: /width="([0-9.]+)pt" height="([0-9.]+)pt"/),
                  let width = Double(match.1), let height = Double(match.2) else { return nil }
            return (width, height, match.range)
        }

        /// A length with two decimals, as Graphviz writes them.
        func text(_ value: Double) -> String { String(format: "%.2f", value) }
    }

    /// What a release's records give the pictures: the items in force, the SOUP attached to them, the elements outside
    /// the software that interfaces lead to, and the threats.
    struct Model {
        var items: [SoftwareItem]
        var soup: [SOUP]
        /// Elements outside the software by name, in the order interfaces first lead to them, with their trust zone.
        var outside: [(name: String, zone: String?)]
        var threats: [Threat]

        init(_ records: RecordSet) {
            items = records.items.filter { $0.obsolete == nil }
            let itemIds = Set(items.map(\.id))
            soup = records.soup.filter { $0.obsolete == nil && $0.items.contains(where: itemIds.contains) }
            let zones = records.outsideZones
            var outside: [(name: String, zone: String?)] = []
            var index: [String: Int] = [:]
            for interface in items.flatMap(\.interfaces) where !interface.isToItem && index[interface.to] == nil {
                index[interface.to] = outside.count
                outside.append((interface.to, zones[interface.to]))
            }
            self.outside = outside
            outsideIndex = index
            threats = records.threats.filter { $0.obsolete == nil }
            edgeCount = items.reduce(0) { $0 + $1.interfaces.count } + soup.reduce(0) { $0 + $1.items.count { itemIds.contains($0) } }
        }

        /// Each outside element's place in `outside`, by name.
        private let outsideIndex: [String: Int]
        /// How many arrows a picture would draw.
        let edgeCount: Int

        /// How many boxes a picture would draw.
        var nodeCount: Int { items.count + soup.count + outside.count }

        /// Whether a picture of the model is drawn: it has items, and not more boxes and arrows than a picture shows.
        var isDrawn: Bool { !items.isEmpty && nodeCount <= maximumNodes && edgeCount <= maximumEdges }

        /// The node an interface leads to: the item's id (Graphviz draws no arrow to an item not in force, which has
        /// no node), or an outside element's node, named by its place, never by its text.
        func target(of interface: ItemInterface) -> String {
            interface.isToItem ? interface.to : "outside-\(outsideIndex[interface.to] ?? -1)"
        }

        /// The node of the outside element at `index` in `outside`.
        static func outsideNode(_ index: Int) -> String { "outside-\(index)" }
    }

    /// Whether the release's architecture is drawn: it has software items in force, and not more than a picture shows.
    public static func isDrawn(_ records: RecordSet) -> Bool {
        Model(records).isDrawn
    }

    /// Whether the security view is drawn: the architecture is, and the records name threats or trust zones.
    public static func isSecurityViewDrawn(_ records: RecordSet) -> Bool {
        let model = Model(records)
        return model.isDrawn && (!model.threats.isEmpty || model.items.contains { $0.zone != nil })
    }

    /// How many boxes and arrows the architecture of `records` would draw (for the sentence that says why it is not).
    public static func size(_ records: RecordSet) -> (nodes: Int, edges: Int) {
        let model = Model(records)
        return (model.nodeCount, model.edgeCount)
    }

    /// The architecture as SVG, its items, SOUP and interfaces linked to their rows in `sufPage`.
    /// - Throws: `DossierError` when Graphviz fails.
    public static func svg(_ records: RecordSet, sufPage: String) throws -> String {
        let model = Model(records)
        var graph = base(title: "Software architecture")
        var nodes: [Graphviz.Node] = []
        for item in model.items { nodes.append(itemNode(item, sufPage: sufPage)) }
        for soup in model.soup {
            nodes.append(Graphviz.Node(name: soup.id, attributes: [
                ("label", Graphviz.label("\(soup.id)\n\(wrapped(soup.name + " " + soup.version))\n(SOUP)")),
                ("shape", "cylinder")] + link(soup.id, sufPage: sufPage)))
        }
        for (index, element) in model.outside.enumerated() { nodes.append(outsideNode(element.name, index: index)) }
        graph.nodes = nodes
        graph.clusters = hierarchy(model.items)
        let itemIds = Set(model.items.map(\.id))
        for soup in model.soup {
            for item in soup.items where itemIds.contains(item) {
                graph.edges.append(Graphviz.Edge(from: item, to: soup.id, attributes: [("style", "dashed"), ("arrowhead", "none"),
                                                                                       ("label", "uses")]))
            }
        }
        for item in model.items {
            for interface in item.interfaces {
                let target = model.target(of: interface)
                // Only the id: what crosses it and how stand in the interfaces table under the picture.
                graph.edges.append(Graphviz.Edge(from: item.id, to: target, attributes: [("label", Graphviz.label(interface.id))]
                    + direction(interface.direction) + link(interface.id, sufPage: sufPage)))
            }
        }
        return try bestFit(graph, label: "Software architecture at this release")
    }

    /// The security architecture view as SVG: trust boundaries as dashed boxes, each interface labelled with the threats
    /// that name it and weighted by their highest residual severity.
    /// - Throws: `DossierError` when Graphviz fails.
    public static func securitySVG(_ records: RecordSet, sufPage: String) throws -> String {
        let model = Model(records)
        var graph = base(title: "Security architecture view")
        var zones: [String] = []
        var members: [String: [String]] = [:]
        func place(_ node: String, in zone: String?) {
            guard let zone else { return }
            if members[zone] == nil { zones.append(zone) }
            members[zone, default: []].append(node)
        }
        let threatsOnItems = Dictionary(grouping: model.threats.flatMap { threat in threat.items.map { ($0, threat) } }, by: \.0)
        for item in model.items {
            var node = itemNode(item, sufPage: sufPage)
            // Threats on the item that name none of its interfaces are written in its box.
            let own = (threatsOnItems[item.id] ?? []).map(\.1).filter { threat in
                !item.interfaces.contains { threat.interfaces.contains($0.id) }
            }
            if !own.isEmpty, let at = node.attributes.firstIndex(where: { $0.0 == "label" }) {
                node.attributes[at].1 = Graphviz.label(itemText(item) + "\n" + threatLines(own))
            }
            graph.nodes.append(node)
            place(item.id, in: item.zone)
        }
        for (index, element) in model.outside.enumerated() {
            graph.nodes.append(outsideNode(element.name, index: index))
            place(Model.outsideNode(index), in: element.zone)
        }
        graph.clusters = zones.map { zone in
            Graphviz.Cluster(attributes: [("label", Graphviz.label("Trust boundary: \(wrapped(zone, width: 40, lines: 1))")), ("style", "dashed"),
                                          ("fontsize", "10"), ("labeljust", "l")],
                             nodes: members[zone] ?? [])
        }
        for item in model.items {
            for interface in item.interfaces {
                let target = model.target(of: interface)
                let threats = model.threats.filter { $0.interfaces.contains(interface.id) }
                let label = threats.isEmpty ? interface.id : interface.id + "\n" + threatLines(threats)
                graph.edges.append(Graphviz.Edge(from: item.id, to: target, attributes: [("label", Graphviz.label(label))]
                    + direction(interface.direction) + weight(threats) + link(interface.id, sufPage: sufPage)))
            }
        }
        return try bestFit(graph, label: "Security architecture view at this release")
    }

    // MARK: - Parts

    /// The graph's common attributes, titled `title`.
    private static func base(title: String) -> Graphviz.Graph {
        var graph = Graphviz.Graph()
        // newrank: Graphviz 2.42's older ranking of nested boxes crashed (segfault in dot_rank/dot_position) on nine
        // nested items with arrows across their boxes; mclimit, nslimit and searchsize bound its crossing reduction
        // and network simplex, which otherwise ran for minutes on a few hundred arrows.
        graph.attributes = [("newrank", "true"), ("mclimit", "0.3"), ("nslimit", "5"), ("nslimit1", "5"), ("searchsize", "20"),
                            ("nodesep", "0.25"), ("ranksep", "0.4"), ("fontname", "Helvetica"), ("fontsize", "11"),
                            ("label", Graphviz.label(title)), ("labelloc", "t")]
        graph.nodeDefaults = [("fontname", "Helvetica"), ("fontsize", "10"), ("margin", "0.12,0.06"), ("shape", "box")]
        graph.edgeDefaults = [("fontname", "Helvetica"), ("fontsize", "10"), ("arrowsize", "0.7")]
        return graph
    }

    /// An item's box: id, name and class, filled by class (A white, B light, C darker, with a double outline).
    private static func itemNode(_ item: SoftwareItem, sufPage: String) -> Graphviz.Node {
        var attributes: [(String, String)] = [("label", Graphviz.label(itemText(item))), ("style", "filled")]
        switch item.safetyClass {
        case .c?: attributes += [("fillcolor", "#c8c8c8"), ("peripheries", "2")]
        case .b?: attributes += [("fillcolor", "#e6e6e6")]
        case .a?, nil: attributes += [("fillcolor", "#ffffff")]
        }
        return Graphviz.Node(name: item.id, attributes: attributes + link(item.id, sufPage: sufPage))
    }

    /// An item's text: id, name, class.
    private static func itemText(_ item: SoftwareItem) -> String {
        "\(item.id)\n\(wrapped(item.name))\n" + (item.safetyClass.map { "Class \($0.rawValue)" } ?? "class not stated")
    }

    /// An element outside the software: a rounded box, named, not linked (no record of dossier's describes it).
    private static func outsideNode(_ name: String, index: Int) -> Graphviz.Node {
        Graphviz.Node(name: Model.outsideNode(index), attributes: [("label", Graphviz.label("\(wrapped(name))\n(outside the software)")),
                                                                   ("style", "rounded,dashed")])
    }

    /// The nested boxes of items that have parts: an item with parts is a box holding its own node and its parts.
    /// Boxes nest `maximumDepth` deep; below that, every further part is drawn in the deepest box. An item in a cycle
    /// of parents (which no root reaches) heads a box of its own.
    private static func hierarchy(_ items: [SoftwareItem]) -> [Graphviz.Cluster] {
        let ids = Set(items.map(\.id))
        let parts = Dictionary(grouping: items.filter { $0.parent.map(ids.contains) ?? false }, by: { $0.parent ?? "" })
        var placed: Set<String> = []
        /// The box of `item`, already placed, which has parts.
        func box(_ item: SoftwareItem, depth: Int) -> Graphviz.Cluster {
            var cluster = Graphviz.Cluster(attributes: [("label", Graphviz.label("\(item.id) and its parts")), ("style", "solid"),
                                                        ("fontsize", "10"), ("labeljust", "l")],
                                           nodes: [item.id])
            var next = parts[item.id] ?? []
            while !next.isEmpty {
                var deeper: [SoftwareItem] = []
                for part in next where placed.insert(part.id).inserted {
                    let hasParts = !(parts[part.id] ?? []).isEmpty
                    if hasParts, depth < maximumDepth {
                        cluster.clusters.append(box(part, depth: depth + 1))
                    } else {
                        cluster.nodes.append(part.id)
                        // At the deepest box, the part's own parts are drawn in it too.
                        if hasParts { deeper += parts[part.id] ?? [] }
                    }
                }
                next = deeper
            }
            return cluster
        }
        var boxes: [Graphviz.Cluster] = []
        let roots = items.filter { !($0.parent.map(ids.contains) ?? false) }
        for item in roots + items where !placed.contains(item.id) {
            placed.insert(item.id)
            if !(parts[item.id] ?? []).isEmpty { boxes.append(box(item, depth: 1)) }
        }
        return boxes
    }

    /// The threats in a label, one line each: id, residual score and severity, and the asset it is against (cut short;
    /// the interfaces table has it whole).
    private static func threatLines(_ threats: [Threat]) -> String {
        var lines = threats.prefix(maximumThreatsPerLabel).map { threat in
            "\(threat.id) (\(residualSeverity(threat)?.text ?? "residual not stated"))"
                + (threat.asset.map { ": " + wrapped($0, width: 22, lines: 1) } ?? "")
        }
        if threats.count > maximumThreatsPerLabel { lines.append("and \(threats.count - maximumThreatsPerLabel) more") }
        return lines.joined(separator: "\n")
    }

    /// A threat's residual CVSS score and severity, when its vector reads.
    private static func residualSeverity(_ threat: Threat) -> (score: Double, text: String)? {
        guard let vector = threat.residualCvss, let cvss = try? CVSSVector(vector) else { return nil }
        return (cvss.baseScore, String(format: "%.1f %@", cvss.baseScore, cvss.severity))
    }

    /// An interface's line by its threats' highest residual severity: heavier and darker the higher; dotted when a
    /// threat's residual CVSS is not stated; thin and grey without threats.
    private static func weight(_ threats: [Threat]) -> [(String, String)] {
        guard !threats.isEmpty else { return [("color", "#808080"), ("penwidth", "1")] }
        let scores = threats.map { residualSeverity($0)?.score }
        if scores.contains(where: { $0 == nil }) { return [("style", "dotted"), ("penwidth", "2")] }
        let highest = scores.compactMap { $0 }.max() ?? 0
        switch CVSSVector.severity(of: highest) {
        case "Critical": return [("color", "#b71c1c"), ("penwidth", "5")]
        case "High": return [("color", "#e65100"), ("penwidth", "3.5")]
        case "Medium": return [("color", "#8d6e00"), ("penwidth", "2.2")]
        default: return [("color", "#1b5e20"), ("penwidth", "1.3")]
        }
    }

    /// The arrowheads for an interface's direction, seen from its item (the edge runs from the item).
    private static func direction(_ direction: InterfaceDirection?) -> [(String, String)] {
        switch direction {
        case .outbound?: []
        case .inbound?: [("dir", "back")]
        case .both?, nil: [("dir", "both")]
        }
    }

    /// A link to the row of `id` in the SUF page, with the anchor as the tooltip (see `TracePicture`).
    private static func link(_ id: String, sufPage: String) -> [(String, String)] {
        let anchor = MarkdownText.anchor(id)
        return [("URL", "\(TracePicture.urlComponent(sufPage))#\(TracePicture.urlComponent(anchor))"),
                ("tooltip", TracePicture.urlComponent(anchor))]
    }

    /// `text` in lines of at most `width` characters, broken between words (a longer word is cut), at most `lines`
    /// lines, the last ending in an ellipsis when text is left out: labels stay narrow, so pictures stay readable.
    static func wrapped(_ text: String, width: Int = 24, lines: Int = 3) -> String {
        var out: [String] = []
        var line = ""
        var cut = false
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let word = word.count > width ? word.prefix(width - 1) + "…" : String(word)
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                out.append(line)
                line = word
                if out.count == lines { cut = true; break }
            }
        }
        if !cut, !line.isEmpty { out.append(line) }
        if cut, var last = out.popLast() {
            last = last.count >= width ? last.prefix(width - 1) + "…" : last + "…"
            out.append(last)
        }
        return out.joined(separator: "\n")
    }

    /// The graph laid out top to bottom and left to right, whichever prints larger (top to bottom when both fit).
    private static func bestFit(_ graph: Graphviz.Graph, label: String) throws -> String {
        var fits: [(fit: PageFit, svg: String)] = []
        for direction in ["TB", "LR"] {
            var laid = graph
            laid.attributes.insert(("rankdir", direction), at: 0)
            let svg = try Graphviz.svg(laid)
            fits.append((PageFit(svg), svg))
            if fits[0].fit.scale >= 1 { break }
        }
        let best = fits.count == 2 && fits[1].fit.scale > fits[0].fit.scale ? fits[1].svg : fits[0].svg
        return finished(best, label: label)
    }

    /// Graphviz's SVG as dossier's pictures are: from the `<svg` element on (no XML declaration, doctype or
    /// comments, which name Graphviz's version), with the picture class and a label for screen readers.
    static func finished(_ svg: String, label: String) -> String {
        guard let start = svg.range(of: "<svg ") else { return svg }
        // Sized to fit a printed page's text, portrait or (class wide, style.css) landscape, whichever shrinks it less,
        // and never enlarged: the size is stated, so the words' printed size is known here, not left to the browser.
        let size = PageFit.size(svg[start.upperBound...])
        let fit = PageFit(width: size?.width ?? 0, height: size?.height ?? 0)
        let kind = fit.landscape ? "picture wide" : "picture"
        var out = "<svg class=\"\(kind)\" role=\"img\" aria-label=\"\(XMLText.xmlEscaped(label))\" "
        var rest = svg[start.upperBound...]
        if let size {
            out += "width=\"\(fit.text(size.width * fit.scale))pt\" height=\"\(fit.text(size.height * fit.scale))pt\""
            rest = rest[size.range.upperBound...]
        }
        // One pass: each comment is cut as it is met (Graphviz escapes "-" inside its comments).
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) else { rest = rest[rest.endIndex...]; break }
            rest = rest[close.upperBound...]
        }
        out += rest
        // Graphviz numbers its groups (`<g id="node1"`) in every picture alike: two pictures in one page would repeat
        // the ids, so they are left out (nothing links to them).
        var cleaned = ""
        var remaining = out[...]
        while let open = remaining.range(of: "<g id=\""), let close = remaining.range(of: "\"", range: open.upperBound..<remaining.endIndex) {
            cleaned += remaining[..<open.lowerBound]
            cleaned += "<g"
            remaining = remaining[close.upperBound...]
        }
        cleaned += remaining
        return cleaned
    }
}
