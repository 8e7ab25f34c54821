// Path globs, translated into PCRE2 regular expressions once and matched
// with PCRE2 (JIT-compiled when the platform has it). The shapes most
// patterns have (a literal path, `dir/**`, `**/name`, `dir/**/*.ext`) are
// matched by comparing bytes, without PCRE2: a run asks about every file of
// the tree against every component, generated-file and .gitignore pattern,
// and those comparisons were half of a warm run.
//
// Matching works on bytes, but `?` and negated classes consume a whole UTF-8
// sequence so that "one character" means one code point, without asking
// PCRE2 for UTF mode (which would reject paths that are not valid UTF-8).
#include "glob.h"

#include "strbuf.h"
#include "xalloc.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// How a glob is matched: by PCRE2, or by one of the byte comparisons below.
typedef enum glob_shape {
  GLOB_SHAPE_REGEX,
  GLOB_SHAPE_LITERAL, // no wildcard: the path itself
  GLOB_SHAPE_BELOW,   // "dir/**": any path below dir
  // "[dir/]**/NAME": a file whose name matches NAME (literal text and '*'
  // only) anywhere (below dir).
  GLOB_SHAPE_NAME,
  GLOB_SHAPE_SEGMENTS, // literal text and '*' only, no "**": segment by segment
  GLOB_SHAPE_SEGMENT,  // "**/SEG/**": any path with a folder named SEG
} glob_shape;

struct glob {
  char *pattern;
  pcre2_code *code;
  // The pattern without its trailing "/**", when it has one: any folder (or
  // ancestor of it) this matches has everything below it matched too.
  pcre2_code *head;
  bool everything; // the pattern is "**"
  size_t specificity;
  glob_shape shape;
  // For the byte shapes: the leading folder ("dir" of "dir/**"; empty when
  // none) and the name or suffix, pointing into pattern.
  size_t folder_length;
  const char *name;
  size_t name_length;
  // Every path it matches starts with pattern[0 .. prefix): the literal
  // folders before the first wildcard, a cheap test before PCRE2's.
  size_t prefix;
};

static bool glob__has_wildcard(const char *text, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (text[i] == '*' || text[i] == '?' || text[i] == '[')
      return true;
  return false;
}

// Whether text has wildcards other than '*' ('?' and classes need PCRE2's
// view of UTF-8).
static bool glob__has_other_wildcard(const char *text, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (text[i] == '?' || text[i] == '[')
      return true;
  return false;
}

// Finds the byte shape of self->pattern, if it has one.
static void glob__find_shape(glob *self) {
  const char *pattern = self->pattern;
  size_t length = strlen(pattern);
  if (!glob__has_wildcard(pattern, length)) {
    self->shape = GLOB_SHAPE_LITERAL;
    return;
  }
  if (glob__has_other_wildcard(pattern, length))
    return;
  const char *stars = strstr(pattern, "**");
  if (!stars) {
    self->shape = GLOB_SHAPE_SEGMENTS;
    return;
  }
  if (length > 3 && stars == pattern + length - 2 && !glob__has_wildcard(pattern, length - 3)) {
    self->shape = GLOB_SHAPE_BELOW;
    self->folder_length = length - 3;
    return;
  }
  if (stars == pattern && length > 6 && strcmp(pattern + length - 3, "/**") == 0) {
    // "**/SEG/**"
    const char *segment = pattern + 3;
    size_t segment_length = length - 6;
    if (!glob__has_wildcard(segment, segment_length) && !memchr(segment, '/', segment_length)) {
      self->shape = GLOB_SHAPE_SEGMENT;
      self->name = segment;
      self->name_length = segment_length;
    }
    return;
  }
  // "[dir/]**/NAME", NAME one segment of literal text and '*'.
  if (stars != pattern && stars[-1] != '/')
    return;
  size_t folder_length = stars == pattern ? 0 : (size_t)(stars - pattern) - 1;
  const char *tail = stars + 3;
  if (stars[2] != '/' || tail > pattern + length)
    return;
  size_t tail_length = length - (size_t)(tail - pattern);
  if (glob__has_wildcard(pattern, folder_length) || memchr(tail, '/', tail_length) ||
      strstr(tail, "**"))
    return;
  self->shape = GLOB_SHAPE_NAME;
  self->folder_length = folder_length;
  self->name = tail;
  self->name_length = tail_length;
}

// Whether text[0, text_length) matches pattern[0, pattern_length), whose only
// wildcard is '*' (any bytes; the caller keeps '/' out of text). The usual
// walk that goes back to the last '*' on a mismatch.
static bool glob__stars_match(const char *pattern, size_t pattern_length, const char *text,
                              size_t text_length) {
  size_t p = 0, t = 0, star = SIZE_MAX, resume = 0;
  while (t < text_length) {
    if (p < pattern_length && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern_length && pattern[p] == text[t]) {
      p++;
      t++;
    } else if (star != SIZE_MAX) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern_length && pattern[p] == '*')
    p++;
  return p == pattern_length;
}

// The byte shapes' match of path (of length bytes).
static bool glob__match_shape(const glob *self, const char *path, size_t length) {
  const char *pattern = self->pattern;
  switch (self->shape) {
  case GLOB_SHAPE_LITERAL:
    return strcmp(path, pattern) == 0;
  case GLOB_SHAPE_SEGMENTS:
    // As many segments as the pattern, each matching its own.
    for (;;) {
      const char *pattern_slash = strchr(pattern, '/');
      const char *path_slash = memchr(path, '/', length);
      size_t pattern_part = pattern_slash ? (size_t)(pattern_slash - pattern) : strlen(pattern);
      size_t path_part = path_slash ? (size_t)(path_slash - path) : length;
      if (!pattern_slash != !path_slash ||
          !glob__stars_match(pattern, pattern_part, path, path_part))
        return false;
      if (!pattern_slash)
        return true;
      pattern = pattern_slash + 1;
      path = path_slash + 1;
      length -= path_part + 1;
    }
  case GLOB_SHAPE_SEGMENT:
    // A folder named SEG: the path starts with "SEG/" or holds "/SEG/".
    for (const char *at = path; at < path + length;) {
      const char *slash = memchr(at, '/', length - (size_t)(at - path));
      if (!slash)
        return false;
      if ((size_t)(slash - at) == self->name_length &&
          memcmp(at, self->name, self->name_length) == 0)
        return true;
      at = slash + 1;
    }
    return false;
  case GLOB_SHAPE_BELOW:
  case GLOB_SHAPE_NAME: {
    size_t folder = self->folder_length;
    if (folder) {
      // Below the folder: "dir/" and what follows.
      if (length < folder + 1 || path[folder] != '/' || memcmp(path, pattern, folder) != 0)
        return false;
      path += folder + 1;
      length -= folder + 1;
    }
    if (self->shape == GLOB_SHAPE_BELOW)
      return true;
    const char *name = path + length;
    while (name > path && name[-1] != '/')
      name--;
    return glob__stars_match(self->name, self->name_length, name, length - (size_t)(name - path));
  }
  case GLOB_SHAPE_REGEX:
    break;
  }
  return false;
}

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
  glob__find_shape(result);
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

// One match data per thread, kept for the thread's life: glob_match stays
// safe to call from several threads without a malloc and a free per call.
// The patterns capture nothing (PCRE2_NO_AUTO_CAPTURE), so one pair is
// enough.
static pthread_once_t glob__key_once = PTHREAD_ONCE_INIT;
static pthread_key_t glob__key;

static void glob__free_match_data(void *match_data) {
  pcre2_match_data_free(match_data);
}

static void glob__make_key(void) {
  (void)pthread_key_create(&glob__key, glob__free_match_data);
}

static bool glob__match_code(const pcre2_code *code, const char *subject, size_t length) {
  pthread_once(&glob__key_once, glob__make_key);
  pcre2_match_data *match_data = pthread_getspecific(glob__key);
  if (!match_data) {
    match_data = pcre2_match_data_create(1, NULL);
    if (!match_data)
      return false;
    (void)pthread_setspecific(glob__key, match_data);
  }
  int rc = pcre2_match(code, (PCRE2_SPTR)subject, length, 0, 0, match_data, NULL);
  return rc >= 0;
}

bool glob_match(const glob *self, const char *path) {
  size_t length = strlen(path);
  if (self->shape != GLOB_SHAPE_REGEX)
    return glob__match_shape(self, path, length);
  if (self->prefix && strncmp(path, self->pattern, self->prefix) != 0)
    return false;
  return glob__match_code(self->code, path, length);
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

bool glob_is_literal(const glob *self) {
  return self->shape == GLOB_SHAPE_LITERAL;
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
