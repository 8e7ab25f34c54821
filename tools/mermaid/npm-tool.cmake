# The Mermaid CLI (mmdc), which the graph tests render every Mermaid map with
# in a real browser: installed from the npm registry exactly as
# tools/mermaid/package-lock.json pins it, into <build>/tools/mermaid. It
# drives Debian's chromium (tools/mermaid/puppeteer-config.json), never a
# browser of puppeteer's own: PUPPETEER_SKIP_DOWNLOAD and --ignore-scripts
# keep npm from fetching one. lit-tests/support/mermaid_render.py finds it.
if(NOT NPM)
  find_program(NPM npm REQUIRED)
endif()
set(STRATA_MERMAID_DIR ${PROJECT_BINARY_DIR}/tools/mermaid)
set(STRATA_MERMAID_CLI ${STRATA_MERMAID_DIR}/node_modules/@mermaid-js/mermaid-cli/src/cli.js)
file(MAKE_DIRECTORY ${STRATA_MERMAID_DIR})
add_custom_command(
  OUTPUT ${STRATA_MERMAID_CLI}
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/tools/mermaid/package.json
          ${PROJECT_SOURCE_DIR}/tools/mermaid/package-lock.json ${STRATA_MERMAID_DIR}
  COMMAND ${CMAKE_COMMAND} -E env PUPPETEER_SKIP_DOWNLOAD=1 ${NPM} ci --ignore-scripts --no-audit
          --no-fund --loglevel=error
  COMMAND ${CMAKE_COMMAND} -E touch_nocreate ${STRATA_MERMAID_CLI}
  WORKING_DIRECTORY ${STRATA_MERMAID_DIR}
  DEPENDS ${PROJECT_SOURCE_DIR}/tools/mermaid/package.json
          ${PROJECT_SOURCE_DIR}/tools/mermaid/package-lock.json
  COMMENT "Installing the Mermaid CLI from tools/mermaid/package-lock.json (npm ci)"
  VERBATIM)
add_custom_target(mermaid_cli ALL DEPENDS ${STRATA_MERMAID_CLI})
