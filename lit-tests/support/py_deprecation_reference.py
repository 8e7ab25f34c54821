#!/usr/bin/env python3
"""The deprecation sites of a tree's Python files, found with Python's own parser.

usage: py_deprecation_reference.py ROOT [--exclude GLOB ...] [--python-call NAME ...]
                                   [--output FILE] [--compare STRATA_JSON]

An independent second implementation of the Python part of the
"deprecations" list of `strata graph --format json`: strata reads Python
with tree-sitter, this reads it with `ast` and `tokenize`, so agreement
between the two is evidence that both follow the rules:

- A site is a call of warnings.warn (written `warnings.warn`, `w.warn` after
  `import warnings as w`, or `x` after `from warnings import warn [as x]`,
  such an import anywhere in the file counting for the whole file) whose
  category (second positional argument or `category=`) is a name or
  attribute ending in DeprecationWarning or PendingDeprecationWarning; or,
  with any other category or none, whose message is a literal form that
  says "deprecat" or "will be removed" in any case. Its kind is
  "warnings.warn".
- A decorator `@deprecated`, `@typing_extensions.deprecated` or
  `@warnings.deprecated`, called or bare; its kind is "@" and the name.
- A call or decorator whose dotted name is a --python-call name; its kind is
  the name ("@name" for a decorator).
- The message is the first positional argument, else `message=` (and for
  decorators and --python-call names `msg=`, then `reason=`); null when it
  is not a literal form, or when there is none but a `**` argument; ""
  when there is none. Literal forms: string literals (implicitly
  concatenated), f-strings (their literal parts), `x + y` when either side
  is one (the text of those that are), `"..." % args` and
  `"...".format(...)` (the format string).
- A site is at the call, or at the decorator's '@' (line, and column in
  code points, both 1-based).
- Its comments are the comment-only lines directly above its first line (no
  blank line between) and the comment at the end of that line. It is dated
  when one of the default dated or removal patterns (strata's
  config_default_dated_patterns and config_default_removal_patterns, as
  Python regexes below) matches its message or its comments.

With --compare, reads strata's graph JSON, compares its Python deprecations
with these on (path, line, column, kind, message, dated) as multisets,
leaving out files `ast` cannot parse, prints each difference (the first
50) and one summary line:

    N sites compared (N dated, N undated, N not literal), N differences

and exits 1 when there is a difference. Files Python cannot compile are
named on stderr and listed under "skipped".
"""

import argparse
import ast
import collections
import io
import json
import os
import re
import sys
import tokenize
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from py_import_reference import glob_regex, walk  # noqa: E402

MAX_DEPTH = 200  # strata's PYTHON_LITERAL_MAX_DEPTH
SHOWN = 50

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
ISO_DATE = r"\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?"
REMOVED = r"(?:remov(?:ed|al)|delet(?:ed|ion)|dropped)\s+"
# PCRE2 without UCP: \d, \w and \b are ASCII, hence re.ASCII.
DATED_PATTERNS = [re.compile(pattern, re.ASCII) for pattern in (
    r"(?<![\w.])v?(\d+(?:\.\d+)+)(?:(?:a|b|rc|\.?dev|\.?post)\d*)?\b",
    r"(?i)\brelease\s+v?(\d+(?:\.\d+)*)\b",
    r"(?<![\w-])(" + ISO_DATE + r"(?![\w-]))",
    r"(?i)\b(" + MONTH + r"\.?\s+\d{4})\b",
    r"(?i)\b" + REMOVED + r"(?:(?:in|by|from|after|as\s+of|on|at|with)\s+)?(?:the\s+)?"
    r"(?:(?:release|version)\s+v?(\d+(?:\.\d+)*)|(?:(?:pytorch|torch|python)\s+)?"
    r"v?(\d+(?:\.\d+)+))\b",
    r"(?i)\b(?:" + REMOVED + r"(?:(?:in|by|from|after|as\s+of|on|at)\s+)?|after\s+|until\s+|"
    r"till\s+)(" + ISO_DATE + r"(?![\w-])|" + MONTH + r"\.?\s+\d{4}\b)",
)]

DECORATORS = {"deprecated", "typing_extensions.deprecated", "warnings.deprecated"}
CATEGORIES = {"DeprecationWarning", "PendingDeprecationWarning"}


def dotted(node):
    """`a.b.c` for a name or a chain of attributes of one, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def literal(node, depth=0):
    """The text of a literal form, or None when node is none."""
    if depth > MAX_DEPTH:
        return None
    while True:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
            return node.value.decode("latin-1")
        if isinstance(node, ast.JoinedStr):
            return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            node = node.left
            continue
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"):
            node = node.func.value
            continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            texts = []
            stack = [node]
            while stack:
                operand = stack.pop()
                if isinstance(operand, ast.BinOp) and isinstance(operand.op, ast.Add):
                    stack.append(operand.right)
                    stack.append(operand.left)
                    continue
                text = literal(operand, depth + 1)
                if text is not None:
                    texts.append(text)
            return "".join(texts) if texts else None
        return None


def keyword(call, name):
    for item in call.keywords:
        if item.arg == name:
            return item.value
    return None


def message_of(call, names):
    """(message node or None, whether a ** argument could hold it)."""
    if call is None:
        return None, False
    node = call.args[0] if call.args else None
    for name in names:
        if node is None:
            node = keyword(call, name)
    return node, any(item.arg is None for item in call.keywords)


def message_text(node, double_star):
    if node is None:
        return None if double_star else ""
    return literal(node)


def is_deprecation_category(node):
    if isinstance(node, ast.Name):
        return node.id in CATEGORIES
    return isinstance(node, ast.Attribute) and node.attr in CATEGORIES


def comments_of(source):
    """{line: (text, own_line)} from tokenize."""
    found = {}
    tokens = tokenize.tokenize(io.BytesIO(source).readline)
    for token in tokens:
        if token.type == tokenize.COMMENT:
            line, column = token.start
            found[line] = (token.string.rstrip(" \t\f\v\r"), token.line[:column].strip() == "")
    return found


def comments_around(comments, line):
    texts = []
    above = line - 1
    while above in comments and comments[above][1]:
        texts.insert(0, comments[above][0])
        above -= 1
    if line in comments:
        texts.append(comments[line][0])
    return "\n".join(texts) if texts else None


def is_dated(*texts):
    return any(pattern.search(text) for text in texts if text for pattern in DATED_PATTERNS)


def code_point_column(lines, line, byte_offset):
    return len(lines[line - 1][:byte_offset].decode("utf-8", "replace")) + 1


def at_sign(lines, node):
    """(line, byte column) of the '@' before a decorator's expression."""
    line, column = node.lineno, node.col_offset
    while True:
        text = lines[line - 1]
        while column > 0 and text[column - 1:column] in (b" ", b"\t", b"\f", b"("):
            column -= 1
        if column > 0 and text[column - 1:column] == b"@":
            return line, column - 1
        if column == 0 and line > 1:  # `@\` continued on the next line
            line -= 1
            column = len(lines[line - 1].rstrip(b"\r\n").rstrip(b"\\"))
            continue
        return node.lineno, node.col_offset


def sites(tree, source, extra):
    module_aliases = {"warnings"}
    warn_aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "warnings" and alias.asname:
                    module_aliases.add(alias.asname)
        elif isinstance(node, ast.ImportFrom) and node.module == "warnings" and node.level == 0:
            for alias in node.names:
                if alias.name == "warn":
                    warn_aliases.add(alias.asname or "warn")

    def is_warn(name):
        if "." not in name:
            return name in warn_aliases
        head, _, tail = name.partition(".")
        return tail == "warn" and head in module_aliases

    found = []  # (line, byte column, kind, message)
    decorator_calls = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            if call is not None:
                decorator_calls.add(id(call))
            name = dotted(call.func if call is not None else decorator)
            if name is None or (name not in DECORATORS and name not in extra):
                continue
            line, column = at_sign(source.lines, decorator)
            message, double_star = message_of(call, ("message", "msg", "reason"))
            found.append((line, column, "@" + name, message_text(message, double_star)))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in decorator_calls:
            continue
        name = dotted(node.func)
        if name is None:
            continue
        warn = is_warn(name)
        if not warn and name not in extra:
            continue
        if warn:
            message, double_star = message_of(node, ("message",))
            category = node.args[1] if len(node.args) > 1 else keyword(node, "category")
            text = message_text(message, double_star)
            if is_deprecation_category(category) or (
                    text is not None and ("deprecat" in text.lower() or
                                          "will be removed" in text.lower())):
                found.append((node.lineno, node.col_offset, "warnings.warn", text))
                continue
            if name not in extra:
                continue
        message, double_star = message_of(node, ("message", "msg", "reason"))
        found.append((node.lineno, node.col_offset, name, message_text(message, double_star)))
    return found


class Source:
    def __init__(self, data):
        self.data = data
        # Lines as Python counts them: "\n", "\r\n" or a lone "\r" ends one.
        self.lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        if self.lines and self.lines[0].startswith(b"\xef\xbb\xbf"):
            self.lines[0] = self.lines[0][3:]


def build(root, excludes, extra):
    deprecations = []
    skipped = []
    for path in walk(root, excludes):
        try:
            with open(os.path.join(root, path), "rb") as handle:
                data = handle.read()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(data, filename=path)
                compile(tree, path, "exec", dont_inherit=True)
            source = Source(data)
            found = sites(tree, source, extra)
            comments = comments_of(data) if found else {}
        except (SyntaxError, ValueError, RecursionError, MemoryError, OSError,
                tokenize.TokenError) as error:
            print(f"skipped '{path}': {type(error).__name__}: {error}", file=sys.stderr)
            skipped.append(path)
            continue
        for line, column, kind, message in found:
            around = comments_around(comments, line)
            deprecations.append({
                "path": path,
                "line": line,
                "column": code_point_column(source.lines, line, column),
                "language": "python",
                "kind": kind,
                "message": message,
                "dated": is_dated(message, around),
            })
    deprecations.sort(key=lambda d: (d["path"].encode("utf-8", "surrogateescape"), d["line"],
                                     d["column"]))
    return {"deprecations": deprecations, "skipped": skipped}


def compare(strata, reference):
    skipped = set(reference["skipped"])
    fields = ("path", "line", "column", "kind", "message", "dated")

    def keyed(entries):
        return collections.Counter(tuple(entry.get(field) for field in fields)
                                   for entry in entries
                                   if entry.get("language") == "python"
                                   and entry.get("path") not in skipped)

    ours = keyed(strata.get("deprecations", []))
    theirs = keyed(reference["deprecations"])
    differences = []
    for entry in sorted(set(ours) | set(theirs), key=repr):
        described = ", ".join(f"{f}={v!r}" for f, v in zip(fields, entry))
        if ours[entry] > theirs[entry]:
            differences.append(f"only strata has {described}")
        if theirs[entry] > ours[entry]:
            differences.append(f"only the reference has {described}")
    for line in differences[:SHOWN]:
        print(line)
    if len(differences) > SHOWN:
        print(f"... and {len(differences) - SHOWN} more")
    total = sum(theirs.values())
    dated = sum(count for entry, count in theirs.items() if entry[5])
    not_literal = sum(count for entry, count in theirs.items() if entry[4] is None)
    print(f"{total} sites compared ({dated} dated, {total - dated} undated, "
          f"{not_literal} not literal), {len(differences)} differences")
    return 1 if differences else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip files matching this strata glob (may repeat)")
    parser.add_argument("--python-call", action="append", default=[], metavar="NAME",
                        help="a call or decorator name that makes a site (may repeat)")
    parser.add_argument("-o", "--output", help="write the JSON here instead of stdout")
    parser.add_argument("--compare", metavar="STRATA_JSON",
                        help="compare with strata's graph JSON instead of printing")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    extra = {name[1:] if name.startswith("@") else name for name in args.python_call}
    result = build(args.root, [glob_regex(pattern) for pattern in args.exclude], extra)
    if args.compare:
        try:
            with open(args.compare, encoding="utf-8") as handle:
                strata = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"py_deprecation_reference: {error}", file=sys.stderr)
            return 2
        return compare(strata, result)
    text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
