import Foundation
import Git

/// The last step of every HTML page dossier writes (`HTMLPage`): a tag with a link whose scheme is not http, https
/// or mailto is shown as text instead of being a link. The page may come from a user's template (`{{{x}}}` puts a
/// value in raw), so the filter reads the finished page, not the Markdown.
///
/// Tags are read as the HTML tokenizer reads them (WHATWG tag open, tag name, attribute name and value states),
/// starting at every `<` followed by a letter, whatever comes before it: inside a comment or a `<style>` the filter
/// may look at text a browser takes as text, never the reverse. Every `<` inside a tag it read (in an attribute value,
/// where `&lt;` means the same) is written `&lt;`, so that no tag can start where the filter did not look.
/// A URL attribute's value is decoded (character references, tabs and line breaks dropped, as a browser's URL parser
/// does) before its scheme is read; a value with a character reference the filter cannot decode is not trusted.
/// cmark-gfm's own safe mode is not used: it keeps a list of bad schemes (javascript, vbscript, file, data) rather
/// than of good ones, and would drop dossier's own anchors; the tagfilter extension removes elements, not links.
enum HTMLLinkFilter {
    /// The schemes a link may have.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Attributes a browser follows or loads as a URL.
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "codebase", "dynsrc", "lowsrc",
        "longdesc", "usemap", "manifest", "icon", "profile", "classid", "itemtype", "xmlns", "to", "from", "by",
    ]
    /// Attributes holding several URLs, separated by commas, semicolons or spaces.
    private static let urlListAttributes: Set<String> = ["srcset", "imagesrcset", "ping", "archive", "values"]

    /// `html` with each tag that has a link of another scheme turned into text.
    static func filter(_ html: String) -> String {
        var html = html
        let lessThans: [Int] = html.withUTF8 { positionsToEscape(in: $0, final: true).positions }
        guard !lessThans.isEmpty else { return html }
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + lessThans.count * 3)
            var copied = 0
            for position in lessThans {
                out += bytes[copied..<position]
                out += Array("&lt;".utf8)
                copied = position + 1
            }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The offsets of the `<` characters to write as `&lt;`: the first of each tag with a link of another scheme, and
    /// every one inside a tag. Unless the bytes are the `final` ones of the page, reading stops before a `<` whose tag
    /// may go on past them: `settled` is where it stopped (the bytes before it are filtered as in the whole page).
    private static func positionsToEscape(in bytes: UnsafeBufferPointer<UInt8>, final: Bool) -> (positions: [Int], settled: Int) {
        var positions: [Int] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            // `<`, or `</`, at the very end: whether a tag starts here depends on what follows.
            if !final, index + 2 >= bytes.count { return (positions, index) }
            guard let tag = readTag(bytes, at: index) else {
                index += 1
                continue
            }
            if !final, tag.end >= bytes.count { return (positions, index) }
            if !tag.safe { positions.append(index) }
            for inner in (index + 1)..<tag.end where bytes[inner] == UInt8(ascii: "<") { positions.append(inner) }
            index = tag.end
        }
        return (positions, bytes.count)
    }

    /// The filter over a page handed on in pieces: what it writes, piece after piece, is `filter` of the whole page.
    /// A tag that may go on past a piece is kept until the next (or the last) piece shows where it ends.
    struct Stream {
        private var pending: [UInt8] = []
        /// How many pending bytes the last reading found nothing settled in: a tag still open (a hostile template's
        /// unterminated attribute around the content) is read again only once as many bytes more have come, so the
        /// filter stays linear in the page, however many pieces it comes in.
        private var unsettled = 0
        private static let lessThan = Array("&lt;".utf8)

        /// Filters the next piece of the page (`final`: the last) and hands on what is settled.
        mutating func feed(_ piece: some Collection<UInt8>, final: Bool = false,
                           to write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            pending.append(contentsOf: piece)
            if !final, pending.count < 2 * unsettled { return }
            let (positions, settled) = pending.withUnsafeBufferPointer { positionsToEscape(in: $0, final: final) }
            unsettled = settled == 0 ? pending.count : 0
            try pending.withUnsafeBytes { bytes in
                var copied = 0
                for position in positions {
                    try write(UnsafeRawBufferPointer(rebasing: bytes[copied..<position]))
                    try Self.lessThan.withUnsafeBytes { try write($0) }
                    copied = position + 1
                }
                try write(UnsafeRawBufferPointer(rebasing: bytes[copied..<settled]))
            }
            pending.removeFirst(settled)
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The tag starting at `start` (`<` then a letter, or `</` then a letter), as the tokenizer reads it: where it
    /// ends (after its `>`, or at the end of the page) and whether all its URL attributes are allowed.
    private static func readTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, safe: Bool)? {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        func at(_ character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }
        func skipWhitespace() { while index < bytes.count, isWhitespace(bytes[index]) { index += 1 } }
        // Tag name.
        while index < bytes.count, !isWhitespace(bytes[index]), !at("/"), !at(">") { index += 1 }
        var safe = true
        while true {
            // Before attribute name.
            skipWhitespace()
            guard index < bytes.count else { return (bytes.count, safe) }
            if at(">") { return (index + 1, safe) }
            if at("/") {
                index += 1
                if at(">") { return (index + 1, safe) }
                continue
            }
            // Attribute name: its first character may be `=`.
            let nameStart = index
            index += 1
            while index < bytes.count, !isWhitespace(bytes[index]), !at("/"), !at(">"), !at("=") { index += 1 }
            // Only a short name can be a URL attribute: a long one is not made into a String.
            let name = index - nameStart > 16 ? "" : String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            // After attribute name.
            skipWhitespace()
            guard at("=") else { continue }
            index += 1
            skipWhitespace()
            var value = index..<index
            if at("\"") || at("'") {
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                value = valueStart..<index
                if index < bytes.count { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, !isWhitespace(bytes[index]), !at(">") { index += 1 }
                value = valueStart..<index
            }
            if safe, !isAllowed(attribute: name, value: bytes[value]) { safe = false }
        }
    }

    /// Whether an attribute is harmless: not a URL attribute, or each URL in it has an allowed scheme or none.
    private static func isAllowed(attribute name: String, value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let isURL = urlAttributes.contains(name) || name.hasSuffix(":href")
        let isList = urlListAttributes.contains(name)
        // `srcdoc` holds a whole HTML document, which the browser decodes and loads in a frame of this page.
        if name == "srcdoc" { return false }
        guard isURL || isList || name == "content" else { return true }
        guard let decoded = decode(value) else { return false }
        if name == "content" {
            // `<meta http-equiv=refresh content="0; url=…">`: the URL as a browser's refresh parser finds it.
            return refreshURL(decoded).map(isAllowed(url:)) ?? true
        }
        if isList {
            let separators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, 0x0A, 0x0C, 0x0D, 0x20]
            return decoded.split(whereSeparator: { separators.contains($0) }).allSatisfy { isAllowed(url: Array($0)) }
        }
        return isAllowed(url: decoded)
    }

    /// The URL a `content` value sends a refresh to, read as the HTML standard's shared declarative refresh steps
    /// read it (`5; url='x'`, `0;x`, `0,x`); nil when the value is no refresh (no time first) or names no URL.
    static func refreshURL(_ content: [UInt8]) -> [UInt8]? {
        var rest = content[...]
        func skipWhitespace() { while let first = rest.first, isWhitespace(first) { rest = rest.dropFirst() } }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        skipWhitespace()
        guard let first = rest.first, isDigit(first) || first == UInt8(ascii: ".") else { return nil }
        while let byte = rest.first, isDigit(byte) || byte == UInt8(ascii: ".") { rest = rest.dropFirst() }
        guard let separator = rest.first else { return nil }
        guard separator == UInt8(ascii: ";") || separator == UInt8(ascii: ",") || isWhitespace(separator) else { return nil }
        skipWhitespace()
        if let byte = rest.first, byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") { rest = rest.dropFirst() }
        skipWhitespace()
        guard !rest.isEmpty else { return nil }
        // An optional `url` and `=`; without the `=`, the whole rest is the URL.
        var afterKey = rest
        if afterKey.count >= 3, String(decoding: afterKey.prefix(3), as: UTF8.self).lowercased() == "url" {
            afterKey = afterKey.dropFirst(3)
            while let byte = afterKey.first, isWhitespace(byte) { afterKey = afterKey.dropFirst() }
            if afterKey.first == UInt8(ascii: "=") {
                afterKey = afterKey.dropFirst()
                while let byte = afterKey.first, isWhitespace(byte) { afterKey = afterKey.dropFirst() }
                rest = afterKey
            }
        }
        if let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            rest = rest.dropFirst()
            if let end = rest.firstIndex(of: quote) { rest = rest[..<end] }
        }
        return Array(rest)
    }

    /// Whether a decoded URL has an allowed scheme or none (a same-document `#anchor` or a relative path).
    static func isAllowed(url: [UInt8]) -> Bool {
        // A browser's URL parser trims leading and trailing C0 controls and spaces and drops tabs and line breaks.
        let kept = url.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        var trimmed = kept[...]
        while let first = trimmed.first, first <= 0x20 { trimmed = trimmed.dropFirst() }
        // A scheme is a letter followed by letters, digits, `+`, `-` or `.`, then `:`; anything else is relative.
        guard let first = trimmed.first, isLetter(first) else { return true }
        var scheme = ""
        for byte in trimmed {
            if byte == UInt8(ascii: ":") { return allowedSchemes.contains(scheme.lowercased()) }
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") else { return true }
            scheme.append(Character(Unicode.Scalar(byte)))
        }
        return true
    }

    /// Named character references that can matter in a URL's scheme, and the common ones.
    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n",
        "sol": "/", "num": "#", "quest": "?", "period": ".", "plus": "+", "hyphen": "-", "dash": "-", "equals": "=",
        "semi": ";", "comma": ",", "excl": "!", "lpar": "(", "rpar": ")", "nbsp": "\u{A0}", "lowbar": "_", "commat": "@",
        "percnt": "%", "dollar": "$", "ast": "*", "midast": "*", "bsol": "\\", "grave": "`", "Hat": "^", "verbar": "|",
    ]

    /// An attribute value with its character references decoded; nil when it holds a named reference not in
    /// `namedReferences` before its first `/`, `?` or `#` (it could stand for a `:`), so that the value is not trusted.
    private static func decode(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        guard value.contains(UInt8(ascii: "&")) else { return Array(value) }
        var out: [UInt8] = []
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            guard byte == UInt8(ascii: "&"), index + 1 < value.endIndex else {
                out.append(byte)
                index += 1
                continue
            }
            var next = index + 1
            if value[next] == UInt8(ascii: "#") {
                next += 1
                let hex = next < value.endIndex && (value[next] == UInt8(ascii: "x") || value[next] == UInt8(ascii: "X"))
                if hex { next += 1 }
                let digitsStart = next
                while next < value.endIndex, hex ? isHexDigit(value[next]) : (0x30...0x39).contains(value[next]) { next += 1 }
                guard next > digitsStart else {
                    out.append(byte)
                    index += 1
                    continue
                }
                // Leading zeros do not count; a number past U+10FFFF (or 0) is U+FFFD, as a browser reads it.
                let digits = String(decoding: value[digitsStart..<next], as: UTF8.self).drop { $0 == "0" }
                let code = digits.count > 8 ? 0xFFFD : UInt32(digits, radix: hex ? 16 : 10) ?? 0xFFFD
                out += Array(String(code == 0 ? "\u{FFFD}" : Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                if next < value.endIndex, value[next] == UInt8(ascii: ";") { next += 1 }
                index = next
                continue
            }
            while next < value.endIndex, isLetter(value[next]) || (0x30...0x39).contains(value[next]) { next += 1 }
            guard next > index + 1 else {
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: value[(index + 1)..<next], as: UTF8.self)
            guard let replacement = namedReferences[name] else {
                // Past the scheme (after a `/`, `?` or `#`) an unknown reference cannot make one: kept as it is.
                guard out.contains(where: { [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains($0) }) else { return nil }
                out += value[index..<next]
                index = next
                continue
            }
            out += Array(replacement.utf8)
            if next < value.endIndex, value[next] == UInt8(ascii: ";") { next += 1 }
            index = next
        }
        return out
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
