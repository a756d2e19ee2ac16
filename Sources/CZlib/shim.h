/* zlib (Debian zlib1g-dev): Evidence inflates the gzip members of a Mender Artifact (header.tar.gz, data/0000.tar.gz).
 * libgit2 links the same library already. */
#include <zlib.h>
