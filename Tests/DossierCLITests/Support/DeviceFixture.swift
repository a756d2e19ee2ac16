import TestSupport
/// A small device project with two releases, built with real git: the records change between them.
enum DeviceFixture {
    static let dossierYML = """
        device:
          name: Infusion Pump Controller
          manufacturer: Example Medical
          safety_class: C
          markets: [US, EU]
        releases:
          tag_pattern: "v*"
        records:
          requirements: regulatory/requirements.yml
          risks: regulatory/risks.yml
          items: regulatory/items.yml
          change_requests: regulatory/change-requests.yml

        """

    static let items = """
        items:
          - id: ITEM-1
            name: Dose engine
            safety_class: C
            paths: ["Sources/Dose/**", "!Sources/Dose/Fixtures/**"]
          - id: ITEM-2
            name: User interface
            safety_class: B
            paths: ["Sources/UI/*.swift"]

        """

    static let risksV1 = """
        policy:
          severity: [Minor, Serious, Critical]
          probability: [Remote, Occasional, Frequent]
          acceptability:
            Minor: [A, A, R]
            Serious: [A, R, U]
            Critical: [R, U, U]
        risks:
          - id: RISK-1
            hazard: Over-infusion
            harm: Overdose
            severity: Critical
            probability: Occasional
            controls:
              - requirement: REQ-1
                type: protective_measure
            residual: {severity: Critical, probability: Remote}
            items: [ITEM-1]

        """

    static let requirementsV1 = """
        requirements:
          - id: REQ-1
            title: Dose limit
            text: The pump shall refuse a dose above the programmed limit.
            type: safety
            status: approved
            items: [ITEM-1]
          - id: REQ-2
            title: Beep on start
            text: The pump shall beep when infusion starts.
            status: approved
            items: [ITEM-2]

        """

    static let requirementsV2 = """
        requirements:
          - id: REQ-1
            title: Dose limit
            text: The pump shall refuse a dose above the programmed limit and show why.
            type: safety
            status: approved
            items: [ITEM-1]
          - id: REQ-2
            title: Beep on start
            text: The pump shall beep when infusion starts.
            status: obsolete
            items: [ITEM-2]
            obsolete: {release: v1.1.0, rationale: Replaced by the start screen (REQ-3)}
          - id: REQ-3
            title: Start screen
            text: The pump shall show a start screen when infusion starts.
            status: approved
            items: [ITEM-2]

        """

    static let changeRequests = """
        change_requests:
          - id: CR-1
            title: Explain refused doses
            type: feature
            status: closed
            safety_impact: Touches the dose limit (RISK-1 control REQ-1); re-verified.
            affected_controls: [REQ-1]
            regulatory_assessment: {decision: letter-to-file, rationale: No new intended use}

        """

    /// Builds v1.0.0 and v1.1.0 and returns the repository.
    static func make(_ scratch: Scratch, name: String = "repo") throws -> GitRepository {
        var repo = try GitRepository(scratch, name: name)
        try repo.commit("Initial device baseline\n\nChange-Request: CR-0\n", files: [
            "dossier.yml": dossierYML, "regulatory/items.yml": items, "regulatory/risks.yml": risksV1,
            "regulatory/requirements.yml": requirementsV1, "Sources/Dose/Limit.swift": "let limit = 10\n",
            "Sources/UI/Screen.swift": "// screen\n",
        ])
        try repo.tag("v1.0.0")
        try repo.commit("Explain refused doses\n\nShow the reason on screen.\n\nChange-Request: CR-1\nRefs: REQ-1\n", files: [
            "Sources/Dose/Limit.swift": "let limit = 10 // explained\n", "regulatory/requirements.yml": requirementsV2,
            "regulatory/change-requests.yml": changeRequests,
        ], author: ("Bob Builder", "bob@example.com"))
        try repo.commit("Tidy the build script\n", files: ["Makefile": "all:\n"])
        try repo.tag("v1.1.0")
        return repo
    }
}
