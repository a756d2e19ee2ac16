// The model types a release holds by the ten thousand write their own JSON members, keys in UTF-8 order
// (upper case before lower case: `changeRequests` before `changedFiles`). Each gives the text its `Encodable`
// conformance gives; `CanonicalJSONTests` encodes them both ways and compares.

extension ReleaseCommit: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.object("author", author)
        object.string("body", body)
        object.strings("changeRequests", changeRequests)
        try object.objects("changedFiles", changedFiles)
        try object.object("committer", committer)
        object.string("id", id)
        if invalidUTF8 { object.bool("invalidUTF8", true) }
        object.strings("items", items)
        object.bool("merge", merge)
        object.string("message", ifPresent: message)
        object.strings("parents", parents)
        object.strings("references", references)
        try object.object("signature", signature)
        object.string("subject", subject)
        try object.objects("trailers", trailers)
    }
}

extension Person: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.string("email", email)
        object.string("name", name)
        object.integer("offsetMinutes", offsetMinutes)
        object.integer("time", time)
    }
}

extension ChangedFile: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.string("path", path)
        object.string("status", status.rawValue)
    }
}

extension Trailer: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.string("key", key)
        object.string("value", value)
    }
}

extension Verdict: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.string("algorithm", algorithm)
        object.string("fingerprint", fingerprint)
        object.string("kind", ifPresent: kind?.rawValue)
        object.string("letter", letter.rawValue)
        object.string("primaryFingerprint", primaryFingerprint)
        object.string("reason", reason)
        object.string("signer", signer)
    }
}

extension Finding: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.strings("clauses", clauses)
        object.string("commit", ifPresent: commit)
        object.string("level", level.rawValue)
        try object.object("location", ifPresent: location)
        object.string("message", message)
        object.string("rule", rule)
        object.strings("subjects", subjects)
    }
}

extension SourceLocation: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.integer("column", ifPresent: column)
        object.string("file", file)
        object.integer("line", ifPresent: line)
    }
}

extension TraceRow: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.objects("changeRequests", changeRequests)
        try object.objects("commits", commits)
        try object.objects("ifuChanges", ifuChanges)
        try object.objects("items", items)
        object.string("requirement", requirement)
        object.string("result", result)
        try object.objects("risks", risks)
        object.string("status", status)
        try object.objects("tests", tests)
        try object.objects("threats", threats)
        object.string("title", title)
    }
}

extension TraceEntry: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.string("id", id)
        object.string("status", ifPresent: status)
        object.strings("via", via)
    }
}

extension ChangeRequestEntry: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.strings("commits", commits)
        object.string("id", id)
        object.strings("items", items)
        try object.value("record", ifPresent: record)
    }
}

extension ItemTouch: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        object.strings("commits", commits)
        object.string("id", id)
        object.string("name", name)
        object.strings("paths", paths)
        object.string("safetyClass", ifPresent: safetyClass?.rawValue)
    }
}
