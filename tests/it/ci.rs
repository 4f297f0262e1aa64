//! `pm init --ci github|gitlab`: the workflow files, validated by actionlint, never overwritten.

use crate::common::tools;
use crate::common::Sandbox;

const GITHUB: &str = ".github/workflows/postmortems.yml";
const GITLAB: &str = ".gitlab/pm.gitlab-ci.yml";
const URL: &str = "https://git.example.com/tools/pm.git";
const REV: &str = "0123456789abcdef0123456789abcdef01234567";

/// `pm init --ci KIND` with the source the workflow builds pm from.
fn ci(kind: &str) -> [&str; 7] {
    ["init", "--ci", kind, "--pm-source", URL, "--pm-rev", REV]
}

#[test]
fn the_github_workflow_checks_pull_requests_and_reports_follow_ups() {
    let s = Sandbox::new();
    s.pm(ci("github"))
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
        // What the pull request brings, from the merge base.
        "--rev-range \"$BASE_SHA...$HEAD_SHA\"",
        // pm from its repository at the pinned commit, cached by it.
        &format!("PM_GIT: \"{URL}\""),
        &format!("PM_REV: \"{REV}\""),
        "cargo install --locked --git \"$PM_GIT\" --rev \"$PM_REV\" pm",
        "key: pm-${{ runner.os }}-${{ env.PM_REV }}",
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
    s.pm(ci("github")).ok().stderr_has("already exists");
    assert_eq!(s.read(GITHUB), "# ours\n");
}

#[test]
fn the_workflow_follows_the_configured_folder() {
    let s = Sandbox::new();
    s.write("pm.toml", "[repo]\ndir = \"incidents\"\n");
    s.pm(ci("github")).ok();
    assert!(s.read(GITHUB).contains("\"incidents/**\""));
}

#[test]
fn the_gitlab_snippet_stays_beside_gitlab_ci_yml() {
    let s = Sandbox::initialised();
    s.write(".gitlab-ci.yml", "stages: [test]\n");
    s.pm(ci("gitlab"))
        .ok()
        .stdout_has(GITLAB)
        .stdout_has("local: .gitlab/pm.gitlab-ci.yml");
    assert_eq!(s.read(".gitlab-ci.yml"), "stages: [test]\n");
    let text = s.read(GITLAB);
    assert!(
        text.contains("\"$CI_MERGE_REQUEST_DIFF_BASE_SHA...$CI_COMMIT_SHA\""),
        "{text}"
    );
    assert!(text.contains("pm followup --format markdown"), "{text}");
    assert!(text.contains("\"postmortems/**/*\""), "{text}");

    // It is valid YAML (PyYAML comes with pre-commit's virtualenv).
    if let Some(pre_commit) = tools::pre_commit() {
        let mut cmd = std::process::Command::new(pre_commit.with_file_name("python"));
        cmd.args([
            "-c",
            "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert 'pm-check' in d and 'pm-followup' in d, d; v = d['.pm']['variables']; assert v['PM_REV'] == {'value': sys.argv[2], 'expand': False}, v; assert d['.pm']['cache']['key'] == 'pm-$PM_REV'",
        ])
        .arg(s.root.join(GITLAB))
        .arg(REV);
        tools::run_in(&s, cmd, &s.root, &[]).ok();
    }

    s.write(GITLAB, "# ours\n");
    s.pm(ci("gitlab")).ok().stderr_has("already exists");
    assert_eq!(s.read(GITLAB), "# ours\n");
}

#[test]
fn pm_is_installed_from_a_pinned_commit_of_its_repository_and_never_from_crates_io() {
    let s = Sandbox::initialised();
    // Without a source it knows, pm writes nothing and says how to give one.
    s.pm(["init", "--ci", "github"])
        .code(2)
        .stderr_has("--pm-source")
        .stderr_has("--pm-rev");
    assert!(!s.root.join(GITHUB).exists());
    s.pm([
        "init",
        "--ci",
        "github",
        "--pm-source",
        URL,
        "--pm-rev",
        "main",
    ])
    .code(2)
    .stderr_has("full commit id");
    s.pm([
        "init",
        "--ci",
        "github",
        "--pm-source",
        "x\"; rm -rf /",
        "--pm-rev",
        REV,
    ])
    .code(2);
    for kind in ["github", "gitlab"] {
        s.pm(ci(kind)).ok();
    }
    for path in [GITHUB, GITLAB] {
        let text = s.read(path);
        assert!(!text.contains("cargo install --locked pm"), "{text}");
        assert!(text.contains(REV), "{text}");
    }
}

#[test]
fn a_folder_name_is_never_run_as_shell_code_by_the_gitlab_job() {
    let s = Sandbox::new();
    let odd = "it's $(touch PWNED) `x`";
    s.write(&format!("{odd}/pm.toml"), "");
    let dir = s.root.join(odd);
    let out = crate::common::tools::pm_in(&s, &dir, ci("gitlab"), &[]);
    out.ok();
    let text = s.read(GITLAB);
    // The folder is a variable GitLab does not expand, used quoted by the shell.
    assert!(text.contains("cd -- \"$PM_ROOT\""), "{text}");
    for line in text.lines().filter(|l| l.contains("$(touch")) {
        let line = line.trim();
        assert!(
            line.starts_with("value: ") || line.starts_with("- \""),
            "the folder name reaches a script line: {line}"
        );
    }
    // The job's own lines, run by sh as GitLab would: the folder is entered, nothing runs.
    let cd = text
        .lines()
        .find(|l| l.trim().starts_with("- cd "))
        .expect("cd line")
        .trim()
        .trim_start_matches("- ");
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("{cd} && pwd")])
        .env("PM_ROOT", format!("./{odd}"))
        .current_dir(&s.root)
        .output()
        .expect("sh");
    assert!(status.status.success());
    assert!(!s.root.join("PWNED").exists() && !dir.join("PWNED").exists());
}
