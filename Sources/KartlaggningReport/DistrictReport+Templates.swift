extension DistrictReport {
    /// The built-in layout (Swedish). Variables: title, district (districtAlt in a chart's alt text), codebook, version, revision, date, respondents
    /// (in the district), total (in the selection), minCell; byKind and themes (name, district, whole, points),
    /// figure and hasFigure, locatorFigure and hasLocatorFigure (the district on the registry's map); choices (id, text, multi, rows: name, district, whole, points) and hasChoices; scales
    /// (name, district, whole), hasScales, hasNumbers and numberMedianFrom; differences (district, subject, percent, whole, points, chiSquare, p,
    /// significant, uncertain) and hasDifferences; quotes (label, items: text, kind) and hasQuotes; method (`{{> method}}`);
    /// summary (sentences, Markdown) and hasSummary.
    public static let swedish = """
        # {{{title}}}

        _Kodbok {{{codebook}}} {{{version}}} (revision {{revision}}) · {{{date}}} · {{{respondents}}} av {{{total}}} respondenter_
        {{> summary}}
        {{#hasLocatorFigure}}

        ![{{{districtAlt}}} på kartan]({{{locatorFigure}}})
        {{/hasLocatorFigure}}

        ## Vilka som hördes

        | Typ | {{{district}}} | Hela kommunen | Skillnad |
        |---|---:|---:|---:|
        {{#byKind}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/byKind}}

        ## Teman

        Andel av respondenterna (antal/N); skillnad i procentenheter mot hela kommunen.

        | Tema | {{{district}}} | Hela kommunen | Skillnad |
        |---|---:|---:|---:|
        {{#themes}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/themes}}
        {{#hasFigure}}

        ![{{{districtAlt}}}: andel respondenter per tema mot hela kommunen]({{{figure}}})
        {{/hasFigure}}

        ·· = färre än {{minCell}} respondenter, eller dolt så att inget dolt värde kan räknas fram ur summorna.

        ## Där {{{district}}} skiljer sig mest

        {{#hasDifferences}}
        | Vad | {{{district}}} | Hela kommunen | Skillnad (procentenheter) | 95 % konfidensintervall | p |
        |---|---:|---:|---:|---:|---:|
        {{#differences}}
        | {{{subject}}} | {{{percent}}} | {{{whole}}} | {{{points}}} | {{{interval}}} | {{{p}}}{{#uncertain}} †{{/uncertain}} |
        {{/differences}}

        p: korrigerat för de många jämförelserna, se *Skillnader* under Om underlaget och metoden; † = något förväntat antal under 5, så p är osäkert.
        {{/hasDifferences}}
        {{^hasDifferences}}
        Ingen skillnad mellan {{{district}}} och resten av kommunen håller, se *Skillnader* under Om underlaget och metoden.
        {{/hasDifferences}}
        {{#hasChoices}}

        ## Slutna frågor
        {{#choices}}

        ### {{{text}}}

        {{#multi}}
        Flera svar möjliga.

        {{/multi}}
        | Svar | {{{district}}} | Hela kommunen | Skillnad |
        |---|---:|---:|---:|
        {{#rows}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/rows}}
        {{/choices}}
        {{/hasChoices}}
        {{#hasScales}}

        ### {{#hasNumbers}}Skal- och talfrågor{{/hasNumbers}}{{^hasNumbers}}Skalfrågor{{/hasNumbers}}: medelvärde (median, antal svar)
        {{#hasNumbers}}

        Talfrågor (antal, belopp): medelvärdet döljs (··) där ett enda svar är mer än hälften av områdets summa, och
        medianen visas först från {{numberMedianFrom}} svar — annars vore den en enskild svarandes eget tal.
        {{/hasNumbers}}

        | Fråga | {{{district}}} | Hela kommunen |
        |---|---:|---:|
        {{#scales}}
        | {{{name}}} | {{{district}}} | {{{whole}}} |
        {{/scales}}
        {{/hasScales}}
        {{#hasQuotes}}

        ## Röster från {{{district}}}

        Citaten är avidentifierade: e-postadresser, telefonnummer, person- och organisationsnummer och namn är ersatta.
        {{#quotes}}

        ### {{{label}}}
        {{#items}}

        > {{{text}}}
        > — {{{kind}}}
        {{/items}}
        {{/quotes}}
        {{/hasQuotes}}

        {{> method}}
        """

    /// The built-in layout in English; the same variables as `swedish`.
    public static let english = """
        # {{{title}}}

        _Codebook {{{codebook}}} {{{version}}} (revision {{revision}}) · {{{date}}} · {{{respondents}}} of {{{total}}} respondents_
        {{> summary}}
        {{#hasLocatorFigure}}

        ![{{{districtAlt}}} on the map]({{{locatorFigure}}})
        {{/hasLocatorFigure}}

        ## Who was heard

        | Kind | {{{district}}} | Whole municipality | Difference |
        |---|---:|---:|---:|
        {{#byKind}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/byKind}}

        ## Themes

        Share of the respondents (count/N); difference in percentage points from the whole municipality.

        | Theme | {{{district}}} | Whole municipality | Difference |
        |---|---:|---:|---:|
        {{#themes}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/themes}}
        {{#hasFigure}}

        ![{{{districtAlt}}}: share of respondents per theme against the whole municipality]({{{figure}}})
        {{/hasFigure}}

        ·· = fewer than {{minCell}} respondents, or hidden so that no hidden value can be worked out from the totals.

        ## Where {{{district}}} differs most

        {{#hasDifferences}}
        | What | {{{district}}} | Whole municipality | Difference (percentage points) | 95 % confidence interval | p |
        |---|---:|---:|---:|---:|---:|
        {{#differences}}
        | {{{subject}}} | {{{percent}}} | {{{whole}}} | {{{points}}} | {{{interval}}} | {{{p}}}{{#uncertain}} †{{/uncertain}} |
        {{/differences}}

        p: corrected for the many comparisons, see *Differences* under About the data and the method; † = an expected count below 5, so p is uncertain.
        {{/hasDifferences}}
        {{^hasDifferences}}
        No difference between {{{district}}} and the rest of the municipality holds, see *Differences* under About the data and the method.
        {{/hasDifferences}}
        {{#hasChoices}}

        ## Closed questions
        {{#choices}}

        ### {{{text}}}

        {{#multi}}
        Several answers possible.

        {{/multi}}
        | Answer | {{{district}}} | Whole municipality | Difference |
        |---|---:|---:|---:|
        {{#rows}}
        | {{{name}}} | {{{district}}} | {{{whole}}} | {{{points}}} |
        {{/rows}}
        {{/choices}}
        {{/hasChoices}}
        {{#hasScales}}

        ### {{#hasNumbers}}Scale and number questions{{/hasNumbers}}{{^hasNumbers}}Scale questions{{/hasNumbers}}: mean (median, answers)
        {{#hasNumbers}}

        Number questions (counts, amounts): the mean is hidden (··) where one answer is more than half of the district's
        total, and the median is shown only from {{numberMedianFrom}} answers — below that it would be one respondent's own number.
        {{/hasNumbers}}

        | Question | {{{district}}} | Whole municipality |
        |---|---:|---:|
        {{#scales}}
        | {{{name}}} | {{{district}}} | {{{whole}}} |
        {{/scales}}
        {{/hasScales}}
        {{#hasQuotes}}

        ## Voices from {{{district}}}

        The quotes are de-identified: e-mail addresses, phone numbers, personal and organisation numbers and names are replaced.
        {{#quotes}}

        ### {{{label}}}
        {{#items}}

        > {{{text}}}
        > — {{{kind}}}
        {{/items}}
        {{/quotes}}
        {{/hasQuotes}}

        {{> method}}
        """
}
