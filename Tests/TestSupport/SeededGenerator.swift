import Foundation

/// The one random generator of the tests' fuzzing (SplitMix64): deterministic, so a failure can be reproduced.
/// Each test names its seed; `DOSSIER_TEST_SEED` (decimal or `0x` hex) overrides the seed of every seeded test, to
/// repeat a failure or to try other inputs. `description` names the seed, for failure messages.
public struct SeededGenerator: RandomNumberGenerator, CustomStringConvertible, Sendable {
    /// The environment variable that overrides every seeded test's seed.
    public static let environmentVariable = "DOSSIER_TEST_SEED"

    /// The seed this generator started from (the test's own, or the environment's).
    public let seed: UInt64
    private var state: UInt64

    /// A generator starting from `seed`, or from `DOSSIER_TEST_SEED` when that is set.
    public init(seed: UInt64) {
        self.seed = Self.environmentSeed ?? seed
        state = self.seed
    }

    /// "seed 0x2a (DOSSIER_TEST_SEED=0x2a repeats it)".
    public var description: String {
        let hex = "0x" + String(seed, radix: 16)
        return "seed \(hex) (\(Self.environmentVariable)=\(hex) repeats it)"
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed `DOSSIER_TEST_SEED` gives, if it is set; a value that is not a number stops the run with a message.
    private static let environmentSeed: UInt64? = {
        guard let text = ProcessInfo.processInfo.environment[environmentVariable]?.trimmingCharacters(in: .whitespaces),
              !text.isEmpty else { return nil }
        let lower = text.lowercased()
        guard let seed = lower.hasPrefix("0x") ? UInt64(lower.dropFirst(2), radix: 16) : UInt64(lower) else {
            fatalError("\(environmentVariable)=\(text): expected a decimal or 0x-hex 64-bit seed")
        }
        return seed
    }()
}
