// Reporters turn findings and notices into text for people or machines.
// They decide nothing: every finding they are given is printed, in order.
#ifndef STRATA_REPORT_H
#define STRATA_REPORT_H

#include "config.h"
#include "deprecation_dates.h"
#include "finding.h"
#include "graph.h"
#include "notice.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct report_context {
  const finding_list *findings; // sorted
  const notice_list *notices;   // sorted
  const graph *graph;
  const strata_config *config;
  const char *root; // absolute path of the analyzed root, no trailing '/'
  bool color;       // ANSI colour (text only): decided by the caller
  // The run was compared with a baseline and the baselined findings are
  // among findings (SARIF --include-baselined): every result says its
  // baselineState, and baselined ones carry an external suppression.
  bool baseline_states;
  // Baselined findings the caller left out of findings, for the text
  // format's summary.
  size_t baselined_hidden;
} report_context;

// Each returns false when writing failed.
// `path:line:col: level: message [rule]` lines, then a count per rule.
bool report_text(FILE *out, const report_context *context);
// SARIF 2.1.0.
bool report_sarif(FILE *out, const report_context *context);
// A JSON array of findings for scripts.
bool report_json(FILE *out, const report_context *context);
// The text format's closing lines on what the tree depends on outside it:
// one per category of unresolved dependency, one for generated files
// (docs/generated.md).
bool report_unresolved_summary(FILE *out, const graph *files);
// The file-level graph as JSON (`strata graph --format json`).
bool report_graph_json(FILE *out, const report_context *context);
// One deprecation site of file as the graph JSON lists it: path, line,
// column, language, kind, message, dated, since, removal. The caller owns the
// reference.
json_t *report_deprecation_entry(const graph_file *file, const fact_deprecation *site,
                                 const deprecation_dating *dating);

#endif
