// Rule documentation and defaults.
//
// Each rule is written once, in rules/<id>.md (front matter plus the sections
// What it does / Why is this bad? / Example / Use instead / Options). The
// build renders those files into the table below (tools/rulegen.py), into
// docs/rules/, into `strata explain`, and into SARIF's rule descriptors.
#ifndef STRATA_RULE_H
#define STRATA_RULE_H

#include <stddef.h>

typedef enum rule_level {
  RULE_LEVEL_NOTE,
  RULE_LEVEL_WARNING,
  RULE_LEVEL_ERROR,
} rule_level;

// "note", "warning", "error": SARIF's level names.
const char *rule_level_name(rule_level level);

typedef struct rule_doc {
  const char *id;          // "layer-violation"
  const char *name;        // "LayerViolation"
  const char *summary;     // one sentence: SARIF shortDescription
  const char *description; // the "What it does" section: SARIF fullDescription
  const char *markdown;    // every section, as markdown: SARIF help.markdown
  const char *text;        // the same as plain text: SARIF help.text, `strata explain`
  rule_level level;        // default level
  const char *const *tags;
  size_t tag_count;
  const char *precision;        // SARIF/code scanning precision: "very-high", "high", ...
  const char *problem_severity; // code scanning's "error", "warning", "recommendation"
} rule_doc;

// The rules, sorted by id (generated from rules/*.md).
extern const rule_doc strata_rules[];
extern const size_t strata_rule_count;

// The rule with id, or NULL.
const rule_doc *rule_find(const char *id);
// The rule a mistyped id most likely means: its name ("LayerViolation"),
// the id in another case or with '_' for '-', or an id one or two edits
// away. NULL when none is close.
const rule_doc *rule_suggest(const char *word);
// Index of rule in strata_rules.
size_t rule_index(const rule_doc *rule);

#endif
