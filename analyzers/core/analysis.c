#include "analysis.h"

#include "check.h"
#include "source.h"
#include "walk.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// Files are handed out by an atomic counter; each result lands in its own
// slot, so the merge order is the sorted walk order for any number of jobs.
typedef struct extraction {
  const char *root;
  const strata_config *config;
  const walk_result *files;
  file_facts **facts; // one slot per file
  atomic_size_t next;
} extraction;

// Adds the notices of a file that could not be (fully) read, and returns
// whether its bytes can go to a front end.
static bool analysis__vet(source_status status, const source_buffer *buffer,
                          const strata_config *config, file_facts *facts) {
  switch (status) {
  case SOURCE_UNREADABLE:
    file_facts_add_notice(facts, 0, 0, "cannot read: %s", strerror(buffer->errno_value));
    return false;
  case SOURCE_TOO_LARGE:
    file_facts_add_notice(facts, 0, 0, "skipped: %zu bytes is more than max_file_bytes (%zu)",
                          buffer->length, config->max_file_bytes);
    return false;
  case SOURCE_BINARY:
    file_facts_add_notice(facts, 0, 0, "skipped: binary file (it holds a NUL byte)");
    return false;
  case SOURCE_OK:
    break;
  }
  if (buffer->first_invalid_utf8 != SIZE_MAX) {
    size_t offset = buffer->first_invalid_utf8;
    size_t line_start = offset;
    while (line_start > 0 && buffer->bytes[line_start - 1] != '\n')
      line_start--;
    file_facts_add_notice(facts, source_line_of(buffer->bytes, offset),
                          source_column(buffer->bytes, line_start, offset),
                          "not valid UTF-8 (first bad byte here); read as is");
  }
  return true;
}

static void *analysis__worker(void *argument) {
  extraction *self = argument;
  // One parser per front end per thread, made when first needed.
  frontend_worker *workers[8] = {0};
  bool failed[8] = {0};
  for (;;) {
    size_t index = atomic_fetch_add(&self->next, 1);
    if (index >= self->files->count)
      break;
    const walk_file *file = &self->files->files[index];
    file_facts *facts = file_facts_new();
    self->facts[index] = facts;
    size_t slot = 0;
    while (strata_frontends[slot] && strata_frontends[slot] != file->frontend)
      slot++;
    if (!workers[slot] && !failed[slot]) {
      workers[slot] = file->frontend->worker_new(self->config);
      failed[slot] = workers[slot] == NULL;
    }
    if (!workers[slot]) {
      file_facts_add_notice(facts, 0, 0, "skipped: the %s front end could not start",
                            file->frontend->name);
      continue;
    }
    char *absolute = xasprintf("%s/%s", self->root, file->path);
    source_buffer buffer;
    source_status status = source_read(absolute, self->config->max_file_bytes, &buffer);
    if (analysis__vet(status, &buffer, self->config, facts)) {
      source_text source = {file->path,   absolute,      file->language,
                            buffer.bytes, buffer.length, buffer.first_invalid_utf8 == SIZE_MAX};
      file->frontend->extract(workers[slot], &source, facts);
    }
    source_buffer_release(&buffer);
    free(absolute);
  }
  for (size_t slot = 0; strata_frontends[slot]; slot++)
    if (workers[slot])
      strata_frontends[slot]->worker_delete(workers[slot]);
  return NULL;
}

static void analysis__extract_all(extraction *work, unsigned jobs) {
  if (jobs == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cores > 0 ? (unsigned)cores : 1;
  }
  if (jobs > work->files->count)
    jobs = work->files->count ? (unsigned)work->files->count : 1;
  if (jobs > 64)
    jobs = 64;
  pthread_t threads[64];
  unsigned started = 0;
  for (unsigned i = 1; i < jobs; i++) {
    if (pthread_create(&threads[started], NULL, analysis__worker, work) != 0)
      break; // fewer threads is slower, not wrong
    started++;
  }
  analysis__worker(work);
  for (unsigned i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
}

analysis *analysis_run(const char *root, const strata_config *config,
                       const analysis_options *options, char **error) {
  char resolved[PATH_MAX];
  if (!realpath(root, resolved)) {
    *error = xasprintf("cannot analyze '%s': %s", root, strerror(errno));
    return NULL;
  }
  struct stat info;
  if (stat(resolved, &info) != 0 || !S_ISDIR(info.st_mode)) {
    *error = xasprintf("cannot analyze '%s': not a folder", root);
    return NULL;
  }
  analysis *self = xcalloc(1, sizeof(analysis));
  self->root = xstrdup(resolved);
  self->notices = notice_list_new();
  self->findings = finding_list_new();
  self->graph = graph_new();

  walk_result files;
  walk_tree(self->root, config, self->notices, &files);
  extraction work = {self->root, config, &files, xcalloc(files.count + 1, sizeof(file_facts *)), 0};
  analysis__extract_all(&work, options->jobs);
  for (size_t i = 0; i < files.count; i++) {
    file_facts *facts = work.facts[i];
    for (size_t n = 0; n < facts->notice_count; n++)
      notice_list_add(self->notices, files.files[i].path, facts->notices[n].line,
                      facts->notices[n].column, facts->notices[n].message);
    graph_add_file(self->graph, files.files[i].path, files.files[i].language, facts);
  }
  self->files_analyzed = files.count;
  free(work.facts);
  walk_result_release(&files);

  graph_build(self->graph, config, self->notices);
  if (options->run_checks)
    checks_run_all(self->graph, config, self->findings);
  notice_list_sort(self->notices);
  return self;
}

void analysis_delete(analysis *self) {
  if (!self)
    return;
  free(self->root);
  graph_delete(self->graph);
  notice_list_delete(self->notices);
  finding_list_delete(self->findings);
  free(self);
}
