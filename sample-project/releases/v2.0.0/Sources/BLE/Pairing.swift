/// Pairing policy: LE Secure Connections with numeric comparison only (REQ-24).
public struct PairingPolicy {
    public enum Method { case justWorks, legacyPasskey, numericComparison, outOfBand }

    public init() {}

    public func accepts(_ method: Method, secureConnections: Bool) -> Bool {
        secureConnections && method == .numericComparison
    }
}
