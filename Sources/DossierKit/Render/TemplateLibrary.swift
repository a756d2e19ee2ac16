import Mustache

/// The parsed mustache templates of a `TemplateSet`, by name without `.mustache`. Each is rendered by
/// `CompiledTemplateRenderer` when it and its context are within what that renderer does exactly as swift-mustache
/// does, else by swift-mustache: the output is the same either way.
struct TemplateLibrary: Sendable {
    /// The templates as swift-mustache parsed them (which also checked that they parse).
    let mustache: MustacheLibrary
    /// The same templates compiled, nil for one left to swift-mustache.
    let compiled: [String: CompiledTemplate?]

    /// Renders the template `name` with `context`; nil when there is no such template.
    func render(_ context: Any, withTemplate name: String) -> String? {
        CompiledTemplateRenderer.render(context, template: name, in: compiled) ?? mustache.render(context, withTemplate: name)
    }
}
