#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option dossier sets. */
static inline int dossier_git_set_cache_max_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}
