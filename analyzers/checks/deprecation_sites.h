// The deprecation sites of a graph's files, dated, and what every
// deprecation finding carries: the part of deprecation dating that knows
// the graph and findings (the text itself is read by
// dating/deprecation_dates.h).
#ifndef STRATA_DEPRECATION_SITES_H
#define STRATA_DEPRECATION_SITES_H

#include "config.h"
#include "deprecation_dates.h"
#include "facts.h"
#include "finding.h"
#include "graph.h"
#include "notice.h"

// Calls visit(state, file, site, dating) for every deprecation site of
// files, in file order, each dated under config. The patterns are compiled
// only when there is a site; when one does not compile (the config loader
// rejects those first) the error goes to notices (may be NULL) and nothing
// is visited.
typedef void deprecation_visit(void *state, const graph_file *file, const fact_deprecation *site,
                               const deprecation_dating *dating);
void deprecation_dates_each(const graph *files, const strata_config *config, notice_list *notices,
                            deprecation_visit *visit, void *state);

// Sets what every deprecation finding carries: the fingerprint (rule, path,
// kind and the site's line of code, never its number, and the occurrence of
// that line among the file's sites), the file, and the properties kind,
// message, since and removal.
void deprecation_finding_describe(finding *item, const char *path, const fact_deprecation *site,
                                  const deprecation_dating *dating);

#endif
