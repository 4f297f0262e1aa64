//! Hostile inputs: each one is placed among good post-mortems in a real repository and run
//! through every command that reads post-mortems. Whatever the input, a command must finish in
//! time, never panic, exit 0, 1 or 2, name the file (and line) it could not read, and still
//! report the other documents.
//!
//! The commands form one list, [`COMMANDS`]. A command that is not built yet may answer "not
//! available yet" (exit 2); once it is built, the same cases assert its real behaviour.
//! Small inputs live in `tests/data/hostile/`; large ones are generated here in temporary folders.

use crate::common::{ActionSpec, Doc, Output, Sandbox};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one command may take on one hostile input before it counts as hung. Generous:
/// the tests run an unoptimised `pm` (Cargo.toml, `[profile.dev]`), in which the slowest case,
/// `pm show` over 100,000 timeline entries, takes about 4.5 s on an idle 2-core machine, and
/// the machine may be busy with the other tests. A cost that grows with the square of the input
/// still shows: over 100,000 entries that is 10^10 steps, minutes even for a cheap step.
fn deadline() -> Duration {
    let secs = std::env::var("PM_HOSTILE_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");

/// The good post-mortems every hostile input sits among.
const GOOD_OVERDUE: &str = "2026-01-05-good-cache-outage";
const GOOD_DONE: &str = "2026-02-10-good-dns-latency";

// ---------------------------------------------------------------------------------------------
// The commands

/// Every command the hostile corpus is run through. To cover a new command, add it here and
/// give it arguments in [`Cmd::args`] and expectations in [`Cmd::assert`].
const COMMANDS: &[Cmd] = &[
    Cmd::List,
    Cmd::Show,
    Cmd::Check,
    Cmd::Followup,
    Cmd::ActionSet,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmd {
    List,
    Show,
    Check,
    Followup,
    ActionSet,
}

impl Cmd {
    fn args(self, case: &Case) -> Vec<String> {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match self {
            Cmd::List => v(&["list", "--format", "json"]),
            Cmd::Show => v(&["show", &case.query, "--format", "json"]),
            Cmd::Check => v(&["check"]),
            Cmd::Followup => v(&["followup"]),
            Cmd::ActionSet => v(&[
                "action",
                "set",
                &format!("{}#A1", case.query),
                "--status",
                "done",
            ]),
        }
    }

    fn assert(self, case: &Case, s: &Sandbox, before: &Option<Vec<u8>>, out: &Output) {
        let ctx = format!("{self:?} on {}", case.name);
        if case.config_broken {
            assert_eq!(out.code, 2, "{ctx}: a broken pm.toml exits 2\n{out:?}");
            assert_names(&ctx, out, &case.rel, case.line());
            return;
        }
        match self {
            Cmd::List => {
                let listed = listed_paths(&ctx, out);
                for good in [GOOD_OVERDUE, GOOD_DONE] {
                    assert!(
                        listed.iter().any(|p| p.contains(good)),
                        "{ctx}: the good post-mortem {good} is still listed\n{out:?}"
                    );
                }
                match &case.read {
                    Read::Fine => {
                        assert_eq!(out.code, 0, "{ctx}\n{out:?}");
                        assert!(listed.contains(&case.rel), "{ctx}: listed\n{out:?}");
                        // Only a warning about an action item of this file it cannot read
                        // (its file and line named: docs/FOLLOWUP.md).
                        let unread = format!("pm: warning: action item not read: {}:", case.rel);
                        assert!(
                            out.stderr.lines().all(|l| l.starts_with(&unread)),
                            "{ctx}: no other warning\n{out:?}"
                        );
                    }
                    Read::Rejected { .. } => {
                        assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                        assert!(!listed.contains(&case.rel), "{ctx}: not listed\n{out:?}");
                        assert_names(&ctx, out, &case.rel, case.line());
                        assert!(out.stderr.contains(case.says()), "{ctx}\n{out:?}");
                    }
                    Read::Ignored => {
                        assert_eq!(out.code, 0, "{ctx}\n{out:?}");
                        assert!(!listed.contains(&case.rel), "{ctx}\n{out:?}");
                    }
                }
            }
            Cmd::Show => match &case.read {
                Read::Fine => {
                    assert_eq!(out.code, 0, "{ctx}\n{out:?}");
                    let shown = out.json();
                    assert_eq!(shown["path"], case.rel.as_str(), "{ctx}");
                }
                Read::Rejected { .. } => {
                    assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                    assert_names(&ctx, out, &case.rel, case.line());
                    assert!(out.stderr.contains(case.says()), "{ctx}\n{out:?}");
                }
                Read::Ignored => {
                    assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                    assert!(
                        out.stderr.contains("no post-mortem matches"),
                        "{ctx}\n{out:?}"
                    );
                }
            },
            Cmd::Check => match &case.read {
                // The rules grow; a readable file may have findings, an unreadable one must.
                Read::Fine | Read::Ignored => {
                    assert!(matches!(out.code, 0 | 1), "{ctx}\n{out:?}");
                }
                Read::Rejected { .. } => {
                    assert!(matches!(out.code, 1 | 2), "{ctx}\n{out:?}");
                    assert_names(&ctx, out, &case.rel, case.line());
                }
            },
            Cmd::Followup => {
                // The good post-mortem's overdue action is reported whatever sits beside it.
                assert!(
                    out.stdout.contains("good-cache-outage"),
                    "{ctx}: the overdue action of {GOOD_OVERDUE} is reported\n{out:?}"
                );
                match &case.read {
                    Read::Fine | Read::Ignored => assert_eq!(out.code, 0, "{ctx}\n{out:?}"),
                    Read::Rejected { .. } => {
                        assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                        assert_names(&ctx, out, &case.rel, case.line());
                    }
                }
            }
            Cmd::ActionSet => {
                let after = read_watched(case, s);
                let unchanged = &after == before;
                match (&case.read, case.editable) {
                    (Read::Fine, true) => {
                        assert_eq!(out.code, 0, "{ctx}\n{out:?}");
                        let (Some(before), Some(after)) = (before, &after) else {
                            panic!("{ctx}: file vanished");
                        };
                        assert_edit_is_minimal(&ctx, before, after);
                    }
                    (Read::Fine, false) => {
                        // Either the edit is made properly, or nothing is touched and the user
                        // is told why.
                        assert!(matches!(out.code, 0 | 2), "{ctx}\n{out:?}");
                        if out.code == 0 {
                            if let (Some(before), Some(after)) = (before, &after) {
                                assert_edit_is_minimal(&ctx, before, after);
                            }
                        } else {
                            assert!(unchanged, "{ctx}: a refused edit changes nothing");
                        }
                    }
                    (Read::Rejected { .. }, _) => {
                        assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                        assert!(unchanged, "{ctx}: the file is untouched\n{out:?}");
                        assert_names(&ctx, out, &case.rel, None);
                    }
                    (Read::Ignored, _) => {
                        assert_eq!(out.code, 2, "{ctx}\n{out:?}");
                        assert!(unchanged, "{ctx}: untouched\n{out:?}");
                    }
                }
            }
        }
    }
}

/// A command that does not exist yet says so (the stubs), or clap does not know the
/// subcommand yet (`pm action set`). Nothing else counts as "not available".
fn unavailable(out: &Output) -> bool {
    out.code == 2
        && (out.stderr.contains("not available yet")
            || out.stderr.contains("unrecognized subcommand"))
}

/// The message names the file, and `file:line:` when the problem has a line.
#[track_caller]
fn assert_names(ctx: &str, out: &Output, rel: &str, line: Option<usize>) {
    let all = format!("{}\n{}", out.stdout, out.stderr);
    assert!(all.contains(rel), "{ctx}: the message names {rel}\n{out:?}");
    if let Some(line) = line {
        assert!(
            all.contains(&format!("{rel}:{line}:")),
            "{ctx}: the message names {rel}:{line}:\n{out:?}"
        );
    }
}

fn listed_paths(ctx: &str, out: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{ctx}: stdout is not JSON ({e})\n{out:?}"));
    json.as_array()
        .unwrap_or_else(|| panic!("{ctx}: not an array"))
        .iter()
        .filter_map(|s| s["path"].as_str().map(String::from))
        .collect()
}

/// An action's status changed and nothing else: the line endings, the BOM and every other
/// byte stay as they were.
#[track_caller]
fn assert_edit_is_minimal(ctx: &str, before: &[u8], after: &[u8]) {
    assert_ne!(before, after, "{ctx}: the file changed");
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    assert!(after.contains("\"done\""), "{ctx}: status set");
    assert_eq!(
        before.starts_with('\u{feff}'),
        after.starts_with('\u{feff}'),
        "{ctx}: BOM kept"
    );
    // `done` adds a `closed = <today>` line, which must end like its neighbours: a CRLF file
    // gains no bare LF, an LF file no CRLF, and no ending of either kind is lost.
    let crlf = |t: &str| t.matches("\r\n").count();
    let bare_lf = |t: &str| t.matches('\n').count() - crlf(t);
    if bare_lf(&before) == 0 {
        assert_eq!(bare_lf(&after), 0, "{ctx}: line endings kept (CRLF file)");
    }
    if crlf(&before) == 0 {
        assert_eq!(crlf(&after), 0, "{ctx}: line endings kept (LF file)");
    }
    assert!(
        crlf(&after) >= crlf(&before) && bare_lf(&after) >= bare_lf(&before),
        "{ctx}: no line ending lost"
    );
    let common_prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let common_suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let changed = after.len().saturating_sub(common_prefix + common_suffix);
    assert!(
        changed < 200,
        "{ctx}: only the status changed ({changed} bytes differ)"
    );
}

/// Runs `pm` with a deadline, killing it when the deadline passes.
fn run_with_deadline(s: &Sandbox, args: &[String]) -> Output {
    let mut cmd = Command::new(crate::common::pm_binary());
    cmd.args(args)
        .current_dir(&s.root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    s.apply_env(&mut cmd);
    let mut child = cmd.spawn().expect("spawn pm");
    // Read both pipes on threads: a command printing a lot must not block on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let limit = deadline();
    let status = loop {
        match child.try_wait().expect("wait for pm") {
            Some(status) => break status,
            None if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("pm {args:?} did not finish within {limit:?}: it hangs");
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let text = |h: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&h.join().expect("pipe reader")).into_owned()
    };
    Output {
        code: status.code().unwrap_or(-1),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

// ---------------------------------------------------------------------------------------------
// The cases

/// What reading the hostile file gives.
#[derive(Debug, Clone)]
enum Read {
    /// Readable (perhaps with field problems that `pm check` reports): listed and shown.
    Fine,
    /// Unreadable: every command names the file (and line) with a message containing `says`.
    Rejected {
        says: &'static str,
        line: Option<usize>,
    },
    /// Not something pm treats as a post-mortem (a folder, a FIFO): passed over quietly.
    Ignored,
}

fn fine() -> Read {
    Read::Fine
}

fn rejected(says: &'static str, line: Option<usize>) -> Read {
    Read::Rejected { says, line }
}

type Install = Box<dyn Fn(&Sandbox, &Case)>;

struct Case {
    name: String,
    /// Where the hostile file is, relative to the repository root.
    rel: String,
    /// What `pm show` and `pm action set` are given.
    query: String,
    read: Read,
    /// `pm action set ID#A1` must succeed on it.
    editable: bool,
    /// The hostile file is `pm.toml`: every command stops with its line.
    config_broken: bool,
    /// The file whose bytes a refused edit must leave alone (default: `rel`).
    watched: Option<fn(&Sandbox) -> PathBuf>,
    install: Install,
}

impl Case {
    fn new(name: &str, install: Install) -> Case {
        let stem = format!("2026-02-01-{name}");
        Case {
            name: name.into(),
            rel: format!("postmortems/2026/{stem}.md"),
            query: stem,
            read: Read::Fine,
            editable: false,
            config_broken: false,
            watched: None,
            install,
        }
    }

    /// A committed input from `tests/data/hostile/`.
    fn committed(file: &str) -> Case {
        let bytes = std::fs::read(Path::new(DATA).join(file))
            .unwrap_or_else(|e| panic!("{DATA}/{file}: {e}"));
        Case::bytes(file.trim_end_matches(".md"), bytes)
    }

    /// Generated bytes, written at the case's place.
    fn bytes(name: &str, bytes: Vec<u8>) -> Case {
        Case::new(
            name,
            Box::new(move |s, case| {
                s.write(&case.rel, &bytes);
            }),
        )
    }

    fn expect(mut self, read: Read) -> Case {
        self.read = read;
        self
    }

    fn editable(mut self) -> Case {
        self.editable = true;
        self
    }

    fn line(&self) -> Option<usize> {
        match &self.read {
            Read::Rejected { line, .. } => *line,
            _ => None,
        }
    }

    fn says(&self) -> &'static str {
        match &self.read {
            Read::Rejected { says, .. } => says,
            _ => "",
        }
    }

    fn watched_path(&self, s: &Sandbox) -> PathBuf {
        match self.watched {
            Some(f) => f(s),
            None => s.root.join(&self.rel),
        }
    }

    /// Builds the repository, runs every command and checks what each one did.
    fn run(self) {
        let s = Sandbox::initialised();
        s.add_postmortem(
            &Doc::new(GOOD_OVERDUE, "Cache outage").action(ActionSpec::new(
                "A1",
                "Alert on cache hit ratio",
                "sam@example.com",
                "2026-01-20",
                "open",
            )),
        );
        s.add_postmortem(&Doc::new(GOOD_DONE, "DNS latency").action(ActionSpec::new(
            "A1",
            "Lower the resolver timeout",
            "kim@example.com",
            "2026-02-20",
            "done",
        )));
        (self.install)(&s, &self);
        let before = read_watched(&self, &s);
        for cmd in COMMANDS {
            let out = run_with_deadline(&s, &cmd.args(&self));
            assert!(
                !out.stderr.contains("panicked") && !out.stdout.contains("panicked"),
                "{cmd:?} on {} panicked\n{out:?}",
                self.name
            );
            assert!(
                matches!(out.code, 0..=2),
                "{cmd:?} on {}: exit code {} (killed by a signal?)\n{out:?}",
                self.name,
                out.code
            );
            if unavailable(&out) {
                continue;
            }
            cmd.assert(&self, &s, &before, &out);
        }
    }
}

/// The watched file's bytes; only regular files are read (opening a FIFO would block).
fn read_watched(case: &Case, s: &Sandbox) -> Option<Vec<u8>> {
    let path = case.watched_path(s);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::read(path).ok()
}

/// One test per committed input, and the list of them (every committed file needs a case).
macro_rules! committed {
    ($($name:ident: $file:literal => $read:expr $(, $editable:ident)?;)*) => {
        const COMMITTED: &[&str] = &[$($file),*];
        $(
            #[test]
            fn $name() {
                Case::committed($file).expect($read)$(.$editable())?.run();
            }
        )*
    };
}

committed! {
    missing_front_matter: "no-front-matter.md" => rejected("no front matter", Some(1));
    unterminated_front_matter: "unterminated.md" => rejected("never closed", Some(1));
    doubled_opening_delimiter: "doubled-open.md" => fine();
    closing_delimiter_only: "closing-only.md" => rejected("no front matter", Some(1));
    indented_delimiters: "indented-delimiters.md" => rejected("no front matter", Some(1));
    delimiter_with_trailing_space: "delimiter-trailing-space.md" => rejected("no front matter", Some(1));
    yaml_front_matter: "yaml-delimiters.md" => rejected("no front matter", Some(1));
    delimiter_again_in_the_body: "three-delimiters.md" => fine();
    duplicate_key: "toml-duplicate-key.md" => rejected("invalid TOML", Some(8));
    duplicate_table: "toml-duplicate-table.md" => rejected("invalid TOML", Some(10));
    month_thirteen: "toml-bad-date.md" => rejected("invalid TOML", Some(8));
    february_thirtieth: "toml-feb-30.md" => rejected("invalid TOML", Some(8));
    wrong_types_everywhere: "toml-wrong-types.md" => fine();
    wrong_types_in_actions: "toml-wrong-action-types.md" => fine();
    year_zero: "toml-year-0.md" => fine(), editable;
    year_9999: "toml-year-9999.md" => fine(), editable;
    datetimes_without_offset: "toml-no-offset.md" => fine();
    offset_out_of_range: "toml-bad-offset.md" => rejected("invalid TOML", Some(8));
    unterminated_string: "toml-unterminated-string.md" => rejected("invalid TOML", Some(3));
    unterminated_multiline_string: "toml-unterminated-multiline.md" => rejected("invalid TOML", Some(8));
    unterminated_array: "toml-unterminated-array.md" => rejected("invalid TOML", Some(8));
    huge_integer: "toml-huge-integer.md" => rejected("invalid TOML", Some(10));
    nan_and_inf: "toml-special-floats.md" => fine();
    most_negative_integer: "toml-negative-integer.md" => fine();
    dotted_keys_where_tables_go: "toml-dotted-actions.md" => fine();
    inline_action_tables_and_junk: "toml-inline-actions.md" => fine();
    key_missing: "toml-key-junk.md" => rejected("invalid TOML", Some(8));
    lone_surrogate_escape: "toml-escapes.md" => rejected("invalid TOML", Some(8));
    control_characters_in_title: "control-characters.md" => fine();
    empty_file: "empty.md" => rejected("no front matter", Some(1));
    only_blank_lines: "only-newlines.md" => rejected("no front matter", Some(1));
    front_matter_only: "front-matter-only.md" => fine();
    lone_delimiter: "lone-delimiter.md" => rejected("never closed", Some(1));
    empty_front_matter: "empty-front-matter.md" => fine();
    byte_order_mark: "bom.md" => fine();
    byte_order_mark_twice: "bom-twice.md" => rejected("no front matter", Some(1));
    crlf_line_endings: "crlf.md" => fine(), editable;
    mixed_line_endings: "mixed-line-endings.md" => fine(), editable;
    carriage_returns_only: "cr-only.md" => rejected("no front matter", Some(1));
    path_traversal_in_id_and_title: "path-traversal.md" => fine();
    emoji: "emoji.md" => fine();
    right_to_left_and_bidi_overrides: "right-to-left.md" => fine();
    combining_characters: "combining.md" => fine();
    zero_width_characters: "zero-width.md" => fine();
    very_long_title: "very-long-title.md" => fine();
    latin1_text: "invalid-utf8.md" => rejected("not UTF-8", Some(3));
    utf16_text: "utf16.md" => rejected("looks binary", Some(1));
    nul_in_body: "nul-in-body.md" => rejected("looks binary", Some(16));
    nul_in_front_matter: "nul-in-front-matter.md" => rejected("looks binary", Some(3));
    utf8_cut_short: "truncated-utf8.md" => rejected("not UTF-8", Some(16));
    png_named_md: "png.md" => rejected("looks binary", Some(3));
    pdf_after_front_matter: "pdf-after-front-matter.md" => rejected("not UTF-8", Some(16));
}

#[test]
fn every_committed_input_has_a_case() {
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(DATA).expect("hostile data") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file() && !COMMITTED.contains(&name.as_str()) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "inputs without a case: {missing:?}");
}

// --- Generated inputs: large, deep, or not plain files. ---

/// A valid post-mortem head; the body follows.
fn head(extra: &str) -> String {
    format!(
        "+++\nid = \"2026-02-01-generated\"\ntitle = \"Generated\"\nstatus = \"draft\"\n\
         severity = \"SEV3\"\nstarted = 2026-02-01T10:00:00Z\n{extra}+++\n\n# Generated\n\n"
    )
}

#[test]
fn fifty_megabyte_file() {
    Case::new(
        "fifty-megabytes",
        Box::new(|s, case| {
            let path = s.write(&case.rel, head(""));
            // Sparse: the size is what pm refuses, without writing 50 MB.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .expect("open");
            file.set_len(50 * 1024 * 1024).expect("grow");
        }),
    )
    .expect(rejected("pm reads post-mortems up to", None))
    .run();
}

#[test]
fn ten_megabyte_single_line() {
    let mut text = head("");
    text.push_str(&"a".repeat(10 * 1024 * 1024));
    Case::bytes("ten-megabyte-line", text.into_bytes())
        .expect(rejected("pm reads post-mortems up to", None))
        .run();
}

#[test]
fn single_line_just_under_the_size_limit() {
    let mut text = head("");
    let room = pm::document::MAX_FILE_BYTES as usize - text.len() - 1;
    text.push_str(&"word ".repeat(room / 5));
    text.push('\n');
    Case::bytes("just-under-limit", text.into_bytes())
        .expect(fine())
        .run();
}

fn timeline(entries: usize) -> String {
    let mut text = head("");
    text.push_str("## Timeline\n\n");
    for i in 0..entries {
        text.push_str(&format!(
            "- {:02}:{:02} UTC: event {i}\n",
            (i / 60) % 24,
            i % 60
        ));
    }
    text
}

#[test]
fn hundred_thousand_timeline_entries() {
    Case::bytes("timeline-100k", timeline(100_000).into_bytes())
        .expect(fine())
        .run();
}

fn nested_lists(depth: usize) -> String {
    format!("{}## Summary\n\n{}deep\n", head(""), "- ".repeat(depth))
}

fn nested_quotes(depth: usize) -> String {
    format!("{}## Summary\n\n{}deep\n", head(""), "> ".repeat(depth))
}

#[test]
fn ten_thousand_nested_lists() {
    Case::bytes("nested-lists", nested_lists(10_000).into_bytes())
        .expect(fine())
        .run();
}

#[test]
fn ten_thousand_nested_block_quotes() {
    Case::bytes("nested-quotes", nested_quotes(10_000).into_bytes())
        .expect(fine())
        .run();
}

fn many_actions(count: usize) -> String {
    let mut extra = String::new();
    for i in 1..=count {
        extra.push_str(&format!(
            "\n[[actions]]\nid = \"A{i}\"\ntitle = \"Action {i}\"\nowner = \"o{i}@example.com\"\n\
             due = 2026-03-01\nstatus = \"open\"\n"
        ));
    }
    head(&extra)
}

#[test]
fn ten_thousand_action_items() {
    Case::bytes("actions-10k", many_actions(10_000).into_bytes())
        .expect(fine())
        .editable()
        .run();
}

#[test]
fn toml_arrays_nested_ten_thousand_deep() {
    let extra = format!("tickets = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    Case::bytes("deep-arrays", head(&extra).into_bytes())
        .expect(rejected("invalid TOML", Some(7)))
        .run();
}

#[test]
fn toml_inline_tables_nested_ten_thousand_deep() {
    let extra = format!(
        "impact = {}{}\n",
        "{ a = ".repeat(10_000),
        "1 }".repeat(10_000)
    );
    Case::bytes("deep-tables", head(&extra).into_bytes())
        .expect(rejected("invalid TOML", Some(7)))
        .run();
}

#[test]
fn toml_dotted_key_ten_thousand_parts() {
    let extra = format!("{} = 1\n", vec!["a"; 10_000].join("."));
    // toml_edit stops at its recursion limit and reports the start of the front matter
    // (line 2), not the key's line: the file is named and the message says why.
    Case::bytes("deep-dotted-key", head(&extra).into_bytes())
        .expect(rejected("recursion limit", Some(2)))
        .run();
}

#[test]
fn symlink_to_a_file_outside_the_repository() {
    let mut case = Case::new(
        "symlink-outside",
        Box::new(|s, case| {
            let target = s.home.join("secret.md");
            std::fs::write(&target, head("")).expect("target");
            let link = s.root.join(&case.rel);
            std::fs::create_dir_all(link.parent().expect("parent")).expect("folder");
            std::os::unix::fs::symlink(&target, link).expect("symlink");
        }),
    )
    .expect(rejected("symbolic link not followed", None));
    // The edit must not write through the link either.
    case.watched = Some(|s| s.home.join("secret.md"));
    case.run();
}

#[test]
fn dangling_symlink_and_symlink_loop() {
    Case::new(
        "symlink-loop",
        Box::new(|s, case| {
            let link = s.root.join(&case.rel);
            std::fs::create_dir_all(link.parent().expect("parent")).expect("folder");
            std::os::unix::fs::symlink(&link, &link).expect("loop");
            std::os::unix::fs::symlink(
                "/nonexistent/pm-test",
                link.with_file_name("2026-02-02-dangling.md"),
            )
            .expect("dangling");
        }),
    )
    .expect(rejected("symbolic link not followed", None))
    .run();
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let probe = tempfile::NamedTempFile::new().expect("probe");
    std::fs::set_permissions(probe.path(), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // As root (CI containers) permissions do not stop reads: the file is then simply read.
    let privileged = std::fs::read(probe.path()).is_ok();
    let case = Case::new(
        "unreadable",
        Box::new(|s, case| {
            let path = s.write(&case.rel, head(""));
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        }),
    );
    if privileged {
        case.expect(fine()).run();
    } else {
        case.expect(rejected("Permission denied", None)).run();
    }
}

#[test]
fn fifo_named_like_a_post_mortem() {
    Case::new(
        "fifo",
        Box::new(|s, case| {
            let path = s.root.join(&case.rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
            let status = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
            assert!(status.success());
        }),
    )
    .expect(Read::Ignored)
    .run();
}

#[test]
fn folder_named_like_a_post_mortem() {
    Case::new(
        "folder",
        Box::new(|s, case| {
            std::fs::create_dir_all(s.root.join(&case.rel)).expect("folder");
            s.write(&format!("{}/inner.txt", case.rel), "not a post-mortem");
        }),
    )
    .expect(Read::Ignored)
    .run();
}

#[test]
fn folders_nested_two_hundred_deep() {
    let mut case = Case::bytes("deep-folders", head("").into_bytes()).expect(fine());
    case.rel = format!("postmortems/{}2026-02-01-deep-folders.md", "d/".repeat(200));
    case.run();
}

#[test]
fn config_with_wrong_types() {
    let mut case = Case::new(
        "config-wrong-types",
        Box::new(|s, _| {
            s.write(
                "pm.toml",
                "[repo]\ndir = \"postmortems\"\n\n[document]\nseverities = \"SEV1\"\n\n[followup]\ndue_soon_days = -3\n",
            );
        }),
    )
    .expect(rejected("", Some(5)));
    case.rel = "pm.toml".into();
    case.config_broken = true;
    case.run();
}

#[test]
fn config_that_is_not_utf8() {
    let mut case = Case::new(
        "config-binary",
        Box::new(|s, _| {
            s.write("pm.toml", b"[repo]\ndir = \"post\xffmortems\"\n\x00\x01");
        }),
    )
    .expect(rejected("", None));
    case.rel = "pm.toml".into();
    case.config_broken = true;
    case.run();
}

#[test]
fn config_with_a_deeply_nested_value() {
    let mut case = Case::new(
        "config-deep",
        Box::new(|s, _| {
            s.write(
                "pm.toml",
                format!("[check]\nrules = {}\n", "[".repeat(5000)),
            );
        }),
    )
    .expect(rejected("", Some(2)));
    case.rel = "pm.toml".into();
    case.config_broken = true;
    case.run();
}

#[test]
fn file_name_with_emoji_and_spaces() {
    let mut case = Case::bytes("emoji-name", head("").into_bytes()).expect(fine());
    case.rel = "postmortems/2026/2026-02-01 🔥 outage \u{202e}txt.md".into();
    case.query = "🔥".into();
    case.run();
}

// --- The same ID in two folders ---

#[test]
fn the_same_id_in_two_folders_is_ambiguous_not_a_silent_pick() {
    let s = Sandbox::initialised();
    let doc = Doc::new("2026-01-05-twin", "Twin");
    s.add_postmortem(&doc);
    s.write("postmortems/2025/2026-01-05-twin.md", doc.render());
    let out = run_with_deadline(&s, &["show".into(), "2026-01-05-twin".into()]);
    out.code(2)
        .stderr_has("postmortems/2025/2026-01-05-twin.md")
        .stderr_has("postmortems/2026/2026-01-05-twin.md");
}

#[test]
fn control_and_bidi_characters_never_reach_the_terminal_raw() {
    let s = Sandbox::initialised();
    for (file, stem) in [
        ("control-characters.md", "2026-02-01-control"),
        ("right-to-left.md", "2026-02-01-rtl"),
    ] {
        let bytes = std::fs::read(Path::new(DATA).join(file)).expect("input");
        s.write(&format!("postmortems/2026/{stem}.md"), bytes);
    }
    let raw = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    for args in [vec!["list"], vec!["show", "control"], vec!["show", "rtl"]] {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let out = run_with_deadline(&s, &args);
        out.ok();
        assert!(
            !out.stdout.chars().any(raw),
            "pm {args:?} printed a control character\n{:?}",
            out.stdout
        );
        assert!(out.stdout.contains('\u{fffd}'), "{}", out.stdout);
    }
    // JSON keeps the title exactly as written.
    let json = run_with_deadline(
        &s,
        &[
            "show".into(),
            "rtl".into(),
            "--format".into(),
            "json".into(),
        ],
    );
    assert!(json.json()["title"]
        .as_str()
        .is_some_and(|t| t.contains('\u{202e}')));
}

// ---------------------------------------------------------------------------------------------
// The library on the same inputs, on a thread with a small stack like the loader's workers.

fn parse_everything(bytes: &[u8]) {
    let _ = pm::document::Document::parse_front_matter(bytes);
    if let Ok(doc) = pm::document::Document::parse(bytes, &Default::default()) {
        let body = doc.body.expect("body");
        for p in &body.prose {
            assert!(p.span.end <= doc.text.len());
            assert_eq!(p.text.len(), p.span.len());
        }
    }
    let files = [pm::checks::SourceFile {
        path: "postmortems/2026/x.md".into(),
        bytes: bytes.to_vec(),
    }];
    let _ = pm::checks::check(&files, &pm::config::Config::default(), &Default::default());
}

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic and no stack overflow");
}

#[test]
fn deep_markdown_nesting_does_not_overflow_the_stack() {
    on_small_stack(|| {
        for text in [
            nested_lists(10_000),
            nested_quotes(10_000),
            format!(
                "{}{}x{}\n",
                head(""),
                "*".repeat(20_000),
                "*".repeat(20_000)
            ),
            format!(
                "{}{}x{}\n",
                head(""),
                "[".repeat(20_000),
                "]".repeat(20_000)
            ),
            format!("{}{}\n", head(""), "> - ".repeat(5_000)),
            format!("{}{}\n", head(""), "<div>".repeat(10_000)),
        ] {
            parse_everything(text.as_bytes());
        }
    });
}

#[test]
fn large_documents_parse_in_full() {
    on_small_stack(|| {
        let doc = pm::document::Document::parse(timeline(100_000).as_bytes(), &Default::default())
            .expect("parses");
        assert_eq!(doc.body.expect("body").timeline.len(), 100_000);
        let doc =
            pm::document::Document::parse(many_actions(10_000).as_bytes(), &Default::default())
                .expect("parses");
        assert_eq!(doc.front.actions.len(), 10_000);
    });
}

/// Every committed input and every input a fuzzer ever crashed on, through the library.
#[test]
fn committed_inputs_and_fuzz_regressions_replay_through_the_library() {
    let mut count = 0;
    for dir in [DATA.to_string(), format!("{DATA}/fuzz-regressions")] {
        for entry in std::fs::read_dir(&dir).expect("data folder") {
            let path = entry.expect("entry").path();
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).expect("read");
            on_small_stack(move || parse_everything(&bytes));
            count += 1;
        }
    }
    assert!(count >= 40, "only {count} inputs");
}
