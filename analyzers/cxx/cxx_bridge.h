// What C, C++ and CUDA code says about the bridge to Python
// (docs/bridge.md), found in the raw tokens of code (never in comments,
// directives or `#if 0`), from literal names only:
// - extension modules: the name of a PyModuleDef (`{PyModuleDef_HEAD_INIT,
//   "torch._C", ...}` or `.m_name = "..."`) that the file hands to
//   PyModule_Create; PYBIND11_MODULE(name, m) when name is a lowercase
//   identifier (an all-caps one, TORCH_EXTENSION_NAME, is a macro the build
//   defines); the entry point `PyInit_<name>(...) {`;
// - submodules: `x.def_submodule("name")`, chained through variables the
//   file assigns from def_submodule, or from `py::module::import("pkg")`;
// - torch.ops: TORCH_LIBRARY(ns, m), TORCH_LIBRARY_FRAGMENT(ns, m),
//   TORCH_LIBRARY_IMPL(ns, key, m), and in the block of the first two
//   `m.def("op(...)")` (also through TORCH_SELECTIVE_SCHEMA("..."));
// - Python modules imported: `py::module::import("x")`,
//   `py::module_::import("x")`, `PyImport_ImportModule("x")` whose one
//   argument is a string literal.
#ifndef STRATA_CXX_BRIDGE_H
#define STRATA_CXX_BRIDGE_H

#include "cxx_lex.h"
#include "cxx_text.h"
#include "facts.h"

#include <stdbool.h>
#include <stddef.h>

// Whether bytes can hold any of the forms: most files hold none and skip
// the walk.
bool cxx_bridge_possible(const char *bytes, size_t length);

// Adds the facts of the forms among tokens (of bytes) to facts; roles (one
// cxx_token_role per token, cxx_directives.h) says which tokens are code.
void cxx_bridge_extract(const char *bytes, cxx_token_list *tokens, const unsigned char *roles,
                        cxx_lines *lines, file_facts *facts);

#endif
