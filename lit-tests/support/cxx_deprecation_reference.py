#!/usr/bin/env python3
"""An independent reference for strata's C/C++/CUDA deprecation sites.

usage: cxx_deprecation_reference.py ROOT --compare STRATA_JSON
                                    [--config STRATA_YAML | --macro NAME...] [--list]

Reads the C, C++ and CUDA files that strata's graph JSON lists (the walk is
tested elsewhere) with its own scanner: no libclang, one regular expression
that cuts the text into comments, string and character literals, names and
punctuation. It applies the rules of docs/deprecations.md:

- directives are logical lines starting with '#'; their text is never a
  site, but for the body of a `#define` (not under `#if 0`) of a macro that
  is not itself a configured macro: there a use of a configured macro is a
  site, unless it is the whole body (a macro spelling a deprecation); code
  under a literal `#if 0` / `#elif 0` is dead, every other branch counts;
- sites: `[[ ... deprecated ... ]]` (the name at the top level of the
  brackets), `__attribute__((... deprecated ...))`, `__declspec(...
  deprecated ...)`, every use of a configured macro (C10_DEPRECATED,
  C10_DEPRECATED_MESSAGE, C10_DEFINE_DEPRECATED_USING, TORCH_WARN_DEPRECATION
  unless --macro names others, or the `cxx_macros: [...]` flow list of the
  strata.yaml given with --config), TORCH_WARN / TORCH_WARN_ONCE whose
  literals say "deprecat" or "will be removed";
- the message: the string literals inside the parentheses, concatenated;
  "" without parentheses or arguments; null when no argument is a literal;
- the comments: those touching the site's line, and those touching the run
  of comment-only lines directly above it;
- dated: a default dated or removal pattern matches the message or the
  comments; since and removal as docs/deprecations.md says.

Then it compares its sites with the "deprecations" of the JSON: the same
(path, line, column, kind), the same message, the same dated, since and
removal. Prints each difference (the first 50), then one summary line:

    N files, N sites compared (N dated, N undated), N differences

and exits 1 when there is a difference. Prints "skipped: ROOT is absent"
and exits 0 when ROOT does not exist. --list prints the sites it found.
"""

import argparse
import bisect
import json
import os
import re
import sys

SHOWN = 50
DEFAULT_MACROS = ["C10_DEPRECATED", "C10_DEPRECATED_MESSAGE", "C10_DEFINE_DEPRECATED_USING",
                  "TORCH_WARN_DEPRECATION"]

# The default patterns of docs/config.md, written out again.
MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
ISO = r"\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\w-])"
DATED = [
    r"(?<![\w.])v?(\d+(?:\.\d+)+)(?:(?:a|b|rc|\.?dev|\.?post)\d*)?\b",
    r"(?i)\brelease\s+v?(\d+(?:\.\d+)*)\b",
    r"(?<![\w-])(" + ISO + ")",
    r"(?i)\b(" + MONTHS + r"\.?\s+\d{4})\b",
]
REMOVAL = [
    r"(?i)\b(?:remov(?:ed|al)|delet(?:ed|ion)|dropped)\s+(?:(?:in|by|from|after|as\s+of|on|at|"
    r"with)\s+)?(?:the\s+)?(?:(?:release|version)\s+v?(\d+(?:\.\d+)*)|(?:(?:pytorch|torch|"
    r"python)\s+)?v?(\d+(?:\.\d+)+))\b",
    r"(?i)\b(?:(?:remov(?:ed|al)|delet(?:ed|ion)|dropped)\s+(?:(?:in|by|from|after|as\s+of|on|"
    r"at)\s+)?|after\s+|until\s+|till\s+)(" + ISO + "|" + MONTHS + r"\.?\s+\d{4}\b)",
]
DATED_RE = [re.compile(p, re.ASCII) for p in DATED]
REMOVAL_RE = [re.compile(p, re.ASCII) for p in REMOVAL]

SPLICE = r"(?:\\\r?\n)"
# One token at a time; white space is skipped between them. Order matters:
# comments and literals before punctuation, raw strings before plain ones.
TOKEN = re.compile(
    r"(?P<comment>//(?:[^\n\\]|\\.|\\\n)*|/\*.*?(?:\*/|\Z))"
    r"|(?P<raw>(?:u8|u|U|L)?R\"(?P<delim>[^()\\\s\"]{0,16})\(.*?\)(?P=delim)\"\w*)"
    r"|(?P<string>(?:u8|u|U|L)?\"(?:[^\"\\\n]|\\.|\\\n)*\"?\w*)"
    r"|(?P<char>(?:u8|u|U|L)?'(?:[^'\\\n]|\\.|\\\n)*'?\w*)"
    r"|(?P<name>[A-Za-z_$\x80-\U0010ffff](?:[\w$\x80-\U0010ffff]|" + SPLICE + r")*)"
    r"|(?P<number>\.?\d(?:[\w.']|[eEpP][+-])*)"
    r"|(?P<punct>%:|\S)",
    re.S)


class Token:
    __slots__ = ("kind", "text", "begin", "end", "line", "last_line", "live", "body")

    def __init__(self, kind, text, begin, end):
        self.kind, self.text, self.begin, self.end = kind, text, begin, end
        self.live = True
        self.body = None  # "start" or "rest" in a #define's body


def tokenize(text):
    tokens = []
    position = 0
    skip = re.compile(r"(?:\s|\\\r?\n)*")
    while True:
        position = skip.match(text, position).end()
        if position >= len(text):
            break
        match = TOKEN.match(text, position)
        kind = match.lastgroup if match.lastgroup != "delim" else "raw"
        if kind == "raw":
            kind = "string"
        tokens.append(Token(kind, match.group(0), match.start(), match.end()))
        position = match.end()
    return tokens


def number_lines(text, tokens):
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for token in tokens:
        token.line = bisect.bisect_right(starts, token.begin)
        token.last_line = bisect.bisect_right(starts, max(token.begin, token.end - 1))
    return starts


def newline_between(text, a, b):
    """Whether a line ends between offsets a and b, not spliced away."""
    gap = text[a:b]
    for index, char in enumerate(gap):
        if char == "\n":
            before = gap[:index].rstrip(" \t\r")
            if not before.endswith("\\"):
                return True
    return False


def mark_define_body(tokens, index, end, macros):
    """Marks the body of the #define at tokens[index:end], unless it defines
    one of macros."""
    code = [i for i in range(index + 1, end) if tokens[i].kind != "comment"]
    if len(code) < 2 or tokens[code[1]].kind != "name" or tokens[code[1]].text in macros:
        return
    name = code[1]
    body = [i for i in code[2:]]
    after_name = name + 1
    # Function-like: '(' right after the name, no blank between.
    if after_name < end and tokens[after_name].text == "(" and \
            tokens[after_name].begin == tokens[name].end:
        while body and tokens[body[0]].text != ")":
            body.pop(0)
        body = body[1:]
    for position, i in enumerate(body):
        tokens[i].body = "start" if position == 0 else "rest"


def mark_directives(text, tokens, macros):
    """Sets live to False for directive tokens and code under #if 0, and
    marks the bodies of #define (but those of macros)."""
    stack = []  # (dead, parent_dead)
    index = 0
    count = len(tokens)

    def starts_line(i):
        if i == 0:
            return True
        previous = tokens[i - 1]
        # A comment is one token: its own newlines do not end a line.
        return newline_between(text, previous.end, tokens[i].begin)

    def first_on_line(i):
        while True:
            if starts_line(i):
                return True
            i -= 1
            if tokens[i].kind != "comment":
                return False

    while index < count:
        token = tokens[index]
        if not (token.kind == "punct" and token.text in ("#", "%:") and first_on_line(index)):
            token.live = not (stack and stack[-1][0])
            index += 1
            continue
        end = index + 1
        while end < count and not starts_line(end):
            end += 1
        code = [t for t in tokens[index + 1:end] if t.kind != "comment"]
        name = code[0].text if code else ""
        rest = [t.text for t in code[1:]]
        dead = bool(stack and stack[-1][0])
        if name in ("if", "ifdef", "ifndef"):
            stack.append([dead or (name == "if" and rest == ["0"]), dead])
        elif name in ("elif", "elifdef", "elifndef", "else") and stack:
            stack[-1][0] = stack[-1][1] or (name == "elif" and rest == ["0"])
        elif name == "endif" and stack:
            stack.pop()
        for t in tokens[index:end]:
            t.live = False
        if name == "define" and not dead:
            mark_define_body(tokens, index, end, macros)
        index = end


def unsplice(text):
    return re.sub(r"\\\r?\n", "", text)


def string_value(token_text):
    text = unsplice(token_text)
    quote = text.index('"')
    prefix = text[:quote]
    last = text.rfind('"')
    if last <= quote:
        return None
    if "R" in prefix:
        match = re.match(r'"([^(]*)\((.*)\)\1"', text[quote:last + 1], re.S)
        return match.group(2) if match else None
    body = text[quote + 1:last]
    escapes = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "?": "?"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), body, flags=re.S)


class Scanner:
    def __init__(self, text, macros):
        self.text = text
        self.tokens = tokenize(text)
        self.starts = number_lines(text, self.tokens)
        self.macros = set(macros)
        mark_directives(text, self.tokens, self.macros)
        self.sites = []
        self.comment_index()

    def comment_index(self):
        """For each line: the comments touching it, and whether any code does."""
        self.touching = {}
        self.has_code = set()
        for number, token in enumerate(self.tokens):
            for line in range(token.line, token.last_line + 1):
                if token.kind == "comment":
                    self.touching.setdefault(line, []).append(number)
                else:
                    self.has_code.add(line)

    def comments_of(self, line):
        chosen = set(self.touching.get(line, []))
        above = line - 1
        while above >= 1 and above in self.touching and above not in self.has_code:
            chosen.update(self.touching[above])
            above -= 1
        if not chosen:
            return None
        return "\n".join(unsplice(self.tokens[i].text) for i in sorted(chosen))

    def next_code(self, index):
        index += 1
        while index < len(self.tokens) and self.tokens[index].kind == "comment":
            index += 1
        return index

    def is_punct(self, index, text):
        return index < len(self.tokens) and self.tokens[index].kind == "punct" and \
            self.tokens[index].text == text

    def close(self, open_index):
        opener = self.tokens[open_index].text
        closer = ")" if opener == "(" else "]"
        depth = 0
        for index in range(open_index, len(self.tokens)):
            if self.is_punct(index, opener):
                depth += 1
            elif self.is_punct(index, closer):
                depth -= 1
                if depth == 0:
                    return index
        return len(self.tokens)

    def message(self, open_index, close_index):
        parts, any_code = [], False
        for token in self.tokens[open_index + 1:close_index]:
            if token.kind == "comment":
                continue
            any_code = True
            if token.kind == "string":
                value = string_value(token.text)
                if value is not None:
                    parts.append(value)
        if any_code and not parts:
            return None
        return "".join(parts)

    def message_after(self, name_index):
        open_index = self.next_code(name_index)
        if not self.is_punct(open_index, "("):
            return ""
        return self.message(open_index, self.close(open_index))

    def add(self, index, kind, message):
        token = self.tokens[index]
        line_start = self.starts[token.line - 1]
        self.sites.append({
            "line": token.line,
            "column": len(self.text[line_start:token.begin]) + 1,
            "kind": kind,
            "message": message,
            "comments": self.comments_of(token.line),
        })

    def attribute_list(self, index):
        second = self.next_code(index)
        if not self.is_punct(second, "["):
            return index + 1
        close = self.close(second)
        inner = second + 1
        while inner < close:
            if self.is_punct(inner, "(") or self.is_punct(inner, "["):
                inner = self.close(inner) + 1
                continue
            if self.tokens[inner].kind == "name" and \
                    self.tokens[inner].text in ("deprecated", "__deprecated__"):
                self.add(index, "[[deprecated]]", self.message_after(inner))
            inner += 1
        return close + 1 if close < len(self.tokens) else index + 1

    def attribute_call(self, index, depth, kind):
        open_index = self.next_code(index)
        if not self.is_punct(open_index, "("):
            return index + 1
        close = self.close(open_index)
        level = 1
        inner = open_index + 1
        while inner < close:
            if self.is_punct(inner, "("):
                if level >= depth:
                    inner = self.close(inner) + 1
                    continue
                level += 1
            elif self.is_punct(inner, ")"):
                level -= 1
            elif level == depth and self.tokens[inner].kind == "name" and \
                    self.tokens[inner].text in ("deprecated", "__deprecated__"):
                self.add(index, kind, self.message_after(inner))
            inner += 1
        return close + 1 if close < len(self.tokens) else index + 1

    def whole_body(self, index):
        """Whether the macro use at index is all of its #define's body."""
        if self.tokens[index].body != "start":
            return False
        after = self.next_code(index)
        if self.is_punct(after, "("):
            close = self.close(after)
            after = self.next_code(close) if close < len(self.tokens) else close
        return after >= len(self.tokens) or self.tokens[after].body != "rest"

    def scan(self):
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.body and token.kind == "name":
                if unsplice(token.text) in self.macros and not self.whole_body(index):
                    self.add(index, unsplice(token.text), self.message_after(index))
                index += 1
                continue
            if not token.live or token.kind not in ("punct", "name"):
                index += 1
                continue
            name = unsplice(token.text)
            if token.kind == "punct":
                index = self.attribute_list(index) if token.text == "[" else index + 1
            elif name in ("__attribute__", "__attribute"):
                index = self.attribute_call(index, 2, "__attribute__((deprecated))")
            elif name == "__declspec":
                index = self.attribute_call(index, 1, "__declspec(deprecated)")
            elif name in self.macros:
                self.add(index, name, self.message_after(index))
                index += 1
            elif name in ("TORCH_WARN", "TORCH_WARN_ONCE"):
                open_index = self.next_code(index)
                if self.is_punct(open_index, "("):
                    message = self.message(open_index, self.close(open_index))
                    if message is not None and ("deprecat" in message.lower() or
                                                "will be removed" in message.lower()):
                        self.add(index, name, message)
                index += 1
            else:
                index += 1
        return self.sites


def date_text(text, out):
    removals, first_removal = [], None
    for pattern in REMOVAL_RE:
        for match in pattern.finditer(text):
            out["dated"] = True
            removals.append(match.span())
            value = next((match.span(g) for g in range(1, pattern.groups + 1)
                          if match.start(g) != -1), match.span())
            if first_removal is None or value[0] < first_removal[0]:
                first_removal = value
    first_since = None
    for pattern in DATED_RE:
        for match in pattern.finditer(text):
            out["dated"] = True
            value = next((match.span(g) for g in range(1, pattern.groups + 1)
                          if match.start(g) != -1), match.span())
            if any(begin <= value[0] and value[1] <= end for begin, end in removals):
                continue
            if first_since is None or value[0] < first_since[0] or \
                    (value[0] == first_since[0] and value[1] > first_since[1]):
                first_since = value
    if out["since"] is None and first_since:
        out["since"] = text[first_since[0]:first_since[1]]
    if out["removal"] is None and first_removal:
        out["removal"] = text[first_removal[0]:first_removal[1]]


def date(site):
    out = {"dated": False, "since": None, "removal": None}
    for text in (site["message"], site["comments"]):
        if text is not None:
            date_text(text, out)
    site.update(out)


def json_text(text):
    """What strata's JSON holds for text: every byte, those that are not UTF-8
    as the lone surrogates of surrogateescape, as json.load reads them."""
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root")
    parser.add_argument("--compare", required=True)
    parser.add_argument("--macro", action="append")
    parser.add_argument("--config")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(args.root):
        print(f"skipped: {args.root} is absent")
        return 0
    with open(args.compare, encoding="utf-8") as handle:
        graph = json.load(handle)
    macros = args.macro or DEFAULT_MACROS
    if args.config:
        with open(args.config, encoding="utf-8") as handle:
            listed = re.search(r"cxx_macros:\s*\[([^\]]*)\]", handle.read())
        if listed:
            macros = [name.strip() for name in listed.group(1).split(",") if name.strip()]
    expected = {}
    files = [f for f in graph["files"] if f["language"] != "python"]
    for entry in files:
        path = entry["path"]
        with open(os.path.join(args.root, path), "rb") as handle:
            data = handle.read()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if b"\0" in data:
            continue
        text = data.decode("utf-8", "surrogateescape")
        # No site without one of these: the scan of the rest would find none.
        if "deprecat" not in text.lower() and not any(m in text for m in macros):
            continue
        for site in Scanner(text, macros).scan():
            date(site)
            key = (path, site["line"], site["column"], site["kind"])
            expected[key] = site
    actual = {(d["path"], d["line"], d["column"], d["kind"]): d
              for d in graph["deprecations"] if d["language"] != "python"}
    differences = []
    for key in sorted(set(expected) | set(actual)):
        where = f"{key[0]}:{key[1]}:{key[2]}: {key[3]}"
        if key not in actual:
            differences.append(f"{where}: only the reference finds it")
            continue
        if key not in expected:
            differences.append(f"{where}: only strata finds it")
            continue
        mine, theirs = expected[key], actual[key]
        for field in ("message", "dated", "since", "removal"):
            value = json_text(mine[field]) if isinstance(mine[field], str) else mine[field]
            if value != theirs[field]:
                differences.append(f"{where}: {field} {theirs[field]!r} in strata, "
                                   f"{value!r} in the reference")
    if args.list:
        for key in sorted(expected):
            site = expected[key]
            print(f"{key[0]}:{key[1]}:{key[2]}: {key[3]} dated={site['dated']} "
                  f"since={site['since']} removal={site['removal']} message={site['message']!r}")
    for line in differences[:SHOWN]:
        print(line)
    dated = sum(1 for site in expected.values() if site["dated"])
    print(f"{len(files)} files, {len(expected)} sites compared ({dated} dated, "
          f"{len(expected) - dated} undated), {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
