# Installs tree-sitter-python from the npm registry, exactly as
# grammars/python/package-lock.json pins it, and compiles its generated
# parser into a static library. Nothing of the grammar is committed.
find_program(NPM npm REQUIRED)
set(STRATA_GRAMMAR_DIR ${PROJECT_BINARY_DIR}/grammars/python)
set(STRATA_GRAMMAR_SRC ${STRATA_GRAMMAR_DIR}/node_modules/tree-sitter-python/src)
file(MAKE_DIRECTORY ${STRATA_GRAMMAR_DIR})
add_custom_command(
  OUTPUT ${STRATA_GRAMMAR_SRC}/parser.c ${STRATA_GRAMMAR_SRC}/scanner.c
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/grammars/python/package.json
          ${PROJECT_SOURCE_DIR}/grammars/python/package-lock.json ${STRATA_GRAMMAR_DIR}
  # --ignore-scripts: the package's install script builds Node bindings that
  # strata does not use.
  COMMAND ${NPM} ci --ignore-scripts --no-audit --no-fund --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch_nocreate ${STRATA_GRAMMAR_SRC}/parser.c
          ${STRATA_GRAMMAR_SRC}/scanner.c
  WORKING_DIRECTORY ${STRATA_GRAMMAR_DIR}
  DEPENDS ${PROJECT_SOURCE_DIR}/grammars/python/package.json
          ${PROJECT_SOURCE_DIR}/grammars/python/package-lock.json
  COMMENT "Installing tree-sitter-python from grammars/python/package-lock.json (npm ci)"
  VERBATIM)
add_library(tree_sitter_python STATIC ${STRATA_GRAMMAR_SRC}/parser.c ${STRATA_GRAMMAR_SRC}/scanner.c)
target_include_directories(tree_sitter_python PRIVATE ${STRATA_GRAMMAR_SRC})
# Generated code: its warnings are not ours to fix.
target_compile_options(tree_sitter_python PRIVATE -w)
# The grammar's scanner reallocates its indent stack before every external
# token; with this switch (the grammar's own, in its tree_sitter/alloc.h) it
# allocates through the runtime's ts_set_allocator hooks, so inside a parse
# that is strata's per-file arena instead of libc's malloc and free.
target_compile_definitions(tree_sitter_python PRIVATE TREE_SITTER_REUSE_ALLOCATOR)
set_target_properties(tree_sitter_python PROPERTIES C_STANDARD 11 C_EXTENSIONS ON)
