/// A run of words in a word-level diff.
public struct WordChange: Sendable, Codable, Hashable {
    /// What happened to the run.
    public enum Operation: String, Sendable, Codable, Hashable {
        case kept, removed, added
    }

    /// What happened to the words.
    public var operation: Operation
    /// The words, with the spaces between them.
    public var text: String
}

/// A word-level diff of two texts: the longest common subsequence of their words, then runs of removed and
/// added words between the kept ones.
enum WordDiff {
    /// Texts with more words than this are not aligned word by word: the diff removes one and adds the other.
    static let maximumWords = 3_000

    /// The words of a text, split at whitespace.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    /// The runs that turn `old` into `new`.
    static func between(_ old: String, _ new: String) -> [WordChange] {
        let a = words(old), b = words(new)
        guard a.count <= maximumWords, b.count <= maximumWords else {
            return [WordChange(operation: .removed, text: a.joined(separator: " ")),
                    WordChange(operation: .added, text: b.joined(separator: " "))]
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var runs: [WordChange] = []
        func emit(_ operation: WordChange.Operation, _ word: Substring) {
            if let last = runs.last, last.operation == operation {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(WordChange(operation: operation, text: String(word)))
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                emit(.kept, a[i]); i += 1; j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                // Removed words come before added ones within a changed stretch.
                if i < a.count, lengths[i + 1][j] == lengths[i][j] {
                    emit(.removed, a[i]); i += 1
                } else {
                    emit(.added, b[j]); j += 1
                }
            } else {
                emit(.removed, a[i]); i += 1
            }
        }
        return runs
    }
}
