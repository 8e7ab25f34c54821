#include "suppression_comment.h"

#include "strbuf.h"

#include <string.h>

static const char suppression_comment__marker[] = "strata:";

static bool suppression_comment__blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static size_t suppression_comment__skip_blanks(const char *text, size_t at, size_t end) {
  while (at < end && suppression_comment__blank(text[at]))
    at++;
  return at;
}

static bool suppression_comment__word(const char *text, size_t end, size_t *at, const char *word) {
  size_t length = strlen(word);
  if (end - *at < length || memcmp(text + *at, word, length) != 0)
    return false;
  *at += length;
  return true;
}

// Where "ignore" ends when a directive `strata: ignore` opens the comment
// text at start (its opening characters included), else 0.
static size_t suppression_comment__directive(const char *text, size_t start, size_t end,
                                             bool python) {
  size_t at = start;
  if (python) {
    while (at < end && text[at] == '#')
      at++;
  } else {
    while (at < end && (text[at] == '/' || text[at] == '*' || text[at] == '!'))
      at++;
  }
  at = suppression_comment__skip_blanks(text, at, end);
  if (!suppression_comment__word(text, end, &at, suppression_comment__marker))
    return 0;
  at = suppression_comment__skip_blanks(text, at, end);
  if (!suppression_comment__word(text, end, &at, "ignore"))
    return 0;
  if (at < end && text[at] != '[' && !suppression_comment__blank(text[at]))
    return 0;
  return at;
}

// Where "ignore" ends in the first directive of the comment: at its start,
// or after a later comment marker ('#' in Python, "//" in C); 0 when none.
static size_t suppression_comment__find(const char *text, size_t end, bool python) {
  for (size_t at = 0; at < end; at++) {
    bool opens = at == 0 || (python ? text[at] == '#'
                                    : text[at] == '/' && at + 1 < end && text[at + 1] == '/');
    if (!opens)
      continue;
    size_t found = suppression_comment__directive(text, at, end, python);
    if (found)
      return found;
    // Skip the rest of this marker's run, so "///" is one boundary.
    while (at + 1 < end && text[at + 1] == text[at])
      at++;
  }
  return 0;
}

static void suppression_comment__fold(const char *text, size_t start, size_t end, strbuf *out) {
  bool space = false;
  for (size_t i = start; i < end; i++) {
    if (suppression_comment__blank(text[i])) {
      space = out->length > 0;
      continue;
    }
    if (space)
      strbuf_append_char(out, ' ');
    space = false;
    strbuf_append_char(out, text[i]);
  }
}

bool suppression_comment_parse(const char *text, size_t length, fact_suppression *out) {
  if (length == 0)
    return false;
  bool python = text[0] == '#';
  size_t end = length;
  if (!python && length >= 4 && text[1] == '*' && text[end - 1] == '/' && text[end - 2] == '*')
    end -= 2;
  size_t at = suppression_comment__find(text, end, python);
  if (at == 0)
    return false;
  at = suppression_comment__skip_blanks(text, at, end);
  if (at < end && text[at] == '[') {
    const char *close = memchr(text + at, ']', end - at);
    if (!close)
      return true; // unclosed: malformed, no rules and no reason
    size_t list_end = (size_t)(close - text);
    for (size_t entry = at + 1; entry <= list_end;) {
      const char *comma = memchr(text + entry, ',', list_end - entry);
      size_t entry_end = comma ? (size_t)(comma - text) : list_end;
      size_t first = suppression_comment__skip_blanks(text, entry, entry_end);
      size_t last = entry_end;
      while (last > first && suppression_comment__blank(text[last - 1]))
        last--;
      if (last > first)
        fact_suppression_add_rule(out, text + first, last - first);
      entry = entry_end + 1;
    }
    at = list_end + 1;
  }
  strbuf reason;
  strbuf_init(&reason);
  suppression_comment__fold(text, at, end, &reason);
  out->reason = reason.length > 0 ? strbuf_detach(&reason) : NULL;
  strbuf_release(&reason);
  return true;
}
