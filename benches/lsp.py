#!/usr/bin/env python3
"""`pm lsp` benchmark (issue 18): time from `didChange` to `publishDiagnostics` on a 2,000-line
post-mortem, and the server's memory over many edits.

    python3 benches/lsp.py [--pm target/release/pm] [--edits 20] [--memory-edits 10000]

It writes a 2,000-line post-mortem into a temporary git repository with `pm init` run, starts
`pm lsp` there, opens the file, then:

1. latency: `--edits` incremental edits (a word typed into a sentence of the root-cause section,
   then removed again, alternately), each sent alone and timed from the write of `didChange` to
   the read of the `publishDiagnostics` for that version. Prints the median, minimum and maximum,
   and the server's CPU time per edit (user + system, from /proc), which other processes on
   the machine do not inflate.
2. memory: `--memory-edits` more edits of the same kind, each waited for (so every one is
   checked, none coalesced), with the server's resident memory (VmRSS from /proc) printed every
   tenth of the way and its peak (VmHWM) at the end.

Wall-clock times: run it on an otherwise idle machine (docs/PERFORMANCE.md, "pm lsp").
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = (
    "the cache service returned errors while the replica lag grew and the failover script "
    "waited for a health check that the deployment pipeline had disabled during the migration"
).split()


def postmortem(lines):
    """A post-mortem of `lines` lines: front matter, every default section, long prose with a
    blameful sentence every 40 lines."""
    front = [
        "+++",
        'id = "2026-02-01-bench"',
        'title = "Cache outage during the database migration"',
        'status = "in-review"',
        'severity = "SEV2"',
        'services = ["cache", "db"]',
        'authors = ["ana@example.com"]',
        "started = 2026-02-01T10:00:00Z",
        "detected = 2026-02-01T10:05:00Z",
        "mitigated = 2026-02-01T10:40:00Z",
        "resolved = 2026-02-01T11:00:00Z",
        "",
    ]
    for n in range(1, 21):
        front += [
            "[[actions]]",
            f'id = "A{n}"',
            f'title = "Alert when the replica lag stays above {n} seconds for 5 minutes"',
            'owner = "dana@example.com"',
            "due = 2026-03-01",
            'status = "open"',
            'kind = "detect"',
            'priority = "P2"',
            "",
        ]
    front += ["+++", "", "# Cache outage during the database migration", ""]
    sections = [
        "Summary",
        "Impact",
        "Timeline",
        "Root Cause Analysis",
        "Contributing Factors",
        "Action Items",
        "Lessons Learned",
        "Open Discussion",
    ]
    body = []
    per_section = (lines - len(front)) // len(sections) - 2
    for s in sections:
        body += [f"## {s}", ""]
        for i in range(per_section):
            if s == "Timeline":
                body.append(f"- {10 + i // 60 % 10:02d}:{i % 60:02d} UTC: the {WORDS[i % len(WORDS)]} alert fired again.")
            elif i % 5 == 4:
                body.append("")
            elif i % 40 == 3:
                # A blameful sentence now and then: the wording rules have findings to report.
                body.append("Dana forgot to restart the failover script, which was careless.")
            else:
                start = (i * 7) % len(WORDS)
                sentence = " ".join(WORDS[start:] + WORDS[:start])[:110]
                body.append(sentence.capitalize() + ".")
    text = "\n".join(front + body)
    extra = lines - text.count("\n") - 1
    text += "\nThe review continues.\n" * max(extra, 0)
    return text


class Server:
    def __init__(self, pm, cwd):
        self.proc = subprocess.Popen(
            [pm, "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("lsp.py: pm lsp closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics_for(self, version):
        while True:
            message = self.read()
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"].get("version") == version
            ):
                return message["params"]["diagnostics"]

    def cpu_seconds(self):
        """User plus system CPU time the server has used: unlike wall-clock time, it does not
        grow when other processes hold the cores."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self):
        fields = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        return fields.get("VmRSS", "?"), fields.get("VmHWM", "?")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pm", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "pm"))
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--memory-edits", type=int, default=10000)
    args = parser.parse_args()
    pm = os.path.abspath(args.pm)

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=tmp, PM_TODAY="2026-03-05")
        subprocess.run(["git", "init", "-q", tmp], check=True, env=env)
        subprocess.run([pm, "init"], cwd=tmp, check=True, env=env, stdout=subprocess.DEVNULL)
        folder = os.path.join(tmp, "postmortems", "2026")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "2026-02-01-bench.md")
        text = postmortem(args.lines)
        with open(path, "w") as f:
            f.write(text)
        lines = text.split("\n")
        # The edited line: a sentence in the middle of the root-cause section.
        rca = lines.index("## Root Cause Analysis")
        line = rca + 2 + (len(lines) - rca) // 8
        uri = "file://" + path

        server = Server(pm, tmp)
        server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        server.notify("initialized", {})
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        opened = server.diagnostics_for(1)
        print(f"document: {len(lines)} lines, {len(text.encode())} bytes; {len(opened)} findings on open")

        version = 1

        def edit():
            nonlocal version
            version += 1
            if version % 2 == 0:
                change = {"range": {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 4}}, "text": "quickly "}
            else:
                change = {"range": {"start": {"line": line, "character": 4}, "end": {"line": line, "character": 12}}, "text": ""}
            started = time.perf_counter()
            server.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            server.diagnostics_for(version)
            return (time.perf_counter() - started) * 1000

        cpu = server.cpu_seconds()
        times = [edit() for _ in range(args.edits)]
        cpu = (server.cpu_seconds() - cpu) * 1000 / len(times)
        print(
            f"didChange -> publishDiagnostics over {len(times)} edits: median {statistics.median(times):.1f} ms, "
            f"min {min(times):.1f} ms, max {max(times):.1f} ms; server CPU {cpu:.1f} ms per edit"
        )

        if args.memory_edits:
            rss, _ = server.memory()
            print(f"memory after open and {args.edits} edits: VmRSS {rss}")
            step = max(args.memory_edits // 10, 1)
            started = time.perf_counter()
            for n in range(1, args.memory_edits + 1):
                edit()
                if n % step == 0:
                    rss, _ = server.memory()
                    print(f"  after {n:>6} more edits: VmRSS {rss}")
            rss, hwm = server.memory()
            seconds = time.perf_counter() - started
            print(f"memory: VmRSS {rss} at the end, peak VmHWM {hwm}; {args.memory_edits} edits in {seconds:.0f} s")

        server.request("shutdown", None)
        server.notify("exit", None)
        server.proc.wait(timeout=10)


if __name__ == "__main__":
    main()
