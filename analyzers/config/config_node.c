// Builds the node tree from libyaml's event stream.
#include "config_node.h"

#include "xalloc.h"

#include <yaml.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Deeper nesting is no configuration strata knows; refusing it keeps the
// recursive walks below safe from adversarial input.
enum { CONFIG_NODE_MAX_DEPTH = 64 };

static bool config_node__fail(config_error *error, config_position position, const char *format,
                              ...) __attribute__((format(printf, 3, 4)));

static bool config_node__fail(config_error *error, config_position position, const char *format,
                              ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(error->message, sizeof(error->message), format, args);
  va_end(args);
  error->position = position;
  return false;
}

static config_position config_node__position(yaml_mark_t mark) {
  return (config_position){(uint32_t)mark.line + 1, (uint32_t)mark.column + 1};
}

// Reader errors (bad UTF-8) come with a byte offset rather than a mark.
static config_position config_node__position_of_offset(const char *text, size_t length,
                                                       size_t offset) {
  config_position position = {1, 1};
  for (size_t i = 0; i < offset && i < length; i++) {
    if (text[i] == '\n') {
      position.line++;
      position.column = 1;
    } else if (((unsigned char)text[i] & 0xc0) != 0x80) {
      position.column++;
    }
  }
  return position;
}

static bool config_node__syntax_error(const yaml_parser_t *parser, const char *text, size_t length,
                                      config_error *error) {
  if (parser->error == YAML_MEMORY_ERROR)
    return config_node__fail(error, (config_position){0, 0}, "out of memory reading YAML");
  const char *problem = parser->problem ? parser->problem : "unknown error";
  config_position position =
      parser->error == YAML_READER_ERROR
          ? config_node__position_of_offset(text, length, parser->problem_offset)
          : config_node__position(parser->problem_mark);
  return config_node__fail(error, position, "invalid YAML: %s", problem);
}

static void config_node__append(config_node *parent, config_node *child) {
  XGROW(parent->children, parent->child_capacity, parent->child_count + 1);
  parent->children[parent->child_count++] = child;
}

static config_node *config_node__new(config_node_kind kind, yaml_mark_t mark) {
  config_node *node = xcalloc(1, sizeof(*node));
  node->kind = kind;
  node->position = config_node__position(mark);
  return node;
}

// The tree being built: the root and the collections still open.
typedef struct config_node__builder {
  config_node *root;
  config_node *open[CONFIG_NODE_MAX_DEPTH];
  size_t depth;
  int documents;
  bool done;
} config_node__builder;

static bool config_node__take(config_node__builder *builder, const yaml_event_t *event,
                              config_error *error) {
  config_node *node = NULL;
  switch (event->type) {
  case YAML_STREAM_END_EVENT:
    builder->done = true;
    return true;
  case YAML_DOCUMENT_START_EVENT:
    if (++builder->documents > 1)
      return config_node__fail(error, config_node__position(event->start_mark),
                               "a configuration is a single YAML document");
    return true;
  case YAML_ALIAS_EVENT:
    return config_node__fail(error, config_node__position(event->start_mark),
                             "aliases are not supported");
  case YAML_SCALAR_EVENT:
    if (memchr(event->data.scalar.value, '\0', event->data.scalar.length))
      return config_node__fail(error, config_node__position(event->start_mark),
                               "strings cannot hold a NUL character");
    node = config_node__new(CONFIG_NODE_SCALAR, event->start_mark);
    node->value = xstrndup((const char *)event->data.scalar.value, event->data.scalar.length);
    node->plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    break;
  case YAML_SEQUENCE_START_EVENT:
    node = config_node__new(CONFIG_NODE_SEQUENCE, event->start_mark);
    break;
  case YAML_MAPPING_START_EVENT:
    node = config_node__new(CONFIG_NODE_MAPPING, event->start_mark);
    break;
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT:
    builder->depth--;
    return true;
  default:
    return true;
  }
  if (builder->depth > 0)
    config_node__append(builder->open[builder->depth - 1], node);
  else
    builder->root = node;
  if (node->kind == CONFIG_NODE_SCALAR)
    return true;
  if (builder->depth == CONFIG_NODE_MAX_DEPTH)
    return config_node__fail(error, node->position, "nesting deeper than %d levels",
                             CONFIG_NODE_MAX_DEPTH);
  builder->open[builder->depth++] = node;
  return true;
}

bool config_node_parse(const char *text, size_t length, config_node **root, config_error *error) {
  bool ok = true;
  config_node__builder builder = {0};
  yaml_parser_t parser;
  *root = NULL;
  if (!yaml_parser_initialize(&parser))
    return config_node__fail(error, (config_position){0, 0}, "out of memory reading YAML");
  yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
  while (ok && !builder.done) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = config_node__syntax_error(&parser, text, length, error);
      break;
    }
    ok = config_node__take(&builder, &event, error);
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  if (ok)
    *root = builder.root;
  else
    config_node_delete(builder.root);
  return ok;
}

void config_node_delete(config_node *self) {
  if (!self)
    return;
  for (size_t i = 0; i < self->child_count; i++)
    config_node_delete(self->children[i]);
  free(self->children);
  free(self->value);
  free(self);
}

bool config_node_is_null(const config_node *self) {
  if (self->kind != CONFIG_NODE_SCALAR || !self->plain)
    return false;
  static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
  for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++) {
    if (strcmp(self->value, nulls[i]) == 0)
      return true;
  }
  return false;
}

const char *config_node_kind_name(const config_node *self) {
  switch (self->kind) {
  case CONFIG_NODE_SEQUENCE:
    return "a list";
  case CONFIG_NODE_MAPPING:
    return "a mapping";
  case CONFIG_NODE_SCALAR:
    break;
  }
  return config_node_is_null(self) ? "empty" : "a string";
}
