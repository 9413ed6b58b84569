#!/usr/bin/env python3
"""What the glossary costs: the same synthetic site built with its definitions and without.

    scripts/bench/terms.py [--pages 5000] [--terms 500] [--runs 5] [--fresh-fs GB]

Generates the site (scripts/bench/gen_site.py) and a copy whose `content/definitions/` folder is
renamed `content/words/`: the same pages, but none of them a definition, so there is no glossary
(no term linking, no abbreviation expansions, no "Used in" lists, no synonyms in search). Builds
both RUNS times, taking turns, each run into a new output folder (outputs are deleted at the end,
as in run.py; --fresh-fs as there). Prints the median wall time and peak memory of each and how much the glossary adds.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import outputs  # noqa: E402
from run import run_once  # noqa: E402


def without_glossary(src, dst):
    """Copies the waymark site at src to dst with its definitions made ordinary pages."""
    shutil.copytree(src, dst)
    os.rename(os.path.join(dst, "content", "definitions"), os.path.join(dst, "content", "words"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/waymark-bench-terms")
    outputs.add_argument(parser)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    waymark = os.path.join(ROOT, "target", "release", "waymark")
    site = os.path.join(args.work, f"site-{args.pages}-{args.terms}")
    if not os.path.exists(os.path.join(site, "no-glossary")):
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), site, "--pages", str(args.pages),
                        "--terms", str(args.terms)], check=True, stdout=subprocess.DEVNULL)
        without_glossary(os.path.join(site, "waymark"), os.path.join(site, "no-glossary"))
    env = dict(os.environ, WAYMARK_TODAY="2026-11-23")
    results = {"glossary": [], "no glossary": []}
    with outputs.output_root(args.work, args.fresh_fs) as out_root:
        for run in range(args.runs):
            for label, folder in [("glossary", "waymark"), ("no glossary", "no-glossary")]:
                out = os.path.join(out_root, f"{folder}-{run}")
                cmd = [waymark, "build", "--no-pdf", "--site", os.path.join(site, folder), "--output", out]
                results[label].append(run_once(cmd, env))
    print(f"{args.pages} pages, {args.terms} terms, median of {args.runs} runs")
    medians = {}
    for label, runs in results.items():
        wall = statistics.median(w for w, _, _ in runs)
        mem = statistics.median(m for _, m, _ in runs)
        medians[label] = wall
        print(f"{label:<12} {wall:>7.3f} s {mem:>6.0f} MB")
    added = medians["glossary"] / medians["no glossary"] - 1
    # Each run with the glossary against the run without it that followed: a measure that holds
    # when the machine's speed drifts during the invocation.
    paired = statistics.median(
        g / n - 1 for (g, _, _), (n, _, _) in zip(results["glossary"], results["no glossary"])
    )
    print(f"the glossary adds {added * 100:.1f}% to the build time (run by run: {paired * 100:.1f}%)")


if __name__ == "__main__":
    main()
