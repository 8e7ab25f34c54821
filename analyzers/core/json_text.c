#include "json_text.h"

#include "source.h"
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The marker of a byte that is not UTF-8: U+0001 and the byte in two hex
// digits (80 to FF: every byte below 0x80 is UTF-8). A U+0001 of the text
// itself is the marker and "01", so that markers are all U+0001s there are.
// jansson writes U+0001 as the escape \u0001, which json_text_dumps finds.
#define JSON_TEXT_MARK '\x01'

json_t *json_text_string(const char *text) {
  if (!text)
    return json_null();
  size_t length = strlen(text);
  size_t bad = utf8_first_invalid(text, length);
  if (bad == SIZE_MAX && !memchr(text, JSON_TEXT_MARK, length))
    return json_stringn(text, length);
  static const char hex[] = "0123456789abcdef";
  strbuf marked;
  strbuf_init(&marked);
  size_t start = 0;
  for (;;) {
    size_t end = bad == SIZE_MAX ? length : start + bad;
    for (size_t i = start; i < end; i++) {
      strbuf_append_char(&marked, text[i]);
      if (text[i] == JSON_TEXT_MARK)
        strbuf_append(&marked, "01", 2);
    }
    if (bad == SIZE_MAX)
      break;
    unsigned char byte = (unsigned char)text[end];
    char mark[3] = {JSON_TEXT_MARK, hex[byte >> 4], hex[byte & 0xf]};
    strbuf_append(&marked, mark, sizeof(mark));
    // One byte at a time: the next call finds where valid text resumes.
    start = end + 1;
    bad = utf8_first_invalid(text + start, length - start);
  }
  json_t *value = json_stringn(marked.data, marked.length);
  strbuf_release(&marked);
  return value;
}

bool json_text_string_is(const json_t *value, const char *text) {
  if (!json_is_string(value) || !text)
    return false;
  json_t *expected = json_text_string(text);
  bool same = json_equal(expected, value);
  json_decref(expected);
  return same;
}

bool json_text_is_utf8(const char *text) {
  return utf8_first_invalid(text, strlen(text)) == SIZE_MAX;
}

static bool json_text__is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char *json_text_dumps(const json_t *value, size_t flags, bool exact) {
  char *text = json_dumps(value, flags);
  if (!text || !strstr(text, "\\u0001"))
    return text;
  strbuf fixed;
  strbuf_init(&fixed);
  // Backslashes come only in escapes inside strings: reading escape by
  // escape from the start, each \u0001 is a marker's.
  for (const char *at = text; *at;) {
    const char *slash = strchr(at, '\\');
    if (!slash) {
      strbuf_append_str(&fixed, at);
      break;
    }
    strbuf_append(&fixed, at, (size_t)(slash - at));
    if (strncmp(slash, "\\u0001", 6) == 0 && json_text__is_hex(slash[6]) &&
        json_text__is_hex(slash[7])) {
      if (slash[6] == '0' && slash[7] == '1')
        strbuf_append_str(&fixed, "\\u0001"); // the text's own U+0001
      else if (exact)
        strbuf_printf(&fixed, "\\udc%c%c", slash[6], slash[7]);
      else if (flags & JSON_ENSURE_ASCII)
        strbuf_append_str(&fixed, "\\uFFFD");
      else
        strbuf_append_str(&fixed, "\xef\xbf\xbd");
      at = slash + 8;
    } else {
      strbuf_append(&fixed, slash, slash[1] ? 2 : 1);
      at = slash + (slash[1] ? 2 : 1);
    }
  }
  free(text);
  return strbuf_detach(&fixed);
}
