import Foundation
import Mustache

/// The work one render of a template may do, counted as swift-mustache renders: a template of a few lines can ask for
/// billions of renders (a list section nested in itself finds the outer list again at every level, and a partial of
/// megabytes in a list repeats for every row). `TemplateSet` bounds what is fixed in the text before rendering
/// (`TemplateBounds`); this bounds what the data multiplies. Every list a template sees is a `TemplateList`, whose
/// rows each take a step of the budget of the render in progress (`current`), and every text a row or the context
/// hands a template counts its length (`admit`: rows are seen through `BudgetedRow`), as does every value written
/// through `{{% CONTENT_TYPE: MARKDOWN}}`. A step counts as the most template text one row can write (the
/// largest section body, its partials written out in place). Past `maxSteps` steps or `maxOutput` bytes the lists
/// give no more rows, so the render ends soon, and `TemplateLibrary.render` throws naming the template.
final class RenderBudget: @unchecked Sendable {
    /// The budget of the render in progress on this thread, if any.
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
    // One render uses a budget, on one thread; the lock keeps it sound if a template library is ever shared.
    private let lock = NSLock()
    private var steps = 0
    private var bytes = 0
    private var spent: String?

    /// A budget whose steps each may write `stepSize` characters of template text and weigh `weight`.
    init(stepSize: Int, weight: Int) {
        self.stepSize = max(stepSize, 1)
        self.weight = max(weight, 1)
    }

    /// What was passed, once the budget is spent.
    var exceeded: String? { lock.withLock { spent } }

    /// Takes one step; false (and the budget marked spent) when none is left.
    func step() -> Bool {
        lock.withLock {
            guard spent == nil else { return false }
            steps += weight
            bytes += stepSize
            return check()
        }
    }

    /// Counts `count` bytes written; false (and the budget marked spent) past `maxOutput`.
    @discardableResult
    func write(_ count: Int) -> Bool {
        lock.withLock {
            guard spent == nil else { return false }
            bytes += count
            return check()
        }
    }

    private func check() -> Bool {
        if steps > Self.maxSteps {
            spent = "its list sections ran more than \(Self.maxSteps) times"
        } else if bytes > Self.maxOutput {
            spent = "the rendered document would grow past \(Self.maxOutput) bytes (1 GiB)"
        }
        return spent == nil
    }
}

extension RenderBudget {
    /// `value` as a template sees it under this budget: a text counts its length when it is looked up (once the
    /// budget is spent, it is empty); a row is seen through `BudgetedRow`, so what it hands on counts too; lists
    /// count their rows themselves (`TemplateList`); other values pass as they are.
    func admit(_ value: Any) -> Any? {
        switch value {
        case let text as String: return write(text.utf8.count) ? text : ""
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
