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

/* cgraph's default ids for named objects are the addresses of their names, and subgraphs (the pictures' boxes) are
 * kept in id order: the order Graphviz writes boxes in then varies from run to run. This map declines names, so cgraph
 * gives every object the next counted id and keeps its name itself: objects keep the order they were made in. */
static long dossier_counted_idmap(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    if (str) return 0;
    return AgIdDisc.map(state, objtype, str, id, createflag);
}

/* The discipline for agopen: cgraph's own, but for the counted ids. */
static inline Agdisc_t *dossier_counted_ids(void) {
    static Agiddisc_t ids;
    static Agdisc_t disc;
    ids = AgIdDisc;
    ids.map = dossier_counted_idmap;
    disc.mem = &AgMemDisc;
    disc.id = &ids;
    disc.io = &AgIoDisc;
    return &disc;
}
