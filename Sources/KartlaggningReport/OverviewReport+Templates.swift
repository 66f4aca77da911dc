extension OverviewReport {
    /// The built-in layout (Swedish). Variables: title, hasCodebook (false: no codebook loaded, no theme sections), codebook,
    /// version, revision, date, total, minCell;
    /// basis (columns, rows: name, cells, note: the kinds counted together) — respondents by kind × district; surveys (id, title, wave, kind,
    /// respondents, period), waves and hasWaves, hasPeriod, firstDate, lastDate; ranked (label, n, percent); themes (columns,
    /// rows) — theme × district, cells `share (n/N)`; rareThemes (the themes fewer than min-cell raised, a line);
    /// rankedFigure/hasRankedFigure and heatmapFigure/hasHeatmapFigure; themeMaps (text, figure: the most raised top-level themes' small maps), hasThemeMaps and themeMapLegend (their shared legend);
    /// choices (id, text, multi, columns, rows) and hasChoices; hasScales (scale or number questions), scales (columns,
    /// rows: the scale questions' means) and hasScaleItems, numbers (the number questions') and hasNumbers,
    /// numberMedianFrom; scaleFigures (text, figure);
    /// every grid (basis, themes, each choice, scales, numbers) also has corner and parts — the same table cut into tables at
    /// most a page wide (each part: corner, columns, rows, separated; the partial `{{> grid}}` writes one); differences
    /// (district, subject, percent, whole, points, chiSquare, p, significant, uncertain) and hasDifferences; method (`{{> method}}`);
    /// summary (sentences, Markdown) and hasSummary.
    public static let swedish = """
        # {{{title}}}

        _{{#hasCodebook}}Kodbok {{{codebook}}} {{{version}}} (revision {{revision}}) · {{/hasCodebook}}{{{date}}} · {{{total}}} respondenter_
        {{> summary}}

        ## Underlaget

        Respondenter per typ och område:

        | {{{basis.corner}}} |{{#basis.columns}} {{{.}}} |{{/basis.columns}}
        |---|{{#basis.columns}}---:|{{/basis.columns}}
        {{#basis.rows}}
        | {{{name}}} |{{#cells}} {{{.}}} |{{/cells}}
        {{/basis.rows}}
        {{#basis.note}}

        {{{basis.note}}}
        {{/basis.note}}

        | Undersökning | Titel | Våg | Typ | Respondenter | Period |
        |---|---|---|---|---:|---|
        {{#surveys}}
        | {{{id}}} | {{{title}}} | {{{wave}}} | {{{kind}}} | {{{respondents}}} | {{{period}}} |
        {{/surveys}}

        {{#hasPeriod}}
        Intervjuerna gjordes {{{firstDate}}} – {{{lastDate}}}.{{#hasWaves}} Våg: {{{waves}}}.{{/hasWaves}}
        {{/hasPeriod}}
        {{^hasPeriod}}
        {{#hasWaves}}
        Våg: {{{waves}}}.
        {{/hasWaves}}
        {{/hasPeriod}}

        {{#hasCodebook}}
        ## Teman

        Teman efter hur många respondenter som tog upp dem (en respondent räknas en gång per tema):

        | Tema | Respondenter | Andel av alla |
        |---|---:|---:|
        {{#ranked}}
        | {{{label}}} | {{{n}}} | {{{percent}}} |
        {{/ranked}}
        {{#rareThemes}}

        {{{rareThemes}}}
        {{/rareThemes}}
        {{#hasRankedFigure}}

        ![Teman, andel av alla respondenter]({{{rankedFigure}}})
        {{/hasRankedFigure}}

        ### Teman per område

        Andel av områdets respondenter (antal/N):

        {{#themes.parts}}
        {{> grid}}
        {{/themes.parts}}
        {{#themes.note}}

        {{{themes.note}}}

        {{/themes.note}}
        {{#hasHeatmapFigure}}

        ![Teman per område, andel respondenter]({{{heatmapFigure}}})
        {{/hasHeatmapFigure}}
        {{#themeMaps}}

        ![{{{text}}}]({{{figure}}})
        {{/themeMaps}}
        {{#hasThemeMaps}}

        ![Förklaring till kartorna]({{{themeMapLegend}}})

        Kartorna: de vanligaste temana, andel av områdets respondenter som tog upp temat, med samma färger på alla kartor; randigt är dolt, som ·· i tabellen.
        {{/hasThemeMaps}}

        ·· = färre än {{minCell}} respondenter, eller dolt så att inget dolt värde kan räknas fram ur summorna.
        {{/hasCodebook}}
        {{#hasChoices}}

        ## Slutna frågor per område
        {{#choices}}

        ### {{{text}}}

        {{#multi}}
        Flera svar möjliga: andelarna kan summera till mer än 100 %.

        {{/multi}}
        {{#parts}}
        {{> grid}}
        {{/parts}}
        {{#note}}

        {{{note}}}

        {{/note}}
        {{/choices}}
        {{/hasChoices}}
        {{#hasScales}}

        {{#hasScaleItems}}

        ### Skalfrågor: medelvärde (median, antal svar)

        {{#scales.parts}}
        {{> grid}}
        {{/scales.parts}}
        {{#scalesNote}}

        {{{scalesNote}}}

        {{/scalesNote}}
        {{/hasScaleItems}}
        {{#hasNumbers}}

        ### Talfrågor: medelvärde (median, antal svar)

        Talfrågor (antal, belopp): medelvärdet döljs (··) där ett enda svar är mer än hälften av områdets summa, och
        medianen visas först från {{numberMedianFrom}} svar — annars vore den en enskild svarandes eget tal.

        {{#numbers.parts}}
        {{> grid}}
        {{/numbers.parts}}
        {{#numbersNote}}

        {{{numbersNote}}}

        {{/numbersNote}}
        {{/hasNumbers}}
        {{#scaleFigures}}

        ![{{{text}}}: svarens fördelning per område]({{{figure}}})
        {{/scaleFigures}}
        {{/hasScales}}
        {{#batteries}}

        ### {{{title}}}: medelvärde per område

        Ett batteri av {{items}} frågor på samma skala: medelvärdet per område i varje ruta, mörkare för högre.
        {{#figures}}

        ![{{{alt}}}: medelvärde per område]({{{.}}})
        {{/figures}}
        {{#hasSpread}}

        ![{{{alt}}}: svaren i hela kommunen]({{{spread}}})
        {{/hasSpread}}
        {{/batteries}}

        ## Största skillnaderna mot hela kommunen

        {{#hasDifferences}}
        | Område | Vad | Området | Hela kommunen | Skillnad (procentenheter) | 95 % konfidensintervall | p |
        |---|---|---:|---:|---:|---:|---:|
        {{#differences}}
        | {{{district}}} | {{{subject}}} | {{{percent}}} | {{{whole}}} | {{{points}}} | {{{interval}}} | {{{p}}}{{#uncertain}} †{{/uncertain}} |
        {{/differences}}

        p: korrigerat för de många jämförelserna, se *Skillnader* under Om underlaget och metoden; † = något förväntat antal under 5, så p är osäkert.
        {{/hasDifferences}}
        {{^hasDifferences}}
        Ingen skillnad mellan ett område och resten av kommunen håller, se *Skillnader* under Om underlaget och metoden.
        {{/hasDifferences}}

        {{> method}}
        """

    /// The built-in layout in English; the same variables as `swedish`.
    public static let english = """
        # {{{title}}}

        _{{#hasCodebook}}Codebook {{{codebook}}} {{{version}}} (revision {{revision}}) · {{/hasCodebook}}{{{date}}} · {{{total}}} respondents_
        {{> summary}}

        ## The data

        Respondents by kind and district:

        | {{{basis.corner}}} |{{#basis.columns}} {{{.}}} |{{/basis.columns}}
        |---|{{#basis.columns}}---:|{{/basis.columns}}
        {{#basis.rows}}
        | {{{name}}} |{{#cells}} {{{.}}} |{{/cells}}
        {{/basis.rows}}
        {{#basis.note}}

        {{{basis.note}}}
        {{/basis.note}}

        | Survey | Title | Wave | Kind | Respondents | Period |
        |---|---|---|---|---:|---|
        {{#surveys}}
        | {{{id}}} | {{{title}}} | {{{wave}}} | {{{kind}}} | {{{respondents}}} | {{{period}}} |
        {{/surveys}}

        {{#hasPeriod}}
        The interviews were made {{{firstDate}}} – {{{lastDate}}}.{{#hasWaves}} Wave: {{{waves}}}.{{/hasWaves}}
        {{/hasPeriod}}
        {{^hasPeriod}}
        {{#hasWaves}}
        Wave: {{{waves}}}.
        {{/hasWaves}}
        {{/hasPeriod}}

        {{#hasCodebook}}
        ## Themes

        Themes by how many respondents raised them (a respondent counts once per theme):

        | Theme | Respondents | Share of all |
        |---|---:|---:|
        {{#ranked}}
        | {{{label}}} | {{{n}}} | {{{percent}}} |
        {{/ranked}}
        {{#rareThemes}}

        {{{rareThemes}}}
        {{/rareThemes}}
        {{#hasRankedFigure}}

        ![Themes, share of all respondents]({{{rankedFigure}}})
        {{/hasRankedFigure}}

        ### Themes by district

        Share of the district's respondents (count/N):

        {{#themes.parts}}
        {{> grid}}
        {{/themes.parts}}
        {{#themes.note}}

        {{{themes.note}}}

        {{/themes.note}}
        {{#hasHeatmapFigure}}

        ![Themes by district, share of respondents]({{{heatmapFigure}}})
        {{/hasHeatmapFigure}}
        {{#themeMaps}}

        ![{{{text}}}]({{{figure}}})
        {{/themeMaps}}
        {{#hasThemeMaps}}

        ![Key to the maps]({{{themeMapLegend}}})

        The maps: the most raised themes, share of the district's respondents who raised the theme, in the same colours on every map; hatched is hidden, as ·· in the table.
        {{/hasThemeMaps}}

        ·· = fewer than {{minCell}} respondents, or hidden so that no hidden value can be worked out from the totals.
        {{/hasCodebook}}
        {{#hasChoices}}

        ## Closed questions by district
        {{#choices}}

        ### {{{text}}}

        {{#multi}}
        Several answers possible: the shares can add up to more than 100%.

        {{/multi}}
        {{#parts}}
        {{> grid}}
        {{/parts}}
        {{#note}}

        {{{note}}}

        {{/note}}
        {{/choices}}
        {{/hasChoices}}
        {{#hasScales}}

        {{#hasScaleItems}}

        ### Scale questions: mean (median, answers)

        {{#scales.parts}}
        {{> grid}}
        {{/scales.parts}}
        {{#scalesNote}}

        {{{scalesNote}}}

        {{/scalesNote}}
        {{/hasScaleItems}}
        {{#hasNumbers}}

        ### Number questions: mean (median, answers)

        Number questions (counts, amounts): the mean is hidden (··) where one answer is more than half of the district's
        total, and the median is shown only from {{numberMedianFrom}} answers — below that it would be one respondent's own number.

        {{#numbers.parts}}
        {{> grid}}
        {{/numbers.parts}}
        {{#numbersNote}}

        {{{numbersNote}}}

        {{/numbersNote}}
        {{/hasNumbers}}
        {{#scaleFigures}}

        ![{{{text}}}: how the answers spread by district]({{{figure}}})
        {{/scaleFigures}}
        {{/hasScales}}
        {{#batteries}}

        ### {{{title}}}: mean per district

        A battery of {{items}} questions on the same scale: the mean per district in each square, darker for higher.
        {{#figures}}

        ![{{{alt}}}: mean per district]({{{.}}})
        {{/figures}}
        {{#hasSpread}}

        ![{{{alt}}}: the answers in the whole municipality]({{{spread}}})
        {{/hasSpread}}
        {{/batteries}}

        ## The largest differences from the whole municipality

        {{#hasDifferences}}
        | District | What | The district | Whole municipality | Difference (percentage points) | 95 % confidence interval | p |
        |---|---|---:|---:|---:|---:|---:|
        {{#differences}}
        | {{{district}}} | {{{subject}}} | {{{percent}}} | {{{whole}}} | {{{points}}} | {{{interval}}} | {{{p}}}{{#uncertain}} †{{/uncertain}} |
        {{/differences}}

        p: corrected for the many comparisons, see *Differences* under About the data and the method; † = an expected count below 5, so p is uncertain.
        {{/hasDifferences}}
        {{^hasDifferences}}
        No difference between a district and the rest of the municipality holds, see *Differences* under About the data and the method.
        {{/hasDifferences}}

        {{> method}}
        """
}
