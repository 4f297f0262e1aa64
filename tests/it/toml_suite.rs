//! The TOML project's conformance suite (toml-test, the TOML 1.1 list) run through both
//! front-matter readers: `pm list` (the fast reader, falling back to the full one) and
//! `pm check` (the full reader, toml_edit). Every valid case must be accepted by both and
//! every invalid case rejected by both (issue 14, item 6).
//!
//! The suite is read from where it lies, never copied into the project: `PM_TOML_TEST_DIR`
//! when set, else `shared/toml-test` beside the repository or beside a folder above it (for a
//! git worktree, also beside the main work tree). Without it the test prints `SKIPPED:` and
//! passes, under `CI=true` too: the project's files cannot install it.
//!
//! Each case becomes the front matter of one post-mortem: `+++`, the case's bytes, then
//! `# end of case` and a line break, then `+++`. The comment keeps the case's last line as it
//! is: appending a bare line break instead would turn a final bare carriage return (the
//! `control/bare-cr` case) into a CRLF line break, which TOML accepts.

use crate::common::tools::in_ci;
use crate::common::Sandbox;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn suite_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PM_TOML_TEST_DIR") {
        return Some(PathBuf::from(dir));
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `../shared/toml-test` beside the repository, or beside any folder above it (a clone
    // made one level deeper, as CI does).
    let mut candidates: Vec<PathBuf> = manifest
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/toml-test"))
        .collect();
    // A git worktree: the main work tree is the parent of the common git folder.
    let common = std::process::Command::new("git")
        .args(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .current_dir(manifest)
        .output()
        .ok()
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if let Some(main) = common.as_deref().and_then(Path::parent) {
        candidates.push(main.join("../shared/toml-test"));
    }
    candidates
        .into_iter()
        .find(|d| d.join("files-toml-1.1.0").is_file())
}

#[test]
fn the_toml_conformance_suite_through_both_front_matter_readers() {
    let Some(dir) = suite_dir() else {
        // Unlike the tools in common/tools.rs, the suite cannot be installed by the project's
        // files (it is read where it lies, never copied in), so a clone far from it skips this
        // test, visibly, even under CI=true (tests/README.md).
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: the TOML conformance suite (shared/toml-test beside the repository or a \
             folder above it, or PM_TOML_TEST_DIR) is not here{}",
            if in_ci() { " (CI)" } else { "" }
        );
        return;
    };
    let list = std::fs::read_to_string(dir.join("files-toml-1.1.0")).expect("the suite's list");
    let cases: Vec<&str> = list
        .lines()
        .filter(|l| l.ends_with(".toml") && (l.starts_with("valid/") || l.starts_with("invalid/")))
        .collect();
    assert!(cases.len() > 700, "{} cases", cases.len());
    let s = Sandbox::initialised();
    let mut names = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let bytes = std::fs::read(dir.join(case)).expect("case");
        let mut file = b"+++\n".to_vec();
        file.extend_from_slice(&bytes);
        file.extend_from_slice(b"# end of case\n+++\n# Body\n");
        let stem = format!("2026-01-01-case-{n:04}");
        s.write(&format!("postmortems/2026/{stem}.md"), file);
        names.push(stem);
    }
    // pm list: a rejected file is named in a `skipped` warning.
    let listed = s.pm(["list", "--format", "json"]);
    let rejected_by_list: BTreeSet<String> = names
        .iter()
        .filter(|stem| listed.stderr.contains(&format!("{stem}.md")))
        .cloned()
        .collect();
    // pm check: a rejected file has a finding of a reading rule.
    let checked = s.pm(["check", "--format", "json"]).json();
    let reading_rules = [
        "frontmatter/invalid-toml",
        "frontmatter/unreadable",
        "frontmatter/missing",
        "frontmatter/unterminated",
    ];
    let rejected_by_check: BTreeSet<String> = checked["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| {
            let rule = d["rule"].as_str().unwrap_or_default();
            reading_rules.contains(&rule)
        })
        .filter_map(|d| {
            let path = d["path"].as_str()?;
            Some(path.rsplit('/').next()?.trim_end_matches(".md").to_string())
        })
        .collect();
    let mut wrong = Vec::new();
    let mut counts = [[0usize; 2]; 2];
    for (stem, case) in names.iter().zip(&cases) {
        let valid = case.starts_with("valid/");
        for (reader, rejected) in [("list", &rejected_by_list), ("check", &rejected_by_check)]
            .iter()
            .enumerate()
            .map(|(i, (name, set))| ((i, *name), set.contains(stem)))
        {
            if valid != rejected {
                counts[reader.0][usize::from(valid)] += 1;
            } else {
                wrong.push(format!(
                    "{}: {case} {}",
                    reader.1,
                    if valid { "rejected" } else { "accepted" }
                ));
            }
        }
    }
    let valid = cases.iter().filter(|c| c.starts_with("valid/")).count();
    eprintln!(
        "toml-test 1.1: pm list accepted {}/{valid} valid, rejected {}/{} invalid; pm check accepted {}/{valid}, rejected {}/{}",
        counts[0][1],
        counts[0][0],
        cases.len() - valid,
        counts[1][1],
        counts[1][0],
        cases.len() - valid
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
