// A growable byte string, always NUL-terminated.
#ifndef STRATA_STRBUF_H
#define STRATA_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
  char *data; // never NULL after strbuf_init
  size_t length;
  size_t capacity;
} strbuf;

void strbuf_init(strbuf *self);
void strbuf_release(strbuf *self);
void strbuf_clear(strbuf *self);
void strbuf_append(strbuf *self, const char *bytes, size_t length);
void strbuf_append_str(strbuf *self, const char *text);
void strbuf_append_char(strbuf *self, char c);
void strbuf_printf(strbuf *self, const char *format, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(strbuf *self, const char *format, va_list args);
// Hands the buffer to the caller, who frees it; self is left empty.
char *strbuf_detach(strbuf *self);

#endif
