import Testing

extension Tag {
    /// Tests that take long: many-area reports, printed pages, the workbench over HTTP, SPSS round trips.
    /// `make test-fast` skips them (`swift test --skip tag:slow`); `make test` and CI run everything.
    @Tag public static var slow: Self
    /// Tests that drive a real headless browser (Chromium): skipped with a message where it is missing.
    @Tag public static var browser: Self
}
