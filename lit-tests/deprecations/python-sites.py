# Python deprecation sites, as `strata graph --format json` lists them: calls
# of warnings.warn with a deprecation category, or whose literal message says
# "deprecat"; PEP 702 decorators, called or bare; and the names configured in
# deprecations.python_calls. The site is the call, or the decorator's '@';
# the message is the text of its string literals, null when it is not a
# literal form. Each CHECK line follows the site it is about; calls that are
# no site have none (--implicit-check-not).
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph --format json %t > %t.json
# RUN: FileCheck %s --input-file %t.json --implicit-check-not='"dated":'
#
# Python's own parser, applying the same rules, finds the same sites with
# the same messages, and dates them the same way:
# RUN: %python %support/py_deprecation_reference.py %t --python-call warn_deprecated --python-call torch.utils.deprecate --compare %t.json | FileCheck %s --check-prefix=SAME
# SAME: 0 differences

#--- strata.yaml
version: 1
deprecations:
  python_calls: [warn_deprecated, torch.utils.deprecate]

#--- calls.py
import warnings
import warnings as w
from warnings import warn as _warn

warnings.warn("old_api is going away", DeprecationWarning)
# CHECK: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "warnings.warn", "message": "old_api is going away", "dated": false, "since": null, "removal": null}
w.warn("pending", category=PendingDeprecationWarning, stacklevel=2)
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "warnings.warn", "message": "pending", "dated": false, "since": null, "removal": null}
_warn("x is deprecated", FutureWarning)
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "warnings.warn", "message": "x is deprecated", "dated": false, "since": null, "removal": null}
warnings.warn("Deprecated: no category at all")
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "warnings.warn", "message": "Deprecated: no category at all", "dated": false, "since": null, "removal": null}
warnings.warn("a user warning", UserWarning)
warnings.warn(message, UserWarning)
warnings.warn(message)

def f(name):
    warnings.warn(MESSAGE, DeprecationWarning)
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 5, "language": "python", "kind": "warnings.warn", "message": null, "dated": false, "since": null, "removal": null}
    warnings.warn(f"{name} is deprecated since {VERSION}")
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 5, "language": "python", "kind": "warnings.warn", "message": " is deprecated since ", "dated": false, "since": null, "removal": null}
    warnings.warn("%s is deprecated" % name + ", use " + "{}".format(name), DeprecationWarning)
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 5, "language": "python", "kind": "warnings.warn", "message": "%s is deprecated, use {}", "dated": false, "since": null, "removal": null}
    warnings.warn(
        "implicit "
        'concatenation '  # of three literals
        """is one message""",
        DeprecationWarning,
    )
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-6]], "column": 5, "language": "python", "kind": "warnings.warn", "message": "implicit concatenation is one message", "dated": false, "since": null, "removal": null}

warn_deprecated("a project's own helper")
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "warn_deprecated", "message": "a project's own helper", "dated": false, "since": null, "removal": null}
torch.utils.deprecate()
# CHECK-NEXT: {"path": "calls.py", "line": [[@LINE-1]], "column": 1, "language": "python", "kind": "torch.utils.deprecate", "message": "", "dated": false, "since": null, "removal": null}
utils.deprecate("not the configured name")

#--- decorators.py
from typing_extensions import deprecated
import typing_extensions

@deprecated("use g")
def f(): pass
# CHECK: {"path": "decorators.py", "line": [[@LINE-2]], "column": 1, "language": "python", "kind": "@deprecated", "message": "use g", "dated": false, "since": null, "removal": null}

@typing_extensions.deprecated("use h")
async def g(): pass
# CHECK-NEXT: {"path": "decorators.py", "line": [[@LINE-2]], "column": 1, "language": "python", "kind": "@typing_extensions.deprecated", "message": "use h", "dated": false, "since": null, "removal": null}

@functools.cache
@warnings.deprecated("use D")
class C:
# CHECK-NEXT: {"path": "decorators.py", "line": [[@LINE-2]], "column": 1, "language": "python", "kind": "@warnings.deprecated", "message": "use D", "dated": false, "since": null, "removal": null}
    @deprecated
    def method(self): pass
# CHECK-NEXT: {"path": "decorators.py", "line": [[@LINE-2]], "column": 5, "language": "python", "kind": "@deprecated", "message": "", "dated": false, "since": null, "removal": null}
    @torch.utils.deprecate(reason="use other")
    def other(self): pass
# CHECK-NEXT: {"path": "decorators.py", "line": [[@LINE-2]], "column": 5, "language": "python", "kind": "@torch.utils.deprecate", "message": "use other", "dated": false, "since": null, "removal": null}

@typing.deprecated("not a PEP 702 name")
def h(): pass
