import Foundation
import Mustache
import Support

/// Renders `CompiledTemplate`s as swift-mustache renders the same templates, byte for byte, into one growing
/// string instead of a string per token and per section, and with fewer dynamic casts per value: the SUF of a long
/// history has hundreds of thousands of values. Where a context holds what it does not handle the same way
/// (lambdas, templates or custom-rendered values), it gives up and the caller renders with swift-mustache.
struct CompiledTemplateRenderer {
    /// Thrown when the context holds a value this renderer leaves to swift-mustache.
    struct Unsupported: Error {}

    /// Where the current object sits in a sequence being rendered (swift-mustache's sequence context).
    private struct SequencePlace {
        var first: Bool
        var last: Bool
        var index: Int

        func transform(_ name: String) -> Any? {
            switch name {
            case "first": first
            case "last": last
            case "index": index
            case "even": (index & 1) == 0
            case "odd": (index & 1) == 1
            default: nil
            }
        }
    }

    /// The templates partials are taken from, by name; nil for a template left to swift-mustache.
    private let templates: [String: CompiledTemplate?]
    private var output = ""
    private var stack: [Any] = []
    private let budget: RenderBudget

    /// Renders the template `name` with `context`; nil when swift-mustache must render it.
    /// - Throws: `RenderBudget.Exceeded` when the render passes `budget` (what it passed is in `budget.exceeded`).
    static func render(_ context: Any, template name: String, in templates: [String: CompiledTemplate?], budget: RenderBudget) throws -> String? {
        guard let entry = templates[name], let template = entry else { return nil }
        var renderer = CompiledTemplateRenderer(templates: templates, budget: budget)
        renderer.stack = [context]
        do {
            try renderer.render(template.tokens, escaping: .html, place: nil)
        } catch is Unsupported {
            return nil
        }
        return renderer.output
    }

    private init(templates: [String: CompiledTemplate?], budget: RenderBudget) {
        self.templates = templates
        self.budget = budget
    }

    /// Takes a step of the budget (a section's body or a partial rendered once more), weighed by the stack's depth.
    private func step() throws {
        guard budget.step(weight: max(stack.count, 1)) else { throw RenderBudget.Exceeded() }
    }

    /// Checks the output's size against the budget (`utf8.count` of a native string costs nothing).
    private func checkOutput() throws {
        guard budget.output(output.utf8.count) else { throw RenderBudget.Exceeded() }
    }

    private mutating func render(_ tokens: [CompiledTemplate.Token], escaping: CompiledTemplate.Escaping, place: SequencePlace?) throws {
        var escaping = escaping
        for token in tokens {
            switch token {
            case .text(let text):
                output += text
                try checkOutput()
            case .variable(let name, let escaped):
                if let value = try lookUp(name, place: place) {
                    try append(value, escaping: escaped ? escaping : .text)
                    try checkOutput()
                }
            case .section(let name, let body):
                let value = try lookUp(name, place: place)
                try renderSection(value, body, escaping: escaping, place: place)
            case .invertedSection(let name, let body):
                let value = try lookUp(name, place: place)
                try renderInvertedSection(value, body, escaping: escaping, place: place)
            case .partial(let name):
                guard let entry = templates[name] else { continue }  // an unknown partial renders as nothing
                guard let template = entry else { throw Unsupported() }
                try step()
                try render(template.tokens, escaping: .html, place: nil)
            case .contentType(let type):
                escaping = type
            }
        }
    }

    private mutating func renderSection(_ value: Any?, _ body: [CompiledTemplate.Token], escaping: CompiledTemplate.Escaping,
                                        place: SequencePlace?) throws {
        guard let value else { return }
        if value is MustacheLambda { throw Unsupported() }
        if let sequence = value as? any MustacheSequence {
            try renderEach(sequence, body, escaping: escaping)
        } else if let bool = value as? Bool {
            if bool {
                try step()
                try render(body, escaping: escaping, place: place)
            }
        } else if value is MustacheCustomRenderable {
            throw Unsupported()
        } else {
            try step()
            stack.append(value)
            defer { stack.removeLast() }
            try render(body, escaping: escaping, place: nil)
        }
    }

    private mutating func renderEach<S: Sequence>(_ sequence: S, _ body: [CompiledTemplate.Token], escaping: CompiledTemplate.Escaping) throws {
        var iterator = sequence.makeIterator()
        guard var current = iterator.next() else { return }
        var place = SequencePlace(first: true, last: false, index: 0)
        while let next = iterator.next() {
            try step()
            stack.append(current)
            try render(body, escaping: escaping, place: place)
            stack.removeLast()
            current = next
            place.first = false
            place.index += 1
        }
        place.last = true
        try step()
        stack.append(current)
        try render(body, escaping: escaping, place: place)
        stack.removeLast()
    }

    private mutating func renderInvertedSection(_ value: Any?, _ body: [CompiledTemplate.Token], escaping: CompiledTemplate.Escaping,
                                                place: SequencePlace?) throws {
        guard let value else { return try render(body, escaping: escaping, place: place) }
        if let sequence = value as? any MustacheSequence {
            var iterator = sequence.makeIterator()
            if iterator.next() == nil {
                stack.append(sequence)
                defer { stack.removeLast() }
                try render(body, escaping: escaping, place: nil)
            }
        } else if let bool = value as? Bool {
            if !bool { try render(body, escaping: escaping, place: place) }
        } else if value is MustacheCustomRenderable {
            throw Unsupported()
        }
    }

    /// A value as it is written: text as is, numbers in decimal, anything else as swift-mustache describes it.
    private mutating func append(_ value: Any, escaping: CompiledTemplate.Escaping) throws {
        let text: String
        if let string = value as? String {
            text = string
        } else if let number = value as? Int {
            text = String(number)
        } else {
            if value is MustacheLambda || value is MustacheTemplate || value is MustacheCustomRenderable { throw Unsupported() }
            text = String(describing: Self.unwrappingOptional(value))
        }
        switch escaping {
        case .text: output += text
        case .markdown: output += MarkdownText.inline(text)
        case .html: Self.appendHTMLEscaped(text, to: &output)
        }
    }

    /// swift-mustache's HTML escaping: `<`, `>`, `&`, `"` and `'` as whole characters.
    private static func appendHTMLEscaped(_ text: String, to output: inout String) {
        let special = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard special else { return output += text }
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
    }

    // MARK: looking values up, as swift-mustache does

    private func lookUp(_ name: CompiledTemplate.Name, place: SequencePlace?) throws -> Any? {
        var value: Any?
        switch name.kind {
        case .current:
            value = stack.last
        case .sequenceContext:
            value = place.map { $0 as Any }
        case .currentOnly:
            value = try child(name.path[...], of: stack[stack.count - 1])
        case .stack:
            value = try childInStack(name.path[...])
        }
        if let found = value, !Self.isPlain(found), type(of: found) != [String: Any].self, !(type(of: found) is TemplateRow.Type),
           let custom = found as? MustacheCustomRepresentation {
            value = custom.representation
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            if let place = result as? SequencePlace, let transformed = place.transform(transform) {
                result = transformed
            } else if let transformable = result as? MustacheTransformable, let transformed = transformable.transform(transform) {
                result = transformed
            } else {
                return nil
            }
        }
        return result
    }

    private func childInStack(_ path: ArraySlice<String>) throws -> Any? {
        guard let name = path.first else { return stack.last }
        for object in stack.reversed() {
            if let found = try immediateChild(name, of: object) {
                return try child(path.dropFirst(), of: found)
            }
        }
        return nil
    }

    private func child(_ path: ArraySlice<String>, of object: Any) throws -> Any? {
        guard let name = path.first else { return object }
        if object is MustacheLambda { throw Unsupported() }
        guard let found = try immediateChild(name, of: object) else { return nil }
        return try child(path.dropFirst(), of: found)
    }

    private func immediateChild(_ name: String, of object: Any) throws -> Any? {
        // The common cases first, recognised by their type: a cast that fails can cost as much as bridging the whole
        // value to Foundation (a dictionary cast to a class), and the contexts hold dictionaries of thousands of rows.
        let type = type(of: object)
        if type == [String: Any].self { return (object as! [String: Any])[name] }
        if type is TemplateRow.Type { return (object as! TemplateRow).child(named: name) }
        if Self.isPlain(object) { return Self.mirrorChild(name, of: object) }
        var object: Any? = object
        if let custom = object as? MustacheCustomRepresentation { object = custom.representation }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let object else { return nil }
        return Self.mirrorChild(name, of: object)
    }

    /// A child by its label, as swift-mustache finds one in an object that has no other way to give it.
    private static func mirrorChild(_ name: String, of object: Any) -> Any? {
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }

    /// Whether `value` is of a type that is neither a custom representation nor a parent in swift-mustache's terms:
    /// text, a number, a truth value, or a sequence. Such values skip those casts.
    private static func isPlain(_ value: Any) -> Bool {
        let type = type(of: value)
        return type == String.self || type == Int.self || type == Bool.self || type is any MustacheSequence.Type
    }

    /// The value an optional holds (an empty optional stays itself), as swift-mustache unwraps before describing.
    private static func unwrappingOptional(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }
}

/// A row of a long table in a template context, its values made when a template asks for them. Rows are objects
/// of this class so that the compiled renderer recognises them without a protocol lookup.
class TemplateRow: MustacheParent {
    /// The value of key `name`, or nil so that the template looks it up in the enclosing contexts.
    func child(named name: String) -> Any? { nil }
}
