#include "python_suppressions.h"

#include "suppression_comment.h"

#include <stdlib.h>

void python_suppressions_extract(const python_comments *comments, const char *bytes,
                                 file_facts *facts) {
  for (size_t i = 0; i < comments->count; i++) {
    const python_comment *comment = &comments->items[i];
    fact_suppression parsed = {0};
    if (!suppression_comment_parse(bytes + comment->start, comment->end - comment->start, &parsed))
      continue;
    fact_suppression *suppression = file_facts_add_suppression(facts);
    *suppression = parsed;
    suppression->line = comment->line;
    suppression->column = comment->column;
  }
}
