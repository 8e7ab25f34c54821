# Valid Python that the pinned tree-sitter-python grammar lacks is no
# syntax error: a starred operand that is not a name, attribute or
# subscript inside an unparenthesized expression list (`return a, *[x]`,
# `x, *y = a, *[]`) parses with CPython. strata checks its notice against a
# copy where such operands are names of the same length, and says nothing
# when that copy parses; the imports of the file are all there either way.
# A real syntax error still gets its notice.
#
# RUN: rm -rf %t && mkdir -p %t && cp %s %t/valid.py && printf 'import os\ndef f(:\n    pass\nimport json\n' > %t/broken.py
# RUN: %strata graph --format json --no-cache %t > %t.json 2> %t.err
# RUN: FileCheck %s --check-prefix=NOTICE --input-file %t.err --implicit-check-not=notice
# RUN: FileCheck %s --input-file %t.json
# NOTICE: broken.py:2:7: notice: syntax error: the file does not parse cleanly (first problem at line 2, column 7)
# CHECK-DAG: {"from": "valid.py", "target": "collections", "line": 17,
# CHECK-DAG: {"from": "valid.py", "target": "itertools", "line": 32,
# CHECK-DAG: {"from": "broken.py", "target": "os", "line": 1,
import collections


def split(endpoint):
    if endpoint[0] == "[":
        host, *rest = endpoint, *[]
    else:
        host, *rest = endpoint.rsplit(":", 1)
    return host, *rest


def pairs(a, b):
    return a, *[x for x in b], *b.keys(), *(1, 2)


import itertools

rows = 1, *itertools.repeat(0, 3)
product = 2 * (3) * rows[0]
