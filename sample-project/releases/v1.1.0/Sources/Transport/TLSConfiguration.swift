/// TLS settings for the clinic connection (REQ-9). Built against OpenSSL (SOUP-1).
public struct TLSConfiguration {
    public static let openSSLVersion = "3.0.13"
    public var minimumVersion = TLSVersion.v1_2
    public var verifyCertificate = true
    public var verifyHostName = true

    public init() {}
}
