#include "exact_run.h"

#include "compile_db.h"
#include "exact_cache.h"
#include "exact_flags.h"
#include "exact_parse.h"
#include "exact_probe.h"
#include "strbuf.h"
#include "strmap.h"
#include "version.h"
#include "xalloc.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

// One translation unit: its command, translated, and the argument list of
// each of its parses.
typedef struct exact_unit {
  const compile_db_entry *entry;
  exact_command command;
  exact_words *parses; // one argv each (argv[0] the driver, the last word the file)
  size_t parse_count;
  exact_unit_key key;
  exact_words search_dirs; // the include dirs its parses name, absolute (for the cache)
} exact_unit;

// A count per string (a taken include, an opened file, a problem).
typedef struct exact_tally {
  strmap *index; // borrows keys
  char **keys;
  uint32_t *counts;
  char **firsts; // for problems: the first unit that had it
  size_t count;
  size_t capacity;
} exact_tally;

struct exact_result {
  size_t unit_count;
  atomic_size_t parsed;
  exact_tally includes; // key "FROM\nLINE\nTO", TO empty for no file of the tree
  exact_tally opened;   // key: relative path
  // The join's view of the tallies.
  graph_taken_include *taken;
  const char **opened_paths;
};

typedef struct exact_work {
  const exact_options *options;
  exact_unit *units;
  size_t unit_count;
  exact_cache *cache; // NULL without a cache
  atomic_size_t next;
  pthread_mutex_t lock; // over the tallies
  exact_result *result;
  exact_tally problems;      // unit-wide problems: message -> units
  exact_tally file_problems; // "PATH\nLINE\nCOLUMN\nMESSAGE" -> units
  exact_tally unknown_flags; // flag -> units
  size_t root_length;
} exact_work;

static uint32_t exact_tally__add(exact_tally *self, const char *key, const char *first) {
  if (!self->index)
    self->index = strmap_new();
  uint32_t index;
  if (strmap_get(self->index, key, strlen(key), &index)) {
    self->counts[index]++;
    return index;
  }
  if (self->count == self->capacity) {
    self->capacity = self->capacity ? 2 * self->capacity : 64;
    self->keys = xrealloc(self->keys, self->capacity * sizeof(char *));
    self->counts = xrealloc(self->counts, self->capacity * sizeof(uint32_t));
    self->firsts = xrealloc(self->firsts, self->capacity * sizeof(char *));
  }
  index = (uint32_t)self->count++;
  self->keys[index] = xstrdup(key);
  self->counts[index] = 1;
  self->firsts[index] = xstrdup(first);
  strmap_put(self->index, self->keys[index], strlen(key), index);
  return index;
}

static void exact_tally__release(exact_tally *self) {
  for (size_t i = 0; i < self->count; i++) {
    free(self->keys[i]);
    free(self->firsts[i]);
  }
  free(self->keys);
  free(self->counts);
  free(self->firsts);
  strmap_delete(self->index);
  memset(self, 0, sizeof(*self));
}

const char *exact_default_cuda_path(void) {
  static const char *const candidates[] = {"/usr/local/cuda", "/usr/lib/cuda", "/usr"};
  for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
    char *header = xasprintf("%s/include/cuda_runtime.h", candidates[i]);
    bool found = access(header, R_OK) == 0;
    free(header);
    if (found)
      return candidates[i];
  }
  return NULL;
}

// The path relative to the root of a real path under it, or NULL.
static const char *exact_run__relative(const exact_work *self, const char *path) {
  const char *root = self->options->root;
  if (strncmp(path, root, self->root_length) != 0 || path[self->root_length] != '/')
    return NULL;
  return path + self->root_length + 1;
}

// The argument list of one parse: the driver, the body header, the unit's
// own flags, the side and GPU of a CUDA parse, then what keeps libclang
// quiet and the unit itself.
static void exact_run__parse_argv(const exact_unit *unit, const char *cuda_path, int side,
                                  exact_words *argv) {
  const exact_command *command = &unit->command;
  bool cuda = command->dialect == EXACT_DIALECT_CUDA;
  const char *toolkit = command->cuda_path ? command->cuda_path : cuda_path;
  // The toolkit's headers through clang's wrapper, inside the skipped body
  // (exact_parse.h), unless the command wants none or there is no toolkit.
  bool wrapper = cuda && toolkit && !command->no_cuda_inc;
  exact_words_push(argv, exact_probe_driver(command->cxx_driver || cuda));
  exact_words_push(argv, "-include");
  exact_words_push(argv, wrapper ? exact_parse_cuda_body_header : exact_parse_body_header);
  for (size_t i = 0; i < command->common.count; i++)
    exact_words_push(argv, command->common.items[i]);
  if (cuda) {
    // side 0: the host; side n: the device, for the n-th architecture.
    if (side == 0) {
      for (size_t i = 0; i < command->host_only.count; i++)
        exact_words_push(argv, command->host_only.items[i]);
      exact_words_push(argv, "--cuda-host-only");
    } else {
      exact_words_push(argv, "--cuda-device-only");
    }
    for (size_t i = 0; i < command->gpu_archs.count; i++) {
      if (side != 0 && (size_t)side != i + 1)
        continue;
      char *arch = xasprintf("--cuda-gpu-arch=%s", command->gpu_archs.items[i]);
      exact_words_push(argv, arch);
      free(arch);
    }
    if (toolkit) {
      char *path = xasprintf("--cuda-path=%s", toolkit);
      exact_words_push(argv, path);
      free(path);
    }
    exact_words_push(argv, "-nocudainc");
    exact_words_push(argv, "-nocudalib");
    if (wrapper) {
      char *include = xasprintf("%s/include", toolkit);
      exact_words_push(argv, "-idirafter");
      exact_words_push(argv, include);
      free(include);
    }
    // nvcc adds what its nvcc.profile says: since CUDA 13, the CCCL headers
    // (<cuda/std/...>, <thrust/...>, <cub/...>) in include/cccl.
    char *cccl = wrapper && command->nvcc ? xasprintf("%s/include/cccl", toolkit) : NULL;
    struct stat info;
    if (cccl && stat(cccl, &info) == 0 && S_ISDIR(info.st_mode)) {
      exact_words_push(argv, "-isystem");
      exact_words_push(argv, cccl);
    }
    free(cccl);
  }
  exact_words_push(argv, "-w");
  exact_words_push(argv, "-ferror-limit=0");
  exact_words_push(argv, "-working-directory");
  exact_words_push(argv, unit->entry->directory);
  exact_words_push(argv, unit->entry->file);
}

static void exact_run__plan(exact_unit *unit, const char *cuda_path) {
  const exact_command *command = &unit->command;
  unit->parse_count = command->dialect != EXACT_DIALECT_CUDA ? 1
                      : command->gpu_archs.count             ? 1 + command->gpu_archs.count
                                                             : 2;
  unit->parses = xcalloc(unit->parse_count, sizeof(exact_words));
  XXH3_state_t *state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (size_t p = 0; p < unit->parse_count; p++) {
    exact_run__parse_argv(unit, cuda_path, (int)p, &unit->parses[p]);
    for (size_t i = 0; i < unit->parses[p].count; i++)
      XXH3_128bits_update(state, unit->parses[p].items[i], strlen(unit->parses[p].items[i]) + 1);
    XXH3_128bits_update(state, "\x01", 2);
  }
  XXH128_hash_t key = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  unit->key = (exact_unit_key){key.low64, key.high64};
  // The include dirs, where a header the unit does not find may appear.
  static const char *const dir_flags[] = {"-I", "-isystem", "-iquote", "-idirafter"};
  for (size_t p = 0; p < unit->parse_count; p++) {
    const exact_words *argv = &unit->parses[p];
    for (size_t i = 0; i < argv->count; i++) {
      for (size_t f = 0; f < sizeof(dir_flags) / sizeof(dir_flags[0]); f++) {
        size_t length = strlen(dir_flags[f]);
        if (strncmp(argv->items[i], dir_flags[f], length) != 0)
          continue;
        const char *value = argv->items[i][length] ? argv->items[i] + length
                            : i + 1 < argv->count  ? argv->items[i + 1]
                                                   : NULL;
        if (!value)
          break;
        char *dir = compile_db_absolute(unit->entry->directory, value);
        if (!exact_words_contains(&unit->search_dirs, dir))
          exact_words_push(&unit->search_dirs, dir);
        free(dir);
        break;
      }
    }
  }
}

// Keeps of tu's inclusions only those from files of the tree: the rest are
// no edge of the graph, and would only fill the cache.
static void exact_run__keep_tree_inclusions(const exact_work *self, exact_tu *tu) {
  size_t kept = 0;
  for (size_t i = 0; i < tu->inclusion_count; i++) {
    exact_inclusion *inclusion = &tu->inclusions[i];
    if (!exact_run__relative(self, tu->files[inclusion->includer])) {
      free(inclusion->spelled);
      continue;
    }
    tu->inclusions[kept++] = *inclusion;
  }
  tu->inclusion_count = kept;
}

// Adds what one unit took to the tallies. The lock is held.
static void exact_run__fold(exact_work *self, const exact_unit *unit, const exact_tu *tu) {
  exact_result *result = self->result;
  const char *unit_name = unit->entry->file;
  for (size_t i = 0; i < tu->file_count; i++) {
    const char *relative = exact_run__relative(self, tu->files[i]);
    if (relative)
      exact_tally__add(&result->opened, relative, "");
  }
  strbuf key;
  strbuf_init(&key);
  // One count per unit: directives a unit took twice, or to two files
  // outside the tree, are one.
  strmap *seen = strmap_new();
  exact_words seen_keys = {0};
  for (size_t i = 0; i < tu->inclusion_count; i++) {
    const exact_inclusion *inclusion = &tu->inclusions[i];
    const char *from = exact_run__relative(self, tu->files[inclusion->includer]);
    const char *to = inclusion->included == EXACT_NO_FILE
                         ? NULL
                         : exact_run__relative(self, tu->files[inclusion->included]);
    if (!from)
      continue;
    strbuf_clear(&key);
    strbuf_printf(&key, "%s\n%u\n%s", from, inclusion->line, to ? to : "");
    uint32_t ignored;
    if (strmap_get(seen, key.data, key.length, &ignored))
      continue;
    exact_words_push(&seen_keys, key.data);
    strmap_put(seen, seen_keys.items[seen_keys.count - 1], key.length, 0);
    exact_tally__add(&result->includes, key.data, "");
  }
  strmap_delete(seen);
  exact_words_release(&seen_keys);
  for (size_t i = 0; i < tu->problem_count; i++) {
    const exact_problem *problem = &tu->problems[i];
    if (problem->file == EXACT_NO_FILE) {
      exact_tally__add(&self->problems, problem->message, unit_name);
      continue;
    }
    strbuf_clear(&key);
    strbuf_printf(&key, "%s\n%u\n%u\n%s", tu->files[problem->file], problem->line, problem->column,
                  problem->message);
    exact_tally__add(&self->file_problems, key.data, unit_name);
  }
  for (size_t i = 0; i < tu->unknown_flag_count; i++)
    exact_tally__add(&self->unknown_flags, tu->unknown_flags[i], unit_name);
  strbuf_release(&key);
}

// Parses one unit, or takes it from the cache.
static exact_tu *exact_run__unit(exact_work *self, exact_parser *parser, const exact_unit *unit) {
  exact_tu *tu = self->cache ? exact_cache_find(self->cache, &unit->key) : NULL;
  if (tu)
    return tu;
  tu = exact_tu_new();
  char resolved[PATH_MAX];
  struct stat info;
  if (!realpath(unit->entry->file, resolved) || stat(resolved, &info) != 0) {
    exact_tu_add_problem(tu, EXACT_NO_FILE, 0, 0,
                         "a translation unit of compile_commands.json does not exist (a source "
                         "the build generates, not made yet?); it is not parsed");
    return tu;
  }
  exact_tu_file(tu, resolved);
  atomic_fetch_add(&self->result->parsed, 1);
  bool parsed = true;
  for (size_t p = 0; p < unit->parse_count && parsed; p++)
    parsed = exact_parser_run(parser, (const char *const *)unit->parses[p].items,
                              unit->parses[p].count, tu);
  exact_tu_finish(tu);
  exact_run__keep_tree_inclusions(self, tu);
  if (parsed && self->cache)
    exact_cache_keep(self->cache, &unit->key, tu, (const char *const *)unit->search_dirs.items,
                     unit->search_dirs.count);
  return tu;
}

static void *exact_run__worker(void *argument) {
  exact_work *self = argument;
  exact_parser *parser = NULL;
  for (;;) {
    size_t index = atomic_fetch_add(&self->next, 1);
    if (index >= self->unit_count)
      break;
    const exact_unit *unit = &self->units[index];
    if (unit->command.skip_reason)
      continue;
    if (!parser)
      parser = exact_parser_new();
    exact_tu *tu = parser ? exact_run__unit(self, parser, unit) : exact_tu_new();
    if (!parser)
      exact_tu_add_problem(tu, EXACT_NO_FILE, 0, 0, "libclang cannot start; not parsed");
    pthread_mutex_lock(&self->lock);
    exact_run__fold(self, unit, tu);
    pthread_mutex_unlock(&self->lock);
    exact_tu_delete(tu);
  }
  exact_parser_delete(parser);
  return NULL;
}

static void exact_run__parse_all(exact_work *work, unsigned jobs) {
  if (jobs == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cores > 0 ? (unsigned)cores : 1;
  }
  if (jobs > work->unit_count)
    jobs = work->unit_count ? (unsigned)work->unit_count : 1;
  if (jobs > 64)
    jobs = 64;
  pthread_t threads[64];
  unsigned started = 0;
  for (unsigned i = 1; i < jobs; i++) {
    if (pthread_create(&threads[started], NULL, exact_run__worker, work) != 0)
      break; // fewer threads is slower, not wrong
    started++;
  }
  exact_run__worker(work);
  for (unsigned i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
}

// A path for a notice's message: relative to the root when under it.
static const char *exact_run__shown(const exact_work *self, const char *path) {
  const char *relative = exact_run__relative(self, path);
  return relative ? relative : path;
}

static void exact_run__notice(notice_list *notices, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
static void exact_run__notice(notice_list *notices, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *message = xvasprintf(format, args);
  va_end(args);
  notice_list_add(notices, NULL, 0, 0, message);
  free(message);
}

// Warning flags: one probe per distinct flag and dialect, then a notice
// for each one clang does not know.
static void exact_run__warnings(exact_work *self, notice_list *notices) {
  exact_words flags = {0};
  exact_dialect *dialects = NULL;
  size_t capacity = 0;
  strmap *seen = strmap_new();
  exact_words keys = {0};
  for (size_t u = 0; u < self->unit_count; u++) {
    const exact_command *command = &self->units[u].command;
    for (size_t w = 0; w < command->warnings.count; w++) {
      char *key = xasprintf("%d%s", (int)command->dialect, command->warnings.items[w]);
      uint32_t ignored;
      if (!strmap_get(seen, key, strlen(key), &ignored)) {
        exact_words_push(&keys, key);
        strmap_put(seen, keys.items[keys.count - 1], strlen(key), 0);
        XGROW(dialects, capacity, flags.count + 1);
        dialects[flags.count] = command->dialect;
        exact_words_push(&flags, command->warnings.items[w]);
      }
      free(key);
    }
  }
  bool *unknown = xcalloc(flags.count + 1, sizeof(bool));
  bool *cached = xcalloc(flags.count + 1, sizeof(bool));
  exact_words probe = {0};
  exact_dialect *probe_dialects = xcalloc(flags.count + 1, sizeof(exact_dialect));
  for (size_t i = 0; i < flags.count; i++) {
    cached[i] = self->cache &&
                exact_cache_probe_find(self->cache, flags.items[i], dialects[i], &unknown[i]);
    if (!cached[i]) {
      probe_dialects[probe.count] = dialects[i];
      exact_words_push(&probe, flags.items[i]);
    }
  }
  bool *verdicts = xcalloc(probe.count + 1, sizeof(bool));
  exact_probe_warnings((const char *const *)probe.items, probe_dialects, probe.count, verdicts);
  for (size_t i = 0, p = 0; i < flags.count; i++) {
    if (cached[i])
      continue;
    unknown[i] = verdicts[p++];
    if (self->cache)
      exact_cache_probe_keep(self->cache, flags.items[i], dialects[i], unknown[i]);
  }
  for (size_t i = 0; i < flags.count; i++)
    if (unknown[i])
      exact_run__notice(notices, "compiler flag '%s' dropped: clang knows no such warning",
                        flags.items[i]);
  free(verdicts);
  free(probe_dialects);
  exact_words_release(&probe);
  free(cached);
  free(unknown);
  free(dialects);
  exact_words_release(&flags);
  exact_words_release(&keys);
  strmap_delete(seen);
}

// Notices for what the units ran into, once each.
static void exact_run__report(exact_work *self, notice_list *notices) {
  for (size_t i = 0; i < self->unknown_flags.count; i++)
    exact_run__notice(notices, "compiler flag '%s' dropped: clang does not know it",
                      self->unknown_flags.keys[i]);
  for (size_t i = 0; i < self->problems.count; i++) {
    uint32_t more = self->problems.counts[i] - 1;
    if (more)
      exact_run__notice(notices, "%s ('%s' and %u more translation units)", self->problems.keys[i],
                        exact_run__shown(self, self->problems.firsts[i]), more);
    else
      exact_run__notice(notices, "%s ('%s')", self->problems.keys[i],
                        exact_run__shown(self, self->problems.firsts[i]));
  }
  for (size_t i = 0; i < self->file_problems.count; i++) {
    char *key = self->file_problems.keys[i];
    char *line = strchr(key, '\n');
    char *column = line ? strchr(line + 1, '\n') : NULL;
    char *message = column ? strchr(column + 1, '\n') : NULL;
    if (!message)
      continue;
    *line = *column = *message = '\0';
    const char *relative = exact_run__relative(self, key);
    if (relative) {
      notice_list_add(notices, relative, (uint32_t)strtoul(line + 1, NULL, 10),
                      (uint32_t)strtoul(column + 1, NULL, 10), message + 1);
    } else {
      exact_run__notice(notices, "%s (in '%s' line %s)", message + 1, key, line + 1);
    }
  }
}

static uint64_t exact_run__options_key(const exact_options *options) {
  XXH3_state_t *state = XXH3_createState();
  XXH3_64bits_reset(state);
  const char *version = "strata exact " STRATA_VERSION;
  XXH3_64bits_update(state, version, strlen(version) + 1);
  XXH3_64bits_update(state, options->root, strlen(options->root) + 1);
  uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

exact_result *exact_run(const exact_options *options, notice_list *notices, char **error) {
  compile_db *db = compile_db_load(options->compile_commands, error);
  if (!db)
    return NULL;
  int64_t run_start = (int64_t)time(NULL);
  for (size_t i = 0; i < db->problem_count; i++)
    exact_run__notice(notices, "'%s': %s; it is left out", db->path, db->problems[i]);
  const char *cuda_path = options->cuda_path ? options->cuda_path : exact_default_cuda_path();

  exact_result *result = xcalloc(1, sizeof(exact_result));
  exact_work work = {.options = options,
                     .unit_count = db->count,
                     .units = xcalloc(db->count + 1, sizeof(exact_unit)),
                     .result = result,
                     .root_length = strlen(options->root)};
  pthread_mutex_init(&work.lock, NULL);
  strmap *dropped = strmap_new();
  exact_words dropped_keys = {0};
  bool cuda_units = false;
  for (size_t i = 0; i < db->count; i++) {
    exact_unit *unit = &work.units[i];
    unit->entry = &db->entries[i];
    exact_command_translate(unit->entry, &unit->command);
    for (size_t d = 0; d < unit->command.dropped_count; d++) {
      const exact_dropped_flag *flag = &unit->command.dropped[d];
      uint32_t ignored;
      if (strmap_get(dropped, flag->flag, strlen(flag->flag), &ignored))
        continue;
      exact_words_push(&dropped_keys, flag->flag);
      strmap_put(dropped, dropped_keys.items[dropped_keys.count - 1], strlen(flag->flag), 0);
      exact_run__notice(notices, "compiler flag '%s' dropped: %s", flag->flag, flag->reason);
    }
    if (unit->command.skip_reason) {
      exact_run__notice(notices, "translation unit '%s' not parsed: %s",
                        exact_run__shown(&work, unit->entry->file), unit->command.skip_reason);
      continue;
    }
    result->unit_count++;
    cuda_units = cuda_units || unit->command.dialect == EXACT_DIALECT_CUDA;
    exact_run__plan(unit, cuda_path);
  }
  if (cuda_units && !cuda_path)
    exact_run__notice(notices,
                      "no CUDA toolkit found (cxx.cuda_path, /usr/local/cuda, /usr/lib/cuda, "
                      "/usr/include); CUDA units are parsed without its headers");
  if (options->cache_dir)
    work.cache = exact_cache_open(options->cache_dir, exact_run__options_key(options));
  exact_run__warnings(&work, notices);
  exact_run__parse_all(&work, options->jobs);
  exact_run__report(&work, notices);
  if (work.cache && !exact_cache_write(work.cache, run_start))
    exact_run__notice(notices,
                      "cannot write exact mode's cache in '%s'; the run goes on without it",
                      options->cache_dir);

  // The join's view of the tallies.
  result->taken = xcalloc(result->includes.count + 1, sizeof(graph_taken_include));
  for (size_t i = 0; i < result->includes.count; i++) {
    char *key = result->includes.keys[i];
    char *line = strchr(key, '\n');
    char *to = strchr(line + 1, '\n');
    *line = *to = '\0';
    result->taken[i] = (graph_taken_include){key, (uint32_t)strtoul(line + 1, NULL, 10),
                                             to[1] ? to + 1 : NULL, result->includes.counts[i]};
  }
  result->opened_paths = xcalloc(result->opened.count + 1, sizeof(char *));
  for (size_t i = 0; i < result->opened.count; i++)
    result->opened_paths[i] = result->opened.keys[i];

  exact_cache_delete(work.cache);
  for (size_t i = 0; i < work.unit_count; i++) {
    exact_command_release(&work.units[i].command);
    for (size_t p = 0; p < work.units[i].parse_count; p++)
      exact_words_release(&work.units[i].parses[p]);
    exact_words_release(&work.units[i].search_dirs);
    free(work.units[i].parses);
  }
  free(work.units);
  exact_tally__release(&work.problems);
  exact_tally__release(&work.file_problems);
  exact_tally__release(&work.unknown_flags);
  pthread_mutex_destroy(&work.lock);
  strmap_delete(dropped);
  exact_words_release(&dropped_keys);
  compile_db_delete(db);
  return result;
}

void exact_result_delete(exact_result *self) {
  if (!self)
    return;
  // The keys were cut in place for the join's view; strmaps only borrow them.
  exact_tally__release(&self->includes);
  exact_tally__release(&self->opened);
  free(self->taken);
  free(self->opened_paths);
  free(self);
}

graph_taken_build exact_result_taken(const exact_result *self) {
  return (graph_taken_build){.includes = self->taken,
                             .include_count = self->includes.count,
                             .opened = self->opened_paths,
                             .opened_units = self->opened.counts,
                             .opened_count = self->opened.count,
                             .unit_count = self->unit_count};
}

size_t exact_result_units_parsed(const exact_result *self) {
  return atomic_load(&self->parsed);
}
