#ifndef HASHSWEEP_CZLIB_SHIM_H
#define HASHSWEEP_CZLIB_SHIM_H
// zlib (Debian: zlib1g-dev), used to read gzip-compressed dataset files.
#include <zlib.h>
#endif
