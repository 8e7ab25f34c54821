#include "cxx_suppressions.h"

#include "source.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char cxx_suppressions__marker[] = "strata:";

static bool cxx_suppressions__space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The index of the token holding offset (tokens are sorted by where they
// begin), or count when none does.
static size_t cxx_suppressions__token_at(cxx_token_list *tokens, size_t offset) {
  size_t low = 0, high = tokens->count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (tokens->items[middle].begin <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  if (low == 0)
    return tokens->count;
  size_t index = low - 1;
  return offset < cxx_token_end(tokens, index) ? index : tokens->count;
}

// Parses the text of one comment (splices taken out). Returns false when it
// is no suppression.
static bool cxx_suppressions__parse(const char *text, size_t length, fact_suppression *out) {
  bool block = length >= 2 && text[1] == '*';
  const char *end = text + length;
  if (block && length >= 4 && end[-1] == '/' && end[-2] == '*')
    end -= 2;
  const char *at = text + 2;
  while (at < end && (*at == '/' || *at == '*' || *at == '!'))
    at++;
  while (at < end && cxx_suppressions__space(*at))
    at++;
  size_t marker = sizeof(cxx_suppressions__marker) - 1;
  if ((size_t)(end - at) < marker || memcmp(at, cxx_suppressions__marker, marker) != 0)
    return false;
  at += marker;
  while (at < end && cxx_suppressions__space(*at))
    at++;
  if ((size_t)(end - at) < 7 || memcmp(at, "ignore[", 7) != 0)
    return false;
  at += 7;
  const char *close = memchr(at, ']', (size_t)(end - at));
  if (!close)
    return false;
  while (at < close) {
    const char *comma = memchr(at, ',', (size_t)(close - at));
    const char *stop = comma ? comma : close;
    const char *first = at, *last = stop;
    while (first < last && cxx_suppressions__space(*first))
      first++;
    while (last > first && cxx_suppressions__space(last[-1]))
      last--;
    if (last > first)
      fact_suppression_add_rule(out, first, (size_t)(last - first));
    at = comma ? comma + 1 : close;
  }
  strbuf reason;
  strbuf_init(&reason);
  bool space = false;
  for (at = close + 1; at < end; at++) {
    if (cxx_suppressions__space(*at)) {
      space = reason.length > 0;
      continue;
    }
    if (space)
      strbuf_append_char(&reason, ' ');
    space = false;
    strbuf_append_char(&reason, *at);
  }
  out->reason = reason.length ? strbuf_detach(&reason) : NULL;
  strbuf_release(&reason);
  return true;
}

void cxx_suppressions_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                              cxx_lines *lines, file_facts *facts) {
  strbuf text;
  strbuf_init(&text);
  size_t from = 0;
  for (;;) {
    size_t hit = cxx_text_find(bytes, length, from, cxx_suppressions__marker, false);
    if (hit == SIZE_MAX)
      break;
    size_t index = cxx_suppressions__token_at(tokens, hit);
    from = hit + 1;
    if (index == tokens->count || tokens->items[index].kind != CXX_TOKEN_COMMENT)
      continue;
    const cxx_token *comment = &tokens->items[index];
    uint32_t comment_end = cxx_token_end(tokens, index);
    from = comment_end; // one suppression per comment
    strbuf_clear(&text);
    cxx_text_append(bytes, comment->begin, comment_end, &text);
    fact_suppression parsed = {0};
    if (!cxx_suppressions__parse(text.data, text.length, &parsed)) {
      for (uint32_t r = 0; r < parsed.rule_count; r++)
        free(parsed.rules[r]);
      free(parsed.rules);
      continue;
    }
    uint32_t line = cxx_lines_line(lines, comment->begin);
    fact_suppression *suppression = file_facts_add_suppression(facts);
    *suppression = parsed;
    suppression->line = line;
    suppression->column = source_column(bytes, cxx_lines_start(lines, line), comment->begin);
  }
  strbuf_release(&text);
}
