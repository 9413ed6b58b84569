#!/usr/bin/env python3
"""Build the same synthetic guidance site with waymark, Hugo and mdBook, side by side.

    scripts/bench/run.py [--sizes 1000,5000,10000] [--runs 5] [--tools waymark,hugo,mdbook]

For each size it generates the site (scripts/bench/gen_site.py), then runs each tool RUNS times,
taking turns, with a fresh output folder for every run: the old output is deleted before the clock
starts, so deleting thousands of files is never in anyone's time. It prints the median wall time,
pages per second, the median of each run's peak memory (the largest process's resident set), and
each tool's time and memory as a ratio to waymark's.

waymark runs twice: "waymark" builds everything `waymark build` makes except PDFs (pages, search
index, glossary, pack print pages); "waymark+pdf" adds the PDFs when the binary has the `pdf`
feature and the site defines packs. Hugo and mdBook are skipped if they are not installed (Debian
package `hugo`; `cargo install mdbook`).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_once(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{stderr}")
    return wall, usage.ru_maxrss / 1024


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return None


def tools(site_dir, waymark, wanted, pdf):
    out = os.path.join(site_dir, "out")
    env = dict(os.environ, WAYMARK_TODAY="2026-11-23")
    table = {
        "waymark": (
            [waymark, "build", "--site", f"{site_dir}/waymark", "--output", f"{out}/waymark"] + (["--no-pdf"] if pdf else []),
            f"{out}/waymark",
            env,
        ),
        "waymark+pdf": (
            [waymark, "build", "--site", f"{site_dir}/waymark", "--output", f"{out}/waymark-pdf"],
            f"{out}/waymark-pdf",
            env,
        ),
        "hugo": (
            ["hugo", "--source", f"{site_dir}/hugo", "--destination", f"{out}/hugo", "--quiet"],
            f"{out}/hugo",
            None,
        ),
        "mdbook": (
            ["mdbook", "build", f"{site_dir}/mdbook", "--dest-dir", f"{out}/mdbook"],
            f"{out}/mdbook",
            None,
        ),
    }
    chosen = []
    for name in wanted:
        if name == "waymark+pdf" and not pdf:
            continue
        if name in ("hugo", "mdbook") and shutil.which(name) is None:
            print(f"  ({name} is not installed: skipped)")
            continue
        chosen.append((name, *table[name]))
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tools", default="waymark,waymark+pdf,hugo,mdbook")
    parser.add_argument("--work", default="/tmp/waymark-bench")
    parser.add_argument("--terms", type=int, default=200)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    waymark = os.path.join(ROOT, "target", "release", "waymark")
    has_pdf = "--no-pdf" in subprocess.run([waymark, "build", "--help"], capture_output=True, text=True).stdout

    print(f"machine: {os.cpu_count()} cores, {platform_memory()}")
    for name, cmd in [("waymark", [waymark, "--version"]), ("hugo", ["hugo", "version"]), ("mdbook", ["mdbook", "--version"])]:
        v = version(cmd) if shutil.which(cmd[0]) or os.path.exists(cmd[0]) else None
        print(f"{name}: {v or 'not installed'}")

    wanted = args.tools.split(",")
    for size in [int(s) for s in args.sizes.split(",")]:
        site_dir = os.path.join(args.work, f"site-{size}")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), site_dir, "--pages", str(size),
                        "--terms", str(args.terms)], check=True)
        with open(os.path.join(site_dir, "waymark", "waymark.toml"), "a") as f:
            f.write('\n[[packs]]\nslug = "strategy"\ntitle = "Strategy"\ninclude = ["strategy/part-000/"]\n')
        pages = sum(1 for _, _, files in os.walk(os.path.join(site_dir, "waymark", "content")) for f in files if f.endswith(".md"))
        chosen = tools(site_dir, waymark, wanted, has_pdf)
        results = {name: [] for name, *_ in chosen}
        for _ in range(args.runs):
            for name, cmd, out, env in chosen:
                shutil.rmtree(out, ignore_errors=True)
                results[name].append(run_once(cmd, env))
        base = statistics.median(w for w, _ in results["waymark"]) if "waymark" in results else None
        base_mem = statistics.median(m for _, m in results["waymark"]) if "waymark" in results else None
        print(f"\n{pages} pages, median of {args.runs} runs")
        print(f"{'tool':<12} {'wall s':>8} {'pages/s':>9} {'peak MB':>8} {'time vs waymark':>16} {'memory vs waymark':>18}")
        for name, runs in results.items():
            wall = statistics.median(w for w, _ in runs)
            mem = statistics.median(m for _, m in runs)
            ratio = f"{wall / base:.2f}x" if base else "-"
            mratio = f"{mem / base_mem:.2f}x" if base_mem else "-"
            print(f"{name:<12} {wall:>8.3f} {pages / wall:>9.0f} {mem:>8.0f} {ratio:>16} {mratio:>18}")


def platform_memory():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GiB memory"
    except OSError:
        return "memory unknown"


if __name__ == "__main__":
    main()
