// Facts: what a front end learned from one file, and nothing more.
//
// A front end turns the bytes of one file into a file_facts; the rest of
// strata (graph, checks, reporters) reads facts and never sees a parser.
// Facts of one file depend on nothing but that file's bytes and the front
// end's options, which is what makes them safe to extract in parallel and to
// cache by content hash.
#ifndef STRATA_FACTS_H
#define STRATA_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum strata_language {
  STRATA_LANG_PYTHON,
  STRATA_LANG_C,
  STRATA_LANG_CPP,
  STRATA_LANG_CUDA,
  STRATA_LANG_OBJCPP, // Objective-C++ (.mm): Apple's Metal and Core ML backends
  STRATA_LANG_HIP,    // HIP (.hip): ROCm's CUDA dialect
  STRATA_LANG_COUNT,
} strata_language;

// "python", "c", "cpp", "cuda", "objcpp" or "hip": the names used in JSON
// output and in strata.yaml.
const char *strata_language_name(strata_language language);
// The language called name, as strata_language_name spells it; false when
// there is none.
bool strata_language_from_name(const char *name, strata_language *language);

typedef enum fact_dep_kind {
  FACT_DEP_IMPORT,  // Python import statement
  FACT_DEP_INCLUDE, // C/C++/CUDA #include directive
  // C/C++ code importing a Python module by a literal name:
  // `py::module::import("x")`, `py::module_::import("x")`,
  // `PyImport_ImportModule("x")` (docs/bridge.md).
  FACT_DEP_CXX_IMPORT,
  // Python code using `torch.ops.<ns>[.<op>]`: target is the namespace, the
  // one name (when written) the op.
  FACT_DEP_OP,
  // Never a fact: the kind of a graph edge that binds a Python import of an
  // extension module (or its submodule) to the C/C++ file defining it.
  FACT_DEP_BINDING,
} fact_dep_kind;

// "import", "include", "cxx_import", "op" or "binding".
const char *fact_dep_kind_name(fact_dep_kind kind);

// When the dependency is taken: only module-scope dependencies make cycles.
typedef enum fact_scope {
  FACT_SCOPE_MODULE,        // runs at import time (top level, if/try/with/for/while, class body)
  FACT_SCOPE_FUNCTION,      // inside a def or lambda
  FACT_SCOPE_TYPE_CHECKING, // under `if TYPE_CHECKING:`
} fact_scope;

// "module", "function" or "type_checking".
const char *fact_scope_name(fact_scope scope);

// One dependency as written in the file, before resolution against the tree.
//
// Python `import a.b.c` gives target "a.b.c", level 0, no names.
// Python `from ..p import x, y` gives target "p", level 2, names {"x", "y"},
// is_from true; `from . import x` gives target "" and level 1; a star import
// has the single name "*". `import a, b` gives two facts on the same line.
// C/C++ `#include "x/y.h"` gives target "x/y.h", angled false; `<x.h>` angled
// true; `#include MACRO` whose macro the front end could expand gives the
// expansion, and one it could not gives target "MACRO" with computed true.
typedef struct fact_dependency {
  fact_dep_kind kind;
  fact_scope scope;
  uint32_t line;   // 1-based line of the statement or directive
  uint32_t column; // 1-based column, in Unicode code points
  // Where the statement or directive ends: the line of its last character
  // and the column just after it (SARIF's endLine and endColumn); 0 when
  // the front end does not know.
  uint32_t end_line;
  uint32_t end_column;
  char *target;
  uint32_t level;
  char **names;
  uint32_t name_count;
  bool is_from;
  bool angled;
  bool computed;
  // The statement's text with runs of white space folded to one space: the
  // stable part of a finding's fingerprint (never the line number).
  char *statement;
  // C/C++: the preprocessor conditions the directive sits under, as written
  // and joined by " && " (`#ifdef X` reads "defined(X)", an #else branch the
  // negation of the branches before it), the file's include guard left out;
  // NULL when it sits under none. Always NULL for Python.
  char *condition;
} fact_dependency;

// A problem with the file that the run reports once and goes past: it did
// not parse cleanly, it is not UTF-8, it could not be read.
typedef struct fact_notice {
  uint32_t line; // 0 when it concerns the whole file
  uint32_t column;
  char *message; // lowercase, no trailing full stop
} fact_notice;

// A place that deprecates something: a deprecation warning call, a
// @deprecated decorator, a [[deprecated]] attribute, a deprecation macro.
// The front end records what is written; the deprecation checks decide
// whether it is dated or expired.
typedef struct fact_deprecation {
  uint32_t line; // 1-based, of the site's first line
  uint32_t column;
  // What the site is, as written: "warnings.warn", "@deprecated",
  // "[[deprecated]]", "__attribute__((deprecated))", "__declspec(deprecated)",
  // a macro name such as "C10_DEPRECATED_MESSAGE" or "TORCH_WARN".
  char *kind;
  // The text of the message's string literals (concatenated, f-string and
  // format literal parts); NULL when the message is not statically known, ""
  // when the site has no message.
  char *message;
  // Comments that may date the site: the comment on the site's first line
  // and the comment block directly above it, joined by newlines; NULL if none.
  char *comments;
  // The site's first line, white space folded: the stable part of its
  // fingerprint.
  char *statement;
} fact_deprecation;

// A name one language gives the other (docs/bridge.md): an extension module
// or submodule that C/C++ defines for Python, or a torch.ops namespace or op
// that C++ or Python defines. Only string literals and literal names make
// one: a computed name, a comment or a string outside such a call does not.
typedef enum fact_bridge_kind {
  // An extension module by its full dotted name: the name of a PyModuleDef
  // given to PyModule_Create, PYBIND11_MODULE(name, m), PyInit_<name>.
  FACT_BRIDGE_MODULE,
  // `def_submodule("name")`: name is the dotted chain of submodules from
  // the module the code starts from ("cpp.nn" for `cpp.def_submodule("nn")`
  // where cpp is `m.def_submodule("cpp")`); parent is that module's full
  // name when the code says it, else NULL.
  FACT_BRIDGE_SUBMODULE,
  // A torch.ops namespace defined: TORCH_LIBRARY(ns, m),
  // `torch.library.Library("ns", "DEF")`.
  FACT_BRIDGE_LIBRARY,
  // Added to: TORCH_LIBRARY_FRAGMENT(ns, m), Library("ns", "FRAGMENT").
  FACT_BRIDGE_FRAGMENT,
  // Kernels for a namespace defined elsewhere: TORCH_LIBRARY_IMPL(ns, key),
  // Library("ns", "IMPL").
  FACT_BRIDGE_IMPL,
  // An op defined: `m.def("op(...)")` in a TORCH_LIBRARY or _FRAGMENT block
  // (parent: the namespace), `custom_op("ns::op")` (name op, parent ns).
  FACT_BRIDGE_OP,
} fact_bridge_kind;

// "module", "submodule", "library", "fragment", "impl" or "op".
const char *fact_bridge_kind_name(fact_bridge_kind kind);

typedef struct fact_bridge {
  fact_bridge_kind kind;
  uint32_t line; // 1-based, of the name's literal (or the macro)
  uint32_t column;
  // Python: a definition inside a function (a test's Library("prim",
  // "DEF")) exists only while it runs; C/C++: always module.
  fact_scope scope;
  char *name;
  char *parent; // NULL when the code does not say it
} fact_bridge;

// A `strata: ignore[rule, ...] reason` comment.
typedef struct fact_suppression {
  uint32_t line; // the line the comment is on: it covers findings reported there
  uint32_t column;
  char **rules;
  uint32_t rule_count;
  char *reason; // NULL when the comment gives none
} fact_suppression;

// Facts of one kind that come one after the other may share a string: a
// dependency's statement or condition, a deprecation's comments or
// statement may be the very pointer the fact before it of the same kind
// holds (the imports of one `import a, b` share its text, the sites of one
// line their line and comments, the includes under one set of conditions
// those). file_facts owns such a string once: file_facts_delete frees a
// string unless the fact before holds the same pointer. A line of n sites
// thus costs its length once, not n times, in memory and in the cache.
typedef struct file_facts {
  fact_dependency *dependencies;
  size_t dependency_count;
  size_t dependency_capacity;
  fact_deprecation *deprecations;
  size_t deprecation_count;
  size_t deprecation_capacity;
  fact_suppression *suppressions;
  size_t suppression_count;
  size_t suppression_capacity;
  fact_notice *notices;
  size_t notice_count;
  size_t notice_capacity;
  fact_bridge *bridges;
  size_t bridge_count;
  size_t bridge_capacity;
} file_facts;

// Returns an empty file_facts the caller frees with file_facts_delete.
file_facts *file_facts_new(void);
void file_facts_delete(file_facts *self);

// Returns a zeroed slot owned by self; the caller fills it, and the strings
// it stores there (target, names, statement) become self's to free.
fact_dependency *file_facts_add_dependency(file_facts *self);
// Copies each name into dependency (owned by the facts that own dependency).
void fact_dependency_add_name(fact_dependency *dependency, const char *name, size_t length);

// Zeroed slots owned by self, as for file_facts_add_dependency.
fact_deprecation *file_facts_add_deprecation(file_facts *self);
fact_suppression *file_facts_add_suppression(file_facts *self);
fact_bridge *file_facts_add_bridge(file_facts *self);
void fact_suppression_add_rule(fact_suppression *suppression, const char *rule, size_t length);

void file_facts_add_notice(file_facts *self, uint32_t line, uint32_t column, const char *format,
                           ...) __attribute__((format(printf, 4, 5)));

// Whether every fact of self is one a front end can make: each field of
// each kind within what this header says of it (kinds and scopes known,
// lines and columns from 1, required strings there, a level no larger than
// the dots of its statement, names and rules not empty, ...). Facts that
// come from anywhere but a front end (the fact cache, facts_codec.h) are
// used only when they pass. When they do not, *problem (if not NULL) says
// which rule the first bad fact breaks (static text). A new field or kind of
// fact gets its rule here.
bool file_facts_check(const file_facts *self, const char **problem);

#endif
