#!/usr/bin/env python3
"""Build a git repository of synthetic post-mortems for benchmarking `pm`.

    python3 benches/generate.py --out /tmp/pm-10k --postmortems 10000 --commits 20000 --seed 1

What it makes (Python 3.11 standard library and `git` only):

* `pm.toml` at the root (a copy of `templates/pm.toml`), a short `README.md`, and the
  post-mortems at `postmortems/YYYY/YYYY-MM-DD-slug.md` in the project's format: TOML front
  matter between `+++` lines with 0-10 `[[actions]]`, then every default section, a Timeline
  list whose entries begin with times in order, and 4-12 KB of blameless prose with some inline
  Markdown (code, links, emphasis, tables).
* About 3% of documents carry a blame-focused sentence and about 2% a structural slip (a
  missing section, a timeline out of order, a placeholder left past draft, an action without an
  owner, a misspelt key, timestamps out of order, `wont-do` without a reason...), so that
  `pm check` has findings to report, as in a real archive.
* History: one root commit (configuration plus the "imported archive": every post-mortem not
  opened later), then exactly `--commits` commits, so `HEAD~<commits>` is the root and
  `HEAD~<commits>..HEAD` holds every generated change. The commits open new post-mortems
  (`--new-fraction`, 15% by default), move post-mortems through draft -> in-review -> reviewed ->
  closed, change action items (open -> in-progress -> done, wont-do with a reason, reopen,
  reassign, push the due date, add an action), edit the prose, and now and then touch a file
  outside the post-mortem folder. Author and committer dates are backdated and spread over
  years, in increasing order, with several time zones.
* Deterministic: the same arguments and `--seed` give the same files and the same commit IDs.

Speed: the whole history is streamed to one `git fast-import` process (no `git` process per
commit), then `git reset --hard` populates the index and work tree. Timing of each phase goes
to stderr; `--summary FILE` writes it as JSON too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PM_TOML = HERE.parent / "templates" / "pm.toml"

SECTIONS = [
    "Summary",
    "Impact",
    "Timeline",
    "Root Cause Analysis",
    "Contributing Factors",
    "Action Items",
    "Lessons Learned",
    "Open Discussion",
]

PLACEHOLDER = {
    "Summary": "_What happened, in two or three sentences a reader outside the team understands._",
    "Contributing Factors": "_What else made this possible or worse: tooling, alerting, documentation, load, timing._",
    "Open Discussion": "_Questions still open, disagreements, and anything the review meeting should decide._",
}

BLAMELESS_NOTE = (
    "> This review is blameless. We assume everyone involved acted in good faith with what they\n"
    "> knew at the time. We describe how the system, its tools and our processes made this outcome\n"
    "> possible, not who is to blame, so that we can change the system.\n"
)

FIRST = [
    "amal", "jo", "sam", "priya", "noah", "mei", "lucas", "fatima", "oliver", "ines", "kenji",
    "zoe", "mateo", "aisha", "erik", "sofia", "david", "leila", "tomas", "hana", "omar", "nina",
    "felix", "yara", "ravi", "clara", "jonas", "maya", "diego", "elif", "arjun", "lena", "pablo",
    "sara", "victor", "ana", "kofi", "ingrid", "chen", "rosa",
]
LAST = [
    "okafor", "smith", "nakamura", "garcia", "kowalski", "haddad", "lindqvist", "moreau",
    "singh", "rossi", "novak", "dubois", "tanaka", "ferreira", "olsen", "mensah", "ibrahim",
    "schmidt", "park", "lopez",
]
TZ = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300"]

SERVICES = [
    "checkout", "payments-db", "search-api", "auth", "edge-proxy", "billing", "notifications",
    "ledger", "inventory", "ci-runners", "dns", "object-store", "kafka", "redis-cache",
    "k8s-control-plane", "cdn", "mobile-api", "reporting", "email-gateway", "feature-flags",
    "orders", "shipping", "identity", "metrics-pipeline", "log-ingest", "web-frontend",
]
COMPONENTS = [
    "connection pool", "retry policy", "health check", "cache warm-up job", "rate limiter",
    "deploy pipeline", "config loader", "circuit breaker", "TLS terminator", "queue consumer",
    "schema migration", "autoscaler", "leader election", "DNS resolver", "batch scheduler",
    "load balancer", "feature flag evaluator", "disk cleanup cron", "replica set", "token cache",
]
CAUSES = [
    "database connection pool exhaustion", "certificate expiry", "DNS resolution failures",
    "disk full on the primary", "memory leak in the worker pool", "retry storm after a deploy",
    "config push with an invalid TTL", "expired API credentials", "runaway batch job",
    "replication lag", "misconfigured load balancer health check", "thundering herd on cache restart",
    "schema migration holding a table lock", "rate limiter set too low", "clock skew between nodes",
    "queue backlog", "exhausted file descriptors", "stale feature flag cache",
    "network partition between zones", "autoscaler oscillation",
]
TRIGGERS = [
    "a routine deploy", "a traffic spike from a marketing campaign", "a certificate rotation",
    "a kernel upgrade", "a dependency upgrade", "a failover drill", "the nightly batch window",
    "a configuration change", "a zone maintenance event", "a cache flush",
]
METRICS = ["error rate", "p99 latency", "5xx responses", "queue depth", "CPU saturation", "timeouts"]
SLOS = ["availability", "latency", "freshness", "durability"]

ACTION_TITLES = [
    "Alert when {comp} saturation stays above 80% for 5 minutes",
    "Add a canary stage to the {svc} deploy pipeline",
    "Document the failover procedure for {svc} in the runbook",
    "Load-test the {comp} at twice the peak traffic",
    "Cap retries in the {comp} with jittered backoff",
    "Automate renewal and expiry alerts for {svc} certificates",
    "Add a dashboard panel for {metric} on {svc}",
    "Make the {comp} configuration validated before it is pushed",
    "Run a game day for {svc} losing its {comp}",
    "Page the owning team when {metric} on {svc} breaches the SLO",
    "Split the {comp} of {svc} into separate pools per tenant",
    "Add a pre-deploy check for {comp} limits",
]
KINDS = ["prevent", "mitigate", "detect", "process"]
PRIORITIES = ["P0", "P1", "P2", "P2", "P3"]
WONT_DO_REASONS = [
    "superseded by the platform migration",
    "the service is being decommissioned this quarter",
    "covered by an existing org-wide alert",
    "cost outweighs the risk after the redesign",
]

# Blameless prose. Fields: {svc} {svc2} {comp} {comp2} {cause} {trigger} {metric} {n} {pct}
# {mins} {slo} {runbook}.
SUMMARY = [
    "Between {t0} and {t1} UTC the {svc} service returned errors for {pct}% of requests after {trigger}.",
    "The {comp} of {svc} stopped accepting new work, and requests queued until they timed out.",
    "We restored service by rolling back the change and raising the limit of the {comp}.",
    "Customers saw failed requests and slow pages; no data was lost.",
    "The incident lasted {mins} minutes from the first alert to full recovery.",
    "Recovery took longer than it could have because the dashboards did not show the {comp} at all.",
]
IMPACT = [
    "About {n} users were affected; {pct}% of requests to `{svc}` failed during the worst ten minutes.",
    "The {slo} SLO for {svc} burned {pct}% of its monthly error budget in {mins} minutes.",
    "Downstream, {svc2} retried the failed calls, which doubled its load and raised its {metric}.",
    "Support received {n2} tickets; the status page was updated {k} times during the incident.",
    "No data was lost: writes that failed were rejected cleanly and clients retried them later.",
    "Internal tooling that depends on {svc} (reporting and the admin console) was unavailable too.",
]
RCA = [
    "The {comp} in {svc} is sized for steady traffic. {trigger_cap} raised the number of concurrent requests beyond that size, and every new request waited for a slot that was never freed in time.",
    "When the {comp} saturates, callers time out after 30 seconds but the work they started keeps running, so the queue grows faster than it drains. This feedback loop turned a short spike into a {mins}-minute outage.",
    "The limit was last reviewed two years ago, when {svc} handled a third of today's traffic. Nothing in our process prompts a review of such limits as traffic grows.",
    "The change itself passed review and the test suite; the tests run against a single replica with a small dataset, where the {comp} never comes close to its limit.",
    "Our alerting watches the {metric} of {svc} but not the saturation of the {comp}, so the first signal was a customer-facing symptom rather than the cause.",
    "The {cause} explains the first failures. What made them spread is that {svc2} shares the same {comp2}, so its retries competed with the recovery of {svc}.",
    "Rolling back took {mins2} minutes because the deploy tool requires a full pipeline run even for a revert, and the pipeline was itself slowed by the incident.",
    "The runbook for {svc} described a procedure for an older version of the {comp}; the steps no longer matched the dashboards, which cost time during mitigation.",
    "A similar saturation happened in a staging environment a month earlier. It was recorded as a flaky test because staging alerts do not page anyone, and the signal was lost.",
]
FACTORS = [
    "**Alerting gap**: no alert on the saturation of the {comp}; only on its symptoms.",
    "**Shared dependency**: {svc} and {svc2} use the same {comp2}, so one overload affects both.",
    "**Deploy tooling**: a rollback runs the full pipeline, about {mins2} minutes.",
    "**Documentation**: the [runbook]({runbook}) described an older version of the {comp}.",
    "**Load**: traffic was {pct}% above the weekly peak because of {trigger}.",
    "**Test environment**: staging runs one replica, so limits are never exercised there.",
    "**Timing**: the change landed during the nightly batch window, when headroom is lowest.",
    "**Ownership**: the {comp} is configured in a repository that no team reviews regularly.",
    "**Observability**: the `{svc}` dashboard aggregates {metric} across zones, hiding the zone that failed.",
]
WENT_WELL = [
    "The on-call engineer was paged within two minutes of the first errors.",
    "The incident channel had a clear commander and a scribe from the start.",
    "The rollback procedure worked as documented once it started.",
    "Customer support had a status page update within fifteen minutes.",
    "Feature flags let us turn off the expensive code path without a deploy.",
]
WENT_WRONG = [
    "The dashboards did not show the {comp}, so diagnosis relied on log searches.",
    "Two people started the same mitigation at once because the channel had no clear owner for it.",
    "The alert for {svc} fired on a symptom shared by several causes, so the first hypothesis was wrong.",
    "The rollback took {mins2} minutes because the pipeline cannot skip stages.",
    "The runbook link in the alert pointed to a page that had moved.",
]
LUCKY = [
    "The incident started outside the peak hours of our largest customers.",
    "An engineer who had worked on the {comp} happened to be online.",
    "The batch job that would have doubled the load was paused for unrelated maintenance.",
]
OPEN = [
    "Should the {comp} limit scale with the number of replicas instead of being fixed?",
    "Do we want a policy for reviewing capacity limits every quarter, and who would own it?",
    "Is a shared {comp2} between {svc} and {svc2} still the right design at current traffic?",
    "The group did not agree on whether the staging environment should mirror production limits; we will revisit this at the follow-up review.",
    "How can a staging signal that nobody is paged for still reach the owning team?",
]
TIMELINE_EVENTS = [
    "{trigger_cap} begins",
    "`{svc}` {metric} starts rising on the dashboards",
    "alert `{svc}-{metric_slug}` fires and pages the on-call engineer",
    "on-call acknowledges the page and opens the incident channel",
    "incident commander assigned; status page updated",
    "first hypothesis: a bad deploy of {svc2}; its canary looks healthy",
    "logs show the {comp} rejecting new requests",
    "decision to roll back the last change to {svc}",
    "rollback pipeline started",
    "limit of the {comp} raised as a temporary mitigation",
    "error rate back under 1%",
    "{svc2} retries drain; its {metric} returns to normal",
    "status page marked resolved",
    "incident closed; follow-up review scheduled",
]
# Blame-focused sentences (the kind `pm check` is meant to stop). {name} is a participant.
BLAMEFUL = [
    "It's clear {name} didn't follow the deploy checklist.",
    "This was human error on the part of the on-call engineer.",
    "{name} should have caught the problem in review before it reached production.",
    "The outage happened because {name} was careless with the configuration change.",
    "{name} forgot to renew the certificate, which caused the whole incident.",
    "Obviously the migration should never have been run during peak hours.",
    "The database team dropped the ball on capacity planning again.",
    "{name} made a sloppy mistake when editing the load balancer rules.",
]
SLIPS = [
    "missing-section",
    "timeline-order",
    "placeholder",
    "action-no-owner",
    "misspelt-key",
    "timestamps-order",
    "wont-do-no-reason",
    "duplicate-action",
]

STATUS_FLOW = ["draft", "in-review", "reviewed", "closed"]
SEVERITIES = ["SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3", "SEV4"]

EPOCH_DATE = dt.date(1970, 1, 1)


def slugify(title: str) -> str:
    out = []
    dash = False
    for c in title.lower():
        if c.isascii() and c.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(c)
        else:
            dash = True
    s = "".join(out)
    if len(s) > 60:
        s = s[:60]
        cut = s.rfind("-")
        if cut >= 30:
            s = s[:cut]
        s = s.rstrip("-")
    return s


METRIC_SLUG = {m: slugify(m) for m in METRICS}


@functools.lru_cache(maxsize=1 << 18)
def iso(ts: int) -> str:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day(ts: int) -> dt.date:
    return EPOCH_DATE + dt.timedelta(days=ts // 86400)


class Person:
    __slots__ = ("name", "email", "tz")

    def __init__(self, first: str, last: str, tz: str):
        self.name = f"{first.capitalize()} {last.capitalize()}"
        self.email = f"{first}.{last}@example.com"
        self.tz = tz


class Action:
    __slots__ = ("id", "title", "owner", "due", "status", "kind", "priority", "ticket",
                 "closed", "reason", "extra")

    def __init__(self):
        self.extra = ""


class PM:
    """One post-mortem's state; `render()` produces the file."""

    __slots__ = ("id", "path", "title", "status", "severity", "services", "authors",
                 "facilitator", "participants", "started", "detected", "mitigated", "resolved",
                 "review_meeting", "followup_review", "tickets", "impact_summary", "users",
                 "slos", "actions", "sections", "slip", "created_ts", "fm_comment")

    def render(self) -> str:
        out = ["+++\n"]
        a = out.append
        a(f'id = "{self.id}"\n')
        a(f'title = "{self.title}"\n')
        a(f'status = "{self.status}"{self.fm_comment}\n')
        a(f'severity = "{self.severity}"\n')
        a("services = [" + ", ".join(f'"{s}"' for s in self.services) + "]\n")
        a("authors = [" + ", ".join(f'"{s}"' for s in self.authors) + "]\n")
        a(f'facilitator = "{self.facilitator}"\n')
        a("participants = [" + ", ".join(f'"{s}"' for s in self.participants) + "]\n")
        a(f"started = {iso(self.started)}\n")
        if self.detected is not None:
            a(f"detected = {iso(self.detected)}\n")
        if self.mitigated is not None:
            a(f"mitigated = {iso(self.mitigated)}\n")
        if self.resolved is not None:
            a(f"resolved = {iso(self.resolved)}\n")
        if self.review_meeting is not None:
            a(f"review_meeting = {self.review_meeting.isoformat()}\n")
        a(f"followup_review = {self.followup_review.isoformat()}\n")
        a("tickets = [" + ", ".join(f'"{s}"' for s in self.tickets) + "]\n")
        a("\n[impact]\n")
        a(f'summary = "{self.impact_summary}"\n')
        a(f"users_affected = {self.users}\n")
        a("slos = [" + ", ".join(f'"{s}"' for s in self.slos) + "]\n")
        for act in self.actions:
            a("\n[[actions]]\n")
            a(f'id = "{act.id}"\n')
            a(f'title = "{act.title}"\n')
            if act.owner is not None:
                a(f'{"onwer" if act.extra == "misspelt" else "owner"} = "{act.owner}"\n')
            a(f"due = {act.due.isoformat()}\n")
            a(f'status = "{act.status}"\n')
            a(f'kind = "{act.kind}"\n')
            a(f'priority = "{act.priority}"\n')
            if act.ticket:
                a(f'ticket = "{act.ticket}"\n')
            if act.closed is not None:
                a(f"closed = {act.closed.isoformat()}\n")
            if act.reason:
                a(f'reason = "{act.reason}"\n')
        a("+++\n\n")
        a(f"# {self.title}\n\n")
        a(BLAMELESS_NOTE)
        for title, text in self.sections:
            a(f"\n## {title}\n\n")
            a(text)
        return "".join(out)


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        r = self
        self.people = []
        for f in FIRST:
            for l in r.sample(LAST, 2):
                self.people.append(Person(f, l, r.choice(TZ)))
        self.ids: set[str] = set()
        self.pms: list[PM] = []
        self.ticket_no = 1000

    # ---- random numbers: the stdlib's randrange/choice are Python code; random() is C -------
    def random(self) -> float:
        return self.rng.random()

    def randrange(self, lo: int, hi: int | None = None) -> int:
        if hi is None:
            lo, hi = 0, lo
        return lo + int(self.rng.random() * (hi - lo))

    def randint(self, lo: int, hi: int) -> int:
        return lo + int(self.rng.random() * (hi - lo + 1))

    def choice(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def sample(self, seq, k: int):
        return self.rng.sample(seq, k)

    def expovariate(self, lambd: float) -> float:
        return self.rng.expovariate(lambd)

    # ---- prose ----------------------------------------------------------------------------
    def fields(self, pm: PM) -> dict:
        r = self
        svc = pm.services[0]
        others = [s for s in SERVICES if s != svc]
        trig = r.choice(TRIGGERS)
        metric = r.choice(METRICS)
        return {
            "svc": svc,
            "svc2": pm.services[1] if len(pm.services) > 1 else r.choice(others),
            "comp": r.choice(COMPONENTS),
            "comp2": r.choice(COMPONENTS),
            "cause": r.choice(CAUSES),
            "trigger": trig,
            "trigger_cap": trig[0].upper() + trig[1:],
            "metric": metric,
            "metric_slug": METRIC_SLUG[metric],
            "n": f"{r.randrange(200, 90000):,}",
            "n2": r.randrange(3, 400),
            "k": r.randrange(2, 9),
            "pct": r.randrange(2, 95),
            "mins": r.randrange(8, 240),
            "mins2": r.randrange(6, 45),
            "slo": f"{svc}-{r.choice(SLOS)}",
            "runbook": f"https://wiki.example.com/runbooks/{svc}",
            "t0": "", "t1": "",
        }

    def para(self, pool, f, lo, hi) -> str:
        k = self.randint(lo, hi)
        return " ".join(s.format(**f) for s in self.rng.sample(pool, min(k, len(pool))))

    def timeline(self, pm: PM, f) -> tuple[str, int]:
        r = self
        n = r.randint(6, 14)
        events = TIMELINE_EVENTS[:]
        t = pm.started
        end = pm.resolved or (pm.started + 3600)
        step = max(60, (end - pm.started) // n)
        style = r.randrange(3)
        lines = []
        who = [p.split("@")[0].split(".")[0].capitalize() for p in pm.participants] or ["On-call"]
        for i in range(n):
            ev = events[min(i, len(events) - 1)].format(**f)
            if i == 3 and r.random() < 0.5:
                ev = f"{r.choice(who)} {ev.split(' ', 1)[-1]}"
            hm = f"{t // 3600 % 24:02d}:{t // 60 % 60:02d}"
            if style == 0:
                stamp = hm
            elif style == 1:
                stamp = f"{hm} UTC"
            else:
                stamp = f"{day(t).isoformat()} {hm}Z"
            lines.append(f"- {stamp}: {ev}")
            t += r.randrange(max(60, step // 2), step + 60)
        return "\n".join(lines) + "\n", style

    def build_sections(self, pm: PM, target: int) -> list[list[str]]:
        r = self
        f = self.fields(pm)
        f["t0"] = dt.datetime.fromtimestamp(pm.started, dt.timezone.utc).strftime("%H:%M")
        f["t1"] = dt.datetime.fromtimestamp(pm.resolved or pm.started + 3600,
                                           dt.timezone.utc).strftime("%H:%M")
        tl, _ = self.timeline(pm, f)
        actions_md = ""
        if pm.actions:
            rows = ["| Item | Owner | Kind |", "|---|---|---|"]
            for act in pm.actions:
                rows.append(f"| {pm.id}#{act.id}: {act.title} | {act.owner} | {act.kind} |")
            actions_md = "\n".join(rows) + "\n\n"
        actions_md += ("The items above live in the front matter; their status is tracked there "
                       "and reviewed at the follow-up review.\n")
        lessons = ("### What went well\n\n"
                   + "".join(f"- {s.format(**f)}\n" for s in r.sample(WENT_WELL, r.randint(2, 4)))
                   + "\n### What went wrong\n\n"
                   + "".join(f"- {s.format(**f)}\n" for s in r.sample(WENT_WRONG, r.randint(2, 4)))
                   + "\n### Where we got lucky\n\n"
                   + "".join(f"- {s.format(**f)}\n" for s in r.sample(LUCKY, r.randint(1, 2))))
        secs = [
            ["Summary", self.para(SUMMARY, f, 2, 4) + "\n"],
            ["Impact", self.para(IMPACT, f, 2, 3) + "\n\n" + self.para(IMPACT, f, 1, 3) + "\n"],
            ["Timeline", tl],
            ["Root Cause Analysis", self.para(RCA, f, 2, 3) + "\n\n" + self.para(RCA, f, 1, 3) + "\n"],
            ["Contributing Factors",
             "".join(f"- {s.format(**f)}\n" for s in r.sample(FACTORS, r.randint(3, 6)))],
            ["Action Items", actions_md],
            ["Lessons Learned", lessons],
            ["Open Discussion", self.para(OPEN, f, 1, 3) + "\n"],
        ]
        size = 1800 + sum(len(t) for _, t in secs)
        # Grow the analysis until the document reaches its target size.
        grow = [3, 3, 3, 4, 7]
        i = 0
        while size < target and i < 40:
            which = grow[i % len(grow)]
            pool = {3: RCA, 4: FACTORS, 7: OPEN}[which]
            g = dict(f, comp=r.choice(COMPONENTS), comp2=r.choice(COMPONENTS))
            if which == 4:
                add = f"- {r.choice(pool).format(**g)}\n"
            else:
                add = "\n" + self.para(pool, g, 2, 4) + "\n"
            secs[which][1] += add
            size += len(add)
            i += 1
        return secs

    # ---- creation -------------------------------------------------------------------------
    def new_pm(self, started: int, status: str, now: int) -> PM:
        r = self
        pm = PM()
        svc = r.sample(SERVICES, r.choice([1, 1, 2, 2, 3]))
        shape = r.randrange(3)
        cause = r.choice(CAUSES)
        if shape == 0:
            title = f"{svc[0].capitalize()} outage: {cause}"
        elif shape == 1:
            title = f"Elevated {r.choice(METRICS)} on {svc[0]} after {r.choice(TRIGGERS)}"
        else:
            title = f"{svc[0].capitalize()} degraded: {cause}"
        d = day(started)
        slug = slugify(title)
        ident = f"{d.isoformat()}-{slug}"
        n = 2
        while ident in self.ids:
            ident = f"{d.isoformat()}-{slug[:55].rstrip('-')}-{n}"
            n += 1
        self.ids.add(ident)
        pm.id = ident
        pm.path = f"{self.args.dir}/{d.year}/{ident}.md"
        pm.title = title
        pm.status = status
        pm.fm_comment = "                # draft | in-review | reviewed | closed" if r.random() < 0.3 else ""
        pm.severity = r.choice(SEVERITIES)
        pm.services = svc
        team = r.sample(self.people, r.randint(3, 7))
        pm.authors = [p.email for p in team[:r.randint(1, 2)]]
        pm.facilitator = team[-1].email
        pm.participants = [p.email for p in team[1:]]
        pm.started = started
        pm.detected = started + r.randrange(60, 1800)
        pm.mitigated = pm.detected + r.randrange(300, 7200)
        pm.resolved = pm.mitigated + r.randrange(0, 10800) if r.random() < 0.9 else None
        closed_or_reviewed = STATUS_FLOW.index(status) >= 2
        pm.review_meeting = day(started) + dt.timedelta(days=r.randint(2, 7)) if closed_or_reviewed else None
        pm.followup_review = day(started) + dt.timedelta(days=28)
        self.ticket_no += 1
        pm.tickets = [f"INC-{self.ticket_no}"]
        pm.impact_summary = f"{r.randrange(2, 95)}% of {svc[0]} requests failed for {r.randrange(8, 240)} minutes."
        pm.users = r.randrange(0, 200000)
        pm.slos = [f"{svc[0]}-{r.choice(SLOS)}"]
        pm.actions = []
        for _ in range(r.choice([0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 10])):
            self.add_action(pm, now)
        pm.slip = None
        pm.created_ts = now
        pm.sections = self.build_sections(pm, r.randint(4000, 10000))
        roll = r.random()
        if roll < self.args.blameful_rate:
            self.make_blameful(pm)
        elif roll < self.args.blameful_rate + self.args.slip_rate:
            self.make_slip(pm)
        return pm

    def add_action(self, pm: PM, now: int) -> Action:
        r = self
        act = Action()
        nums = [int(a.id[1:]) for a in pm.actions if a.id[1:].isdigit()]
        act.id = f"A{max(nums, default=0) + 1}"
        f = {"svc": r.choice(pm.services), "comp": r.choice(COMPONENTS), "metric": r.choice(METRICS)}
        act.title = r.choice(ACTION_TITLES).format(**f)
        act.owner = r.choice(self.people).email
        act.due = day(now) + dt.timedelta(days=r.randint(14, 90))
        act.status = "open"
        act.kind = r.choice(KINDS)
        act.priority = r.choice(PRIORITIES)
        act.ticket = f"https://tracker.example.com/OPS-{r.randrange(1000, 99999)}" if r.random() < 0.6 else ""
        act.closed = None
        act.reason = ""
        pm.actions.append(act)
        return act

    def make_blameful(self, pm: PM):
        r = self
        name = pm.participants[0].split(".")[0].capitalize() if pm.participants else "Dave"
        sentence = r.choice(BLAMEFUL).format(name=name)
        sec = r.choice([0, 3, 3, 4, 7])
        text = pm.sections[sec][1]
        if text.startswith("- "):
            pm.sections[sec][1] = text + f"- {sentence}\n"
        else:
            pm.sections[sec][1] = text.rstrip("\n") + " " + sentence + "\n"
        pm.slip = "blameful"

    def make_slip(self, pm: PM):
        r = self
        kind = r.choice(SLIPS)
        if kind in ("action-no-owner", "misspelt-key", "wont-do-no-reason", "duplicate-action") and not pm.actions:
            kind = "missing-section"
        if kind == "missing-section":
            del pm.sections[r.choice([1, 4, 7])]
        elif kind == "timeline-order":
            lines = pm.sections[2][1].splitlines()
            i = r.randrange(1, len(lines) - 1)
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            pm.sections[2][1] = "\n".join(lines) + "\n"
        elif kind == "placeholder":
            title = r.choice(list(PLACEHOLDER))
            for s in pm.sections:
                if s[0] == title:
                    s[1] = PLACEHOLDER[title] + "\n"
            if pm.status == "draft":
                pm.status = "in-review"
        elif kind == "action-no-owner":
            r.choice(pm.actions).owner = None
        elif kind == "misspelt-key":
            r.choice(pm.actions).extra = "misspelt"
        elif kind == "timestamps-order":
            pm.detected = pm.started - r.randrange(60, 3600)
        elif kind == "wont-do-no-reason":
            act = r.choice(pm.actions)
            act.status, act.reason, act.closed = "wont-do", "", None
        elif kind == "duplicate-action":
            pm.actions[-1].id = pm.actions[0].id
        pm.slip = kind

    # ---- edits ----------------------------------------------------------------------------
    def edit(self, pm: PM, now: int) -> str:
        """Changes `pm` as one commit would; returns the commit message."""
        r = self
        today = day(now)
        short = pm.id
        movable = [a for a in pm.actions if a.status in ("open", "in-progress")]
        choice = r.random()
        if choice < 0.18 and pm.status != "closed":
            nxt = STATUS_FLOW[STATUS_FLOW.index(pm.status) + 1]
            pm.status = nxt
            if nxt == "reviewed" and pm.review_meeting is None:
                pm.review_meeting = max(today, day(pm.started))
            return f"{short}: status {nxt}"
        if choice < 0.50 and movable:
            act = r.choice(movable)
            if act.status == "open" and r.random() < 0.6:
                act.status = "in-progress"
                return f"{short}#{act.id}: start"
            if r.random() < 0.9:
                act.status, act.closed = "done", today
                return f"{short}#{act.id}: done"
            act.status, act.reason = "wont-do", r.choice(WONT_DO_REASONS)
            return f"{short}#{act.id}: won't do"
        if choice < 0.60 and movable:
            act = r.choice(movable)
            prev = act.owner
            act.owner = r.choice(self.people).email
            return f"{short}#{act.id}: reassign from {prev} to {act.owner}"
        if choice < 0.70 and movable:
            act = r.choice(movable)
            act.due = max(act.due, today) + dt.timedelta(days=r.choice([7, 14, 14, 30, 60]))
            return f"{short}#{act.id}: push due date to {act.due.isoformat()}"
        if choice < 0.76 and len(pm.actions) < 10:
            act = self.add_action(pm, now)
            for s in pm.sections:
                if s[0] == "Action Items" and s[1].startswith("|"):
                    head, sep, rest = s[1].partition("\n\n")
                    s[1] = f"{head}\n| {pm.id}#{act.id}: {act.title} | {act.owner} | {act.kind} |{sep}{rest}"
            return f"{short}#{act.id}: add action"
        if choice < 0.79:
            done = [a for a in pm.actions if a.status == "done"]
            if done:
                act = r.choice(done)
                act.status, act.closed = "open", None
                return f"{short}#{act.id}: reopen"
        # Prose edit: add a paragraph (bounded so documents stay within ~12 KB) or reword one.
        sec = r.choice([s for s in pm.sections if s[0] in ("Root Cause Analysis", "Open Discussion", "Impact")] or pm.sections)
        f = self.fields(pm)
        pool = {"Root Cause Analysis": RCA, "Open Discussion": OPEN, "Impact": IMPACT}.get(sec[0], RCA)
        paras = sec[1].rstrip("\n").split("\n\n")
        new = self.para(pool, f, 1, 3)
        if sum(len(t) for _, t in pm.sections) < 8000 and r.random() < 0.6:
            paras.append(new)
            msg = f"{short}: expand {sec[0].lower()}"
        else:
            paras[r.randrange(len(paras))] = new
            msg = f"{short}: reword {sec[0].lower()}"
        sec[1] = "\n\n".join(paras) + "\n"
        return msg


class Stream:
    """Writes a fast-import stream to `git fast-import`'s stdin."""

    def __init__(self, repo: Path):
        self.proc = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--done"],
            cwd=repo, stdin=subprocess.PIPE)
        self.out = self.proc.stdin
        self.mark = 0
        self.bytes = 0

    def commit(self, who: Person, ts: int, message: str, files: list[tuple[str, str]], parent: bool):
        self.mark += 1
        w = self.out.write
        msg = message.encode()
        head = (f"commit refs/heads/main\nmark :{self.mark}\n"
                f"author {who.name} <{who.email}> {ts} {who.tz}\n"
                f"committer {who.name} <{who.email}> {ts} {who.tz}\n"
                f"data {len(msg)}\n").encode()
        w(head)
        w(msg)
        w(b"\n")
        if parent:
            w(f"from :{self.mark - 1}\n".encode())
        for path, text in files:
            data = text.encode()
            w(f"M 100644 inline {path}\ndata {len(data)}\n".encode())
            w(data)
            w(b"\n")
            self.bytes += len(data)
        w(b"\n")

    def close(self):
        self.out.write(b"done\n")
        self.out.close()
        rc = self.proc.wait()
        if rc != 0:
            sys.exit(f"generate.py: git fast-import failed (exit {rc})")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, type=Path, help="repository to create (must not exist, or use --force)")
    p.add_argument("--postmortems", "-n", type=int, default=10000, help="post-mortems at HEAD (default 10000)")
    p.add_argument("--commits", "-m", type=int, default=20000, help="commits after the root commit (default 20000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--new-fraction", type=float, default=0.15,
                   help="share of the commits that open a new post-mortem (default 0.15); "
                        "the other post-mortems arrive in the root commit")
    p.add_argument("--blameful-rate", type=float, default=0.03, help="documents with a blame-focused sentence (default 0.03)")
    p.add_argument("--slip-rate", type=float, default=0.02, help="documents with a structural slip (default 0.02)")
    p.add_argument("--end", default="2025-12-31", help="date of the last commit (default 2025-12-31)")
    p.add_argument("--years", type=float, default=None,
                   help="years the history spans (default: enough for ~900 post-mortems a year, 6 to 20)")
    p.add_argument("--dir", default="postmortems", help="post-mortem folder (default postmortems)")
    p.add_argument("--pm-toml", type=Path, default=DEFAULT_PM_TOML, help="pm.toml to copy (default templates/pm.toml)")
    p.add_argument("--force", action="store_true", help="remove --out first if it exists")
    p.add_argument("--summary", type=Path, help="write timings and counts as JSON to this file")
    args = p.parse_args(argv)
    if args.postmortems < 1 or args.commits < 0:
        p.error("--postmortems must be >= 1 and --commits >= 0")

    t_start = time.perf_counter()
    if args.out.exists():
        if not args.force and any(args.out.iterdir()):
            p.error(f"{args.out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1")
    subprocess.run(["git", "init", "-q", "-b", "main", str(args.out)], check=True, env=env)

    g = Generator(args)
    r = g
    n_new = min(args.postmortems, round(args.commits * args.new_fraction))
    n_import = args.postmortems - n_new
    if n_import == 0 and n_new > 0:  # the root commit always holds at least one post-mortem
        n_import, n_new = 1, n_new - 1
    years = args.years or min(20.0, max(6.0, math.ceil(args.postmortems / 900)))
    end_ts = int(dt.datetime.fromisoformat(args.end).replace(tzinfo=dt.timezone.utc).timestamp()) + 17 * 3600
    span = int(years * 365.25 * 86400)
    root_ts = end_ts - span
    # Archived incidents fill the time before the root commit (as far back as the history runs).
    archive_from = root_ts - max(span // 2, 2 * 365 * 86400)

    stream = Stream(args.out)
    pm_toml = args.pm_toml.read_text()
    readme = ("# Post-mortems\n\nIncident post-mortems, one file per incident under "
              f"`{args.dir}/YEAR/`. Managed with `pm`.\n")
    files = [("pm.toml", pm_toml), ("README.md", readme)]
    starts = sorted(r.randrange(archive_from, root_ts - 86400 * 3) for _ in range(n_import))
    for st in starts:
        age_days = (root_ts - st) / 86400
        status = "closed" if age_days > 120 else r.choice(STATUS_FLOW if age_days > 30 else STATUS_FLOW[:2])
        pm = g.new_pm(st, status, st + 86400)
        # Old incidents have mostly settled action items.
        for act in pm.actions:
            if age_days > 60 and r.random() < 0.8:
                if r.random() < 0.9:
                    act.status, act.closed = "done", min(act.due, day(root_ts))
                else:
                    act.status, act.reason = "wont-do", r.choice(WONT_DO_REASONS)
        g.pms.append(pm)
        files.append((pm.path, pm.render()))
    t_render0 = time.perf_counter()
    stream.commit(g.people[0], root_ts, f"Import {n_import} post-mortems from the wiki archive",
                  files, parent=False)
    del files

    # The commits after the root: exactly args.commits, increasing timestamps.
    m = args.commits
    step = span / max(m, 1)
    new_at = set()
    if n_new:
        new_at = {int(i * m / n_new) for i in range(n_new)}
    counts = {"new": 0, "edit": 0, "other": 0}
    for i in range(m):
        ts = root_ts + int((i + 1) * step) - r.randrange(0, max(1, int(step * 0.8)))
        who = r.choice(g.people)
        if i in new_at:
            pm = g.new_pm(ts - r.randrange(3600, 3 * 86400), "draft", ts)
            g.pms.append(pm)
            stream.commit(who, ts, f"Open post-mortem {pm.id}", [(pm.path, pm.render())], True)
            counts["new"] += 1
        elif r.random() < 0.03:
            stream.commit(who, ts, "README: update the review rota",
                          [("README.md", readme + f"\nReview rota updated {day(ts).isoformat()}.\n")], True)
            counts["other"] += 1
        else:
            recent = len(g.pms) - 1 - min(int(r.expovariate(1 / 40)), len(g.pms) - 1)
            pm = g.pms[recent] if r.random() < 0.85 else r.choice(g.pms)
            msg = g.edit(pm, ts)
            stream.commit(who, ts, msg, [(pm.path, pm.render())], True)
            counts["edit"] += 1
    t_stream = time.perf_counter()
    stream.close()
    t_import = time.perf_counter()
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=args.out, check=True, env=env)
    t_done = time.perf_counter()

    own, git = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    blameful = sum(1 for pm in g.pms if pm.slip == "blameful")
    slips = sum(1 for pm in g.pms if pm.slip and pm.slip != "blameful")
    summary = {
        "out": str(args.out),
        "postmortems": len(g.pms),
        "imported_in_root": n_import,
        "commits": m + 1,
        "commits_after_root": m,
        "new_postmortem_commits": counts["new"],
        "edit_commits": counts["edit"],
        "other_commits": counts["other"],
        "documents_with_blameful_sentence": blameful,
        "documents_with_structural_slip": slips,
        "stream_mb": round(stream.bytes / 1e6, 1),
        "seconds": {
            "generate_and_stream": round(t_stream - t_start, 2),
            "fast_import_finish": round(t_import - t_stream, 2),
            "checkout": round(t_done - t_import, 2),
            "total": round(t_done - t_start, 2),
        },
        # CPU time tells the generator's cost apart from waiting for a busy machine.
        "cpu_seconds": {
            "python": round(own.ru_utime + own.ru_stime, 2),
            "git": round(git.ru_utime + git.ru_stime, 2),
        },
        "first_commit": iso(root_ts),
        "last_commit": iso(root_ts + span),
    }
    del t_render0
    print(f"generate.py: {len(g.pms)} post-mortems, {m + 1} commits in {args.out} "
          f"({summary['seconds']['total']} s: generate+stream {summary['seconds']['generate_and_stream']} s, "
          f"fast-import tail {summary['seconds']['fast_import_finish']} s, "
          f"checkout {summary['seconds']['checkout']} s; CPU: python {summary['cpu_seconds']['python']} s, "
          f"git {summary['cpu_seconds']['git']} s; {blameful} blameful, {slips} slips)",
          file=sys.stderr)
    if args.summary:
        args.summary.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
