import Foundation

/// One ASCII-armored block ("-----BEGIN PGP … -----" … "-----END PGP … -----"), decoded.
struct OpenPGPArmorBlock: Sendable {
    /// The label between "BEGIN " and the closing dashes, e.g. `PGP SIGNATURE`, `PGP PUBLIC KEY BLOCK`.
    var label: String
    /// The decoded bytes (the packets).
    var data: [UInt8]
    /// The 1-based line of the BEGIN line in the text.
    var line: Int
}

/// Reads OpenPGP ASCII armor (RFC 4880 §6, RFC 9580 §6): header lines, base64, an optional CRC-24 line.
enum OpenPGPArmor {
    /// Decodes every armored block in `text`; text outside the blocks is ignored.
    /// Throws on a block that does not end, does not decode, or whose CRC-24 does not match.
    static func decode(_ text: String) throws -> [OpenPGPArmorBlock] {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.trimmingTrailing() }
        var blocks: [OpenPGPArmorBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingLeading()
            guard let label = armorLabel(line, marker: "BEGIN") else { index += 1; continue }
            let begin = index + 1
            index += 1
            // Header lines ("Key: value") until a blank line; a missing blank line is tolerated, as gpg does.
            while index < lines.count, !lines[index].isEmpty, isHeader(lines[index]) { index += 1 }
            if index < lines.count, lines[index].isEmpty { index += 1 }
            var base64 = ""
            var checksum: (text: Substring, line: Int)?
            var ended = false
            while index < lines.count {
                let body = lines[index].trimmingLeading()
                if let endLabel = armorLabel(body, marker: "END") {
                    guard endLabel == label else {
                        throw OpenPGPFormatError("the armor starting on line \(begin) ends with \"END \(endLabel)\"", line: index + 1)
                    }
                    ended = true
                    break
                }
                if body.hasPrefix("=") {
                    guard checksum == nil else { throw OpenPGPFormatError("the armor has two checksum lines", line: index + 1) }
                    checksum = (body.dropFirst(), index + 1)
                } else if !body.isEmpty {
                    guard checksum == nil else {
                        throw OpenPGPFormatError("the armor has data after its checksum line", line: index + 1)
                    }
                    guard body.allSatisfy(isBase64) else {
                        throw OpenPGPFormatError("the armor has a line that is not base64", line: index + 1)
                    }
                    base64 += body
                }
                index += 1
            }
            guard ended else { throw OpenPGPFormatError("the armor starting on line \(begin) has no END line", line: begin) }
            guard let data = Data(base64Encoded: base64) else {
                throw OpenPGPFormatError("the armor starting on line \(begin) is not valid base64", line: begin)
            }
            let bytes = [UInt8](data)
            if let checksum {
                guard checksum.text.count == 4, let sum = Data(base64Encoded: String(checksum.text)), sum.count == 3 else {
                    throw OpenPGPFormatError("the armor's checksum line is not 4 base64 characters", line: checksum.line)
                }
                let expected = UInt32(sum[sum.startIndex]) << 16 | UInt32(sum[sum.startIndex + 1]) << 8 | UInt32(sum[sum.startIndex + 2])
                guard crc24(bytes) == expected else {
                    throw OpenPGPFormatError("the armor's CRC-24 checksum does not match its data", line: checksum.line)
                }
            }
            blocks.append(OpenPGPArmorBlock(label: label, data: bytes, line: begin))
            index += 1
        }
        return blocks
    }

    /// The CRC-24 of RFC 4880 §6.1.
    static func crc24(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xB704CE
        for byte in bytes {
            crc ^= UInt32(byte) << 16
            for _ in 0..<8 {
                crc <<= 1
                if crc & 0x100_0000 != 0 { crc ^= 0x186_4CFB }
            }
        }
        return crc & 0xFF_FFFF
    }

    /// The label of a "-----BEGIN X-----" or "-----END X-----" line, or nil.
    private static func armorLabel(_ line: Substring, marker: String) -> String? {
        let prefix = "-----\(marker) "
        guard line.hasPrefix(prefix), line.hasSuffix("-----"), line.count >= prefix.count + 5 else { return nil }
        let label = line.dropFirst(prefix.count).dropLast(5)
        guard label.hasPrefix("PGP ") else { return nil }
        return String(label)
    }

    /// Whether a line is an armor header ("Version: …", "Comment: …").
    private static func isHeader(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
        let after = line.index(after: colon)
        return after < line.endIndex && line[after] == " " && line[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    /// Whether a character may appear in a base64 body line.
    private static func isBase64(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "+" || c == "/" || c == "=")
    }
}

extension Substring {
    /// The text without trailing spaces, tabs and carriage returns.
    fileprivate func trimmingTrailing() -> Substring {
        var end = endIndex
        while end > startIndex, [" ", "\t", "\r"].contains(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }

    /// The text without leading spaces and tabs.
    fileprivate func trimmingLeading() -> Substring {
        drop { $0 == " " || $0 == "\t" }
    }
}
