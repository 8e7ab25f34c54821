#include "fact_cache.h"

#include "byte_pack.h"

#include "atomic_file.h"
#include "facts_codec.h"
#include "strmap.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#define PACK_MAGIC "STRATAFC"
#define PACK_FORMAT 2u
// A pack larger than this is not read: it is not one strata wrote for a tree
// it can analyze.
#define PACK_MAX_BYTES ((size_t)1 << 31)

typedef struct pack_entry {
  const char *path; // into the pack's bytes, not NUL-terminated
  size_t path_length;
  fact_cache_stamp stamp;
  fact_cache_hash hash;
  const char *payload;
  size_t payload_length;
} pack_entry;

struct fact_cache {
  char *folder;
  char *pack_path;
  uint64_t options_key;
  char *bytes; // the whole pack as read
  size_t length;
  int64_t written_at; // the run start recorded in the pack
  pack_entry *entries;
  size_t entry_count;
  strmap *by_path;
  strmap *by_hash;
};

fact_cache_stamp fact_cache_stamp_of(const struct stat *info) {
  fact_cache_stamp stamp = {(int64_t)info->st_size, (int64_t)info->st_ino,
                            (int64_t)info->st_mtim.tv_sec, (int64_t)info->st_mtim.tv_nsec};
  return stamp;
}

fact_cache_hash fact_cache_hash_bytes(const char *bytes, size_t length) {
  XXH128_hash_t hash = XXH3_128bits(bytes, length);
  fact_cache_hash result = {hash.low64, hash.high64};
  return result;
}

static bool fact_cache__read_file(const char *path, char **bytes, size_t *length) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat info;
  bool ok = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && (size_t)info.st_size < PACK_MAX_BYTES;
  if (ok) {
    *length = (size_t)info.st_size;
    *bytes = xmalloc(*length + 1);
    size_t done = 0;
    while (ok && done < *length) {
      ssize_t got = read(fd, *bytes + done, *length - done);
      if (got < 0 && errno == EINTR)
        continue;
      ok = got > 0;
      if (ok)
        done += (size_t)got;
    }
    if (!ok) {
      free(*bytes);
      *bytes = NULL;
    }
  }
  close(fd);
  return ok;
}

// Reads the pack's entries, stopping at the first one that does not check
// out: what comes before it was written whole and is kept.
static void fact_cache__load(fact_cache *self) {
  if (!fact_cache__read_file(self->pack_path, &self->bytes, &self->length))
    return;
  byte_reader in = {self->bytes, self->bytes + self->length, true};
  const char *magic = byte_reader_bytes(&in, 8);
  uint64_t format = byte_reader_uint(&in, 4);
  uint64_t facts_format = byte_reader_uint(&in, 4);
  uint64_t key = byte_reader_uint(&in, 8);
  self->written_at = (int64_t)byte_reader_uint(&in, 8);
  uint64_t count = byte_reader_uint(&in, 8);
  uint64_t header_sum = byte_reader_uint(&in, 8);
  if (!in.ok || memcmp(magic, PACK_MAGIC, 8) != 0 || format != PACK_FORMAT ||
      facts_format != FACTS_FORMAT || key != self->options_key ||
      header_sum != XXH3_64bits(self->bytes, 40) || count > self->length / 60)
    return;
  self->entries = xcalloc(count + 1, sizeof(pack_entry));
  for (uint64_t i = 0; i < count; i++) {
    const char *start = in.at;
    pack_entry entry;
    entry.path_length = (size_t)byte_reader_uint(&in, 4);
    entry.path = byte_reader_bytes(&in, entry.path_length);
    entry.stamp.size = (int64_t)byte_reader_uint(&in, 8);
    entry.stamp.inode = (int64_t)byte_reader_uint(&in, 8);
    entry.stamp.mtime_sec = (int64_t)byte_reader_uint(&in, 8);
    entry.stamp.mtime_nsec = (int64_t)byte_reader_uint(&in, 8);
    entry.hash.low = byte_reader_uint(&in, 8);
    entry.hash.high = byte_reader_uint(&in, 8);
    entry.payload_length = (size_t)byte_reader_uint(&in, 4);
    entry.payload = byte_reader_bytes(&in, entry.payload_length);
    size_t covered = (size_t)(in.at - start);
    uint64_t sum = byte_reader_uint(&in, 8);
    if (!in.ok || sum != XXH3_64bits(start, covered))
      break;
    self->entries[self->entry_count++] = entry;
  }
  for (size_t i = 0; i < self->entry_count; i++) {
    const pack_entry *entry = &self->entries[i];
    strmap_put(self->by_path, entry->path, entry->path_length, (uint32_t)i);
    strmap_put(self->by_hash, (const char *)&entry->hash, sizeof(entry->hash), (uint32_t)i);
  }
}

fact_cache *fact_cache_open(const char *folder, uint64_t options_key) {
  fact_cache *self = xcalloc(1, sizeof(fact_cache));
  self->folder = xstrdup(folder);
  self->options_key = options_key;
  self->pack_path = xasprintf("%s/facts-%016llx.pack", folder, (unsigned long long)options_key);
  self->by_path = strmap_new();
  self->by_hash = strmap_new();
  fact_cache__load(self);
  return self;
}

void fact_cache_delete(fact_cache *self) {
  if (!self)
    return;
  free(self->folder);
  free(self->pack_path);
  free(self->bytes);
  free(self->entries);
  strmap_delete(self->by_path);
  strmap_delete(self->by_hash);
  free(self);
}

static file_facts *fact_cache__use(const pack_entry *entry, fact_cache_record *record) {
  file_facts *facts = facts_decode(entry->payload, entry->payload_length);
  if (!facts)
    return NULL;
  record->hash = entry->hash;
  record->payload = entry->payload;
  record->payload_length = entry->payload_length;
  record->valid = true;
  return facts;
}

file_facts *fact_cache_find_by_stamp(const fact_cache *self, const char *path,
                                     const fact_cache_stamp *stamp, fact_cache_record *record) {
  uint32_t index;
  if (!strmap_get(self->by_path, path, strlen(path), &index))
    return NULL;
  const pack_entry *entry = &self->entries[index];
  // A file changed within the second the pack was written may keep its
  // stamp: trust the stamp only for files older than that.
  if (memcmp(&entry->stamp, stamp, sizeof(*stamp)) != 0 || stamp->mtime_sec >= self->written_at)
    return NULL;
  file_facts *facts = fact_cache__use(entry, record);
  if (facts) {
    record->stamp = *stamp;
    record->reused_by_stamp = true;
  }
  return facts;
}

file_facts *fact_cache_find_by_hash(const fact_cache *self, const fact_cache_hash *hash,
                                    fact_cache_record *record) {
  uint32_t index;
  if (!strmap_get(self->by_hash, (const char *)hash, sizeof(*hash), &index))
    return NULL;
  return fact_cache__use(&self->entries[index], record);
}

bool fact_cache_write(fact_cache *self, const char *const *paths, const fact_cache_record *records,
                      size_t count, int64_t run_start_sec) {
  size_t valid = 0;
  bool changed = false;
  for (size_t i = 0; i < count; i++) {
    if (!records[i].valid)
      continue;
    valid++;
    if (!records[i].reused_by_stamp)
      changed = true;
  }
  if (!changed && valid == self->entry_count)
    return true;
  strbuf out;
  strbuf_init(&out);
  strbuf_append(&out, PACK_MAGIC, 8);
  byte_pack_put_uint(&out, PACK_FORMAT, 4);
  byte_pack_put_uint(&out, FACTS_FORMAT, 4);
  byte_pack_put_uint(&out, self->options_key, 8);
  byte_pack_put_uint(&out, (uint64_t)run_start_sec, 8);
  byte_pack_put_uint(&out, valid, 8);
  byte_pack_put_uint(&out, XXH3_64bits(out.data, 40), 8);
  for (size_t i = 0; i < count; i++) {
    const fact_cache_record *record = &records[i];
    if (!record->valid)
      continue;
    size_t start = out.length;
    size_t path_length = strlen(paths[i]);
    byte_pack_put_uint(&out, path_length, 4);
    strbuf_append(&out, paths[i], path_length);
    byte_pack_put_uint(&out, (uint64_t)record->stamp.size, 8);
    byte_pack_put_uint(&out, (uint64_t)record->stamp.inode, 8);
    byte_pack_put_uint(&out, (uint64_t)record->stamp.mtime_sec, 8);
    byte_pack_put_uint(&out, (uint64_t)record->stamp.mtime_nsec, 8);
    byte_pack_put_uint(&out, record->hash.low, 8);
    byte_pack_put_uint(&out, record->hash.high, 8);
    byte_pack_put_uint(&out, record->payload_length, 4);
    strbuf_append(&out, record->payload, record->payload_length);
    byte_pack_put_uint(&out, XXH3_64bits(out.data + start, out.length - start), 8);
  }
  bool ok = false;
  if (mkdir(self->folder, 0777) == 0) {
    // Mark the folder as a cache for backup tools, and keep it out of git.
    char *tag = xasprintf("%s/CACHEDIR.TAG", self->folder);
    FILE *file = fopen(tag, "w");
    if (file) {
      fputs("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This folder holds strata's fact cache; it is safe to delete.\n",
            file);
      fclose(file);
    }
    free(tag);
    char *ignore = xasprintf("%s/.gitignore", self->folder);
    file = fopen(ignore, "w");
    if (file) {
      fputs("*\n", file);
      fclose(file);
    }
    free(ignore);
  }
  // Written as any output file is (atomic_file.h): whole or not at all, by
  // concurrent runs too, with nothing left behind by a killed one, and
  // readable by the other users of a shared cache as the umask allows.
  int error_number = 0;
  atomic_file *file = atomic_file_open(self->pack_path, &error_number);
  if (file) {
    ok = fwrite(out.data, 1, out.length, atomic_file_stream(file)) == out.length;
    if (ok)
      ok = atomic_file_commit(file, &error_number);
    else
      atomic_file_abort(file);
  }
  strbuf_release(&out);
  return ok;
}
