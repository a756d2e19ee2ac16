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
    /// The largest section body of any template with its partials written out in place, in characters, at least 1.
    let largestBody: Int
    /// How deep sections nest at most in any template, at least 1.
    let deepestNesting: Int

    /// Renders the template `name` with `context`; nil when there is no such template.
    /// - Throws: `DossierError` naming the template's file when the render passes its `RenderBudget`.
    package func render(_ context: Any, withTemplate name: String) throws -> String? {
        let budget = RenderBudget(stepSize: largestBody, weight: deepestNesting)
        // The whole context is seen through the budget too: a value of the outermost context written inside nested
        // lists counts at every write.
        let root = (context as? any MustacheParent).map { BudgetedRow(row: $0, budget: budget) as Any } ?? context
        let text = RenderBudget.$current.withValue(budget) { mustache.render(root, withTemplate: name) }
        if budget.exceeded == nil, let text, text.utf8.count > RenderBudget.maxOutput { budget.write(text.utf8.count) }
        if let exceeded = budget.exceeded {
            throw DossierError("rendering stopped: \(exceeded); a template may render at most \(RenderBudget.maxSteps) "
                               + "list rows and a document of at most \(RenderBudget.maxOutput) bytes",
                               at: SourceLocation(file: files[name] ?? name + ".mustache"))
        }
        return text
    }
}
