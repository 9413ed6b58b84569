"""Where the benchmarks' builds write.

Every run writes into a new, empty folder under one output root, and the root is deleted when
the invocation ends. By default the root is a folder on the work disk. On ext4, files created in
the minutes after thousands were deleted are slower to create (the kernel passes over recently
freed inodes one by one), so an invocation that follows another too soon is slowed by the last
one's clean-up; leave several minutes between them.

With --fresh-fs GB, the root is instead a new ext4 file system of that size, made for this
invocation in an image file on the work disk and loop-mounted (this needs root). Every
invocation then starts from the same empty file system, and dropping it at the end deletes one
file instead of thousands, so invocations can follow each other at once.
"""

import contextlib
import os
import shutil
import subprocess
import sys


def add_argument(parser):
    parser.add_argument("--fresh-fs", type=int, metavar="GB", default=0,
                        help="write outputs to a new ext4 file system of GB gigabytes (needs root)")


@contextlib.contextmanager
def output_root(work, fresh_gb):
    """The folder the runs write under: a plain folder of `work`, or a fresh file system."""
    os.makedirs(work, exist_ok=True)
    if not fresh_gb:
        root = os.path.join(work, "out")
        shutil.rmtree(root, ignore_errors=True)
        try:
            yield root
        finally:
            print(f"\ndeleting the outputs under {root}")
            shutil.rmtree(root, ignore_errors=True)
        return
    if os.geteuid() != 0:
        sys.exit("--fresh-fs needs root, to loop-mount the file system it makes: run the script "
                 "with sudo, or leave --fresh-fs out")
    image = os.path.join(work, "outputs.img")
    root = os.path.join(work, "outputs")
    if os.path.ismount(root):
        subprocess.run(["umount", root], check=True)
    with contextlib.suppress(FileNotFoundError):
        os.remove(image)
    os.makedirs(root, exist_ok=True)
    with open(image, "wb") as f:
        f.truncate(fresh_gb << 30)
    # Inode tables and journal written now, not by a kernel thread during the timed runs.
    subprocess.run(["mkfs.ext4", "-q", "-F", "-E", "lazy_itable_init=0,lazy_journal_init=0", image],
                   check=True)
    subprocess.run(["mount", "-o", "loop", image, root], check=True)
    print(f"outputs on a fresh ext4 file system of {fresh_gb} GB at {root}")
    try:
        yield root
    finally:
        subprocess.run(["umount", root], check=True)
        os.remove(image)
