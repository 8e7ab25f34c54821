// Findings: what the checks decided is wrong, in a form every reporter can
// print without deciding anything itself.
#ifndef STRATA_FINDING_H
#define STRATA_FINDING_H

#include "rule.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct finding_location {
  char *path; // relative to the root
  uint32_t line;
  uint32_t column;
  // The end of the statement there: its last line and the column just after
  // it, 0 when unknown (SARIF's endLine and endColumn).
  uint32_t end_line;
  uint32_t end_column;
  char *message; // what this location is, for related locations; may be NULL
} finding_location;

typedef struct finding {
  const rule_doc *rule;
  rule_level level;
  finding_location location;
  char *message;
  // Stable identity: a hash of the rule, the files involved and the
  // statements' text, never line numbers, so it survives unrelated edits.
  char *fingerprint;
  // 1 for the first finding of its fingerprint in sorted order, 2 for the
  // second, ...: with the fingerprint, an identity unique in the run (SARIF's
  // own fingerprint), where one file may say the same thing twice.
  uint32_t occurrence;
  // For a cycle: the imports along the cycle shown, in order.
  finding_location *related;
  size_t related_count;
  // Rule-specific facts (components, layers, cycle members), a JSON object
  // owned by the finding; reporters copy it into their output.
  json_t *properties;
  // Every file the finding is about (both ends of an edge, every file of a
  // cycle's component), sorted: `strata check FILE...` keeps a finding when
  // one of them was named.
  char **involved;
  size_t involved_count;
  // The message less what changes from run to run without the code changing
  // (today's date, the current version), for the baseline file's summary;
  // NULL when the message is stable.
  char *summary;
  // Where the rule's general advice starts in message (the separator before
  // it, "; " or ": "), or 0 when the message holds none: people's formats
  // print the advice once per rule, machines' the whole message.
  size_t advice_start;
  // In the baseline: not counted, and shown only where asked for (SARIF
  // with baselineState "unchanged").
  bool baselined;
} finding;

typedef struct finding_list {
  finding *items;
  size_t count;
  size_t capacity;
} finding_list;

finding_list *finding_list_new(void);
void finding_list_delete(finding_list *self);

// Adds a finding at path:line:column with the rule's default level and a
// printf-formatted message. Returns it so the check can add related
// locations, properties and the fingerprint; it stays owned by self.
finding *finding_list_add(finding_list *self, const rule_doc *rule, const char *path, uint32_t line,
                          uint32_t column, const char *format, ...)
    __attribute__((format(printf, 6, 7)));

void finding_add_related(finding *self, const char *path, uint32_t line, uint32_t column,
                         const char *message);
// Adds path to the files the finding is about (once).
void finding_add_involved(finding *self, const char *path);
// Whether path is one of the files the finding is about.
bool finding_involves(const finding *self, const char *path);

// Sets the fingerprint from the rule id and the given parts (file paths,
// statement texts), in order.
void finding_set_fingerprint(finding *self, const char *const *parts, size_t part_count);

// Marks the end of the message, after ": " or "; ", as the rule's general
// advice (the same for every finding of its kind), which text reports print
// once in a footer. Does nothing when the message does not end so.
void finding_set_advice(finding *self, const char *advice);
// The advice of the message, or NULL; its length without the advice.
const char *finding_advice(const finding *self);
size_t finding_message_length(const finding *self);

// Sets where the statement at location ends (0, 0: unknown).
void finding_location_set_end(finding_location *location, uint32_t end_line, uint32_t end_column);

// Numbers the findings of each fingerprint 1, 2, ... in list order (see
// finding.occurrence); findings without a fingerprint get 0.
void finding_list_number_occurrences(finding_list *self);

// Removes (and frees) every finding whose keep[index] is false, keeping the
// order of the rest.
void finding_list_keep(finding_list *self, const bool *keep);

// Sorts by path, line, column, rule id, message: output never depends on the
// order the file system listed files in.
void finding_list_sort(finding_list *self);

// How many findings have level error.
size_t finding_list_error_count(const finding_list *self);

#endif
