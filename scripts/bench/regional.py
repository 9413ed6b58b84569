#!/usr/bin/env python3
"""Build time of a local site on a large base, against the same pages built as one site.

    scripts/bench/regional.py [--pages 5000] [--local 100] [--runs 5]

Generates a synthetic guidance site of PAGES pages (scripts/bench/gen_site.py) as the base, and a
local site on it (`base = "../region"`) of LOCAL pages: half new pages, three tenths replacing a
base page, and a fifth adding a section to one (`extends = true`). The same pages are also laid
out as one site: the base with the replacements written over it, the new pages added, and each
addition's section appended to its base page. Both are built RUNS times (release binary, no
PDFs), taking turns, each into a new output folder; the script prints the median wall times and
the layered site's time as a ratio of the single site's.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_site  # noqa: E402
import outputs  # noqa: E402
from run import run_once  # noqa: E402

LOCAL_SECTION = (
    "## Local contacts\n\n"
    "In this area, phone the front door on 01632 960 100, Monday to Friday, 9am to 5pm. Out of "
    "hours, call the emergency duty team on 01632 960 999.\n"
)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def version_of(text):
    for line in text.splitlines():
        if line.startswith("version = "):
            return line.split("=", 1)[1].strip().strip('"')
    return "1.0"


def make_sites(work, pages, local):
    """Writes work/region, work/local (on ../region) and work/one; returns their folders."""
    gen = os.path.join(work, "gen")
    gen_site.generate(gen, pages, 200, 640)
    region, local_dir, one = (os.path.join(work, n) for n in ("region", "local", "one"))
    for d in (region, local_dir, one):
        shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(os.path.join(gen, "waymark"), region)
    shutil.copytree(os.path.join(gen, "waymark"), one)
    write(os.path.join(local_dir, "waymark.toml"),
          'base = "../region"\ntitle = "Local guidance"\npartnership = "Local Partnership"\n')

    content = os.path.join(region, "content")
    base_pages = sorted(
        os.path.relpath(os.path.join(d, f), content)
        for d, _, files in os.walk(content) for f in files
        if f.endswith(".md") and f != "_index.md" and not d.endswith("definitions")
    )
    n_new, n_replace = local // 2, local * 3 // 10
    n_extend = local - n_new - n_replace
    step = max(1, len(base_pages) // (n_replace + n_extend + n_new))
    picked = base_pages[::step]
    replaced, extended, donors = (picked[:n_replace], picked[n_replace:n_replace + n_extend],
                                  picked[n_replace + n_extend:n_replace + n_extend + n_new])
    for path in replaced:
        text = read(os.path.join(content, path))
        head, body = text.split("+++\n", 2)[1:]
        noted = f'base_version = "{version_of(head)}"\n'
        new = f"+++\n{noted}{head}+++\n{LOCAL_SECTION}\n{body}"
        write(os.path.join(local_dir, "content", path), new)
        write(os.path.join(one, "content", path), new)
    for path in extended:
        text = read(os.path.join(content, path))
        addition = (f"+++\nextends = true\nbase_version = \"{version_of(text)}\"\n"
                    f"owner = \"Local front door\"\n+++\n{LOCAL_SECTION}")
        write(os.path.join(local_dir, "content", path), addition)
        write(os.path.join(one, "content", path), text.rstrip("\n") + "\n\n" + LOCAL_SECTION)
    for i, donor in enumerate(donors):
        # A new page: a base page's text under a new name, links made to work from local/.
        text = read(os.path.join(content, donor)).replace('title = "', f'title = "Local {i} ', 1)
        folder = os.path.dirname(donor)
        text = re.sub(r"\]\((?!https?:|mailto:|tel:|#)", f"](../{folder}/", text)
        path = os.path.join("local", f"page-{i:03d}.md")
        write(os.path.join(local_dir, "content", path), text)
        write(os.path.join(one, "content", path), text)
    print(f"base {len(base_pages)} pages and their sections; local {n_new} new, "
          f"{n_replace} replacing, {n_extend} adding to base pages")
    return local_dir, one


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--local", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/waymark-bench-regional")
    parser.add_argument("--no-cargo", action="store_true",
                        help="use target/release/waymark as it is")
    outputs.add_argument(parser)
    args = parser.parse_args()

    if not args.no_cargo:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    waymark = os.path.join(ROOT, "target", "release", "waymark")
    local_dir, one = make_sites(args.work, args.pages, args.local)
    env = dict(os.environ, WAYMARK_TODAY="2026-11-23")
    times = {"one site": [], "layered": []}
    with outputs.output_root(args.work, args.fresh_fs) as root:
        for run in range(args.runs):
            for name, site in (("one site", one), ("layered", local_dir)):
                out = os.path.join(root, f"{name.replace(' ', '-')}-{run}")
                wall, rss, _ = run_once(
                    [waymark, "build", "--no-pdf", "--site", site, "--output", out], env)
                times[name].append(wall)
                print(f"  {name:9} run {run + 1}: {wall:.2f} s, {rss:.0f} MB")
    one_s, layered_s = (statistics.median(times[n]) for n in ("one site", "layered"))
    print(f"median: one site {one_s:.2f} s, layered {layered_s:.2f} s, "
          f"ratio {layered_s / one_s:.3f}")


if __name__ == "__main__":
    main()
