# Every form of import statement, resolved against the tree: `import a.b.c`
# reaches the longest prefix that is a module, `from a import b` reaches the
# submodule a.b when there is one and the package a otherwise, relative
# imports count from the importer's package, and an import of the file
# itself is no edge. Each EDGE line follows the statement it is about.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph --format json %t > %t.json
# RUN: FileCheck %s --check-prefix=EDGE --input-file %t.json --implicit-check-not='"kind": "import"'
# RUN: FileCheck %s --check-prefix=UNRESOLVED --input-file %t.json --implicit-check-not='"target":'
#
# Python's own parser, with the same rules, agrees:
# RUN: %python %support/py_import_reference.py %t --output %t.reference.json
# RUN: %python %support/compare_graph.py %t.json %t.reference.json | FileCheck %s --check-prefix=SAME
# SAME: 0 differences

#--- strata.yaml
# A tree of its own: not the built-in PyTorch default.
version: 1

#--- main.py
from __future__ import annotations
# UNRESOLVED: {"from": "main.py", "target": "__future__", "line": [[@LINE-1]], "language": "python", "category": "system"}
import pkg.sub.leaf
# EDGE: {"from": "main.py", "to": "pkg/sub/leaf.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import pkg.sub.missing.deeper as alias
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import pkg.util, pkg.sub.other
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/other.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
# EDGE-NEXT: {"from": "main.py", "to": "pkg/util.py", "kind": "import", "line": [[@LINE-2]], "scope": "module"}
from pkg.sub import (leaf,
                     other as renamed,  # a comment inside
                     not_a_module)
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/__init__.py", "kind": "import", "line": [[@LINE-3]], "scope": "module"}
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/leaf.py", "kind": "import", "line": [[@LINE-4]], "scope": "module"}
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/other.py", "kind": "import", "line": [[@LINE-5]], "scope": "module"}
from pkg import *
# EDGE-NEXT: {"from": "main.py", "to": "pkg/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import pkg . sub . \
    leaf
# EDGE-NEXT: {"from": "main.py", "to": "pkg/sub/leaf.py", "kind": "import", "line": [[@LINE-2]], "scope": "module"}
import pkg.util; import pkg.util
# EDGE-NEXT: {"from": "main.py", "to": "pkg/util.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import numpy
# UNRESOLVED-NEXT: {"from": "main.py", "target": "numpy", "line": [[@LINE-1]], "language": "python", "category": "external"}
from numpy.linalg import norm, det
# UNRESOLVED-NEXT: {"from": "main.py", "target": "numpy.linalg", "line": [[@LINE-1]], "language": "python", "category": "external"}
import os.path, json
# UNRESOLVED-NEXT: {"from": "main.py", "target": "json", "line": [[@LINE-1]], "language": "python", "category": "system"}
# UNRESOLVED-NEXT: {"from": "main.py", "target": "os.path", "line": [[@LINE-2]], "language": "python", "category": "system"}
from . import sibling
# UNRESOLVED-NEXT: {"from": "main.py", "target": ".", "line": [[@LINE-1]], "language": "python", "category": "unknown"}

#--- pkg/__init__.py
#--- pkg/sub/__init__.py
#--- pkg/sub/leaf.py
from . import other
# EDGE: {"from": "pkg/sub/leaf.py", "to": "pkg/sub/other.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from .. import util
# EDGE-NEXT: {"from": "pkg/sub/leaf.py", "to": "pkg/util.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from ..util import name
# EDGE-NEXT: {"from": "pkg/sub/leaf.py", "to": "pkg/util.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from . import nothing_here
# EDGE-NEXT: {"from": "pkg/sub/leaf.py", "to": "pkg/sub/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from .leaf import x
import pkg.sub.leaf
from ... import above_the_top
# UNRESOLVED: {"from": "pkg/sub/leaf.py", "target": "...", "line": [[@LINE-1]], "language": "python", "category": "unknown"}
from ...up.there import y
# UNRESOLVED-NEXT: {"from": "pkg/sub/leaf.py", "target": "...up.there", "line": [[@LINE-1]], "language": "python", "category": "unknown"}

#--- pkg/sub/other.py
#--- pkg/util.py
# A package's __init__.py is its own package: `from . import` stays inside.
#--- pkg2/__init__.py
from . import mod
# EDGE: {"from": "pkg2/__init__.py", "to": "pkg2/mod.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from .. import outside
# UNRESOLVED: {"from": "pkg2/__init__.py", "target": "..", "line": [[@LINE-1]], "language": "python", "category": "unknown"}

#--- pkg2/mod.py
