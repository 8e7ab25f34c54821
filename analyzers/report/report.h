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
  // The run read no file at all (an empty tree): the text formats say so
  // instead of "no problems found".
  bool nothing_analyzed;
  // Text formats: the findings alone, without advice or counts.
  bool quiet;
  // lintrunner: the `code` of every message (the linter's code in
  // .lintrunner.toml); NULL for REPORT_LINTRUNNER_CODE.
  const char *lintrunner_code;
  // SARIF: the code scanning category (--sarif-category); NULL for the
  // config's `sarif.category`, else "strata".
  const char *sarif_category;
} report_context;

// Each returns false when writing failed.
// `path:line:col: level: message [rule]` lines (concise), then once per rule
// the advice the messages share (`help: ...`), and a count per rule.
bool report_text(FILE *out, const report_context *context);
// The same, each finding with its source line and carets under the
// statement, and the steps of a cycle.
bool report_text_full(FILE *out, const report_context *context);
// The findings under their file: `path:` then `  line:col level: ...`.
bool report_text_grouped(FILE *out, const report_context *context);
// --statistics: one row per rule with findings, most first: count, rule,
// level, summary; as a JSON array of {ruleId, level, summary, count} when
// json is set.
bool report_statistics(FILE *out, const report_context *context, bool json);
// One JSON object per finding per line, the objects of report_json.
bool report_json_lines(FILE *out, const report_context *context);
// JUnit XML: a test suite per file, a failing test case per finding (one
// passing case when there are none), as CI systems show test results.
bool report_junit(FILE *out, const report_context *context);
// GitLab's Code Quality report: a JSON array of {description, check_name,
// fingerprint, severity, location: {path, lines: {begin, end}}}.
bool report_gitlab(FILE *out, const report_context *context);
// SARIF 2.1.0.
bool report_sarif(FILE *out, const report_context *context);
// The key of strata's own fingerprint in every SARIF result's
// partialFingerprints, and the category when none is given.
#define REPORT_SARIF_FINGERPRINT_KEY "strata/v2"
#define REPORT_SARIF_DEFAULT_CATEGORY "strata"
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
