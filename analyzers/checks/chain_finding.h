// Findings of the transitive contracts (forbidden-dependency with
// `transitive`, independence-violation) and of forbidden unresolved
// dependencies: a chain of dependencies from one file to another (or to
// something outside the tree), reported at its first hop, each hop in the
// message, in properties.chain and as related locations (SARIF code flows).
#ifndef STRATA_CHAIN_FINDING_H
#define STRATA_CHAIN_FINDING_H

#include "check.h"
#include "contracts.h"
#include "strbuf.h"

// What a contract check says after the chain ("which strata.yaml forbids:
// ..."), written into out; data is what the check handed over with it.
typedef void chain_finding_explain(const check_context *context, const void *data, strbuf *out);

// Reports every chain of question that the waivers let through: for each
// file of F, one finding per file of T (or per unresolved target) that a
// chain of at least min_length dependencies reaches with no file of F or T
// between, with the shortest chain. explain ends each message.
void chain_finding_report(const check_context *context, contract_question *question,
                          size_t min_length, chain_finding_explain *explain, const void *data);

// Reports every unresolved dependency of a file marked in from whose target
// matches to (a header or module outside the tree), in scopes: a chain of
// one. explain ends each message.
void chain_finding_report_unresolved(const check_context *context, const bool *from,
                                     const config_selector *to, size_t to_count, uint32_t scopes,
                                     chain_finding_explain *explain, const void *data);

#endif
