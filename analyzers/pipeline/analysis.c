#include "analysis.h"

#include "adoption.h"
#include "check.h"
#include "exact_run.h"
#include "cpu_count.h"
#include "fact_cache.h"
#include "facts_codec.h"
#include "rule_scope.h"
#include "source.h"
#include "version.h"
#include "walk.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

// Files are handed out by an atomic counter; each result lands in its own
// slot, so the merge order is the sorted walk order for any number of jobs.
typedef struct extraction {
  const char *root;
  const strata_config *config;
  const walk_result *files;
  file_facts **facts;         // one slot per file
  const fact_cache *cache;    // NULL without a cache
  fact_cache_record *records; // one slot per file, with a cache
  atomic_size_t next;
  atomic_size_t parsed;
  atomic_size_t done;
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

// A file read and vetted, on its way to a front end.
typedef struct analysis_pending {
  size_t index;
  const walk_file *file;
  char *absolute;
  source_buffer buffer;
} analysis_pending;

// Records what a front end found (or the notices of a file it never saw) for
// the next run's cache, and lets go of the file's bytes.
static void analysis__finish(extraction *self, analysis_pending *pending, bool readable) {
  file_facts *facts = self->facts[pending->index];
  fact_cache_record *record = self->records ? &self->records[pending->index] : NULL;
  source_buffer_release(&pending->buffer);
  free(pending->absolute);
  pending->absolute = NULL;
  // What could not be read may read next time: only readable files are kept.
  if (record && readable) {
    strbuf encoded;
    strbuf_init(&encoded);
    facts_encode(facts, &encoded);
    record->payload_length = encoded.length;
    record->owned_payload = strbuf_detach(&encoded);
    record->payload = record->owned_payload;
    record->valid = true;
  }
}

// Facts of one file from the cache when its stamp or its bytes are known, or
// the notices of a file no front end can take: then true, and the file is
// done. Else false, and *pending holds the file's bytes for its front end.
// Takes absolute.
static bool analysis__prepare(extraction *self, size_t index, const walk_file *file, char *absolute,
                              analysis_pending *pending) {
  *pending = (analysis_pending){.index = index, .file = file, .absolute = absolute};
  fact_cache_record *record = self->records ? &self->records[index] : NULL;
  struct stat info;
  if (record && stat(absolute, &info) == 0) {
    record->stamp = fact_cache_stamp_of(&info);
    file_facts *cached = fact_cache_find_by_stamp(self->cache, file->path, &record->stamp, record);
    if (cached) {
      file_facts_delete(self->facts[index]);
      self->facts[index] = cached;
      free(absolute);
      return true;
    }
  }
  source_status status = source_read(absolute, self->config->max_file_bytes, &pending->buffer);
  bool readable = status == SOURCE_OK || status == SOURCE_BINARY;
  if (record && readable) {
    record->hash = fact_cache_hash_bytes(pending->buffer.bytes, pending->buffer.length);
    file_facts *cached = fact_cache_find_by_hash(self->cache, &record->hash, record);
    if (cached) {
      file_facts_delete(self->facts[index]);
      self->facts[index] = cached;
      source_buffer_release(&pending->buffer);
      free(absolute);
      return true;
    }
  }
  if (analysis__vet(status, &pending->buffer, self->config, self->facts[index]))
    return false;
  analysis__finish(self, pending, readable);
  return true;
}

static source_text analysis__source(const analysis_pending *pending) {
  const source_buffer *buffer = &pending->buffer;
  return (source_text){pending->file->path,     pending->absolute,
                       pending->file->language, buffer->bytes,
                       buffer->length,          buffer->first_invalid_utf8 == SIZE_MAX};
}

// Files waiting for a front end that takes them in batches (frontend.h).
enum { ANALYSIS_BATCH = 32 };
typedef struct analysis_batch {
  analysis_pending files[ANALYSIS_BATCH];
  size_t count;
} analysis_batch;

static void analysis__flush(extraction *self, const frontend *front, frontend_worker *worker,
                            analysis_batch *batch) {
  if (batch->count == 0)
    return;
  source_text sources[ANALYSIS_BATCH];
  file_facts *facts[ANALYSIS_BATCH];
  bool ok[ANALYSIS_BATCH];
  for (size_t i = 0; i < batch->count; i++) {
    sources[i] = analysis__source(&batch->files[i]);
    facts[i] = self->facts[batch->files[i].index];
  }
  front->extract_batch(worker, sources, facts, ok, batch->count);
  for (size_t i = 0; i < batch->count; i++) {
    atomic_fetch_add(&self->parsed, 1);
    analysis__finish(self, &batch->files[i], true);
    atomic_fetch_add(&self->done, 1);
  }
  batch->count = 0;
}

static void *analysis__worker(void *argument) {
  extraction *self = argument;
  // One parser per front end per thread, made when first needed, and the
  // files waiting for each front end that takes batches.
  frontend_worker *workers[8] = {0};
  bool failed[8] = {0};
  analysis_batch *batches[8] = {0};
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
    analysis_pending pending;
    if (analysis__prepare(self, index, file, xasprintf("%s/%s", self->root, file->path),
                          &pending)) {
      atomic_fetch_add(&self->done, 1);
      continue;
    }
    // The parser is made at the first file the cache does not hold: a warm
    // run never starts one (nor loads libclang, cxx/clang_library.h).
    if (!workers[slot] && !failed[slot]) {
      workers[slot] = file->frontend->worker_new(self->config);
      failed[slot] = workers[slot] == NULL;
    }
    if (!workers[slot]) {
      file_facts_add_notice(facts, 0, 0, "skipped: the %s front end could not start",
                            file->frontend->name);
      analysis__finish(self, &pending, false);
      atomic_fetch_add(&self->done, 1);
      continue;
    }
    if (file->frontend->extract_batch) {
      if (!batches[slot])
        batches[slot] = xcalloc(1, sizeof(analysis_batch));
      batches[slot]->files[batches[slot]->count++] = pending;
      if (batches[slot]->count == ANALYSIS_BATCH)
        analysis__flush(self, file->frontend, workers[slot], batches[slot]);
      continue;
    }
    source_text source = analysis__source(&pending);
    file->frontend->extract(workers[slot], &source, facts);
    atomic_fetch_add(&self->parsed, 1);
    analysis__finish(self, &pending, true);
    atomic_fetch_add(&self->done, 1);
  }
  for (size_t slot = 0; strata_frontends[slot]; slot++) {
    if (batches[slot])
      analysis__flush(self, strata_frontends[slot], workers[slot], batches[slot]);
    free(batches[slot]);
    if (workers[slot])
      strata_frontends[slot]->worker_delete(workers[slot]);
  }
  return NULL;
}

// Progress for long runs: a thread that wakes ten times a second and, once a
// second has passed, tells the caller how many files are done.
typedef struct progress_state {
  const extraction *work;
  const analysis_options *options;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  bool stop;
} progress_state;

static void *analysis__progress(void *argument) {
  progress_state *self = argument;
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  bool shown = false;
  pthread_mutex_lock(&self->lock);
  while (!self->stop) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 100 * 1000 * 1000;
    if (until.tv_nsec >= 1000 * 1000 * 1000) {
      until.tv_sec++;
      until.tv_nsec -= 1000 * 1000 * 1000;
    }
    pthread_cond_timedwait(&self->wake, &self->lock, &until);
    if (self->stop)
      break;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec - start.tv_sec + (now.tv_nsec - start.tv_nsec) / 1e9 < 1.0)
      continue;
    self->options->progress(self->options->progress_context, atomic_load(&self->work->done),
                            self->work->files->count, false);
    shown = true;
  }
  pthread_mutex_unlock(&self->lock);
  if (shown)
    self->options->progress(self->options->progress_context, self->work->files->count,
                            self->work->files->count, true);
  return NULL;
}

static void analysis__extract_all(extraction *work, unsigned jobs,
                                  const analysis_options *options) {
  progress_state progress = {work, options, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                             false};
  pthread_t progress_thread;
  bool progress_started = options->progress && pthread_create(&progress_thread, NULL,
                                                              analysis__progress, &progress) == 0;
  if (jobs == 0)
    jobs = cpu_count_available();
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
  if (progress_started) {
    pthread_mutex_lock(&progress.lock);
    progress.stop = true;
    pthread_cond_signal(&progress.wake);
    pthread_mutex_unlock(&progress.lock);
    pthread_join(progress_thread, NULL);
  }
}

// Everything that changes what a front end extracts: the cache keeps facts
// apart for each combination, so a change of options never reads stale facts.
static uint64_t analysis__options_key(const strata_config *config) {
  XXH3_state_t *state = XXH3_createState();
  XXH3_64bits_reset(state);
  const char *version = "strata " STRATA_VERSION;
  XXH3_64bits_update(state, version, strlen(version) + 1);
  uint32_t format = FACTS_FORMAT;
  XXH3_64bits_update(state, &format, sizeof(format));
  uint64_t max_bytes = config->max_file_bytes;
  XXH3_64bits_update(state, &max_bytes, sizeof(max_bytes));
  // A file over its budget has notices for facts: another budget, other facts.
  uint64_t max_memory = config->max_file_memory;
  XXH3_64bits_update(state, &max_memory, sizeof(max_memory));
  double max_seconds = config->max_file_seconds;
  XXH3_64bits_update(state, &max_seconds, sizeof(max_seconds));
  const char *std = config->cxx_std ? config->cxx_std : "";
  XXH3_64bits_update(state, std, strlen(std) + 1);
  for (size_t i = 0; i < config->cxx_define_count; i++)
    XXH3_64bits_update(state, config->cxx_defines[i], strlen(config->cxx_defines[i]) + 1);
  // The names the front ends take for deprecation sites; a marker before
  // each list keeps one list's end from passing for the next one's start.
  const config_deprecations *deprecations = &config->deprecations;
  XXH3_64bits_update(state, "\x01", 2);
  for (size_t i = 0; i < deprecations->cxx_macro_count; i++)
    XXH3_64bits_update(state, deprecations->cxx_macros[i], strlen(deprecations->cxx_macros[i]) + 1);
  XXH3_64bits_update(state, "\x01", 2);
  for (size_t i = 0; i < deprecations->python_call_count; i++)
    XXH3_64bits_update(state, deprecations->python_calls[i],
                       strlen(deprecations->python_calls[i]) + 1);
  uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

// Exact mode (analyzers/exact/, docs/cxx.md): with the build's
// compile_commands.json, marks which include edges its translation units
// take. False, with *error set, when that file cannot be read at all.
static bool analysis__exact(analysis *self, const strata_config *config,
                            const analysis_options *options, char **error) {
  const char *database =
      options->compile_commands ? options->compile_commands : config->cxx_compile_commands;
  if (!database)
    return true;
  // Paths in the config are relative to the root; the command line's to
  // the current folder.
  char *database_path = options->compile_commands || database[0] == '/'
                            ? xstrdup(database)
                            : xasprintf("%s/%s", self->root, database);
  const char *cuda = config->cxx_cuda_path;
  char *cuda_path = !cuda || cuda[0] == '/' ? xstrdup(cuda) : xasprintf("%s/%s", self->root, cuda);
  char *cache_dir = !options->use_cache  ? NULL
                    : options->cache_dir ? xstrdup(options->cache_dir)
                                         : xasprintf("%s/.strata-cache", self->root);
  exact_options exact = {.root = self->root,
                         .compile_commands = database_path,
                         .cuda_path = cuda_path,
                         .jobs = options->jobs,
                         .cache_dir = cache_dir};
  exact_result *result = exact_run(&exact, self->notices, error);
  if (result) {
    graph_taken_build taken = exact_result_taken(result);
    graph_mark_taken(self->graph, &taken);
    self->units_parsed = exact_result_units_parsed(result);
  }
  exact_result_delete(result);
  free(database_path);
  free(cuda_path);
  free(cache_dir);
  return result != NULL;
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
  extraction work = {.root = self->root,
                     .config = config,
                     .files = &files,
                     .facts = xcalloc(files.count + 1, sizeof(file_facts *))};
  fact_cache *cache = NULL;
  char *cache_dir = NULL;
  int64_t run_start = (int64_t)time(NULL);
  if (options->use_cache) {
    cache_dir = options->cache_dir ? xstrdup(options->cache_dir)
                                   : xasprintf("%s/.strata-cache", self->root);
    cache = fact_cache_open(cache_dir, analysis__options_key(config));
    work.cache = cache;
    work.records = xcalloc(files.count + 1, sizeof(fact_cache_record));
  }
  analysis__extract_all(&work, options->jobs, options);
  self->files_parsed = atomic_load(&work.parsed);
  if (cache) {
    const char **paths = xmalloc((files.count + 1) * sizeof(char *));
    for (size_t i = 0; i < files.count; i++)
      paths[i] = files.files[i].path;
    if (!fact_cache_write(cache, paths, work.records, files.count, run_start)) {
      char *message =
          xasprintf("cannot write the fact cache in '%s'; the run goes on without it", cache_dir);
      notice_list_add(self->notices, NULL, 0, 0, message);
      free(message);
    }
    free(paths);
    for (size_t i = 0; i < files.count; i++)
      free(work.records[i].owned_payload);
    free(work.records);
    fact_cache_delete(cache);
    free(cache_dir);
  }
  for (size_t i = 0; i < files.count; i++) {
    file_facts *facts = work.facts[i];
    for (size_t n = 0; n < facts->notice_count; n++)
      notice_list_add(self->notices, files.files[i].path, facts->notices[n].line,
                      facts->notices[n].column, facts->notices[n].message);
    graph_add_file(self->graph, files.files[i].path, files.files[i].language, facts);
  }
  self->files_analyzed = files.count;
  graph_take_templates(self->graph, files.templates, files.template_count);
  files.templates = NULL;
  files.template_count = 0;
  free(work.facts);
  walk_result_release(&files);

  graph_build(self->graph, config, self->notices);
  if (!analysis__exact(self, config, options, error)) {
    analysis_delete(self);
    return NULL;
  }
  if (options->run_checks) {
    waivers *waived = waivers_new(self->graph, config);
    checks_run_waived(self->graph, config, self->root, self->notices, waived, self->findings);
    adoption_input adoption = {.graph = self->graph,
                               .config = config,
                               .root = self->root,
                               .waivers = waived,
                               .baseline = options->baseline,
                               .report_stale = options->report_stale};
    adoption_apply(&adoption, self->findings);
    rule_scope_apply(config, self->findings);
    waivers_delete(waived);
  }
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
