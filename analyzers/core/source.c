#include "source.h"

#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

source_status source_read(const char *absolute_path, size_t max_bytes, source_buffer *buffer) {
  memset(buffer, 0, sizeof(*buffer));
  buffer->first_invalid_utf8 = SIZE_MAX;
  int fd = open(absolute_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    buffer->errno_value = errno;
    return SOURCE_UNREADABLE;
  }
  source_status status = SOURCE_OK;
  struct stat info;
  if (fstat(fd, &info) != 0) {
    buffer->errno_value = errno;
    status = SOURCE_UNREADABLE;
    goto cleanup;
  }
  if (S_ISDIR(info.st_mode)) {
    buffer->errno_value = EISDIR;
    status = SOURCE_UNREADABLE;
    goto cleanup;
  }
  if ((size_t)info.st_size > max_bytes) {
    buffer->length = (size_t)info.st_size;
    status = SOURCE_TOO_LARGE;
    goto cleanup;
  }
  // Read to end of file rather than trusting st_size: the file may change
  // under us, and special files report 0.
  size_t capacity = (size_t)info.st_size + 1;
  char *bytes = xmalloc(capacity + 1);
  size_t length = 0;
  for (;;) {
    if (length == capacity) {
      if (capacity > max_bytes) {
        free(bytes);
        buffer->length = length;
        status = SOURCE_TOO_LARGE;
        goto cleanup;
      }
      capacity *= 2;
      bytes = xrealloc(bytes, capacity + 1);
    }
    ssize_t got = read(fd, bytes + length, capacity - length);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      buffer->errno_value = errno;
      free(bytes);
      status = SOURCE_UNREADABLE;
      goto cleanup;
    }
    if (got == 0)
      break;
    length += (size_t)got;
  }
  bytes[length] = '\0';
  buffer->bytes = bytes;
  buffer->length = length;
  if (memchr(bytes, '\0', length)) {
    status = SOURCE_BINARY;
    goto cleanup;
  }
  buffer->first_invalid_utf8 = utf8_first_invalid(bytes, length);
cleanup:
  close(fd);
  return status;
}

void source_buffer_release(source_buffer *buffer) {
  free(buffer->bytes);
  buffer->bytes = NULL;
  buffer->length = 0;
}

size_t utf8_first_invalid(const char *text, size_t length) {
  const unsigned char *bytes = (const unsigned char *)text;
  size_t i = 0;
  while (i < length) {
    // Source is nearly all ASCII: eight bytes at a time while no high bit is set.
    uint64_t word;
    if (length - i >= sizeof(word)) {
      memcpy(&word, bytes + i, sizeof(word));
      if ((word & UINT64_C(0x8080808080808080)) == 0) {
        i += sizeof(word);
        continue;
      }
    }
    unsigned char lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    size_t extra;
    uint32_t code;
    if (lead >= 0xC2 && lead <= 0xDF) {
      extra = 1;
      code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      extra = 2;
      code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      extra = 3;
      code = lead & 0x07;
    } else {
      return i;
    }
    for (size_t k = 1; k <= extra; k++) {
      if (i + k >= length || (bytes[i + k] & 0xC0) != 0x80)
        return i;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) ||
        (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
      return i;
    i += extra + 1;
  }
  return SIZE_MAX;
}

uint32_t source_column(const char *bytes, size_t line_start, size_t byte_offset) {
  uint32_t column = 1;
  for (size_t i = line_start; i < byte_offset; i++) {
    // Count lead bytes only, so a multi-byte character is one column.
    if (((unsigned char)bytes[i] & 0xC0) != 0x80)
      column++;
  }
  return column;
}

void source_columns_init(source_columns *self, const char *bytes) {
  *self = (source_columns){.bytes = bytes, .line_start = SIZE_MAX};
}

uint32_t source_columns_at(source_columns *self, size_t line_start, size_t byte_offset) {
  uint32_t column;
  if (line_start == self->line_start && byte_offset >= self->offset)
    column = self->column + source_column(self->bytes, self->offset, byte_offset) - 1;
  else
    column = source_column(self->bytes, line_start, byte_offset);
  self->line_start = line_start;
  self->offset = byte_offset;
  self->column = column;
  return column;
}

uint32_t source_line_of(const char *bytes, size_t byte_offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < byte_offset; i++)
    if (bytes[i] == '\n')
      line++;
  return line;
}

size_t source_find(const char *bytes, size_t length, size_t from, const char *word,
                   size_t word_length) {
  if (word_length == 0 || word_length > length)
    return SIZE_MAX;
  size_t end = length - word_length + 1; // a match starts before this
  for (size_t i = from; i < end; i++) {
    const char *hit = memchr(bytes + i, word[0], end - i);
    if (!hit)
      return SIZE_MAX;
    i = (size_t)(hit - bytes);
    if (memcmp(hit, word, word_length) == 0)
      return i;
  }
  return SIZE_MAX;
}
