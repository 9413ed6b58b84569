#!/usr/bin/env python3
"""Live preview figures on a generated guidance site.

    scripts/bench/serve.py [--pages 1000] [--edits 15]

Starts `waymark serve` (release build) on the site, then measures, from the moment a file is
saved to the moment the server returns the rebuilt page:
  - a page edit (one page's body changes),
  - a template edit (every page is rebuilt).
Then, if `wrk` is installed, requests per second on loopback for a page and for the search index.
Prints median and worst times.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", "replace")


def wait_for(url, token, limit=10.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if token in fetch(url):
            return True
        time.sleep(0.001)
    return False


def timed_edits(path, url, edits, change):
    times = []
    original = open(path, encoding="utf-8").read()
    for n in range(edits):
        token = f"edit-token-{n}-{time.monotonic_ns()}"
        text = change(original, token)
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if not wait_for(url, token):
            sys.exit(f"the edit to {path} never showed at {url}")
        times.append((time.monotonic() - start) * 1000)
        time.sleep(0.3)
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--work", default="/tmp/waymark-serve-bench")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    waymark = os.path.join(ROOT, "target", "release", "waymark")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), args.work, "--pages", str(args.pages)], check=True)
    site = os.path.join(args.work, "waymark")
    os.makedirs(os.path.join(site, "templates"), exist_ok=True)
    shutil.copy(os.path.join(ROOT, "templates", "page.html"), os.path.join(site, "templates", "page.html"))

    serve = subprocess.Popen([waymark, "serve", "--port", "0", "--site", site],
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                             env=dict(os.environ, WAYMARK_TODAY="2026-11-23"))
    try:
        addr = None
        for line in serve.stderr:
            match = re.search(r"at http://([^/]+)/", line)
            if match:
                addr = match.group(1)
                break
        if not addr:
            sys.exit("waymark serve did not start")
        page = "strategy/part-000/page-00000"
        url = f"http://{addr}/{page}.html"
        md = os.path.join(site, "content", page + ".md")

        page_times = timed_edits(md, url, args.edits, lambda text, token: text + f"\n\nA new paragraph {token}.\n")
        template = os.path.join(site, "templates", "page.html")
        template_times = timed_edits(template, url, max(3, args.edits // 3),
                                     lambda text, token: text.replace("{% endblock main %}", f"<p>{token}</p>\n{{% endblock main %}}"))

        print(f"{args.pages} pages; time from save to rebuilt page served (ms)")
        for name, times in [("page edit", page_times), ("template edit", template_times)]:
            print(f"  {name:<14} median {statistics.median(times):7.1f}   worst {max(times):7.1f}   ({len(times)} edits)")

        if shutil.which("wrk"):
            index = "search/index.js"
            for name, path in [("page", page + ".html"), ("search index", index)]:
                out = subprocess.run(["wrk", "-t2", "-c16", "-d5s", f"http://{addr}/{path}"], capture_output=True, text=True).stdout
                rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
                print(f"  wrk {name:<13} {float(rps.group(1)):9.0f} requests/s" if rps else out)
        else:
            print("  (wrk is not installed: requests per second skipped)")
    finally:
        serve.terminate()
        serve.wait()


if __name__ == "__main__":
    main()
