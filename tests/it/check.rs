//! `pm check` as a user drives it: paths, stdin, levels, output formats, exit codes.

use crate::common::{ActionSpec, Doc, Sandbox};
use serde_json::Value;

const GOOD: &str = "2026-03-02-checkout-latency";

fn repo_with_good_doc() -> (Sandbox, String) {
    let s = Sandbox::initialised();
    let path = s.add_postmortem(&Doc::new(GOOD, "Checkout latency"));
    (s, path)
}

/// The `blameless/*` diagnostics of a JSON report.
fn wording_findings(report: &Value) -> Vec<&Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"].as_str().unwrap_or("").starts_with("blameless/"))
        .collect()
}

/// The `blameless/*` diagnostics of a JSON report as (rule, 1-based line).
fn wording_lines(report: &Value) -> Vec<(String, usize)> {
    wording_findings(report)
        .into_iter()
        .map(|d| {
            let line = d["line"].as_u64().unwrap_or(0) as usize;
            (d["rule"].as_str().unwrap_or("").to_string(), line)
        })
        .collect()
}

/// The 1-based number of the first line of `text` that starts with `prefix`.
fn line_starting(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect("the line is in the file")
        + 1
}

/// Asserts that no wording finding sits on a line of `text` starting with any of `quiet`, and
/// that each `(prefix, rule)` of `loud` has its rule's finding on the line starting so.
fn assert_wording_lines(text: &str, report: &Value, quiet: &[&str], loud: &[(&str, &str)]) {
    let found = wording_lines(report);
    for quiet in quiet {
        let line = line_starting(text, quiet);
        assert!(found.iter().all(|(_, l)| *l != line), "{quiet}: {report}");
    }
    for (loud, rule) in loud {
        let line = line_starting(text, loud);
        assert!(
            found.contains(&(rule.to_string(), line)),
            "{loud}: {report}"
        );
    }
}

/// Checks a post-mortem whose Discussion section is `body` in a fresh repository: the file as
/// written and `pm check --format json`'s report.
fn check_discussion(title: &str, body: &str) -> (String, Value) {
    let s = Sandbox::initialised();
    let path = s.add_postmortem(&Doc::new(GOOD, title).section("Discussion", body));
    (s.read(&path), s.pm(["check", "--format", "json"]).json())
}

fn rules_of(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_clean_repository_passes_with_a_summary_line() {
    let (s, _) = repo_with_good_doc();
    let out = s.pm(["check"]);
    out.ok();
    assert_eq!(out.stdout, "0 errors, 0 warnings in 1 file\n");
}

#[test]
fn human_output_shows_the_line_underlines_the_span_and_offers_a_rewrite() {
    let s = Sandbox::initialised();
    let doc = Doc::new(GOOD, "Checkout latency").section(
        "Contributing Factors",
        "The reviewer should have caught the limit of zero.",
    );
    let path = s.add_postmortem(&doc);
    let out = s.pm(["check"]);
    out.code(1)
        .stdout_has("error[blameless/counterfactual]")
        .stdout_has(&format!("--> {path}:"))
        .stdout_has("The reviewer should have caught the limit of zero.")
        .stdout_has("             ^^^^^^^^^^^")
        .stdout_has("= help: ")
        .stdout_has("1 error, 0 warnings in 1 file");
    assert!(
        !out.stdout.contains("\x1b["),
        "no colour without a terminal"
    );
    let coloured = s.pm(["--color", "always", "check"]);
    assert!(coloured.stdout.contains("\x1b["), "{}", coloured.stdout);
}

#[test]
fn positions_in_a_crlf_file_with_a_bom_are_those_an_editor_shows() {
    let s = Sandbox::initialised();
    let doc = Doc::new(GOOD, "Checkout latency").section(
        "Contributing Factors",
        "Ünïcode first. We should have caught it.",
    );
    let text = format!("\u{feff}{}", doc.render().replace('\n', "\r\n"));
    let rel = format!("postmortems/2026/{GOOD}.md");
    s.write(&rel, &text);
    let report = s.pm(["check", "--format", "json"]).code(1).json();
    let d = &report["diagnostics"][0];
    assert_eq!(d["rule"], "blameless/counterfactual");
    let lf = doc.render();
    let line = lf
        .lines()
        .position(|l| l.starts_with("Ünïcode"))
        .expect("line")
        + 1;
    assert_eq!(
        (d["line"].as_u64(), d["end_line"].as_u64()),
        (Some(line as u64), Some(line as u64))
    );
    // Columns count characters: "Ünïcode first. We " is 18 characters.
    assert_eq!(d["column"], 19);
    assert_eq!(d["end_column"], 37);
    // A finding on the first line is not shifted by the BOM.
    s.write(
        &rel,
        text.replacen("status = \"in-review\"", "status = \"in review\"", 1),
    );
    let report = s.pm(["check", "--format", "json"]).code(1).json();
    let status = report["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["rule"] == "frontmatter/invalid-status"))
        .expect("status finding")
        .clone();
    assert_eq!(
        (status["line"].as_u64(), status["column"].as_u64()),
        (Some(4), Some(10))
    );
}

#[test]
fn json_output_has_exactly_the_documented_fields() {
    let s = Sandbox::initialised();
    s.add_postmortem(&Doc::new(GOOD, "Checkout latency").action(ActionSpec::new(
        "A1",
        "Improve monitoring",
        "sam@example.com",
        "2026-04-01",
        "open",
    )));
    let out = s.pm(["check", "--format", "json"]);
    out.ok();
    let report = out.json();
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&report),
        ["diagnostics", "files_checked", "summary", "version"]
    );
    assert_eq!(report["version"], 1);
    assert_eq!(report["files_checked"], 1);
    assert_eq!(
        report["summary"],
        serde_json::json!({"errors": 0, "warnings": 1})
    );
    let d = &report["diagnostics"][0];
    assert_eq!(
        keys(d),
        [
            "column",
            "end_column",
            "end_line",
            "line",
            "message",
            "path",
            "rule",
            "severity",
            "suggestion"
        ]
    );
    assert_eq!(d["rule"], "actions/not-actionable");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["path"], format!("postmortems/2026/{GOOD}.md"));
    assert!(d["suggestion"]
        .as_str()
        .is_some_and(|s| s.contains("Alert when")));
}

#[test]
fn sarif_output_is_sarif_2_1_0_with_rule_metadata_and_regions() {
    let s = Sandbox::initialised();
    s.add_postmortem(
        &Doc::new(GOOD, "Checkout latency").section("Contributing Factors", "It was human error."),
    );
    let log = s.pm(["check", "--format", "sarif"]).code(1).json();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "pm");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let rule = rules
        .iter()
        .find(|r| r["id"] == "blameless/human-error")
        .expect("rule metadata");
    for field in ["shortDescription", "fullDescription", "help"] {
        assert!(
            rule[field]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{field}"
        );
    }
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert!(rules.iter().any(|r| r["id"] == "structure/title-mismatch"
        && r["defaultConfiguration"]["level"] == "warning"));
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "blameless/human-error");
    assert_eq!(result["level"], "error");
    assert!(result["message"]["text"].as_str().is_some());
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        format!("postmortems/2026/{GOOD}.md")
    );
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    let region = &location["region"];
    // "It was human error.": the phrase is characters 8 to 18; the end is exclusive.
    assert_eq!(region["startColumn"], 8);
    assert_eq!(region["endColumn"], 19);
    assert_eq!(region["startLine"], region["endLine"]);
}

#[test]
fn github_output_is_one_escaped_workflow_command_per_finding() {
    let s = Sandbox::initialised();
    let doc = Doc::new(GOOD, "Checkout latency")
        .front("statsu = \"in-review\"")
        .action(ActionSpec::new(
            "A1",
            "Improve monitoring",
            "sam@example.com",
            "2026-04-01",
            "open",
        ))
        .section("Contributing Factors", "It was human error.");
    let rel = format!("postmortems/odd,dir:50%/{GOOD}.md");
    s.write(&rel, doc.render());
    let out = s.pm(["check", "--format", "github"]);
    out.code(1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    let file = format!("file=postmortems/odd%2Cdir%3A50%25/{GOOD}.md");
    assert!(
        lines[0].starts_with(&format!(
            "::warning {file},line=12,col=1,endLine=12,endColumn=7,title=frontmatter/unknown-key::"
        )),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].ends_with("%0Ahelp: did you mean `status`?"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(&format!("::warning {file},line=")),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("title=actions/not-actionable::"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("above 80%25 for 5 minutes"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with(&format!("::error {file},line=")),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains(",col=8,"), "{}", lines[2]);
    assert!(
        lines[2].contains("title=blameless/human-error::"),
        "{}",
        lines[2]
    );
    assert!(
        lines.iter().all(|l| !l.contains('\r')),
        "one line per finding"
    );
}

#[test]
fn rule_levels_come_from_pm_toml_and_fail_on_decides_the_exit_code() {
    let s = Sandbox::initialised();
    s.add_postmortem(&Doc::new(GOOD, "Checkout latency").section(
        "Contributing Factors",
        "The reviewer should have caught it.",
    ));
    s.pm(["check"]).code(1);
    let config = s.read("pm.toml");
    let with_level = |level: &str| {
        config.replace(
            "[check.rules]\n",
            &format!("[check.rules]\n\"blameless/counterfactual\" = \"{level}\"\n"),
        )
    };
    s.write("pm.toml", with_level("warning"));
    s.pm(["check"])
        .ok()
        .stdout_has("warning[blameless/counterfactual]");
    s.pm(["check", "--fail-on", "warning"]).code(1);
    s.write(
        "pm.toml",
        with_level("warning").replace("fail_on = \"error\"", "fail_on = \"warning\""),
    );
    s.pm(["check"]).code(1);
    s.pm(["check", "--fail-on", "error"]).ok();
    s.write("pm.toml", with_level("off"));
    let out = s.pm(["check"]);
    out.ok();
    assert_eq!(out.stdout, "0 errors, 0 warnings in 1 file\n");
    // A group turns all its rules off; the rule's own setting wins over its group's.
    s.write(
        "pm.toml",
        config.replace(
            "[check.rules]\n",
            "[check.rules]\nblameless = \"off\"\n\"blameless/counterfactual\" = \"warning\"\n",
        ),
    );
    s.pm(["check"])
        .ok()
        .stdout_has("0 errors, 1 warning in 1 file");
}

#[test]
fn an_unknown_rule_in_pm_toml_is_a_usage_error_with_a_suggestion() {
    let s = Sandbox::initialised();
    let config = s.read("pm.toml").replace(
        "[check.rules]\n",
        "[check.rules]\n\"blameless/hindsigth\" = \"warning\"\n",
    );
    config_error_at(&s, &config, "hindsigth")
        .stderr_has("`blameless/hindsigth`")
        .stderr_has("did you mean `blameless/hindsight`?");
}

/// Writes `config` as pm.toml and runs `pm check`, which must fail with a usage error (exit 2)
/// naming `pm.toml` and the line holding `needle`.
fn config_error_at(s: &Sandbox, config: &str, needle: &str) -> crate::common::Output {
    s.write("pm.toml", config);
    let line = config
        .lines()
        .position(|l| l.contains(needle))
        .expect("the needle is in the configuration")
        + 1;
    let out = s.pm(["check"]);
    out.code(2).stderr_has(&format!("pm.toml:{line}:"));
    out
}

#[test]
fn stdin_is_checked_under_the_name_the_editor_gives() {
    let (s, path) = repo_with_good_doc();
    let text = s.read(&path).replace(
        "The configuration format accepted",
        "The outage was caused by human error. The configuration format accepted",
    );
    let out = s.pm_in(
        &s.root,
        [
            "check",
            "--stdin",
            "--stdin-filename",
            &path,
            "--format",
            "json",
        ],
        Some(text.as_bytes()),
    );
    let report = out.code(1).json();
    assert_eq!(report["files_checked"], 1);
    assert_eq!(report["diagnostics"][0]["path"], path.as_str());
    // The file on disk is the same document: it is not a duplicate of itself.
    let rules = rules_of(&report);
    assert!(
        rules.iter().all(|r| r.starts_with("blameless/")),
        "{rules:?}"
    );
    assert!(
        rules.iter().any(|r| r == "blameless/human-error"),
        "{rules:?}"
    );

    let out = s.pm_in(
        &s.root,
        ["check", "--stdin", "--format", "json"],
        Some(text.as_bytes()),
    );
    let report = out.code(1).json();
    assert_eq!(report["diagnostics"][0]["path"], "<stdin>");
    // Without a name pm cannot tell the piped file from the one on disk: no duplicate of
    // itself is reported (issue 15).
    let rules = rules_of(&report);
    assert!(
        !rules.iter().any(|r| r == "frontmatter/duplicate-id"),
        "{rules:?}"
    );
    assert!(
        rules.iter().any(|r| r == "blameless/human-error"),
        "{rules:?}"
    );

    s.pm_in(&s.root, ["check", "--stdin"], Some(b"not a post-mortem"))
        .code(1)
        .stdout_has("error[frontmatter/missing]");
}

#[test]
fn a_duplicate_id_is_found_in_the_folder_even_when_one_file_is_checked() {
    let (s, path) = repo_with_good_doc();
    let copy = format!("postmortems/2025/{GOOD}.md");
    s.write(&copy, s.read(&path));
    let report = s.pm(["check", "--format", "json"]).code(1).json();
    let dupes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "frontmatter/duplicate-id")
        .map(|d| d["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(dupes, [copy.as_str(), path.as_str()]);
    let out = s.pm(["check", &path]);
    out.code(1).stdout_has(&format!("also used by {copy}"));
}

#[test]
fn explain_and_list_rules_document_every_rule() {
    let s = Sandbox::initialised();
    s.pm(["check", "--explain", "actions/targets-person"])
        .ok()
        .stdout_has("actions/targets-person (error by default)")
        .stdout_has("Why: ")
        .stdout_has("Instead of:")
        .stdout_has("Write:")
        .stdout_has("<!-- pm-ignore actions/targets-person -->");
    s.pm(["check", "--explain", "actions/targets-persn"])
        .code(2)
        .stderr_has("did you mean `actions/targets-person`?");
    let list = s.pm(["check", "--list-rules"]);
    list.ok();
    for rule in [
        "frontmatter/unknown-key",
        "structure/empty-section",
        "timeline/out-of-order",
        "actions/not-actionable",
        "blameless/counterfactual",
        "structure/unknown-rule",
    ] {
        list.stdout_has(rule);
    }
}

#[test]
fn bad_paths_are_usage_errors() {
    let (s, _) = repo_with_good_doc();
    s.pm(["check", "postmortems/2026/nope.md"])
        .code(2)
        .stderr_has("postmortems/2026/nope.md: no such file or folder");
    let outside = s.home.join("elsewhere.md");
    std::fs::write(&outside, "+++\n+++\n").expect("write");
    s.pm(["check", outside.to_str().expect("utf-8 path")])
        .code(2)
        .stderr_has("outside the repository root");
    s.pm(["check", "--staged", "postmortems"]).code(2);
}

#[test]
fn a_broken_file_is_a_finding_and_the_others_are_still_checked() {
    let (s, _) = repo_with_good_doc();
    s.write(
        "postmortems/2026/2026-03-03-broken.md",
        b"+++\nid = \"x\n+++\n",
    );
    s.write("postmortems/2026/2026-03-04-binary.md", b"+++\n\0\0\0");
    let bad = Doc::new("2026-03-05-wording", "Wording")
        .section("Root Cause Analysis", "Human error by the deployer.");
    s.add_postmortem(&bad);
    let report = s.pm(["check", "--format", "json"]).code(1).json();
    assert_eq!(report["files_checked"], 4);
    let found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "postmortems/2026/2026-03-03-broken.md".to_string(),
                "frontmatter/invalid-toml".to_string()
            ),
            (
                "postmortems/2026/2026-03-04-binary.md".into(),
                "frontmatter/unreadable".into()
            ),
            (
                "postmortems/2026/2026-03-05-wording.md".into(),
                "blameless/human-error".into()
            ),
        ]
    );
    assert_eq!(report["diagnostics"][0]["line"], 2);
}

#[test]
fn a_post_mortem_fresh_from_pm_new_has_no_wording_findings() {
    let s = Sandbox::initialised();
    let out = s.pm(["new", "Checkout outage", "--started", "2026-03-01T09:12Z"]);
    out.ok();
    let path = out.stdout.trim().to_string();
    let report = s.pm(["check", "--format", "json", &path]).ok().json();
    let rules = rules_of(&report);
    assert!(!rules.is_empty(), "a draft's empty sections are reported");
    assert!(
        rules
            .iter()
            .all(|r| r == "structure/empty-section" || r == "structure/recommended-section"),
        "{rules:?}"
    );
    assert!(report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .all(|d| d["severity"] == "warning"));
    // Past draft, the same gaps are errors.
    let text = s
        .read(&path)
        .replace("status = \"draft\"", "status = \"in-review\"");
    s.write(&path, text);
    s.pm(["check", &path])
        .code(1)
        .stdout_has("error[structure/empty-section]");
}

#[test]
fn sensitivity_moves_only_the_models_own_warnings() {
    let (s, path) = repo_with_good_doc();
    // Invented sentences: the first leans toward blame (sarcasm), the second barely; the third
    // is blame a rule finds, an error at every sensitivity. (The model's probabilities move
    // when it is retrained; round 18's gives P 0.88 on the first, whose evidence is the one
    // word "Nice", between the normal and low bars for such evidence, 0.80 and 0.90; and P
    // 0.65 on the second, again on "Nice" alone: below normal's 0.80 and above high's 0.20.
    // Round 14's sentence "Lovely timing with the quarterly release window." fell to P 0.13
    // when round 17 trained on casual prose; round 17's "Nice work on the quarterly release
    // window." rose to P 0.91, above the low bar, when round 18 trained on more sets. Round
    // 37's model gives "Nice job with the quarterly release window." P 0.73, and "Nice job on
    // the quarterly release window." P 0.86 on "Nice" alone, and the second P 0.57.)
    let text = s.read(&path).replace(
        "The configuration format accepted",
        "Nice job on the quarterly release window. \
         Nice timing with the holiday release window. \
         The operator restarted the wrong cluster during the incident. \
         The configuration format accepted",
    );
    s.write(&path, &text);
    let config = s.read("pm.toml");
    assert!(config.contains("\nsensitivity = \"normal\"\n"), "{config}");
    let wording = |level: Option<&str>| -> Vec<(String, String, String)> {
        // `pm init` writes the default out, like every other key.
        let with = match level {
            Some(level) => config.replace(
                "sensitivity = \"normal\"\n",
                &format!("sensitivity = \"{level}\"\n"),
            ),
            None => config.replace("sensitivity = \"normal\"\n", ""),
        };
        s.write("pm.toml", &with);
        let report = s.pm(["check", "--format", "json"]).json();
        let mut found: Vec<(String, String, String)> = wording_findings(&report)
            .into_iter()
            .map(|d| {
                // Which of the three sentences the finding starts in: the one containing the
                // text from its start up to the next full stop.
                let line = d["line"].as_u64().unwrap_or(0) as usize;
                let col = d["column"].as_u64().unwrap_or(0) as usize;
                let line = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
                let from: String = line.chars().skip(col.saturating_sub(1)).collect();
                let head = from.split('.').next().unwrap_or("");
                let sentence = ["quarterly", "holiday", "operator"]
                    .iter()
                    .find(|w| {
                        line.split(". ")
                            .any(|sentence| sentence.contains(*w) && sentence.contains(head))
                    })
                    .map_or("?", |w| *w);
                (
                    sentence.to_string(),
                    d["rule"].as_str().unwrap_or("").to_string(),
                    d["severity"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let error = (
        "operator".to_string(),
        "blameless/individual-fault".to_string(),
        "error".to_string(),
    );
    let window = (
        "quarterly".to_string(),
        "blameless/sarcasm".to_string(),
        "warning".to_string(),
    );
    let good = (
        "holiday".to_string(),
        "blameless/sarcasm".to_string(),
        "warning".to_string(),
    );
    let normal = wording(None);
    // Sorted by the sentence's key word.
    assert_eq!(normal, vec![error.clone(), window.clone()]);
    assert_eq!(wording(Some("normal")), normal);
    assert_eq!(wording(Some("low")), vec![error.clone()]);
    assert_eq!(wording(Some("high")), vec![good, error, window]);
    // A value outside the three is a configuration error naming the line and the choices.
    let bad = config.replace("sensitivity = \"normal\"", "sensitivity = \"extreme\"");
    config_error_at(&s, &bad, "extreme").stderr_has("expected one of `low`, `normal`, `high`");
}

#[test]
fn each_line_of_a_pasted_chat_without_blank_lines_is_judged_alone() {
    // Invented chat: six timestamped lines form one Markdown paragraph. Read as one long
    // sentence, the sanction on the fifth line drowned among five ordinary lines; each line
    // that opens with a clock time is a sentence of its own, so it is found, on its own line.
    let s = Sandbox::initialised();
    let chat = "[19:18] Ana: joining. do we have a kill switch for the promo?\n\
                [19:21] Ben: pls hold for now, let's see if scaling the db helps first\n\
                [19:24] Kai: scaling the db up one size, ~10 min\n\
                [19:40] Ben: ok Ana pls end the promo now\n\
                [19:44] Dee: whoever switched on that promo should lose their admin access for a month\n\
                [19:45] Ben: not now, we do blameless reviews here";
    let path = s.add_postmortem(&Doc::new(GOOD, "Checkout latency").section("Timeline", chat));
    let text = s.read(&path);
    let report = s.pm(["check", "--format", "json"]).json();
    let wording = wording_lines(&report);
    let sanction_line = line_starting(&text, "[19:44]");
    assert_eq!(
        wording,
        vec![("blameless/punishment".to_string(), sanction_line)],
        "{report}"
    );
}

#[test]
fn a_link_named_after_human_error_cites_it_and_the_same_words_outside_a_link_are_found() {
    // The text of a link is the title of the page it points to: "[The myth of human error]"
    // cites the term. The same label asserted in the authors' own sentence on the next line
    // is still found, on that line.
    let s = Sandbox::initialised();
    let body = "Background: [The myth of human error in outages](https://wiki.example.com/talks/myth).\n\n\
                The root cause was human error by the operator.";
    let path = s.add_postmortem(&Doc::new(GOOD, "Checkout latency").section("Discussion", body));
    let text = s.read(&path);
    let report = s.pm(["check", "--format", "json"]).json();
    let lines = wording_lines(&report);
    let asserted = line_starting(&text, "The root cause was human error");
    assert!(
        lines.iter().all(|(_, line)| *line == asserted),
        "only the asserted line is found: {report}"
    );
    assert!(
        lines.contains(&("blameless/human-error".to_string(), asserted)),
        "{report}"
    );
}

#[test]
fn a_chat_handle_who_broke_something_stops_the_commit_and_a_program_that_did_does_not() {
    // A handle with its `@` is a person: the finding is an error, which fails `pm check`.
    // A program named in lower case doing the same is no one. A bare handle is known from
    // its shape only, so its finding is a warning.
    let s = Sandbox::initialised();
    let body = "@rsteyn broke the digest job by renaming the template variable.\n\n\
                nginx broke the digest job after the upgrade.\n\n\
                14:32 wkamau broke the digest job again by renaming the template variable.";
    let path = s.add_postmortem(&Doc::new(GOOD, "Digest job").section("Discussion", body));
    let text = s.read(&path);
    let out = s.pm(["check", "--format", "json"]);
    let report = out.code(1).json();
    let at = |prefix: &str| line_starting(&text, prefix);
    let found: Vec<(String, usize, String)> = wording_findings(&report)
        .into_iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0) as usize,
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&(
            "blameless/individual-fault".into(),
            at("@rsteyn"),
            "error".into()
        )),
        "{report}"
    );
    assert!(
        found.contains(&(
            "blameless/individual-fault".into(),
            at("14:32 wkamau"),
            "warning".into()
        )),
        "{report}"
    );
    assert!(
        found.iter().all(|(_, line, _)| *line != at("nginx")),
        "{report}"
    );
}

#[test]
fn a_bold_label_over_a_list_item_draws_no_warning_and_the_same_words_as_prose_do() {
    // The model alone does not judge a bold sentence that opens its list item: it is a label,
    // as a heading is. The same sentence as a paragraph of prose is judged (a warning).
    let body = "- **Migration pushed without a second look at the rollback plan.** The August \
                change that added the hook was reviewed for the batch logic.\n\n\
                Migration pushed without a second look at the rollback plan.";
    let (text, report) = check_discussion("Migration", body);
    let lines: Vec<(usize, String)> = wording_findings(&report)
        .into_iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0) as usize,
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let label = line_starting(&text, "- **Migration pushed");
    let prose = line_starting(&text, "Migration pushed");
    assert!(lines.iter().all(|(l, _)| *l != label), "{report}");
    assert!(lines.contains(&(prose, "warning".into())), "{report}");
}

#[test]
fn a_guessed_label_a_plain_remedy_an_idiom_of_a_thing_and_a_protective_act_draw_nothing() {
    // Round 22, kinds from published reports: a label guessed at the time (a timeline row),
    // a fix that was plain once the cause was known, an idiom of neglect said of machines, a
    // service taken down to protect users. The same words said as a cause, of the danger, of
    // a person, or an act done for convenience are still found.
    let body = "Once it was clear what the bug was, the fix seemed obvious enough.\n\n\
                In hindsight the warning signs were obvious.\n\n\
                The fleet ran on autopilot overnight.\n\n\
                The dispatcher was asleep at the wheel.\n\n\
                | Time | Event |\n| --- | --- |\n\
                | 13:43 | Nothing out of the ordinary was found. Assumed operator error at the time. |\n\n\
                The root cause was operator error.\n\n\
                - 08:25 Team takes down the claims frontend to prevent users from hitting errors\n\n\
                The night dispatcher switched off the GPS relay to stop it beeping.";
    let (text, report) = check_discussion("Guesses", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "Once it was clear",
            "The fleet ran",
            "| 13:43 |",
            "- 08:25 Team",
        ],
        &[
            ("In hindsight", "blameless/hindsight"),
            ("The dispatcher", "blameless/negligence"),
            ("The root cause", "blameless/human-error"),
            ("The night dispatcher", "blameless/individual-fault"),
        ],
    );
}

#[test]
fn an_open_question_a_plan_a_duty_and_the_substitution_test_draw_nothing() {
    // Round 23, kinds from first runs on fresh sets and published reports: an action item
    // that puts a counterfactual as a question to weigh, a plan read as a sanction only by its
    // stems, hindsight named as a temptation, the substitution test, a standing duty. The same
    // counterfactual asserted, a sanction, hindsight said plainly and a team blamed for a harm
    // are still found.
    let body = "- Reflect if the ALBs we tested with should have been communicated to the teams, so they could have tested their scenarios too.\n\
                - Improve planning around infrastructure upgrades.\n\n\
                It's easy, reading the log afterward, to think the disk should have been obvious.\n\n\
                Anyone on that shift would have seen the same thing and made the same decision.\n\n\
                The SRE team is responsible for running the on-call rotation.\n\n\
                Priya should have escalated earlier.\n\n\
                Heads will roll for this one.\n\n\
                Anyone could have seen this coming.\n\n\
                The SRE team is responsible for the six-hour outage.";
    let (text, report) = check_discussion("Questions", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "- Reflect if",
            "- Improve planning",
            "It's easy",
            "Anyone on that shift",
            "The SRE team is responsible for running",
        ],
        &[
            ("Priya should", "blameless/counterfactual"),
            ("Heads will roll", "blameless/punishment"),
            ("Anyone could", "blameless/hindsight"),
            (
                "The SRE team is responsible for the",
                "blameless/team-blame",
            ),
        ],
    );
}

#[test]
fn a_need_a_team_told_a_program_and_inline_code_draw_nothing() {
    // Round 24, kinds from first runs on published reports: a need stated now, a team that
    // was alerted, a program named and then "which", a sentence whose subject is inline code,
    // and a fix told without a subject. A past course, a person named as the cause and a
    // handle in code marks are still found, and a finding quotes code as written.
    let body = "Given that a Releaser just needs to verify the release looks fine before triggered.\n\n\
                - **06:36 UTC:** DevOps team alerted that Python is offline.\n\n\
                This happened because Loki, which is responsible for forwarding logs to AWS S3, was running a too new and unsupported version.\n\n\
                - **`pg_wal` is on the wrong volume.** The checkpoint problem is real.\n\n\
                This one got fixed when deleted the `.enigmad/.compute` directory.\n\n\
                The on-call needed to check the dashboard before paging.\n\n\
                This happened because Marta skipped the canary.\n\n\
                `@kwatanabe` shouldn't have merged the SSO config change without a second approval.\n\n\
                What's obvious in hindsight wasn't obvious to anyone looking at the same screens on the day.\n\n\
                He had no duty to escalate further than a ticket, and he did.\n\n\
                The billing team made an important point.\n\n\
                Had this vulnerability not been reported, a malicious actor could have potentially caused significant harm.\n\n\
                `@media` ignored the print stylesheet, so the receipts came out blank.\n\n\
                Calling it operator error would hide the missing interlock.\n\n\
                Again, I'm truly sorry this happened.\n\n\
                **On alerts being ignored.** A tenant asked whether warning signs had been ignored.\n\n\
                Dave carelessly dropped the `orders` table in production.";
    let (text, report) = check_discussion("Needs", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "Given that a Releaser",
            "- **06:36 UTC:** DevOps",
            "This happened because Loki",
            "- **`pg_wal`",
            "This one got fixed",
            "What's obvious in hindsight",
            "He had no duty",
            "The billing team made",
            "Had this vulnerability",
            "`@media` ignored",
            "Calling it operator error",
            "Again, I'm truly sorry",
            "**On alerts being ignored.**",
        ],
        &[
            ("The on-call needed", "blameless/counterfactual"),
            ("This happened because Marta", "blameless/individual-fault"),
            ("`@kwatanabe`", "blameless/counterfactual"),
        ],
    );
    let dave = line_starting(&text, "Dave carelessly");
    let on_dave: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["line"].as_u64() == Some(dave as u64))
        .collect();
    assert!(!on_dave.is_empty(), "{report}");
    for d in on_dave {
        let shown = format!("{} {}", d["message"], d["suggestion"]);
        assert!(!shown.contains("x_"), "{shown}");
    }
}

#[test]
fn credit_reported_labels_denials_and_named_things_draw_nothing() {
    // Round 25, kinds from first runs on fresh sets and published reports: credit told as a
    // counterfactual, a cleft, praise or a rescue; the substitution test; a label reported,
    // asked about "if", denied as a finding or in a retracted draft; "the opposite of"; a
    // verdict question answered "No."; a command-line option; a byline after a symbol; a
    // product's capitalised name; and a group word that only names a network. Blame beside
    // them is still found, and "caused by human error" is one finding, not two.
    let body = "It would have taken us far longer to notice if they hadn't reported it.\n\n\
                Marta's idea of draining the queue first is what made the second failover succeed.\n\n\
                Great work by the weekend crew, who moved the cold-store pallets in under an hour.\n\n\
                Ravi corrected his own reading of the graph within a minute, which stopped us from going down the wrong path.\n\n\
                If another technician had been on call, the result would have been the same.\n\n\
                A tenant asked us, quite reasonably, if this was a human error by the fitters.\n\n\
                Human error is not our finding.\n\n\
                The crew's handling of the cut-over was the opposite of careless.\n\n\
                **Was the desk careless to trust the dashboard?** No. The dashboard is what we give the desk.\n\n\
                The --careless flag of the CLI, which skipped confirmations, has been removed.\n\n\
                > ▲ Senior Customer Support Engineer at Examplecorp\n\n\
                Discovered that Prometheus Agent was still down due to a newly applied ResourceQuota.\n\n\
                The instability was caused by management VLAN misconfiguration during switch provisioning.\n\n\
                If Ines hadn't skipped the canary, we would have caught the drift.\n\n\
                Bravo to the release captain for skipping the canary, again.\n\n\
                The outage was caused by human error.";
    let (text, report) = check_discussion("Credit", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "It would have taken us",
            "Marta's idea",
            "Great work by the weekend crew",
            "Ravi corrected",
            "If another technician",
            "A tenant asked us",
            "Human error is not",
            "The crew's handling",
            "**Was the desk careless",
            "The --careless flag",
            "> ▲ Senior",
            "Discovered that Prometheus",
            "The instability was caused",
        ],
        &[
            ("If Ines hadn't skipped", "blameless/counterfactual"),
            ("Bravo to the release captain", "blameless/sarcasm"),
            (
                "The outage was caused by human error",
                "blameless/human-error",
            ),
        ],
    );
    let line = line_starting(&text, "The outage was caused by human error");
    let on_line: Vec<String> = wording_lines(&report)
        .into_iter()
        .filter(|(_, l)| *l == line)
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(on_line, ["blameless/human-error"], "{report}");
}

#[test]
fn programs_designs_praise_and_idioms_of_neglect_as_the_binary_reads_them() {
    // Round 27, kinds from first runs: a program's sanction, a product judged, a design's
    // condition, a team reached, words put in a program's mouth (across the sentence a
    // question mark splits), a cause field not known yet, a thing's error, praise for an
    // outcome, a denied catch; and neglect told passively, by "bother" with a gerund, and
    // below the model's gate ("had gone unheeded").
    let body = "The scheduler removed Huy from the on-call rotation for his planned leave.\n\n\
                The PDU vendor's web UI is clueless about units.\n\n\
                Had the stand list been filtered by aircraft type, the wrong stand would never have been offered.\n\n\
                Most riders called the dispatch desk straight away.\n\n\
                PostgreSQL was all like \"indexes? lol never heard of 'em\" and query performance was pretty awful.\n\n\
                **Root Causes:** Yet To Be Determined\n\n\
                This was a configuration error introduced during a manual step.\n\n\
                Congratulations to the field hardware team on zero sensor losses during the storm.\n\n\
                If Martín hadn't spotted the odd latency, we would have heard about it from customers first.\n\n\
                The change review was phoned in.\n\n\
                Huy didn't bother running the migration on staging.\n\n\
                Warnings from the encoder had gone unheeded since August.";
    let (text, report) = check_discussion("Lessons", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "The scheduler removed",
            "The PDU vendor",
            "Had the stand list",
            "Most riders",
            "PostgreSQL was",
            "**Root Causes:**",
            "This was a configuration",
            "Congratulations to",
            "If Martín",
        ],
        &[
            ("The change review", "blameless/negligence"),
            ("Huy didn't bother", "blameless/negligence"),
            ("Warnings from the encoder", "blameless/negligence"),
        ],
    );
}

#[test]
fn roles_known_by_their_act_and_the_substitution_test_as_the_binary_reads_them() {
    // Round 28, kinds from first runs: the substitution test, a label denied as the cause, an
    // option rejected, a thing graded as a fragment, a service failed over are quiet; a role
    // that also names a program, known by its act, a cleft's decision, "Were" inverted and a
    // sanction named by its noun are found.
    let body = "Had a different person run the export, the file would have been identical.\n\n\
                A small human mistake is never the true problem.\n\n\
                It would be easy to file this under human error and move on.\n\n\
                The culprit? Stupid logs!\n\n\
                Our team failed the storage pool over to the second site at 04:12.\n\n\
                The warehouse pickers ignored the substitution prompts.\n\n\
                It was Grace Park who approved the patch in the middle of peak hours.\n\n\
                Were the supervisor watching the text queue, that session would never have timed out.\n\n\
                Recommend a three-day unpaid suspension for the shift supervisor.\n\n\
                Warnings from the moderators were brushed off until the raid began.\n\n\
                The load spike was shrugged off by the autoscaler.";
    let (text, report) = check_discussion("Lessons", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "Had a different person",
            "A small human mistake",
            "It would be easy",
            "The culprit?",
            "Our team failed",
            "The load spike",
        ],
        &[
            ("Warnings from the moderators", "blameless/negligence"),
            ("The warehouse pickers", "blameless/negligence"),
            ("It was Grace Park", "blameless/individual-fault"),
            ("Were the supervisor", "blameless/counterfactual"),
            ("Recommend a three-day", "blameless/punishment"),
        ],
    );
}

#[test]
fn risks_idioms_own_accounts_and_cause_fields_as_the_binary_reads_them() {
    // Round 26, kinds from first runs: a label as a risk a process runs, "a layer up", "leads
    // to", the authors' own plain account, a cited talk, a search for a culprit weighed; and a
    // cause field's value judged though it has no full stop, in a Markdown table (each cell a
    // block of its own) and in a row kept as a paragraph. A table row that is no cause field
    // is judged as before: by the model alone only when it is all but sure and the row names
    // someone (round 40, `SURE_OF_SOMEONE`), as for "| Owner note |".
    let body = "1. Continue to automate manual processes that are prone to human errors\n\n\
                IMO needs to be pushed a layer up.\n\n\
                Suspicion about the firewall request leads to it being blocked.\n\n\
                Another aspect of this incident was that we forgot to deploy the patch for the steam client.\n\n\
                Slides: Rethinking operator error in satellite backhaul (tech day, Almaty)\n\n\
                Looking for the person who should have read it would lead only to a promise to read more carefully.\n\n\
                | Field | Value |\n\
                |---|---|\n\
                | Root cause | Jasur turned off the pager escalation policy and forgot it |\n\
                | Status page | Jasur turned off the pager escalation policy and forgot it |\n\
                | Owner note | Jasur disabled the pager escalation policy and never turned it back on |\n\n\
                | Cause | Fady Girgis copied the staging API key into the production config |\n\n\
                Heads will roll once the CEO sees the figures.";
    let (text, report) = check_discussion("Risks", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "1. Continue to automate",
            "IMO needs",
            "Suspicion about",
            "Another aspect",
            "Slides:",
            "Looking for the person",
            "| Status page |",
        ],
        &[
            ("| Root cause |", "blameless/individual-fault"),
            ("| Owner note |", "blameless/individual-fault"),
            ("| Cause |", "blameless/individual-fault"),
            ("Heads will roll", "blameless/punishment"),
        ],
    );
}

#[test]
fn answerable_fields_and_sanctions_in_tables_as_the_binary_reads_them() {
    // Round 36, kinds from first runs: a field that names who is answerable for the failure
    // ("Responsible party", "Owner of failure") holds a team or a person as the cause, in a
    // Markdown table and in a row kept as a paragraph; a sanction in an action table's cell is
    // found though the model scores the cell low. An action's owner, the incident's owner (a
    // role in the response), a field that names no one, and a timeline row about an alert on
    // an error rate are not blame.
    let body = "| Field | Value |\n\
                |---|---|\n\
                | Responsible party | Roster team |\n\
                | Owner of failure | Quarry Dispatch team |\n\
                | Incident owner | Platform team |\n\
                | Responsible party | N/A: the rota tool dropped the shift |\n\n\
                | Failure owner | Billing team, Leeds office |\n\n\
                | ID | Action | Owner | Due |\n\
                |---|---|---|---|\n\
                | AI-8 | Issue a reprimand to the Kaltenegg gate crew | Matthias Oberhofer | 2026-12-20 |\n\
                | AI-9 | Add a staleness marker to the fuel display | Platform team | 2026-12-20 |\n\n\
                | Time | Event |\n\
                |---|---|\n\
                | 12:15 | Rathana checks the payment error-rate dashboard. |\n\
                | 12:20 | The player-error alert pages the streaming on-call. |";
    let (text, report) = check_discussion("Risks", body);
    assert_wording_lines(
        &text,
        &report,
        &[
            "| Incident owner |",
            "| Responsible party | N/A",
            "| AI-9 |",
            "| 12:15 |",
            "| 12:20 |",
        ],
        &[
            ("| Responsible party | Roster", "blameless/team-blame"),
            ("| Owner of failure |", "blameless/team-blame"),
            ("| Failure owner |", "blameless/team-blame"),
            ("| AI-8 |", "blameless/punishment"),
        ],
    );
}
