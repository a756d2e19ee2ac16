#!/usr/bin/env python3
"""openpgp-craft.py - OpenPGP signatures gpg 2.2 cannot make, for the signature tests (python3-cryptography).

  openpgp-craft.py ed448-key OUT UID TIME   an Ed448 key as GnuPG 2.3+ makes it (v4, legacy EdDSA algorithm 22,
                                            OID 1.3.101.113, point 0x40||57 bytes) with a self-signed user id:
                                            OUT.asc (public key block), OUT.secret; prints the fingerprint
  openpgp-craft.py ed448-sign SECRET TIME   a detached v4 binary signature (SHA-512) of stdin, armored, on stdout
  openpgp-craft.py v3-sign SECKEY TIME      a detached version 3 binary signature (RFC 4880 5.2.2) of stdin with
                                            the RSA or DSA key in SECKEY (gpg --export-secret-keys, no passphrase)

gpg 2.2 dropped --force-v3-sigs and cannot make Ed448 keys; it still verifies v3 signatures. The hashed material of
a v3 signature is the data, the signature type and the 4-byte creation time; its key id is in the header.
"""
import base64
import hashlib
import struct
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ed448, padding, rsa, utils


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def armor(label, data):
    text = base64.b64encode(data).decode()
    lines = "\n".join(text[i:i + 64] for i in range(0, len(text), 64))
    check = base64.b64encode(struct.pack(">I", crc24(data))[1:]).decode()
    return "-----BEGIN %s-----\n\n%s\n=%s\n-----END %s-----\n" % (label, lines, check, label)


def packet(tag, body):
    n = len(body)
    if n < 192:
        header = bytes([n])
    elif n < 8384:
        header = bytes([((n - 192) >> 8) + 192, (n - 192) & 0xFF])
    else:
        header = b"\xff" + struct.pack(">I", n)
    return bytes([0xC0 | tag]) + header + body


def mpi(value):
    value = value.lstrip(b"\0")
    bits = (len(value) - 1) * 8 + value[0].bit_length() if value else 0
    return struct.pack(">H", bits) + value


def int_mpi(number):
    return mpi(number.to_bytes((number.bit_length() + 7) // 8, "big"))


def subpacket(kind, data):
    return bytes([len(data) + 1, kind]) + data


def packets(data):
    """(tag, body) of each packet, old or new format."""
    i, out = 0, []
    while i < len(data):
        first = data[i]
        if first & 0x40:
            tag, n = first & 0x3F, data[i + 1]
            if n < 192:
                length, i = n, i + 2
            elif n < 224:
                length, i = ((n - 192) << 8) + data[i + 2] + 192, i + 3
            else:
                length, i = struct.unpack(">I", data[i + 2:i + 6])[0], i + 6
        else:
            tag, kind = (first >> 2) & 0x0F, first & 3
            size = [1, 2, 4][kind]
            length = int.from_bytes(data[i + 1:i + 1 + size], "big")
            i += 1 + size
        out.append((tag, data[i:i + length]))
        i += length
    return out


def read_mpis(body, offset, count):
    values = []
    for _ in range(count):
        bits = struct.unpack(">H", body[offset:offset + 2])[0]
        size = (bits + 7) // 8
        values.append(int.from_bytes(body[offset + 2:offset + 2 + size], "big"))
        offset += 2 + size
    return values, offset


def ed448_self_signed(out, uid, created):
    secret = ed448.Ed448PrivateKey.generate()
    point = secret.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    oid = bytes([0x2B, 0x65, 0x71])
    body = bytes([4]) + struct.pack(">I", created) + bytes([22, len(oid)]) + oid + mpi(b"\x40" + point)
    prefix = b"\x99" + struct.pack(">H", len(body)) + body
    fingerprint = hashlib.sha1(prefix).digest()
    uid = uid.encode()
    hashed = subpacket(33, b"\x04" + fingerprint) + subpacket(2, struct.pack(">I", created)) + subpacket(27, b"\x03")
    signature = ed448_signature(secret, fingerprint, 0x13, hashed, prefix + b"\xb4" + struct.pack(">I", len(uid)) + uid)
    with open(out + ".asc", "w") as f:
        f.write(armor("PGP PUBLIC KEY BLOCK", packet(6, body) + packet(13, uid) + packet(2, signature)))
    raw = secret.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    with open(out + ".secret", "w") as f:
        f.write(raw.hex() + " " + fingerprint.hex() + "\n")
    print(fingerprint.hex().upper())


def ed448_signature(secret, fingerprint, kind, hashed, data):
    head = bytes([4, kind, 22, 10]) + struct.pack(">H", len(hashed)) + hashed
    digest = hashlib.sha512(data + head + b"\x04\xff" + struct.pack(">I", len(head))).digest()
    value = secret.sign(digest)
    unhashed = subpacket(16, fingerprint[-8:])
    return head + struct.pack(">H", len(unhashed)) + unhashed + digest[:2] + mpi(value[:57]) + mpi(value[57:])


def ed448_sign(secret_file, created):
    raw, fingerprint = open(secret_file).read().split()
    secret = ed448.Ed448PrivateKey.from_private_bytes(bytes.fromhex(raw))
    fingerprint = bytes.fromhex(fingerprint)
    hashed = subpacket(33, b"\x04" + fingerprint) + subpacket(2, struct.pack(">I", created))
    sys.stdout.write(armor("PGP SIGNATURE", packet(2, ed448_signature(secret, fingerprint, 0x00, hashed, sys.stdin.buffer.read()))))


def v3_sign(secret_key_file, created):
    tag, body = next(p for p in packets(open(secret_key_file, "rb").read()) if p[0] == 5)
    assert body[0] == 4, "a v4 secret key"
    algorithm = body[5]
    public_count = {1: 2, 17: 4}[algorithm]
    public, offset = read_mpis(body, 6, public_count)
    public_body = body[:offset]
    assert body[offset] == 0, "the secret key must not be protected (no passphrase)"
    key_id = hashlib.sha1(b"\x99" + struct.pack(">H", len(public_body)) + public_body).digest()[-8:]
    if algorithm == 1:
        (n, e), ((d, p, q, _u), _) = public, read_mpis(body, offset + 1, 4)
        numbers = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q),
                                        rsa.RSAPublicNumbers(e, n))
        key, hash_algorithm, hash_id = numbers.private_key(), hashes.SHA256(), 8
    else:
        (p, q, g, y), ((x,), _) = public, read_mpis(body, offset + 1, 1)
        numbers = dsa.DSAPrivateNumbers(x, dsa.DSAPublicNumbers(y, dsa.DSAParameterNumbers(p, q, g)))
        key = numbers.private_key()
        hash_algorithm, hash_id = (hashes.SHA1(), 2) if q.bit_length() <= 160 else (hashes.SHA256(), 8)
    hashed = bytes([0x00]) + struct.pack(">I", created)
    digest_object = hashes.Hash(hash_algorithm)
    digest_object.update(sys.stdin.buffer.read() + hashed)
    digest = digest_object.finalize()
    if algorithm == 1:
        values = mpi(key.sign(digest, padding.PKCS1v15(), utils.Prehashed(hash_algorithm)))
    else:
        r, s = utils.decode_dss_signature(key.sign(digest, utils.Prehashed(hash_algorithm)))
        values = int_mpi(r) + int_mpi(s)
    body = bytes([3, 5]) + hashed + key_id + bytes([algorithm, hash_id]) + digest[:2] + values
    sys.stdout.write(armor("PGP SIGNATURE", packet(2, body)))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "ed448-key" and len(sys.argv) == 5:
        ed448_self_signed(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "ed448-sign" and len(sys.argv) == 4:
        ed448_sign(sys.argv[2], int(sys.argv[3]))
    elif command == "v3-sign" and len(sys.argv) == 4:
        v3_sign(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
