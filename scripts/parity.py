"""`make parity`: run every built-in rule with OPA itself and compare with steward.

For the given estate, OPA evaluates each rule's `deny` and `unknown` on exactly the
`{"input", "data"}` that `steward input` prints; the outcome of every (rule, document)
pair and every fail/unknown result (resource, path, message) must equal steward's own
report. Every `test_` rule of the catalog must also pass under OPA. Exit 1 on any
difference, with each difference listed.
"""

import argparse
import json
import os
import re
import subprocess
import sys

import opa_engine

# The evaluation date of `steward test` (its --as-of default).
TEST_DATE = "2026-01-01"
TEST_DATE_NS = 1767225600000000000


def steward(binary, *args):
    out = subprocess.run([binary, *args], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr)
        raise SystemExit(f"steward {' '.join(args)} exited {out.returncode}")
    return json.loads(out.stdout)


def pointer(path):
    return "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in path)


def lookup(tree, root, package):
    """The document of `package` inside `tree`, the evaluated document of package `root`."""
    node = tree
    for part in package[len(root) + 1:].split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node if isinstance(node, dict) else {}


def rego_files(root):
    for dirpath, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".rego"):
                yield os.path.join(dirpath, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steward", default="target/release/steward")
    parser.add_argument("--rules", default="rules")
    parser.add_argument("--as-of", default="2026-11-25")
    parser.add_argument("estate")
    args = parser.parse_args()

    context = steward(args.steward, "input", args.estate, "--as-of", args.as_of)
    report = steward(args.steward, "check", args.estate, "--format", "json", "--as-of", args.as_of, "--no-waivers")
    metas = steward(args.steward, "rules", "--format", "json")

    opa = opa_engine.load()
    engine = opa.OpaEngine()
    packages = {}
    for path in rego_files(args.rules):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        engine.add_policy(path, source)
        match = re.search(r"^package (\S+)", source, re.M)
        packages[path] = match.group(1) if match else None
    engine.add_data(context["data"])

    problems = []
    documents = context["input"]["documents"]
    ours = {}
    for finding in report["findings"]:
        if finding["outcome"] in ("fail", "unknown"):
            r = finding["resource"]
            key = (finding["rule_id"], f"{r['kind']}/{r['name']}", finding["path"], finding["message"])
            ours[key] = finding["outcome"]

    # One evaluation of the whole rule tree: each call into OPA prepares and compiles a
    # query, so a single call is far quicker than one per rule.
    tree = engine.eval_document("steward.rules", context["input"])
    theirs = {}
    for meta in metas:
        rule_id = meta["id"]
        package = next(p for f, p in packages.items()
                       if p and not f.endswith("_test.rego") and f"custom:\n#   id: {rule_id}\n" in open(f, encoding="utf-8").read())
        document = lookup(tree, "steward.rules", package)
        results = {entry: document.get(entry, []) for entry in ("deny", "unknown")}
        denied = {r["resource"] for r in results["deny"]}
        unknown = {r["resource"] for r in results["unknown"]}
        counts = {"pass": 0, "fail": 0, "unknown": 0, "error": 0, "waived": 0}
        for kind in meta["kinds"]:
            for name in documents.get(kind, {}):
                doc = f"{kind}/{name}"
                outcome = "fail" if doc in denied else "unknown" if doc in unknown else "pass"
                counts[outcome] += 1
                for r in results["deny" if outcome == "fail" else "unknown"] if outcome != "pass" else []:
                    if r["resource"] == doc:
                        theirs[(rule_id, doc, pointer(r["path"]), r["msg"])] = outcome
        steward_counts = report["summary"]["rules"][rule_id]
        if counts != steward_counts:
            problems.append(f"{rule_id}: OPA outcomes {counts}, steward {steward_counts}")

    for key in sorted(set(ours) | set(theirs)):
        if ours.get(key) != theirs.get(key):
            problems.append(f"{key[0]} {key[1]} {key[2]}: steward {ours.get(key)}, OPA {theirs.get(key)}: {key[3]}")

    # Tests run at the fixed date `steward test` uses, so date-dependent tests agree.
    test_engine = opa.OpaEngine()
    for path in packages:
        with open(path, encoding="utf-8") as f:
            test_engine.add_policy(path, f.read())
    test_data = json.loads(json.dumps(context["data"]))
    test_data["steward"]["asOf"] = TEST_DATE
    test_data["steward"]["asOfNs"] = TEST_DATE_NS
    test_engine.add_data(test_data)

    test_tree = test_engine.eval_document("steward", {})
    tests = 0
    for path, package in packages.items():
        if not path.endswith("_test.rego"):
            continue
        with open(path, encoding="utf-8") as f:
            names = sorted(set(re.findall(r"^(test_\w+)", f.read(), re.M)))
        values = lookup(test_tree, "steward", package)
        for name in names:
            tests += 1
            if values.get(name) is not True:
                problems.append(f"{path}: {name} fails under OPA")

    for p in problems:
        print(p)
    print(f"{len(metas)} rules and {tests} tests compared with OPA: {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
