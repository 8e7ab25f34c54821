#include "config_suggest.h"

#include <stdint.h>
#include <string.h>

// Names are short; longer words are not typos worth a suggestion.
enum { CONFIG_SUGGEST_MAX_LENGTH = 64 };

size_t config_suggest_distance(const char *a, const char *b) {
  size_t n = strlen(a);
  size_t m = strlen(b);
  if (n > CONFIG_SUGGEST_MAX_LENGTH || m > CONFIG_SUGGEST_MAX_LENGTH)
    return SIZE_MAX;
  // Three rows of the dynamic programme: i-2, i-1 and i.
  size_t rows[3][CONFIG_SUGGEST_MAX_LENGTH + 1];
  for (size_t j = 0; j <= m; j++)
    rows[0][j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t *current = rows[i % 3];
    const size_t *previous = rows[(i - 1) % 3];
    const size_t *before = rows[(i + 1) % 3]; // row i-2
    current[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = previous[j - 1] + cost;
      if (previous[j] + 1 < best)
        best = previous[j] + 1;
      if (current[j - 1] + 1 < best)
        best = current[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          before[j - 2] + 1 < best)
        best = before[j - 2] + 1;
      current[j] = best;
    }
  }
  return rows[n % 3][m];
}

void config_suggest_init(config_suggest *self, const char *word) {
  self->word = word;
  self->best = NULL;
  self->best_distance = SIZE_MAX;
}

void config_suggest_offer(config_suggest *self, const char *name) {
  size_t distance = config_suggest_distance(self->word, name);
  // Close means one edit for short names, two from six letters up: "atne"
  // suggests "aten", but "ab" suggests nothing.
  size_t length = strlen(name);
  size_t allowed = length >= 6 ? 2 : 1;
  if (distance == 0 || distance > allowed || distance >= length)
    return;
  if (distance < self->best_distance) {
    self->best = name;
    self->best_distance = distance;
  }
}
