#!/usr/bin/env python3
"""Score pm's wording check on whole documents: false findings per 1,000 words, and which
labelled blame sentences it finds.

usage: blameless-doc-score.py PM_BINARY SET_DIR [--sensitivity low|normal|high] [--show]

SET_DIR holds `docs/*.md` (plain Markdown bodies, no front matter) and a `labels.tsv`
(`doc`, `family`, `sentence`; `doc` with or without `.md`) either beside `docs/` or inside it. Each document becomes one
post-mortem (a fixed TOML front matter, then the document as its body) in a scratch repository
made with `pm init`, with `[check.blameless] sensitivity` set; `pm check --format json` runs
once over all of them. A `blameless/*` finding is *labelled* when its line holds a labelled
sentence (or the first 60 characters of one) of that document, otherwise *false*. Words are the
whitespace-separated words of the documents as given.

Prints one line per document with findings, then:
  words=N false=F per_kword=X false_errors=E labelled_found=A/L labelled_errors=B/L
--show also prints each finding's rule, severity and line text.
"""
import atexit, csv, glob, json, os, shutil, subprocess, sys, tempfile

FRONT = """+++
id = "{id}"
title = "Scored document {n}"
status = "in-review"
severity = "SEV2"
services = ["checkout"]
authors = ["author@example.com"]
started = 2026-03-02T10:00:00Z
detected = 2026-03-02T10:05:00Z
mitigated = 2026-03-02T10:40:00Z
resolved = 2026-03-02T11:00:00Z

[impact]
summary = "A service was degraded."

[[actions]]
id = "A1"
title = "Add an alert on checkout p99 latency above 2 seconds"
owner = "owner@example.com"
due = 2026-04-01
status = "open"
kind = "detect"
priority = "P2"
+++

"""


def main():
    argv = sys.argv[1:]
    sens, show, args = "normal", False, []
    while argv:
        a = argv.pop(0)
        if a == "--sensitivity":
            if not argv or argv[0] not in ("low", "normal", "high"):
                print("--sensitivity needs low, normal or high", file=sys.stderr)
                sys.exit(2)
            sens = argv.pop(0)
        elif a == "--show":
            show = True
        elif a.startswith("--"):
            print(f"unknown option {a}\n{__doc__}", file=sys.stderr)
            sys.exit(2)
        else:
            args.append(a)
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    pm, root = os.path.abspath(args[0]), args[1]
    docs = sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    labels = {}
    for cand in (os.path.join(root, "labels.tsv"), os.path.join(root, "docs", "labels.tsv")):
        if os.path.exists(cand):
            with open(cand, encoding="utf-8") as f:
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                    doc = os.path.basename(r.get("doc") or "")
                    sentence = (r.get("sentence") or "").strip()
                    if not doc or not sentence:
                        continue
                    doc = doc if doc.endswith(".md") else doc + ".md"
                    if sentence not in labels.setdefault(doc, []):
                        labels[doc].append(sentence)
            break  # one labels file: the first found
    work = tempfile.mkdtemp(prefix="pm-docscore-")
    # The scratch repository is removed however the script ends (each one is about 1.5 MB, and
    # thousands of runs once filled the disk).
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=work, PM_TODAY="2026-03-10", NO_COLOR="1")
    subprocess.run(["git", "init", "-q", work], check=True, env=env)
    r = subprocess.run([pm, "init"], cwd=work, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("pm init failed: " + r.stderr.strip()[-300:])
    toml = os.path.join(work, "pm.toml")
    with open(toml, encoding="utf-8") as f:
        conf = f.read()
    if 'sensitivity = "normal"' not in conf:
        sys.exit("pm init's pm.toml has no sensitivity line to set")
    with open(toml, "w", encoding="utf-8") as f:
        f.write(conf.replace('sensitivity = "normal"', f'sensitivity = "{sens}"', 1))
    folder = os.path.join(work, "postmortems", "2026")
    os.makedirs(folder, exist_ok=True)
    words, texts, names = 0, {}, {}
    for n, path in enumerate(docs):
        with open(path, encoding="utf-8") as f:
            body = f.read()
        words += len(body.split())
        ident = f"2026-03-02-doc-{n:03d}"
        text = FRONT.format(id=ident, n=n) + body
        with open(os.path.join(folder, ident + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
        texts[ident], names[ident] = text.split("\n"), os.path.basename(path)
    r = subprocess.run([pm, "check", "--format", "json", folder], cwd=work, env=env,
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"pm check exit {r.returncode}: " + r.stderr.strip()[-300:])
    false = false_err = 0
    found, found_err, per_doc = set(), set(), {}
    for d in json.loads(r.stdout)["diagnostics"]:
        if not d["rule"].startswith("blameless/"):
            continue
        ident = os.path.splitext(os.path.basename(d["path"]))[0]
        line = texts[ident][d["line"] - 1] if ident in texts else ""
        name = names.get(ident, ident)
        # Labelled only when the finding's columns fall inside the labelled sentence's place
        # on the line (or its first 60 characters', for a sentence cut by a line break).
        col = d.get("column", 1) - 1
        end_col = d.get("end_column", col + 1) - 1 if d.get("end_line", d["line"]) == d["line"] else len(line)
        hit = None
        for s in labels.get(name, []):
            for probe in (s, s[:60]):
                at = line.find(probe)
                while at >= 0 and hit is None:
                    if at <= col and end_col <= at + len(s):
                        hit = (name, s)
                    at = line.find(probe, at + 1)
        err = d.get("severity") == "error"
        if hit:
            found.add(hit)
            if err:
                found_err.add(hit)
        else:
            false += 1
            false_err += err
            per_doc[name] = per_doc.get(name, 0) + 1
        if show:
            tag = "LABEL" if hit else "FALSE"
            print(f"{tag}\t{name}:{d['line']}\t{d['rule']}\t{d.get('severity')}\t{line.strip()[:200]}")
    for name, k in sorted(per_doc.items()):
        print(f"{name}\tfalse={k}")
    total = sum(len(v) for v in labels.values())
    print(f"sensitivity={sens} docs={len(docs)} words={words} false={false} "
          f"per_kword={1000 * false / max(words, 1):.2f} false_errors={false_err} "
          f"labelled_found={len(found)}/{total} labelled_errors={len(found_err)}/{total}")


if __name__ == "__main__":
    main()
