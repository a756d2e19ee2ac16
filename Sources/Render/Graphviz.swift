import CGraphviz
import Foundation
import Support
import Synchronization

/// A graph laid out by Graphviz's library (its `dot` layout) and written as SVG by its own SVG renderer: the
/// pictures' graphs are never laid out by hand. Graphviz keeps global state, so every call holds one lock.
///
/// Only the `dot` layout and the core renderers are loaded (from the plugin folder beside libgvc), not the plugins
/// Graphviz would load by itself: without a text layout plugin (pango), text is measured with Graphviz's built-in
/// font metrics rather than with the fonts installed, so the same graph gives the same bytes on every machine.
enum Graphviz {
    /// A graph to lay out: attributes of the graph, of all nodes and of all edges, then the nodes and edges.
    struct Graph: Sendable {
        var attributes: [(String, String)] = []
        var nodeDefaults: [(String, String)] = []
        var edgeDefaults: [(String, String)] = []
        var nodes: [Node] = []
        var edges: [Edge] = []
        /// Boxes drawn around groups of nodes (Graphviz's clusters), nested as given.
        var clusters: [Cluster] = []
    }

    /// A box around nodes (by name) and nested boxes, with its own attributes (`label`, `style`, …).
    struct Cluster: Sendable {
        var attributes: [(String, String)]
        var nodes: [String]
        var clusters: [Cluster] = []
    }

    /// A node: its name (unique in the graph) and attributes (`label`, `shape`, `URL`, …).
    struct Node: Sendable {
        var name: String
        var attributes: [(String, String)]
    }

    /// An edge between two nodes, by name.
    struct Edge: Sendable {
        var from, to: String
        var attributes: [(String, String)] = []
    }

    /// Text as a Graphviz escString: its backslashes doubled, so that `\N`, `\G` or `\l` in a record's title is
    /// text, not an escape; `&` as `&amp;`, since Graphviz decodes character references in labels (`&#1;` would be
    /// a byte XML forbids, `&lt;` a `<`); characters XML forbids as U+FFFD; line breaks as Graphviz's centred `\n`.
    static func label(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            case "\t", "\r": out += " "
            default: out.unicodeScalars.append(XMLText.allowed(scalar))
            }
        }
        return out
    }

    /// The context, made once, holding only the layout and renderers dossier uses.
    private static let context = Mutex<OpaquePointer?>(nil)

    /// The graph as SVG.
    /// - Throws: `DossierError` when Graphviz's plugins cannot be loaded or the layout fails.
    static func svg(_ graph: Graph) throws -> String {
        try context.withLock { context in
            if context == nil { context = try makeContext() }
            guard let gvc = context else { throw DossierError("Graphviz could not be started") }
            // cgraph takes `char *` and copies what it keeps: the copies made here are freed at the end.
            var copies: [UnsafeMutablePointer<CChar>] = []
            defer { copies.forEach { free($0) } }
            func c(_ text: String) -> UnsafeMutablePointer<CChar> {
                let copy = strdup(text)!
                copies.append(copy)
                return copy
            }
            guard let g = agopen(c("picture"), dossier_directed_graph(), dossier_counted_ids()) else { throw DossierError("Graphviz could not make a graph") }
            defer { agclose(g) }
            for (key, value) in graph.attributes { agattr(g, Int32(AGRAPH), c(key), c(value)) }
            for (key, value) in graph.nodeDefaults { agattr(g, Int32(AGNODE), c(key), c(value)) }
            for (key, value) in graph.edgeDefaults { agattr(g, Int32(AGEDGE), c(key), c(value)) }
            var made: [String: UnsafeMutablePointer<Agnode_t>] = [:]
            for node in graph.nodes {
                guard let n = agnode(g, c(node.name), 1) else { continue }
                for (key, value) in node.attributes { agsafeset(n, c(key), c(value), c("")) }
                made[node.name] = n
            }
            // Clusters are subgraphs whose names start with "cluster", numbered in the order given.
            var clusterCount = 0
            func add(_ cluster: Cluster, to parent: UnsafeMutablePointer<Agraph_t>) {
                clusterCount += 1
                guard let sub = agsubg(parent, c("cluster_\(clusterCount)"), 1) else { return }
                for (key, value) in cluster.attributes { agsafeset(sub, c(key), c(value), c("")) }
                for name in cluster.nodes { if let node = made[name] { agsubnode(sub, node, 1) } }
                for inner in cluster.clusters { add(inner, to: sub) }
            }
            for cluster in graph.clusters { add(cluster, to: g) }
            for edge in graph.edges {
                guard let from = made[edge.from], let to = made[edge.to], let e = agedge(g, from, to, nil, 1) else { continue }
                for (key, value) in edge.attributes { agsafeset(e, c(key), c(value), c("")) }
            }
            guard gvLayout(gvc, g, "dot") == 0 else { throw DossierError("Graphviz could not lay out the graph") }
            defer { gvFreeLayout(gvc, g) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, g, "svg", &data, &length) == 0, let data else {
                throw DossierError("Graphviz could not write the graph as SVG")
            }
            defer { gvFreeRenderData(data) }
            return String(decoding: UnsafeRawBufferPointer(start: data, count: Int(length)), as: UTF8.self)
        }
    }

    /// A context with the `dot` layout and the core renderers (SVG), loaded from Graphviz's plugin folder.
    private static func makeContext() throws -> OpaquePointer {
        guard let gvc = gvContextPlugins(nil, 0) else { throw DossierError("Graphviz could not be started") }
        guard let file = dossier_gvc_library_file() else {
            throw DossierError("cannot find Graphviz's library (libgvc) to load its plugins from")
        }
        let folder = (String(cString: file) as NSString).deletingLastPathComponent + "/graphviz"
        for (plugin, library) in [("dot_layout", "gvplugin_dot_layout_LTX_library"), ("core", "gvplugin_core_LTX_library")] {
            let path = "\(folder)/libgvplugin_\(plugin).so.6"
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL), let table = dlsym(handle, library) else {
                throw DossierError("cannot load Graphviz's \(plugin) plugin from \(path): install Graphviz (Debian: sudo apt-get install libgraphviz-dev)")
            }
            gvAddLibrary(gvc, table.assumingMemoryBound(to: gvplugin_library_t.self))
        }
        return gvc
    }
}
