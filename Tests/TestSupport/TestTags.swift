import Foundation
import Testing

extension Tag {
    /// Tests that take long: many-area reports, printed pages, the workbench over HTTP, SPSS round trips.
    /// `make test-fast` skips them; `make test` and CI run everything.
    @Tag public static var slow: Self
    /// Tests that drive a real headless browser (Chromium): skipped with a message where it is missing.
    @Tag public static var browser: Self
}

extension Trait where Self == ConditionTrait {
    /// Skipped when `KARTLAGG_SKIP_SLOW` is set (`make test-fast`): `swift test` of Swift 6.3 cannot yet filter by
    /// tag, so the `.slow` tag is carried out by this condition.
    public static var skippedWhenFast: Self {
        .enabled(
            if: ProcessInfo.processInfo.environment["KARTLAGG_SKIP_SLOW"] == nil,
            "slow: make test-fast skips it (make test runs it)")
    }
}
