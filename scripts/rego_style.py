"""Catch rule shapes whose cost grows with documents x documents.

The rule interpreter has no indexing: every `some d in lib.docs(kind)` walks the whole
kind, every time it is evaluated. Two shapes therefore turn a linear rule quadratic, and a
third makes a rule's value grow that way:

1. A function (a rule with parameters) that scans the estate. Functions are evaluated
   once per call, so a function called from a loop over documents rescans the estate for
   every document of that loop.
2. A comprehension over the estate inside a loop over documents (in a rule body or an
   enclosing comprehension). The comprehension is rebuilt for every outer document.
3. A comprehension over the estate that holds a whole document in each element while
   iterating that document's own children (`[[account, scan] | some account in ...;
   some scan in account.spec.scans]`). steward shares the document between elements, but
   OPA returns every rule of a package it evaluates, and written out the value repeats the
   document, with all its children, once per child.

"Scans the estate" means a mention of `lib.docs(` or `input.documents`, or a `some ... in`
over a rule of the same file that is built from them (`_accounts := lib.docs(...)`).
A complete rule is evaluated once, so building a lookup there and indexing it is the cure.

A finding can be accepted with a comment on the line just before the reported line, or
just before the head of the rule that contains it:

    # style: allow-estate-scan <why this scan is cheap enough>

Usage: rego_style.py PATH...    check .rego files (directories are walked; *_test.rego
                                files are skipped); exit 1 if anything is reported
       rego_style.py --self-test  check testdata/style/*.rego against their *.expected
"""

import argparse
import difflib
import os
import re
import sys

ALLOW_RE = re.compile(r"#\s*style:\s*allow-estate-scan(?![\w-])(.*)$")

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
# A mention of the estate. The look-behind keeps `x.lib.docs(` and `mylib.docs(` out.
ESTATE_RE = re.compile(r"(?<![\w.])(?:data\.steward\.)?(lib\.docs)\s*\(|(?<![\w.])(input\.documents)(?!\w)")
HEAD_RE = re.compile(r"(?:default\s+)?(" + IDENT + r"(?:\." + IDENT + r")*)\s*(\()?")
ITER_RE = re.compile(r"(?<![\w.])(some|every)\s")
IN_RE = re.compile(r"(?<![\w.])in(?!\w)")
# Expressions that denote a whole kind (or the whole estate) rather than one document.
COLLECTION_RES = [
    re.compile(r"(?:data\.steward\.)?lib\.docs\s*\(.*\)", re.S),
    re.compile(r"input\.documents(?:\s*\.\s*" + IDENT + r"|\s*\[[^\[\]]*\])?", re.S),
    re.compile(r"object\.get\(\s*input\.documents\s*,.*\)", re.S),
]
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {")", "]", "}"}
COMPREHENSION_NAMES = {"[": "array comprehension", "{": "set comprehension", "{:": "object comprehension"}


class Source:
    """A Rego file with comments and string contents blanked out.

    Blanking (rather than deleting) keeps every offset, line and column of the original,
    so findings point at the real text while matching never sees `lib.docs(` in a string
    or a comment.
    """

    def __init__(self, text):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.comments = {}  # line number -> (offset of '#', comment text from '#')
        out = list(text)
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "#":
                j = text.find("\n", i)
                j = n if j < 0 else j
                self.comments[self.line_of(i)] = (i, text[i:j])
                for k in range(i, j):
                    out[k] = " "
                i = j
            elif c == '"':
                i += 1
                while i < n and text[i] not in '"\n':
                    if text[i] == "\\" and i + 1 < n and text[i + 1] != "\n":
                        out[i] = " "
                        i += 1
                    out[i] = " "
                    i += 1
                i += 1
            elif c == "`":
                i += 1
                while i < n and text[i] != "`":
                    if text[i] != "\n":
                        out[i] = " "
                    i += 1
                i += 1
            else:
                i += 1
        self.clean = "".join(out)

    def line_of(self, offset):
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def position(self, offset):
        line = self.line_of(offset)
        return line, offset - self.starts[line - 1] + 1


def matching(clean, start, end):
    """Offset of the bracket closing the one at `start`, or `end` when unbalanced."""
    depth = 0
    for i in range(start, end):
        c = clean[i]
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth -= 1
            if depth == 0:
                return i
    return end


def is_collection(expr):
    expr = expr.strip()
    for r in COLLECTION_RES:
        m = r.fullmatch(expr)
        if m is None:
            continue
        # `lib.docs(a)[b]` also fullmatches `lib\.docs\(.*\)` unless the call's own
        # parenthesis is the one that ends the expression.
        paren = expr.find("(")
        if paren < 0 or matching(expr, paren, len(expr)) == len(expr) - 1:
            return True
    return False


class Statement:
    """One top-level rule (or package/import line): head at column 0, up to the next."""

    def __init__(self, src, start, end):
        self.start = start
        self.text = src.clean[start:end]
        m = HEAD_RE.match(self.text)
        self.keyword = self.text.split(None, 1)[0] if self.text.strip() else ""
        self.name = m.group(1) if m else ""
        self.params = []
        self.body_start = m.end(1) if m else 0
        self.is_function = bool(m and m.group(2))
        if self.is_function:
            close = matching(self.text, m.start(2), len(self.text))
            # `_` is not a parameter to index by: `lib.docs(k)[_]` iterates.
            self.params = [p for p in re.findall(IDENT, self.text[m.start(2) + 1:close]) if p != "_"]
            self.body_start = close + 1
        self._scan_brackets()

    def _scan_brackets(self):
        """Find the comprehensions: `[`/`{` with a `|` directly inside.

        Rule and `every` bodies are braces too, and `|` inside them is set union, so they
        are told apart by what precedes the brace.
        """
        t = self.text
        stack, self.comprehensions = [], []
        for i, c in enumerate(t):
            if c in OPENERS:
                before = t[:i].rstrip()
                line = t[t.rfind("\n", 0, i) + 1:i].lstrip()
                body = c == "{" and (re.search(r"(?<![\w.])(if|else)$", before) or line.startswith("every "))
                stack.append({"open": i, "char": c, "body": bool(body), "pipe": False, "colon": False})
            elif c in CLOSERS:
                if not stack:
                    continue
                top = stack.pop()
                if top["pipe"]:
                    kind = "{:" if top["colon"] else top["char"]
                    self.comprehensions.append((top["open"], i, kind))
            elif stack and stack[-1]["char"] in "[{" and not stack[-1]["body"]:
                if c == "|":
                    stack[-1]["pipe"] = True
                elif c == ":" and not stack[-1]["pipe"] and t[i + 1:i + 2] != "=":
                    stack[-1]["colon"] = True

    def scope(self, offset):
        """The innermost comprehension around `offset`, or None for the rule itself."""
        best = None
        for comp in self.comprehensions:
            if comp[0] < offset < comp[1] and (best is None or comp[0] > best[0]):
                best = comp
        return best

    def enclosing(self, comp):
        """Every scope strictly outside `comp`: the rule itself and the outer comprehensions."""
        outer = [None]
        for other in self.comprehensions:
            if other[0] < comp[0] and comp[1] < other[1]:
                outer.append(other)
        return outer

    def mentions(self):
        """(offset, token) of every mention of the estate after the head's name."""
        return [(m.start(), m.group(1) or m.group(2)) for m in ESTATE_RE.finditer(self.text, self.body_start)]

    def iterations(self):
        """(offset of the collection, collection text, names bound) of every
        `some/every ... in xs`."""
        t, found = self.text, []
        for m in ITER_RE.finditer(t, self.body_start):
            depth, i, in_at = 0, m.end(), None
            while i < len(t):
                c = t[i]
                if c in OPENERS:
                    if depth == 0 and c == "{" and in_at is not None and m.group(1) == "every":
                        break
                    depth += 1
                elif c in CLOSERS:
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and c in ";|\n":
                    break
                elif depth == 0 and in_at is None and IN_RE.match(t, i):
                    in_at = i + 2
                i += 1
            if in_at is not None:
                expr = t[in_at:i]
                lead = len(expr) - len(expr.lstrip())
                bound = set(re.findall(IDENT, t[m.end():in_at - 2])) - {"_"}
                found.append((in_at + lead, expr.strip(), bound))
        return found

    def head_of(self, comp):
        """The text of a comprehension's head (before its `|`) and where it starts."""
        t, depth = self.text, 0
        for i in range(comp[0] + 1, comp[1]):
            c = t[i]
            if c in OPENERS:
                depth += 1
            elif c in CLOSERS:
                depth -= 1
            elif c == "|" and depth == 0:
                return comp[0] + 1, t[comp[0] + 1:i]
        return comp[0] + 1, ""


def statements(src):
    """Split at lines that start at column 0 outside any bracket."""
    starts, depth, offset = [], 0, 0
    for line in src.clean.split("\n"):
        if depth == 0 and line[:1].strip() and line.strip():
            starts.append(offset)
        for c in line:
            if c in OPENERS:
                depth += 1
            elif c in CLOSERS:
                depth = max(0, depth - 1)
        offset += len(line) + 1
    ends = starts[1:] + [len(src.clean)]
    return [Statement(src, s, e) for s, e in zip(starts, ends)]


def derived_rules(stmts):
    """Non-function rules built from the estate, directly or through each other.

    Iterating one of these (`some a in _accounts`) scans the estate just like
    `some a in lib.docs("PurviewAccount")` does.
    """
    rules = [s for s in stmts if s.keyword not in ("package", "import") and not s.is_function and s.name]
    base = {}
    changed = True
    while changed:
        changed = False
        for s in rules:
            if s.name in base:
                continue
            mentions = s.mentions()
            if mentions:
                base[s.name] = mentions[0][1]
                changed = True
                continue
            for name, token in list(base.items()):
                if re.search(r"(?<![\w.])" + re.escape(name) + r"(?!\w)", s.text[s.body_start:]):
                    base[s.name] = token
                    changed = True
                    break
    return base


def scans(stmt, derived):
    """(offset, label) of the estate scans in a statement, and of its loops over the estate.

    Returns (sites, loops): sites are places that touch the estate, loops are the
    `some ... in <estate>` iterations among them.
    """
    sites, loops = [], []
    for off, token in stmt.mentions():
        sites.append((off, token))
    for off, expr, _ in stmt.iterations():
        if is_collection(expr):
            loops.append((off, "lib.docs(...)" if "lib.docs" in expr else "input.documents"))
        elif expr in derived:
            loops.append((off, expr))
            sites.append((off, f"{expr}, built from {derived[expr]}"))
    return sorted(sites), sorted(loops)


def documents_repeated(stmt, derived):
    """(offset in the head, offset of the loop, document, children) for each comprehension
    that holds a document whole in every element while it iterates that document's
    children (shape 3 of the module doc)."""
    found = []
    iterations = stmt.iterations()
    for comp in stmt.comprehensions:
        here = [(off, expr, bound) for off, expr, bound in iterations if stmt.scope(off) == comp]
        documents = set()
        for _, expr, bound in here:
            if is_collection(expr) or expr in derived:
                documents |= bound
        head_at, head = stmt.head_of(comp)
        for off, expr, _ in here:
            parent = re.match(IDENT, expr)
            name = parent.group(0) if parent else ""
            if name not in documents or not re.match(re.escape(name) + r"\s*[.\[]", expr):
                continue
            # The document itself, not one of its fields (`account.metadata.name` is fine).
            whole = re.search(r"(?<![\w.])" + re.escape(name) + r"(?![\w.\[])", head)
            if whole:
                found.append((head_at + whole.start(), off, name, expr))
                break
    return found


def function_exempt(stmt, off):
    """An estate mention in a function that is a lookup, not a scan.

    A function whose whole value is the kind's collection (`docs(kind) := object.get(
    input.documents, kind, {})`) is an accessor: it hands the collection back and its
    caller is judged. Indexing `lib.docs(kind)` by a parameter or a literal
    (`lib.docs("X")[name]`) reaches one document. (`input.documents[k]` is left out: one
    index there reaches a whole kind.)
    """
    t = stmt.text
    value = re.match(r"\s*:=\s*(.*?)\s*$", t[stmt.body_start:], re.S)
    if value and is_collection(value.group(1)):
        return True
    call = ESTATE_RE.match(t, off)
    if not call.group(1):
        return False
    end = matching(t, call.end() - 1, len(t)) + 1
    index = re.match(r"\s*\[\s*([^\[\]]*?)\s*\]", t[end:])
    if index:
        key = index.group(1)
        return key in stmt.params or re.fullmatch(r'"\s*"', key) is not None
    return False


def check_source(src):
    """(line, col, message) of every finding in one file."""
    stmts = statements(src)
    derived = derived_rules(stmts)
    findings = []  # (offset, head offset, message)

    for stmt in stmts:
        if stmt.keyword in ("package", "import") or not stmt.name:
            continue
        sites, loops = scans(stmt, derived)
        if stmt.is_function:
            sites = [(o, lab) for o, lab in sites if not (lab in ("lib.docs", "input.documents") and function_exempt(stmt, o))]
            if sites:
                off, label = sites[0]
                findings.append((stmt.start + off, stmt.start, (
                    f"function {stmt.name} scans the estate ({label}) on every call; build a lookup once, "
                    f"keyed by the join field (`_by_key[k] contains v if {{...}}` read whole as "
                    f"`_index := _by_key`), and index it (`_index[k]`)")))
            # Any comprehension over the estate in a function is a scan reported above.
            continue

        for off, loop_off, name, expr in documents_repeated(stmt, derived):
            loop_line = src.position(stmt.start + loop_off)[0]
            findings.append((stmt.start + off, stmt.start, (
                f"each element holds the whole document {name} while the comprehension iterates its "
                f"children (in {expr}, line {loop_line}): a tool that writes the value out (OPA returns "
                f"every rule of a package) repeats the document once per child; hold its name or key "
                f"instead and look the document up where it is used")))

        reported = set()
        for off, label in sites:
            inner = stmt.scope(off)
            if inner is None or inner in reported:
                continue
            outer_scopes = stmt.enclosing(inner)
            outer = [(lo, ll) for lo, ll in loops if stmt.scope(lo) in outer_scopes]
            if not outer:
                continue
            reported.add(inner)
            loop_off, loop_expr = outer[0]
            loop_line = src.position(stmt.start + loop_off)[0]
            what = COMPREHENSION_NAMES[inner[2]]
            findings.append((stmt.start + off, stmt.start, (
                f"{what} over the estate ({label}) is rebuilt for each element of the loop on "
                f"line {loop_line} (in {loop_expr}); build it once outside the loop (`_index := {{...}}`, "
                f"or grouped by the join field: `_by_key[k] contains v if {{...}}` read whole as "
                f"`_index := _by_key`) and look it up (`x in _index`, `_index[k]`)")))

    out = []
    for line, (off, comment) in src.comments.items():
        m = ALLOW_RE.match(comment)
        if m and not m.group(1).strip():
            _, col = src.position(off)
            out.append((line, col, "`# style: allow-estate-scan` needs a reason after it: say why this scan stays cheap"))
    for off, head, message in findings:
        line, col = src.position(off)
        head_line = src.position(head)[0]
        allowed = False
        for before in {line - 1, head_line - 1}:
            comment = src.comments.get(before)
            # Only a comment that is the whole line counts: the marker belongs to the line after.
            if comment and not src.clean[src.starts[before - 1]:comment[0]].strip():
                m = ALLOW_RE.match(comment[1])
                # A bare marker is reported on its own; reporting the finding too would
                # count one mistake twice.
                allowed = allowed or bool(m)
        if not allowed:
            out.append((line, col, message))
    return sorted(out)


def rego_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".rego") and not name.endswith("_test.rego"):
                        files.append(os.path.join(root, name))
        elif os.path.isfile(path):
            if not path.endswith("_test.rego"):
                files.append(path)
        else:
            sys.stderr.write(f"rego_style: no such file or directory: {path}\n")
            # 2, not 1: a mistyped path must not read as "the catalog has findings".
            raise SystemExit(2)
    return sorted(set(f.replace(os.sep, "/") for f in files))


def check_paths(paths):
    lines = []
    for path in rego_files(paths):
        with open(path, encoding="utf-8") as f:
            src = Source(f.read())
        for line, col, message in check_source(src):
            lines.append(f"{path}:{line}:{col}: {message}")
    return lines


def self_test():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fixtures = os.path.join(root, "testdata", "style")
    names = sorted(n for n in os.listdir(fixtures) if n.endswith(".rego"))
    failed = 0
    for name in names:
        shown = f"testdata/style/{name}"
        with open(os.path.join(fixtures, name), encoding="utf-8") as f:
            src = Source(f.read())
        got = [f"{shown}:{line}:{col}: {message}" for line, col, message in check_source(src)]
        expected_path = os.path.join(fixtures, name[:-len(".rego")] + ".expected")
        if not os.path.exists(expected_path):
            print(f"{shown}: no {os.path.basename(expected_path)} beside it")
            failed += 1
            continue
        with open(expected_path, encoding="utf-8") as f:
            want = [line for line in f.read().splitlines() if line.strip()]
        if got != want:
            failed += 1
            sys.stdout.writelines(difflib.unified_diff(
                [w + "\n" for w in want], [g + "\n" for g in got],
                fromfile=f"{shown} expected", tofile=f"{shown} actual"))
    if not names:
        print("self-test: no fixtures in testdata/style")
        return 1
    print(f"self-test: {len(names) - failed} of {len(names)} fixtures as expected")
    return 1 if failed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Report Rego rule shapes that cost documents x documents.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".rego files or directories")
    parser.add_argument("--self-test", action="store_true", help="check the fixtures in testdata/style")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.paths:
        parser.error("give at least one PATH, or --self-test")
    lines = check_paths(args.paths)
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
