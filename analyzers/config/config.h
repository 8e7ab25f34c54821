// strata.yaml: the configuration of one analyzed tree.
//
// Read with libyaml's event parser so that every problem is reported with
// the file, line and column where it is (the marks libyaml gives each event).
// Every key is documented in docs/config.md.
#ifndef STRATA_CONFIG_H
#define STRATA_CONFIG_H

#include "facts.h"
#include "glob.h"
#include "rule.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct config_position {
  uint32_t line; // 1-based; 0 when unknown
  uint32_t column;
} config_position;

typedef struct config_component {
  char *name;
  glob **globs;
  size_t glob_count;
  glob **exclude; // files matching one of these are not in the component
  size_t exclude_count;
  // The languages whose files it takes, one bit (1u << language) each; 0
  // for every language.
  uint32_t languages;
  int layer; // index into layers (0 = highest), -1 when in no layer
  config_position position;
} config_component;

// Every C-family language, as a set of component languages.
#define CONFIG_LANGUAGES_CXX                                                                       \
  ((1u << STRATA_LANG_C) | (1u << STRATA_LANG_CPP) | (1u << STRATA_LANG_CUDA) |                    \
   (1u << STRATA_LANG_OBJCPP) | (1u << STRATA_LANG_HIP))

// One side of a forbidden entry: a component name, or else a path glob
// (any value holding '/' or a wildcard is a glob). Where external targets
// are allowed (docs/config.md), also `<HEADER>` (an include as spelled, a
// glob: `<pybind11/**>`) or `module:NAME` (a Python module and everything
// below it, `*` and `**` as in `generated.modules`).
typedef struct config_selector {
  int component; // index into components, or -1 for a glob selector
  glob *path_glob;
  char *text;
  glob *header_glob; // `<HEADER>`: the name inside the brackets
  // `module:NAME`: NAME with '/' for '.'; module_below also matches the
  // modules below it (NAME held no wildcard).
  glob *module_glob;
  bool module_below;
} config_selector;

// The import scopes a contract counts, one bit (1u << fact_scope) each.
#define CONFIG_SCOPES_ALL                                                                          \
  ((1u << FACT_SCOPE_MODULE) | (1u << FACT_SCOPE_FUNCTION) | (1u << FACT_SCOPE_TYPE_CHECKING))
#define CONFIG_SCOPES_IMPORT_TIME (1u << FACT_SCOPE_MODULE)

typedef struct config_forbidden {
  config_selector *from;
  size_t from_count;
  config_selector *to;
  size_t to_count;
  char *why; // may be NULL
  config_position position;
  // transitive: any chain of dependencies from `from` to `to` breaks it,
  // not only a direct one.
  bool transitive;
  uint32_t scopes; // CONFIG_SCOPES_ALL unless set (IMPORT_TIME when transitive)
} config_forbidden;

// `independence`: none of the components may reach another, directly or
// through a chain of dependencies.
typedef struct config_independence {
  config_selector *components;
  size_t component_count;
  char *why;       // may be NULL
  uint32_t scopes; // CONFIG_SCOPES_IMPORT_TIME unless set
  config_position position;
} config_independence;

// `protected`: only the allowed importers (and the protected files
// themselves) may depend on the protected files directly.
typedef struct config_protected {
  config_selector *components;
  size_t component_count;
  config_selector *importers; // allowed_importers; may be empty
  size_t importer_count;
  char *why;       // may be NULL
  uint32_t scopes; // CONFIG_SCOPES_ALL unless set
  config_position position;
} config_protected;

// `ignore`: dependencies the contracts never see (import-linter's
// ignore_imports), for good, with a reason.
typedef struct config_ignore {
  config_selector *from;
  size_t from_count;
  config_selector *to;
  size_t to_count;
  char *why;
  config_position position;
} config_ignore;

// `layered`: one list of layers applied inside each container folder, the
// layers named by the first path segment below the container
// (`torch/nn/modules/...` is the layer `modules` of the container
// `torch/nn`; a file `torch/nn/init.py` the layer `init`).
typedef struct config_layered {
  char **containers; // folder paths
  size_t container_count;
  char **layers; // highest first, as written ("a | b", "a : b" or "a")
  size_t layer_count;
  bool *layer_independent; // per layer: its siblings must not depend on each other
  char **names;            // every name of every layer
  uint32_t *name_layer;    // the layer of each name
  size_t name_count;
  char *why;       // may be NULL
  uint32_t scopes; // CONFIG_SCOPES_ALL unless set
  // exhaustive: every folder or module right below a container must be a
  // layer or one of exhaustive_ignores.
  bool exhaustive;
  char **exhaustive_ignores;
  size_t exhaustive_ignore_count;
  config_position position;
} config_layered;

// `acyclic_siblings`: below each ancestor folder, and down the folders
// below it (depth generations), the children of a folder must not depend on
// each other in a cycle, each child with everything below it.
typedef struct config_acyclic_siblings {
  char **ancestors; // folder paths
  size_t ancestor_count;
  uint32_t depth;          // generations below the ancestors' children judged too (10 unless set)
  char **skip_descendants; // folders whose children are not judged
  size_t skip_count;
  char *why;       // may be NULL
  uint32_t scopes; // CONFIG_SCOPES_ALL unless set
  config_position position;
} config_acyclic_siblings;

// deprecations: what the deprecation front ends look for and how the
// deprecation checks date a site (docs/deprecations.md).
typedef struct config_deprecations {
  char **cxx_macros; // macro names whose uses are deprecation sites
  size_t cxx_macro_count;
  char **python_calls; // more call or decorator names (the Python front end)
  size_t python_call_count;
  char **dated_patterns; // PCRE2: a match names a version or date
  size_t dated_pattern_count;
  char **removal_patterns; // PCRE2: a match says when the deprecation ends
  size_t removal_pattern_count;
  char *current_version; // NULL unless set
  char *version_file;    // relative to the analyzed root; NULL unless set
} config_deprecations;

// One entry of `allow`: dependencies from `from` to `to` are let through
// until the end of the day `until` (docs/suppressions.md).
typedef struct config_allowance {
  config_selector *from;
  size_t from_count;
  config_selector *to;
  size_t to_count;
  char *why;
  char until[11];           // "YYYY-MM-DD", a real day
  config_position position; // the entry's
} config_allowance;

// What becomes of a finding on an include no translation unit of the build
// takes (exact mode): demoted to a note (the default), reported as usual,
// or dropped.
typedef enum config_untaken {
  CONFIG_UNTAKEN_NOTE,
  CONFIG_UNTAKEN_REPORT,
  CONFIG_UNTAKEN_DROP,
} config_untaken;

// One entry of `generated`: files the build makes, which the tree does not
// hold. An include or import of one becomes an edge to a generated node at
// dir/NAME, in the component of that path (or the entry's).
typedef struct config_generated {
  glob **headers; // include names as spelled: "ATen/ops/*.h"
  size_t header_count;
  glob **modules; // dotted module names, written with '/' for '.'
  size_t module_count;
  char *dir;     // the folder of the tree they belong in; "" for the root
  int component; // -1: the component of the node's path
  char *by;      // what makes them, for messages; may be NULL
  config_position position;
} config_generated;

// `bridge.extension_modules`: an extension module whose C/C++ side only the
// build names, and the files that build it (docs/bridge.md).
typedef struct config_extension_module {
  char *module; // dotted: "functorch._C"
  glob **files;
  size_t file_count;
  config_position position;
} config_extension_module;

// `rules`: one entry per rule the file sets (docs/config.md).
enum {
  CONFIG_RULE_DEFAULT = -1, // the rule's own default level
  CONFIG_RULE_OFF = -2,     // the rule reports nothing
};
typedef struct config_rule {
  char *id;
  int level; // a rule_level, CONFIG_RULE_DEFAULT or CONFIG_RULE_OFF
  // Findings are reported only in files matching paths (every file when
  // there are none), less those matching exclude.
  glob **paths;
  size_t path_count;
  glob **exclude;
  size_t exclude_count;
  // Exact mode: what becomes of a finding on an include no unit of the
  // build takes (layer-violation, forbidden-dependency, include-cycle).
  config_untaken untaken;
  config_position position;
} config_rule;

typedef struct strata_config {
  char *source_name; // the file it came from, or "<built-in pytorch default>"
  bool is_default;   // the built-in default, which no one wrote for this tree
  int version;
  glob **exclude;
  size_t exclude_count;
  char **python_roots; // relative to the root, "." for the root itself
  size_t python_root_count;
  // python.scripts: files run as scripts, whose own folder Python puts first
  // on sys.path.
  glob **python_scripts;
  size_t python_script_count;
  char **cxx_include_dirs;
  size_t cxx_include_dir_count;
  char **cxx_defines; // "NAME" or "NAME=VALUE"
  size_t cxx_define_count;
  char *cxx_std; // "c++17" unless set
  // cxx.compile_commands: the build's compile_commands.json (or the folder
  // holding it), relative to the analyzed root unless absolute; NULL when
  // not set: exact mode is off (docs/cxx.md).
  char *cxx_compile_commands;
  // cxx.cuda_path: the CUDA toolkit exact mode parses CUDA units against,
  // relative to the analyzed root unless absolute; NULL: the system's.
  char *cxx_cuda_path;
  config_component *components;
  size_t component_count;
  // Highest first, each as written: a component, or siblings sharing the
  // layer ("torch_csrc : caffe2" may depend on each other, "a | b" not).
  char **layers;
  size_t layer_count;
  bool *layer_independent; // per layer: its siblings must not depend on each other
  uint32_t layer_scopes;   // `layer_scopes`: what `layers` judges; CONFIG_SCOPES_ALL unless set
  config_forbidden *forbidden;
  size_t forbidden_count;
  config_independence *independence;
  size_t independence_count;
  config_protected *protected_entries;
  size_t protected_count;
  config_ignore *ignore_entries;
  size_t ignore_entry_count;
  config_layered *layered;
  size_t layered_count;
  config_acyclic_siblings *acyclic_siblings;
  size_t acyclic_siblings_count;
  size_t max_file_bytes; // files larger are skipped with a notice
  // What one file may cost a front end (file_budget.h): CPU seconds, and
  // bytes of the parser's memory.
  double max_file_seconds;
  size_t max_file_memory;
  // `respect_gitignore`: what the tree's .gitignore files ignore is not
  // analyzed (true unless set false).
  bool respect_gitignore;
  config_deprecations deprecations;
  // `baseline`: the baseline file, relative to the analyzed root unless
  // absolute; NULL when not set (ROOT/strata-baseline.json is then used
  // when it exists).
  char *baseline;
  config_position baseline_position; // of the `baseline` value, for errors about the file
  // `suppressions.require_reason`: a suppression comment must give a reason
  // (true unless set false).
  bool require_reason;
  config_allowance *allowances;
  size_t allowance_count;
  // `sarif.category`: the code scanning category of the SARIF log
  // (runs[0].automationDetails.id); NULL when not set ("strata").
  char *sarif_category;
  config_generated *generated;
  size_t generated_count;
  config_extension_module *extension_modules;
  size_t extension_module_count;
  config_rule *rules;
  size_t rule_count;
  // --select and --ignore, from the command line, never from the file:
  // with select, only the rules it names report; ignore's never do.
  char **select;
  size_t select_count;
  char **ignore;
  size_t ignore_count;
  // "YYYY-MM-DD" from the command line (--today), never from the file; NULL
  // means the clock. Deprecation removal dates and allowances are judged
  // as on that day.
  char *today;
} strata_config;

// The defaults of deprecations.cxx_macros, .dated_patterns and
// .removal_patterns, NULL-terminated (docs/config.md lists them).
extern const char *const config_default_deprecation_macros[];
extern const char *const config_default_dated_patterns[];
extern const char *const config_default_removal_patterns[];

#define CONFIG_DEFAULT_MAX_FILE_SECONDS 10.0
#define CONFIG_DEFAULT_MAX_FILE_MEMORY ((size_t)1 << 30)

typedef struct config_error {
  char *file;
  config_position position;
  char message[512];
} config_error;

// Reads and validates path. Returns NULL and fills *error (release with
// config_error_release) when the file cannot be read or is invalid. The
// caller frees the result with config_delete.
strata_config *config_load_file(const char *path, config_error *error);
// The same for text already in memory; source_name names it in errors.
strata_config *config_load_text(const char *text, size_t length, const char *source_name,
                                config_error *error);
// The built-in PyTorch default (rules/pytorch.yaml, compiled in).
strata_config *config_load_default(config_error *error);
void config_delete(strata_config *self);
void config_error_release(config_error *error);

// The component of relative path, a file in language: the one with the most
// specific matching glob among those that take the language and do not
// exclude the path (ties: the first in the file). -1 when none matches.
int config_component_of(const strata_config *self, const char *path, strata_language language);

// config_component_of for many paths: the components' literal paths
// (torch_python's 138 files, say) are looked up in a map, not compared with
// each path in turn. It borrows config, which must outlive it.
typedef struct config_component_index config_component_index;
config_component_index *config_component_index_new(const strata_config *config);
void config_component_index_delete(config_component_index *self);
int config_component_index_of(const config_component_index *self, const char *path,
                              strata_language language);
// Whether relative path is excluded.
bool config_is_excluded(const strata_config *self, const char *path);
// Whether the whole folder (relative path) is excluded, so the walk skips it.
bool config_folder_is_excluded(const strata_config *self, const char *folder);
// Whether text may be a SARIF category (`sarif.category`, --sarif-category):
// not empty, at most 255 bytes, no white space or control characters.
bool config_sarif_category_valid(const char *text);
// Whether rule id reports at all: not ignored on the command line, selected
// there when anything is, and not `off` in rules. self may be NULL (yes).
bool config_rule_enabled(const strata_config *self, const char *id);
// Whether rule id reports a finding located in path (relative to the root;
// NULL for a finding about the whole run): enabled, and path within the
// rule's paths and outside its exclude.
bool config_rule_applies(const strata_config *self, const char *id, const char *path);
// What `rules.<id>.untaken` says of rule id's findings on includes no unit
// of the build takes (exact mode); CONFIG_UNTAKEN_NOTE when unset.
config_untaken config_rule_untaken(const strata_config *self, const char *id);
// Whether `rules` sets the level of rule id's findings; sets *level when it
// does (otherwise each finding keeps the level its check gave it).
bool config_rule_level(const strata_config *self, const char *id, rule_level *level);
// Adds --select and --ignore rule ids. Returns false with *error (the
// caller frees it) naming the first unknown id, with a suggestion.
bool config_select_rules(strata_config *self, const char *const *select, size_t select_count,
                         const char *const *ignore, size_t ignore_count, char **error);

// The `generated` entry that declares the header spelled name, or NULL.
const config_generated *config_generated_header(const strata_config *self, const char *name);
// The `generated` entry that declares the dotted module name (length
// bytes), or NULL.
const config_generated *config_generated_module(const strata_config *self, const char *dotted,
                                                size_t length);

// Whether relative path matches selector (never for `<HEADER>` and
// `module:` selectors).
bool config_selector_matches(const config_selector *selector, int component, const char *path);
// Whether a file matches selector: by component or path, or for a
// `module:` selector by its dotted Python module (NULL: none).
bool config_selector_matches_file(const config_selector *selector, int component, const char *path,
                                  const char *module);
// Whether an unresolved dependency on target (a dotted module when
// is_import, else an include name as spelled) matches selector: a
// `module:` selector an import, a `<HEADER>` an include, and a path glob an
// include of code outside the tree (outside: a system or third-party one).
bool config_selector_matches_external(const config_selector *selector, const char *target,
                                      bool is_import, bool outside);
// Whether selector can match an unresolved dependency.
bool config_selector_is_external(const config_selector *selector);

#endif
