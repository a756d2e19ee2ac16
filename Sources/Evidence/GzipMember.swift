import CZlib
import Foundation
import Support

/// A gzip file (RFC 1952) inflated with zlib, as a Mender Artifact's `header.tar.gz` and `data/NNNN.tar.gz` hold
/// them. Bounded: an attacker's small file may inflate to gigabytes.
enum GzipMember {
    /// The inflated bytes of `data`, at most `limit` of them.
    /// - Throws: `DossierError` (message only; the caller names the file) when `data` is not gzip, is cut short or
    ///   damaged (zlib checks the CRC-32 and the length), or inflates past `limit`.
    static func inflate(_ data: Data, limit: Int) throws -> Data {
        var stream = z_stream()
        // 16 + MAX_WBITS: a gzip wrapper, not zlib's own.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DossierError("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let result: Int32 = data.withUnsafeBytes { input -> Int32 in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return Z_DATA_ERROR }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            var status = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
                    return status
                }
                if output.count > limit { return Z_MEM_ERROR }
                if status == Z_BUF_ERROR, stream.avail_in == 0 { return Z_DATA_ERROR }  // cut short
            }
            return status
        }
        switch result {
        case Z_STREAM_END where stream.avail_in == 0: return output
        case Z_STREAM_END: throw DossierError("it holds bytes after its gzip member")
        case Z_MEM_ERROR where output.count > limit: throw DossierError("it inflates to more than \(limit) bytes")
        default: throw DossierError("it is not gzip data that inflates whole (zlib: \(stream.msg.map { String(cString: $0) } ?? "error \(result)"))")
        }
    }
}
