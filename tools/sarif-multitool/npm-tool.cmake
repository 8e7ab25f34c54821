# The Microsoft SARIF Multitool, which the tests validate every SARIF log with
# (GitHub's rules GH1001-GH1007 included): installed from the npm registry
# exactly as tools/sarif-multitool/package-lock.json pins it, into
# <build>/tools/sarif-multitool. lit-tests/support/sarif_multitool.py finds
# it there.
if(NOT NPM)
  find_program(NPM npm REQUIRED)
endif()
set(STRATA_MULTITOOL_DIR ${PROJECT_BINARY_DIR}/tools/sarif-multitool)
set(STRATA_MULTITOOL
    ${STRATA_MULTITOOL_DIR}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool)
file(MAKE_DIRECTORY ${STRATA_MULTITOOL_DIR})
add_custom_command(
  OUTPUT ${STRATA_MULTITOOL}
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/tools/sarif-multitool/package.json
          ${PROJECT_SOURCE_DIR}/tools/sarif-multitool/package-lock.json ${STRATA_MULTITOOL_DIR}
  # --ignore-scripts: the package's only script makes the binary executable,
  # which the next command does without running package code.
  COMMAND ${NPM} ci --ignore-scripts --no-audit --no-fund --loglevel=error
  COMMAND chmod u+x ${STRATA_MULTITOOL}
  COMMAND ${CMAKE_COMMAND} -E touch_nocreate ${STRATA_MULTITOOL}
  WORKING_DIRECTORY ${STRATA_MULTITOOL_DIR}
  DEPENDS ${PROJECT_SOURCE_DIR}/tools/sarif-multitool/package.json
          ${PROJECT_SOURCE_DIR}/tools/sarif-multitool/package-lock.json
  COMMENT "Installing the SARIF Multitool from tools/sarif-multitool/package-lock.json (npm ci)"
  VERBATIM)
add_custom_target(sarif_multitool ALL DEPENDS ${STRATA_MULTITOOL})
