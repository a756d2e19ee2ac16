import Support

/// git's allowed signers file (`gpg.ssh.allowedSignersFile`), in the format of ssh-keygen(1) "ALLOWED SIGNERS":
/// `principals [options] keytype base64 [comment]` per line, `#` comments and blank lines skipped.
///
/// Lines are read as OpenSSH 9.2's `sshsig.c` reads them (quoting, option keywords, times). Where ssh-keygen
/// silently skips a line it cannot read, dossier stops with an error naming the line and column, so that a
/// typo cannot quietly make a signer untrusted. Times without `Z` are read as UTC (ssh-keygen uses the
/// system time zone; they agree when TZ=UTC).
public struct AllowedSigners: Sendable {
    /// The options of one line.
    public struct Options: Sendable, Hashable {
        /// `cert-authority`: the key is a certificate authority, accepted only for certificates it signed.
        public var certAuthority: Bool = false
        /// `namespaces="…"`: the pattern list of namespaces the key may sign in; nil when not restricted.
        public var namespaces: String?
        /// `valid-after="…"`: the key is valid at or after this unix time.
        public var validAfter: Int64?
        /// `valid-before="…"`: the key is valid at or before this unix time.
        public var validBefore: Int64?

        /// Creates options; all absent by default.
        public init(certAuthority: Bool = false, namespaces: String? = nil, validAfter: Int64? = nil, validBefore: Int64? = nil) {
            self.certAuthority = certAuthority
            self.namespaces = namespaces
            self.validAfter = validAfter
            self.validBefore = validBefore
        }

        /// Whether the key may be used at `time` (unix seconds), as `check_allowed_keys_line` decides.
        func isValid(at time: Int64) -> Bool {
            if let validAfter, time < validAfter { return false }
            if let validBefore, time > validBefore { return false }
            return true
        }
    }

    /// One line of the file.
    public struct Entry: Sendable, Hashable {
        /// The principals field as written (quotes removed): a comma-separated pattern list.
        public var principals: String
        /// The options.
        public var options: Options
        /// The key.
        public var key: SSHPublicKey
        /// The file and line the entry was read from.
        public var location: SourceLocation
    }

    /// The entries, in file order.
    public var entries: [Entry]

    /// Reads the file's text; `file` names it in errors. Throws a `DossierError` at the first line that
    /// ssh-keygen could not read, with its line and column.
    public init(text: String, file: String) throws {
        var entries: [Entry] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Array(rawLine.utf8)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let entry = try AllowedSignersLineParser(line: line, file: file, lineNumber: lineNumber).parse() {
                entries.append(entry)
            }
        }
        self.entries = entries
    }

    /// The principals `ssh-keygen -Y find-principals` prints for a signing key at `time`: those of the first
    /// line with that very key (not as a certificate authority) that is valid at `time` — namespaces are not
    /// looked at — split at commas up to the first empty one; nil when no line matches.
    func findPrincipals(for key: SSHPublicKey, at time: Int64) -> [String]? {
        guard let entry = entries.first(where: { !$0.options.certAuthority && $0.key == key && $0.options.isValid(at: time) }) else {
            return nil
        }
        var result: [String] = []
        for part in entry.principals.split(separator: ",", omittingEmptySubsequences: false) {
            if part.isEmpty { break }
            result.append(String(part))
        }
        return result
    }

    /// The principals a signature by `key` in `namespace` at `time` would be judged good for: those
    /// `findPrincipals` gives that the allowed signers accept in that namespace.
    public func principals(for key: SSHPublicKey, namespace: String, at time: Int64) -> [String] {
        (findPrincipals(for: key, at: time) ?? []).filter { accepts(key, principal: $0, namespace: namespace, at: time) }
    }

    /// Whether `ssh-keygen -Y verify -I principal` accepts the key: some line whose principals match
    /// `principal` lists the key (not as a certificate authority), allows `namespace`, and is valid at `time`.
    func accepts(_ key: SSHPublicKey, principal: String, namespace: String, at time: Int64) -> Bool {
        entries.contains { entry in
            SSHPattern.listMatches(principal, entry.principals) && !entry.options.certAuthority && entry.key == key
                && (entry.options.namespaces.map { SSHPattern.listMatches(namespace, $0) } ?? true)
                && entry.options.isValid(at: time)
        }
    }

    /// Why no principal was found for the key at `time`, in a sentence.
    func whyNotFound(_ key: SSHPublicKey, at time: Int64) -> String {
        let listed = entries.filter { $0.key == key }
        let plain = listed.filter { !$0.options.certAuthority }
        if listed.isEmpty { return "key \(key.fingerprint) is not in the allowed signers" }
        guard let entry = plain.first else {
            return "key \(key.fingerprint) is in the allowed signers only as a certificate authority (\(listed[0].location))"
        }
        if let validAfter = entry.options.validAfter, time < validAfter {
            return "the allowed signers accept key \(key.fingerprint) only from \(SSHTime.format(validAfter)) (\(entry.location)), and it signed at \(SSHTime.format(time))"
        }
        if let validBefore = entry.options.validBefore, time > validBefore {
            return "the allowed signers accept key \(key.fingerprint) only until \(SSHTime.format(validBefore)) (\(entry.location)), and it signed at \(SSHTime.format(time))"
        }
        return "key \(key.fingerprint) is not in the allowed signers at \(SSHTime.format(time))"
    }
}

/// Reads one allowed-signers line as OpenSSH 9.2's `parse_principals_key_and_options` and `sshsigopt_parse` do.
struct AllowedSignersLineParser {
    /// The line, without its line feed.
    let line: [UInt8]
    /// The file, for errors.
    let file: String
    /// The 1-based line number.
    let lineNumber: Int

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")

    /// A `DossierError` at a 0-based byte offset of the line.
    private func error(_ message: String, at offset: Int) -> DossierError {
        let column = String(decoding: line[0 ..< min(max(offset, 0), line.count)], as: UTF8.self).count + 1
        return DossierError(message, at: SourceLocation(file: file, line: lineNumber, column: column))
    }

    /// Up to 40 characters from `offset`, for "found …".
    private func found(at offset: Int) -> String {
        guard offset < line.count else { return "the end of the line" }
        let end = line[offset...].firstIndex { $0 == Self.space || $0 == Self.tab } ?? line.count
        let text = String(decoding: line[offset ..< min(end, offset + 40)], as: UTF8.self)
        return "\"\(text)\""
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == Self.space || byte == Self.tab }
    private func isWhitespace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0d || byte == 0x0a }

    /// The entry, nil for a blank or comment line.
    func parse() throws -> AllowedSigners.Entry? {
        var cp = 0
        while cp < line.count, isBlank(line[cp]) { cp += 1 }
        if cp == line.count || line[cp] == UInt8(ascii: "#") { return nil }
        if line.contains(0) { throw error("expected text, found a NUL byte", at: line.firstIndex(of: 0) ?? 0) }

        // Principals: up to white space, with "…" quoting the way `strdelimw` does it.
        var principals: [UInt8] = []
        guard let stop = line[cp...].firstIndex(where: { isWhitespace($0) || $0 == Self.quote }) else {
            throw error("expected options or a key after the principals, found the end of the line", at: line.count)
        }
        principals.append(contentsOf: line[cp ..< stop])
        if line[stop] == Self.quote {
            guard let close = line[(stop + 1)...].firstIndex(of: Self.quote) else {
                throw error("expected a closing quote in the principals, found the end of the line", at: stop)
            }
            principals.append(contentsOf: line[(stop + 1) ..< close])
            cp = close + 1
        } else {
            cp = stop + 1
        }
        while cp < line.count, isWhitespace(line[cp]) { cp += 1 }

        // Options, when the next word is not a key type.
        var options = AllowedSigners.Options()
        let typeEnd = line[cp...].firstIndex(where: isBlank) ?? line.count
        let typeWord = String(decoding: line[cp ..< typeEnd], as: UTF8.self)
        if !SSHPublicKey.textTypeNames.contains(typeWord) {
            guard cp < line.count else { throw error("expected options or a key, found the end of the line", at: cp) }
            let optionsStart = cp
            var quoted = false
            var index = cp
            while index < line.count, quoted || !isBlank(line[index]) {
                if line[index] == UInt8(ascii: "\\"), index + 1 < line.count, line[index + 1] == Self.quote {
                    index += 1
                } else if line[index] == Self.quote {
                    quoted.toggle()
                }
                index += 1
            }
            if quoted { throw error("expected a closing quote in the options, found the end of the line", at: optionsStart) }
            options = try parseOptions(optionsStart, index)
            cp = index
            while cp < line.count, isBlank(line[cp]) { cp += 1 }
            if cp == line.count { throw error("expected a key type after the options, found the end of the line", at: cp) }
        }
        let key = try parseKey(at: cp)
        return AllowedSigners.Entry(principals: String(decoding: principals, as: UTF8.self), options: options, key: key,
                                    location: SourceLocation(file: file, line: lineNumber))
    }

    /// `keytype base64`, as `sshkey_read` reads it.
    private func parseKey(at start: Int) throws -> SSHPublicKey {
        let typeEnd = line[start...].firstIndex(where: isBlank) ?? line.count
        let type = String(decoding: line[start ..< typeEnd], as: UTF8.self)
        guard SSHPublicKey.textTypeNames.contains(type) else {
            throw error("expected a key type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …), found \(found(at: start))", at: start)
        }
        var cp = typeEnd
        while cp < line.count, isBlank(line[cp]) { cp += 1 }
        guard cp < line.count else { throw error("expected a base64 key after \(type), found the end of the line", at: cp) }
        let end = line[cp...].firstIndex(where: isBlank) ?? line.count
        guard let blob = SSHBase64.decode(line[cp ..< end]) else {
            throw error("expected a base64 key, found \(found(at: cp))", at: cp)
        }
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(blob: blob)
        } catch {
            throw self.error("expected a valid \(type) key, found one that does not parse: \(error.message)", at: cp)
        }
        guard SSHPublicKey.textTypeMatches(type, blobType: key.type) else {
            throw error("expected a \(type) key, found a \(key.type) key", at: cp)
        }
        return key
    }

    /// Whether the line at `offset` starts with `word`, ignoring case as `strncasecmp` does.
    private func hasPrefix(_ word: String, at offset: Int, end: Int) -> Bool {
        let bytes = Array(word.utf8)
        guard end - offset >= bytes.count else { return false }
        for (index, byte) in bytes.enumerated() {
            let lineByte = line[offset + index]
            let lower = (0x41 ... 0x5a).contains(lineByte) ? lineByte + 32 : lineByte
            if lower != byte { return false }
        }
        return true
    }

    /// A double-quoted option value, `\"` standing for a quote (`opt_dequote`); returns the value and the offset after it.
    private func dequote(at start: Int, end: Int, option: String) throws -> (String, Int) {
        guard start < end, line[start] == Self.quote else {
            throw error("expected a double-quoted value for \(option), found \(found(at: start))", at: start)
        }
        var value: [UInt8] = []
        var index = start + 1
        while index < end, line[index] != Self.quote {
            if line[index] == UInt8(ascii: "\\"), index + 1 < end, line[index + 1] == Self.quote { index += 1 }
            value.append(line[index])
            index += 1
        }
        guard index < end else { throw error("expected a closing quote for \(option), found the end of the options", at: start) }
        return (String(decoding: value, as: UTF8.self), index + 1)
    }

    /// `sshsigopt_parse` over `line[start..<end]`.
    private func parseOptions(_ start: Int, _ end: Int) throws -> AllowedSigners.Options {
        var options = AllowedSigners.Options()
        var index = start
        while index < end {
            let optionStart = index
            if hasPrefix("cert-authority", at: index, end: end) {
                options.certAuthority = true
                index += "cert-authority".utf8.count
            } else if hasPrefix("namespaces=", at: index, end: end) {
                if options.namespaces != nil { throw error("expected one namespaces option, found a second", at: optionStart) }
                (options.namespaces, index) = try dequote(at: index + 11, end: end, option: "namespaces")
            } else if hasPrefix("valid-after=", at: index, end: end) || hasPrefix("valid-before=", at: index, end: end) {
                let after = hasPrefix("valid-after=", at: index, end: end)
                let name = after ? "valid-after" : "valid-before"
                if (after ? options.validAfter : options.validBefore) != nil {
                    throw error("expected one \(name) option, found a second", at: optionStart)
                }
                let (value, next) = try dequote(at: index + name.utf8.count + 1, end: end, option: name)
                guard let time = SSHTime.parse(value) else {
                    throw error("expected a \(name) time YYYYMMDD[HHMM[SS]][Z], found \"\(value)\"", at: index + name.utf8.count + 1)
                }
                if after { options.validAfter = time } else { options.validBefore = time }
                index = next
            }
            if index == end { break }
            guard line[index] == UInt8(ascii: ",") else {
                let word = String(decoding: line[index ..< (line[index ..< end].firstIndex(of: UInt8(ascii: ",")) ?? end)], as: UTF8.self)
                let hint = word.lowercased() == "no-touch-required"
                    ? " (ssh-keygen 9.2 does not know no-touch-required in allowed signers and skips the whole line)" : ""
                throw error("expected an option (cert-authority, namespaces=\"…\", valid-after=\"…\", valid-before=\"…\"), found \"\(word)\"\(hint)", at: index)
            }
            index += 1
            if index == end { throw error("expected another option after the comma, found the end of the options", at: index) }
        }
        if let after = options.validAfter, let before = options.validBefore, before <= after {
            throw error("expected valid-before to be later than valid-after", at: start)
        }
        return options
    }
}
