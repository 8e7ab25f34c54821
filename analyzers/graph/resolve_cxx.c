// Placeholder until the libclang front end lands: every include is unresolved.
#include "graph.h"

void resolve_cxx(graph *self, const strata_config *config, notice_list *notices) {
  (void)config;
  (void)notices;
  for (size_t i = 0; i < self->file_count; i++) {
    const graph_file *file = &self->files[i];
    if (file->language == STRATA_LANG_PYTHON)
      continue;
    for (size_t d = 0; d < file->facts->dependency_count; d++) {
      const fact_dependency *dependency = &file->facts->dependencies[d];
      graph_add_unresolved(self, (uint32_t)i, dependency->target, dependency->line,
                           dependency->column, dependency);
    }
  }
}
