#ifndef INTERSTICE_CGRAPHVIZ_SHIM_H
#define INTERSTICE_CGRAPHVIZ_SHIM_H
// The one place Interstice sees Graphviz's C API. Only GraphRender imports this module, and
// only through its serial gate (Graphviz is not thread-safe).
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
static inline Agsym_t *interstice_agattr_lookup(Agraph_t *g, int kind, const char *name) {
    return agattr(g, kind, (char *)name, NULL);
}

// Macros Swift cannot import (they cast through Agobj_t).
static inline unsigned long interstice_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }
static inline int interstice_agtype(void *obj) { return (int)AGTYPE(obj); }
static inline Agnode_t *interstice_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *interstice_aghead(Agedge_t *e) { return aghead(e); }
static inline int interstice_aghtmlstr(const char *s) { return aghtmlstr((char *)s); }

// The user error function type, named so Swift can build a C function pointer for it.
typedef int (*interstice_errf)(char *);
static inline void interstice_set_error_function(interstice_errf f) {
    agseterrf(f);
    agseterr(AGWARN);
}
#endif
