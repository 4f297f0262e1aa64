//! `pm init --ci github|gitlab`: the workflow files, validated by actionlint, never overwritten.

use crate::common::tools;
use crate::common::Sandbox;

const GITHUB: &str = ".github/workflows/postmortems.yml";
const GITLAB: &str = ".gitlab/pm.gitlab-ci.yml";

#[test]
fn the_github_workflow_checks_pull_requests_and_reports_follow_ups() {
    let s = Sandbox::new();
    s.pm(["init", "--ci", "github"])
        .ok()
        .stdout_has(&format!("wrote {GITHUB}"));
    let text = s.read(GITHUB);
    for needle in [
        "pull_request:",
        "\"postmortems/**\"",
        "pm check --format github --rev-range",
        "pm check --format sarif",
        "github/codeql-action/upload-sarif@v3",
        "security-events: write",
        "cron:",
        "pm followup --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
    ] {
        assert!(text.contains(needle), "lacks {needle:?}:\n{text}");
    }

    let Some(actionlint) = tools::actionlint() else {
        return;
    };
    let lint = |path: &std::path::Path| {
        let mut cmd = std::process::Command::new(actionlint.get_program());
        cmd.args(actionlint.get_args()).arg(path);
        tools::run_in(&s, cmd, &s.root, &[])
    };
    let out = lint(&s.root.join(GITHUB));
    assert_eq!(out.code, 0, "actionlint:\n{}\n{}", out.stdout, out.stderr);
    // The linter is real: an unsafe workflow is caught.
    let unsafe_flow = s.write(
        ".github/workflows/unsafe.yml",
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
    );
    let out = lint(&unsafe_flow);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("untrusted"), "{}", out.stdout);
}

#[test]
fn an_existing_workflow_is_never_overwritten() {
    let s = Sandbox::initialised();
    s.write(GITHUB, "# ours\n");
    s.pm(["init", "--ci", "github"])
        .ok()
        .stderr_has("already exists");
    assert_eq!(s.read(GITHUB), "# ours\n");
}

#[test]
fn the_workflow_follows_the_configured_folder() {
    let s = Sandbox::new();
    s.write("pm.toml", "[repo]\ndir = \"incidents\"\n");
    s.pm(["init", "--ci", "github"]).ok();
    assert!(s.read(GITHUB).contains("\"incidents/**\""));
}

#[test]
fn the_gitlab_snippet_stays_beside_gitlab_ci_yml() {
    let s = Sandbox::initialised();
    s.write(".gitlab-ci.yml", "stages: [test]\n");
    s.pm(["init", "--ci", "gitlab"])
        .ok()
        .stdout_has(GITLAB)
        .stdout_has("local: .gitlab/pm.gitlab-ci.yml");
    assert_eq!(s.read(".gitlab-ci.yml"), "stages: [test]\n");
    let text = s.read(GITLAB);
    assert!(
        text.contains("$CI_MERGE_REQUEST_DIFF_BASE_SHA..$CI_COMMIT_SHA"),
        "{text}"
    );
    assert!(text.contains("pm followup --format markdown"), "{text}");
    assert!(text.contains("\"postmortems/**/*\""), "{text}");

    // It is valid YAML (PyYAML comes with pre-commit's virtualenv).
    if let Some(pre_commit) = tools::pre_commit() {
        let mut cmd = std::process::Command::new(pre_commit.with_file_name("python"));
        cmd.args([
            "-c",
            "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert 'pm-check' in d and 'pm-followup' in d, d",
        ])
        .arg(s.root.join(GITLAB));
        tools::run_in(&s, cmd, &s.root, &[]).ok();
    }

    s.write(GITLAB, "# ours\n");
    s.pm(["init", "--ci", "gitlab"])
        .ok()
        .stderr_has("already exists");
    assert_eq!(s.read(GITLAB), "# ours\n");
}
