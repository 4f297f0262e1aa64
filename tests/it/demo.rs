//! `pm demo`: the README's main command builds its sample repository and shows each capability.

use crate::common::Sandbox;

#[test]
fn the_demo_builds_a_repository_with_history_and_shows_every_capability() {
    let s = Sandbox::without_repo();
    let dir = s.root.join("sample");
    let out = s.pm(["demo", "--dir", dir.to_str().expect("utf-8 path")]);
    out.ok();
    // Four post-mortems, listed newest first, with overdue actions counted.
    out.stdout_has("$ pm list")
        .stdout_has("2026-02-25-eu-west-dns-resolution-failures")
        .stdout_has("2025-12-23-checkout-db-pool-exhaustion")
        .stdout_has("OVERDUE by");
    // The check catches the blameful sentence and suggests a rewrite.
    out.stdout_has("error[blameless/counterfactual]")
        .stdout_has("The on-call engineer should have noticed the resolver timeouts sooner.")
        .stdout_has("= help: ");
    // The installed pre-commit hook stops the blameful commit.
    out.stdout_has("$ pm hooks install")
        .stdout_has("commit stopped by the pre-commit hook")
        .stdout_has("the hook stopped the commit");
    // The follow-up report reads the history: closes, reassignments and a slipped due date.
    out.stdout_has("$ pm followup --since 2026-02-12")
        .stdout_has("reassigned priya@example.com → sam@example.com")
        .stdout_has("due date slipped")
        .stdout_has("closed (open → wont-do)");
    assert!(dir.join("site/index.html").is_file(), "{}", out.stdout);
    // Each step says what it does; the sentence the demo writes is shown before the check;
    // the commands to try next work from the source tree too (the test binary is under
    // target/), not only with an installed pm; the site says which day its counts are for.
    out.stdout_has("it writes this sentence into the Contributing Factors")
        .stdout_has("> The on-call engineer should have noticed")
        .stdout_has("takes the draft sentence out again")
        .stdout_has("cargo run --release -- -C ")
        .stdout_has("  pm status eu-west-dns in-review\n");
    // Every change of the history is shown as the command that made it, on its day and by its
    // author; statuses move through `pm status`, never by editing the front matter.
    out.stdout_has("## Ten weeks of history")
        .stdout_has("  2025-12-27  Amal Haddad   pm status checkout in-review --commit\n")
        .stdout_has("  2026-01-22  Amal Haddad   pm status tls-certificate reviewed --commit\n")
        .stdout_has(
            "  2026-01-09  Amal Haddad   pm action set 'checkout#A1' --status done --commit\n",
        )
        .stdout_has(
            "  2026-02-15  Marcus Webb   pm action add payouts --title 'Reconnect the payouts \
             database client after a failover' --owner priya@example.com --due 2026-03-17 \
             --kind prevent --priority P2 --commit\n",
        );
    let stats = std::fs::read_to_string(dir.join("site/stats.html")).expect("stats page");
    assert!(stats.contains("As of "), "{stats}");
    // The incident channel's export is merged into the timeline (the join left out).
    out.stdout_has("$ pm timeline import eu-west-dns exports/slack --from slack")
        .stdout_has("- 07:52 UTC: Lena (in a thread): The resolver change went out at 07:40; @Priya shall we roll it back?\n")
        .stdout_has("3 entries added");

    // The history is real git history, spread over weeks, with the authors of each step.
    let log = s.git_output([
        "-C",
        dir.to_str().expect("utf-8"),
        "log",
        "--format=%ad %an %s",
        "--date=short",
    ]);
    assert!(log.stdout.lines().count() >= 25, "{}", log.stdout);
    assert!(
        log.stdout.contains("2025-12-20 Jo Park Set up pm"),
        "{}",
        log.stdout
    );
    assert!(
        log.stdout.contains(
            "2025-12-29 Jo Park Mark reviewed: post-mortem 2025-12-23-checkout-db-pool-exhaustion"
        ),
        "{}",
        log.stdout
    );
    // The sample is left clean, and stays blameless.
    let status = s.git_output(["-C", dir.to_str().expect("utf-8"), "status", "--porcelain"]);
    assert_eq!(status.stdout, "");
    let check = s.pm_in(&dir, ["check", "--format", "json"], None);
    let report = check.json();
    let blameless = report["diagnostics"].as_array().map(|d| {
        d.iter()
            .filter(|d| {
                d["rule"]
                    .as_str()
                    .is_some_and(|r| r.starts_with("blameless/"))
            })
            .count()
    });
    assert_eq!(blameless, Some(0), "{}", check.stdout);
    // The status change the demo suggests works in the sample as the demo leaves it.
    s.pm_in(&dir, ["status", "eu-west-dns", "in-review"], None)
        .ok()
        .stdout_has("2026-02-25-eu-west-dns-resolution-failures: ");
}

#[test]
fn the_demo_refuses_a_folder_that_is_not_empty() {
    let s = Sandbox::without_repo();
    s.write("busy/file.txt", "keep me\n");
    s.pm(["demo", "--dir", "busy"])
        .code(2)
        .stderr_has("not empty");
    assert_eq!(s.read("busy/file.txt"), "keep me\n");
}
