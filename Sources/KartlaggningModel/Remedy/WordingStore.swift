import Foundation

/// The process's chosen ``RemedyWording``, behind a lock: set once by a front end at start, read by messages anywhere.
final class WordingStore: @unchecked Sendable {
    static let shared = WordingStore()

    private let lock = NSLock()
    private var stored: any RemedyWording = LibraryWording()

    var value: any RemedyWording {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
