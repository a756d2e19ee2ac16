import Git
import Mustache
import Support

/// The parsed mustache templates of a `TemplateSet`, by name without `.mustache`. Each is rendered by
/// `CompiledTemplateRenderer` when it and its context are within what that renderer does exactly as swift-mustache
/// does, else by swift-mustache: the output is the same either way. Every render goes through a `RenderBudget`.
package struct TemplateLibrary: Sendable {
    /// The templates as swift-mustache parsed them (which also checked that they parse).
    let mustache: MustacheLibrary
    /// The same templates compiled, nil for one left to swift-mustache.
    let compiled: [String: CompiledTemplate?]
    /// The file each template is named by in errors, by name without `.mustache`.
    let files: [String: String]
    /// The size of the largest template with its partials expanded (`TemplateBounds`), in characters, at least 1.
    let expandedSize: Int

    /// Renders the template `name` with `context`; nil when there is no such template.
    /// - Throws: `DossierError` naming the template's file when the render passes its `RenderBudget`.
    package func render(_ context: Any, withTemplate name: String) throws -> String? {
        let budget = RenderBudget()
        do {
            if let text = try CompiledTemplateRenderer.render(context, template: name, in: compiled, budget: budget) { return text }
        } catch is RenderBudget.Exceeded {
            throw exceeded(budget, name)
        }
        // swift-mustache cannot be stopped mid-render: its lists stop giving elements once the budget is spent, and
        // each element may render the largest expanded template, so its steps are fewer by that size.
        let fallback = RenderBudget(steps: min(RenderBudget.maxSteps, RenderBudget.maxOutput / max(expandedSize, 1)))
        let text = mustache.render(fallback.wrap(context), withTemplate: name)
        if fallback.exceeded != nil || !fallback.output(text?.utf8.count ?? 0) { throw exceeded(fallback, name) }
        return text
    }

    private func exceeded(_ budget: RenderBudget, _ name: String) -> DossierError {
        DossierError("rendering stopped: \(budget.exceeded ?? "the render passed its bounds"); a template may make at most \(RenderBudget.maxSteps) "
                     + "section iterations and partial expansions and a document of at most \(RenderBudget.maxOutput) bytes",
                     at: SourceLocation(file: files[name] ?? name + ".mustache"))
    }
}
