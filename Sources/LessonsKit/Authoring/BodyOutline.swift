/// The body headings each type uses by convention, each with a one-line prompt that `lessons new` writes under it.
enum BodyOutline {
    /// Headings and prompts, in order.
    static func sections(for type: DocumentType) -> [(heading: String, prompt: String)] {
        switch type {
        case .incident:
            [
                ("What happened", "what happened, in plain words, without names, initials or exact dates."),
                ("What we found", "what the learning response found, including what went well."),
                ("Involving patients and families", "how the patient and family were involved and supported."),
                ("What we learned", "the learning in a few sentences."),
                ("What we are changing", "the changes, and where to find the lesson for staff."),
            ]
        case .lesson:
            [
                ("What happened", "a short, anonymous account of what happened."),
                ("What we learned", "what staff should know and do differently."),
                ("What we changed", "what has changed because of it."),
            ]
        case .session:
            [
                ("Summary", "what the session covered (before it: what it will cover and who should come)."),
                ("Discussion", "what people discussed and agreed (fill in after the session)."),
            ]
        case .bulletin:
            [("Welcome", "the foreword: a few sentences introducing this issue.")]
        case .debrief:
            [
                ("What went well", "what went well, in the participants' words where they agreed."),
                ("What could be better", "what could have gone better, without blaming anyone."),
                ("How people felt", "how people felt, recorded only as they agreed; never personal disclosures."),
                ("What we will do now", "the agreed next steps and support."),
            ]
        case .practice:
            [
                ("What happened", "what the team did."),
                ("Why it matters", "the difference it made to patients, families or staff."),
                ("Spreading it", "how other teams can do the same."),
            ]
        case .external:
            [
                ("What the report says", "the findings that matter to us, in plain words."),
                ("What it means for us", "what we are doing about it and who leads it."),
            ]
        case .review:
            [
                ("Why we did this review", "what prompted the review."),
                ("What we looked at", "which incidents and how they were reviewed."),
                ("What we found", "the themes found across the incidents."),
                ("What happens next", "the actions and how progress will be reported."),
            ]
        case .culture:
            [
                ("What the team said", "what the team said in the workshop, without naming anyone."),
                ("What the team will do", "what the team agreed to work on."),
            ]
        case .page:
            [("About this page", "the text of the page.")]
        }
    }
}
