/* Graphviz (Debian libgraphviz-dev): Render lays out the pictures' graphs with its dot layout and writes them as SVG.
 * Only Render imports this module. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>

/* The file libgvc was loaded from: its plugins lie in the folder "graphviz" beside it. */
static inline const char *dossier_gvc_library_file(void) {
    Dl_info info;
    if (dladdr((void *)&gvContext, &info) == 0) return 0;
    return info.dli_fname;
}

/* The description of a directed graph (cgraph's global Agdirected), as a value. */
static inline Agdesc_t dossier_directed_graph(void) { return Agdirected; }
