#ifndef STRATA_VERSION_H
#define STRATA_VERSION_H

// Set by CMake from the project version.
#ifndef STRATA_VERSION
#define STRATA_VERSION "0.0.0-dev"
#endif
#define STRATA_INFORMATION_URI "https://github.com/strata-lint/strata"

#endif
