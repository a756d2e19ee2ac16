import Git
import Mustache
import Support

/// The templates of a `TemplateSet`, each parsed once by swift-mustache, by name without `.mustache`: partials are
/// taken from the same library. Every render goes through a `RenderBudget`.
package struct TemplateLibrary: Sendable {
    /// The templates as swift-mustache parsed them (which also checked that they parse).
    let mustache: MustacheLibrary
    /// The file each template is named by in errors, by name without `.mustache`.
    let files: [String: String]
    /// The parts a long document's template is cut into (`TemplateParts`), by the document's name: the names the
    /// parts are registered under, in order.
    let parts: [String: [String]]
    /// The largest section body of any template with its partials written out in place, in characters, at least 1.
    let largestBody: Int
    /// How deep sections nest at most in any template, at least 1.
    let deepestNesting: Int

    /// Renders the template `name` with `context`; nil when there is no such template.
    /// - Throws: `DossierError` naming the template's file when the render passes its `RenderBudget`.
    package func render(_ context: Any, withTemplate name: String) throws -> String? {
        let budget = RenderBudget(stepSize: largestBody, weight: deepestNesting)
        let text = render(context, withTemplate: name, budget: budget)
        if budget.exceeded == nil, let text, text.utf8.count > RenderBudget.maxOutput { budget.write(text.utf8.count) }
        try check(budget, name)
        return text
    }

    /// Renders the document template `name` (`suf.md`, `dhf.md`) with `context`: its parts (`TemplateParts`) at
    /// once, one child task each, joined in order into the text the whole template renders to; the whole template
    /// when it is not cut. All parts count against one `RenderBudget`. Empty when there is no such template.
    /// - Throws: `DossierError` naming the template's file when the render passes its `RenderBudget`.
    package func renderDocument<Context: MustacheParent & Sendable>(_ context: Context, withTemplate name: String) async throws -> String {
        guard let parts = parts[name] else { return try render(context, withTemplate: name) ?? "" }
        let budget = RenderBudget(stepSize: largestBody, weight: deepestNesting)
        let texts = await withTaskGroup(of: (Int, String).self) { group in
            for (index, part) in parts.enumerated() {
                group.addTask { (index, render(context, withTemplate: part, budget: budget) ?? "") }
            }
            var texts = [String](repeating: "", count: parts.count)
            for await (index, text) in group { texts[index] = text }
            return texts
        }
        let size = texts.reduce(0) { $0 + $1.utf8.count }
        if budget.exceeded == nil, size > RenderBudget.maxOutput { budget.write(size) }
        // Which bound parts rendering at once pass first can depend on how they are scheduled: the whole template,
        // rendered alone, says which, the same every time (and is stopped by the budget as soon as before).
        if budget.exceeded != nil { return try render(context, withTemplate: name) ?? "" }
        return texts.joined()
    }

    /// One render under `budget`. The whole context is seen through the budget too: a value of the outermost
    /// context written inside nested lists counts at every write.
    private func render(_ context: Any, withTemplate name: String, budget: RenderBudget) -> String? {
        let root = (context as? any MustacheParent).map { BudgetedRow(row: $0, budget: budget) as Any } ?? context
        return RenderBudget.$current.withValue(budget) { mustache.render(root, withTemplate: name) }
    }

    /// Throws when `budget` was spent rendering the template `name`.
    private func check(_ budget: RenderBudget, _ name: String) throws {
        if let exceeded = budget.exceeded {
            throw DossierError("rendering stopped: \(exceeded); a template may render at most \(RenderBudget.maxSteps) "
                               + "list rows and a document of at most \(RenderBudget.maxOutput) bytes",
                               at: SourceLocation(file: files[name] ?? name + ".mustache"))
        }
    }
}
