// What every key handler of strata.yaml shares: the parser state, the key
// tables and the checks of a value's shape. Private to analyzers/config.
#ifndef STRATA_CONFIG_PARSE_H
#define STRATA_CONFIG_PARSE_H

#include "config.h"
#include "config_node.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct config__parser {
  strata_config *config;
  config_error *error;
} config__parser;

// target is what the table fills: NULL for the top level (the handler uses
// parser->config), the config_forbidden being read for a forbidden entry.
typedef bool (*config__handler)(config__parser *parser, const config_node *value, void *target);

// Handlers run in phases so that references resolve whatever the key order:
// the version first (a newer file is reported as such, not as unknown keys),
// then plain keys, then keys naming components.
typedef enum config__phase {
  CONFIG_PHASE_VERSION,
  CONFIG_PHASE_MAIN,
  CONFIG_PHASE_REFERENCES,
  CONFIG_PHASE_COUNT,
} config__phase;

typedef struct config__key {
  const char *name;
  config__handler handler;
  config__phase phase;
} config__key;

// Sets the error at node and returns false.
bool config__fail(config__parser *parser, const config_node *node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

// A scalar that is not null.
bool config__is_string(const config_node *node);
// A list (or, when single_ok, one string standing for a list of one); a
// null value is an empty list. Items are checked by the caller.
bool config__expect_list(config__parser *parser, const config_node *node, const char *name,
                         const char *what, bool single_ok);
bool config__expect_item(config__parser *parser, const config_node *item, const char *name,
                         const char *what);
// Compiles node's glob into *out, or reports where it is wrong.
bool config__glob(config__parser *parser, const config_node *node, glob **out);
// Replaces *globs with the list of globs in node; null keeps the default.
bool config__glob_list(config__parser *parser, const config_node *node, const char *name,
                       glob ***globs, size_t *count);

// Checks (and may rewrite) one string of a list; returns false after
// reporting the problem at item.
typedef bool (*config__string_check)(config__parser *parser, const config_node *item, char **text);

// Replaces *strings with the list of strings in node, each passed through
// check; null keeps the default.
bool config__string_list(config__parser *parser, const config_node *node, const char *name,
                         const char *what, const char *item_what, config__string_check check,
                         char ***strings, size_t *count);

// Checks every key of mapping against table, then runs the handlers phase by
// phase, each in document order. where names the mapping in messages (NULL
// for the top level).
bool config__run_table(config__parser *parser, const config_node *mapping, const config__key *table,
                       size_t count, const char *where, void *target);
// A mapping value of a nested table (python, cxx); null is an empty one.
bool config__nested(config__parser *parser, const config_node *node, const char *name,
                    const config__key *table, size_t count);
// YAML 1.2's core schema booleans.
bool config__boolean(config__parser *parser, const config_node *node, const char *name, bool *out);

// The index of the component called name, or -1.
int config__component_index(const strata_config *config, const char *name);
// "; did you mean 'aten'?" when a component name is close to name, else "".
void config__component_hint(const strata_config *config, const char *name, char *hint, size_t size);

// A side of a contract (forbidden.from, allow.to, ...) into *selectors:
// component names, path globs, `module:NAME`, and with headers `<HEADER>`.
bool config__selectors(config__parser *parser, const config_node *node, const char *name,
                       bool headers, config_selector **selectors, size_t *count);
// A `module:NAME` or `<HEADER>` item into selector (config_contracts.c).
bool config__external_selector(config__parser *parser, const config_node *item, const char *name,
                               bool headers, config_selector *selector);
// A `scopes` list (module, function, type_checking) into *scopes, a set of
// (1u << fact_scope) bits; null keeps *scopes.
bool config__scopes(config__parser *parser, const config_node *node, const char *name,
                    uint32_t *scopes);

// Handlers of the keys read in their own files.
bool config__components(config__parser *parser, const config_node *node, void *target);
bool config__layers(config__parser *parser, const config_node *node, void *target);
bool config__rules(config__parser *parser, const config_node *node, void *target);
bool config__generated(config__parser *parser, const config_node *node, void *target);
bool config__independence(config__parser *parser, const config_node *node, void *target);
bool config__protected(config__parser *parser, const config_node *node, void *target);
bool config__ignore(config__parser *parser, const config_node *node, void *target);
bool config__layered(config__parser *parser, const config_node *node, void *target);
bool config__acyclic_siblings(config__parser *parser, const config_node *node, void *target);
bool config__bridge(config__parser *parser, const config_node *node, void *target);

#endif
