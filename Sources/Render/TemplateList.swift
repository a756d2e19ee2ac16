import Mustache

/// A list as the templates see it: a sequence for `{{#name}}…{{/name}}` with swift-mustache's list transforms
/// (`first`, `last`, `count`, `empty`, `reversed`, `sorted`), whose rows each take a step of the `RenderBudget` of
/// the render in progress; once that is spent it gives no more rows.
struct TemplateList<Element: Sendable>: Sendable, MustacheSequence, MustacheTransformable, CustomStringConvertible,
    ExpressibleByArrayLiteral {
    /// The rows.
    let elements: [Element]

    /// A list of `elements`.
    init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.elements = Array(elements)
    }

    /// A list of the literal's elements.
    init(arrayLiteral elements: Element...) {
        self.elements = elements
    }

    /// The rows, while the budget lasts, each as the budget admits it (`RenderBudget.admit`: what a row writes counts).
    struct Iterator: IteratorProtocol {
        var inner: IndexingIterator<[Element]>

        mutating func next() -> Any? {
            let budget = RenderBudget.current
            if let budget, !budget.step() { return nil }
            guard let row = inner.next() else { return nil }
            return budget.map { $0.admit(row) } ?? row
        }
    }

    func makeIterator() -> Iterator { Iterator(inner: elements.makeIterator()) }

    /// swift-mustache's transform of the array; a list it gives back stays a `TemplateList`.
    func transform(_ name: String) -> Any? {
        let result = elements.transform(name)
        if let array = result as? [Element] { return TemplateList(array) }
        if let reversed = result as? ReversedCollection<[Element]> { return TemplateList(Array(reversed)) }
        return result
    }

    var description: String { String(describing: elements) }

    /// Whether the list has no rows.
    var isEmpty: Bool { elements.isEmpty }
    /// How many rows the list has.
    var count: Int { elements.count }
}
