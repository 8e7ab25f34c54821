#include "cxx_deprecations.h"

#include "cxx_text.h"
#include "source.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

// How far a site's parentheses or brackets are followed, and how many tokens
// of them are read for its message or attributes: real sites hold a few
// dozen; a file that never closes them, or nests sites in sites, costs this
// many per site, not the rest of the file.
#define CXX_DEPRECATIONS__MAX_TOKENS 512
// The most bytes of a site's message kept, "..." marking the cut: a site's
// message holds its literals, so sites nested in one another would each
// hold a copy of the ones inside.
#define CXX_DEPRECATIONS__MAX_MESSAGE 16384

typedef struct cxx_scan {
  const char *bytes;
  cxx_token_list *list;
  const cxx_token *tokens;
  size_t count;
  const unsigned char *roles;
  const char *const *macros;
  size_t macro_count;
  cxx_lines *lines;
  file_facts *facts;
  strbuf scratch;
  // match[i]: the ')' or ']' that closes the '(' or '[' at token i (count
  // for other tokens, and for one never closed), found once for the file.
  size_t *match;
  source_columns columns;
  // The last site recorded: the sites of one line share its statement and
  // comments (facts.h), which depend on the line only.
  uint32_t last_line;
  char *last_comments;
  char *last_statement;
} cxx_scan;

static bool cxx_scan__contains(const char *bytes, size_t length, const char *needle,
                               bool any_case) {
  return cxx_text_find(bytes, length, 0, needle, any_case) != SIZE_MAX;
}

bool cxx_deprecations_possible(const char *bytes, size_t length, const char *const *macros,
                               size_t macro_count) {
  if (cxx_scan__contains(bytes, length, "deprecat", true) ||
      cxx_scan__contains(bytes, length, "will be removed", true))
    return true;
  for (size_t i = 0; i < macro_count; i++)
    if (cxx_scan__contains(bytes, length, macros[i], false))
      return true;
  return false;
}

// ---------------------------------------------------------------------------
// Tokens

static bool cxx_scan__is_code(const cxx_scan *self, size_t index) {
  return self->tokens[index].kind != CXX_TOKEN_COMMENT;
}

// The first code token after index, or count.
static size_t cxx_scan__next(const cxx_scan *self, size_t index) {
  for (index++; index < self->count && !cxx_scan__is_code(self, index); index++)
    ;
  return index;
}

static bool cxx_scan__punct(const cxx_scan *self, size_t index, char c) {
  return index < self->count && self->tokens[index].kind == CXX_TOKEN_PUNCTUATION &&
         self->bytes[self->tokens[index].begin] == c;
}

// Whether token index is the identifier (or keyword) name. Names are
// measured in the bytes: a token's end costs a lexer call.
static bool cxx_scan__is(const cxx_scan *self, size_t index, const char *name, size_t length) {
  if (index >= self->count)
    return false;
  const cxx_token *token = &self->tokens[index];
  if (token->kind != CXX_TOKEN_IDENTIFIER && token->kind != CXX_TOKEN_KEYWORD)
    return false;
  // The bytes end in a NUL, which strncmp does not read past.
  const char *text = self->bytes + token->begin;
  return strncmp(text, name, length) == 0 &&
         !cxx_text_is_identifier_char((unsigned char)text[length]);
}

#define CXX_SCAN__IS(self, index, literal) cxx_scan__is(self, index, literal, sizeof(literal) - 1)

static bool cxx_scan__deprecated_name(const cxx_scan *self, size_t index) {
  return CXX_SCAN__IS(self, index, "deprecated") || CXX_SCAN__IS(self, index, "__deprecated__");
}

// Pairs every '(' with its ')' and every '[' with its ']' (each kind
// counted on its own, as a reader of one kind of bracket would), in one pass.
static void cxx_scan__match_brackets(cxx_scan *self) {
  self->match = xmalloc((self->count + 1) * sizeof(size_t));
  size_t *open = xmalloc((self->count + 1) * sizeof(size_t));
  size_t parens = 0, brackets = 0; // open[0..parens) and, from the top, brackets
  for (size_t i = 0; i < self->count; i++) {
    self->match[i] = self->count;
    if (self->tokens[i].kind != CXX_TOKEN_PUNCTUATION)
      continue;
    char c = self->bytes[self->tokens[i].begin];
    if (c == '(')
      open[parens++] = i;
    else if (c == '[')
      open[self->count - ++brackets] = i;
    else if (c == ')' && parens > 0)
      self->match[open[--parens]] = i;
    else if (c == ']' && brackets > 0)
      self->match[open[self->count - brackets--]] = i;
  }
  free(open);
}

// The ')' (or ']') closing the bracket at open, or count when there is
// none near (within CXX_DEPRECATIONS__MAX_TOKENS).
static size_t cxx_scan__close(const cxx_scan *self, size_t open) {
  size_t close = self->match[open];
  return close < self->count && close - open < CXX_DEPRECATIONS__MAX_TOKENS ? close : self->count;
}

// Where reading the inside of the bracket at open stops: its close, or, for
// one never closed near, as far as a bracket is followed.
static size_t cxx_scan__inside_end(const cxx_scan *self, size_t open, size_t close) {
  if (close < self->count)
    return close;
  size_t limit = open + CXX_DEPRECATIONS__MAX_TOKENS;
  return limit < self->count ? limit : self->count;
}

static uint32_t cxx_scan__line(const cxx_scan *self, size_t offset) {
  return cxx_lines_line(self->lines, offset);
}

static uint32_t cxx_scan__last_line(const cxx_scan *self, size_t index) {
  const cxx_token *token = &self->tokens[index];
  if (!cxx_token_may_span_lines(token, self->bytes))
    return cxx_scan__line(self, token->begin);
  uint32_t end = cxx_token_end(self->list, index);
  return cxx_scan__line(self, end > token->begin ? end - 1 : token->begin);
}

// ---------------------------------------------------------------------------
// String literals

// The offset of the opening quote when token index is a string literal
// (with any encoding prefix: u8, u, U, L, R), else SIZE_MAX.
static size_t cxx_scan__string_quote(const cxx_scan *self, size_t index) {
  const cxx_token *token = &self->tokens[index];
  if (token->kind != CXX_TOKEN_LITERAL)
    return SIZE_MAX;
  for (size_t i = 0; i < 4; i++) {
    char c = self->bytes[token->begin + i];
    if (c == '"')
      return token->begin + i;
    if (!strchr("u8ULR", c))
      break;
  }
  return SIZE_MAX;
}

// Appends the characters of an escape-free stretch and the usual escapes
// decoded; other escapes (octal, hex, universal names) are kept as written.
static void cxx_scan__decode(const char *text, size_t length, strbuf *out) {
  for (size_t i = 0; i < length; i++) {
    if (text[i] != '\\' || i + 1 == length) {
      strbuf_append_char(out, text[i]);
      continue;
    }
    char next = text[++i];
    switch (next) {
    case 'n':
      strbuf_append_char(out, '\n');
      break;
    case 't':
      strbuf_append_char(out, '\t');
      break;
    case 'r':
      strbuf_append_char(out, '\r');
      break;
    case '\\':
    case '"':
    case '\'':
    case '?':
      strbuf_append_char(out, next);
      break;
    default:
      strbuf_append_char(out, '\\');
      strbuf_append_char(out, next);
      break;
    }
  }
}

// Appends the text of string literal index (quote: its opening quote) to out.
static void cxx_scan__append_string(cxx_scan *self, size_t index, size_t quote, strbuf *out) {
  const cxx_token *token = &self->tokens[index];
  strbuf *text = &self->scratch;
  strbuf_clear(text);
  cxx_text_append(self->bytes, quote, cxx_token_end(self->list, index), text);
  bool raw = memchr(self->bytes + token->begin, 'R', quote - token->begin) != NULL;
  // The closing quote is the last one: a user-defined suffix may follow it.
  const char *last = strrchr(text->data, '"');
  if (!last || last == text->data)
    return; // unterminated
  if (raw) {
    const char *open = strchr(text->data, '(');
    if (!open || open > last)
      return;
    size_t delimiter = (size_t)(open - text->data) - 1;
    const char *close = last - delimiter - 1; // the ')' before the delimiter
    if (close < open + 1 || *close != ')')
      return;
    strbuf_append(out, open + 1, (size_t)(close - open - 1));
    return;
  }
  cxx_scan__decode(text->data + 1, (size_t)(last - text->data - 1), out);
}

// The message of the arguments in parentheses at open (a '(' token): their
// string literals, concatenated; NULL when there are arguments but no
// literal; "" when there are none. The caller frees it.
static char *cxx_scan__message(cxx_scan *self, size_t open, size_t close) {
  strbuf message;
  strbuf_init(&message);
  bool any_code = false, any_literal = false;
  size_t end = cxx_scan__inside_end(self, open, close);
  for (size_t i = open + 1; i < end; i++) {
    if (!cxx_scan__is_code(self, i))
      continue;
    any_code = true;
    size_t quote = cxx_scan__string_quote(self, i);
    if (quote != SIZE_MAX) {
      any_literal = true;
      if (message.length < CXX_DEPRECATIONS__MAX_MESSAGE)
        cxx_scan__append_string(self, i, quote, &message);
    }
  }
  if (any_code && !any_literal) {
    strbuf_release(&message);
    return NULL;
  }
  if (message.length <= CXX_DEPRECATIONS__MAX_MESSAGE)
    return strbuf_detach(&message);
  // Cut at a character's start, and say so; a copy, so that the buffer a
  // long literal grew is not kept.
  size_t cut = CXX_DEPRECATIONS__MAX_MESSAGE;
  while (cut > 0 && ((unsigned char)message.data[cut] & 0xC0) == 0x80)
    cut--;
  char *kept = xasprintf("%.*s...", (int)cut, message.data);
  strbuf_release(&message);
  return kept;
}

// The message of a name that may be followed by parentheses ("" when it is
// not).
static char *cxx_scan__message_after(cxx_scan *self, size_t name) {
  size_t open = cxx_scan__next(self, name);
  if (!cxx_scan__punct(self, open, '('))
    return xstrdup("");
  return cxx_scan__message(self, open, cxx_scan__close(self, open));
}

// ---------------------------------------------------------------------------
// Where a site is, and what surrounds it

// The first token that starts on the line token index starts on.
static size_t cxx_scan__line_first(const cxx_scan *self, size_t index, uint32_t line) {
  while (index > 0 && cxx_scan__line(self, self->tokens[index - 1].begin) == line)
    index--;
  return index;
}

// Appends the text of comment index to out, after a newline when out holds
// some already.
static void cxx_scan__add_comment(const cxx_scan *self, size_t index, strbuf *out) {
  if (out->length)
    strbuf_append_char(out, '\n');
  cxx_text_append(self->bytes, self->tokens[index].begin, cxx_token_end(self->list, index), out);
}

// The comments of a site whose line is line and whose line's first token is
// first: the comments touching the lines directly above that hold nothing
// but comments (a blank line or code ends them), the comment ending on the
// site's line, and the comments starting on it. NULL when there are none.
static char *cxx_scan__comments(const cxx_scan *self, size_t first, uint32_t line) {
  // Walking up: every line from `covered` to line - 1 is comment-only so
  // far, and the comments from `from` to first - 1 touch those lines.
  uint32_t covered = line;
  size_t from = first;
  for (size_t t = first; t > 0; t--) {
    size_t index = t - 1;
    uint32_t last = cxx_scan__last_line(self, index);
    if (last + 1 < covered)
      break; // a blank line between
    if (cxx_scan__is_code(self, index)) {
      // Code on line `covered` itself: the comments wholly on that line are
      // not above the site after all.
      if (last == covered)
        while (from < first && cxx_scan__last_line(self, from) == covered)
          from++;
      break;
    }
    from = index;
    uint32_t start = cxx_scan__line(self, self->tokens[index].begin);
    if (start < covered)
      covered = start;
  }
  strbuf comments;
  strbuf_init(&comments);
  for (size_t i = from; i < first; i++)
    cxx_scan__add_comment(self, i, &comments);
  for (size_t i = first; i < self->count && cxx_scan__line(self, self->tokens[i].begin) == line;
       i++)
    if (!cxx_scan__is_code(self, i))
      cxx_scan__add_comment(self, i, &comments);
  if (comments.length == 0) {
    strbuf_release(&comments);
    return NULL;
  }
  return strbuf_detach(&comments);
}

// The code tokens starting on line (the first being first), one space where
// white space or a comment stood between two of them.
static char *cxx_scan__statement(const cxx_scan *self, size_t first, uint32_t line) {
  strbuf statement;
  strbuf_init(&statement);
  size_t previous_end = SIZE_MAX;
  for (size_t i = first; i < self->count && cxx_scan__line(self, self->tokens[i].begin) == line;
       i++) {
    if (!cxx_scan__is_code(self, i))
      continue;
    const cxx_token *token = &self->tokens[i];
    if (previous_end != SIZE_MAX && token->begin != previous_end)
      strbuf_append_char(&statement, ' ');
    previous_end = cxx_token_end(self->list, i);
    cxx_text_append(self->bytes, token->begin, previous_end, &statement);
  }
  // A raw string spanning lines would carry its line breaks along.
  for (size_t i = 0; i < statement.length; i++)
    if (statement.data[i] == '\n' || statement.data[i] == '\r' || statement.data[i] == '\t')
      statement.data[i] = ' ';
  return strbuf_detach(&statement);
}

// Records a site starting at token start; takes message. The sites of one
// line share its comments and statement, read once for the line.
static void cxx_scan__add(cxx_scan *self, size_t start, const char *kind, char *message) {
  const cxx_token *token = &self->tokens[start];
  uint32_t line = cxx_scan__line(self, token->begin);
  fact_deprecation *site = file_facts_add_deprecation(self->facts);
  site->line = line;
  site->column =
      source_columns_at(&self->columns, cxx_lines_start(self->lines, line), (size_t)token->begin);
  site->kind = xstrdup(kind);
  site->message = message;
  if (line == self->last_line) {
    site->comments = self->last_comments;
    site->statement = self->last_statement;
    return;
  }
  size_t first = cxx_scan__line_first(self, start, line);
  site->comments = cxx_scan__comments(self, first, line);
  site->statement = cxx_scan__statement(self, first, line);
  self->last_line = line;
  self->last_comments = site->comments;
  self->last_statement = site->statement;
}

// ---------------------------------------------------------------------------
// The forms

// `[[ ... ]]` at index: a site for each deprecated attribute at its top
// level. Returns the index to go on from.
static size_t cxx_scan__attribute_list(cxx_scan *self, size_t index) {
  size_t second = cxx_scan__next(self, index);
  if (!cxx_scan__punct(self, second, '['))
    return index + 1;
  size_t close = cxx_scan__close(self, second);
  size_t end = cxx_scan__inside_end(self, second, close);
  for (size_t i = second + 1; i < end; i++) {
    if (cxx_scan__punct(self, i, '(') || cxx_scan__punct(self, i, '[')) {
      i = cxx_scan__close(self, i);
      continue;
    }
    if (cxx_scan__deprecated_name(self, i))
      cxx_scan__add(self, index, "[[deprecated]]", cxx_scan__message_after(self, i));
  }
  return close < self->count ? close + 1 : index + 1;
}

// `__attribute__((...))` or `__declspec(...)` at index, whose attribute
// names sit at depth (2 or 1) inside its parentheses.
static size_t cxx_scan__attribute_call(cxx_scan *self, size_t index, size_t depth,
                                       const char *kind) {
  size_t open = cxx_scan__next(self, index);
  if (!cxx_scan__punct(self, open, '('))
    return index + 1;
  size_t close = cxx_scan__close(self, open);
  size_t end = cxx_scan__inside_end(self, open, close);
  size_t level = 1;
  for (size_t i = open + 1; i < end; i++) {
    if (cxx_scan__punct(self, i, '(')) {
      if (level >= depth) { // an attribute's own arguments
        i = cxx_scan__close(self, i);
        continue;
      }
      level++;
    } else if (cxx_scan__punct(self, i, ')')) {
      level--;
    } else if (level == depth && cxx_scan__deprecated_name(self, i)) {
      cxx_scan__add(self, index, kind, cxx_scan__message_after(self, i));
    }
  }
  return close < self->count ? close + 1 : index + 1;
}

// The deprecation macro token index names, or NULL.
static const char *cxx_scan__macro(const cxx_scan *self, size_t index) {
  for (size_t m = 0; m < self->macro_count; m++)
    if (cxx_scan__is(self, index, self->macros[m], strlen(self->macros[m])))
      return self->macros[m];
  return NULL;
}

// TORCH_WARN(...) and TORCH_WARN_ONCE(...) are sites when their literals
// say "deprecat", or that something "will be removed".
static void cxx_scan__torch_warn(cxx_scan *self, size_t index, const char *kind) {
  size_t open = cxx_scan__next(self, index);
  if (!cxx_scan__punct(self, open, '('))
    return;
  char *message = cxx_scan__message(self, open, cxx_scan__close(self, open));
  if (message && (cxx_scan__contains(message, strlen(message), "deprecat", true) ||
                  cxx_scan__contains(message, strlen(message), "will be removed", true)))
    cxx_scan__add(self, index, kind, message);
  else
    free(message);
}

// Whether the macro use at name (a body's first token) is the whole of
// its #define's body: a macro spelling a deprecation, no site.
static bool cxx_scan__whole_body(const cxx_scan *self, size_t name) {
  if (self->roles[name] != CXX_ROLE_BODY_START)
    return false;
  size_t after = cxx_scan__next(self, name);
  if (cxx_scan__punct(self, after, '(')) {
    size_t close = cxx_scan__close(self, after);
    after = close < self->count ? cxx_scan__next(self, close) : close;
  }
  return after >= self->count || self->roles[after] != CXX_ROLE_BODY;
}

void cxx_deprecations_extract(const char *bytes, cxx_token_list *tokens, const unsigned char *roles,
                              const char *const *macros, size_t macro_count, cxx_lines *lines,
                              file_facts *facts) {
  cxx_scan scan = {
      .bytes = bytes,
      .list = tokens,
      .tokens = tokens->items,
      .count = tokens->count,
      .roles = roles,
      .macros = macros,
      .macro_count = macro_count,
      .lines = lines,
      .facts = facts,
  };
  strbuf_init(&scan.scratch);
  source_columns_init(&scan.columns, bytes);
  cxx_scan__match_brackets(&scan);
  for (size_t i = 0; i < scan.count;) {
    const cxx_token *token = &scan.tokens[i];
    if (roles[i] == CXX_ROLE_NONE || token->kind == CXX_TOKEN_COMMENT ||
        token->kind == CXX_TOKEN_LITERAL) {
      i++;
      continue;
    }
    const char *macro = NULL;
    if (roles[i] != CXX_ROLE_CODE) {
      // In a #define's body only the uses of deprecation macros count.
      if ((macro = cxx_scan__macro(&scan, i)) != NULL && !cxx_scan__whole_body(&scan, i))
        cxx_scan__add(&scan, i, macro, cxx_scan__message_after(&scan, i));
      i++;
      continue;
    }
    if (cxx_scan__punct(&scan, i, '[')) {
      i = cxx_scan__attribute_list(&scan, i);
    } else if (token->kind == CXX_TOKEN_PUNCTUATION) {
      i++;
    } else if (CXX_SCAN__IS(&scan, i, "__attribute__") || CXX_SCAN__IS(&scan, i, "__attribute")) {
      i = cxx_scan__attribute_call(&scan, i, 2, "__attribute__((deprecated))");
    } else if (CXX_SCAN__IS(&scan, i, "__declspec")) {
      i = cxx_scan__attribute_call(&scan, i, 1, "__declspec(deprecated)");
    } else if ((macro = cxx_scan__macro(&scan, i)) != NULL) {
      cxx_scan__add(&scan, i, macro, cxx_scan__message_after(&scan, i));
      i++;
    } else if (CXX_SCAN__IS(&scan, i, "TORCH_WARN")) {
      cxx_scan__torch_warn(&scan, i, "TORCH_WARN");
      i++;
    } else if (CXX_SCAN__IS(&scan, i, "TORCH_WARN_ONCE")) {
      cxx_scan__torch_warn(&scan, i, "TORCH_WARN_ONCE");
      i++;
    } else {
      i++;
    }
  }
  strbuf_release(&scan.scratch);
  free(scan.match);
}
