//! pm timeline add|import: entries from a Slack export (folder and zip), CSV, JSONL and a git
//! log, merged into the Timeline section; the file is checked byte for byte.

use crate::common::{Doc, Sandbox};
use std::io::Write;
use std::path::Path;

/// 2026-03-04T00:00:00Z in epoch seconds.
const MIDNIGHT: i64 = 1_772_582_400;

/// A Slack `ts` at `hh:mm` on 2026-03-04 UTC.
fn ts(hh: i64, mm: i64) -> String {
    format!("{}.000{hh:02}{mm:02}", MIDNIGHT + hh * 3600 + mm * 60)
}

/// The files of a small Slack export: two channels, users, one day of #incident-42 with a
/// join, a bot alert, a thread, a message outside the window and a line that blames someone.
fn slack_export() -> Vec<(String, String)> {
    let day = serde_json::json!([
        {"type": "message", "subtype": "channel_join", "user": "U1", "text": "<@U1> has joined the channel", "ts": ts(9, 58)},
        {"type": "message", "user": "U1", "text": "<!here> checkout p99 is climbing, see <https://grafana.example.com/d/42|the dashboard>", "ts": ts(10, 2)},
        {"type": "message", "subtype": "bot_message", "bot_id": "B1", "username": "PagerDuty", "text": "Triggered: checkout latency", "ts": ts(10, 4)},
        {"type": "message", "user": "U2", "text": "<@U1> it looks like the pool change from this morning", "ts": ts(10, 12), "thread_ts": ts(10, 12), "reply_count": 1, "reactions": [{"name": "eyes", "users": ["U1"], "count": 1}]},
        {"type": "message", "user": "U1", "text": "Reverting it now &amp; watching the graphs", "ts": ts(10, 15), "thread_ts": ts(10, 12), "parent_user_id": "U2"},
        {"type": "message", "user": "U2", "text": "It's clear Dave didn't follow the checklist", "ts": ts(10, 30)},
        {"type": "message", "user": "U3", "text": "All clear, closing the incident", "ts": ts(11, 45)},
        {"type": "message", "user": "U1", "text": "lunch?", "ts": ts(13, 30)}
    ]);
    let users = serde_json::json!([
        {"id": "U1", "name": "kim.l", "profile": {"display_name": "kim", "real_name": "Kim Lee"}},
        {"id": "U2", "name": "sam.o", "profile": {"display_name": "", "real_name": "Sam Ortiz"}},
        {"id": "U3", "name": "jo", "profile": {}}
    ]);
    let channels = serde_json::json!([
        {"id": "C1", "name": "incident-42", "created": 1772580000},
        {"id": "C2", "name": "general", "created": 1700000000}
    ]);
    vec![
        ("channels.json".into(), channels.to_string()),
        ("users.json".into(), users.to_string()),
        ("incident-42/2026-03-04.json".into(), day.to_string()),
        (
            "general/2026-03-04.json".into(),
            serde_json::json!([{"type": "message", "user": "U3", "text": "hello", "ts": ts(10, 20)}])
                .to_string(),
        ),
    ]
}

fn write_folder(dir: &Path, files: &[(String, String)]) {
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
        std::fs::write(path, text).expect("write");
    }
}

/// Zips the files under a top folder, deflated, as Slack hands an export out.
fn write_zip(path: &Path, files: &[(String, String)]) {
    let file = std::fs::File::create(path).expect("zip file");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        zip.start_file(format!("Acme Slack export/{name}"), options)
            .expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish");
}

const PEOPLES_TIMELINE: &str = "- 10:00 UTC: latency on the checkout service began to rise.\n- 10:05 UTC: the latency alert fired and paged the on-call engineer.\n- 10:40 UTC: the configuration change was reverted.\n- 11:00 UTC: latency returned to normal.";

#[test]
fn a_slack_export_folder_or_zip_is_merged_into_the_timeline() {
    let s = Sandbox::initialised();
    let doc = Doc::new("2026-03-04-checkout-latency", "Checkout latency");
    let rel = s.add_postmortem(&doc);
    let before = s.read(&rel);
    let export = s.root.join("../slack-export");
    write_folder(&export, &slack_export());
    let zip = s.root.join("../slack-export.zip");
    write_zip(&zip, &slack_export());
    let export = export.to_str().expect("utf-8 path");
    let zip = zip.to_str().expect("utf-8 path");

    // The zip, only messages someone reacted to, as a dry run: printed, nothing written.
    s.pm([
        "timeline",
        "import",
        "checkout",
        zip,
        "--from",
        "slack",
        "--channel",
        "#incident-42",
        "--reacted",
        "--dry-run",
    ])
    .ok()
    .stderr_has("1 entry would be added; nothing was written");
    let dry = s.pm([
        "timeline",
        "import",
        "checkout",
        zip,
        "--from",
        "slack",
        "--channel",
        "C1",
        "--reacted=eyes",
        "--dry-run",
    ]);
    assert_eq!(
        dry.stdout,
        "- 10:12 UTC: Sam Ortiz: @kim it looks like the pool change from this morning\n"
    );
    assert_eq!(s.read(&rel), before);

    // Several channels: pm asks which.
    s.pm(["timeline", "import", "checkout", export, "--from", "slack"])
        .code(2)
        .stderr_has("several channels (#incident-42, #general): say which with --channel");

    // The folder: joins, the bot and the message after the window are left out.
    s.pm([
        "timeline",
        "import",
        "checkout",
        export,
        "--from",
        "slack",
        "--channel",
        "incident-42",
    ])
    .ok()
    .stderr_has("5 entries added");
    let want = before.replace(
        PEOPLES_TIMELINE,
        "- 10:00 UTC: latency on the checkout service began to rise.\n\
         - 10:02 UTC: kim: @here checkout p99 is climbing, see [the dashboard](https://grafana.example.com/d/42)\n\
         - 10:05 UTC: the latency alert fired and paged the on-call engineer.\n\
         - 10:12 UTC: Sam Ortiz: @kim it looks like the pool change from this morning\n\
         - 10:15 UTC: kim (in a thread): Reverting it now & watching the graphs\n\
         - 10:30 UTC: Sam Ortiz: It's clear Dave didn't follow the checklist\n\
         - 10:40 UTC: the configuration change was reverted.\n\
         - 11:00 UTC: latency returned to normal.\n\
         - 11:45 UTC: jo: All clear, closing the incident",
    );
    assert_ne!(want, before);
    assert_eq!(s.read(&rel), want);

    // A second import (of the zip this time, bots kept) adds only the bot's alert.
    s.pm([
        "timeline",
        "import",
        "checkout",
        zip,
        "--from",
        "slack",
        "--channel",
        "incident-42",
        "--bots",
    ])
    .ok()
    .stderr_has("1 entry added (5 already there)");
    let want = want.replace(
        "- 10:05 UTC: the latency alert",
        "- 10:04 UTC: PagerDuty: Triggered: checkout latency\n- 10:05 UTC: the latency alert",
    );
    assert_eq!(s.read(&rel), want);

    // Imported lines are prose: the blaming chat line is flagged, the gap shows in the agenda.
    let line = want
        .lines()
        .position(|l| l.contains("Dave didn't"))
        .expect("line")
        + 1;
    let check = s.pm(["check", &rel, "--format", "json"]);
    let json = check.json();
    let flagged: Vec<(u64, String)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        flagged
            .iter()
            .any(|(l, rule)| *l == line as u64 && rule.starts_with("blameless/")),
        "line {line} not flagged: {flagged:?}"
    );
    s.pm(["agenda", "checkout"])
        .ok()
        .stdout_has("45 minutes between line")
        .stdout_has("(`11:00`) and line")
        .stdout_has("(`11:45`): what was happening?");

    // Bad exports name the file (and line); nothing is written.
    let broken = s.root.join("../broken");
    let mut files = slack_export();
    files.retain(|(name, _)| name != "users.json");
    write_folder(&broken, &files);
    let broken = broken.to_str().expect("utf-8 path");
    s.pm([
        "timeline",
        "import",
        "checkout",
        broken,
        "--from",
        "slack",
        "--channel",
        "general",
    ])
    .code(2)
    .stderr_has("broken: the Slack export has no users.json");
    write_folder(
        Path::new(export),
        &[(
            "general/2026-03-04.json".into(),
            "[\n  {\"ts\": \"1772619600.0\",\n   \"text\": oops}\n]".into(),
        )],
    );
    s.pm([
        "timeline",
        "import",
        "checkout",
        export,
        "--from",
        "slack",
        "--channel",
        "general",
    ])
    .code(2)
    .stderr_has("slack-export/general/2026-03-04.json:3: invalid JSON");
    s.pm([
        "timeline",
        "import",
        "checkout",
        export,
        "--from",
        "slack",
        "--channel",
        "general",
        "--skip-bad",
    ])
    .ok()
    .stderr_has("pm: warning: skipped ")
    .stderr_has("general/2026-03-04.json:3: invalid JSON")
    .stderr_has("0 entries added");
    assert_eq!(s.read(&rel), want);
}

#[test]
fn csv_jsonl_and_git_entries_land_in_a_table_timeline() {
    let s = Sandbox::initialised();
    let doc = Doc::new("2026-03-04-checkout-latency", "Checkout latency").section(
        "Timeline",
        "| Time | Event |\n|---|---|\n| 2026-03-04 10:00 UTC | latency began to rise |\n| 2026-03-04 11:00 UTC | latency returned to normal |",
    );
    let rel = s.add_postmortem(&doc);
    let before = s.read(&rel);
    // The deploy log: the repository's own commits, those in the window matching --match.
    s.commit_all("deploy: raise the pool size", "2026-03-03T10:20:00Z");
    let deploy = s.commit_all("deploy: revert the pool change", "2026-03-04T10:41:00Z");
    s.commit_all("docs: fix a typo", "2026-03-04T10:45:00Z");
    s.write(
        "alerts.csv",
        "\u{feff}source,time,text\nPagerDuty,2026-03-04T10:03:00Z,\"Triggered: latency > 2s, checkout\"\nOpsgenie,2026-03-04 11:30 +01:00,a | pipe\nPagerDuty,2026-03-04 14:00 UTC,after the window\n",
    );
    s.write(
        "pages.jsonl",
        "{\"time\": 1772620200000, \"text\": \"Acknowledged\", \"source\": \"PagerDuty\", \"id\": 7}\n\n{\"time\": \"2026-03-04T10:03:00Z\", \"text\": \"Triggered: latency > 2s, checkout\", \"source\": \"PagerDuty\"}\n",
    );
    s.pm([
        "timeline",
        "import",
        "checkout",
        "alerts.csv",
        "--from",
        "csv",
    ])
    .ok()
    .stderr_has("2 entries added");
    s.pm([
        "timeline",
        "import",
        "checkout",
        "pages.jsonl",
        "--from",
        "jsonl",
    ])
    .ok()
    .stderr_has("1 entry added (1 already there)");
    s.pm([
        "timeline", "import", "checkout", ".", "--from", "git", "--match", "^deploy",
    ])
    .ok()
    .stderr_has("1 entry added");
    let added = s.pm([
        "timeline",
        "add",
        "checkout",
        "10:50",
        "error rate back under 1%",
    ]);
    added.ok();
    assert_eq!(
        added.stdout,
        "| 2026-03-04 10:50 UTC | error rate back under 1% |\n"
    );
    // 11:30 +01:00 is 10:30 UTC; entries at the same minute keep the order they came in.
    let want = before.replace(
        "| 2026-03-04 11:00 UTC | latency returned to normal |",
        &format!(
            "| 2026-03-04 10:03 UTC | PagerDuty: Triggered: latency > 2s, checkout |\n\
             | 2026-03-04 10:30 UTC | Opsgenie: a \\| pipe |\n\
             | 2026-03-04 10:30 UTC | PagerDuty: Acknowledged |\n\
             | 2026-03-04 10:41 UTC | deploy: revert the pool change (commit {}) |\n\
             | 2026-03-04 10:50 UTC | error rate back under 1% |\n\
             | 2026-03-04 11:00 UTC | latency returned to normal |",
            &deploy[..7]
        ),
    );
    assert_eq!(s.read(&rel), want);

    // A row without a time names the file and line; nothing is written without --skip-bad.
    s.write(
        "bad.csv",
        "time,text\n2026-03-04 10:10,fine\n,no time here\n",
    );
    s.pm(["timeline", "import", "checkout", "bad.csv", "--from", "csv"])
        .code(2)
        .stderr_has("bad.csv:3: the row has no time; nothing was written");
    assert_eq!(s.read(&rel), want);
    s.pm([
        "timeline",
        "import",
        "checkout",
        "bad.csv",
        "--from",
        "csv",
        "--skip-bad",
        "--dry-run",
    ])
    .ok()
    .stderr_has("pm: warning: skipped bad.csv:3: the row has no time")
    .stdout_has("| 2026-03-04 10:10 UTC | fine |\n");
    assert_eq!(s.read(&rel), want);
}
