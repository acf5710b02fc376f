#ifndef INTERSTICE_CPREFETCH_H
#define INTERSTICE_CPREFETCH_H

/// Software prefetch for the diffusion engine's random-access loops (Swift has no prefetch
/// intrinsic; this is the one thing here that C gives and no package does). A hint only: it
/// never faults and changes no result.
static inline __attribute__((always_inline)) void interstice_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
