import Actions
import ArgumentParser
import Foundation
import Records
import Render
import Support

/// A closed set of values an option takes, as an enum whose raw values are the spellings accepted.
protocol OptionValue: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// The message for a value outside the set, as dossier has always given it.
    static func unknown(_ text: String) -> String
}

/// An option holding one value of `Value` (`--format md`). Argument parsing keeps the text, and `value()` reads it
/// when the command runs, so that a bad value is reported in dossier's own words (exit 2), where ArgumentParser would
/// say "The value … is invalid"; `--help` and shell completion list the values from the enum.
struct OptionChoice<Value: OptionValue>: ExpressibleByArgument, Sendable {
    /// The option's text as given.
    let text: String

    init(argument: String) { text = argument }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    var defaultValueDescription: String { text }

    /// The value the text names.
    /// - Throws: `DossierError` naming the text and the values accepted.
    func value() throws -> Value {
        guard let value = Value(rawValue: text) else { throw DossierError(Value.unknown(text)) }
        return value
    }
}

/// An option holding a comma-separated list of `Value` (`--format md,html,json`), read as `OptionChoice` is.
struct OptionChoiceList<Value: OptionValue>: ExpressibleByArgument, Sendable {
    /// The option's text as given.
    let text: String

    init(argument: String) { text = argument }

    var defaultValueDescription: String { text }

    /// The values the list names (spaces around each are ignored).
    /// - Throws: `DossierError` naming the first unknown value and the values accepted.
    func values() throws -> Set<Value> {
        var values = Set<Value>()
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let value = Value(rawValue: name) else { throw DossierError(Value.unknown(name)) }
            values.insert(value)
        }
        return values
    }
}

extension DocumentFormat: OptionValue {
    static func unknown(_ text: String) -> String {
        "unknown format '\(text)' in --format; expected md, html, json or pdf"
    }
}

extension HTMLPageLayout: OptionValue {
    static func unknown(_ text: String) -> String {
        "unknown layout '\(text)' in --html-pages; expected auto, one or parts"
    }
}

extension CheckReportFormat: OptionValue {
    static func unknown(_ text: String) -> String {
        "unknown format '\(text)'; expected text, json, junit or sarif"
    }
}

extension OptionChoiceList<DocumentFormat> {
    /// The document formats named, after making sure Chromium is there when PDF is one of them, so that a missing
    /// one leaves nothing half-written.
    /// - Throws: `DossierError` for an unknown format or a missing Chromium.
    func documentFormats() throws -> Set<DocumentFormat> {
        let formats = try values()
        if formats.contains(.pdf) { _ = try PDFPrinter.chromium() }
        return formats
    }
}

extension ApprovalMeaning: OptionValue {
    static func unknown(_ text: String) -> String {
        "unknown meaning '\(text)' in --meaning; expected authored, reviewed or approved"
    }
}
