#include "strbuf.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(strbuf *self) {
  self->capacity = 32;
  self->length = 0;
  self->data = xmalloc(self->capacity);
  self->data[0] = '\0';
}

void strbuf_release(strbuf *self) {
  free(self->data);
  self->data = NULL;
  self->length = self->capacity = 0;
}

void strbuf_clear(strbuf *self) {
  self->length = 0;
  self->data[0] = '\0';
}

static void strbuf__reserve(strbuf *self, size_t extra) {
  XGROW(self->data, self->capacity, self->length + extra + 1);
}

void strbuf_append(strbuf *self, const char *bytes, size_t length) {
  strbuf__reserve(self, length);
  memcpy(self->data + self->length, bytes, length);
  self->length += length;
  self->data[self->length] = '\0';
}

void strbuf_append_str(strbuf *self, const char *text) {
  strbuf_append(self, text, strlen(text));
}

void strbuf_append_char(strbuf *self, char c) {
  strbuf_append(self, &c, 1);
}

void strbuf_vprintf(strbuf *self, const char *format, va_list args) {
  va_list again;
  va_copy(again, args);
  int length = vsnprintf(NULL, 0, format, args);
  if (length > 0) {
    strbuf__reserve(self, (size_t)length);
    vsnprintf(self->data + self->length, (size_t)length + 1, format, again);
    self->length += (size_t)length;
  }
  va_end(again);
}

void strbuf_printf(strbuf *self, const char *format, ...) {
  va_list args;
  va_start(args, format);
  strbuf_vprintf(self, format, args);
  va_end(args);
}

char *strbuf_detach(strbuf *self) {
  char *data = self->data;
  self->data = NULL;
  self->length = self->capacity = 0;
  return data;
}
