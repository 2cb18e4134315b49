#ifndef HASHSWEEP_CBLAS_SHIM_H
#define HASHSWEEP_CBLAS_SHIM_H
// OpenBLAS' CBLAS interface (Debian: libopenblas-dev), plus its thread controls.
#include <cblas.h>
#endif
