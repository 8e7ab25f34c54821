#include "strmap.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct strmap_slot {
  const char *key; // NULL when empty
  size_t key_length;
  uint64_t hash;
  uint32_t value;
} strmap_slot;

struct strmap {
  strmap_slot *slots;
  size_t capacity; // a power of two
  size_t count;
};

strmap *strmap_new(void) {
  strmap *self = xcalloc(1, sizeof(strmap));
  self->capacity = 64;
  self->slots = xcalloc(self->capacity, sizeof(strmap_slot));
  return self;
}

void strmap_delete(strmap *self) {
  if (!self)
    return;
  free(self->slots);
  free(self);
}

static strmap_slot *strmap__find(const strmap *self, const char *key, size_t key_length,
                                 uint64_t hash) {
  size_t mask = self->capacity - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    strmap_slot *slot = &self->slots[i];
    if (!slot->key)
      return slot;
    if (slot->hash == hash && slot->key_length == key_length &&
        memcmp(slot->key, key, key_length) == 0)
      return slot;
  }
}

static void strmap__grow(strmap *self) {
  strmap_slot *old = self->slots;
  size_t old_capacity = self->capacity;
  self->capacity *= 2;
  self->slots = xcalloc(self->capacity, sizeof(strmap_slot));
  for (size_t i = 0; i < old_capacity; i++)
    if (old[i].key)
      *strmap__find(self, old[i].key, old[i].key_length, old[i].hash) = old[i];
  free(old);
}

void strmap_put(strmap *self, const char *key, size_t key_length, uint32_t value) {
  // Keep the load under 1/2 so probes stay short.
  if ((self->count + 1) * 2 > self->capacity)
    strmap__grow(self);
  uint64_t hash = XXH3_64bits(key, key_length);
  strmap_slot *slot = strmap__find(self, key, key_length, hash);
  if (!slot->key) {
    slot->key = key;
    slot->key_length = key_length;
    slot->hash = hash;
    self->count++;
  }
  slot->value = value;
}

bool strmap_get(const strmap *self, const char *key, size_t key_length, uint32_t *value) {
  uint64_t hash = XXH3_64bits(key, key_length);
  const strmap_slot *slot = strmap__find(self, key, key_length, hash);
  if (!slot->key)
    return false;
  *value = slot->value;
  return true;
}

size_t strmap_count(const strmap *self) {
  return self->count;
}
