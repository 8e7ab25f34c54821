#include "python_suppressions.h"

#include "python_text.h"
#include "strbuf.h"

#include <string.h>

static bool python_suppressions__blank(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n';
}

// Narrows [*start, *end) to leave out blanks at both ends.
static void python_suppressions__trim(const char *text, size_t *start, size_t *end) {
  while (*start < *end && python_suppressions__blank(text[*start]))
    (*start)++;
  while (*end > *start && python_suppressions__blank(text[*end - 1]))
    (*end)--;
}

static bool python_suppressions__word(const char *text, size_t length, size_t *at,
                                      const char *word) {
  size_t word_length = strlen(word);
  if (length - *at < word_length || memcmp(text + *at, word, word_length) != 0)
    return false;
  *at += word_length;
  return true;
}

// Where "ignore" ends in the first `strata: ignore` of text, or 0.
static size_t python_suppressions__find(const char *text, size_t length) {
  for (size_t marker = 0; marker < length; marker++) {
    // The comment's own marker opens it; after that a '#' may open a second
    // directive (`# type: ignore  # strata: ignore[...]`).
    bool opens = marker == 0 || text[marker] == '#';
    if (!opens)
      continue;
    size_t at = marker;
    while (at < length && (text[at] == '#' || text[at] == '/'))
      at++;
    while (at < length && python_suppressions__blank(text[at]))
      at++;
    if (!python_suppressions__word(text, length, &at, "strata:"))
      continue;
    while (at < length && python_suppressions__blank(text[at]))
      at++;
    if (!python_suppressions__word(text, length, &at, "ignore"))
      continue;
    if (at < length && text[at] != '[' && !python_suppressions__blank(text[at]))
      continue;
    return at;
  }
  return 0;
}

bool python_suppression_parse(const char *text, size_t length, uint32_t line, uint32_t column,
                              file_facts *facts) {
  size_t at = python_suppressions__find(text, length);
  if (at == 0)
    return false;
  fact_suppression *suppression = file_facts_add_suppression(facts);
  suppression->line = line;
  suppression->column = column;
  size_t rest = at;
  while (rest < length && python_suppressions__blank(text[rest]))
    rest++;
  if (rest < length && text[rest] == '[') {
    const char *close = memchr(text + rest, ']', length - rest);
    if (!close)
      return true; // unclosed: no rules, no reason
    size_t list_end = (size_t)(close - text);
    size_t entry = rest + 1;
    while (entry <= list_end) {
      const char *comma = memchr(text + entry, ',', list_end - entry);
      size_t entry_end = comma ? (size_t)(comma - text) : list_end;
      size_t start = entry;
      size_t end = entry_end;
      python_suppressions__trim(text, &start, &end);
      if (end > start)
        fact_suppression_add_rule(suppression, text + start, end - start);
      entry = entry_end + 1;
    }
    rest = list_end + 1;
  }
  strbuf reason;
  strbuf_init(&reason);
  python_text_fold_plain(text, rest, length, &reason);
  if (reason.length > 0)
    suppression->reason = strbuf_detach(&reason);
  strbuf_release(&reason);
  return true;
}

void python_suppressions_extract(const python_comments *comments, const char *bytes,
                                 file_facts *facts) {
  for (size_t i = 0; i < comments->count; i++) {
    const python_comment *comment = &comments->items[i];
    python_suppression_parse(bytes + comment->start, comment->end - comment->start, comment->line,
                             comment->column, facts);
  }
}
