// What Python code says about the bridge to C++ (docs/bridge.md): uses of
// `torch.ops.<ns>[.<op>]`, and the torch.ops namespaces and ops it defines
// with `torch.library.Library("ns", "DEF" | "FRAGMENT" | "IMPL")` and
// `custom_op("ns::op")`. Only literal names count: `torch.ops` reached
// through another name, a namespace given by a variable, an f-string or a
// string that is no argument of such a call make no fact.
#ifndef STRATA_PYTHON_BRIDGE_H
#define STRATA_PYTHON_BRIDGE_H

#include "facts.h"
#include "python_grammar.h"
#include "python_hits.h"
#include "source.h"
#include "strbuf.h"

// Scratch space reused from file to file.
typedef struct python_bridge {
  const python_grammar *grammar;
  fact_scope *scopes; // one per open level of the walk
  size_t scope_capacity;
  python_hits hits; // where "ops.", "Library" or "custom_op" is spelled
  strbuf text;
  source_columns columns;
  // The `torch.ops.<ns>` whose use was recorded with its op, at its parent.
  TSNode done;
  bool has_done;
} python_bridge;

void python_bridge_init(python_bridge *self, const python_grammar *grammar);
void python_bridge_release(python_bridge *self);

// Adds the torch.ops uses (dependency facts of kind FACT_DEP_OP) and the
// namespaces and ops defined (bridge facts) of tree, parsed from source, in
// the order they appear.
void python_bridge_extract(python_bridge *self, const TSTree *tree, const source_text *source,
                           file_facts *facts);

#endif
