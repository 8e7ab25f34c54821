#include "facts.h"

#include "dotted_name.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *strata_language_name(strata_language language) {
  switch (language) {
  case STRATA_LANG_PYTHON:
    return "python";
  case STRATA_LANG_C:
    return "c";
  case STRATA_LANG_CPP:
    return "cpp";
  case STRATA_LANG_CUDA:
    return "cuda";
  case STRATA_LANG_OBJCPP:
    return "objcpp";
  case STRATA_LANG_HIP:
    return "hip";
  case STRATA_LANG_COUNT:
    break;
  }
  return "unknown";
}

bool strata_language_from_name(const char *name, strata_language *language) {
  for (int i = 0; i < STRATA_LANG_COUNT; i++) {
    if (strcmp(name, strata_language_name((strata_language)i)) == 0) {
      *language = (strata_language)i;
      return true;
    }
  }
  return false;
}

const char *fact_scope_name(fact_scope scope) {
  switch (scope) {
  case FACT_SCOPE_MODULE:
    return "module";
  case FACT_SCOPE_FUNCTION:
    return "function";
  case FACT_SCOPE_TYPE_CHECKING:
    return "type_checking";
  }
  return "unknown";
}

const char *fact_dep_kind_name(fact_dep_kind kind) {
  switch (kind) {
  case FACT_DEP_IMPORT:
    return "import";
  case FACT_DEP_INCLUDE:
    return "include";
  case FACT_DEP_CXX_IMPORT:
    return "cxx_import";
  case FACT_DEP_OP:
    return "op";
  case FACT_DEP_BINDING:
    return "binding";
  }
  return "unknown";
}

const char *fact_bridge_kind_name(fact_bridge_kind kind) {
  switch (kind) {
  case FACT_BRIDGE_MODULE:
    return "module";
  case FACT_BRIDGE_SUBMODULE:
    return "submodule";
  case FACT_BRIDGE_LIBRARY:
    return "library";
  case FACT_BRIDGE_FRAGMENT:
    return "fragment";
  case FACT_BRIDGE_IMPL:
    return "impl";
  case FACT_BRIDGE_OP:
    return "op";
  }
  return "unknown";
}

file_facts *file_facts_new(void) {
  return xcalloc(1, sizeof(file_facts));
}

// Whether fact i of array owns its field: it does unless the fact before it
// shares the string (see file_facts in facts.h).
#define FACTS__OWNS(array, i, field) ((i) == 0 || (array)[(i)-1].field != (array)[i].field)

void file_facts_delete(file_facts *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->dependency_count; i++) {
    fact_dependency *dependency = &self->dependencies[i];
    free(dependency->target);
    for (uint32_t n = 0; n < dependency->name_count; n++)
      free(dependency->names[n]);
    free(dependency->names);
    if (FACTS__OWNS(self->dependencies, i, statement))
      free(dependency->statement);
    if (FACTS__OWNS(self->dependencies, i, condition))
      free(dependency->condition);
  }
  free(self->dependencies);
  for (size_t i = 0; i < self->deprecation_count; i++) {
    free(self->deprecations[i].kind);
    free(self->deprecations[i].message);
    if (FACTS__OWNS(self->deprecations, i, comments))
      free(self->deprecations[i].comments);
    if (FACTS__OWNS(self->deprecations, i, statement))
      free(self->deprecations[i].statement);
  }
  free(self->deprecations);
  for (size_t i = 0; i < self->suppression_count; i++) {
    for (uint32_t r = 0; r < self->suppressions[i].rule_count; r++)
      free(self->suppressions[i].rules[r]);
    free(self->suppressions[i].rules);
    free(self->suppressions[i].reason);
  }
  free(self->suppressions);
  for (size_t i = 0; i < self->notice_count; i++)
    free(self->notices[i].message);
  free(self->notices);
  for (size_t i = 0; i < self->bridge_count; i++) {
    free(self->bridges[i].name);
    free(self->bridges[i].parent);
  }
  free(self->bridges);
  free(self);
}

fact_dependency *file_facts_add_dependency(file_facts *self) {
  XGROW(self->dependencies, self->dependency_capacity, self->dependency_count + 1);
  fact_dependency *dependency = &self->dependencies[self->dependency_count++];
  memset(dependency, 0, sizeof(*dependency));
  return dependency;
}

void fact_dependency_add_name(fact_dependency *dependency, const char *name, size_t length) {
  dependency->names =
      xrealloc(dependency->names, (dependency->name_count + 1) * sizeof(*dependency->names));
  dependency->names[dependency->name_count++] = xstrndup(name, length);
}

fact_deprecation *file_facts_add_deprecation(file_facts *self) {
  XGROW(self->deprecations, self->deprecation_capacity, self->deprecation_count + 1);
  fact_deprecation *deprecation = &self->deprecations[self->deprecation_count++];
  memset(deprecation, 0, sizeof(*deprecation));
  return deprecation;
}

fact_suppression *file_facts_add_suppression(file_facts *self) {
  XGROW(self->suppressions, self->suppression_capacity, self->suppression_count + 1);
  fact_suppression *suppression = &self->suppressions[self->suppression_count++];
  memset(suppression, 0, sizeof(*suppression));
  return suppression;
}

fact_bridge *file_facts_add_bridge(file_facts *self) {
  XGROW(self->bridges, self->bridge_capacity, self->bridge_count + 1);
  fact_bridge *bridge = &self->bridges[self->bridge_count++];
  memset(bridge, 0, sizeof(*bridge));
  return bridge;
}

void fact_suppression_add_rule(fact_suppression *suppression, const char *rule, size_t length) {
  suppression->rules =
      xrealloc(suppression->rules, (suppression->rule_count + 1) * sizeof(*suppression->rules));
  suppression->rules[suppression->rule_count++] = xstrndup(rule, length);
}

void file_facts_add_notice(file_facts *self, uint32_t line, uint32_t column, const char *format,
                           ...) {
  va_list args;
  va_start(args, format);
  char *message = xvasprintf(format, args);
  va_end(args);
  XGROW(self->notices, self->notice_capacity, self->notice_count + 1);
  fact_notice *notice = &self->notices[self->notice_count++];
  notice->line = line;
  notice->column = column;
  notice->message = message;
}

// ---------------------------------------------------------------------------
// What a front end can make (file_facts_check)

// A Python dotted name as the import walk keeps it: parts of identifier
// characters (any byte of a UTF-8 sequence too), joined by single dots. A
// decoded fact may hold no text at all: that is no name either.
static bool facts__dotted_name(const char *text) {
  return dotted_name_valid(text, DOTTED_NAME_DOTS | DOTTED_NAME_UNICODE);
}

static bool facts__filled(const char *text) {
  return text && text[0];
}

#define FACTS__CHECK(condition, text)                                                              \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      *problem = (text);                                                                           \
      return false;                                                                                \
    }                                                                                              \
  } while (0)

// A torch.ops namespace or op name: identifier characters, not empty.
static bool facts__identifier(const char *text) {
  if (!facts__filled(text))
    return false;
  for (const unsigned char *at = (const unsigned char *)text; *at; at++)
    if (!((*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') || *at == '_' ||
          (*at >= '0' && *at <= '9')))
      return false;
  return true;
}

// A C++ import or a torch.ops use: a name, one op at most, no import form.
static bool facts__bridge_use_ok(const fact_dependency *self, const char **problem) {
  FACTS__CHECK(!self->angled && !self->computed && !self->condition && !self->is_from &&
                   self->level == 0,
               "a bridge use with an import's or include's form");
  if (self->kind == FACT_DEP_CXX_IMPORT) {
    FACTS__CHECK(self->name_count == 0 && facts__dotted_name(self->target),
                 "a C++ import of no dotted name");
    return true;
  }
  FACTS__CHECK(facts__identifier(self->target), "a torch.ops use of no namespace");
  FACTS__CHECK(self->name_count <= 1, "a torch.ops use of more than one op");
  FACTS__CHECK(self->name_count == 0 || facts__identifier(self->names[0]),
               "a torch.ops use of no op name");
  return true;
}

static bool facts__dependency_ok(const fact_dependency *self, const char **problem) {
  FACTS__CHECK(self->kind == FACT_DEP_IMPORT || self->kind == FACT_DEP_INCLUDE ||
                   self->kind == FACT_DEP_CXX_IMPORT || self->kind == FACT_DEP_OP,
               "a dependency of an unknown kind");
  FACTS__CHECK(self->scope == FACT_SCOPE_MODULE || self->scope == FACT_SCOPE_FUNCTION ||
                   self->scope == FACT_SCOPE_TYPE_CHECKING,
               "a dependency of an unknown scope");
  FACTS__CHECK(self->line >= 1 && self->column >= 1, "a dependency at line or column 0");
  FACTS__CHECK(self->end_line == 0 ||
                   (self->end_line > self->line ||
                    (self->end_line == self->line && self->end_column > self->column)),
               "a dependency that ends before it begins");
  FACTS__CHECK(self->target != NULL, "a dependency without a target");
  FACTS__CHECK(facts__filled(self->statement), "a dependency without a statement");
  for (uint32_t i = 0; i < self->name_count; i++)
    FACTS__CHECK(self->names && facts__filled(self->names[i]), "an imported name that is empty");
  if (self->kind == FACT_DEP_CXX_IMPORT || self->kind == FACT_DEP_OP)
    return facts__bridge_use_ok(self, problem);
  if (self->kind == FACT_DEP_INCLUDE) {
    FACTS__CHECK(self->scope == FACT_SCOPE_MODULE, "an include that is not module-scoped");
    FACTS__CHECK(self->level == 0 && !self->is_from && self->name_count == 0,
                 "an include with an import's level, 'from' or names");
    FACTS__CHECK(!(self->computed && self->angled), "a computed include that is angled");
    FACTS__CHECK(!self->condition || self->condition[0], "an include with an empty condition");
    return true;
  }
  FACTS__CHECK(!self->angled && !self->computed && !self->condition,
               "an import with an include's angled, computed or condition");
  // Each level is a dot of the statement: a level is never longer than it.
  FACTS__CHECK(self->level <= strlen(self->statement), "an import level beyond its statement");
  if (!self->is_from)
    FACTS__CHECK(self->level == 0 && self->name_count == 0,
                 "an import without 'from' that has a level or names");
  if (self->target[0])
    FACTS__CHECK(facts__dotted_name(self->target), "an import target that is no dotted name");
  else
    FACTS__CHECK(self->is_from && self->level > 0, "an import without a target");
  for (uint32_t i = 0; i < self->name_count; i++)
    FACTS__CHECK(strcmp(self->names[i], "*") == 0 || facts__dotted_name(self->names[i]),
                 "an imported name that is no dotted name");
  return true;
}

static bool facts__deprecation_ok(const fact_deprecation *self, const char **problem) {
  FACTS__CHECK(self->line >= 1 && self->column >= 1, "a deprecation at line or column 0");
  FACTS__CHECK(facts__filled(self->kind), "a deprecation without a kind");
  FACTS__CHECK(self->statement != NULL, "a deprecation without a statement");
  // message and comments: any text, or NULL (not known, none).
  return true;
}

static bool facts__suppression_ok(const fact_suppression *self, const char **problem) {
  FACTS__CHECK(self->line >= 1 && self->column >= 1, "a suppression at line or column 0");
  for (uint32_t i = 0; i < self->rule_count; i++)
    FACTS__CHECK(self->rules && facts__filled(self->rules[i]), "a suppressed rule that is empty");
  FACTS__CHECK(!self->reason || self->reason[0], "a suppression with an empty reason");
  return true;
}

static bool facts__notice_ok(const fact_notice *self, const char **problem) {
  FACTS__CHECK(self->line > 0 || self->column == 0, "a notice with a column but no line");
  FACTS__CHECK(facts__filled(self->message), "a notice without a message");
  return true;
}

static bool facts__bridge_ok(const fact_bridge *self, const char **problem) {
  FACTS__CHECK(self->line >= 1 && self->column >= 1, "a bridge fact at line or column 0");
  FACTS__CHECK(self->scope == FACT_SCOPE_MODULE || self->scope == FACT_SCOPE_FUNCTION ||
                   self->scope == FACT_SCOPE_TYPE_CHECKING,
               "a bridge fact of an unknown scope");
  switch (self->kind) {
  case FACT_BRIDGE_MODULE:
    FACTS__CHECK(facts__dotted_name(self->name) && !self->parent,
                 "an extension module of no dotted name");
    return true;
  case FACT_BRIDGE_SUBMODULE:
    FACTS__CHECK(facts__dotted_name(self->name) &&
                     (!self->parent || facts__dotted_name(self->parent)),
                 "a submodule of no dotted name");
    return true;
  case FACT_BRIDGE_LIBRARY:
  case FACT_BRIDGE_FRAGMENT:
  case FACT_BRIDGE_IMPL:
    FACTS__CHECK(facts__identifier(self->name) && !self->parent,
                 "a torch.ops namespace of no name");
    return true;
  case FACT_BRIDGE_OP:
    FACTS__CHECK(facts__identifier(self->name) && facts__identifier(self->parent),
                 "a torch.ops op of no name or namespace");
    return true;
  }
  FACTS__CHECK(false, "a bridge fact of an unknown kind");
  return false;
}

#undef FACTS__CHECK

bool file_facts_check(const file_facts *self, const char **problem) {
  const char *ignored;
  if (!problem)
    problem = &ignored;
  for (size_t i = 0; i < self->dependency_count; i++)
    if (!facts__dependency_ok(&self->dependencies[i], problem))
      return false;
  for (size_t i = 0; i < self->deprecation_count; i++)
    if (!facts__deprecation_ok(&self->deprecations[i], problem))
      return false;
  for (size_t i = 0; i < self->suppression_count; i++)
    if (!facts__suppression_ok(&self->suppressions[i], problem))
      return false;
  for (size_t i = 0; i < self->notice_count; i++)
    if (!facts__notice_ok(&self->notices[i], problem))
      return false;
  for (size_t i = 0; i < self->bridge_count; i++)
    if (!facts__bridge_ok(&self->bridges[i], problem))
      return false;
  return true;
}
