/// Text from a repository, a record or evidence made safe to show on a terminal: every character that would act
/// on the terminal instead of showing (ESC/CSI/OSC sequences, BEL, CR, the C1 controls, the marks that reorder
/// text) is written as `\u{HEX}`. Every line dossier prints and every name it quotes goes through here.
public enum TerminalText {
    /// `text` with each control character (C0, DEL, C1) and each bidirectional formatting character written as
    /// `\u{HEX}`; line feeds and tabs are kept when `keepingLineBreaks` (text dossier lays out in lines), and
    /// escaped too when not (a name, which must stay on its one line).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let escape = { (scalar: Unicode.Scalar) in needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) }
        guard text.unicodeScalars.contains(where: escape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if escape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional marks, embeddings, overrides and isolates: they reorder what a terminal shows.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
