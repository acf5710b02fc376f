#ifndef INTERSTICE_CZLIB_SHIM_H
#define INTERSTICE_CZLIB_SHIM_H
#include <zlib.h>
#endif
