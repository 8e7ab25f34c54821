// The defaults of the deprecations keys (docs/config.md and
// docs/deprecations.md list them, and say how to write your own).
#include "config.h"

#include <stddef.h>

// PyTorch's deprecation macros (c10/util/Deprecated.h, c10/util/Exception.h).
const char *const config_default_deprecation_macros[] = {
    "C10_DEPRECATED",
    "C10_DEPRECATED_MESSAGE",
    "C10_DEFINE_DEPRECATED_USING",
    "TORCH_WARN_DEPRECATION",
    NULL,
};

// A version (2.1, v1.13.0, 2.6.0a0, release 2), an ISO date (2025-06-01,
// 2025-06) or a month and year (June 2025). The first capturing group that
// took part in a match is the version or date it names.
const char *const config_default_dated_patterns[] = {
    "(?<![\\w.])v?(\\d+(?:\\.\\d+)+)(?:(?:a|b|rc|\\.?dev|\\.?post)\\d*)?\\b",
    "(?i)\\brelease\\s+v?(\\d+(?:\\.\\d+)*)\\b",
    "(?<![\\w-])(\\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?(?![\\w-]))",
    "(?i)\\b((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d{4})\\b",
    NULL,
};

// "removed in 2.5", "will be removed in v2.5", "removal in PyTorch 2.5",
// "deleted in release 3"; "removed after 2025-06-01", "until June 2025".
const char *const config_default_removal_patterns[] = {
    "(?i)\\b(?:remov(?:ed|al)|delet(?:ed|ion)|dropped)\\s+(?:(?:in|by|from|after|as\\s+of|on|at|"
    "with)\\s+)?(?:the\\s+)?(?:(?:release|version)\\s+v?(\\d+(?:\\.\\d+)*)|(?:(?:pytorch|torch|"
    "python)\\s+)?v?(\\d+(?:\\.\\d+)+))\\b",
    "(?i)\\b(?:(?:remov(?:ed|al)|delet(?:ed|ion)|dropped)\\s+(?:(?:in|by|from|after|as\\s+of|on|"
    "at)\\s+)?|after\\s+|until\\s+|till\\s+)(\\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?"
    "(?![\\w-])|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d{4}\\b)",
    NULL,
};
