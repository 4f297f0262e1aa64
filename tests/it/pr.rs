//! `pm pr`: check, push, open the pull request through a stand-in `gh`, or print its URL.

use crate::common::tools::{git_in, pm_in, write_script};
use crate::common::{ActionSpec, Doc, Output, Sandbox};
use std::ffi::OsString;
use std::path::PathBuf;

const ID: &str = "2026-03-01-checkout-latency";
const BRANCH: &str = "postmortem/2026-03-01-checkout-latency";
const URL: &str = "https://github.com/acme/postmortems.git";

struct Setup {
    s: Sandbox,
    bare: PathBuf,
    bin: PathBuf,
    log: PathBuf,
}

fn doc() -> Doc {
    Doc::new(ID, "Checkout latency after a configuration change").action(ActionSpec::new(
        "A1",
        "Alert when pool saturation stays above 80%",
        "sam@example.com",
        "2026-03-20",
        "open",
    ))
}

/// A repository whose `origin` says GitHub but pushes to a local bare repository, and a
/// stand-in `gh` that records its arguments and the body file.
fn setup(contents: &str) -> Setup {
    let s = Sandbox::initialised();
    let bare = s.home.join("remote.git");
    git_in(&s, &s.home, ["init", "-q", "--bare", "remote.git"], &[]).ok();
    s.git(["remote", "add", "origin", URL]);
    s.git([
        "config".to_string(),
        format!("url.{}.pushInsteadOf", bare.display()),
        URL.to_string(),
    ]);
    s.git(["push", "-q", "origin", "main"]);
    s.git(["switch", "-q", "-c", BRANCH]);
    s.write(&format!("postmortems/2026/{ID}.md"), contents);
    s.commit_all("Add the post-mortem", "2026-03-02T10:00:00Z");

    let bin = s.home.join("fake-bin");
    let log = s.home.join("gh.log");
    write_script(
        &bin.join("gh"),
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$GH_LOG\"; done\n\
         while [ $# -gt 0 ]; do [ \"$1\" = --body-file ] && cat \"$2\" > \"$GH_LOG.body\"; shift; done\n\
         echo https://github.com/acme/postmortems/pull/7\n",
    );
    Setup { s, bare, bin, log }
}

impl Setup {
    fn pr(&self, args: &[&str]) -> Output {
        let path = std::env::join_paths(
            std::iter::once(self.bin.clone()).chain(
                std::env::var_os("PATH")
                    .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
                    .unwrap_or_default(),
            ),
        )
        .expect("PATH");
        let mut all = vec!["pr"];
        all.extend_from_slice(args);
        let env: [(&str, OsString); 2] = [("PATH", path), ("GH_LOG", self.log.clone().into())];
        let env: Vec<_> = env.iter().map(|(k, v)| (*k, v.as_os_str())).collect();
        pm_in(&self.s, &self.s.root, all, &env)
    }

    fn remote_has_branch(&self) -> bool {
        git_in(
            &self.s,
            &self.bare,
            [
                "rev-parse",
                "--verify",
                "-q",
                &format!("refs/heads/{BRANCH}"),
            ],
            &[],
        )
        .code
            == 0
    }
}

#[test]
fn pr_pushes_and_opens_the_pull_request_through_gh() {
    let t = setup(&doc().render());
    let out = t.pr(&["--draft"]);
    out.ok()
        .stdout_has("https://github.com/acme/postmortems/pull/7");
    assert!(t.remote_has_branch(), "the branch was not pushed");
    assert_eq!(
        t.s.git(["rev-parse", "--abbrev-ref", "@{upstream}"]).trim(),
        format!("origin/{BRANCH}")
    );
    let args: Vec<String> = std::fs::read_to_string(&t.log)
        .expect("gh was not called")
        .lines()
        .map(str::to_string)
        .collect();
    let after = |flag: &str| {
        let i = args
            .iter()
            .position(|a| a == flag)
            .unwrap_or_else(|| panic!("no {flag} in {args:?}"));
        args[i + 1].clone()
    };
    assert_eq!(args[..2], ["pr", "create"]);
    assert_eq!(
        after("--title"),
        "Post-mortem: Checkout latency after a configuration change"
    );
    assert_eq!(after("--base"), "main");
    assert_eq!(after("--head"), BRANCH);
    assert_eq!(after("--repo"), "github.com/acme/postmortems");
    assert!(args.contains(&"--draft".to_string()), "{args:?}");
    let body = std::fs::read_to_string(t.log.with_extension("log.body")).expect("body");
    for needle in [
        "| Severity | SEV2 |",
        "| Time to detect | 5m |",
        "| Time to resolve | 1h 00m |",
        "| A1 | Alert when pool saturation stays above 80% | sam@example.com | 2026-03-20 | open |",
        "Passed: no findings.",
        "Reviewer checklist (blameless review)",
        "hindsight",
        "Checkout requests were slow for one hour after a configuration change.",
    ] {
        assert!(body.contains(needle), "body lacks {needle:?}:\n{body}");
    }
}

#[test]
fn a_failing_post_mortem_gets_no_pull_request_unless_no_verify() {
    let t = setup("# Checkout latency\n\nNo front matter.\n");
    t.pr(&[])
        .code(1)
        .stderr_has("no pull request was opened")
        .stderr_has("--no-verify");
    assert!(!t.remote_has_branch(), "a failing post-mortem was pushed");
    assert!(!t.log.exists(), "gh was called");
    let out = t.pr(&["--no-verify"]);
    out.ok();
    assert!(t.remote_has_branch());
    let body = std::fs::read_to_string(t.log.with_extension("log.body")).expect("body");
    assert!(body.contains("frontmatter/missing"), "{body}");
}

#[test]
fn print_shows_the_compare_page_for_each_forge_and_pushes_nothing() {
    let t = setup(&doc().render());
    for (url, expected) in [
        (
            "git@github.com:acme/postmortems.git",
            "https://github.com/acme/postmortems/compare/main...postmortem/2026-03-01-checkout-latency?expand=1",
        ),
        (
            "ssh://git@gitlab.com/ops/sre/postmortems.git",
            "https://gitlab.com/ops/sre/postmortems/-/merge_requests/new?merge_request%5Bsource_branch%5D=postmortem%2F2026-03-01-checkout-latency&merge_request%5Btarget_branch%5D=main",
        ),
        (
            "https://bitbucket.org/acme/postmortems.git",
            "https://bitbucket.org/acme/postmortems/pull-requests/new?source=postmortem%2F2026-03-01-checkout-latency&dest=main",
        ),
        (
            "https://codeberg.org/acme/postmortems.git",
            "https://codeberg.org/acme/postmortems/compare/main...postmortem/2026-03-01-checkout-latency",
        ),
    ] {
        t.s.git(["remote", "set-url", "origin", url]);
        t.pr(&["--print"])
            .ok()
            .stdout_has(expected)
            .stdout_has("title: Post-mortem: Checkout latency")
            .stdout_has("### Action items");
    }
    t.s.git([
        "remote",
        "set-url",
        "origin",
        "git@git.corp.example:acme/postmortems.git",
    ]);
    t.pr(&["--print", "--base", "trunk"])
        .ok()
        .stderr_has("cannot tell which forge");
    assert!(!t.remote_has_branch(), "--print pushed");
    assert!(!t.log.exists(), "--print called gh");
}

#[test]
fn pr_needs_a_committed_post_mortem_on_its_branch() {
    let t = setup(&doc().render());
    t.s.git(["switch", "-q", "main"]);
    t.pr(&[]).code(2).stderr_has("not a post-mortem branch");
    t.s.git(["switch", "-q", "-c", "postmortem/2026-03-04-new-one"]);
    t.s.write("postmortems/2026/2026-03-04-new-one.md", doc().render());
    t.pr(&[]).code(2).stderr_has("not committed");
    t.s.git(["switch", "-q", BRANCH]);
    t.pr(&["--remote", "upstream"])
        .code(2)
        .stderr_has("there is no remote `upstream`");
}
