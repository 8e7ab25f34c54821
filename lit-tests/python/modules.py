# How files are named as modules: from the deepest python root that holds
# them (strata.yaml `python: roots`), a package by its __init__.py, path
# parts taken as they are even when they are not identifiers. The root's own
# __init__.py and files under no root have no module (null) and are never
# imported; when a package and a plain module share a name, the package wins.
# A file under two roots is importable by the name each gives it:
# src/vendor/six.py is `six` (from the deepest root) and `vendor.six`.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph --format json %t > %t.json
# RUN: FileCheck %s --check-prefix=FILE --input-file %t.json --implicit-check-not='"path":'
# RUN: FileCheck %s --check-prefix=EDGE --input-file %t.json --implicit-check-not='"kind": "import"'
# RUN: %python %support/py_import_reference.py %t --roots src,src/vendor,tools --output %t.reference.json
# RUN: %python %support/compare_graph.py %t.json %t.reference.json | FileCheck %s --check-prefix=SAME
# SAME: 0 differences

# FILE: {"path": "notes/stray.py", "language": "python", "module": null, "component": null}
# FILE-NEXT: {"path": "src/__init__.py", "language": "python", "module": null, "component": null}
# FILE-NEXT: {"path": "src/app/__init__.py", "language": "python", "module": "app", "component": null}
# FILE-NEXT: {"path": "src/app/main.py", "language": "python", "module": "app.main", "component": null}
# FILE-NEXT: {"path": "src/shared.py", "language": "python", "module": "shared", "component": null}
# FILE-NEXT: {"path": "src/shared/__init__.py", "language": "python", "module": "shared", "component": null}
# FILE-NEXT: {"path": "src/vendor/six.py", "language": "python", "module": "six", "component": null}
# FILE-NEXT: {"path": "tools/bad-name.py", "language": "python", "module": "bad-name", "component": null}
# FILE-NEXT: {"path": "tools/build.py", "language": "python", "module": "build", "component": null}

#--- strata.yaml
version: 1
python:
  roots: [src, src/vendor, tools]

#--- notes/stray.py
import app.main
# EDGE: {"from": "notes/stray.py", "to": "src/app/main.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}

#--- src/__init__.py
#--- src/app/__init__.py
#--- src/app/main.py
import six
# EDGE: {"from": "src/app/main.py", "to": "src/vendor/six.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import vendor.six, src.app
# EDGE-NEXT: {"from": "src/app/main.py", "to": "src/vendor/six.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
import shared
# EDGE-NEXT: {"from": "src/app/main.py", "to": "src/shared/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
from . import helpers
# EDGE-NEXT: {"from": "src/app/main.py", "to": "src/app/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}

#--- src/shared.py
#--- src/shared/__init__.py
#--- src/vendor/six.py
#--- tools/bad-name.py
#--- tools/build.py
import app
# EDGE: {"from": "tools/build.py", "to": "src/app/__init__.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
