# When a Python deprecation site is dated: its message, the comment at the
# end of its first line, or the block of comment-only lines directly above it
# names a version or a date. A blank line ends the block; a comment after
# code on the line above is no block, nor is a '#' line inside a string. A
# removal version that has passed (current_version 2.6 here) makes the site
# expired. Each CHECK line follows the site it is about; sites that are dated
# and not expired have none.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: not %strata check %t > %t.out 2>&1
# RUN: FileCheck %s --input-file %t.out --implicit-check-not='deprecation]'
# RUN: %strata graph --format json %t > %t.json
# RUN: FileCheck %s --check-prefix=JSON --input-file %t.json --implicit-check-not='"dated":'
#
# Python's own parser dates every site the same way:
# RUN: %python %support/py_deprecation_reference.py %t --compare %t.json | FileCheck %s --check-prefix=SAME
# SAME: 0 differences

#--- strata.yaml
version: 1
deprecations:
  current_version: "2.6"

#--- dated.py
import warnings

warnings.warn("old_api is deprecated since 2.1; use new_api", DeprecationWarning)
# JSON: {"path": "dated.py", "line": [[@LINE-1]], {{.*}} "dated": true, "since": "2.1", "removal": null}

# Deprecated in v1.13.0.
# The rest of the block.
warnings.warn("old_api is deprecated", DeprecationWarning)
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-1]], {{.*}} "dated": true, "since": "1.13.0", "removal": null}

warnings.warn("old_api is deprecated", DeprecationWarning)  # removal in 2.9
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-1]], {{.*}} "dated": true, "since": null, "removal": "2.9"}

@deprecated("use new_class")  # deprecated June 2025
class Old: pass
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": true, "since": "June 2025", "removal": null}

# deprecated in 2.0

warnings.warn("a blank line ends the block", DeprecationWarning)
# CHECK: dated.py:[[@LINE-1]]:1: warning: undated deprecation 'a blank line ends the block' [undated-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": false, "since": null, "removal": null}
x = 1  # deprecated in 2.0
warnings.warn("a comment after code is no block", DeprecationWarning)
# CHECK: dated.py:[[@LINE-1]]:1: warning: undated deprecation 'a comment after code is no block' [undated-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": false, "since": null, "removal": null}
s = """
# deprecated in 2.0
"""
warnings.warn("nor a line in a string", DeprecationWarning)
# CHECK: dated.py:[[@LINE-1]]:1: warning: undated deprecation 'nor a line in a string' [undated-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": false, "since": null, "removal": null}
warnings.warn(message, DeprecationWarning)
# CHECK: dated.py:[[@LINE-1]]:1: note: the message of warnings.warn is not statically known, {{.*}} [undated-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "message": null, "dated": false, "since": null, "removal": null}
# A comment above dates a site whose message is not a literal: 2.3
warnings.warn(message, DeprecationWarning)
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-1]], {{.*}} "message": null, "dated": true, "since": "2.3", "removal": null}

def f(version):
    warnings.warn(f"deprecated; will be removed in {version}", FutureWarning)
# CHECK: dated.py:[[@LINE-1]]:5: warning: undated deprecation 'deprecated; will be removed in' [undated-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": false, "since": null, "removal": null}
    warnings.warn("deprecated in 2.4 and will be removed in 2.5", FutureWarning)
# CHECK: dated.py:[[@LINE-1]]:5: error: expired deprecation 'deprecated in 2.4 and will be removed in 2.5': due for removal in 2.5, and this is 2.6 [expired-deprecation]
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-2]], {{.*}} "dated": true, "since": "2.4", "removal": "2.5"}
    warnings.warn("deprecated in 2.4, will be removed in 2.10", FutureWarning)
# JSON-NEXT: {"path": "dated.py", "line": [[@LINE-1]], {{.*}} "dated": true, "since": "2.4", "removal": "2.10"}
# The advice, once for each kind of finding.
# CHECK: help: remove what it deprecates, or give it a later release [expired-deprecation]
# CHECK-NEXT: help: name the version or date it started or ends, in the message {{.*}} [undated-deprecation]
# CHECK-NOT: help:
