/// A value whose canonical JSON object is written member by member, keys in sorted order, without going
/// through `Codable`'s containers. For the types a release holds tens of thousands of (commits, findings, trace
/// rows): their `Encodable` conformance stays, and gives the same text (`CanonicalJSONTests` compares the two
/// for every conforming type), but encoding them this way is several times faster.
protocol JSONObjectWritable: Encodable {
    /// Writes the object's members, in the UTF-8 order of their keys, as `Encodable` would: nil left out.
    func writeMembers(to object: inout JSONObjectWriter) throws
}

/// Writes the members of one object straight into a `JSONWriter`'s buffer.
struct JSONObjectWriter {
    /// Not counted as a reference: the writer outlives every object written into it.
    unowned(unsafe) let writer: JSONWriter
    /// The depth of the object itself; its members are one deeper.
    let depth: Int
    private var count = 0
    #if DEBUG
    private var lastKey = ""
    #endif

    init(writer: JSONWriter, depth: Int) {
        self.writer = writer
        self.depth = depth
    }

    /// Writes a string member.
    mutating func string(_ key: StaticString, _ value: String) {
        startMember(key)
        writer.quote(value)
    }

    /// Writes a string member when it is not nil.
    mutating func string(_ key: StaticString, ifPresent value: String?) {
        guard let value else { return }
        string(key, value)
    }

    /// Writes an integer member.
    mutating func integer(_ key: StaticString, _ value: some BinaryInteger) {
        startMember(key)
        writer.bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes an integer member when it is not nil.
    mutating func integer(_ key: StaticString, ifPresent value: Int?) {
        guard let value else { return }
        integer(key, value)
    }

    /// Writes a Boolean member.
    mutating func bool(_ key: StaticString, _ value: Bool) {
        startMember(key)
        writer.bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes an object member that writes its own members.
    mutating func object(_ key: StaticString, _ value: some JSONObjectWritable) throws {
        startMember(key)
        try writer.writeObject(value, depth: depth + 1)
    }

    /// Writes an object member when it is not nil.
    mutating func object(_ key: StaticString, ifPresent value: (some JSONObjectWritable)?) throws {
        guard let value else { return }
        try object(key, value)
    }

    /// Writes a member of any other `Encodable` type, through `Encodable` unless it writes its own members.
    mutating func value(_ key: StaticString, ifPresent value: (some Encodable)?) throws {
        guard let value else { return }
        startMember(key)
        try writer.write(value, depth: depth + 1)
    }

    /// Writes an array of strings, one per line.
    mutating func strings(_ key: StaticString, _ values: [String]) {
        startMember(key)
        openArray()
        for index in values.indices {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.newline(depth + 2)
            writer.quote(values[index])
        }
        closeArray(empty: values.isEmpty)
    }

    /// Writes an array of objects that write their own members, one per line.
    mutating func objects<Element: JSONObjectWritable>(_ key: StaticString, _ values: [Element]) throws {
        startMember(key)
        openArray()
        for index in values.indices {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.newline(depth + 2)
            try writer.writeObject(values[index], depth: depth + 2)
        }
        closeArray(empty: values.isEmpty)
    }

    private func openArray() {
        writer.bytes.append(UInt8(ascii: "["))
    }

    private func closeArray(empty: Bool) {
        if !empty { writer.newline(depth + 1) }
        writer.bytes.append(UInt8(ascii: "]"))
    }

    /// The separator, line break and key before a member's value.
    private mutating func startMember(_ key: StaticString) {
        #if DEBUG
        let text = key.description
        assert(count == 0 || lastKey.utf8.lexicographicallyPrecedes(text.utf8), "JSON keys out of order: \(lastKey), \(text)")
        lastKey = text
        #endif
        if count > 0 { writer.bytes.append(UInt8(ascii: ",")) }
        count += 1
        writer.newline(depth + 1)
        writer.bytes.append(UInt8(ascii: "\""))
        writer.bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        writer.bytes.append(contentsOf: "\": ".utf8)
    }

    /// Closes the object: `{}` when it had no members.
    fileprivate func close() {
        if count > 0 { writer.newline(depth) }
        writer.bytes.append(UInt8(ascii: "}"))
    }
}

extension JSONWriter {
    /// Writes an object through its own `writeMembers`.
    func writeObject(_ value: some JSONObjectWritable, depth: Int) throws {
        bytes.append(UInt8(ascii: "{"))
        var object = JSONObjectWriter(writer: self, depth: depth)
        try value.writeMembers(to: &object)
        object.close()
    }
}
