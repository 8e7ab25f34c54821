#include "cli.h"

#include <stdlib.h> // on glibc, defines __GLIBC__
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char **argv) {
#if defined(__GLIBC__)
  // strata is a short run that allocates and frees in waves (a tree per file,
  // a libclang parse per batch): keep freed memory in the heap for the next
  // wave, rather than give it back to the kernel and fault it in again. On
  // the benchmark tree this takes a third of the system time, for about 20 MB
  // more at the peak (docs/performance.md). mallopt and its thresholds are
  // glibc's; other C libraries keep their own policy.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
  return cli_main(argc, argv);
}
