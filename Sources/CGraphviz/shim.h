#ifndef INTERSTICE_CGRAPHVIZ_SHIM_H
#define INTERSTICE_CGRAPHVIZ_SHIM_H
// The one place Interstice sees Graphviz's C API. Only GraphRender imports this module.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects direct use of Graphviz's mutable global graph descriptors; these wrappers
// hand out copies.
static inline Agdesc_t interstice_ag_directed(void) { return Agdirected; }
static inline Agdesc_t interstice_ag_undirected(void) { return Agundirected; }
static inline Agdesc_t interstice_ag_strictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t interstice_ag_strictundirected(void) { return Agstrictundirected; }

// Graphviz declares these parameters `char *` though it does not modify them.
static inline Agraph_t *interstice_agopen(const char *name, Agdesc_t desc) {
    return agopen((char *)name, desc, NULL);
}
static inline Agnode_t *interstice_agnode(Agraph_t *g, const char *name, int create) {
    return agnode(g, (char *)name, create);
}
static inline Agedge_t *interstice_agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name, int create) {
    return agedge(g, t, h, (char *)name, create);
}
static inline int interstice_agsafeset(void *obj, const char *name, const char *value, const char *def) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)def);
}
static inline char *interstice_agget(void *obj, const char *name) {
    return agget(obj, (char *)name);
}
static inline Agraph_t *interstice_agsubg(Agraph_t *g, const char *name, int create) {
    return agsubg(g, (char *)name, create);
}
#endif
