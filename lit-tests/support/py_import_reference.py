#!/usr/bin/env python3
"""The Python import graph of a tree, computed with Python's own parser.

usage: py_import_reference.py ROOT [--roots r1,r2] [--exclude GLOB ...]

An independent second implementation of what `strata graph --format json`
says about the .py files of ROOT: the same module naming, the same
resolution rules, the same JSON schema and order. strata reads Python with
tree-sitter; this reads it with `ast`, so agreement between the two is
evidence that both are right.

Rules (the contract strata's graph follows):
- A file is named from the deepest python root holding it: ROOT/r/a/b.py is
  module a.b, ROOT/r/a/__init__.py is a; the root's own __init__.py and
  files under no root have no module (null). A stub (.pyi) is named like
  the module it describes. When two files name one module (a/__init__.py
  and a.py, a.py and a.pyi, or one name under two roots), imports go to
  the module that runs rather than its stub, then to the package, else to
  the first path.
- `import a.b.c` goes to the longest prefix of a.b.c that is a module;
  `from a.b import c` to a.b.c when that is a module, else to the longest
  prefix of a.b; `*` to the module itself.
- Relative imports count from the importer's package (an __init__.py is its
  own package, a plain module's is its parent), one level up per extra dot;
  an import that climbs above the top-level package is unresolved with its
  dots kept (".", "..x").
- An import of the importing file itself is no edge; one edge per (from, to,
  line, scope); targets that are no module go to "unresolved".
- scope: "function" inside a def or lambda (a class in a def too);
  "type_checking" in the body of `if TYPE_CHECKING:` or
  `if typing.TYPE_CHECKING:` (or an elif with that test) outside functions,
  and everywhere in a stub (.pyi), whose imports never run; "module"
  everywhere else.

Files that `ast` cannot parse, or Python cannot compile, are named on stderr
and listed under the extra key "skipped" (compare_graph.py ignores them).
Folders that are symbolic links, and folders named .git or .strata-cache,
are not walked.
"""

import argparse
import ast
import json
import os
import re
import sys
import warnings


def glob_regex(pattern):
    """A strata path glob as a regex: `*` within a segment, `**` across."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("(?:/.*)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def walk(root, excludes):
    """Relative paths of the .py and .pyi files under root, sorted as strata sorts."""
    found = []
    for folder, dirs, files in os.walk(root):
        relative_folder = os.path.relpath(folder, root)
        relative_folder = "" if relative_folder == "." else relative_folder.replace(os.sep, "/")
        kept = []
        for name in dirs:
            if name in (".git", ".strata-cache"):
                continue
            if os.path.islink(os.path.join(folder, name)):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in files:
            if not name.endswith((".py", ".pyi")):
                continue
            path = f"{relative_folder}/{name}" if relative_folder else name
            if not os.path.isfile(os.path.join(folder, name)):
                continue
            if any(pattern.match(path) for pattern in excludes):
                continue
            found.append(path)
    # strata sorts with strcmp: by UTF-8 bytes.
    found.sort(key=lambda path: path.encode("utf-8", "surrogateescape"))
    return found


def module_name(path, roots):
    """The dotted module of path under the deepest root holding it, or None."""
    best = None
    for root in roots:
        root = root.strip("/")
        while root.startswith("./"):
            root = root[2:]
        if root in ("", "."):
            rest = path
            depth = 0
        elif path.startswith(root + "/"):
            rest = path[len(root) + 1 :]
            depth = len(root) + 1
        else:
            continue
        if best is None or depth > best[0]:
            best = (depth, rest)
    if best is None:
        return None
    rest = best[1][: -len(".pyi" if is_stub(path) else ".py")]
    if rest == "__init__":
        return None
    if rest.endswith("/__init__"):
        rest = rest[: -len("/__init__")]
    return rest.replace("/", ".") or None


def is_stub(path):
    return path.endswith(".pyi")


def is_init(path):
    return path.rsplit("/", 1)[-1] in ("__init__.py", "__init__.pyi")


def is_type_checking(test):
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return (
        isinstance(test, ast.Attribute)
        and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name)
        and test.value.id == "typing"
    )


def imports(tree):
    """(line, scope, node) for every Import and ImportFrom, walked iteratively."""
    found = []
    stack = [(tree, "module")]
    while stack:
        node, scope = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append((node.lineno, scope, node))
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner = "function"
            for child in ast.iter_child_nodes(node):
                stack.append((child, inner))
            continue
        if isinstance(node, ast.If) and scope == "module" and is_type_checking(node.test):
            for child in node.body:
                stack.append((child, "type_checking"))
            for child in node.orelse:
                stack.append((child, scope))
            stack.append((node.test, scope))
            continue
        for child in ast.iter_child_nodes(node):
            stack.append((child, scope))
    return found


class Resolver:
    def __init__(self, paths, roots):
        self.module_of = {path: module_name(path, roots) for path in paths}
        self.file_of = {}
        # Two files can name one module: what runs wins over a stub, then
        # the package, then the first path.
        def rank(path):
            return (is_stub(path), not is_init(path))

        for path in paths:
            module = self.module_of[path]
            if module is None:
                continue
            existing = self.file_of.get(module)
            if existing is not None and rank(existing) <= rank(path):
                continue
            self.file_of[module] = path

    def longest_prefix(self, dotted):
        parts = dotted.split(".") if dotted else []
        while parts:
            path = self.file_of.get(".".join(parts))
            if path is not None:
                return path
            parts.pop()
        return None

    def absolute(self, path, level, target):
        """The absolute dotted name of a relative import, or None above the top."""
        if level == 0:
            return target
        module = self.module_of[path]
        if module is None:
            return None
        package = module.split(".")
        if not is_init(path):
            package.pop()
        for _ in range(level - 1):
            if not package:
                return None
            package.pop()
        if not package:
            return None
        return ".".join(package + ([target] if target else []))

    def resolve(self, path, node):
        """(targets, unresolved names) of one import statement."""
        targets = []
        unresolved = []
        if isinstance(node, ast.Import):
            for alias in node.names:
                to = self.longest_prefix(alias.name)
                if to is None:
                    unresolved.append(alias.name)
                else:
                    targets.append(to)
            return targets, unresolved
        target = node.module or ""
        absolute = self.absolute(path, node.level, target)
        if absolute is None:
            return [], ["." * node.level + target]
        fell_back = False
        for alias in node.names:
            if alias.name != "*":
                to = self.file_of.get(f"{absolute}.{alias.name}" if absolute else alias.name)
                if to is not None:
                    targets.append(to)
                    continue
            fell_back = True
        if fell_back:
            to = self.longest_prefix(absolute)
            if to is None:
                unresolved.append(absolute)
            else:
                targets.append(to)
        return targets, unresolved


def build(root, roots, excludes):
    paths = walk(root, excludes)
    resolver = Resolver(paths, roots)
    files = []
    edges = set()
    unresolved = set()
    skipped = []
    for path in paths:
        try:
            with open(os.path.join(root, path), "rb") as handle:
                source = handle.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(source, filename=path)
                # Also what only the compiler rejects (`from __future__
                # import *`): Python could not import such a file either.
                compile(tree, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OSError) as error:
            print(f"skipped '{path}': {type(error).__name__}: {error}", file=sys.stderr)
            skipped.append(path)
            continue
        module = resolver.module_of[path]
        files.append({"path": path, "language": "python", "module": module, "component": None})
        for line, scope, node in imports(tree):
            if is_stub(path):
                scope = "type_checking"
            targets, names = resolver.resolve(path, node)
            for to in targets:
                if to != path:
                    edges.add((path, to, line, scope))
            for name in names:
                unresolved.add((path, name, line))

    def key(path):
        return path.encode("utf-8", "surrogateescape")

    return {
        "version": 1,
        "files": files,
        "edges": [
            {"from": f, "to": t, "kind": "import", "line": line, "scope": scope}
            for f, t, line, scope in sorted(
                edges, key=lambda edge: (key(edge[0]), edge[2], key(edge[1]), edge[3]))
        ],
        "unresolved": [
            {"from": f, "target": target, "line": line}
            for f, target, line in sorted(unresolved, key=lambda u: (key(u[0]), u[2], u[1]))
        ],
        "skipped": skipped,
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--roots", default=".", help="python roots, comma-separated (default: .)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip files matching this strata glob (may repeat)")
    parser.add_argument("-o", "--output", help="write the JSON here instead of stdout")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    roots = [root for root in args.roots.split(",") if root]
    graph = build(args.root, roots, [glob_regex(pattern) for pattern in args.exclude])
    text = json.dumps(graph, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
