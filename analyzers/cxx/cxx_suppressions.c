#include "cxx_suppressions.h"

#include "source.h"
#include "strbuf.h"
#include "suppression_comment.h"

#include <stdint.h>

static const char cxx_suppressions__marker[] = "strata:";

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

void cxx_suppressions_extract(const char *bytes, size_t length, cxx_token_list *tokens,
                              cxx_lines *lines, file_facts *facts) {
  strbuf text;
  strbuf_init(&text);
  // Columns count on along a line: a line of many comments costs it once.
  source_columns columns;
  source_columns_init(&columns, bytes);
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
    if (!suppression_comment_parse(text.data, text.length, &parsed))
      continue;
    uint32_t line = cxx_lines_line(lines, comment->begin);
    fact_suppression *suppression = file_facts_add_suppression(facts);
    *suppression = parsed;
    suppression->line = line;
    suppression->column = source_columns_at(&columns, cxx_lines_start(lines, line), comment->begin);
  }
  strbuf_release(&text);
}
