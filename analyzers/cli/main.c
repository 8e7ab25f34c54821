#include "cli.h"

#include <malloc.h>

int main(int argc, char **argv) {
  // strata is a short run that allocates and frees in waves (a tree per file,
  // a libclang parse per batch): keep freed memory in the heap for the next
  // wave, rather than give it back to the kernel and fault it in again. On
  // the benchmark tree this takes a third of the system time, for about 20 MB
  // more at the peak (docs/performance.md).
  mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  return cli_main(argc, argv);
}
