/// A small site with every document type in which each thing an edition must not show carries a unique canary string.
enum CanarySite {
    static let governanceOnly = "CANARYGOVONLY"
    static let governanceField = "CANARYGOVFIELD"
    static let draft = "CANARYDRAFT"
    static let staffOnly = "CANARYSTAFFONLY"

    /// Documents every edition may hide, by path, so tests can remove them and compare outputs.
    static let hiddenFiles = ["content/incidents/inc-2026-009.md", "content/lessons/ll-2026-009.md"]

    static var files: [String: String] {
        [
            "content/incidents/inc-2026-001.md": """
            ---
            id: INC-2026-001
            title: A fall on a ward at night \(staffOnly)
            date: 2026-02
            source: patient-safety-incident
            harm: low
            response: after-action-review
            status: closed
            themes: [falls]
            service: ward-1
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }
            governance:
              local_ref: \(governanceField)
            actions:
              - { id: A1, action: Add a falls check, owner: "Ward Manager, Ward 1", due: 2026-06-30, status: completed, completed: 2026-05-01 }
            ---
            ## What happened

            A fall at night.
            """,
            "content/incidents/inc-2026-009.md": """
            ---
            id: INC-2026-009
            title: Governance-only case \(governanceOnly)
            date: 2026-03
            source: patient-safety-incident
            harm: moderate
            duty_of_candour: met
            response: psii
            status: responding
            themes: [falls, observation]
            service: ward-2
            audience: governance
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-04-01 }
            actions:
              - { id: A1, action: Secret action \(governanceOnly), owner: "Matron, Ward 2", due: 2026-01-31, status: open }
            ---
            Body \(governanceOnly).
            """,
            "content/lessons/ll-2026-001.md": """
            ---
            id: LL-2026-001
            title: Falls at night
            date: 2026-04-10
            summary: Check falls risk at night.
            themes: [falls]
            service: ward-1
            audience: partners
            key_messages: [Check falls risk at night.]
            sources: [INC-2026-001]
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-04-01 }
            ---
            ## What we learned

            Learning about falls.
            """,
            "content/lessons/ll-2026-009.md": """
            ---
            id: LL-2026-009
            title: Unfinished lesson \(draft)
            date: 2026-05-10
            summary: Draft \(draft).
            themes: [falls]
            key_messages: [Draft message \(draft).]
            sources: [INC-2026-009]
            draft: true
            ---
            Draft body \(draft).
            """,
            "content/sessions/lls-2026-05.md": """
            ---
            id: LLS-2026-05
            title: May session
            date: 2026-05-20
            format: online
            attendance: 40
            discussed: [LL-2026-001]
            themes: [falls]
            audience: partners
            ---
            Session notes.
            """,
            "content/bulletins/llb-001.md": """
            ---
            id: LLB-001
            title: Bulletin 1
            date: 2026-07-10
            issue: 1
            covers: { from: 2026-04, to: 2026-06 }
            spotlight: falls
            audience: partners
            ---
            Foreword.
            """,
            "content/debriefs/db-2026-001.md": """
            ---
            id: DB-2026-001
            title: Hot debrief after a fall
            date: 2026-02
            kind: hot
            incident: INC-2026-001
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }
            ---
            Debrief learning.
            """,
            "content/practice/gp-2026-001.md": """
            ---
            id: GP-2026-001
            title: Good night checks
            date: 2026-05-01
            summary: Night staff checked every hour.
            themes: [falls]
            ---
            Well done.
            """,
            "content/external/ext-2026-001.md": """
            ---
            id: EXT-2026-001
            title: National falls alert
            date: 2026-04-02
            organisation: National body
            source_type: national-alert
            url: https://example.org/alert
            ---
            Alert summary.
            """,
            "content/reviews/tr-2026-001.md": """
            ---
            id: TR-2026-001
            title: Falls review
            date: 2026-06-01
            period: { from: 2025-06, to: 2026-05 }
            incidents: [INC-2026-001, INC-2026-001]
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-06-01 }
            ---
            Review.
            """,
            "content/culture/cul-ward-1-2026-03.md": """
            ---
            id: CUL-WARD-1-2026-03
            title: Ward 1 safety culture
            date: 2026-03-10
            service: ward-1
            participants: 9
            levels: { commitment-to-quality: C, priority-to-safety: D, causes-and-identification: C, investigating-incidents: C, learning-after-incidents: D, communication-about-safety: C, personnel-management: B, education-and-training: C, teamworking: D }
            spread:
              teamworking: { A: 0, B: 1, C: 2, D: 5, E: 1 }
            ---
            Workshop notes.
            """,
            "content/pages/about.md": """
            ---
            id: about
            title: About
            menu: 1
            audience: partners
            ---
            About the framework.
            """,
        ]
    }
}
