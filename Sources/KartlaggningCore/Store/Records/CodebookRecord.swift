import Foundation
import GRDB
import KartlaggningModel

/// A row of the `codebook` table: one revision of a codebook, its definition stored as JSON.
struct CodebookRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "codebook"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let revision = Column(CodingKeys.revision)
    }

    var id: String
    var revision: Int
    var version: String
    var language: String
    var definition: String
    var loadedAt: String

    /// The latest revision of each codebook id first.
    static func latest(_ id: String? = nil) -> QueryInterfaceRequest<CodebookRecord> {
        let all = id.map { filter(Columns.id == $0) } ?? all()
        return all.order(Columns.revision.desc)
    }

    /// The stored codebook, decoded.
    /// - Throws: `StoreError.database` when the stored definition cannot be read.
    func stored() throws -> StoredCodebook {
        do {
            let codebook = try JSONDecoder().decode(Codebook.self, from: Data(definition.utf8))
            return StoredCodebook(codebook: codebook, revision: revision, loadedAt: loadedAt)
        } catch {
            throw StoreError.storedDefinitionUnreadable(what: "codebook", id: id, reason: "\(error)")
        }
    }
}
