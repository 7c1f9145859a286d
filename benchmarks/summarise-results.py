#!/usr/bin/env python3
"""Prints Markdown tables and goal ratios from one JMH JSON result file (benchmarks/results/*.json).

Usage: python3 benchmarks/summarise-results.py benchmarks/results/<name>.json
"""
import json
import sys


def fmt(x, digits=3):
    if x is None:
        return "–"
    if x != x:  # NaN
        return "–"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def load(path):
    with open(path) as f:
        rows = json.load(f)
    out = []
    for r in rows:
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        out.append({
            "class": r["benchmark"].split(".")[-2],
            "method": r["benchmark"].split(".")[-1],
            "mode": r["mode"],
            "params": r.get("params", {}),
            "score": pm["score"],
            "error": pm["scoreError"],
            "unit": pm["scoreUnit"],
            "median": pm.get("scorePercentiles", {}).get("50.0"),
            "bytes": alloc["score"] if alloc else None,
            "secondary": r.get("secondaryMetrics", {}),
        })
    return out


def table(header, lines):
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for line in lines:
        print("| " + " | ".join(line) + " |")
    print()


def goal(ratio, limit, at_most=True):
    if ratio is None:
        return "not measured"
    ok = ratio <= limit if at_most else ratio >= limit
    return ("met" if ok else "**missed**") + f" ({ratio:.2f}× vs {'≤' if at_most else '≥'} {limit}×)"


def main(path):
    rows = load(path)
    by = {}
    for r in rows:
        by.setdefault(r["class"], []).append(r)
    goals = []

    a = {r["method"]: r for r in by.get("ArithmeticBenchmark", [])}
    if a:
        print("### Arithmetic: a chain of 1000 operations\n")
        table(["chain", "time (µs/chain)", "± error", "B/chain (-prof gc)", "ratio to doubles"],
              [[m, fmt(a[m]["score"]), fmt(a[m]["error"]), fmt(a[m]["bytes"]),
                f"{a[m]['score'] / a['doubles']['score']:.2f}×"] for m in ("doubles", "triples", "perturbedTriples") if m in a])
        goals.append(("triple chain without perturbation ≤ 3× doubles", goal(a["triples"]["score"] / a["doubles"]["score"], 3)))
        goals.append(("triple chain with a perturbation ≤ 5× doubles", goal(a["perturbedTriples"]["score"] / a["doubles"]["score"], 5)))

    d = by.get("DrawBenchmark", [])
    if d:
        print("### Draws: one draw (ns/draw, mean ± error; B/draw)\n")
        fams = []
        for r in d:
            if r["params"]["family"] not in fams:
                fams.append(r["params"]["family"])
        lines = []
        for fam in fams:
            cells = {r["method"]: r for r in d if r["params"]["family"] == fam}
            line = [fam]
            for m in ("commonsRng", "samplerWithoutTangent", "samplerWithTangent"):
                c = cells.get(m)
                line.append(f"{fmt(c['score'])} ± {fmt(c['error'])} ({fmt(c['bytes'])} B)" if c else "–")
            lines.append(line)
        table(["family", "Commons RNG", "sampler, no tangent", "sampler, with tangent"], lines)

    e = by.get("EstimatorBenchmark", [])
    if e:
        print("### Estimators: time per sample, one thread\n")
        progs = []
        for r in e:
            p = r["params"]["benchmarkCase"].split(":")[0]
            if p not in progs:
                progs.append(p)
        for p in progs:
            cells = [(r["params"]["benchmarkCase"].split(":")[1], r) for r in e
                     if r["params"]["benchmarkCase"].split(":")[0] == p]
            prim = dict(cells).get("primal")
            lines = []
            for est, r in cells:
                rm = r["score"] / prim["score"] if prim else None
                rmed = r["median"] / prim["median"] if prim and r["median"] and prim["median"] else None
                lines.append([est, fmt(r["score"]), fmt(r["error"]), fmt(r["median"]), fmt(r["bytes"]),
                              f"{rm:.2f}×" if rm else "–", f"{rmed:.2f}×" if rmed else "–"])
            print(f"**{p}**\n")
            table(["estimator", "mean (µs/sample)", "± error", "median (µs/sample)", "B/sample",
                   "mean / primal", "median / primal"], lines)
            cd = dict(cells)
            if prim:
                def ratios(name):
                    r = cd.get(name)
                    if not r:
                        return None, None
                    med = r["median"] / prim["median"] if r["median"] and prim["median"] else None
                    return r["score"] / prim["score"], med
                for name, limit, label in (("score", 1.3, "score function ≤ 1.3× primal"),
                                           ("replay-1", 2.5, "replay, 1 alternative ≤ 2.5× primal")):
                    mean_r, med_r = ratios(name)
                    if mean_r is not None:
                        goals.append((f"{p}: {label}", goal(mean_r, limit) + (f"; median {med_r:.2f}×" if med_r else "")))
                if p == "lund":
                    mean_r, med_r = ratios("replay-1")
                    goals.append(("lund: 4-parameter gradient (replay-1) ≤ 3× primal",
                                  goal(mean_r, 3) + (f"; median {med_r:.2f}×" if med_r else "")))

    cr = by.get("CostRatioBenchmark", [])
    if cr:
        print("### Cost relative to the primal run, measured interleaved (same samples, same load)\n")
        lines = []
        for r in cr:
            case = r["params"]["benchmarkCase"]
            sec = r["secondary"]
            if "primalNanos" not in sec or "estimatorNanos" not in sec:
                continue
            ratio = sec["estimatorNanos"]["score"] / sec["primalNanos"]["score"]
            per_iteration = []
            for pf, ef in zip(sec["primalNanos"].get("rawData", []), sec["estimatorNanos"].get("rawData", [])):
                per_iteration += [e / p for p, e in zip(pf, ef) if p > 0]
            per_iteration.sort()
            spread = (f"{per_iteration[0]:.2f}–{per_iteration[-1]:.2f}×" if per_iteration else "–")
            med = per_iteration[len(per_iteration) // 2] if per_iteration else None
            lines.append([case, f"{ratio:.2f}×", f"{med:.2f}×" if med else "–", spread])
            program, estimator = case.split(":")
            limits = {"score": (1.3, "score function ≤ 1.3× primal"),
                      "replay-1": (2.5, "replay, 1 alternative ≤ 2.5× primal")}
            if estimator in limits:
                limit, label = limits[estimator]
                goals.append((f"{program}: {label} (interleaved)", goal(ratio, limit)))
            if case == "lund:replay-1":
                goals.append(("lund: 4-parameter gradient (replay-1) ≤ 3× primal (interleaved)", goal(ratio, 3)))
        table(["program:estimator", "estimator time / primal time", "median over iterations",
               "range over iterations"], lines)

    par = by.get("ParallelBenchmark", [])
    if par:
        print("### Parallel scaling: samples per second of replay (1 alternative)\n")
        lines = []
        for prog in sorted({r["params"]["program"] for r in par}):
            t = {r["params"]["threads"]: r for r in par if r["params"]["program"] == prog}
            if "1" in t and "2" in t:
                ratio = t["2"]["score"] / t["1"]["score"]
                lines.append([prog, f"{fmt(t['1']['score'])} ± {fmt(t['1']['error'])}",
                              f"{fmt(t['2']['score'])} ± {fmt(t['2']['error'])}", f"{ratio:.2f}×"])
                goals.append((f"{prog}: 2-thread throughput ≥ 1.8× 1-thread", goal(ratio, 1.8, at_most=False)))
        table(["program", "1 thread (samples/s)", "2 threads (samples/s)", "ratio"], lines)

    lg = {r["method"]: r for r in by.get("LundGeneratorBenchmark", [])}
    if lg:
        print("### Lund generator: events per second\n")
        table(["case", "events/s", "± error", "B/event"],
              [[m, fmt(r["score"]), fmt(r["error"]), fmt(r["bytes"])] for m, r in lg.items()])
        if "generatorOneThread" in lg and "generatorTwoThreads" in lg:
            goals.append(("Lund generator: 2 JMH threads vs 1 (information)",
                          f"{lg['generatorTwoThreads']['score'] / lg['generatorOneThread']['score']:.2f}×"))

    if goals:
        print("### Goals\n")
        table(["goal", "measured"], [[g, m] for g, m in goals])


if __name__ == "__main__":
    main(sys.argv[1])
