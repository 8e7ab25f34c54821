#ifndef STRATA_VERSION_H
#define STRATA_VERSION_H

// Set by CMake from the project version.
#ifndef STRATA_VERSION
#define STRATA_VERSION "0.0.0-dev"
#endif
#define STRATA_INFORMATION_URI "https://github.com/strata-lint/strata"
// A rule's page is this, its id and ".md" (docs/rules/<id>.md).
#define STRATA_RULE_DOCS_URI STRATA_INFORMATION_URI "/blob/main/docs/rules/"

#endif
