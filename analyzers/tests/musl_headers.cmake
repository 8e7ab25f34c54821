# Compiles (syntax only) every source file of strata against musl's C
# headers with musl-gcc, so that a glibc-only call or header (mallopt,
# <malloc.h>'s thresholds) that breaks the build on another C library fails
# a test here. Library headers (jansson, libyaml, ...) come from the system
# after musl's own.
#   cmake -DMUSL_GCC=... -DSOURCE_DIR=... -DGENERATED_DIR=... -DLIBRARY_INCLUDES=a|b|...
#         -P musl_headers.cmake
file(GLOB sources ${SOURCE_DIR}/analyzers/*/*.c)
list(FILTER sources EXCLUDE REGEX "/analyzers/tests/")
# Every room of analyzers/ (but the tests) is an include dir, as in the build.
set(includes)
file(GLOB folders LIST_DIRECTORIES true ${SOURCE_DIR}/analyzers/*)
foreach(folder ${folders})
  if(IS_DIRECTORY ${folder} AND NOT folder MATCHES "/tests$")
    list(APPEND includes -I${folder})
  endif()
endforeach()
# The libraries' headers after musl's, and the system's last of all.
string(REPLACE "|" ";" library_includes "${LIBRARY_INCLUDES}")
foreach(folder ${library_includes})
  if(NOT folder STREQUAL "/usr/include")
    list(APPEND includes -idirafter ${folder})
  endif()
endforeach()
set(failed 0)
foreach(source ${sources})
  execute_process(
    COMMAND ${MUSL_GCC} -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
            -DSTRATA_VERSION="test" -fsyntax-only -Werror=implicit-function-declaration
            -I${GENERATED_DIR} ${includes} -idirafter /usr/include ${source}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    message("${source} does not compile against musl:\n${output}")
    set(failed 1)
  endif()
endforeach()
list(LENGTH sources count)
if(failed)
  message(FATAL_ERROR "glibc-only code: see above")
endif()
message("${count} sources compile against musl's headers")
