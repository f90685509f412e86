extension DocumentDecoder {
    /// Reads the fields that only documents of `type` have.
    func readDetails(_ fields: inout FieldReader, type: DocumentType) -> DocumentDetails? {
        switch type {
        case .incident: return readIncident(&fields).map(DocumentDetails.incident)
        case .lesson: return readLesson(&fields).map(DocumentDetails.lesson)
        case .session: return readSession(&fields).map(DocumentDetails.session)
        case .bulletin: return readBulletin(&fields).map(DocumentDetails.bulletin)
        case .debrief: return readDebrief(&fields).map(DocumentDetails.debrief)
        case .practice:
            return .practice(
                PracticeDetails(
                    source: fields.choice("source", from: Vocabulary.practiceSources),
                    thanks: textList(&fields, "thanks")))
        case .external: return readExternal(&fields).map(DocumentDetails.external)
        case .review: return readReview(&fields).map(DocumentDetails.review)
        case .culture: return readCulture(&fields).map(DocumentDetails.culture)
        case .page: return .page(PageDetails(menu: fields.int("menu", range: 0...999)))
        }
    }

    /// A list of text, also accepting a single text value (e.g. `thanks: Ward 3 team`).
    private func textList(_ fields: inout FieldReader, _ key: String) -> [String] {
        if let node = fields.node(key), let single = node.scalar {
            return [single]
        }
        return fields.stringList(key).map(\.value)
    }

    private func readIncident(_ fields: inout FieldReader) -> IncidentDetails? {
        let source = fields.choice("source", from: Vocabulary.incidentSources, required: true)
        let harmRequired = source == "patient-safety-incident"
        let harm = fields.choice("harm", from: Harm.slugs, required: harmRequired).flatMap(Harm.init)
        let psychological = fields.choice("psychological_harm", from: Vocabulary.psychologicalHarm)
        let responseSlug = fields.choice("response", from: LearningResponse.slugs, required: true)
        let response = responseSlug.flatMap(LearningResponse.init)
        let status = fields.choice("status", from: IncidentStatus.slugs, required: true).flatMap(IncidentStatus.init)
        let candourNeeded = harm?.needsCandour == true || ["moderate", "severe", "fatal"].contains(psychological ?? "")
        let candour = fields.choice("duty_of_candour", from: Vocabulary.dutyOfCandour)
        if candourNeeded, candour == nil, fields.node("duty_of_candour") == nil {
            fields.report(
                .error(
                    .dutyOfCandour, "harm is moderate or worse, so 'duty_of_candour' is required",
                    at: fields.location(of: "harm"),
                    hint: "add 'duty_of_candour: met', 'in-progress' or 'not-yet-started'"))
        }
        let priority = fields.bool("national_priority") ?? false
        let factors = fields.choiceList("contributory_factors", from: Vocabulary.contributoryFactors)
        guard let source, let response, let status else { return nil }
        return IncidentDetails(
            source: source, harm: harm, psychologicalHarm: psychological, response: response, status: status,
            dutyOfCandour: candour, nationalPriority: priority, contributoryFactors: factors)
    }

    private func readLesson(_ fields: inout FieldReader) -> LessonDetails? {
        let keyNode = fields.node(
            "key_messages", required: true,
            hint: "add 'key_messages:' with 1 to 5 short sentences, each on a line starting with '- '")
        let messages = fields.stringList("key_messages").map(\.value)
        // Count the entries as written: empty ones are reported on their own, not again as a wrong count.
        if let keyNode, let items = keyNode.items, !(1...5).contains(items.count) {
            fields.report(
                .error(
                    .invalidValue, "a lesson has 1 to 5 key messages, not \(items.count)", at: keyNode.location,
                    hint: "keep the messages that matter most to staff"))
        }
        return LessonDetails(keyMessages: messages, sources: fields.stringList("sources"))
    }

    private func readSession(_ fields: inout FieldReader) -> SessionDetails? {
        let format = fields.choice("format", from: SessionFormat.slugs, required: true).flatMap(SessionFormat.init)
        var details = SessionDetails(
            format: format ?? .inPerson, location: fields.string("location"), facilitator: fields.string("facilitator"),
            speakers: [], attendance: nil, attendanceByProfession: [], agencies: [], discussed: [],
            feedbackResponses: nil, feedbackRating: nil, quotes: [], materials: [])
        details.speakers = fields.mappingList("speakers") { speaker in
            let value = Speaker(name: speaker.string("name"), role: speaker.string("role"))
            speaker.reportUnknownKeys()
            return value
        }
        if let node = fields.node("attendance") {
            if node.pairs != nil {
                fields.mapping("attendance") { attendance in
                    details.attendance = attendance.int("total", required: true, range: 0...1_000_000)
                    if let professions = attendance.node("by_profession")?.pairs {
                        details.attendanceByProfession = professions.compactMap { pair in
                            guard let count = pair.value.scalar.flatMap({ Int($0) }) else {
                                attendance.report(
                                    .error(
                                        .wrongType, "attendance for '\(pair.key)' should be a whole number",
                                        at: pair.value.location))
                                return nil
                            }
                            return ProfessionCount(profession: pair.key, count: count)
                        }
                    }
                    readAttendanceSplit(&attendance, into: &details)
                    attendance.reportUnknownKeys()
                    return ()
                }
            } else {
                details.attendance = fields.int("attendance", range: 0...1_000_000)
            }
        }
        details.agencies = fields.choiceList(
            "agencies", from: config.vocabulary("session_agencies", builtIn: Vocabulary.agencies))
        details.discussed = fields.stringList("discussed")
        fields.mapping("feedback") { feedback in
            details.feedbackResponses = feedback.int("responses", range: 0...1_000_000)
            details.feedbackRating = feedback.double("rating", range: 1...5)
            details.quotes = feedback.stringList("quotes").map(\.value)
            feedback.reportUnknownKeys()
            return ()
        }
        details.materials = fields.mappingList("materials") { material in
            guard let title = material.string("title", required: true), let url = material.url("url", required: true)
            else { return nil }
            material.reportUnknownKeys()
            return Material(title: title, url: url)
        }
        return format == nil ? nil : details
    }

    func readPeriod(_ fields: inout FieldReader, _ key: String) -> MonthPeriod? {
        fields.mapping(key, required: true) { period in
            let from = period.date("from", required: true, precision: .month)
            let to = period.date("to", required: true, precision: .month)
            period.reportUnknownKeys()
            guard let from, let to else { return nil }
            if to < from {
                period.report(
                    .error(
                        .invalidPeriod, "'\(key)' ends before it starts", at: period.location(of: "to"),
                        hint: "'from' is the first month and 'to' the last"))
                return nil
            }
            return MonthPeriod(from: from, to: to)
        }
    }

    private func readBulletin(_ fields: inout FieldReader) -> BulletinDetails? {
        let issue = fields.int("issue", required: true, range: 1...100_000)
        let covers = readPeriod(&fields, "covers")
        let lead = fields.node("lead").flatMap { node in
            fields.text(node, field: "lead").map { Located($0, at: node.location) }
        }
        let lessons = fields.stringList("lessons")
        var spotlight: String?
        if let node = fields.node("spotlight"), let theme = fields.text(node, field: "spotlight") {
            if data.theme(theme) == nil {
                fields.report(
                    .error(
                        .unknownTheme,
                        "unknown theme '\(theme)'\(Suggestions.didYouMean(theme, in: data.themes.map(\.slug)))",
                        at: node.location, hint: "themes are listed in data/themes.yaml"))
            } else {
                spotlight = theme
            }
        }
        let practice = fields.stringList("practice")
        let external = fields.stringList("external")
        let maxPages = fields.int("max_pages", range: 1...100) ?? 4
        guard let issue, let covers else { return nil }
        return BulletinDetails(
            issue: issue, covers: covers, lead: lead, lessons: lessons, spotlight: spotlight,
            practice: practice, external: external, maxPages: maxPages)
    }

    private func readDebrief(_ fields: inout FieldReader) -> DebriefDetails? {
        let kind = fields.choice("kind", from: Vocabulary.debriefKinds, required: true)
        let incident = fields.node("incident").flatMap { node in
            fields.text(node, field: "incident").map { Located($0, at: node.location) }
        }
        let details = DebriefDetails(
            kind: kind ?? "", incident: incident,
            timeliness: fields.choice("timeliness", from: Vocabulary.timeliness),
            facilitator: fields.string("facilitator"),
            participants: fields.int("participants", range: 0...10_000),
            supportOffered: textList(&fields, "support_offered"))
        return kind == nil ? nil : details
    }

    private func readExternal(_ fields: inout FieldReader) -> ExternalDetails? {
        let organisation = fields.string("organisation", required: true)
        let sourceType = fields.choice("source_type", from: Vocabulary.externalSourceTypes, required: true)
        let url = fields.url("url")
        let gap = fields.choice("gap_analysis", from: Vocabulary.gapAnalysis)
        guard let organisation, let sourceType else { return nil }
        return ExternalDetails(organisation: organisation, sourceType: sourceType, url: url, gapAnalysis: gap)
    }

    private func readReview(_ fields: inout FieldReader) -> ReviewDetails? {
        let period = readPeriod(&fields, "period")
        let incidentsNode = fields.node(
            "incidents", required: true, hint: "list at least two incident ids under 'incidents:'")
        let incidents = fields.stringList("incidents")
        if let incidentsNode, let items = incidentsNode.items, items.count < 2 {
            fields.report(
                .error(
                    .tooFewIncidents, "a thematic review needs at least 2 incidents, not \(items.count)",
                    at: incidentsNode.location))
        }
        let method = fields.string("method")
        guard let period else { return nil }
        return ReviewDetails(period: period, incidents: incidents, method: method)
    }

    private func readCulture(_ fields: inout FieldReader) -> CultureDetails? {
        let frameworkKey = fields.node("framework").flatMap { fields.text($0, field: "framework") } ?? "mapsaf"
        guard let framework = config.frameworks[frameworkKey] else {
            fields.report(
                .error(
                    .unknownFramework,
                    "unknown framework '\(frameworkKey)'\(Suggestions.didYouMean(frameworkKey, in: config.frameworks.keys.sorted()))",
                    at: fields.location(of: "framework"),
                    hint: "frameworks other than 'mapsaf' are defined in site.yaml"))
            return nil
        }
        let participants = fields.int("participants", range: 0...10_000)
        var levels: [String: String] = [:]
        let dimensionSlugs = framework.dimensions.map(\.slug)
        let levelsKey = fields.location(of: "levels")
        fields.mapping("levels", required: true) { levelFields in
            for dimension in dimensionSlugs {
                if levelFields.isPlaceholder(dimension) {
                    _ = levelFields.node(dimension)
                    continue
                }
                guard let node = levelFields.node(dimension) else {
                    levelFields.report(
                        .error(
                            .missingLevel, "no level for dimension '\(dimension)'", at: levelsKey,
                            hint:
                                "every dimension needs the team's agreed level, one of \(framework.levels.joined(separator: ", "))"
                        ))
                    continue
                }
                if let value = levelFields.text(node, field: dimension),
                    let level = levelFields.checkChoice(
                        value, field: dimension, allowed: framework.levels, at: node.location)
                {
                    levels[dimension] = level
                }
            }
            levelFields.reportUnknownKeys()
            return ()
        }
        let spread = readSpread(&fields, dimensions: dimensionSlugs, levels: framework.levels)
        let previous = fields.node("previous").flatMap { node in
            fields.text(node, field: "previous").map { Located($0, at: node.location) }
        }
        return CultureDetails(
            framework: frameworkKey, participants: participants, levels: levels, spread: spread, previous: previous)
    }

    /// `spread`: per dimension, a count of individual ratings at each level; anything else is a located error.
    private func readSpread(_ fields: inout FieldReader, dimensions: [String], levels: [String]) -> [String: [String:
        Int]]
    {
        guard let node = fields.node("spread") else { return [:] }
        guard let pairs = node.pairs else {
            fields.report(
                .error(
                    .wrongType, "'spread' should be a mapping of dimensions, not \(node.kindDescription)",
                    at: node.location,
                    hint: "write 'spread:' then, indented, '<dimension>: { A: 0, B: 2, C: 5, D: 3, E: 1 }'"))
            return [:]
        }
        var spread: [String: [String: Int]] = [:]
        for pair in pairs {
            guard dimensions.contains(pair.key) else {
                fields.report(
                    .error(
                        .invalidValue,
                        "'\(pair.key)' is not a dimension of this framework\(Suggestions.didYouMean(pair.key, in: dimensions))",
                        at: pair.keyLocation, hint: "dimensions: \(dimensions.joined(separator: ", "))"))
                continue
            }
            guard let counts = pair.value.pairs else {
                fields.report(
                    .error(
                        .wrongType,
                        "spread for '\(pair.key)' should be a mapping of levels to counts, not \(pair.value.kindDescription)",
                        at: pair.value.location, hint: "write '\(pair.key): { A: 0, B: 2, C: 5, D: 3, E: 1 }'"))
                continue
            }
            var row: [String: Int] = [:]
            for level in counts {
                guard levels.contains(level.key) else {
                    fields.report(
                        .error(
                            .invalidValue, "'\(level.key)' is not a level of this framework", at: level.keyLocation,
                            hint: "levels: \(levels.joined(separator: ", "))"))
                    continue
                }
                guard let text = level.value.scalar, let count = Int(text), count >= 0, count <= 100_000 else {
                    fields.report(
                        .error(
                            .wrongType,
                            "the count for level \(level.key) of '\(pair.key)' should be a whole number, not \(level.value.scalar.map { "'\($0)'" } ?? level.value.kindDescription)",
                            at: level.value.location))
                    continue
                }
                row[level.key] = count
            }
            spread[pair.key] = row
        }
        return spread
    }
}
