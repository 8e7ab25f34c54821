// A hash map from strings to indices, for the lookups every graph stage
// makes (path -> file, module -> file). Keys are borrowed, not copied: they
// must outlive the map.
#ifndef STRATA_STRMAP_H
#define STRATA_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct strmap strmap;

// Returns an empty map the caller frees with strmap_delete.
strmap *strmap_new(void);
void strmap_delete(strmap *self);
// Sets key to value, replacing an earlier value.
void strmap_put(strmap *self, const char *key, size_t key_length, uint32_t value);
// Whether key is present; sets *value when it is.
bool strmap_get(const strmap *self, const char *key, size_t key_length, uint32_t *value);
size_t strmap_count(const strmap *self);

#endif
