import Mustache

/// The work one render of a template may do, counted as it renders: a template of a few lines can ask for billions
/// of renders (a partial included a thousand times by a partial included a thousand times, or a list section nested
/// in itself, which finds the outer list again at every level). `TemplateSet` bounds what is fixed in the text
/// before rendering (`TemplateBounds.maxExpandedSize`); this bounds what the data multiplies: section iterations and
/// partial expansions (`maxSteps`) and the size of the rendered text (`maxOutput`). Past either, the render stops and
/// `TemplateLibrary.render` throws naming the template.
final class RenderBudget {
    /// The most section iterations and partial expansions one render may make, each weighed by how deep the
    /// context stack is where it is made (a name is looked up through the whole stack): the SUF of a 20,000-commit
    /// history makes a few hundred thousand at a depth of a few.
    static let maxSteps = 10_000_000
    /// The most bytes (UTF-8) one rendered document may hold: 1 GiB.
    static let maxOutput = 1 << 30

    /// Thrown by the compiled renderer when the budget is spent.
    struct Exceeded: Error {}

    /// The steps this budget allows, and those left.
    private let limit: Int
    private var steps: Int
    /// What was passed, once the budget is spent.
    private(set) var exceeded: String?

    /// A budget of `steps` steps.
    init(steps: Int = RenderBudget.maxSteps) {
        self.limit = steps
        self.steps = steps
    }

    /// Takes `weight` steps; false (and the budget marked spent) when none is left.
    func step(weight: Int = 1) -> Bool {
        guard exceeded == nil else { return false }
        steps -= weight
        guard steps < 0 else { return true }
        exceeded = "its sections and partials ran more than \(limit) times"
        return false
    }

    /// Whether `bytes` of output are within `maxOutput`; false (and the budget marked spent) when they are not.
    func output(_ bytes: Int) -> Bool {
        guard exceeded == nil else { return false }
        guard bytes > Self.maxOutput else { return true }
        exceeded = "the rendered document grew past \(Self.maxOutput) bytes (1 GiB)"
        return false
    }

    /// `value` as swift-mustache sees it, with every list in it (at any depth, found when the template asks for it)
    /// taking a step of this budget per element, and ending early once the budget is spent.
    func wrap(_ value: Any) -> Any {
        if value is String || value is Int || value is Bool || value is Double || value is MustacheLambda
            || value is MustacheTemplate || value is MustacheCustomRenderable || value is BudgetedSequence || value is BudgetedParent {
            return value
        }
        if let sequence = value as? any MustacheSequence { return BudgetedSequence(sequence, budget: self) }
        if value is MustacheParent || value is MustacheCustomRepresentation || Mirror(reflecting: value).children.first != nil {
            return BudgetedParent(value, budget: self)
        }
        return value
    }
}

/// A list in a context rendered by swift-mustache: each element it gives takes a step of the budget; once the budget
/// is spent it gives no more. Transforms and its description are the list's own.
struct BudgetedSequence: MustacheSequence, MustacheTransformable, CustomStringConvertible {
    private let base: Any
    private let elements: [Any]
    private let budget: RenderBudget

    init(_ base: any MustacheSequence, budget: RenderBudget) {
        func elements<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 as Any } }
        self.base = base
        self.elements = elements(base)
        self.budget = budget
    }

    /// The elements, each wrapped, while the budget lasts.
    struct Iterator: IteratorProtocol {
        var inner: IndexingIterator<[Any]>
        let budget: RenderBudget

        mutating func next() -> Any? {
            guard budget.step(), let element = inner.next() else { return nil }
            return budget.wrap(element)
        }
    }

    func makeIterator() -> Iterator { Iterator(inner: elements.makeIterator(), budget: budget) }

    func transform(_ name: String) -> Any? {
        (base as? MustacheTransformable)?.transform(name).map { budget.wrap($0) }
    }

    var description: String { String(describing: base) }
}

/// An object in a context rendered by swift-mustache, whose children are looked up as swift-mustache looks them up
/// and handed out wrapped by the budget.
final class BudgetedParent: MustacheParent, MustacheTransformable, CustomStringConvertible {
    private let base: Any
    private let budget: RenderBudget

    init(_ base: Any, budget: RenderBudget) {
        self.base = base
        self.budget = budget
    }

    func child(named name: String) -> Any? {
        let object = (base as? MustacheCustomRepresentation)?.representation ?? base
        let found: Any?
        if let parent = object as? MustacheParent {
            found = parent.child(named: name)
        } else {
            found = Self.mirrorChild(name, of: object)
        }
        return found.map { budget.wrap($0) }
    }

    func transform(_ name: String) -> Any? {
        (base as? MustacheTransformable)?.transform(name).map { budget.wrap($0) }
    }

    var description: String { String(describing: base) }

    /// A child by its label, as swift-mustache's `Mirror.getValue(forKey:)` finds it.
    private static func mirrorChild(_ name: String, of object: Any) -> Any? {
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }
}
