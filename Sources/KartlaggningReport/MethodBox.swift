import KartlaggningAnalysis
import KartlaggningModel

/// The method box every report ends with (`{{> method}}` in a template): codebook, tagging, agreement, unit,
/// suppression rule, selection.
public enum MethodBox {
    /// The data the partial receives, under the key `method` (each field a template key).
    public struct Context: Encodable, Sendable, Equatable {
        public var codebook: String
        public var version: String
        public var revision: Int
        public var themes: String
        public var freeText: String
        public var autoTagged: String
        public var applied: Bool
        /// Free texts not yet tagged by this revision, and whether there are any.
        public var untagged: String
        public var hasUntagged: Bool
        public var coders: String
        public var hasCoders: Bool
        public var agreements: [Agreement]
        public var hasAgreements: Bool
        public var minCell: Int
        public var suppressing: Bool
        public var selection: String
        /// Whether a codebook was used (else the box says there was none).
        public var hasCodebook: Bool
        /// How differences from the whole are chosen and tested (overview and district reports).
        public var differenceRule: String
        public var hasDifferenceRule: Bool
        /// The publication ledger was started anew for this report.
        public var freshLedger: Bool
        /// Areas with fewer answers than this to a question are shown together (0: the line is left out).
        public var minBase: Int
        public var pooling: Bool
        /// What the report leaves out, in a sentence, and whether it leaves anything out.
        public var leftOut: String
        public var hasLeftOut: Bool
        /// What to run so the codebook's revision applies, what started the ledger anew, and what turned protection
        /// off: in the front end's wording (`Remedy`).
        public var tagRemedy: String
        public var freshRemedy: String
        public var unprotectedRemedy: String
        public var minBaseRemedy: String

        /// One pair of coders compared: who (by letter), κ, percent agreement and the answers both coded.
        public struct Agreement: Encodable, Sendable, Equatable {
            public var pair: String
            public var kappa: String
            public var percent: String
            public var answers: String
        }
    }

    /// The method box's context for `note`, in `language`; coders are named by letter (a report names no one).
    public static func context(_ note: MethodNote, language: ReportLanguage) -> Context {
        let answers = language == .sv ? "svar" : "answers"
        let letters = Dictionary(
            note.coders.enumerated().map { ($1.name, (language == .sv ? "kodare " : "coder ") + letter($0)) },
            uniquingKeysWith: { first, _ in first })
        func name(_ coder: String) -> String {
            if coder == Coder.auto.rawValue { return language == .sv ? "automatisk" : "automatic" }
            return letters[coder] ?? (language == .sv ? "kodare" : "coder")
        }
        return Context(
            codebook: Markdown.inline(note.codebook), version: Markdown.inline(note.version), revision: note.revision,
            themes: language.integer(note.themes), freeText: language.integer(note.freeTextAnswers),
            autoTagged: language.integer(note.autoTaggedAnswers), applied: note.applied, untagged: language.integer(note.untagged),
            hasUntagged: note.untagged > 0,
            coders: note.coders.map { "\(name($0.name)) (\(language.integer($0.answers)) \(answers))" }.joined(separator: ", "),
            hasCoders: !note.coders.isEmpty,
            agreements: note.agreements.map { agreement in
                Context.Agreement(
                    pair: "\(name(agreement.coderA)) – \(name(agreement.coderB))",
                    kappa: agreement.kappa.map { language.decimal($0, digits: 2) } ?? ReportLanguage.hidden,
                    percent: language.percent(agreement.percentAgreement * 100), answers: language.integer(agreement.answers))
            },
            hasAgreements: !note.agreements.isEmpty, minCell: note.minCell, suppressing: note.minCell > 0,
            selection: note.selection.isEmpty
                ? (language == .sv ? "alla respondenter" : "all respondents")
                : note.selection.map { Markdown.inline($0) }.joined(separator: "; "),
            hasCodebook: note.hasCodebook,
            differenceRule: note.differenceRule.map { differenceRule($0, compared: note.comparedDifferences, language: language) } ?? "",
            hasDifferenceRule: note.differenceRule != nil, freshLedger: note.freshLedger, minBase: note.minBase,
            pooling: note.minBase > 1,
            leftOut: leftOut(note.leftOut, language: language), hasLeftOut: !note.leftOut.isEmpty,
            tagRemedy: "\(Remedy.tag)", freshRemedy: "\(Remedy.freshLedger)", unprotectedRemedy: "\(Remedy.minCell(0))",
            minBaseRemedy: "\(Remedy.minBase)")
    }

    /// "frågor som ingen i urvalet besvarade (…), teman som ingen tog upp (…), 2 tekniska kolumner …".
    static func leftOut(_ left: MappingSummary.LeftOut, language: ReportLanguage) -> String {
        let sv = language == .sv
        var parts: [String] = []
        if !left.unanswered.isEmpty {
            parts.append(
                (sv ? "frågor som ingen i urvalet besvarade (" : "questions no one in the selection answered (")
                    + left.unanswered.map { Markdown.inline($0) }.joined(separator: "; ") + ")")
        }
        if !left.silentThemes.isEmpty {
            parts.append(
                (sv ? "teman som ingen tog upp (" : "themes no one raised (")
                    + left.silentThemes.map { Markdown.inline($0) }.joined(separator: ", ")
                    + ")")
        }
        if left.technical > 0 {
            let n = language.integer(left.technical)
            parts.append(
                sv
                    ? "\(n) teknisk\(left.technical == 1 ? "" : "a") kolumn\(left.technical == 1 ? "" : "er") (formulärverktygets tider, id:n och metadata)"
                    : "\(n) technical column\(left.technical == 1 ? "" : "s") (the form tool's times, ids and metadata)")
        }
        if left.identifying > 0 {
            let n = language.integer(left.identifying)
            parts.append(
                sv
                    ? "\(n) kolumn\(left.identifying == 1 ? "" : "er") som identifierar personer"
                    : "\(n) column\(left.identifying == 1 ? "" : "s") that identify people")
        }
        guard let last = parts.popLast() else { return "" }
        return parts.isEmpty ? last : parts.joined(separator: ", ") + (sv ? " och " : " and ") + last
    }

    /// What the differences section shows, in words: the groups' minimum size, the correction and its family, the
    /// interval.
    static func differenceRule(_ rule: DifferenceRule, compared: Int, language: ReportLanguage) -> String {
        let n = language.integer(rule.minGroup)
        let m = language.integer(compared)
        if compared == 0 {
            return language == .sv
                ? "ett område jämförs med resten av kommunen där båda har minst \(n) respondenter; här har inget område och resten det, så ingen skillnad prövades"
                : "a district is compared with the rest of the municipality where both have at least \(n) respondents; here none has, so no difference was tested"
        }
        if language == .sv {
            let correction =
                switch rule.correction {
                case .holm: "efter Holms korrektion för de \(m) jämförelser som gjordes (risken för någon falsk skillnad högst 5 %)"
                case .bh: "efter Benjamini–Hochbergs korrektion för de \(m) jämförelser som gjordes (andelen falska skillnader högst 5 %)"
                case .none: "utan korrektion för att \(m) jämförelser gjordes (några blir signifikanta av en slump)"
                }
            return
                "ett område jämförs med resten av kommunen där båda har minst \(n) respondenter (Pearsons χ², 1 frihetsgrad); en skillnad visas om p < 0,05 \(correction), med ett 95-procentigt konfidensintervall (Newcombes metod)"
        }
        let correction =
            switch rule.correction {
            case .holm: "after Holm's correction for the \(m) comparisons made (the risk of any false difference at most 5 %)"
            case .bh: "after the Benjamini–Hochberg correction for the \(m) comparisons made (the share of false differences at most 5 %)"
            case .none: "without a correction for the \(m) comparisons made (some are significant by chance)"
            }
        return
            "a district is compared with the rest of the municipality where both have at least \(n) respondents (Pearson's χ², 1 degree of freedom); a difference is shown where p < 0.05 \(correction), with a 95 % confidence interval (Newcombe's method)"
    }

    /// A, B, …, Z, AA, AB, …
    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < 26 ? String(letters[index]) : letter(index / 26 - 1) + String(letters[index % 26])
    }

    static func template(_ language: ReportLanguage) -> String {
        language == .sv ? swedish : english
    }

    static let swedish = """
        {{#method}}
        ## Om underlaget och metoden

        {{#hasCodebook}}
        - **Kodbok:** {{{codebook}}} {{{version}}} (revision {{revision}}), {{{themes}}} teman.
        {{#applied}}
        - **Taggning:** fritextsvaren taggades automatiskt med kodbokens mönster; {{{autoTagged}}} av {{{freeText}}} fritextsvar fick minst ett tema.{{#hasCoders}} Handkodning går före de automatiska taggarna: {{{coders}}}.{{/hasCoders}}{{#hasUntagged}} **{{{untagged}}} fritextsvar har ännu inte taggats med denna revision** (en import eller taggning som inte gick klart): temaräkningarna saknar dem tills {{{tagRemedy}}} körs.{{/hasUntagged}}
        {{/applied}}
        {{^applied}}
        - **Taggning:** kodbokens senaste revision har inte körts mot svaren ({{{tagRemedy}}}): bara handkodade svar har teman.{{#hasCoders}} Handkodning: {{{coders}}}.{{/hasCoders}}
        {{/applied}}
        {{/hasCodebook}}
        {{^hasCodebook}}
        - **Kodbok:** ingen kodbok är laddad, så fritextsvaren har inga teman; rapporten visar de slutna frågorna.
        {{/hasCodebook}}
        - **Enhet:** respondenter. En respondent räknas en gång per cell{{#hasCodebook}}, hur många svar som än nämner temat{{/hasCodebook}}; andelar är av respondenterna i kolumnen (N).
        {{#suppressing}}
        - **Skydd:** värden under {{minCell}} respondenter visas som ··, och fler celler döljs så att inget dolt värde kan räknas fram ur summorna, inte heller ur rapportens tabeller tillsammans eller ur vad tidigare utdata av samma data visat (publiceringsliggaren).{{#freshLedger}} Liggaren startades om för denna rapport (`{{{freshRemedy}}}`): tidigare utdata räknas inte.{{/freshLedger}} Citaten är avidentifierade.
        {{/suppressing}}
        {{^suppressing}}
        - **Skydd:** inga celler döljs i denna rapport ({{{unprotectedRemedy}}}); den ska inte lämnas ut. Citaten är avidentifierade.
        {{/suppressing}}
        {{#pooling}}
        - **Små underlag:** ett område redovisas för en fråga först från {{minBase}} svar. Områden med färre räknas i sin grupp i områdesregistret eller under Övriga områden, och tabellen säger vilka; en andel av 100 % eller 0 % av några få svar vore en uppgift om var och en av dem (`{{{minBaseRemedy}}}`).
        {{/pooling}}
        - **Urval:** {{{selection}}}.
        {{#hasLeftOut}}
        - **Utelämnat:** {{{leftOut}}}.
        {{/hasLeftOut}}
        {{#hasDifferenceRule}}
        - **Skillnader:** {{{differenceRule}}}.
        {{/hasDifferenceRule}}
        {{#hasAgreements}}

        Överensstämmelse mellan kodarna (Cohens κ och andel lika beslut, över de svar båda kodat):

        | Kodare | κ | Lika | Svar |
        |---|---:|---:|---:|
        {{#agreements}}
        | {{{pair}}} | {{{kappa}}} | {{{percent}}} | {{{answers}}} |
        {{/agreements}}
        {{/hasAgreements}}
        {{/method}}

        """

    static let english = """
        {{#method}}
        ## About the data and the method

        {{#hasCodebook}}
        - **Codebook:** {{{codebook}}} {{{version}}} (revision {{revision}}), {{{themes}}} themes.
        {{#applied}}
        - **Tagging:** free-text answers were tagged automatically by the codebook's patterns; {{{autoTagged}}} of {{{freeText}}} free-text answers got at least one theme.{{#hasCoders}} Hand coding overrules the automatic tags: {{{coders}}}.{{/hasCoders}}{{#hasUntagged}} **{{{untagged}}} free-text answers are not yet tagged by this revision** (an import or tagging that did not finish): theme counts leave them out until {{{tagRemedy}}} runs.{{/hasUntagged}}
        {{/applied}}
        {{^applied}}
        - **Tagging:** the codebook's latest revision has not been applied to the answers ({{{tagRemedy}}}): only hand-coded answers have themes.{{#hasCoders}} Hand coding: {{{coders}}}.{{/hasCoders}}
        {{/applied}}
        {{/hasCodebook}}
        {{^hasCodebook}}
        - **Codebook:** none is loaded, so the free-text answers have no themes; the report shows the closed questions.
        {{/hasCodebook}}
        - **Unit:** respondents. A respondent counts once per cell{{#hasCodebook}}, however many answers mention the theme{{/hasCodebook}}; shares are of the respondents in the column (N).
        {{#suppressing}}
        - **Protection:** values below {{minCell}} respondents are shown as ··, and further cells are hidden so that no hidden value can be worked out from the totals, nor from the report's tables together or what earlier outputs of the same data showed (the publication ledger).{{#freshLedger}} The ledger was started anew for this report (`{{{freshRemedy}}}`): earlier outputs do not count.{{/freshLedger}} Quotes are de-identified.
        {{/suppressing}}
        {{^suppressing}}
        - **Protection:** no cells are hidden in this report ({{{unprotectedRemedy}}}); it must not be handed out. Quotes are de-identified.
        {{/suppressing}}
        {{#pooling}}
        - **Small bases:** a district is shown on its own for a question only from {{minBase}} answers. Districts with fewer are counted in their group in the district registry or under Other areas, and the table says which; a share of 100 % or 0 % of a few answers would tell something about each of them (`{{{minBaseRemedy}}}`).
        {{/pooling}}
        - **Selection:** {{{selection}}}.
        {{#hasLeftOut}}
        - **Left out:** {{{leftOut}}}.
        {{/hasLeftOut}}
        {{#hasDifferenceRule}}
        - **Differences:** {{{differenceRule}}}.
        {{/hasDifferenceRule}}
        {{#hasAgreements}}

        Agreement between the coders (Cohen's κ and share of equal decisions, over the answers both coded):

        | Coders | κ | Equal | Answers |
        |---|---:|---:|---:|
        {{#agreements}}
        | {{{pair}}} | {{{kappa}}} | {{{percent}}} | {{{answers}}} |
        {{/agreements}}
        {{/hasAgreements}}
        {{/method}}

        """
}
