#include "cxx_args.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

cxx_dialect cxx_dialect_of(strata_language language) {
  switch (language) {
  case STRATA_LANG_C:
    return CXX_DIALECT_C;
  case STRATA_LANG_CUDA:
  case STRATA_LANG_HIP:
    return CXX_DIALECT_CUDA;
  case STRATA_LANG_CPP:
  case STRATA_LANG_OBJCPP: // lexed as C++: '@' is one more punctuator
  case STRATA_LANG_PYTHON:
  case STRATA_LANG_COUNT:
    break;
  }
  return CXX_DIALECT_CPP;
}

static bool cxx_args__names_c_standard(const char *std) {
  if (strstr(std, "++"))
    return false;
  return strncmp(std, "c", 1) == 0 || strncmp(std, "gnu", 3) == 0;
}

const char *cxx_std_for(const strata_config *config, cxx_dialect dialect) {
  const char *std = config && config->cxx_std && *config->cxx_std ? config->cxx_std : "c++17";
  bool c_standard = cxx_args__names_c_standard(std);
  if (dialect == CXX_DIALECT_C) {
    if (c_standard)
      return std;
    return strncmp(std, "gnu", 3) == 0 ? "gnu11" : "c11";
  }
  return c_standard ? "c++17" : std;
}

static void cxx_args__add(cxx_args *args, char *item) {
  args->items = xrealloc(args->items, (args->count + 1) * sizeof(*args->items));
  args->items[args->count++] = item;
}

void cxx_args_build(cxx_args *args, const strata_config *config, cxx_dialect dialect) {
  args->items = NULL;
  args->count = 0;
  static const char *const language[CXX_DIALECT_COUNT] = {"c", "c++", "cuda"};
  cxx_args__add(args, xstrdup("-x"));
  cxx_args__add(args, xstrdup(language[dialect]));
  if (dialect == CXX_DIALECT_CUDA) {
    // Host-side only, and no toolkit: neither its headers, its device
    // libraries nor the detection of an installed one (a fixed missing path
    // makes the result the same on every machine).
    cxx_args__add(args, xstrdup("-nocudainc"));
    cxx_args__add(args, xstrdup("-nocudalib"));
    cxx_args__add(args, xstrdup("--cuda-host-only"));
    cxx_args__add(args, xstrdup("--cuda-path=/nonexistent/strata-no-cuda"));
  }
  cxx_args__add(args, xasprintf("-std=%s", cxx_std_for(config, dialect)));
  // Nothing is compiled, so any target will do: a small one saves the
  // registration of some thousand x86 builtins, 40% of every parse, and
  // pins the result regardless of the host.
  cxx_args__add(args, xstrdup("--target=bpf"));
  // Nothing is looked up and nothing evaluated: no system or builtin
  // headers, no predefined macros, no warnings to compute.
  cxx_args__add(args, xstrdup("-nostdinc"));
  cxx_args__add(args, xstrdup("-nobuiltininc"));
  cxx_args__add(args, xstrdup("-undef"));
  cxx_args__add(args, xstrdup("-w"));
  if (config)
    for (size_t i = 0; i < config->cxx_define_count; i++)
      cxx_args__add(args, xasprintf("-D%s", config->cxx_defines[i]));
}

void cxx_args_release(cxx_args *args) {
  for (size_t i = 0; i < args->count; i++)
    free(args->items[i]);
  free(args->items);
  args->items = NULL;
  args->count = 0;
}
