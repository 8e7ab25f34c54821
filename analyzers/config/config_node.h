// A YAML document as a small tree of nodes, each with the position libyaml's
// events gave it, so that the key handlers can walk it in any order (layers
// may name components defined further down) and still report exact
// line:column. Private to analyzers/config.
#ifndef STRATA_CONFIG_NODE_H
#define STRATA_CONFIG_NODE_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum config_node_kind {
  CONFIG_NODE_SCALAR,
  CONFIG_NODE_SEQUENCE,
  CONFIG_NODE_MAPPING,
} config_node_kind;

typedef struct config_node {
  config_node_kind kind;
  config_position position;
  char *value;                   // scalars: the text, NUL-terminated (never holds a NUL itself)
  bool plain;                    // scalars: written without quotes (only those can be null)
  struct config_node **children; // sequences: items; mappings: key, value, key, ...
  size_t child_count;
  size_t child_capacity;
} config_node;

// Parses text into *root (NULL for a document without content). Returns
// false with error->position and error->message set (error->file is left to
// the caller) on invalid YAML, aliases, or more than one document. The caller
// frees *root with config_node_delete.
bool config_node_parse(const char *text, size_t length, config_node **root, config_error *error);
void config_node_delete(config_node *self);

// Whether the node is an empty plain scalar, '~' or 'null': YAML's null.
bool config_node_is_null(const config_node *self);
// "a mapping", "a list", "a string" or "empty", for messages.
const char *config_node_kind_name(const config_node *self);

#endif
