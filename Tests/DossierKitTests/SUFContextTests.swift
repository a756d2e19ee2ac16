@testable import Git
@testable import Model
import Mustache
@testable import Render
@testable import Support
import Testing

@Suite("SUF template context")
struct SUFContextTests {
    @Test("commit and finding rows give a template every documented key; a key they lack comes from around them")
    func rows() throws {
        var merge = Gap.commit(2, "Merge topic", merge: true)
        merge.invalidUTF8 = true
        let release = try Gap.release(commits: [
            Gap.commit(1, "Fix the alarm", trailers: [Gap.cr("CR-1"), Trailer(key: "Refs", value: "REQ-1")], files: ["src/a.swift"]),
            merge,
        ])
        let findings = [
            Finding(rule: .G1, level: .error, message: "first", subjects: [], location: nil, clauses: ["62304 5.1", "62304 8.2"]),
            Finding(rule: .C1, level: .warning, message: "second", subjects: [],
                    location: SourceLocation(file: "regulatory/change-requests.yml", line: 3, column: 5), clauses: ["62304 8.2.4"]),
        ]
        let template = try MustacheTemplate(string: """
            {{#commits}}
            {{{id}}}|{{{shortId}}}|{{{subject}}}|{{{author}}}|{{{authorEmail}}}|{{{date}}}|{{{committer}}}|{{{items}}}|\
            {{{changeRequests}}}|{{{references}}}|{{merge}}|{{files}}|{{{signature}}}|{{{uppercased(subject)}}}|{{release}}|{{notUTF8}}
            {{/commits}}
            {{#commitsNotUTF8}}
            not UTF-8: {{{shortId}}}
            {{/commitsNotUTF8}}
            {{#findings}}
            {{level}}|{{rule}}|{{{clauses}}}|{{{location}}}|{{{message}}}
            {{/findings}}
            {{#findingGroups}}
            {{#findings}}
            {{level}}|{{rule}}|{{{clauses}}}|{{{message}}}|{{count}}
            {{/findings}}
            {{/findingGroups}}
            """)
        let text = template.render(SUFContext.make(Gap.assessed(release, findings: findings), generator: "dossier test", tracePictures: [:]))
        let (one, two) = (Gap.id(1), Gap.id(2))
        let expected = """
            \(one)|\(one.prefix(12))|Fix the alarm|Dana Dev|dana@example.com|2023-11-14T22:13:20Z|Dana Dev||CR-1|REQ-1|false|1|G SSH|FIX THE ALARM|v2.0.0|false
            \(two)|\(two.prefix(12))|Merge topic|Dana Dev|dana@example.com|2023-11-14T22:13:20Z|Dana Dev||||true|0|G SSH|MERGE TOPIC|v2.0.0|true
            not UTF-8: \(two.prefix(12))
            error|G1|62304 5.1; 62304 8.2||first
            warning|C1|62304 8.2.4|regulatory/change-requests.yml:3:5|second
            error|G1|62304 5.1; 62304 8.2|first|1
            warning|C1|62304 8.2.4|second|1
            """ + "\n"
        #expect(text == expected)
    }
}
