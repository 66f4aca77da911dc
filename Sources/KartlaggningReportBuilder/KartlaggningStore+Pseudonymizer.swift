import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

extension KartlaggningStore {
    /// The pseudonymiser for everything shown from this database: the people's and organisations' names its
    /// identifying columns hold (`namesToHide`), masked wherever a quote, term or answer is shown. The one way every
    /// output builds it.
    public func pseudonymizer() throws -> Pseudonymizer {
        try Pseudonymizer.hiding(namesIn: self)
    }
}
