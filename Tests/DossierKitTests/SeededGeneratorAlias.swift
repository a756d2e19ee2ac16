import TestSupport

/// TestSupport's seeded generator, by its name in this module's files that do not import TestSupport.
typealias SeededGenerator = TestSupport.SeededGenerator
