import Foundation

/// Encodes `Encodable` values as canonical JSON: object keys sorted by their UTF-8 bytes, nil values left
/// out, two-space indentation, `"key": value`, `/` not escaped, a final newline. The same value always gives
/// the same bytes.
///
/// Written for speed on releases with tens of thousands of commits: every value is written straight into one
/// buffer as it is encoded. An object's members are written in the order its `encode(to:)` gives them, and
/// when that order is not the sorted one, only that object's bytes are put in order once it is complete.
/// `encode(_:into:)` hands the text on in pieces while it is made, so a large release never sits in memory
/// whole: the outermost object (which must then give its keys in sorted order) and the arrays directly in it
/// are passed on as they grow.
public enum CanonicalJSON {
    /// The JSON text of `value`.
    /// - Throws: whatever the value's `encode(to:)` throws.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = Data()
        try encode(value, piecesOf: 1 << 30) { data.append(contentsOf: $0) }
        return data
    }

    /// Writes the JSON text of `value` to `sink`, in pieces of about a megabyte, in order.
    /// - Throws: whatever the value's `encode(to:)` or `sink` throws; `DossierError` when the outermost
    ///   object's keys do not come in sorted order after some of it was passed on.
    public static func encode<T: Encodable>(_ value: T, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try encode(value, piecesOf: 1 << 20, sink)
    }

    private static func encode<T: Encodable>(_ value: T, piecesOf size: Int,
                                             _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in
            let writer = JSONWriter(pieceSize: size, sink: sink)
            defer { writer.dropContainers() }  // each container refers to the writer: let both go
            try writer.write(value, depth: 0)
            writer.bytes.append(UInt8(ascii: "\n"))
            try writer.flush(upTo: writer.position)
        }
    }
}

/// The buffer every value of one `CanonicalJSON.encode` call is written into, and the pieces passed on.
///
/// What the writer and its containers change on every value lives behind a pointer (`UncheckedState`), not in
/// stored properties: the Swift runtime checks every change of a class's stored property for overlapping access,
/// and those checks were a third of suf.json's time (perf, 20,000-commit release). Each writer and container is
/// used by one `encode` call on one thread, and none of its state is reached from outside this file.
final class JSONWriter {
    private struct State {
        var bytes: [UInt8] = []
        var passed = 0
        var open: [JSONContainer] = []
        var spare: [JSONContainer] = []
        var reordered: [UInt8] = []
    }
    private let state = UncheckedState(State())

    /// What has been written and not yet passed on: the text from `passed` on.
    var bytes: [UInt8] {
        get { state.value.bytes }
        _modify { yield &state.value.bytes }
    }
    /// How many bytes have been passed on to the sink.
    var passed: Int { state.value.passed }
    /// The containers being written, outermost first.
    var open: [JSONContainer] {
        get { state.value.open }
        _modify { yield &state.value.open }
    }
    /// Containers whose value is written, kept for the next values: a release has hundreds of thousands.
    private var spare: [JSONContainer] {
        get { state.value.spare }
        _modify { yield &state.value.spare }
    }
    /// Scratch space for putting an object's members in order.
    var reordered: [UInt8] {
        get { state.value.reordered }
        _modify { yield &state.value.reordered }
    }
    /// A line break and the indentation of the first few depths: `newline` appends a prefix of it.
    private let lineStarts: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 40)
    private let pieceSize: Int
    private let sink: (UnsafeRawBufferPointer) throws -> Void

    init(pieceSize: Int, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.pieceSize = pieceSize
        self.sink = sink
        bytes.reserveCapacity(min(pieceSize, 1 << 20) + (1 << 16))
    }

    /// The offset of the next byte in the whole text.
    var position: Int { passed + bytes.count }

    /// Writes one value at a depth. The scalars that make up most of a release are written directly; any other
    /// value encodes itself into a container. The scalar types are told apart by their type's identity before any
    /// cast: a failed dynamic cast costs a conformance search, and most values written are records and rows.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): if let text = value as? String { quote(text) }
        case ObjectIdentifier(Int.self): if let number = value as? Int { bytes.append(contentsOf: String(number).utf8) }
        case ObjectIdentifier(Bool.self): if let flag = value as? Bool { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
        case ObjectIdentifier(Int64.self): if let number = value as? Int64 { bytes.append(contentsOf: String(number).utf8) }
        case ObjectIdentifier(Int32.self): if let number = value as? Int32 { bytes.append(contentsOf: String(number).utf8) }
        case ObjectIdentifier(UInt.self): if let number = value as? UInt { bytes.append(contentsOf: String(number).utf8) }
        case ObjectIdentifier(UInt64.self): if let number = value as? UInt64 { bytes.append(contentsOf: String(number).utf8) }
        case ObjectIdentifier(Double.self):
            // Swift's shortest round-trip form ("8.1", "1e-05"); JSON has no infinity or NaN.
            if let number = value as? Double { bytes.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8) }
        default:
            let container = spare.popLast() ?? JSONContainer(writer: self)
            container.start(depth: depth)
            open.append(container)
            try value.encode(to: CanonicalEncoder(container: container))
            try container.close()
            open.removeLast()
            spare.append(container)
        }
    }

    /// Lets go of the containers, open and spare, once the text is written (or an error stopped it): each holds
    /// a reference to this writer.
    func dropContainers() {
        open.removeAll()
        spare.removeAll()
    }

    /// Passes on what can no longer change, once a piece's worth has gathered: everything before the first
    /// open object that may still have to put its members in order (the outermost object, whose keys must come
    /// sorted, and arrays never do).
    func passOnSettledText() throws {
        guard bytes.count >= pieceSize else { return }
        var settled = position
        for (index, container) in open.enumerated() where container.kind == .object && index > 0 {
            settled = container.start
            break
        }
        if settled - passed >= pieceSize { try flush(upTo: settled) }
    }

    /// Passes on the text before `offset`.
    func flush(upTo offset: Int) throws {
        let count = offset - passed
        guard count > 0 else { return }
        try bytes.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        bytes.removeFirst(count)
        state.value.passed = offset
    }

    /// Writes a newline and the indentation of `depth`.
    func newline(_ depth: Int) {
        if depth * 2 < lineStarts.count {
            lineStarts.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[...(depth * 2)])) }
        } else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
    }

    /// Writes a JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes are read in place; only a bridged or lazy one is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 text with `"`, `\` and control characters escaped.
    private func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var plain = 0  // the start of the run of bytes that need no escape
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            plain = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
    }
}

/// One value being encoded that is not a plain scalar: an object, an array, or a single value, written into
/// the shared buffer from `start` on. Its writer keeps it for the next value once it is closed.
final class JSONContainer {
    enum Kind { case undecided, object, array, single }

    private struct State {
        var depth = 0
        var start = 0
        var kind = Kind.undecided
        var count = 0
        var members: [(key: String, range: Range<Int>)] = []
        var sorted = true
    }
    /// Behind a pointer, as the writer's (see `JSONWriter`).
    private let state = UncheckedState(State())

    /// The writer this container writes into (which keeps the container until `dropContainers`).
    let writer: JSONWriter
    /// How deep the value lies: 0 for the outermost.
    var depth: Int { state.value.depth }
    /// Where the container's text starts in the whole text.
    var start: Int { state.value.start }
    /// What the value turned out to be.
    var kind: Kind {
        get { state.value.kind }
        set { state.value.kind = newValue }
    }
    /// The members or elements written so far.
    var count: Int { state.value.count }
    /// An object's members as written: key, and where the member (from its separator to its value's end) lies
    /// in the whole text.
    private var members: [(key: String, range: Range<Int>)] {
        get { state.value.members }
        _modify { yield &state.value.members }
    }
    /// Whether the members came in key order so far.
    private var sorted: Bool {
        get { state.value.sorted }
        set { state.value.sorted = newValue }
    }

    init(writer: JSONWriter) {
        self.writer = writer
    }

    /// Makes the container ready for a new value at `depth`, starting at the writer's position.
    func start(depth: Int) {
        state.value.depth = depth
        state.value.start = writer.position
        kind = .undecided
        state.value.count = 0
        members.removeAll(keepingCapacity: true)
        sorted = true
    }

    /// Starts the object or array, the first time the value asks for it.
    func begin(_ wanted: Kind) {
        guard kind == .undecided else { return }
        kind = wanted
        switch wanted {
        case .object: writer.bytes.append(UInt8(ascii: "{"))
        case .array: writer.bytes.append(UInt8(ascii: "["))
        case .undecided, .single: break
        }
    }

    /// Writes one member of an object.
    func member<T: Encodable>(_ key: String, _ value: T) throws {
        let writer = self.writer
        let memberStart = writer.position
        if count > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        writer.newline(depth + 1)
        writer.quote(key)
        writer.bytes.append(UInt8(ascii: ":"))
        writer.bytes.append(UInt8(ascii: " "))
        try writer.write(value, depth: depth + 1)
        if let last = members.last, !last.key.utf8.lexicographicallyPrecedes(key.utf8) { sorted = false }
        members.append((key, memberStart..<writer.position))
        state.value.count += 1
        if depth == 0 { try writer.passOnSettledText() }
    }

    /// Writes one element of an array.
    func element<T: Encodable>(_ value: T) throws {
        let writer = self.writer
        if count > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        writer.newline(depth + 1)
        try writer.write(value, depth: depth + 1)
        state.value.count += 1
        try writer.passOnSettledText()
    }

    /// Ends the object or array; puts an object's members in key order when they were not written in it.
    func close() throws {
        switch kind {
        case .undecided:
            writer.bytes.append(contentsOf: "null".utf8)
        case .single:
            break
        case .array, .object:
            if count == 0 {
                writer.bytes.append(kind == .array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                return
            }
            if kind == .object, !sorted {
                guard members[0].range.lowerBound >= writer.passed else {
                    throw DossierError("internal error: the JSON of \\(members.map(\\.key)) was passed on before its keys were found out of order; its CodingKeys must be sorted")
                }
                reorderMembers()
            }
            writer.newline(depth)
            writer.bytes.append(kind == .array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        }
    }

    /// Rewrites the members in key order.
    private func reorderMembers() {
        let order = members.indices.sorted { members[$0].key.utf8.lexicographicallyPrecedes(members[$1].key.utf8) }
        let first = members[0].range.lowerBound
        let writer = self.writer
        let offset = first - writer.passed
        writer.reordered.removeAll(keepingCapacity: true)
        writer.reordered.append(contentsOf: writer.bytes[offset...])
        writer.bytes.removeSubrange(offset...)
        for (position, index) in order.enumerated() {
            // Each member was written with its own leading separator: the first has none, the others a comma.
            let range = members[index].range
            var lower = range.lowerBound - first
            if writer.reordered[lower] == UInt8(ascii: ",") { lower += 1 }
            if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(contentsOf: writer.reordered[lower..<(range.upperBound - first)])
        }
    }
}

/// The `Encoder` handed to one value's `encode(to:)`. Its coding path is always empty: dossier's model never
/// reads it, and building one per value would cost an allocation each.
struct CanonicalEncoder: Encoder {
    let container: JSONContainer
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        container.begin(.object)
        return KeyedEncodingContainer(KeyedContainer<Key>(container: container))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        container.begin(.array)
        return UnkeyedContainer(container: container)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(container: container)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let container: JSONContainer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try container.member(key.stringValue, JSONNull()) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try container.member(key.stringValue, value)
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
    let container: JSONContainer
    var codingPath: [any CodingKey] { [] }
    var count: Int { container.count }

    mutating func encodeNil() throws { try container.element(JSONNull()) }

    mutating func encode<T: Encodable>(_ value: T) throws { try container.element(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        fatalError("nested containers are not used by dossier's model")
    }

    mutating func superEncoder() -> any Encoder { fatalError("superEncoder is not used by dossier's model") }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let container: JSONContainer
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        container.kind = .single
        container.writer.bytes.append(contentsOf: "null".utf8)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        container.kind = .single
        try container.writer.write(value, depth: container.depth)
    }
}

/// JSON's `null`, for an explicitly encoded nil.
private struct JSONNull: Encodable {
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encodeNil()
    }
}

/// One value held behind a pointer, so that changing it does not go through the runtime's exclusivity checks of a
/// class's stored properties. Only for state that one thread changes, and that no access reaches while another
/// access to it is under way (the JSON writer's buffers: see `JSONWriter`).
final class UncheckedState<Value> {
    private let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    deinit {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    /// The value, read and changed in place.
    var value: Value {
        get { pointer.pointee }
        _modify { yield &pointer.pointee }
    }
}
