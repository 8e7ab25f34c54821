// Path globs, translated into PCRE2 regular expressions once and matched
// with PCRE2 (JIT-compiled when the platform has it).
//
// Matching works on bytes, but `?` and negated classes consume a whole UTF-8
// sequence so that "one character" means one code point, without asking
// PCRE2 for UTF mode (which would reject paths that are not valid UTF-8).
#include "glob.h"

#include "strbuf.h"
#include "xalloc.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct glob {
  char *pattern;
  pcre2_code *code;
  // The pattern without its trailing "/**", when it has one: any folder (or
  // ancestor of it) this matches has everything below it matched too.
  pcre2_code *head;
  bool everything; // the pattern is "**"
  size_t specificity;
  // Every path it matches starts with pattern[0 .. prefix): the literal
  // folders before the first wildcard, a cheap test before PCRE2's.
  size_t prefix;
};

// One UTF-8 sequence other than '/': a lead byte, then its continuation bytes.
static const char glob__one_char[] = "[^/\\x80-\\xbf][\\x80-\\xbf]*+";

static bool glob__fail(const char **error_message, size_t *error_offset, const char *message,
                       size_t offset) {
  *error_message = message;
  *error_offset = offset;
  return false;
}

static void glob__literal(strbuf *regex, unsigned char c) {
  // Every ASCII punctuation character may be escaped in PCRE2; bytes from
  // 0x80 up are parts of UTF-8 sequences and stand for themselves.
  if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
    strbuf_append_char(regex, '\\');
  strbuf_append_char(regex, (char)c);
}

// Translates the class starting at pattern[*at] == '[' and leaves *at just
// past its closing ']'.
static bool glob__class(const char *pattern, size_t length, size_t *at, strbuf *regex,
                        const char **error_message, size_t *error_offset) {
  size_t open = *at;
  size_t i = open + 1;
  bool negated = i < length && (pattern[i] == '!' || pattern[i] == '^');
  if (negated)
    i++;
  size_t first = i;
  // A ']' right after the opening (or the '!') is a member, as in fnmatch.
  if (i < length && pattern[i] == ']')
    i++;
  while (i < length && pattern[i] != ']')
    i++;
  if (i >= length)
    return glob__fail(error_message, error_offset, "unclosed '['", open);
  size_t close = i;
  strbuf_append_str(regex, negated ? "[^/\\x80-\\xbf" : "[");
  for (size_t k = first; k < close; k++) {
    unsigned char c = (unsigned char)pattern[k];
    if (c == '/')
      return glob__fail(error_message, error_offset, "'/' cannot appear in a character class", k);
    if (c >= 0x80)
      return glob__fail(error_message, error_offset,
                        "a character class holds ASCII characters only", k);
    if (c == '-' && k > first && k + 1 < close) {
      if ((unsigned char)pattern[k - 1] > (unsigned char)pattern[k + 1])
        return glob__fail(error_message, error_offset, "character range out of order", k - 1);
      strbuf_append_char(regex, '-');
      continue;
    }
    glob__literal(regex, c);
  }
  strbuf_append_str(regex, negated ? "][\\x80-\\xbf]*+" : "]");
  *at = close + 1;
  return true;
}

// Checks the path segments: none empty, none "." or "..", "**" alone.
static bool glob__check_segments(const char *pattern, size_t length, const char **error_message,
                                 size_t *error_offset) {
  size_t start = 0;
  while (start <= length) {
    const char *slash = memchr(pattern + start, '/', length - start);
    size_t end = slash ? (size_t)(slash - pattern) : length;
    size_t size = end - start;
    const char *segment = pattern + start;
    if (size == 0)
      return glob__fail(error_message, error_offset,
                        end == length ? "a glob cannot end with '/'; write 'folder/**' for the "
                                        "files below a folder"
                                      : "empty path segment",
                        start);
    if ((size == 1 && segment[0] == '.') || (size == 2 && memcmp(segment, "..", 2) == 0))
      return glob__fail(error_message, error_offset, "path segments cannot be '.' or '..'", start);
    const char *stars = size >= 2 ? strstr(segment, "**") : NULL;
    if (stars && stars < pattern + end && !(size == 2 && stars == segment))
      return glob__fail(error_message, error_offset, "'**' must be a whole path segment",
                        (size_t)(stars - pattern));
    start = end + 1;
  }
  return true;
}

// Translates pattern[0, length) into regex; *specificity counts its literal
// characters (code points).
static bool glob__translate(const char *pattern, size_t length, strbuf *regex, size_t *specificity,
                            const char **error_message, size_t *error_offset) {
  *specificity = 0;
  size_t i = 0;
  while (i < length) {
    unsigned char c = (unsigned char)pattern[i];
    bool segment_start = i == 0 || pattern[i - 1] == '/';
    if (c == '*' && segment_start && i + 1 < length && pattern[i + 1] == '*') {
      // A "**" segment (glob__check_segments made sure it stands alone).
      if (i + 2 == length) {
        strbuf_append_str(regex, ".*");
        i += 2;
      } else {
        strbuf_append_str(regex, "(?:.*/)?");
        i += 3;
      }
    } else if (c == '*') {
      strbuf_append_str(regex, "[^/]*");
      i++;
    } else if (c == '?') {
      strbuf_append_str(regex, glob__one_char);
      i++;
    } else if (c == '[') {
      if (!glob__class(pattern, length, &i, regex, error_message, error_offset))
        return false;
    } else {
      glob__literal(regex, c);
      if ((c & 0xc0) != 0x80)
        (*specificity)++;
      i++;
    }
  }
  return true;
}

static pcre2_code *glob__compile(const strbuf *regex) {
  int error_code;
  PCRE2_SIZE error_at;
  pcre2_code *code =
      pcre2_compile((PCRE2_SPTR)regex->data, regex->length,
                    PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_DOTALL | PCRE2_NO_AUTO_CAPTURE,
                    &error_code, &error_at, NULL);
  if (code)
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // the interpreter is the fallback
  return code;
}

glob *glob_new(const char *pattern, const char **error_message, size_t *error_offset) {
  glob *result = NULL;
  strbuf regex;
  strbuf_init(&regex);
  size_t length = strlen(pattern);
  size_t specificity = 0;
  size_t head_specificity = 0;
  if (length == 0) {
    glob__fail(error_message, error_offset, "empty glob", 0);
    goto cleanup;
  }
  if (pattern[0] == '/') {
    glob__fail(error_message, error_offset, "a glob is relative to the root, not absolute", 0);
    goto cleanup;
  }
  if (!glob__check_segments(pattern, length, error_message, error_offset) ||
      !glob__translate(pattern, length, &regex, &specificity, error_message, error_offset))
    goto cleanup;
  result = xcalloc(1, sizeof(*result));
  result->pattern = xstrdup(pattern);
  result->specificity = specificity;
  result->everything = strcmp(pattern, "**") == 0;
  // The literal run up to the first wildcard, cut at its last '/' ("a/**"
  // also matches "a").
  size_t literal = strcspn(pattern, "*?[");
  if (literal == length) {
    result->prefix = length; // no wildcard
  } else {
    while (literal > 0 && pattern[literal - 1] != '/')
      literal--;
    result->prefix = literal > 0 ? literal - 1 : 0;
  }
  result->code = glob__compile(&regex);
  if (length > 3 && strcmp(pattern + length - 3, "/**") == 0) {
    strbuf_clear(&regex);
    if (glob__translate(pattern, length - 3, &regex, &head_specificity, error_message,
                        error_offset))
      result->head = glob__compile(&regex);
  }
  if (!result->code) {
    glob_delete(result);
    result = NULL;
    glob__fail(error_message, error_offset, "glob cannot be compiled", 0);
  }
cleanup:
  strbuf_release(&regex);
  return result;
}

void glob_delete(glob *self) {
  if (!self)
    return;
  pcre2_code_free(self->code);
  pcre2_code_free(self->head);
  free(self->pattern);
  free(self);
}

static bool glob__match_code(const pcre2_code *code, const char *subject, size_t length) {
  // Match data per call keeps glob_match safe to call from several threads.
  pcre2_match_data *match_data = pcre2_match_data_create_from_pattern(code, NULL);
  if (!match_data)
    return false;
  int rc = pcre2_match(code, (PCRE2_SPTR)subject, length, 0, 0, match_data, NULL);
  pcre2_match_data_free(match_data);
  return rc >= 0;
}

bool glob_match(const glob *self, const char *path) {
  if (self->prefix && strncmp(path, self->pattern, self->prefix) != 0)
    return false;
  return glob__match_code(self->code, path, strlen(path));
}

bool glob_matches_everything_below(const glob *self, const char *folder) {
  if (self->everything)
    return true;
  if (!self->head)
    return false;
  size_t length = strlen(folder);
  while (length > 0 && folder[length - 1] == '/')
    length--;
  // Everything below folder matches when the head matches folder itself or
  // one of its ancestors: "a/**" covers a/, a/b/, a/b/c/, ...
  for (size_t end = 1; end <= length; end++) {
    if ((end == length || folder[end] == '/') && glob__match_code(self->head, folder, end))
      return true;
  }
  return false;
}

const char *glob_pattern(const glob *self) {
  return self->pattern;
}

size_t glob_literal_prefix(const glob *self) {
  return self->prefix;
}

size_t glob_specificity(const glob *self) {
  return self->specificity;
}
