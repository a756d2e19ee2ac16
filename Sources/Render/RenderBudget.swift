import Foundation
import Mustache
import Synchronization

/// The work one render of a template may do, counted as swift-mustache renders: a template of a few lines can ask for
/// billions of renders (a list section nested in itself finds the outer list again at every level, and a partial of
/// megabytes in a list repeats for every row). `TemplateSet` bounds what is fixed in the text before rendering
/// (`TemplateBounds`); this bounds what the data multiplies. Every list a template sees is a `TemplateList`, whose
/// rows each take a step of the budget of the render in progress (`current`), and every text a row or the context
/// hands a template counts its length (`admit`: rows are seen through `BudgetedRow`), as does every value written
/// through `{{% CONTENT_TYPE: MARKDOWN}}`. A step counts as the most template text one row can write (the
/// largest section body, its partials written out in place). Past `maxSteps` steps or `maxOutput` bytes the lists
/// give no more rows, so the render ends soon, and `TemplateLibrary.render` throws naming the template.
final class RenderBudget: Sendable {
    /// The budget of the render in progress, if any.
    @TaskLocal static var current: RenderBudget?

    /// The most list rows one render may make, each weighed by how deep the templates nest sections: the SUF of a
    /// 20,000-commit history makes a few hundred thousand.
    static let maxSteps = 10_000_000
    /// The most bytes (UTF-8) one rendered document may hold: 1 GiB.
    static let maxOutput = 1 << 30

    /// The template text one step may write, in characters.
    private let stepSize: Int
    /// What one row weighs: how deep sections nest at most, as a name is looked up through the whole context stack.
    private let weight: Int
    /// The steps taken and bytes counted so far; both only grow, so once past a bound the budget stays spent.
    /// Atomic counters, not a lock: a document's parts render at once and count against the one budget on every
    /// value they write.
    private let steps = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)

    /// A budget whose steps each may write `stepSize` characters of template text and weigh `weight`.
    init(stepSize: Int, weight: Int) {
        self.stepSize = max(stepSize, 1)
        self.weight = max(weight, 1)
    }

    /// What was passed, once the budget is spent.
    var exceeded: String? { Self.problem((steps.load(ordering: .relaxed), bytes.load(ordering: .relaxed))) }

    /// Takes one step; false when none is left.
    func step() -> Bool { take(steps: weight, bytes: stepSize) }

    /// Counts `count` bytes written; false past `maxOutput` (or once the budget is spent).
    @discardableResult
    func write(_ count: Int) -> Bool { take(steps: 0, bytes: count) }

    private func take(steps: Int, bytes: Int) -> Bool {
        let stepsNow = steps == 0 ? self.steps.load(ordering: .relaxed) : self.steps.wrappingAdd(steps, ordering: .relaxed).newValue
        let bytesNow = bytes == 0 ? self.bytes.load(ordering: .relaxed) : self.bytes.wrappingAdd(bytes, ordering: .relaxed).newValue
        return Self.problem((stepsNow, bytesNow)) == nil
    }

    private static func problem(_ used: (steps: Int, bytes: Int)) -> String? {
        if used.steps > maxSteps { return "its list sections ran more than \(maxSteps) times" }
        if used.bytes > maxOutput { return "the rendered document would grow past \(maxOutput) bytes (1 GiB)" }
        return nil
    }
}

extension RenderBudget {
    /// `value` as a template sees it under this budget: a text counts its length when it is looked up (once the
    /// budget is spent, it is empty); a row is seen through `BudgetedRow`, so what it hands on counts too; lists
    /// count their rows themselves (`TemplateList`); other values pass as they are.
    func admit(_ value: Any) -> Any? {
        switch value {
        case let text as String: return write(text.utf8.count) ? text : ""
        // Told apart by their concrete types first: a cast to a protocol is a search of the conformances.
        case is Bool, is Int: return value
        case is any MustacheSequence: return value
        case let row as any MustacheParent: return BudgetedRow(row: row, budget: self)
        default: return value
        }
    }
}

/// A row (or the whole context) seen through the budget of the render in progress: every value it hands a template
/// is admitted by the budget, so a template that writes a large text again and again inside nested lists is stopped
/// by its length, not only by its rows.
struct BudgetedRow: MustacheParent, CustomStringConvertible {
    /// The row.
    let row: any MustacheParent
    /// The budget of the render in progress.
    let budget: RenderBudget

    func child(named name: String) -> Any? {
        guard let value = row.child(named: name) else { return nil }
        return budget.admit(value)
    }

    var description: String { String(describing: row) }
}
