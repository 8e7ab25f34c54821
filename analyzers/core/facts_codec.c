#include "facts_codec.h"

#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void codec__u32(strbuf *out, uint32_t value) {
  unsigned char bytes[4] = {(unsigned char)value, (unsigned char)(value >> 8),
                            (unsigned char)(value >> 16), (unsigned char)(value >> 24)};
  strbuf_append(out, (const char *)bytes, 4);
}

static void codec__string(strbuf *out, const char *text) {
  size_t length = text ? strlen(text) : 0;
  // UINT32_MAX marks NULL, so NULL and "" stay apart.
  codec__u32(out, text ? (uint32_t)length : UINT32_MAX);
  if (text)
    strbuf_append(out, text, length);
}

void facts_encode(const file_facts *facts, strbuf *out) {
  codec__u32(out, (uint32_t)facts->dependency_count);
  for (size_t i = 0; i < facts->dependency_count; i++) {
    const fact_dependency *dependency = &facts->dependencies[i];
    codec__u32(out, (uint32_t)dependency->kind | (uint32_t)dependency->scope << 8 |
                        (uint32_t)dependency->is_from << 16 | (uint32_t)dependency->angled << 17 |
                        (uint32_t)dependency->computed << 18);
    codec__u32(out, dependency->line);
    codec__u32(out, dependency->column);
    codec__u32(out, dependency->end_line);
    codec__u32(out, dependency->end_column);
    codec__u32(out, dependency->level);
    codec__string(out, dependency->target);
    codec__string(out, dependency->statement);
    codec__string(out, dependency->condition);
    codec__u32(out, dependency->name_count);
    for (uint32_t n = 0; n < dependency->name_count; n++)
      codec__string(out, dependency->names[n]);
  }
  codec__u32(out, (uint32_t)facts->deprecation_count);
  for (size_t i = 0; i < facts->deprecation_count; i++) {
    const fact_deprecation *deprecation = &facts->deprecations[i];
    codec__u32(out, deprecation->line);
    codec__u32(out, deprecation->column);
    codec__string(out, deprecation->kind);
    codec__string(out, deprecation->message);
    codec__string(out, deprecation->comments);
    codec__string(out, deprecation->statement);
  }
  codec__u32(out, (uint32_t)facts->suppression_count);
  for (size_t i = 0; i < facts->suppression_count; i++) {
    const fact_suppression *suppression = &facts->suppressions[i];
    codec__u32(out, suppression->line);
    codec__u32(out, suppression->column);
    codec__string(out, suppression->reason);
    codec__u32(out, suppression->rule_count);
    for (uint32_t r = 0; r < suppression->rule_count; r++)
      codec__string(out, suppression->rules[r]);
  }
  codec__u32(out, (uint32_t)facts->notice_count);
  for (size_t i = 0; i < facts->notice_count; i++) {
    codec__u32(out, facts->notices[i].line);
    codec__u32(out, facts->notices[i].column);
    codec__string(out, facts->notices[i].message);
  }
}

typedef struct reader {
  const unsigned char *at;
  const unsigned char *end;
  bool ok;
} reader;

static uint32_t codec__read_u32(reader *self) {
  if (!self->ok || self->end - self->at < 4) {
    self->ok = false;
    return 0;
  }
  uint32_t value = (uint32_t)self->at[0] | (uint32_t)self->at[1] << 8 |
                   (uint32_t)self->at[2] << 16 | (uint32_t)self->at[3] << 24;
  self->at += 4;
  return value;
}

static char *codec__read_string(reader *self) {
  uint32_t length = codec__read_u32(self);
  if (!self->ok || length == UINT32_MAX)
    return NULL;
  if ((size_t)(self->end - self->at) < length) {
    self->ok = false;
    return NULL;
  }
  char *text = xstrndup((const char *)self->at, length);
  self->at += length;
  return text;
}

file_facts *facts_decode(const char *bytes, size_t length) {
  reader in = {(const unsigned char *)bytes, (const unsigned char *)bytes + length, true};
  file_facts *facts = file_facts_new();
  uint32_t dependency_count = codec__read_u32(&in);
  // Every dependency takes at least 36 bytes: a count past that is damage.
  if (!in.ok || dependency_count > length / 36)
    goto fail;
  for (uint32_t i = 0; i < dependency_count && in.ok; i++) {
    fact_dependency *dependency = file_facts_add_dependency(facts);
    uint32_t flags = codec__read_u32(&in);
    dependency->kind = (fact_dep_kind)(flags & 0xff);
    dependency->scope = (fact_scope)((flags >> 8) & 0xff);
    dependency->is_from = (flags >> 16) & 1;
    dependency->angled = (flags >> 17) & 1;
    dependency->computed = (flags >> 18) & 1;
    if (dependency->kind > FACT_DEP_INCLUDE || dependency->scope > FACT_SCOPE_TYPE_CHECKING)
      goto fail;
    dependency->line = codec__read_u32(&in);
    dependency->column = codec__read_u32(&in);
    dependency->end_line = codec__read_u32(&in);
    dependency->end_column = codec__read_u32(&in);
    dependency->level = codec__read_u32(&in);
    dependency->target = codec__read_string(&in);
    dependency->statement = codec__read_string(&in);
    dependency->condition = codec__read_string(&in);
    uint32_t name_count = codec__read_u32(&in);
    if (!in.ok || name_count > (size_t)(in.end - in.at) / 4)
      goto fail;
    for (uint32_t n = 0; n < name_count && in.ok; n++) {
      char *name = codec__read_string(&in);
      if (!name)
        goto fail;
      fact_dependency_add_name(dependency, name, strlen(name));
      free(name);
    }
    if (!dependency->target)
      goto fail;
  }
  uint32_t deprecation_count = codec__read_u32(&in);
  if (!in.ok || deprecation_count > length / 24)
    goto fail;
  for (uint32_t i = 0; i < deprecation_count && in.ok; i++) {
    fact_deprecation *deprecation = file_facts_add_deprecation(facts);
    deprecation->line = codec__read_u32(&in);
    deprecation->column = codec__read_u32(&in);
    deprecation->kind = codec__read_string(&in);
    deprecation->message = codec__read_string(&in);
    deprecation->comments = codec__read_string(&in);
    deprecation->statement = codec__read_string(&in);
    if (!deprecation->kind)
      goto fail;
  }
  uint32_t suppression_count = codec__read_u32(&in);
  if (!in.ok || suppression_count > length / 16)
    goto fail;
  for (uint32_t i = 0; i < suppression_count && in.ok; i++) {
    fact_suppression *suppression = file_facts_add_suppression(facts);
    suppression->line = codec__read_u32(&in);
    suppression->column = codec__read_u32(&in);
    suppression->reason = codec__read_string(&in);
    uint32_t rule_count = codec__read_u32(&in);
    if (!in.ok || rule_count > (size_t)(in.end - in.at) / 4)
      goto fail;
    for (uint32_t r = 0; r < rule_count && in.ok; r++) {
      char *rule = codec__read_string(&in);
      if (!rule)
        goto fail;
      fact_suppression_add_rule(suppression, rule, strlen(rule));
      free(rule);
    }
  }
  uint32_t notice_count = codec__read_u32(&in);
  if (!in.ok || notice_count > length / 12)
    goto fail;
  for (uint32_t i = 0; i < notice_count && in.ok; i++) {
    uint32_t line = codec__read_u32(&in);
    uint32_t column = codec__read_u32(&in);
    char *message = codec__read_string(&in);
    if (!message)
      goto fail;
    file_facts_add_notice(facts, line, column, "%s", message);
    free(message);
  }
  if (!in.ok || in.at != in.end)
    goto fail;
  return facts;
fail:
  file_facts_delete(facts);
  return NULL;
}
