#include "exact_cache.h"

#include "byte_pack.h"

#include "fact_cache.h"
#include "strbuf.h"
#include "strmap.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

// The pack: magic, format, the run start that wrote it, a table of paths,
// the probe verdicts, then one record per unit, each followed by the
// XXH3-64 of its bytes:
//   key (16) | files (u32) | per file: path id (u32), size, inode, mtime
//   seconds, nanoseconds (4 x u64), hash (2 x u64) | payload length (u32)
//   | watches (u32) | per watch: folder path id, its deepest existing
//   ancestor's path id, that ancestor's inode, mtime seconds, nanoseconds
//   (3 x u64) | payload (exact_tu_encode)
//
// A watch is a folder where a header the unit did not find would appear
// (an include dir, or the including file's folder, joined with the header
// name's folders): were the header made there, the folder, or the deepest
// ancestor of it that exists, would change its modification time.
#define EXACT_PACK_MAGIC "STRATAEX"
#define EXACT_PACK_FORMAT 2u
#define EXACT_PACK_MAX_BYTES ((size_t)1 << 31)
#define EXACT_DEP_BYTES (4 + 8 * 4 + 8 * 2)

typedef struct exact_cache_state {
  char *path;
  bool looked;  // stat'd this run
  bool present; // a regular file
  bool folder;  // a folder
  fact_cache_stamp stamp;
  bool hashed;
  fact_cache_hash hash;
} exact_cache_state;

typedef struct exact_cache_unit {
  const char *record; // into the old pack's bytes: from the key to the payload's end
  size_t length;
} exact_cache_unit;

typedef struct exact_cache_probe {
  char *flag;
  exact_dialect dialect;
  bool unknown;
} exact_cache_probe;

struct exact_cache {
  char *folder;
  char *pack_path;
  pthread_mutex_t lock;
  // The pack read.
  char *bytes;
  size_t length;
  int64_t written_at;
  char **old_paths;
  size_t old_path_count;
  exact_cache_unit *old_units;
  size_t old_unit_count;
  strmap *old_index; // the 16 key bytes -> old unit
  exact_cache_probe *probes;
  size_t probe_count;
  size_t old_probe_count;
  // The files as they are now; each allocated once, so that pointers to
  // them stay good while the array grows.
  exact_cache_state **states;
  size_t state_count;
  size_t state_capacity;
  strmap *state_index;
  // The pack to write.
  char **new_paths;
  size_t new_path_count;
  size_t new_path_capacity;
  strmap *new_path_index;
  strbuf records;
  size_t record_count;
  bool changed;
};

static void exact_cache__read_file(exact_cache *self) {
  FILE *file = fopen(self->pack_path, "rb");
  if (!file)
    return;
  strbuf text;
  strbuf_init(&text);
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof(chunk), file)) > 0 && text.length < EXACT_PACK_MAX_BYTES)
    strbuf_append(&text, chunk, got);
  fclose(file);
  self->length = text.length;
  self->bytes = strbuf_detach(&text);
}

// Reads the pack into the old_* tables; stops at the first thing amiss,
// keeping what came before it only when the tables themselves were whole.
static void exact_cache__load(exact_cache *self) {
  exact_cache__read_file(self);
  if (self->length < 8 || memcmp(self->bytes, EXACT_PACK_MAGIC, 8) != 0)
    return;
  byte_reader in = {self->bytes + 8, self->bytes + self->length, true};
  if (byte_reader_uint(&in, 4) != EXACT_PACK_FORMAT)
    return;
  self->written_at = (int64_t)byte_reader_uint(&in, 8);
  const char *tables = in.at;
  uint64_t path_count = byte_reader_uint(&in, 4);
  if (!in.ok || path_count > self->length / 4)
    return;
  char **paths = xcalloc(path_count + 1, sizeof(char *));
  for (uint64_t i = 0; in.ok && i < path_count; i++) {
    size_t length = (size_t)byte_reader_uint(&in, 4);
    const char *bytes = byte_reader_bytes(&in, length);
    if (bytes && !memchr(bytes, '\0', length))
      paths[i] = xstrndup(bytes, length);
    else
      in.ok = false;
  }
  uint64_t probe_count = byte_reader_uint(&in, 4);
  if (probe_count > self->length / 6)
    in.ok = false;
  exact_cache_probe *probes = xcalloc(in.ok ? probe_count + 1 : 1, sizeof(exact_cache_probe));
  size_t probes_read = 0;
  for (uint64_t i = 0; in.ok && i < probe_count; i++) {
    uint64_t dialect = byte_reader_uint(&in, 1);
    uint64_t unknown = byte_reader_uint(&in, 1);
    size_t length = (size_t)byte_reader_uint(&in, 4);
    const char *bytes = byte_reader_bytes(&in, length);
    if (!bytes || dialect > EXACT_DIALECT_CUDA || unknown > 1 || memchr(bytes, '\0', length)) {
      in.ok = false;
      break;
    }
    probes[probes_read++] =
        (exact_cache_probe){xstrndup(bytes, length), (exact_dialect)dialect, unknown == 1};
  }
  size_t covered = (size_t)(in.at - tables);
  uint64_t sum = byte_reader_uint(&in, 8);
  uint64_t unit_count = byte_reader_uint(&in, 4);
  if (!in.ok || sum != XXH3_64bits(tables, covered) || unit_count > self->length / 24) {
    for (uint64_t i = 0; i < path_count; i++)
      free(paths[i]);
    free(paths);
    for (size_t i = 0; i < probes_read; i++)
      free(probes[i].flag);
    free(probes);
    return;
  }
  self->old_paths = paths;
  self->old_path_count = path_count;
  self->probes = probes;
  self->probe_count = self->old_probe_count = probes_read;
  self->old_units = xcalloc(unit_count + 1, sizeof(exact_cache_unit));
  for (uint64_t i = 0; i < unit_count; i++) {
    size_t length = (size_t)byte_reader_uint(&in, 4);
    const char *record = byte_reader_bytes(&in, length);
    uint64_t record_sum = byte_reader_uint(&in, 8);
    if (!in.ok || length < 16 || record_sum != XXH3_64bits(record, length))
      break;
    self->old_units[self->old_unit_count] = (exact_cache_unit){record, length};
    strmap_put(self->old_index, record, 16, (uint32_t)self->old_unit_count);
    self->old_unit_count++;
  }
}

exact_cache *exact_cache_open(const char *folder, uint64_t options_key) {
  exact_cache *self = xcalloc(1, sizeof(exact_cache));
  self->folder = xstrdup(folder);
  self->pack_path = xasprintf("%s/exact-%016llx.pack", folder, (unsigned long long)options_key);
  pthread_mutex_init(&self->lock, NULL);
  self->old_index = strmap_new();
  self->state_index = strmap_new();
  self->new_path_index = strmap_new();
  strbuf_init(&self->records);
  exact_cache__load(self);
  return self;
}

void exact_cache_delete(exact_cache *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->old_path_count; i++)
    free(self->old_paths[i]);
  free(self->old_paths);
  free(self->old_units);
  for (size_t i = 0; i < self->probe_count; i++)
    free(self->probes[i].flag);
  free(self->probes);
  for (size_t i = 0; i < self->state_count; i++) {
    free(self->states[i]->path);
    free(self->states[i]);
  }
  free(self->states);
  for (size_t i = 0; i < self->new_path_count; i++)
    free(self->new_paths[i]);
  free(self->new_paths);
  strmap_delete(self->old_index);
  strmap_delete(self->state_index);
  strmap_delete(self->new_path_index);
  strbuf_release(&self->records);
  pthread_mutex_destroy(&self->lock);
  free(self->bytes);
  free(self->pack_path);
  free(self->folder);
  free(self);
}

// The state of path now, stat'd on first sight. The lock is held.
static exact_cache_state *exact_cache__state(exact_cache *self, const char *path) {
  uint32_t index;
  if (!strmap_get(self->state_index, path, strlen(path), &index)) {
    XGROW(self->states, self->state_capacity, self->state_count + 1);
    index = (uint32_t)self->state_count++;
    self->states[index] = xcalloc(1, sizeof(exact_cache_state));
    self->states[index]->path = xstrdup(path);
    strmap_put(self->state_index, self->states[index]->path, strlen(path), index);
  }
  exact_cache_state *state = self->states[index];
  if (!state->looked) {
    struct stat info;
    state->looked = true;
    bool exists = stat(path, &info) == 0;
    state->present = exists && S_ISREG(info.st_mode);
    state->folder = exists && S_ISDIR(info.st_mode);
    if (exists)
      state->stamp = fact_cache_stamp_of(&info);
  }
  return state;
}

// Hashes the file's bytes once per run; false when it cannot be read.
static bool exact_cache__hash(exact_cache_state *state) {
  if (state->hashed)
    return true;
  if (!state->present)
    return false;
  int fd = open(state->path, O_RDONLY);
  if (fd < 0)
    return false;
  XXH3_state_t *hasher = XXH3_createState();
  XXH3_128bits_reset(hasher);
  char chunk[65536];
  ssize_t got;
  bool ok = true;
  while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      ok = false;
      break;
    }
    XXH3_128bits_update(hasher, chunk, (size_t)got);
  }
  close(fd);
  XXH128_hash_t digest = XXH3_128bits_digest(hasher);
  XXH3_freeState(hasher);
  if (ok) {
    state->hash = (fact_cache_hash){digest.low64, digest.high64};
    state->hashed = true;
  }
  return ok;
}

static uint32_t exact_cache__new_path(exact_cache *self, const char *path) {
  uint32_t index;
  if (strmap_get(self->new_path_index, path, strlen(path), &index))
    return index;
  XGROW(self->new_paths, self->new_path_capacity, self->new_path_count + 1);
  index = (uint32_t)self->new_path_count++;
  self->new_paths[index] = xstrdup(path);
  strmap_put(self->new_path_index, self->new_paths[index], strlen(path), index);
  return index;
}

// The deepest folder of path (itself or an ancestor) that exists now. The
// lock is held.
static exact_cache_state *exact_cache__existing_folder(exact_cache *self, const char *path) {
  char *at = xstrdup(path);
  exact_cache_state *state;
  for (;;) {
    state = exact_cache__state(self, at);
    char *slash = strrchr(at, '/');
    if (state->folder || !slash || (slash == at && at[1] == '\0'))
      break; // found, or at the top
    if (slash == at)
      at[1] = '\0';
    else
      *slash = '\0';
  }
  free(at);
  return state;
}

typedef struct exact_cache_watch {
  const char *folder;              // where a missing header would appear
  const exact_cache_state *exists; // its deepest existing ancestor
} exact_cache_watch;

// Appends a record for the next pack. The lock is held.
static void exact_cache__append(exact_cache *self, const exact_unit_key *key,
                                const exact_cache_state *const *files, size_t file_count,
                                const exact_cache_watch *watches, size_t watch_count,
                                const char *payload, size_t payload_length) {
  strbuf *out = &self->records;
  size_t start = out->length;
  byte_pack_put_uint(out, 0, 4); // the record's length, set below
  byte_pack_put_uint(out, key->low, 8);
  byte_pack_put_uint(out, key->high, 8);
  byte_pack_put_uint(out, file_count, 4);
  for (size_t i = 0; i < file_count; i++) {
    const exact_cache_state *state = files[i];
    byte_pack_put_uint(out, exact_cache__new_path(self, state->path), 4);
    byte_pack_put_uint(out, (uint64_t)state->stamp.size, 8);
    byte_pack_put_uint(out, (uint64_t)state->stamp.inode, 8);
    byte_pack_put_uint(out, (uint64_t)state->stamp.mtime_sec, 8);
    byte_pack_put_uint(out, (uint64_t)state->stamp.mtime_nsec, 8);
    byte_pack_put_uint(out, state->hash.low, 8);
    byte_pack_put_uint(out, state->hash.high, 8);
  }
  byte_pack_put_uint(out, watch_count, 4);
  for (size_t i = 0; i < watch_count; i++) {
    const exact_cache_state *exists = watches[i].exists;
    byte_pack_put_uint(out, exact_cache__new_path(self, watches[i].folder), 4);
    byte_pack_put_uint(out, exact_cache__new_path(self, exists->path), 4);
    byte_pack_put_uint(out, (uint64_t)exists->stamp.inode, 8);
    byte_pack_put_uint(out, (uint64_t)exists->stamp.mtime_sec, 8);
    byte_pack_put_uint(out, (uint64_t)exists->stamp.mtime_nsec, 8);
  }
  byte_pack_put_uint(out, payload_length, 4);
  strbuf_append(out, payload, payload_length);
  size_t length = out->length - start - 4;
  for (size_t i = 0; i < 4; i++)
    out->data[start + i] = (char)(length >> (8 * i));
  byte_pack_put_uint(out, XXH3_64bits(out->data + start + 4, length), 8);
  self->record_count++;
}

// The old record of key, checked file by file. The lock is held.
static exact_tu *exact_cache__find_locked(exact_cache *self, const exact_unit_key *key) {
  char key_bytes[16];
  for (size_t i = 0; i < 8; i++) {
    key_bytes[i] = (char)(key->low >> (8 * i));
    key_bytes[8 + i] = (char)(key->high >> (8 * i));
  }
  uint32_t index;
  if (!strmap_get(self->old_index, key_bytes, 16, &index))
    return NULL;
  const exact_cache_unit *unit = &self->old_units[index];
  byte_reader in = {unit->record + 16, unit->record + unit->length, true};
  uint64_t file_count = byte_reader_uint(&in, 4);
  if (!in.ok || file_count > unit->length / EXACT_DEP_BYTES)
    return NULL;
  const char **paths = xcalloc(file_count + 1, sizeof(char *));
  const exact_cache_state **files = xcalloc(file_count + 1, sizeof(exact_cache_state *));
  exact_tu *tu = NULL;
  exact_cache_watch *watches = NULL;
  bool same = true; // nothing changed, not even a stamp
  for (uint64_t i = 0; i < file_count; i++) {
    uint64_t path = byte_reader_uint(&in, 4);
    fact_cache_stamp stamp;
    stamp.size = (int64_t)byte_reader_uint(&in, 8);
    stamp.inode = (int64_t)byte_reader_uint(&in, 8);
    stamp.mtime_sec = (int64_t)byte_reader_uint(&in, 8);
    stamp.mtime_nsec = (int64_t)byte_reader_uint(&in, 8);
    fact_cache_hash hash;
    hash.low = byte_reader_uint(&in, 8);
    hash.high = byte_reader_uint(&in, 8);
    if (!in.ok || path >= self->old_path_count)
      goto cleanup;
    exact_cache_state *state = exact_cache__state(self, self->old_paths[path]);
    if (!state->present)
      goto cleanup;
    // A file changed within the second the pack was written may keep its
    // stamp: trust the stamp only for files older than that.
    if (memcmp(&state->stamp, &stamp, sizeof(stamp)) == 0 && stamp.mtime_sec < self->written_at) {
      if (!state->hashed) {
        state->hash = hash;
        state->hashed = true;
      }
    } else {
      same = false;
    }
    if (!exact_cache__hash(state) || state->hash.low != hash.low || state->hash.high != hash.high)
      goto cleanup;
    paths[i] = state->path;
    files[i] = state;
  }
  uint64_t watch_count = byte_reader_uint(&in, 4);
  if (!in.ok || watch_count > unit->length / 32)
    goto cleanup;
  watches = xcalloc(watch_count + 1, sizeof(exact_cache_watch));
  for (uint64_t i = 0; i < watch_count; i++) {
    uint64_t folder = byte_reader_uint(&in, 4);
    uint64_t exists = byte_reader_uint(&in, 4);
    int64_t inode = (int64_t)byte_reader_uint(&in, 8);
    int64_t mtime_sec = (int64_t)byte_reader_uint(&in, 8);
    int64_t mtime_nsec = (int64_t)byte_reader_uint(&in, 8);
    if (!in.ok || folder >= self->old_path_count || exists >= self->old_path_count)
      goto cleanup;
    // The header is still missing while the same ancestor is the deepest
    // that exists and has not changed since before the pack was written.
    exact_cache_state *now = exact_cache__existing_folder(self, self->old_paths[folder]);
    if (strcmp(now->path, self->old_paths[exists]) != 0 || now->stamp.inode != inode ||
        now->stamp.mtime_sec != mtime_sec || now->stamp.mtime_nsec != mtime_nsec ||
        mtime_sec >= self->written_at)
      goto cleanup;
    watches[i] = (exact_cache_watch){self->old_paths[folder], now};
  }
  size_t payload_length = (size_t)byte_reader_uint(&in, 4);
  const char *payload = byte_reader_bytes(&in, payload_length);
  if (!payload || in.at != in.end)
    goto cleanup;
  tu = exact_tu_decode(payload, payload_length, paths, file_count);
  if (tu) {
    exact_cache__append(self, key, files, file_count, watches, watch_count, payload,
                        payload_length);
    self->changed = self->changed || !same;
  }
cleanup:
  free(paths);
  free(files);
  free(watches);
  return tu;
}

exact_tu *exact_cache_find(exact_cache *self, const exact_unit_key *key) {
  pthread_mutex_lock(&self->lock);
  exact_tu *tu = exact_cache__find_locked(self, key);
  pthread_mutex_unlock(&self->lock);
  return tu;
}

// The folder where include `spelled`, looked up in dir, would be.
static char *exact_cache__watched_folder(const char *dir, const char *spelled) {
  const char *slash = strrchr(spelled, '/');
  char *folder;
  if (spelled[0] == '/')
    folder = xstrndup(spelled, slash && slash != spelled ? (size_t)(slash - spelled) : 1);
  else if (slash)
    folder = xasprintf("%s/%.*s", dir, (int)(slash - spelled), spelled);
  else
    folder = xstrdup(dir);
  return folder;
}

void exact_cache_keep(exact_cache *self, const exact_unit_key *key, const exact_tu *tu,
                      const char *const *search_dirs, size_t search_dir_count) {
  strbuf payload;
  strbuf_init(&payload);
  exact_tu_encode(tu, &payload);
  const exact_cache_state **files = xcalloc(tu->file_count + 1, sizeof(exact_cache_state *));
  exact_cache_watch *watches = NULL;
  size_t watch_count = 0, watch_capacity = 0;
  char **folders = NULL; // owned here, borrowed by watches
  strmap *seen = strmap_new();
  pthread_mutex_lock(&self->lock);
  bool ok = true;
  for (size_t i = 0; ok && i < tu->file_count; i++) {
    exact_cache_state *state = exact_cache__state(self, tu->files[i]);
    ok = exact_cache__hash(state);
    files[i] = state;
  }
  // Where each header the unit did not find would appear: its includer's
  // folder and every include dir of the command.
  for (size_t i = 0; ok && i < tu->inclusion_count; i++) {
    const exact_inclusion *inclusion = &tu->inclusions[i];
    if (inclusion->included != EXACT_NO_FILE)
      continue;
    const char *includer = tu->files[inclusion->includer];
    const char *slash = strrchr(includer, '/');
    char *own = xstrndup(includer, slash ? (size_t)(slash - includer) : 0);
    for (size_t d = 0; d <= search_dir_count; d++) {
      char *folder =
          exact_cache__watched_folder(d == 0 ? own : search_dirs[d - 1], inclusion->spelled);
      uint32_t ignored;
      if (strmap_get(seen, folder, strlen(folder), &ignored)) {
        free(folder);
        continue;
      }
      if (watch_count == watch_capacity) {
        watch_capacity = watch_capacity ? 2 * watch_capacity : 16;
        watches = xrealloc(watches, watch_capacity * sizeof(exact_cache_watch));
        folders = xrealloc(folders, watch_capacity * sizeof(char *));
      }
      folders[watch_count] = folder;
      strmap_put(seen, folder, strlen(folder), 0);
      watches[watch_count] =
          (exact_cache_watch){folder, exact_cache__existing_folder(self, folder)};
      watch_count++;
    }
    free(own);
  }
  if (ok) {
    exact_cache__append(self, key, files, tu->file_count, watches, watch_count, payload.data,
                        payload.length);
    self->changed = true;
  }
  pthread_mutex_unlock(&self->lock);
  strmap_delete(seen);
  for (size_t i = 0; i < watch_count; i++)
    free(folders[i]);
  free(folders);
  free(watches);
  free(files);
  strbuf_release(&payload);
}

bool exact_cache_probe_find(const exact_cache *self, const char *flag, exact_dialect dialect,
                            bool *unknown) {
  for (size_t i = 0; i < self->probe_count; i++) {
    if (self->probes[i].dialect == dialect && strcmp(self->probes[i].flag, flag) == 0) {
      *unknown = self->probes[i].unknown;
      return true;
    }
  }
  return false;
}

void exact_cache_probe_keep(exact_cache *self, const char *flag, exact_dialect dialect,
                            bool unknown) {
  self->probes = xrealloc(self->probes, (self->probe_count + 1) * sizeof(exact_cache_probe));
  self->probes[self->probe_count++] = (exact_cache_probe){xstrdup(flag), dialect, unknown};
  self->changed = true;
}

bool exact_cache_write(exact_cache *self, int64_t run_start) {
  if (!self->changed && self->record_count == self->old_unit_count)
    return true;
  strbuf out;
  strbuf_init(&out);
  strbuf_append(&out, EXACT_PACK_MAGIC, 8);
  byte_pack_put_uint(&out, EXACT_PACK_FORMAT, 4);
  byte_pack_put_uint(&out, (uint64_t)run_start, 8);
  size_t tables = out.length;
  byte_pack_put_uint(&out, self->new_path_count, 4);
  for (size_t i = 0; i < self->new_path_count; i++) {
    size_t length = strlen(self->new_paths[i]);
    byte_pack_put_uint(&out, length, 4);
    strbuf_append(&out, self->new_paths[i], length);
  }
  byte_pack_put_uint(&out, self->probe_count, 4);
  for (size_t i = 0; i < self->probe_count; i++) {
    size_t length = strlen(self->probes[i].flag);
    byte_pack_put_uint(&out, (uint64_t)self->probes[i].dialect, 1);
    byte_pack_put_uint(&out, self->probes[i].unknown, 1);
    byte_pack_put_uint(&out, length, 4);
    strbuf_append(&out, self->probes[i].flag, length);
  }
  byte_pack_put_uint(&out, XXH3_64bits(out.data + tables, out.length - tables), 8);
  byte_pack_put_uint(&out, self->record_count, 4);
  strbuf_append(&out, self->records.data, self->records.length);

  mkdir(self->folder, 0777); // the fact cache made it, with its tags, unless it could not
  char *temporary = xasprintf("%s.tmp-XXXXXX", self->pack_path);
  int fd = mkstemp(temporary);
  bool ok = fd >= 0;
  size_t done = 0;
  while (ok && done < out.length) {
    ssize_t put = write(fd, out.data + done, out.length - done);
    if (put < 0 && errno == EINTR)
      continue;
    ok = put > 0;
    if (ok)
      done += (size_t)put;
  }
  if (fd >= 0) {
    ok = close(fd) == 0 && ok;
    ok = ok && rename(temporary, self->pack_path) == 0;
    if (!ok)
      unlink(temporary);
  }
  free(temporary);
  strbuf_release(&out);
  return ok;
}
