#!/usr/bin/env python3
"""ast_imports.py ROOT...: the reference users have today - walk every .py
file under each ROOT, parse it with Python's ast module and list its imports
with their lines. Prints the number of files and imports."""
import ast
import os
import sys

files = imports = 0
for root in sys.argv[1:]:
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    tree = ast.parse(handle.read(), path)
            except (SyntaxError, ValueError):
                continue
            files += 1
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    imports += len(node.names)
                elif isinstance(node, ast.ImportFrom):
                    imports += 1
print(f"{files} files, {imports} imports")
