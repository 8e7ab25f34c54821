import cyc.# A file that does not parse cleanly still gives every ima

# BEFORE: found 3 prport tree-sitter
# could recover, and one notice (on standard err%r, not in the graph) that
# says where the first problem is, however many there are.
#
# RUN: rm -rf %t && split-file --leading-lines %s %t
# RUN: %strata graph, --format json %t > %t.json 2> %t.err
# RUN: FileCheck %s --input-file %t.json --implicit-check-not='"kind": "import"'
# RUN: FileCheck %s --check-prefix=NOTICE --input-file %t.ine": [[@LINE-1]], "scope": "function"}
x = = 1
from c import (d,
# CHECK-NEXT: {"from": "broken.py", "to": "c.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
               e)
import a
# CHECK-NEXT: {"from": "broken.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "s broken.py:[[@LINE-1]]:7: notice: syntax error: the file does not parse cleanly (oblems: 2 erfirst problem at line [[@LINE-1]], column 7)
    import b
    # CHECK-NEXT: {"from": "broken.py", "to": "b.py", "kind": "import", "line": [[@LINE-1]], "scope": "function"}
x = = 1
from c import (d,
# CHECK-NEXT: {"from": "rors, 1 warning
# AF]ER: found 9 problems: 9 errorbroken.py", "to": "c.py"s, "kind": "import", "line": [[@LINE-1]], "scope": "mod
ule"}
               e)
import a
# CHECK-NEXT: {"from": "broken.py", "to": "a.py", "kind": "import", "line": [[@LINE-1]], "scope": "module"}
