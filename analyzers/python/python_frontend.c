// Placeholder until the tree-sitter front end lands.
#include "frontend.h"

#include <string.h>

static bool python__claims(const char *path, strata_language *language) {
  size_t length = strlen(path);
  if (length < 3 || strcmp(path + length - 3, ".py") != 0)
    return false;
  *language = STRATA_LANG_PYTHON;
  return true;
}

static frontend_worker *python__worker_new(const strata_config *config) {
  (void)config;
  return (frontend_worker *)1;
}

static void python__worker_delete(frontend_worker *worker) {
  (void)worker;
}

static bool python__extract(frontend_worker *worker, const source_text *source, file_facts *facts) {
  (void)worker;
  (void)source;
  file_facts_add_notice(facts, 0, 0, "not yet: the python front end is not built");
  return false;
}

const frontend python_frontend = {"python", python__claims, python__worker_new,
                                  python__worker_delete, python__extract};
