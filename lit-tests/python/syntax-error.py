# A file that does not parse cleanly still gives every import tree-sitter
# could recover, and one notice (on standard error, not in the graph) that
# says where the first problem is, however many there are.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph --format json %t > %t.json 2> %t.err
# RUN: FileCheck %s --input-file %t.json --implicit-check-not='"kind": "import"'
# RUN: FileCheck %s --check-prefix=NOTICE --input-file %t.err --implicit-check-not=notice:

#--- strata.yaml
# A tree of its own: not the built-in PyTorch default.
version: 1

#--- a.py
#--- b.py
#--- c.py
#--- broken.py
import a
# CHECK: {"from": "broken.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
def f(:
# NOTICE: broken.py:[[@LINE-1]]:7: notice: syntax error: the file does not parse cleanly (first problem at line [[@LINE-1]], column 7)
    import b
    # CHECK-NEXT: {"from": "broken.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}
x = = 1
from c import (d,
# CHECK-NEXT: {"from": "broken.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
               e)
import a
# CHECK-NEXT: {"from": "broken.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
