import CLibGit2

extension Repository {
    /// The message of the note on `object` under `notesReference` (e.g. `refs/notes/dossier`), or nil when it has
    /// none.
    /// - Throws: `GitError` when `object` is not an object id.
    package func note(on object: String, notesReference: String) throws -> String? {
        var target = try oid(object)
        var note: OpaquePointer?
        guard git_note_read(&note, pointer, notesReference, &target) == 0, let note else { return nil }
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) }
    }

    /// Writes `message` as the note on `object` under `notesReference`, replacing one there, as `author` at its time.
    /// - Throws: `GitError` when libgit2 cannot write it.
    package func writeNote(_ message: String, on object: String, notesReference: String,
                           author: StoredTree.Author) throws {
        var target = try oid(object)
        var noteId = git_oid()
        try author.withSignature { signature in
            try check(git_note_create(&noteId, pointer, notesReference, signature, signature, &target, message, 1),
                      "git_note_create")
        }
    }
}
