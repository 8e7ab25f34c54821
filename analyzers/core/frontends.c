#include "frontend.h"

#include <stddef.h>

extern const frontend python_frontend;
extern const frontend cxx_frontend;

const frontend *const strata_frontends[] = {
    &python_frontend,
    &cxx_frontend,
    NULL,
};

const frontend *frontend_for_path(const char *path, strata_language *language) {
  for (size_t i = 0; strata_frontends[i]; i++)
    if (strata_frontends[i]->claims(path, language))
      return strata_frontends[i];
  return NULL;
}
