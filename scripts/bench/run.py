#!/usr/bin/env python3
"""Build the same synthetic guidance site with waymark, Hugo and mdBook, side by side.

    scripts/bench/run.py [--sizes 1000,5000,10000] [--runs 5] [--tools waymark,hugo,mdbook]

For each size it generates the site (scripts/bench/gen_site.py), then runs each tool RUNS times,
taking turns, each run writing into a new, empty output folder. Outputs are deleted only once
every run is over: deleting thousands of files takes time of its own, and on ext4 files created
in the minutes after a big deletion are slower to create (the kernel skips recently freed inodes),
which would land in the next tool's time. So leave a few minutes between two invocations, or
give --fresh-fs GB to write the outputs to a new file system made for the invocation (see
outputs.py). It prints the median wall time, pages per second, the median of each run's peak memory (the largest
process's resident set), and each tool's time and memory as a ratio to waymark's; then waymark's
own steps (WAYMARK_TIMINGS=1), so the site's pages and the search index have figures apart.

waymark runs twice: "waymark" builds everything `waymark build` makes except PDFs (pages, search
index, glossary, pack print pages); "waymark+pdf" adds the PDFs when the binary has the `pdf`
feature and the site defines packs. Hugo and mdBook are skipped if they are not installed (Debian
package `hugo`; `cargo install mdbook`).
"""

import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import outputs  # noqa: E402


def run_once(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB, stderr). Files the previous run wrote are
    flushed to disk first, so the kernel's writing them out does not land in this run's time."""
    os.sync()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stderr


def step_times(stderr):
    """waymark's top-level `timing: <step> <ms> ms` lines, as {step: ms}, in order."""
    steps = {}
    for line in stderr.splitlines():
        m = re.match(r"timing: (\S.*?)\s+([\d.]+) ms", line)
        if m:
            steps[m.group(1)] = float(m.group(2))
    return steps


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return None


def tools(site_dir, out, waymark, wanted, pdf):
    """Each tool as (name, command for an output folder, environment)."""
    env = dict(os.environ, WAYMARK_TODAY="2026-11-23", WAYMARK_TIMINGS="1")
    table = {
        "waymark": (
            lambda o: [waymark, "build", "--site", f"{site_dir}/waymark", "--output", o] + (["--no-pdf"] if pdf else []),
            env,
        ),
        "waymark+pdf": (
            lambda o: [waymark, "build", "--site", f"{site_dir}/waymark", "--output", o],
            env,
        ),
        "hugo": (
            lambda o: ["hugo", "--source", f"{site_dir}/hugo", "--destination", o, "--quiet"],
            None,
        ),
        "mdbook": (
            lambda o: ["mdbook", "build", f"{site_dir}/mdbook", "--dest-dir", o],
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
    outputs.add_argument(parser)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    waymark = os.path.join(ROOT, "target", "release", "waymark")
    has_pdf = "--no-pdf" in subprocess.run([waymark, "build", "--help"], capture_output=True, text=True).stdout

    print(f"machine: {os.cpu_count()} cores, {platform_memory()}")
    for name, cmd in [("waymark", [waymark, "--version"]), ("hugo", ["hugo", "version"]), ("mdbook", ["mdbook", "--version"])]:
        v = version(cmd) if shutil.which(cmd[0]) or os.path.exists(cmd[0]) else None
        print(f"{name}: {v or 'not installed'}")

    wanted = args.tools.split(",")
    with outputs.output_root(args.work, args.fresh_fs) as out_root:
        for size in [int(s) for s in args.sizes.split(",")]:
            bench_size(args, size, waymark, wanted, has_pdf, out_root)


def bench_size(args, size, waymark, wanted, has_pdf, out_root):
    """Generates the site of `size` pages and times every tool on it."""
    site_dir = os.path.join(args.work, f"site-{size}-terms-{args.terms}")
    # The generator is deterministic, so a site already made is reused: regenerating deletes and
    # writes thousands of files just before the timed runs (see above).
    with open(os.path.join(HERE, "gen_site.py"), "rb") as f:
        generator = hashlib.sha256(f.read()).hexdigest()
    marker = os.path.join(site_dir, "complete")
    if not os.path.exists(marker) or open(marker).read() != generator:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), site_dir, "--pages", str(size),
                        "--terms", str(args.terms)], check=True)
        with open(os.path.join(site_dir, "waymark", "waymark.toml"), "a") as f:
            f.write('\n[[packs]]\nslug = "strategy"\ntitle = "Strategy"\ninclude = ["strategy/part-000/"]\n')
        with open(marker, "w") as f:
            f.write(generator)
    pages = sum(1 for _, _, files in os.walk(os.path.join(site_dir, "waymark", "content")) for f in files if f.endswith(".md"))
    chosen = tools(site_dir, out_root, waymark, wanted, has_pdf)
    results = {name: [] for name, *_ in chosen}
    for run in range(args.runs):
        for name, cmd, env in chosen:
            out = os.path.join(out_root, f"{size}-{name}-{run}")
            results[name].append(run_once(cmd(out), env))
    base = statistics.median(w for w, _, _ in results["waymark"]) if "waymark" in results else None
    base_mem = statistics.median(m for _, m, _ in results["waymark"]) if "waymark" in results else None
    print(f"\n{pages} pages, median of {args.runs} runs")
    print(f"{'tool':<12} {'wall s':>8} {'pages/s':>9} {'peak MB':>8} {'time vs waymark':>16} {'memory vs waymark':>18}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _, _ in runs)
        mem = statistics.median(m for _, m, _ in runs)
        ratio = f"{wall / base:.2f}x" if base else "-"
        mratio = f"{mem / base_mem:.2f}x" if base_mem else "-"
        print(f"{name:<12} {wall:>8.3f} {pages / wall:>9.0f} {mem:>8.0f} {ratio:>16} {mratio:>18}")
    for name, runs in results.items():
        if not name.startswith("waymark"):
            continue
        steps = [step_times(err) for _, _, err in runs]
        names = [n for n in steps[0] if not n.startswith(" ")] if steps and steps[0] else []
        if names:
            parts = ", ".join(f"{n} {statistics.median(s.get(n, 0) for s in steps):.0f} ms" for n in names)
            print(f"  {name} steps (median): {parts}")


def platform_memory():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GiB memory"
    except OSError:
        return "memory unknown"


if __name__ == "__main__":
    main()
