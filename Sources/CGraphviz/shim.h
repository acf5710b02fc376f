#ifndef INTERSTICE_CGRAPHVIZ_SHIM_H
#define INTERSTICE_CGRAPHVIZ_SHIM_H
// The one place Interstice sees Graphviz's C API. Only GraphRender imports this module, and
// only through its serial gate (Graphviz is not thread-safe).
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <malloc.h>
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

// Resets cgraph's lexer before a parse. The lexer is global: after a graph it keeps what it
// had read past the graph's end (a trailing line break, a second graph) and would hand it to
// the next parse, and its line counter carries on. aglexbad() empties the buffer (cgraph does
// the same after a syntax error; exported by libcgraph, not declared in its headers) and
// agsetfile() sets the line to 1. The name is a literal because cgraph keeps the pointer.
extern void aglexbad(void);
static inline void interstice_reset_input(void) {
    aglexbad();
    agsetfile((char *)"<input>");
}

// Graphviz's engines draw from libc's generators (drand48, rand), which keep their state
// between layouts: reseeding them before each layout makes a layout independent of the ones
// before it. The engines still seed themselves from their `start` / `seed` attributes.
static inline void interstice_reset_random(void) { srand48(1); srand(1); }

// The user error function type, named so Swift can build a C function pointer for it.
typedef int (*interstice_errf)(char *);
static inline void interstice_set_error_function(interstice_errf f) {
    agseterrf(f);
    agseterr(AGWARN);
}

// Graphviz 2.42's `userout` (cgraph/agerror.c), which formats a message for the user error
// function, starts with a 1 KB buffer and, when a message is longer, grows the buffer and calls
// vsnprintf again with the same, already consumed va_list: any diagnostic over 1 KB with an
// argument (a long token in a syntax error) reads garbage and crashes. The buffer is static and
// never shrinks, so one message of `bytes` bytes without any conversion (nothing read from the
// va_list, so reusing it is harmless) grows it once, here, before any input is parsed; later
// messages shorter than that are formatted in one pass. Call with the error function installed
// (the message goes to it and is then discarded by the caller).
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-security"
#pragma clang diagnostic ignored "-Wformat-nonliteral"
static inline void interstice_grow_message_buffer(size_t bytes) {
    char *s = (char *)malloc(bytes + 1);
    if (!s) return;
    memset(s, 'x', bytes);
    s[bytes] = 0;
    agerr(AGWARN, s);
    free(s);
    agreseterrors();
}
#pragma clang diagnostic pop

// ---------------------------------------------------------------------------------------------
// Ordered object IDs. cgraph's default ID discipline makes a named object's ID the address of
// its interned name, and keeps subgraphs in ID order: cluster order, and with it fdp's layout
// and every engine's drawing order, then depends on where malloc happened to put the names,
// which changes from one call to the next in a long-running process. This discipline gives
// named objects IDs in order of creation (2, 4, 6, …; anonymous ones stay odd), so a DOT text
// lays out and renders the same every time. It is installed once, before gvContext(), as the
// process-wide default (AgIdDisc), so graphs the engines create internally use it too.

// Its tables live in the graph's own memory (agalloc), because agclose releases an arena
// graph whole, without calling the ID discipline's close.
typedef struct {
    Agraph_t *g;
    char **names;        // names[k] is the name whose ID is 2(k + 1)
    size_t count, cap;
    char **keys;         // open-addressing hash: interned name pointer -> k + 1
    size_t *values;
    size_t slots;        // a power of two
} interstice_idstate_t;

static size_t interstice_id_slot(char *name, size_t slots) {
    uint64_t h = ((uint64_t)(uintptr_t)name >> 4) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (slots - 1);
}
static size_t interstice_id_find(interstice_idstate_t *s, char *name) {
    size_t i = interstice_id_slot(name, s->slots);
    while (s->keys[i]) {
        if (s->keys[i] == name) return s->values[i];
        i = (i + 1) & (s->slots - 1);
    }
    return 0;
}
static int interstice_id_insert(interstice_idstate_t *s, char *name, size_t value) {
    if (2 * (s->count + 1) > s->slots) {   // keep the load under one half
        size_t slots = s->slots * 2;
        char **keys = (char **)agalloc(s->g, slots * sizeof(char *));
        size_t *values = (size_t *)agalloc(s->g, slots * sizeof(size_t));
        if (!keys || !values) return 0;
        for (size_t i = 0; i < s->slots; i++) {
            if (!s->keys[i]) continue;
            size_t j = interstice_id_slot(s->keys[i], slots);
            while (keys[j]) j = (j + 1) & (slots - 1);
            keys[j] = s->keys[i];
            values[j] = s->values[i];
        }
        agfree(s->g, s->keys);
        agfree(s->g, s->values);
        s->keys = keys; s->values = values; s->slots = slots;
    }
    size_t i = interstice_id_slot(name, s->slots);
    while (s->keys[i]) i = (i + 1) & (s->slots - 1);
    s->keys[i] = name;
    s->values[i] = value;
    return 1;
}
static IDTYPE interstice_id_anonymous = 1;

static void *interstice_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    interstice_idstate_t *s = (interstice_idstate_t *)agalloc(g, sizeof *s);
    if (!s) return NULL;
    s->g = g;
    s->cap = 16;
    s->names = (char **)agalloc(g, s->cap * sizeof(char *));
    s->slots = 64;
    s->keys = (char **)agalloc(g, s->slots * sizeof(char *));
    s->values = (size_t *)agalloc(g, s->slots * sizeof(size_t));
    return s;
}
static long interstice_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    interstice_idstate_t *s = (interstice_idstate_t *)state;
    if (!str) { *id = interstice_id_anonymous; interstice_id_anonymous += 2; return 1; }
    char *r = createflag ? agstrdup(s->g, str) : agstrbind(s->g, str);
    if (!r) return 0;
    size_t k = interstice_id_find(s, r);
    if (k) {
        if (createflag) agstrfree(s->g, r);   // keep one reference per name
        *id = (IDTYPE)(2 * k);
        return 1;
    }
    if (!createflag) return 0;
    if (s->count == s->cap) {
        char **names = (char **)agrealloc(s->g, s->names, s->cap * sizeof(char *), 2 * s->cap * sizeof(char *));
        if (!names) { agstrfree(s->g, r); return 0; }
        s->names = names;
        s->cap *= 2;
    }
    s->names[s->count++] = r;
    if (!interstice_id_insert(s, r, s->count)) { s->count--; agstrfree(s->g, r); return 0; }
    *id = (IDTYPE)(2 * s->count);
    return 1;
}
static long interstice_id_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;
}
static void interstice_id_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;   // names are released with the graph
}
static char *interstice_id_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    interstice_idstate_t *s = (interstice_idstate_t *)state;
    if (id % 2 != 0 || id == 0) return NULL;
    size_t k = (size_t)(id / 2) - 1;
    return k < s->count ? s->names[k] : NULL;
}
static void interstice_id_close(void *state) {
    interstice_idstate_t *s = (interstice_idstate_t *)state;
    if (!s) return;
    Agraph_t *g = s->g;
    agfree(g, s->names);
    agfree(g, s->keys);
    agfree(g, s->values);
    agfree(g, s);
}
static void interstice_id_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

static inline void interstice_install_ordered_ids(void) {
    AgIdDisc.open = interstice_id_open;
    AgIdDisc.map = interstice_id_map;
    AgIdDisc.alloc = interstice_id_alloc;
    AgIdDisc.free = interstice_id_free;
    AgIdDisc.print = interstice_id_print;
    AgIdDisc.close = interstice_id_close;
    AgIdDisc.idregister = interstice_id_register;
}

// ---------------------------------------------------------------------------------------------
// Ordered memory. Graphviz compares object addresses in places (fdp's deriveGraph orients each
// derived edge from the lower node address to the higher), so a layout depends on where
// malloc puts cgraph objects. This memory discipline gives each root graph an arena whose
// blocks lie in creation order: objects of a graph are allocated upward, so fdp lays out the
// same graph the same way every time.
// All arenas draw chunks from one region of address space, reserved once without committing
// memory (pages are backed when first touched) and handed out upward: a graph's later chunk
// always lies above its earlier ones, whichever graphs took chunks in between. When the last
// open arena closes, the region's pages are given back (MADV_DONTNEED) and it starts over.
// The region is 64 GiB of address space in process. The render worker, whose RLIMIT_AS counts
// every mapping touched or not, reserves it at half its memory limit before setting the limit
// (interstice_reserve_region): graph objects and the rest of Graphviz then share the limit and
// neither can take the other's share. A full region answers NULL, with one line on standard
// error; if the region cannot be reserved, arenas fall back to calloc (correct, not ordered).
// The discipline has no `close`: with one, agclose frees the arena without closing the graph's
// dictionaries, whose headers cdt allocates with malloc (a leak per graph). Without it agclose
// takes its ordinary path and frees the graph's Agclos_t last; the first block of an arena is
// that Agclos_t (agopen allocates it first), so freeing it closes the arena.

#define INTERSTICE_CHUNK ((size_t)1 << 18)   /* 256 KiB: a graph's chunks, or one large block */

static char *interstice_region = NULL;      // the reserved range (NULL: not yet, or failed)
static size_t interstice_region_size = 0;
static size_t interstice_region_top = 0;    // bytes of the region handed out as chunks
static int interstice_region_failed = 0;
static int interstice_arenas_open = 0;

static inline int interstice_open_arenas(void) { return interstice_arenas_open; }

// Reserves the region (`bytes` of address space), giving back the old one; 0 when it could not
// be, or while a graph holds blocks of the old one.
static inline int interstice_reserve_region(size_t bytes) {
    if (interstice_arenas_open > 0) return 0;   // graphs still hold blocks of the old region
    if (interstice_region) munmap(interstice_region, interstice_region_size);
    interstice_region = NULL;
    interstice_region_top = 0;
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    interstice_region_failed = p == MAP_FAILED;
    if (p == MAP_FAILED) return 0;
    interstice_region = (char *)p;
    interstice_region_size = bytes;
    return 1;
}

typedef struct {
    char *next;          // where the next block goes, in the current chunk
    char *end;           // the current chunk's end
    void *last;          // the most recent block, which can grow in place
    size_t last_size;
    void *first;         // the first block: the graph's Agclos_t, freed last by agclose
} interstice_arena_t;

// Reading a DOT file needs no layout, so no ordered memory: cgraph's dictionary hook
// (agdictobjmem) frees some blocks with libc free() when no graph is current, which is wrong
// for arena blocks (a heap corruption found by fuzzing, Fuzz/known-crashes/dot); with this set,
// graphs opened get plain calloc/free memory. Set and cleared inside the Graphviz gate.
static int interstice_arena_off = 0;
static inline void interstice_set_ordered_memory(int on) { interstice_arena_off = !on; }

static void interstice_region_full(void) {
    static const char line[] = "interstice: Graphviz's graph objects filled their memory region (out of memory: half the render memory limit)\n";
    ssize_t r = write(2, line, sizeof line - 1);
    (void)r;
}

// A chunk of at least n bytes above every chunk handed out so far; NULL when the region is full.
static char *interstice_chunk(size_t n, size_t *size) {
    size_t c = n > INTERSTICE_CHUNK ? (n + INTERSTICE_CHUNK - 1) & ~(INTERSTICE_CHUNK - 1) : INTERSTICE_CHUNK;
    if (c > interstice_region_size - interstice_region_top) { interstice_region_full(); return NULL; }
    char *p = interstice_region + interstice_region_top;   // never used since the last reset: zero
    interstice_region_top += c;
    *size = c;
    return p;
}

static void *interstice_mem_open(Agdisc_t *disc) {
    (void)disc;
    if (interstice_arena_off) return NULL;
    if (!interstice_region && (interstice_region_failed || !interstice_reserve_region((size_t)1 << 36))) return NULL;
    interstice_arena_t *a = (interstice_arena_t *)calloc(1, sizeof(interstice_arena_t));
    if (a) interstice_arenas_open += 1;
    return a;
}
static void *interstice_mem_alloc(void *state, size_t request) {
    interstice_arena_t *a = (interstice_arena_t *)state;
    if (!a) return calloc(1, request ? request : 1);
    if (request > SIZE_MAX / 2) return NULL;
    size_t n = (request + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    if (n > (size_t)(a->end - a->next)) {
        size_t size = 0;
        char *c = interstice_chunk(n, &size);
        if (!c) return NULL;
        a->next = c;
        a->end = c + size;
    }
    void *p = a->next;
    a->next += n;
    a->last = p;
    a->last_size = n;
    if (!a->first) a->first = p;
    return p;
}
static int interstice_mem_owns(void *ptr) {
    return interstice_region && (char *)ptr >= interstice_region && (char *)ptr < interstice_region + interstice_region_size;
}
static void *interstice_mem_resize(void *state, void *ptr, size_t oldsize, size_t request) {
    interstice_arena_t *a = (interstice_arena_t *)state;
    if (!a || (ptr && !interstice_mem_owns(ptr))) {   // not ours: a malloc block
        char *p = (char *)realloc(ptr, request);
        if (p && request > oldsize) memset(p + oldsize, 0, request - oldsize);
        return p;
    }
    if (!ptr) return interstice_mem_alloc(state, request);
    if (request <= oldsize) return ptr;
    if (request > SIZE_MAX / 2) return NULL;
    if (ptr == a->last) {
        size_t n = (request + 15) & ~(size_t)15;
        if (n > a->last_size && (size_t)(a->end - (char *)ptr) >= n) {
            a->next = (char *)ptr + n;
            a->last_size = n;
        }
        if (n <= a->last_size) {   // grown in place (or the rounding left room): zero the new part,
            memset((char *)ptr + oldsize, 0, request - oldsize);   // which an earlier shrink may have used
            return ptr;
        }
    }
    void *p = interstice_mem_alloc(state, request);
    if (p) memcpy(p, ptr, oldsize);
    return p;
}
static void interstice_mem_free(void *state, void *ptr) {
    interstice_arena_t *a = (interstice_arena_t *)state;
    if (!ptr) return;
    // Graphviz sometimes hands agfree a block that came from malloc (harmless with its
    // default discipline, where agfree is free): give those back to malloc.
    if (!a || !interstice_mem_owns(ptr)) { free(ptr); return; }
    if (ptr != a->first) return;   // other blocks are released with the arena
    free(a);                       // agclose's last free: the whole arena
    interstice_arenas_open -= 1;
    if (interstice_arenas_open == 0 && interstice_region_top > 0) {
        madvise(interstice_region, interstice_region_top, MADV_DONTNEED);   // zero again when touched
        interstice_region_top = 0;
    }
}

// Gives the heap's free pages back (the render worker, between renders).
static inline void interstice_trim_heap(void) { malloc_trim(0); }

static inline void interstice_install_ordered_memory(void) {
    AgMemDisc.open = interstice_mem_open;
    AgMemDisc.alloc = interstice_mem_alloc;
    AgMemDisc.resize = interstice_mem_resize;
    AgMemDisc.free = interstice_mem_free;
    AgMemDisc.close = NULL;
}
#endif
