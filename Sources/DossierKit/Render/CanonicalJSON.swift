import Foundation

/// Encodes `Encodable` values as canonical JSON: object keys sorted by their UTF-8 bytes, nil values left
/// out, two-space indentation, `"key": value`, `/` not escaped, a final newline. The same value always gives
/// the same bytes. Written for speed on releases with tens of thousands of commits: each value is turned into
/// bytes as soon as it is encoded, with no intermediate tree of boxed values.
public enum CanonicalJSON {
    /// The JSON text of `value`.
    /// - Throws: whatever the value's `encode(to:)` throws.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var bytes = try JSONNode.bytes(of: value, depth: 0, codingPath: [])
        bytes.append(UInt8(ascii: "\n"))
        return bytes.withUnsafeBufferPointer { Data(buffer: $0) }
    }
}

/// What one value encoded into: a scalar, an object, or an array, with the bytes of its members.
final class JSONNode {
    enum Content {
        case empty
        case scalar([UInt8])
        case object([(key: String, bytes: [UInt8])])
        case array([[UInt8]])
    }

    var content: Content = .empty
    let depth: Int

    init(depth: Int) { self.depth = depth }

    /// Encodes a value at a depth, with fast paths for the scalars that make up most of a release.
    static func bytes<T: Encodable>(of value: T, depth: Int, codingPath: [any CodingKey]) throws -> [UInt8] {
        switch value {
        case let text as String: return quoted(text)
        case let number as Int: return Array(String(number).utf8)
        case let number as Int64: return Array(String(number).utf8)
        case let flag as Bool: return Array((flag ? "true" : "false").utf8)
        default:
            let node = JSONNode(depth: depth)
            try value.encode(to: CanonicalEncoder(node: node, codingPath: codingPath))
            return node.render()
        }
    }

    /// The node's JSON text. Consumes the node: each member's bytes are released once copied, so a large
    /// array never exists twice over.
    func render() -> [UInt8] {
        var taken = Content.empty
        swap(&taken, &content)
        switch consume taken {
        case .empty: return Array("null".utf8)
        case .scalar(let bytes): return bytes
        case .array(var items):
            guard !items.isEmpty else { return Array("[]".utf8) }
            var out: [UInt8] = [UInt8(ascii: "[")]
            out.reserveCapacity(items.reduce(0) { $0 + $1.count } + items.count * (depth * 2 + 4) + 8)
            for index in items.indices {
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth + 1)
                out += items[index]
                items[index] = []
                if index < items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(UInt8(ascii: "\n"))
            indent(&out, depth)
            out.append(UInt8(ascii: "]"))
            return out
        case .object(var members):
            guard !members.isEmpty else { return Array("{}".utf8) }
            members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            var out: [UInt8] = [UInt8(ascii: "{")]
            out.reserveCapacity(members.reduce(0) { $0 + $1.bytes.count + $1.key.utf8.count } + members.count * (depth * 2 + 8) + 8)
            for index in members.indices {
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth + 1)
                out += JSONNode.quoted(members[index].key)
                out += [UInt8(ascii: ":"), UInt8(ascii: " ")]
                out += members[index].bytes
                members[index].bytes = []
                if index < members.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(UInt8(ascii: "\n"))
            indent(&out, depth)
            out.append(UInt8(ascii: "}"))
            return out
        }
    }

    private func indent(_ out: inout [UInt8], _ depth: Int) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}

/// The `Encoder` that fills one `JSONNode`.
struct CanonicalEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey]

    private func add(_ key: Key, _ bytes: [UInt8]) {
        guard case .object(var members) = node.content else { return }
        node.content = .empty  // release the array's storage so the append below does not copy it
        members.append((key.stringValue, bytes))
        node.content = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, Array("null".utf8)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(key, try JSONNode.bytes(of: value, depth: node.depth + 1, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func superEncoder() -> any Encoder { fatalError("superEncoder is not used by dossier's model") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("superEncoder is not used by dossier's model") }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = node.content { return items.count }
        return 0
    }

    private func add(_ bytes: [UInt8]) {
        guard case .array(var items) = node.content else { return }
        node.content = .empty
        items.append(bytes)
        node.content = .array(items)
    }

    mutating func encodeNil() throws { add(Array("null".utf8)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        add(try JSONNode.bytes(of: value, depth: node.depth + 1, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func superEncoder() -> any Encoder { fatalError("superEncoder is not used by dossier's model") }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar(Array("null".utf8)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.content = .scalar(try JSONNode.bytes(of: value, depth: node.depth, codingPath: codingPath))
    }
}
