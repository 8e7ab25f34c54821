#include "byte_pack.h"

uint64_t byte_reader_uint(byte_reader *self, size_t width) {
  if (!self->ok || (size_t)(self->end - self->at) < width) {
    self->ok = false;
    return 0;
  }
  uint64_t value = 0;
  for (size_t i = 0; i < width; i++)
    value |= (uint64_t)(unsigned char)self->at[i] << (8 * i);
  self->at += width;
  return value;
}

const char *byte_reader_bytes(byte_reader *self, size_t length) {
  if (!self->ok || (size_t)(self->end - self->at) < length) {
    self->ok = false;
    return NULL;
  }
  const char *bytes = self->at;
  self->at += length;
  return bytes;
}

void byte_pack_put_uint(strbuf *out, uint64_t value, size_t width) {
  char bytes[8];
  for (size_t i = 0; i < width; i++)
    bytes[i] = (char)(unsigned char)(value >> (8 * i));
  strbuf_append(out, bytes, width);
}
