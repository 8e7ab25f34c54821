// Waivers: what lets a finding through before the baseline is consulted.
// Inline suppressions (`strata: ignore[rule] reason` on the finding's line)
// and the config's `allow` entries (a dependency let through until a day),
// with a record of which were used, for the findings about them
// (docs/suppressions.md).
//
// The edge checks ask about each edge they would report; the cycle checks
// about each edge of a cycle they would report (and drop it when waived);
// the adoption stage about every other finding's line.
#ifndef STRATA_WAIVERS_H
#define STRATA_WAIVERS_H

#include "config.h"
#include "finding.h"
#include "graph.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct waivers waivers;

// The suppressions of graph's files and config's allowances (config may be
// NULL: none), judged as on config->today or else the local date. Both must
// outlive the result, which the caller frees with waivers_delete.
waivers *waivers_new(const graph *dependency_graph, const strata_config *config);
void waivers_delete(waivers *self);

// Whether a suppression comment on line of file names rule_id; marks it used.
bool waivers_suppress(waivers *self, uint32_t file, uint32_t line, const char *rule_id);

// Whether an allowance in force matches edge; marks each such allowance
// used. An expired allowance that matches is noted (its finding says the
// findings it let through are back) and lets nothing through.
bool waivers_allow(waivers *self, const graph_edge *edge);
// The same for a dependency from file from_file on file to_file, direct or
// through a chain (a transitive contract's finding).
bool waivers_allow_files(waivers *self, uint32_t from_file, uint32_t to_file);

// Whether edge is waived for rule_id: suppressed on its own line, or
// allowed. Both are asked, so that each one that applies counts as used.
bool waivers_excuse_edge(waivers *self, const graph_edge *edge, const char *rule_id);

// Adds the findings about the waivers themselves: malformed-suppression,
// suppression-without-reason (unless config says suppressions need none),
// unused-suppression, expired-allowance and unused-allowance. config_path
// is the config file as findings show it (relative to the root when inside
// it).
void waivers_report(const waivers *self, const char *config_path, finding_list *findings);

#endif
