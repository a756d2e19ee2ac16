#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option dossier sets. */
static inline int dossier_git_set_cache_max_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}

/* Whether libgit2 re-hashes every object it reads to check it against its id. */
static inline int dossier_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
