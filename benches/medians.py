#!/usr/bin/env python3
"""Prints criterion's medians for one scale as the tables of
docs/performance.md, with the ratios between engines.

    python3 benches/medians.py icews14            # after a run at that scale
    python3 benches/medians.py icews14 target/criterion
    python3 benches/medians.py growth small icews14 icews05-15 10m

Reads every `new/benchmark.json` and `new/estimates.json` under the
criterion directory whose id ends in the scale; ids are
`workload/question/engine/scale`.
"""

import json
import os
import sys


def fmt_time(ns):
    for unit, size in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}"
    return f"{ns:.3g} ns"


def fmt_ratio(r):
    return f"{r:,.0f}×" if r >= 100 else f"{r:.3g}×"


def load(root, scale):
    found = {}
    for dirpath, _, files in os.walk(root):
        if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(dirpath, "benchmark.json")) as f:
            bench = json.load(f)
        # Benches without a scale (the 1M-row import) run with `small`.
        if bench.get("value_str", None) != scale and not (
            scale == "small" and bench.get("value_str") is None
        ):
            continue
        with open(os.path.join(dirpath, "estimates.json")) as f:
            median = json.load(f)["median"]["point_estimate"]
        if not bench["group_id"].startswith("w"):
            continue  # results of older bench ids
        question, _, engine = bench["function_id"].rpartition("/")
        found[(bench["group_id"], question, engine)] = (median, bench.get("throughput"))
    return found


def throughput(median, tp):
    if not tp:
        return ""
    if "Elements" in tp:
        return f"{tp['Elements'] / median * 1e3:.3g} M/s"
    if "Bytes" in tp:
        return f"{tp['Bytes'] / median * 1e3:.3g} MB/s"
    return ""


def growth(scales, root="target/criterion"):
    """One row per bench, one column per scale: how costs grow."""
    found = {s: load(root, s) for s in scales}
    keys = sorted({k for s in scales for k in found[s]})
    print("| bench | " + " | ".join(scales) + " |")
    print("|---|" + "---|" * len(scales))
    for group, question, engine in keys:
        if group not in ("w2", "w3", "w4"):
            continue
        cells = []
        for s in scales:
            hit = found[s].get((group, question, engine))
            cells.append(fmt_time(hit[0]) if hit else "–")
        print(f"| `{group}/{question}/{engine}` | " + " | ".join(cells) + " |")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "growth":
        growth(sys.argv[2:])
        return
    scale = sys.argv[1] if len(sys.argv) > 1 else "small"
    root = sys.argv[2] if len(sys.argv) > 2 else "target/criterion"
    found = load(root, scale)
    groups = sorted({g for g, _, _ in found})
    for group in groups:
        rows = sorted({(q, e) for g, q, e in found if g == group})
        questions = sorted({q for q, _ in rows})
        compared = [q for q in questions if (group, q, "floor") in found]
        own = [q for q in questions if q not in compared]
        print(f"\n### {group} ({scale})\n")
        if compared:
            print("| question | diplograph | floor | oxigraph | oxigraph ÷ diplograph | diplograph ÷ floor |")
            print("|---|---|---|---|---|---|")
            for q in compared:
                d = found.get((group, q, "diplograph"), (None, None))[0]
                f = found.get((group, q, "floor"), (None, None))[0]
                o = found.get((group, q, "oxigraph"), (None, None))[0]
                cells = [fmt_time(x) if x else "–" for x in (d, f, o)]
                vs_ox = fmt_ratio(o / d) if o and d else "–"
                vs_floor = fmt_ratio(d / f) if d and f else "–"
                print(f"| `{q}` | {' | '.join(cells)} | {vs_ox} | {vs_floor} |")
            print()
        if own:
            rates = any(found[k][1] for k in found if k[0] == group and k[1] in own)
            print("| bench | median |" + (" throughput |" if rates else ""))
            print("|---|---|" + ("---|" if rates else ""))
            for q in own:
                for g, qq, e in sorted(found):
                    if g == group and qq == q:
                        median, tp = found[(g, qq, e)]
                        rate = f" {throughput(median, tp)} |" if rates else ""
                        print(f"| `{q}/{e}` | {fmt_time(median)} |{rate}")
            print()


if __name__ == "__main__":
    main()
