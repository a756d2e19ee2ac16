/// Base64 exactly as OpenSSH reads and writes it (`b64_pton` / `b64_ntop`): the standard alphabet, white
/// space skipped anywhere, padding required and checked, and the unused bits after the last byte must be zero.
enum SSHBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// Whether C's `isspace` holds for the byte.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09 ... 0x0d).contains(byte) }

    /// Decodes, or returns nil where `b64_pton` would fail.
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var state = 0
        var index = text.startIndex
        var sawPad = false
        while index != text.endIndex {
            let byte = text[index]
            index = text.index(after: index)
            if byte == 0 { return nil }
            if isSpace(byte) { continue }
            if byte == UInt8(ascii: "=") { sawPad = true; break }
            let value = values[Int(byte)]
            guard value >= 0 else { return nil }
            let bits = UInt8(value)
            switch state {
            case 0: output.append(bits << 2); state = 1
            case 1:
                output[output.count - 1] |= bits >> 4
                output.append((bits & 0x0f) << 4); state = 2
            case 2:
                output[output.count - 1] |= bits >> 2
                output.append((bits & 0x03) << 6); state = 3
            default:
                output[output.count - 1] |= bits; state = 0
            }
        }
        if sawPad {
            var rest = text[index...].drop { isSpace($0) }
            switch state {
            case 2:
                // One byte of information: a second `=` must follow (white space may come between).
                guard rest.first == UInt8(ascii: "=") else { return nil }
                rest = rest.dropFirst()
            case 3: break
            default: return nil
            }
            guard rest.allSatisfy({ isSpace($0) }) else { return nil }
            // The bits that spill past the last whole byte must be zero, and are not part of the output.
            guard output.last == 0 else { return nil }
            output.removeLast()
        } else if state != 0 {
            return nil
        }
        return output
    }

    /// Encodes with padding, on one line.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let b0 = input[index]
            let b1 = index + 1 < input.count ? input[index + 1] : 0
            let b2 = index + 2 < input.count ? input[index + 2] : 0
            output.append(alphabet[Int(b0 >> 2)])
            output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            output.append(index + 1 < input.count ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            output.append(index + 2 < input.count ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Encodes wrapped at 70 columns with a newline after every line, as `sshbuf_dtob64(…, wrap = 1)` does.
    static func encodeWrapped(_ bytes: some Collection<UInt8>) -> String {
        let flat = Array(encode(bytes).utf8)
        var output = ""
        var start = 0
        while start < flat.count {
            let end = min(start + 70, flat.count)
            output += String(decoding: flat[start ..< end], as: UTF8.self) + "\n"
            start = end
        }
        return output
    }
}
