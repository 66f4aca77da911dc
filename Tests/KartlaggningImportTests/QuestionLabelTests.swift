import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

/// Question labels: what reports head a question with, read back from R/SPSS-style column names by `survey infer`,
/// and written `label:` in a definition.
struct QuestionLabelTests {
    @Test(arguments: [
        ("Vilken.är.din.högsta.utbildningsnivå.", "Vilken är din högsta utbildningsnivå?"),
        ("Hur_nöjd_är_du_med_bredbandet", "Hur nöjd är du med bredbandet?"),
        ("antal_anstallda", "Antal anstallda"),
        ("How.satisfied.are.you.", "How satisfied are you?"),
        ("Bor.du.i.tätort..", "Bor du i tätort?"),
    ])
    func rStyleNamesReadAsWords(header: String, label: String) {
        #expect(QuestionLabel.from(header: header) == label)
    }

    @Test func headersThatAreWordsAlreadyAreKept() {
        #expect(QuestionLabel.from(header: "Nöjd med bredband (1-5)") == nil)
        #expect(QuestionLabel.from(header: "Bransch") == nil)
        #expect(QuestionLabel.from(header: "Q1") == nil)
    }

    /// `label:` in a definition is the question's text, which reports head it with; `text:` still reads.
    @Test func aDefinitionsLabelIsTheQuestionText() throws {
        let folder = TemporaryDirectory()
        let path = folder.write(
            "s.yaml",
            """
            id: s
            title: S
            respondent: { id: Nr }
            questions:
              - { id: utb, column: "Vilken.är.din.högsta.utbildningsnivå.", label: "Vilken är din högsta utbildningsnivå?", type: text }
              - { id: b, column: b, text: "Bredband", type: text }
            """)
        let survey = try DefinitionLoader.survey(at: path)
        #expect(survey.questions.map(\.text) == ["Vilken är din högsta utbildningsnivå?", "Bredband"])
    }
}
