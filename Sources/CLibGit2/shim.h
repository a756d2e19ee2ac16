#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option dossier sets. */

/* Whether libgit2 re-hashes every object it reads to check it against its id. */
static inline int dossier_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* Whether libgit2 keeps the objects it reads in its object cache. */
static inline int dossier_git_enable_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}
