#!/usr/bin/env python3
"""Worst cases of issue 14, item 3 (docs/PERFORMANCE.md, "Hostile input: worst cases").

Each hostile input is timed next to a baseline of the same size measured in the same run,
and printed as a ratio, because the machine is shared and noisy:

- prose masking: a post-mortem whose body is N unclosed link openers `](` against one of
  the same size in plain prose (`pm check FILE`);
- a crafted index claiming 4 billion entries (`pm check --staged` with GIT_INDEX_FILE)
  against the repository's real index: peak memory (ru_maxrss of the child);
- a long timeline: N lines without times against N lines with times, with the output size.

Usage: benches/security.py [PM_BINARY] (default target/release/pm, else target/debug/pm).
Python 3.11 stdlib only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = (
    '+++\nid = "2026-01-01-x"\ntitle = "X"\nstatus = "draft"\nseverity = "SEV3"\n'
    'services = ["api"]\nstarted = 2026-01-01T10:00:00Z\n+++\n# X\n\n## Summary\n\n'
)


def binary() -> str:
    if len(sys.argv) > 1:
        return sys.argv[1]
    for p in (ROOT / "target/release/pm", ROOT / "target/debug/pm"):
        if p.exists():
            return str(p)
    sys.exit("build pm first")


def run(pm: str, args: list[str], cwd: Path, env: dict[str, str] | None = None):
    """(seconds, peak RSS in KiB of this child, stdout bytes)."""
    # Through a fresh Python per run: RUSAGE_CHILDREN is the peak over all children so far.
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "out = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "took = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(out.returncode, took, rss, len(out.stdout))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, pm, *args], cwd=cwd, capture_output=True, env=env, text=True
    )
    code, took, rss, size = out.stdout.split()
    if int(code) not in (0, 1, 2):
        sys.exit(f"pm {args} exited {code}")
    return float(took), int(rss), int(size)


def best(pm, args, cwd, env=None, n=3):
    return min(run(pm, args, cwd, env)[0] for _ in range(n))


def main() -> None:
    pm = binary()
    tmp = Path(tempfile.mkdtemp(prefix="pm-sec-bench-"))
    env = dict(os.environ, HOME=str(tmp), GIT_CONFIG_NOSYSTEM="1", PM_TODAY="2026-03-05")
    repo = tmp / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True, env=env)
    folder = repo / "postmortems/2026"
    folder.mkdir(parents=True)
    print(f"pm: {pm}")
    print("case | size | hostile | baseline | ratio")
    for kib in (80, 320, 1280):
        n = kib * 1024 // 2
        (folder / "2026-01-01-x.md").write_text(HEAD + "](" * n + "\n")
        hostile = best(pm, ["check", "postmortems/2026/2026-01-01-x.md"], repo, env)
        words = ("the cache was cold " * (n // 10 + 1))[: 2 * n]
        (folder / "2026-01-01-x.md").write_text(HEAD + words + "\n")
        base = best(pm, ["check", "postmortems/2026/2026-01-01-x.md"], repo, env)
        print(f"unclosed `](` | {kib} KiB | {hostile:.3f} s | {base:.3f} s | {hostile / base:.2f}")
    # A crafted index: a valid header claiming 2^32-1 entries, then 64 bytes.
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    crafted = tmp / "crafted-index"
    crafted.write_bytes(b"DIRC" + (2).to_bytes(4, "big") + (2**32 - 1).to_bytes(4, "big") + bytes(84))
    _, real_rss, _ = run(pm, ["check", "--staged"], repo, env)
    _, crafted_rss, _ = run(pm, ["check", "--staged"], repo, dict(env, GIT_INDEX_FILE=str(crafted)))
    print(f"index claiming 4,294,967,295 entries | 96 B | peak {crafted_rss} KiB | "
          f"peak {real_rss} KiB (real index) | {crafted_rss / max(real_rss, 1):.2f}")
    # Many findings in one file: timeline lines without a time.
    lines = 20000
    bad = HEAD + "## Timeline\n\n" + "- something happened\n" * lines
    good = HEAD + "## Timeline\n\n" + "".join(f"- 10:{i % 60:02d} UTC: x\n" for i in range(lines))
    (folder / "2026-01-01-x.md").write_text(bad)
    t_bad, _, out_bad = run(pm, ["check", "postmortems/2026/2026-01-01-x.md"], repo, env)
    (folder / "2026-01-01-x.md").write_text(good)
    t_good, _, out_good = run(pm, ["check", "postmortems/2026/2026-01-01-x.md"], repo, env)
    print(f"{lines} timeline lines without a time | {len(bad) // 1024} KiB | {t_bad:.3f} s, {out_bad} B out | "
          f"{t_good:.3f} s, {out_good} B out | {t_bad / t_good:.2f}")


if __name__ == "__main__":
    main()
