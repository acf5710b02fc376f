// SwiftPM needs one source file in a C target; everything is inline in include/CPrefetch.h.
#include "CPrefetch.h"
