#include <gcrypt.h>

/* libgcrypt's S-expression builder and gcry_control are variadic, which Swift cannot call: one wrapper per use.
   Every buffer is passed with its length (%b), so nothing here reads past what the caller parsed. The verify
   wrappers return libgcrypt's error code: 0 for a valid signature, GPG_ERR_BAD_SIGNATURE for one that does not
   match, anything else when the key or the signature cannot be used. */

/* Initialises libgcrypt as an application must before any other call: the version check, no secure memory
   (dossier holds no secrets), initialisation finished. Returns 0 when the library is older than 1.8. */
static inline int dossier_gcry_initialize(void) {
    if (!gcry_check_version("1.8.0")) return 0;
    gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
    gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    return 1;
}

/* Verifies with a key and signature S-expression already built; releases all three. */
static inline gcry_error_t dossier_gcry_verify_built(gcry_error_t error, gcry_sexp_t key, gcry_sexp_t data, gcry_sexp_t sig) {
    if (!error) error = gcry_pk_verify(sig, data, key);
    gcry_sexp_release(key);
    gcry_sexp_release(data);
    gcry_sexp_release(sig);
    return error;
}

/* An unsigned big-endian value as a raw-flag data S-expression (DSA, ECDSA: the hash already truncated). */
static inline gcry_error_t dossier_gcry_raw_data(gcry_sexp_t *data, const void *hash, int hash_length) {
    return gcry_sexp_build(data, NULL, "(data(flags raw)(value %b))", hash_length, hash);
}

/* DSA: the key p, q, g, y; the signature r, s; `hash` the digest truncated to q's length. */
static inline gcry_error_t dossier_gcry_verify_dsa(const void *p, int p_length, const void *q, int q_length,
                                                   const void *g, int g_length, const void *y, int y_length,
                                                   const void *r, int r_length, const void *s, int s_length,
                                                   const void *hash, int hash_length) {
    gcry_sexp_t key = NULL, data = NULL, sig = NULL;
    gcry_error_t error = gcry_sexp_build(&key, NULL, "(public-key(dsa(p %b)(q %b)(g %b)(y %b)))",
                                         p_length, p, q_length, q, g_length, g, y_length, y);
    if (!error) error = dossier_gcry_raw_data(&data, hash, hash_length);
    if (!error) error = gcry_sexp_build(&sig, NULL, "(sig-val(dsa(r %b)(s %b)))", r_length, r, s_length, s);
    return dossier_gcry_verify_built(error, key, data, sig);
}

/* ECDSA on a named curve: the uncompressed point; the signature r, s; `hash` truncated to the curve's size. */
static inline gcry_error_t dossier_gcry_verify_ecdsa(const char *curve, const void *point, int point_length,
                                                     const void *r, int r_length, const void *s, int s_length,
                                                     const void *hash, int hash_length) {
    gcry_sexp_t key = NULL, data = NULL, sig = NULL;
    gcry_error_t error = gcry_sexp_build(&key, NULL, "(public-key(ecc(curve %s)(q %b)))", curve, point_length, point);
    if (!error) error = dossier_gcry_raw_data(&data, hash, hash_length);
    if (!error) error = gcry_sexp_build(&sig, NULL, "(sig-val(ecdsa(r %b)(s %b)))", r_length, r, s_length, s);
    return dossier_gcry_verify_built(error, key, data, sig);
}

/* EdDSA (PureEdDSA, no context) on a named curve: the encoded point; R and S; the OpenPGP digest is the message. */
static inline gcry_error_t dossier_gcry_verify_eddsa(const char *curve, const void *point, int point_length,
                                                     const void *r, int r_length, const void *s, int s_length,
                                                     const void *message, int message_length) {
    gcry_sexp_t key = NULL, data = NULL, sig = NULL;
    gcry_error_t error = gcry_sexp_build(&key, NULL, "(public-key(ecc(curve %s)(flags eddsa)(q %b)))", curve, point_length, point);
    if (!error) error = gcry_sexp_build(&data, NULL, "(data(flags eddsa)(value %b))", message_length, message);
    if (!error) error = gcry_sexp_build(&sig, NULL, "(sig-val(eddsa(r %b)(s %b)))", r_length, r, s_length, s);
    return dossier_gcry_verify_built(error, key, data, sig);
}

/* RSA PKCS#1 v1.5 with a hash libgcrypt names (`sha224`, `rmd160`, …): the key n, e; the signature s. */
static inline gcry_error_t dossier_gcry_verify_rsa(const void *n, int n_length, const void *e, int e_length,
                                                   const void *s, int s_length, const char *hash_name,
                                                   const void *hash, int hash_length) {
    gcry_sexp_t key = NULL, data = NULL, sig = NULL;
    gcry_error_t error = gcry_sexp_build(&key, NULL, "(public-key(rsa(n %b)(e %b)))", n_length, n, e_length, e);
    if (!error) error = gcry_sexp_build(&data, NULL, "(data(flags pkcs1)(hash %s %b))", hash_name, hash_length, hash);
    if (!error) error = gcry_sexp_build(&sig, NULL, "(sig-val(rsa(s %b)))", s_length, s);
    return dossier_gcry_verify_built(error, key, data, sig);
}
