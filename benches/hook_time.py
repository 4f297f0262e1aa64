#!/usr/bin/env python3
"""Median wall time of commands run alternately, for machines without hyperfine.

usage: python3 benches/hook_time.py NAME=COMMAND... [--runs N] [--warmup N] [--reload]

Run it in the repository to measure (e.g. `pm check --staged --hook` against `git diff --cached
--name-only` with one post-mortem staged). `bench.py` measures the same pair in its full run on
the 10,000-post-mortem repository, one command's runs after the other; this script times any
repository, and alternates the commands after the warm-up runs, so a change of machine load
touches all of them alike. Each run is `bench.run_once` (PM_TODAY=2026-11-30, NO_COLOR=1,
output discarded). Prints each command's median and minimum in milliseconds and the ratio of
each median to the last command's. The time includes starting the process from Python (about a
millisecond here), as hyperfine's does not.

`--reload` first drops each command's executable from the page cache (`posix_fadvise` with
`POSIX_FADV_DONTNEED`, Linux), so the warm-up reads it back page by page, as after a reboot. A
binary just written (by `cargo build` or `cp`) sits in the cache in large folios, and on a
machine where page faults are dear it runs up to a fifth faster than the same bytes read back
(docs/PERFORMANCE.md, "Round 54"): without the flag, a fresh build is flattered.
"""
import argparse
import os
import shlex
import shutil
import statistics

from bench import run_once


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--reload", action="store_true", help="drop the executables from the page cache first")
    args = ap.parse_args()
    env = dict(os.environ, PM_TODAY="2026-11-30", NO_COLOR="1")
    cmds = {}
    for spec in args.commands:
        name, sep, cmd = spec.partition("=")
        if not sep or not cmd:
            ap.error(f"expected NAME=COMMAND, got {spec!r}")
        cmds[name] = shlex.split(cmd)

    def wall(cmd):
        return run_once(cmd, os.getcwd(), env)[0]

    if args.reload:
        for cmd in cmds.values():
            path = shutil.which(cmd[0])
            if path is None:
                ap.error(f"{cmd[0]!r} not found")
            fd = os.open(path, os.O_RDONLY)
            try:
                # Written pages are dropped only once they are on disk.
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)

    for _ in range(args.warmup):
        for cmd in cmds.values():
            wall(cmd)
    times = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            times[name].append(wall(cmd))
    last = statistics.median(list(times.values())[-1])
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name}: median {med * 1000:.2f} ms, min {min(ts) * 1000:.2f} ms, {med / last:.2f}x")


if __name__ == "__main__":
    main()
