#include "facts.h"

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

file_facts *file_facts_new(void) {
  return xcalloc(1, sizeof(file_facts));
}

void file_facts_delete(file_facts *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->dependency_count; i++) {
    fact_dependency *dependency = &self->dependencies[i];
    free(dependency->target);
    for (uint32_t n = 0; n < dependency->name_count; n++)
      free(dependency->names[n]);
    free(dependency->names);
    free(dependency->statement);
    free(dependency->condition);
  }
  free(self->dependencies);
  for (size_t i = 0; i < self->deprecation_count; i++) {
    free(self->deprecations[i].kind);
    free(self->deprecations[i].message);
    free(self->deprecations[i].comments);
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
