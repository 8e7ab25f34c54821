#include "cxx_macros.h"

#include "strmap.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Macros naming macros: deep enough for real code, short of any loop.
#define CXX_MACROS__MAX_DEPTH 16

typedef struct cxx_macro {
  char *name;
  char *replacement; // NULL for a function-like macro
  bool defined;      // false after #undef
} cxx_macro;

struct cxx_macros {
  const cxx_macros *parent;
  strmap *index; // name -> slot in macros; keys are the macros' own names
  cxx_macro *macros;
  size_t count;
  size_t capacity;
};

cxx_macros *cxx_macros_new(const cxx_macros *parent) {
  cxx_macros *self = xcalloc(1, sizeof(cxx_macros));
  self->parent = parent;
  self->index = strmap_new();
  return self;
}

void cxx_macros_delete(cxx_macros *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->count; i++) {
    free(self->macros[i].name);
    free(self->macros[i].replacement);
  }
  free(self->macros);
  strmap_delete(self->index);
  free(self);
}

static cxx_macro *cxx_macros__slot(cxx_macros *self, const char *name, size_t name_length) {
  uint32_t slot = 0;
  if (strmap_get(self->index, name, name_length, &slot))
    return &self->macros[slot];
  XGROW(self->macros, self->capacity, self->count + 1);
  cxx_macro *macro = &self->macros[self->count];
  memset(macro, 0, sizeof(*macro));
  macro->name = xstrndup(name, name_length);
  strmap_put(self->index, macro->name, name_length, (uint32_t)self->count);
  self->count++;
  return macro;
}

void cxx_macros_define(cxx_macros *self, const char *name, size_t name_length,
                       const char *replacement, size_t replacement_length) {
  cxx_macro *macro = cxx_macros__slot(self, name, name_length);
  free(macro->replacement);
  macro->replacement = replacement ? xstrndup(replacement, replacement_length) : NULL;
  macro->defined = true;
}

void cxx_macros_undefine(cxx_macros *self, const char *name, size_t name_length) {
  cxx_macro *macro = cxx_macros__slot(self, name, name_length);
  free(macro->replacement);
  macro->replacement = NULL;
  macro->defined = false;
}

void cxx_macros_define_option(cxx_macros *self, const char *option) {
  const char *equals = strchr(option, '=');
  if (!equals) {
    cxx_macros_define(self, option, strlen(option), "1", 1);
    return;
  }
  const char *value = equals + 1;
  size_t length = strlen(value);
  while (length > 0 && (value[0] == ' ' || value[0] == '\t'))
    value++, length--;
  while (length > 0 && (value[length - 1] == ' ' || value[length - 1] == '\t'))
    length--;
  cxx_macros_define(self, option, (size_t)(equals - option), value, length);
}

// The macro name stands for in self or its parents; NULL when undefined.
static const cxx_macro *cxx_macros__lookup(const cxx_macros *self, const char *name,
                                           size_t name_length) {
  for (const cxx_macros *table = self; table; table = table->parent) {
    uint32_t slot = 0;
    if (strmap_get(table->index, name, name_length, &slot)) {
      const cxx_macro *macro = &table->macros[slot];
      return macro->defined ? macro : NULL;
    }
  }
  return NULL;
}

static bool cxx_macros__is_identifier(const char *text) {
  if (!(text[0] == '_' || (text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z')))
    return false;
  for (const char *c = text + 1; *c; c++)
    if (!(*c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
          (*c >= '0' && *c <= '9')))
      return false;
  return true;
}

bool cxx_macros_expand_header(const cxx_macros *self, const char *name, size_t name_length,
                              char **target, bool *angled) {
  const cxx_macro *macro = cxx_macros__lookup(self, name, name_length);
  for (int depth = 0; macro && macro->replacement && depth < CXX_MACROS__MAX_DEPTH; depth++) {
    const char *text = macro->replacement;
    size_t length = strlen(text);
    if (length >= 2 && text[0] == '"' && text[length - 1] == '"' &&
        !memchr(text + 1, '"', length - 2)) {
      *target = xstrndup(text + 1, length - 2);
      *angled = false;
      return true;
    }
    if (length >= 2 && text[0] == '<' && text[length - 1] == '>') {
      *target = xstrndup(text + 1, length - 2);
      *angled = true;
      return true;
    }
    if (!cxx_macros__is_identifier(text))
      return false;
    macro = cxx_macros__lookup(self, text, length);
  }
  return false;
}
