#!/usr/bin/env python3
"""Measurements for `benches/run.sh` (see docs/PERFORMANCE.md). Python 3.11 stdlib only.

Every figure is printed next to a baseline measured in the same run, as a ratio, because the
machine is shared and noisy. A measurement whose command fails (for instance a `pm` feature
that is not built yet and exits 2) prints `SKIPPED (<reason>)` and the run goes on.

Exit status: 0 when every measurement ran or was skipped because a command exited 2
("not available yet" or a usage error); 1 when something broke (a panic, a crash, the
generator or the baseline failing), or with --strict when anything was skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (label, post-mortems, commits after the root). "M" is the main repository of the targets.
FULL_REPOS = [("S", 1000, 2000), ("M", 10000, 20000), ("L", 50000, 100000)]
SMOKE_REPOS = [("S", 100, 200), ("M", 300, 400), ("L", 600, 800)]
# Documents each peer is timed on (an evenly spaced subset of repository M; None = all).
FULL_PEER_SUBSET = {"alex": 100, "write-good": 500, "markdownlint-cli2": 2000}
PM_TODAY = "2026-01-05"


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return "no message"


class Skip(Exception):
    """A measurement that cannot be taken; `broken` marks an unexpected failure."""

    def __init__(self, reason: str, broken: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.broken = broken


def run_once(cmd, cwd, env):
    """Runs `cmd` once in `cwd` with `env`, output discarded: (wall seconds, cpu seconds, peak
    RSS KB, exit code, stderr). Also used by `hook_time.py`."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code, stderr


class Bench:
    def __init__(self, args):
        self.args = args
        self.smoke = args.smoke
        self.pm = str(args.pm)
        self.work = args.work
        self.env = dict(os.environ, PM_TODAY=PM_TODAY, NO_COLOR="1", GIT_CONFIG_NOSYSTEM="1",
                        GIT_PAGER="cat", PAGER="cat")
        self.hyperfine = None if (self.smoke or args.no_hyperfine) else shutil.which("hyperfine")
        self.gnu_time = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
        self.rows: list[dict] = []
        self.broken = 0
        self.skipped = 0
        self.repos: dict[str, dict] = {}

    # ---- running commands --------------------------------------------------------------
    def run_once(self, cmd, cwd):
        """One run: (wall seconds, cpu seconds, peak RSS KB, exit code, stderr)."""
        return run_once(cmd, cwd, self.env)

    def probe(self, cmd, cwd, ok_codes=(0, 1)):
        """Runs `cmd` once; raises Skip unless its exit code is acceptable. Returns its wall time."""
        try:
            wall, _, _, code, stderr = self.run_once(cmd, cwd)
        except OSError as e:
            raise Skip(f"cannot run {cmd[0]}: {e}")
        if code in ok_codes:
            return wall
        if code == 2:
            raise Skip(f"exit 2: {first_line(stderr)}")
        raise Skip(f"exit {code}: {first_line(stderr)}", broken=code < 0 or code == 101)

    def runs_for(self, probe_wall: float) -> tuple[int, int]:
        if self.smoke:
            return 5, 1
        # About 30 s a command; very slow ones (the 50k/100k scaling points) get 2 runs.
        runs = int(max(2 if probe_wall > 20 else 3, min(20, 30 / max(probe_wall, 1e-3))))
        return runs, (0 if probe_wall > 3 else 2)

    def timeit(self, cmd, cwd, probe_wall):
        """Times `cmd`: {median, min, cpu, runs}. hyperfine in full mode, repeated runs otherwise."""
        runs, warmup = self.runs_for(probe_wall)
        if self.hyperfine:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                hf = [self.hyperfine, "-N", "-i", "--style", "none", "--runs", str(runs),
                      "--warmup", str(warmup), "--export-json", out.name, shlex.join(cmd)]
                p = subprocess.run(hf, cwd=cwd, env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
                if p.returncode != 0:
                    raise Skip(f"hyperfine failed: {first_line(p.stderr)}", broken=True)
                r = json.load(open(out.name))["results"][0]
                return {"median": r["median"], "min": r["min"], "cpu": r["user"] + r["system"],
                        "mean": r["mean"], "runs": len(r["times"])}
        for _ in range(warmup):
            self.run_once(cmd, cwd)
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu, _, _, _ = self.run_once(cmd, cwd)
            walls.append(wall)
            cpus.append(cpu)
        return {"median": statistics.median(walls), "min": min(walls),
                "cpu": statistics.median(cpus), "mean": statistics.fmean(walls), "runs": runs}

    def peak_rss_kb(self, cmd, cwd):
        if self.gnu_time:
            with tempfile.NamedTemporaryFile("r") as out:
                subprocess.run([self.gnu_time, "-v", "-o", out.name, *cmd], cwd=cwd, env=self.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for line in out.read().splitlines():
                    if "Maximum resident set size" in line:
                        return int(line.rsplit(":", 1)[1])
        return self.run_once(cmd, cwd)[2]

    # ---- recording ----------------------------------------------------------------------
    def measure(self, section, name, cmd, cwd, ok_codes=(0, 1)):
        """Probes and times a command; prints and records the row. Returns its stats or None."""
        row = {"section": section, "name": name, "command": shlex.join(cmd), "cwd": str(cwd)}
        try:
            probe_wall = self.probe(cmd, cwd, ok_codes)
            try:
                stats = self.timeit(cmd, cwd, probe_wall)
            except OSError as e:
                raise Skip(f"cannot time it: {e}", broken=True)
        except Skip as s:
            self.note_skip(row, s)
            return None
        row.update(stats)
        row["status"] = "ok"
        self.rows.append(row)
        print(f"  {name:<46} median {fmt_s(stats['median']):>10}  min {fmt_s(stats['min']):>10}  "
              f"cpu {fmt_s(stats['cpu']):>10}  ({stats['runs']} runs)", flush=True)
        return stats

    def note_skip(self, row, s: Skip):
        row["status"] = "broken" if s.broken else "skipped"
        row["reason"] = s.reason
        self.rows.append(row)
        if s.broken:
            self.broken += 1
        else:
            self.skipped += 1
        print(f"  {row['name']:<46} {'BROKEN' if s.broken else 'SKIPPED'} ({s.reason})", flush=True)

    def ratio(self, section, name, value, base, target=None, unit="x", note="", cpu=None):
        """Records value/base (or an absolute figure when base is None) against a target.
        `cpu` is (value, base) in CPU seconds: shown beside the wall-clock ratio because CPU
        time suffers less than wall time when other work shares the machine."""
        row = {"section": section, "name": name, "kind": "ratio"}
        if value is None or (base is not None and not base):
            row.update(status="skipped", reason="a figure it needs was skipped")
            self.rows.append(row)
            print(f"  -> {name:<43} SKIPPED (a figure it needs was skipped)")
            return None
        r = value / base if base is not None else value
        row.update(status="ok", value=r, target=target, unit=unit, note=note)
        if cpu and cpu[0] and cpu[1]:
            row["cpu_ratio"] = cpu[0] / cpu[1]
            note = f"(cpu-time ratio {row['cpu_ratio']:.2f}) {note}".strip()
        verdict = ""
        if target is not None:
            good = r <= target if unit != "x faster" else r >= target
            row["met"] = good
            cmp = ">=" if unit == "x faster" else "<="
            shown_target = fmt_s(target) if unit == "s" else (f"{target:g} MB" if unit == "MB" else f"{target:g}")
            verdict = f"   target {cmp} {shown_target}: {'met' if good else 'MISSED'}"
            if self.smoke:
                verdict += " (smoke sizes: not a verdict)"
        shown = fmt_s(r) if unit == "s" else (f"{r:.1f} MB" if unit == "MB" else f"{r:.2f} {unit}")
        print(f"  -> {name:<43} {shown}{verdict}{'  ' + note if note else ''}", flush=True)
        self.rows.append(row)
        return r

    # ---- repositories -------------------------------------------------------------------
    def generate(self, label, n, m):
        out = self.work / "repos" / f"{label}-{n}-{m}"
        summary = self.work / "repos" / f"{label}-{n}-{m}.json"
        stamp_key = {"n": n, "m": m, "seed": self.args.seed,
                     "generator": hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()}
        stamp = self.work / "repos" / f"{label}-{n}-{m}.stamp"
        if self.args.reuse and stamp.exists() and json.loads(stamp.read_text()) == stamp_key \
                and (out / "pm.toml").exists():
            info = json.loads(summary.read_text())
            info["reused"] = True
            print(f"  repo {label}: reusing {out} ({n} post-mortems, {m} commits)")
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            p = subprocess.run([sys.executable, str(HERE / "generate.py"), "--out", str(out),
                                "--postmortems", str(n), "--commits", str(m), "--seed",
                                str(self.args.seed), "--force", "--summary", str(summary)],
                               env=self.env, stderr=subprocess.PIPE, text=True)
            wall = time.perf_counter() - start
            if p.returncode != 0:
                raise SystemExit(f"bench: the generator failed for repo {label}:\n{p.stderr}")
            info = json.loads(summary.read_text())
            info["wall"] = wall
            stamp.write_text(json.dumps(stamp_key))
            s = info["seconds"]
            print(f"  repo {label}: {n} post-mortems, {m + 1} commits in {fmt_s(wall)} "
                  f"(generate+stream {s['generate_and_stream']} s, fast-import tail "
                  f"{s['fast_import_finish']} s, checkout {s['checkout']} s; "
                  f"{info['stream_mb']} MB streamed; CPU: python "
                  f"{info.get('cpu_seconds', {}).get('python', '?')} s, git "
                  f"{info.get('cpu_seconds', {}).get('git', '?')} s)", flush=True)
            self.rows.append({"section": "generator", "name": f"generate {label}", "status": "ok",
                              "median": wall, "detail": info})
        info["path"] = out
        info["n"], info["m"] = n, m
        self.repos[label] = info
        return info


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="pm benchmarks (run through benches/run.sh)")
    p.add_argument("--smoke", action="store_true", help="small repositories, no hyperfine, no npm peers")
    p.add_argument("--pm", type=Path, required=True)
    p.add_argument("--baseline", type=Path, required=True)
    p.add_argument("--tools", type=Path, help="node_modules/.bin with alex, write-good, markdownlint-cli2")
    p.add_argument("--work", type=Path, required=True, help="folder for repositories and results")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reuse", action="store_true", help="reuse repositories generated by an earlier run")
    p.add_argument("--no-hyperfine", action="store_true")
    p.add_argument("--strict", action="store_true", help="exit 1 when any measurement was skipped")
    args = p.parse_args(argv)
    b = Bench(args)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    pm = b.pm
    repos = SMOKE_REPOS if args.smoke else FULL_REPOS
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    print(f"pm benchmarks ({'smoke' if args.smoke else 'full'}) at {commit}{' (+ uncommitted changes)' if dirty else ''}, "
          f"{dt.datetime.now().isoformat(timespec='seconds')}; {os.cpu_count()} CPUs, load "
          f"{os.getloadavg()[0]:.1f}; timing with {'hyperfine' if b.hyperfine else 'repeated runs'}")

    print("\n== generator ==")
    for label, n, m in repos:
        b.generate(label, n, m)
    main_repo = b.repos["M"]
    main_path = main_repo["path"]
    main_n = main_repo["n"]

    # ---- pm check against comrak alone -----------------------------------------------------
    print(f"\n== pm check vs comrak alone ({main_n} post-mortems, repo M) ==")
    base_par = b.measure("check", "comrak baseline, rayon (default threads)",
                         [str(args.baseline), "postmortems"], main_path, ok_codes=(0,))
    base_ser = b.measure("check", "comrak baseline, 1 thread",
                         [str(args.baseline), "--threads", "1", "postmortems"], main_path, ok_codes=(0,))
    if base_par is None or base_ser is None:
        b.broken += 1
    check = b.measure("check", "pm check (all rules)", [pm, "check"], main_path)
    if check is not None and base_par is not None and base_ser is not None:
        parallel = check["cpu"] > 1.15 * check["median"]
        base = base_par if parallel else base_ser
        b.ratio("check", "pm check / comrak alone", check["median"], base["median"], 1.5,
                cpu=(check["cpu"], base["cpu"]), note=f"(vs the {'rayon' if parallel else '1-thread'} baseline: pm used "
                     f"{check['cpu'] / check['median']:.2f} CPUs)")
        b.ratio("check", "pm check / comrak alone (1 thread)", check["median"], base_ser["median"],
                cpu=(check["cpu"], base_ser["cpu"]))
    else:
        b.ratio("check", "pm check / comrak alone", None, None, 1.5)

    # ---- peers ---------------------------------------------------------------------------
    print(f"\n== peers, per document (repo M) ==")
    files = sorted(str(f.relative_to(main_path)) for f in (main_path / "postmortems").rglob("*.md"))
    per_doc_pm = check["median"] / main_n if check else None
    if check:
        print(f"  pm check per document: {per_doc_pm * 1e6:.0f} us")
    peers = [("alex", 100.0), ("write-good", 1.0), ("markdownlint-cli2", 1.0)]
    for peer, target in peers:
        row = {"section": "peers", "name": f"{peer}"}
        exe = args.tools / peer if args.tools else None
        if args.smoke or exe is None or not exe.exists():
            b.note_skip(row, Skip("smoke mode: npm peers are not used" if args.smoke
                                  else f"{peer} is not installed (run.sh installs it with npm)"))
            b.ratio("peers", f"{peer} per doc / pm check per doc", None, None, target, "x faster")
            continue
        k = FULL_PEER_SUBSET.get(peer) or len(files)
        k = min(k, len(files))
        subset = files[:: max(1, len(files) // k)][:k]
        # Copies with short names: thousands of full paths overflow one hyperfine argument.
        peer_dir = args.work / "peer-subsets" / str(k)
        if not (peer_dir / f"{k:05d}.md").exists():
            peer_dir.mkdir(parents=True, exist_ok=True)
            for i, f in enumerate(subset, 1):
                shutil.copyfile(main_path / f, peer_dir / f"{i:05d}.md")
        names = [f"{i:05d}.md" for i in range(1, k + 1)]
        stats = b.measure("peers", f"{peer} on {k} documents", [str(exe), *names], peer_dir,
                          ok_codes=tuple(range(0, 256)))
        if stats:
            per_doc = stats["median"] / k
            print(f"  {peer} per document: {per_doc * 1e6:.0f} us (node start-up included, "
                  f"amortised over {k} documents)")
            b.ratio("peers", f"{peer} per doc / pm check per doc", per_doc if check else None,
                    per_doc_pm, target, "x faster",
                    cpu=(stats["cpu"] / k, check["cpu"] / main_n) if check else None)
        else:
            b.ratio("peers", f"{peer} per doc / pm check per doc", None, None, target, "x faster")

    # ---- the pre-commit hook ----------------------------------------------------------------
    print("\n== pre-commit hook: one staged post-mortem (repo M) ==")
    staged_file = files[-1]
    target_file = main_path / staged_file
    original = target_file.read_bytes()
    try:
        target_file.write_bytes(original + b"\nA reviewer asked for the retry budget to be "
                                          b"documented next to the pool limit.\n")
        subprocess.run(["git", "add", staged_file], cwd=main_path, env=b.env, check=True)
        diff = b.measure("hook", "git diff --cached --name-only",
                         ["git", "diff", "--cached", "--name-only"], main_path, ok_codes=(0,))
        staged = b.measure("hook", "pm check --staged", [pm, "check", "--staged"], main_path)
        b.ratio("hook", "pm check --staged median", staged and staged["median"], None, 0.025, "s")
        b.ratio("hook", "pm check --staged / git diff --cached",
                staged and staged["median"], diff and diff["median"], 3,
                cpu=(staged["cpu"], diff["cpu"]) if staged and diff else None)
    finally:
        subprocess.run(["git", "reset", "-q", "--hard", "HEAD"], cwd=main_path, env=b.env)

    # ---- followup -------------------------------------------------------------------------------
    print("\n== pm followup --since (repo M) ==")

    def followup(label):
        info = b.repos[label]
        path, m = info["path"], info["m"]
        rev = subprocess.run(["git", "rev-parse", f"HEAD~{m}"], cwd=path, env=b.env,
                             capture_output=True, text=True).stdout.strip()
        git_log = b.measure("followup", f"git log --raw, {m} commits ({label})",
                            ["git", "log", "--format=%H", "--raw", f"{rev}..HEAD", "--", "postmortems/"],
                            path, ok_codes=(0,))
        fu = b.measure("followup", f"pm followup --since, {m} commits ({label})",
                       [pm, "followup", "--since", rev], path)
        return fu, git_log

    fu, git_log = followup("M")
    b.ratio("followup", "pm followup --since / git log --raw", fu and fu["median"],
            git_log and git_log["median"], 2,
            cpu=(fu["cpu"], git_log["cpu"]) if fu and git_log else None)

    # ---- list and memory -------------------------------------------------------------------------
    print(f"\n== pm list and peak memory (repo M) ==")
    lst = b.measure("list", "pm list", [pm, "list"], main_path)
    b.ratio("list", "pm list median", lst and lst["median"], None, 0.3, "s")
    if base_par:
        b.ratio("list", "pm list / comrak alone (context)", lst and lst["median"], base_par["median"])
    for name, cmd, target in [("pm check", [pm, "check"], 100.0), ("pm list", [pm, "list"], None),
                              ("comrak baseline", [str(args.baseline), "postmortems"], None)]:
        row = {"section": "memory", "name": f"peak RSS: {name}"}
        try:
            b.probe(cmd, main_path, ok_codes=(0, 1))
            kb = b.peak_rss_kb(cmd, main_path)
            print(f"  peak RSS: {name:<36} {kb / 1024:.1f} MB")
            row.update(status="ok", value=kb)
            b.rows.append(row)
            if target:
                b.ratio("memory", f"peak RSS of {name}", kb / 1024, None, target, "MB")
        except Skip as s:
            b.note_skip(row, s)
            if target:
                b.ratio("memory", f"peak RSS of {name}", None, None, target, "MB")

    # ---- scaling -----------------------------------------------------------------------------------
    print("\n== scaling ==")
    for label, n, m in repos:
        path = b.repos[label]["path"]
        print(f" repo {label}: {n} post-mortems, {m} commits")
        if label == "M":
            c, l, base = check, lst, base_par
        else:
            base = b.measure("scaling", f"comrak baseline ({label})", [str(args.baseline), "postmortems"],
                             path, ok_codes=(0,))
            c = b.measure("scaling", f"pm check ({label})", [pm, "check"], path)
            l = b.measure("scaling", f"pm list ({label})", [pm, "list"], path)
        b.ratio("scaling", f"pm check / comrak alone ({label})", c and c["median"], base and base["median"],
                cpu=(c["cpu"], base["cpu"]) if c and base else None)
        if l:
            print(f"  pm list per 1,000 post-mortems ({label}): {fmt_s(l['median'] / n * 1000)}")
        if label == "M":
            f, g = fu, git_log
        else:
            f, g = followup(label)
        b.ratio("scaling", f"pm followup / git log ({label}, {m} commits)", f and f["median"], g and g["median"],
                cpu=(f["cpu"], g["cpu"]) if f and g else None)

    total = time.perf_counter() - started
    print(f"\nfinished in {fmt_s(total)}; {b.skipped} skipped, {b.broken} broken")
    results = {"date": dt.date.today().isoformat(), "commit": commit, "dirty": bool(dirty),
               "mode": "smoke" if args.smoke else "full", "seconds": total,
               "load_average": os.getloadavg(), "cpus": os.cpu_count(),
               "repos": {k: {kk: (str(vv) if isinstance(vv, Path) else vv) for kk, vv in v.items()}
                         for k, v in b.repos.items()},
               "rows": b.rows}
    out = args.work / f"results-{'smoke' if args.smoke else 'full'}.json"
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"results: {out}")
    if b.broken:
        return 1
    if args.strict and b.skipped:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
