# When an import runs decides what it can break: "module" imports run when
# the file is imported and are the only ones that make cycles, "function"
# imports wait for a call (inside a def or lambda, a class in a def too),
# and "type_checking" imports never run (the body of `if TYPE_CHECKING:` or
# `if typing.TYPE_CHECKING:`, unless inside a function). Try, with, for,
# while and match bodies, class bodies, and the else branch of
# `if TYPE_CHECKING:` run at import time.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph --format json %t > %t.json
# RUN: FileCheck %s --input-file %t.json --implicit-check-not='"kind": "import"'
# RUN: %python %support/py_import_reference.py %t --output %t.reference.json
# RUN: %python %support/compare_graph.py %t.json %t.reference.json | FileCheck %s --check-prefix=SAME
# SAME: 0 differences

#--- strata.yaml
# A tree of its own: not the built-in PyTorch default.
version: 1

#--- a.py
#--- b.py
#--- c.py
#--- main.py
import typing
from typing import TYPE_CHECKING

import a
# CHECK: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}

def function():
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}
    class Local:
        import c
        # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}
    if TYPE_CHECKING:
        import a
        # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}

async def coroutine(callback=lambda: None):
    from b import thing
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}

@decorator
class Klass:
    import c
    # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
    def method(self):
        import a
        # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}

if TYPE_CHECKING:
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "type_checking"}
    try:
        import c
        # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "type_checking"}
    except ImportError:
        pass
elif sys.platform == "win32":
    import a
    # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
else:
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}

if typing.TYPE_CHECKING: import c
# CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "type_checking"}

if condition:
    pass
elif TYPE_CHECKING:
    import a
    # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "type_checking"}

# Only the exact name counts: an alias of typing, or a longer condition, is
# an ordinary runtime test.
if t.TYPE_CHECKING:
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
if TYPE_CHECKING or DEBUG:
    import c
    # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
if not TYPE_CHECKING:
    import a
    # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}

try:
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
except ImportError:
    import c
    # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
finally:
    pass
with context():
    import a
    # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
for item in items:
    import b
    # CHECK-NEXT: {"from": "main.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
while waiting:
    import c
    # CHECK-NEXT: {"from": "main.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
match command:
    case "go":
        import a
        # CHECK-NEXT: {"from": "main.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
