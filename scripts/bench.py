"""`make bench`: steward against the YAML parse floor and OPA, on generated estates.

For each size (1,000, 10,000 and 100,000 documents by default) it generates a
deterministic estate with scripts/gen_estate.py, then measures in one run on this
machine, median of --runs runs each:

- steward check end to end with the full built-in catalog: wall time, CPU time, peak RSS;
- the parse floor: the same files found, read and parsed by the same parser, nothing else
  (target/release/examples/parse_floor);
- OPA v1.20.2 (scripts/opa_engine.py) evaluating the same rules (deny and unknown of
  every rule) on the same `steward input` document, in process, evaluation time only.

It also times `steward check` on a 10-document estate (startup: one document from each
of ten files of testdata/estates/contoso-health) and on that whole 41-document sample
estate. Results go to
BENCHMARKS.md and benchmarks/results.json; ratios are reported, not only times.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

import opa_engine

if not os.path.exists("/usr/bin/time"):
    raise SystemExit("make bench needs GNU time (Debian package `time`) to measure peak memory")

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
STEWARD = os.path.join(TARGET, "release", "steward")
PARSE_FLOOR = os.path.join(TARGET, "release", "examples", "parse_floor")
AS_OF = "2026-11-25"


TIME = "/usr/bin/time"


def run_measured(argv):
    """Runs argv; returns (wall seconds, cpu seconds, peak RSS in MiB, exit status).

    Peak RSS comes from GNU time, which forks from its own small process: a child forked
    from this Python process would count the memory Python (and OPA) already holds.
    """
    report = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"steward-bench-{os.getpid()}.time")
    start = time.perf_counter()
    proc = subprocess.run([TIME, "-o", report, "-f", "%U %S %M", *argv],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    with open(report) as f:
        user, system, rss_kib = f.read().split()[-3:]
    os.remove(report)
    return wall, float(user) + float(system), int(rss_kib) / 1024.0, proc.returncode


def median_run(argv, runs, ok=(0, 1)):
    samples = []
    for _ in range(runs):
        wall, cpu, rss, code = run_measured(argv)
        if code not in ok:
            raise SystemExit(f"{' '.join(argv)} exited {code}")
        samples.append((wall, cpu, rss))
    return {
        "wall_s": statistics.median(s[0] for s in samples),
        "cpu_s": statistics.median(s[1] for s in samples),
        "peak_rss_mib": max(s[2] for s in samples),
        "runs": runs,
    }


def estate(size, cache):
    out = os.path.join(cache, f"estate-{size}")
    stamp = os.path.join(cache, f"estate-{size}.stamp")
    generator = os.path.join(ROOT, "scripts", "gen_estate.py")
    key = f"{size}:{os.path.getmtime(generator)}"
    if not (os.path.exists(stamp) and open(stamp).read() == key):
        subprocess.run([sys.executable, generator, "--documents", str(size), "--out", out, "--force"], check=True,
                       stdout=subprocess.DEVNULL)
        with open(stamp, "w") as f:
            f.write(key)
    return out


def opa_eval(path, runs, timeout_s):
    """Median seconds for OPA to evaluate every rule's deny and unknown on the estate, and
    how many runs that median is of (fewer than asked once a run passes timeout_s)."""
    context = json.loads(subprocess.run([STEWARD, "input", path, "--as-of", AS_OF], check=True,
                                        capture_output=True, text=True).stdout)
    metas = json.loads(subprocess.run([STEWARD, "rules", "--format", "json"], check=True,
                                      capture_output=True, text=True).stdout)
    opa = opa_engine.load()
    engine = opa.OpaEngine()
    packages = {}
    for dirpath, _, names in sorted(os.walk(os.path.join(ROOT, "rules"))):
        for name in sorted(names):
            if name.endswith(".rego") and not name.endswith("_test.rego"):
                file = os.path.join(dirpath, name)
                source = open(file, encoding="utf-8").read()
                engine.add_policy(file, source)
                ident = re.search(r"^#   id: (\S+)$", source, re.M)
                if ident:
                    packages[ident.group(1)] = re.search(r"^package (\S+)", source, re.M).group(1)
    engine.add_data(context["data"])
    # The whole rule tree in one call: every rule's deny and unknown (and the helpers they
    # use). The first call prepares and compiles the query and is not timed; the timed
    # calls hit OPA's prepared-query cache, so they measure evaluation.
    if len(packages) != len(metas):
        raise SystemExit("could not find every rule's package under rules/")
    engine.eval_document("steward.rules", {"documents": {}})
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        engine.eval_document("steward.rules", context["input"])
        samples.append(time.perf_counter() - start)
        if samples[-1] > timeout_s:
            break
    return statistics.median(samples), len(samples)


def shard_run(path, n, runs):
    """The largest estate split into n shards (--shard K/N --shard-out) and merged
    (--merge-from): each shard's cost, as one CI job of n would see it, and the merge's."""
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"steward-bench-shards-{os.getpid()}")
    os.makedirs(out, exist_ok=True)
    shards = []
    for k in range(1, n + 1):
        file = os.path.join(out, f"{k}.json")
        shards.append(median_run([STEWARD, "check", path, "--as-of", AS_OF, "--format", "json",
                                  "--shard", f"{k}/{n}", "--shard-out", file], runs))
    merge = median_run([STEWARD, "check", path, "--as-of", AS_OF, "--format", "json", "--merge-from", out], runs)
    for k in range(1, n + 1):
        os.remove(os.path.join(out, f"{k}.json"))
    os.rmdir(out)
    return {"documents": int(subprocess.run([PARSE_FLOOR, path], capture_output=True, text=True).stdout.split()[0]),
            "count": n, "shards": shards, "merge": merge}


def ten_documents(sample, cache):
    """A 10-document estate: the first document of each of the sample estate's first ten
    files (sorted by path), so that it mixes kinds as the sample does."""
    out = os.path.join(cache, "estate-10")
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        os.remove(os.path.join(out, old))
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(sample) for f in names if f.endswith(".yaml"))
    for i, path in enumerate(files[:10]):
        text = open(path, encoding="utf-8").read()
        first = re.split(r"^---[ \t]*$", text, flags=re.M)
        document = next(d for d in first if re.search(r"^kind:", d, re.M))
        with open(os.path.join(out, f"doc-{i:02}.yaml"), "w", encoding="utf-8") as f:
            f.write(document.strip("\n") + "\n")
    return out


def steward_eval_only(path, runs):
    """steward's own evaluation time, from its --timings report, for a like-for-like OPA ratio."""
    samples = []
    for _ in range(runs):
        out = subprocess.run([STEWARD, "check", path, "--as-of", AS_OF, "--format", "json", "--timings"],
                             capture_output=True, text=True)
        match = re.search(r"timing evaluate: ([0-9.]+) s", out.stderr)
        if not match:
            raise SystemExit("steward check --timings did not report the evaluation time")
        samples.append(float(match.group(1)))
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--opa-runs", type=int, default=5)
    parser.add_argument("--opa-timeout", type=float, default=600.0, help="give up on OPA after this many seconds per run")
    args = parser.parse_args()
    cache = os.path.join(TARGET, "bench")
    os.makedirs(cache, exist_ok=True)

    results = {"date": datetime.date.today().isoformat(), "machine": machine(), "sizes": [],
               "runs": {"check": args.runs, "opa": args.opa_runs}}
    for size in [int(s) for s in args.sizes.split(",")]:
        path = estate(size, cache)
        files = sum(len([n for n in names if n.endswith(".yaml")]) for _, _, names in os.walk(path))
        check = median_run([STEWARD, "check", path, "--as-of", AS_OF, "--format", "json"], args.runs)
        floor = median_run([PARSE_FLOOR, path], args.runs, ok=(0,))
        steward_eval = steward_eval_only(path, args.runs)
        opa, opa_runs = opa_eval(path, args.opa_runs, args.opa_timeout)
        row = {"documents": size, "files": files, "check": check, "parse_floor": floor,
               "steward_eval_s": steward_eval, "opa_eval_s": opa, "opa_runs": opa_runs}
        row["check_over_floor"] = check["wall_s"] / floor["wall_s"]
        row["opa_over_steward_eval"] = (opa / steward_eval) if opa else None
        results["sizes"].append(row)
        print(json.dumps(row), flush=True)

    by_size = {r["documents"]: r for r in results["sizes"]}
    results["shards"] = shard_run(estate(max(by_size), cache), 2, args.runs)
    if 10000 in by_size and 100000 in by_size:
        results["scaling_100k_over_10k"] = by_size[100000]["check"]["wall_s"] / by_size[10000]["check"]["wall_s"]
    sample = os.path.join(ROOT, "testdata", "estates", "contoso-health")
    for key, path in (("startup", ten_documents(sample, cache)), ("sample", sample)):
        results[key] = median_run([STEWARD, "check", path, "--as-of", AS_OF, "--format", "json"], max(args.runs, 10))
        results[key]["documents"] = int(subprocess.run([PARSE_FLOOR, path], capture_output=True, text=True).stdout.split()[0])

    os.makedirs(os.path.join(ROOT, "benchmarks"), exist_ok=True)
    with open(os.path.join(ROOT, "benchmarks", "results.json"), "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    with open(os.path.join(ROOT, "BENCHMARKS.md"), "w") as f:
        f.write(markdown(results))
    print(markdown(results))


def machine():
    cores = os.cpu_count()
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) // 1024
    except OSError:
        pass
    return {"cores": cores, "memory_mib": mem, "system": platform.platform(), "python": platform.python_version()}


def fmt(x, unit="s"):
    return "n/a" if x is None else f"{x:.3f} {unit}" if unit == "s" else f"{x:.0f} {unit}"


def markdown(r):
    m = r["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {r['date']}: {m['cores']} cores, {m['memory_mib']} MiB of memory ({m['system']}).",
        f"Medians of {r['runs']['check']} runs for steward and the parse floor and of up to {r['runs']['opa']} for OPA "
        "(fewer once one run passes the time limit; the OPA runs column says how many); "
        "peak RSS is the largest. Estates come from `scripts/gen_estate.py`",
        "(deterministic); OPA is v1.20.2 in process (opa-golib-python-bindings 0.4.4), evaluation time only,",
        "compared with steward's own evaluation phase (`steward check --timings`) on the same `steward input`.",
        "",
        "| documents | files | check wall | check CPU | peak RSS | parse floor | check / floor | steward eval | OPA eval | OPA runs | OPA / steward |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in r["sizes"]:
        c, p = s["check"], s["parse_floor"]
        ratio = "n/a" if s["opa_over_steward_eval"] is None else f"{s['opa_over_steward_eval']:.1f}x"
        lines.append(
            f"| {s['documents']:,} | {s['files']:,} | {fmt(c['wall_s'])} | {fmt(c['cpu_s'])} | {c['peak_rss_mib']:.0f} MiB "
            f"| {fmt(p['wall_s'])} | {s['check_over_floor']:.2f}x | {fmt(s['steward_eval_s'])} | {fmt(s['opa_eval_s'])} "
            f"| {s['opa_runs']} | {ratio} |"
        )
    lines.append("")
    if "scaling_100k_over_10k" in r:
        lines.append(f"Scaling: 100k / 10k check wall time = {r['scaling_100k_over_10k']:.1f}x.")
    st = r["startup"]
    lines.append(f"Startup: `steward check` on a {st['documents']}-document estate takes {st['wall_s'] * 1000:.0f} ms "
                 f"(median of {st['runs']}).")
    sample = r.get("sample")
    if sample:
        lines.append(f"The {sample['documents']}-document sample estate takes {sample['wall_s'] * 1000:.0f} ms "
                     f"(median of {sample['runs']}).")
    sh = r.get("shards")
    if sh:
        lines += ["", f"Sharded: the {sh['documents']:,}-document estate as {sh['count']} jobs (`--shard K/{sh['count']} --shard-out`) "
                  "and a merge (`--merge-from`), each a separate process:", "",
                  "| run | wall | CPU | peak RSS |", "|---|---:|---:|---:|"]
        for k, s in enumerate(sh["shards"], 1):
            lines.append(f"| shard {k}/{sh['count']} | {fmt(s['wall_s'])} | {fmt(s['cpu_s'])} | {s['peak_rss_mib']:.0f} MiB |")
        m = sh["merge"]
        lines.append(f"| merge | {fmt(m['wall_s'])} | {fmt(m['cpu_s'])} | {m['peak_rss_mib']:.0f} MiB |")
    lines += ["", "## Against the targets", "", "| target | measured | met |", "|---|---|---|"]
    sizes = {s["documents"]: s for s in r["sizes"]}
    big = sizes.get(100000)
    largest = max(sizes) if sizes else None
    if big:
        c = big["check"]
        lines.append(f"| 100,000 documents: at most 3 s and 2x the parse floor | {c['wall_s']:.1f} s, {big['check_over_floor']:.1f}x "
                     f"| {'yes' if c['wall_s'] <= 3 and big['check_over_floor'] <= 2 else 'no'} |")
        lines.append(f"| peak RSS at most 512 MiB at 100,000 | {c['peak_rss_mib']:.0f} MiB | {'yes' if c['peak_rss_mib'] <= 512 else 'no'} |")
    elif largest:
        l = sizes[largest]
        lines.append(f"| 100,000 documents: at most 3 s and 2x the parse floor | not measured; {largest:,} take "
                     f"{l['check']['wall_s']:.1f} s, {l['check_over_floor']:.1f}x the floor | no |")
        lines.append(f"| peak RSS at most 512 MiB at 100,000 | not measured; {l['check']['peak_rss_mib']:.0f} MiB at {largest:,} | unknown |")
    ratios = [s["opa_over_steward_eval"] for s in r["sizes"] if s["opa_over_steward_eval"]]
    if ratios:
        lines.append(f"| at least 5x faster than OPA | {', '.join(f'{x:.1f}x' for x in ratios)} | {'yes' if min(ratios) >= 5 else 'no'} |")
    if "scaling_100k_over_10k" in r:
        x = r["scaling_100k_over_10k"]
        lines.append(f"| 100k at most 11x the 10k time | {x:.1f}x | {'yes' if x <= 11 else 'no'} |")
    lines.append(f"| startup ({st['documents']} documents) under 50 ms | {st['wall_s'] * 1000:.0f} ms | {'yes' if st['wall_s'] < 0.05 else 'no'} |")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
