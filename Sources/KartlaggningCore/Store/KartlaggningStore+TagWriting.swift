import KartlaggningModel

/// The store writes auto tags for the analysis layer's `AutoTagging` (`autoTag`, `appliedCodebooks`).
extension KartlaggningStore: TagWriting {}
