// Placeholder until the libclang front end lands.
#include "frontend.h"

#include <string.h>

static bool cxx__claims(const char *path, strata_language *language) {
  size_t length = strlen(path);
  if (length < 2 || strcmp(path + length - 2, ".h") != 0)
    return false;
  *language = STRATA_LANG_CPP;
  return true;
}

static frontend_worker *cxx__worker_new(const strata_config *config) {
  (void)config;
  return (frontend_worker *)1;
}

static void cxx__worker_delete(frontend_worker *worker) {
  (void)worker;
}

static bool cxx__extract(frontend_worker *worker, const source_text *source, file_facts *facts) {
  (void)worker;
  (void)source;
  file_facts_add_notice(facts, 0, 0, "not yet: the cxx front end is not built");
  return false;
}

const frontend cxx_frontend = {"cxx", cxx__claims, cxx__worker_new, cxx__worker_delete,
                               cxx__extract};
