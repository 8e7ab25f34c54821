#define CLANG_LIBRARY_NO_CALLS
#include "clang_library.h"

#include "xalloc.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The library the build linked against (CMake's STRATA_LIBCLANG), then its
// soname for a library moved since: the loader's own search finds that.
#ifndef STRATA_LIBCLANG
#define STRATA_LIBCLANG "libclang-19.so.19"
#endif
#ifndef STRATA_LIBCLANG_SONAME
#define STRATA_LIBCLANG_SONAME "libclang-19.so.19"
#endif

// Process-wide by nature (dlopen's handle is): written once under
// pthread_once, read-only after.
static pthread_once_t clang_library__once = PTHREAD_ONCE_INIT;
static clang_library clang_library__table;
static const clang_library *clang_library__loaded;
static char *clang_library__error;

static void clang_library__load(void) {
  void *handle = dlopen(STRATA_LIBCLANG, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    handle = dlopen(STRATA_LIBCLANG_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *why = dlerror();
    clang_library__error =
        xasprintf("cannot load libclang (%s): %s", STRATA_LIBCLANG, why ? why : "unknown error");
    return;
  }
  // POSIX lets a void * from dlsym become a function pointer; ISO C does
  // not say, hence the copy through memory rather than a cast.
#define CLANG_LIBRARY_BIND(name)                                                                   \
  do {                                                                                             \
    void *symbol = dlsym(handle, #name);                                                           \
    if (!symbol) {                                                                                 \
      clang_library__error = xasprintf("libclang (%s) lacks %s", STRATA_LIBCLANG, #name);          \
      return;                                                                                      \
    }                                                                                              \
    memcpy(&clang_library__table.name, &symbol, sizeof(symbol));                                   \
  } while (0);
  CLANG_LIBRARY_FUNCTIONS(CLANG_LIBRARY_BIND)
#undef CLANG_LIBRARY_BIND
  clang_library__loaded = &clang_library__table;
}

const clang_library *clang_library_load(char **error) {
  pthread_once(&clang_library__once, clang_library__load);
  if (!clang_library__loaded && error)
    *error = xstrdup(clang_library__error);
  return clang_library__loaded;
}

const clang_library *clang_library_require(void) {
  pthread_once(&clang_library__once, clang_library__load);
  if (!clang_library__loaded) {
    fprintf(stderr, "strata: %s\n", clang_library__error);
    exit(2);
  }
  return clang_library__loaded;
}
