#!/usr/bin/env python3
"""Trigger-heavy post-mortems: every sentence of the body holds words the wording check looks at
(because, failed, should, ignored, team, error, obvious, fired, careless, blame…), used the way a
well-written report uses them, and then times `pm check` against the comrak parse floor.

    python3 benches/trigger_heavy.py --out DIR [--postmortems 10000] [--seed 1]
    python3 benches/trigger_heavy.py --out DIR --time --pm target/release/pm \
        --baseline target/release/examples/comrak_baseline

Generation uses the Python 3 standard library only and is deterministic for a seed. `--time`
runs `pm check --format json` over the folder and the comrak-only baseline (both with their
default thread pools, and both with one thread), five times each, and prints the median wall
and CPU (user + system) seconds and the ratios pm / comrak. docs/BLAMELESS.md has the figures.
"""
import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SERVICES = ["checkout", "payments", "search", "ledger", "auth", "inventory", "notifications",
            "billing", "catalog", "dns", "cdn", "queue", "gateway", "scheduler", "mobile-api"]
COMPONENTS = ["connection pool", "health check", "replica", "load balancer", "cache", "consumer",
              "cron job", "feature flag", "migration", "certificate", "rate limiter", "sidecar",
              "retry loop", "deploy pipeline", "config loader", "DNS resolver", "disk", "queue"]
TEAMS = ["payments", "platform", "storage", "network", "search", "mobile", "data", "identity"]
NAMES = ["Priya", "Tomasz", "Amara", "Kenji", "Lucia", "Olu", "Mei", "Jonas", "Fatima", "Diego"]
SIGNALS = ["alert", "warning", "page", "error budget alert", "disk usage alert", "lag alert"]
METRICS = ["p99 latency", "error rate", "queue depth", "replica lag", "CPU saturation", "5xx rate"]

TEMPLATES = [
    "The {svc} {comp} failed because the upstream {comp2} returned errors for {n} minutes.",
    "The {team} team should add an alert on {metric} so the {comp} failure is seen sooner.",
    "The scheduler ignored the node taint, so the {comp} failed to start on {n} hosts.",
    "Customers should have seen no change while the {comp} was replaced.",
    "The {signal} fired at {hh}:{mm} because {metric} crossed its threshold, and it paged the on-call engineer.",
    "{name} restarted the {comp} at {hh}:{mm} because the health check had failed twice.",
    "The retry loop was naive: it ignored the error code and retried {n} times without backoff.",
    "Human error is a label, not an explanation; the {comp} accepted an invalid value without a warning.",
    "The cause was not the on-call engineer but a runbook step that pointed at the old {comp}.",
    "It was not obvious from the dashboards that the {comp} was the bottleneck.",
    "The {team} team owns the follow-up to make the {comp} fail safely when the {comp2} is down.",
    "Lazy loading of the {comp} meant the first request after a deploy failed with a timeout.",
    "The {comp} should return 503 when the {comp2} is unavailable, but it returned 200 with an empty body.",
    "Her account was removed by the cleanup job because the {comp} marked it inactive.",
    "Nobody was disciplined; the review focused on why the {comp} allowed the change.",
    "The error handling in the {comp} was careless about timeouts, and the linter did not flag it.",
    "We should have a runbook for the {comp} failure mode, and A{n} adds one.",
    "The {signal} was routed to a muted channel, so the {metric} rise was not seen for {n} minutes.",
    "Blame-free review notes: the {team} team found that the {comp} had no owner after the reorg.",
    "The deploy failed to roll back because the {comp} kept the old version pinned.",
    "The {comp} ignored the SIGTERM and was killed after the grace period of {n} seconds.",
    "If the {comp} had a circuit breaker, the {comp2} errors would have stayed in one region.",
    "The probe should have returned 200, but the {comp} blocked on a lock held by the {comp2}.",
    "Because the {metric} graph used a 5-minute average, the spike was hard to see during the incident.",
]

DOC = """+++
id = "{id}"
title = "{title}"
status = "in-review"
severity = "SEV2"
services = ["{svc}"]
authors = ["author@example.com"]
started = 2025-{month:02}-{day:02}T10:00:00Z
detected = 2025-{month:02}-{day:02}T10:05:00Z
mitigated = 2025-{month:02}-{day:02}T10:40:00Z
resolved = 2025-{month:02}-{day:02}T11:00:00Z

[impact]
summary = "The {svc} service failed for some requests for one hour."

[[actions]]
id = "A1"
title = "Alert when {metric} of the {svc} service stays high for 5 minutes"
owner = "owner@example.com"
due = 2026-04-01
status = "open"
kind = "detect"
priority = "P2"
+++

# {title}

## Summary

{summary}

## Impact

{impact}

## Timeline

{timeline}

## Root Cause Analysis

{rca}

## Contributing Factors

{factors}

## Action Items

See the front matter: A1 adds an alert because the failure was seen late.

## Lessons Learned

{lessons}

## Open Discussion

{discussion}
"""


def sentence(r: random.Random) -> str:
    t = r.choice(TEMPLATES)
    comp, comp2 = r.sample(COMPONENTS, 2)
    return t.format(svc=r.choice(SERVICES), comp=comp, comp2=comp2, team=r.choice(TEAMS),
                    name=r.choice(NAMES), signal=r.choice(SIGNALS), metric=r.choice(METRICS),
                    n=r.randint(2, 90), hh=f"{r.randint(0, 23):02}", mm=f"{r.randint(0, 59):02}")


def para(r: random.Random, lo: int, hi: int) -> str:
    return " ".join(sentence(r) for _ in range(r.randint(lo, hi)))


def document(r: random.Random, i: int) -> tuple[str, str]:
    month, day = r.randint(1, 12), r.randint(1, 28)
    svc = r.choice(SERVICES)
    slug = f"{svc}-failure-{i}"
    pid = f"2025-{month:02}-{day:02}-{slug}"
    timeline = "\n".join(
        f"- {10 + (k * 9) // 60:02}:{(k * 9) % 60:02} UTC: {sentence(r)}" for k in range(r.randint(6, 12)))
    factors = "\n".join(f"- {sentence(r)}" for _ in range(r.randint(3, 6)))
    text = DOC.format(id=pid, title=f"The {svc} service failed for an hour", svc=svc, month=month,
                      day=day, metric=r.choice(METRICS), summary=para(r, 2, 4),
                      impact=para(r, 1, 3), timeline=timeline, rca=para(r, 3, 6),
                      factors=factors, lessons=para(r, 2, 4), discussion=para(r, 1, 3))
    return pid, text


def generate(out: Path, n: int, seed: int) -> None:
    r = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "postmortems" / "2025").mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "pm.toml", out / "pm.toml")
    for i in range(n):
        pid, text = document(r, i)
        (out / "postmortems" / "2025" / f"{pid}.md").write_text(text)
    subprocess.run(["git", "init", "-q", str(out)], check=True)


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} exited {p.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_of(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    walls, cpus = zip(*(timed(cmd, cwd) for _ in range(runs)))
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--postmortems", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reuse", action="store_true", help="keep --out when it exists")
    p.add_argument("--time", action="store_true", help="time pm check against comrak alone")
    p.add_argument("--pm", type=Path)
    p.add_argument("--baseline", type=Path)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    if not (a.reuse and a.out.exists()):
        generate(a.out, a.postmortems, a.seed)
    if not a.time:
        return 0
    if not a.pm or not a.baseline:
        sys.exit("--time needs --pm and --baseline")
    pm, base = str(a.pm.resolve()), str(a.baseline.resolve())
    rows = [
        ("comrak alone (default threads)", [base, "postmortems"]),
        ("comrak alone (1 thread)", [base, "--threads", "1", "postmortems"]),
        ("pm check (default threads)", [pm, "check", "--format", "json"]),
    ]
    got = {}
    for name, cmd in rows:
        got[name] = median_of(cmd, a.out, a.runs)
        print(f"{name:34} wall {got[name][0]:7.3f} s   cpu {got[name][1]:7.3f} s", flush=True)
    pmw, pmc = got["pm check (default threads)"]
    bw, bc = got["comrak alone (default threads)"]
    sw, sc = got["comrak alone (1 thread)"]
    print(f"pm check / comrak alone: cpu {pmc / bc:.2f}x (target <= 2), wall {pmw / bw:.2f}x; "
          f"wall vs the 1-thread floor {pmw / sw:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
