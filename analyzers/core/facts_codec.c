#include "facts_codec.h"

#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Every field of every kind of fact is written here and read back below,
// and file_facts_check (facts.c) says which values it may hold. A new field
// changes the struct's size, which stops the build here until the field is
// encoded, decoded and checked (and FACTS_FORMAT bumped). The sizes are
// those of the 64-bit targets strata is built for.
#if UINTPTR_MAX == UINT64_MAX
_Static_assert(sizeof(fact_dependency) == 72, "encode, decode and check the new field");
_Static_assert(sizeof(fact_deprecation) == 40, "encode, decode and check the new field");
_Static_assert(sizeof(fact_suppression) == 32, "encode, decode and check the new field");
_Static_assert(sizeof(fact_notice) == 16, "encode, decode and check the new field");
_Static_assert(sizeof(fact_bridge) == 32, "encode, decode and check the new field");
_Static_assert(sizeof(file_facts) == 15 * sizeof(size_t), "encode and decode the new kind");
#endif

// ---------------------------------------------------------------------------
// Writing

static void codec__u32(strbuf *out, uint32_t value) {
  unsigned char bytes[4] = {(unsigned char)value, (unsigned char)(value >> 8),
                            (unsigned char)(value >> 16), (unsigned char)(value >> 24)};
  strbuf_append(out, (const char *)bytes, 4);
}

// UINT32_MAX as the length marks NULL, so NULL and "" stay apart;
// UINT32_MAX - 1 a string the fact before shares (facts.h), written once.
#define CODEC_NULL UINT32_MAX
#define CODEC_SHARED (UINT32_MAX - 1)

static void codec__string(strbuf *out, const char *text) {
  size_t length = text ? strlen(text) : 0;
  codec__u32(out, text ? (uint32_t)length : CODEC_NULL);
  if (text)
    strbuf_append(out, text, length);
}

// A string the fact before may share: before is its string, or NULL for the
// first fact of a kind.
static void codec__shared_string(strbuf *out, const char *text, const char *before) {
  if (text && text == before)
    codec__u32(out, CODEC_SHARED);
  else
    codec__string(out, text);
}

enum {
  CODEC_FLAG_FROM = 1u << 16,
  CODEC_FLAG_ANGLED = 1u << 17,
  CODEC_FLAG_COMPUTED = 1u << 18,
  CODEC_FLAGS_KNOWN = 0xffffu | CODEC_FLAG_FROM | CODEC_FLAG_ANGLED | CODEC_FLAG_COMPUTED,
};

static void codec__put_dependency(strbuf *out, const fact_dependency *dependency,
                                  const fact_dependency *before) {
  codec__u32(out, (uint32_t)dependency->kind | (uint32_t)dependency->scope << 8 |
                      (dependency->is_from ? CODEC_FLAG_FROM : 0) |
                      (dependency->angled ? CODEC_FLAG_ANGLED : 0) |
                      (dependency->computed ? CODEC_FLAG_COMPUTED : 0));
  codec__u32(out, dependency->line);
  codec__u32(out, dependency->column);
  codec__u32(out, dependency->end_line);
  codec__u32(out, dependency->end_column);
  codec__u32(out, dependency->level);
  codec__string(out, dependency->target);
  codec__shared_string(out, dependency->statement, before ? before->statement : NULL);
  codec__shared_string(out, dependency->condition, before ? before->condition : NULL);
  codec__u32(out, dependency->name_count);
  for (uint32_t n = 0; n < dependency->name_count; n++)
    codec__string(out, dependency->names[n]);
}

static void codec__put_deprecation(strbuf *out, const fact_deprecation *deprecation,
                                   const fact_deprecation *before) {
  codec__u32(out, deprecation->line);
  codec__u32(out, deprecation->column);
  codec__string(out, deprecation->kind);
  codec__string(out, deprecation->message);
  codec__shared_string(out, deprecation->comments, before ? before->comments : NULL);
  codec__shared_string(out, deprecation->statement, before ? before->statement : NULL);
}

static void codec__put_suppression(strbuf *out, const fact_suppression *suppression) {
  codec__u32(out, suppression->line);
  codec__u32(out, suppression->column);
  codec__string(out, suppression->reason);
  codec__u32(out, suppression->rule_count);
  for (uint32_t r = 0; r < suppression->rule_count; r++)
    codec__string(out, suppression->rules[r]);
}

static void codec__put_notice(strbuf *out, const fact_notice *notice) {
  codec__u32(out, notice->line);
  codec__u32(out, notice->column);
  codec__string(out, notice->message);
}

static void codec__put_bridge(strbuf *out, const fact_bridge *bridge) {
  codec__u32(out, (uint32_t)bridge->kind | (uint32_t)bridge->scope << 8);
  codec__u32(out, bridge->line);
  codec__u32(out, bridge->column);
  codec__string(out, bridge->name);
  codec__string(out, bridge->parent);
}

void facts_encode(const file_facts *facts, strbuf *out) {
  codec__u32(out, (uint32_t)facts->dependency_count);
  for (size_t i = 0; i < facts->dependency_count; i++)
    codec__put_dependency(out, &facts->dependencies[i], i ? &facts->dependencies[i - 1] : NULL);
  codec__u32(out, (uint32_t)facts->deprecation_count);
  for (size_t i = 0; i < facts->deprecation_count; i++)
    codec__put_deprecation(out, &facts->deprecations[i], i ? &facts->deprecations[i - 1] : NULL);
  codec__u32(out, (uint32_t)facts->suppression_count);
  for (size_t i = 0; i < facts->suppression_count; i++)
    codec__put_suppression(out, &facts->suppressions[i]);
  codec__u32(out, (uint32_t)facts->notice_count);
  for (size_t i = 0; i < facts->notice_count; i++)
    codec__put_notice(out, &facts->notices[i]);
  codec__u32(out, (uint32_t)facts->bridge_count);
  for (size_t i = 0; i < facts->bridge_count; i++)
    codec__put_bridge(out, &facts->bridges[i]);
}

// ---------------------------------------------------------------------------
// Reading: every length is checked against what is left, and a failed read
// leaves the reader failed, so a caller checks once, at the end of a fact.

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

// The string of length bytes at the reader; one holding a NUL byte, which
// no C string of a fact can, fails the reader.
static char *codec__read_text(reader *self, uint32_t length) {
  if ((size_t)(self->end - self->at) < length || memchr(self->at, '\0', length)) {
    self->ok = false;
    return NULL;
  }
  char *text = xstrndup((const char *)self->at, length);
  self->at += length;
  return text;
}

// A string, or NULL for the NULL marker.
static char *codec__read_string(reader *self) {
  uint32_t length = codec__read_u32(self);
  if (!self->ok || length == CODEC_NULL)
    return NULL;
  if (length == CODEC_SHARED) {
    self->ok = false;
    return NULL;
  }
  return codec__read_text(self, length);
}

// A string the fact before may share (codec__shared_string): before is its
// string, NULL for the first fact of a kind; sharing a NULL fails the reader.
static char *codec__read_shared_string(reader *self, char *before) {
  uint32_t length = codec__read_u32(self);
  if (!self->ok || length == CODEC_NULL)
    return NULL;
  if (length == CODEC_SHARED) {
    if (!before)
      self->ok = false;
    return before;
  }
  return codec__read_text(self, length);
}

// A count of items that take at least item_bytes each: one larger than what
// is left could hold fails the reader.
static uint32_t codec__read_count(reader *self, size_t item_bytes) {
  uint32_t count = codec__read_u32(self);
  if (self->ok && count > (size_t)(self->end - self->at) / item_bytes)
    self->ok = false;
  return self->ok ? count : 0;
}

// The least bytes one encoded fact of each kind takes (its fixed fields and
// the length of each string).
enum {
  CODEC_DEPENDENCY_BYTES = 6 * 4 + 3 * 4 + 4,
  CODEC_DEPRECATION_BYTES = 2 * 4 + 4 * 4,
  CODEC_SUPPRESSION_BYTES = 2 * 4 + 4 + 4,
  CODEC_NOTICE_BYTES = 2 * 4 + 4,
  CODEC_BRIDGE_BYTES = 3 * 4 + 2 * 4,
  CODEC_NAME_BYTES = 4,
};

static void codec__get_dependency(reader *in, file_facts *facts) {
  fact_dependency *dependency = file_facts_add_dependency(facts);
  fact_dependency *before =
      facts->dependency_count > 1 ? &facts->dependencies[facts->dependency_count - 2] : NULL;
  uint32_t flags = codec__read_u32(in);
  if (flags & ~(uint32_t)CODEC_FLAGS_KNOWN)
    in->ok = false;
  dependency->kind = (fact_dep_kind)(flags & 0xff);
  dependency->scope = (fact_scope)((flags >> 8) & 0xff);
  dependency->is_from = (flags & CODEC_FLAG_FROM) != 0;
  dependency->angled = (flags & CODEC_FLAG_ANGLED) != 0;
  dependency->computed = (flags & CODEC_FLAG_COMPUTED) != 0;
  dependency->line = codec__read_u32(in);
  dependency->column = codec__read_u32(in);
  dependency->end_line = codec__read_u32(in);
  dependency->end_column = codec__read_u32(in);
  dependency->level = codec__read_u32(in);
  dependency->target = codec__read_string(in);
  dependency->statement = codec__read_shared_string(in, before ? before->statement : NULL);
  dependency->condition = codec__read_shared_string(in, before ? before->condition : NULL);
  uint32_t name_count = codec__read_count(in, CODEC_NAME_BYTES);
  for (uint32_t n = 0; n < name_count && in->ok; n++) {
    char *name = codec__read_string(in);
    if (!name) {
      in->ok = false;
      break;
    }
    fact_dependency_add_name(dependency, name, strlen(name));
    free(name);
  }
}

static void codec__get_deprecation(reader *in, file_facts *facts) {
  fact_deprecation *deprecation = file_facts_add_deprecation(facts);
  fact_deprecation *before =
      facts->deprecation_count > 1 ? &facts->deprecations[facts->deprecation_count - 2] : NULL;
  deprecation->line = codec__read_u32(in);
  deprecation->column = codec__read_u32(in);
  deprecation->kind = codec__read_string(in);
  deprecation->message = codec__read_string(in);
  deprecation->comments = codec__read_shared_string(in, before ? before->comments : NULL);
  deprecation->statement = codec__read_shared_string(in, before ? before->statement : NULL);
}

static void codec__get_suppression(reader *in, file_facts *facts) {
  fact_suppression *suppression = file_facts_add_suppression(facts);
  suppression->line = codec__read_u32(in);
  suppression->column = codec__read_u32(in);
  suppression->reason = codec__read_string(in);
  uint32_t rule_count = codec__read_count(in, CODEC_NAME_BYTES);
  for (uint32_t r = 0; r < rule_count && in->ok; r++) {
    char *rule = codec__read_string(in);
    if (!rule) {
      in->ok = false;
      break;
    }
    fact_suppression_add_rule(suppression, rule, strlen(rule));
    free(rule);
  }
}

static void codec__get_notice(reader *in, file_facts *facts) {
  uint32_t line = codec__read_u32(in);
  uint32_t column = codec__read_u32(in);
  char *message = codec__read_string(in);
  if (in->ok)
    file_facts_add_notice(facts, line, column, "%s", message ? message : "");
  free(message);
}

static void codec__get_bridge(reader *in, file_facts *facts) {
  fact_bridge *bridge = file_facts_add_bridge(facts);
  uint32_t kind = codec__read_u32(in);
  if (kind >> 16)
    in->ok = false;
  bridge->kind = (fact_bridge_kind)(kind & 0xff);
  bridge->scope = (fact_scope)((kind >> 8) & 0xff);
  bridge->line = codec__read_u32(in);
  bridge->column = codec__read_u32(in);
  bridge->name = codec__read_string(in);
  bridge->parent = codec__read_string(in);
}

// The facts of each kind, in the order facts_encode writes them.
typedef struct codec_kind {
  size_t least_bytes;
  void (*get)(reader *in, file_facts *facts);
} codec_kind;

static const codec_kind codec__kinds[] = {
    {CODEC_DEPENDENCY_BYTES, codec__get_dependency},
    {CODEC_DEPRECATION_BYTES, codec__get_deprecation},
    {CODEC_SUPPRESSION_BYTES, codec__get_suppression},
    {CODEC_NOTICE_BYTES, codec__get_notice},
    {CODEC_BRIDGE_BYTES, codec__get_bridge},
};

file_facts *facts_decode(const char *bytes, size_t length) {
  reader in = {(const unsigned char *)bytes, (const unsigned char *)bytes + length, true};
  file_facts *facts = file_facts_new();
  for (size_t k = 0; k < sizeof(codec__kinds) / sizeof(*codec__kinds) && in.ok; k++) {
    uint32_t count = codec__read_count(&in, codec__kinds[k].least_bytes);
    for (uint32_t i = 0; i < count && in.ok; i++)
      codec__kinds[k].get(&in, facts);
  }
  // Whole, and nothing a front end could not have made: a damaged entry
  // whose checksum still holds is refused like any other.
  if (!in.ok || in.at != in.end || !file_facts_check(facts, NULL)) {
    file_facts_delete(facts);
    return NULL;
  }
  return facts;
}
