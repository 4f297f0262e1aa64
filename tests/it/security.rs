//! Issue 14: a hostile repository or pull request must not lead pm outside the work tree, make
//! it print text other programs interpret, or cost more than its size. Each test groups the
//! reproductions of one kind of weakness (docs/RELIABILITY.md, "Security").

use crate::common::{ActionSpec, Doc, Sandbox};
use std::os::unix::fs::symlink;
use std::path::Path;

const SECRET: &str = "TOP SECRET token=hunter2";

/// No file under `dir` holds the secret.
fn secret_nowhere_in(dir: &Path) {
    for entry in walk(dir) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        assert!(
            !text.contains(SECRET),
            "{} holds the secret",
            entry.display()
        );
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(items) = std::fs::read_dir(dir) else {
        return out;
    };
    for item in items.flatten() {
        let path = item.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() && item.file_name() != ".git" {
            out.extend(walk(&path));
        } else if meta.is_file() {
            out.push(path);
        }
    }
    out
}

#[test]
fn symbolic_links_never_lead_pm_outside_the_work_tree() {
    let s = Sandbox::initialised();
    let secret = s.home.join("secret.txt");
    std::fs::write(&secret, SECRET).expect("secret");
    let new = |template: &str| {
        s.pm([
            "new",
            "Disk full",
            "--template",
            template,
            "--started",
            "2026-03-01T10:00:00Z",
            "--no-branch",
        ])
    };

    // A template that is a link to a secret, and a templates folder that is a link.
    std::fs::create_dir_all(s.root.join("templates")).expect("templates");
    symlink(&secret, s.root.join("templates/evil.md")).expect("link");
    new("evil").code(2).stderr_has("symbolic link");
    let elsewhere = s.home.join("tpl");
    std::fs::create_dir_all(&elsewhere).expect("tpl");
    std::fs::write(elsewhere.join("x.md"), SECRET).expect("tpl file");
    std::fs::remove_dir_all(s.root.join("templates")).expect("rm");
    symlink(&elsewhere, s.root.join("templates")).expect("link");
    new("x").code(2).stderr_has("symbolic link");
    std::fs::remove_file(s.root.join("templates")).expect("rm");
    secret_nowhere_in(&s.root);

    // A year folder that is a link: pm new must not write outside the work tree.
    let outside = s.home.join("outside");
    std::fs::create_dir_all(&outside).expect("outside");
    symlink(&outside, s.root.join("postmortems/2026")).expect("link");
    new("default")
        .code(2)
        .stderr_has("`2026` is a symbolic link");
    assert_eq!(walk(&outside), Vec::<std::path::PathBuf>::new());
    std::fs::remove_file(s.root.join("postmortems/2026")).expect("rm");

    // A pm.toml that is a link is refused, not read.
    let toml = s.root.join("pm.toml");
    let real = s.home.join("pm.toml");
    std::fs::rename(&toml, &real).expect("move pm.toml");
    symlink(&real, &toml).expect("link");
    s.pm(["list"]).code(2).stderr_has("symbolic link");
    std::fs::remove_file(&toml).expect("rm");
    std::fs::rename(&real, &toml).expect("restore pm.toml");

    // A post-mortem folder linked outside: pm site refuses it as check and new do.
    let id = "2026-02-01-db-outage";
    s.add_postmortem(&Doc::new(id, "DB outage"));
    let away = s.home.join("away");
    std::fs::rename(s.root.join("postmortems"), &away).expect("move");
    symlink(&away, s.root.join("postmortems")).expect("link");
    let site = s.home.join("site");
    s.pm(["site", site.to_str().expect("utf-8")])
        .code(2)
        .stderr_has("outside the repository");
    assert!(!site.join("index.html").exists());
    s.pm(["show", id])
        .code(2)
        .stderr_has("outside the repository");
}

#[test]
fn pm_init_makes_its_folders_without_following_links() {
    const URL: &str = "https://git.example.com/tools/pm.git";
    const REV: &str = "0123456789abcdef0123456789abcdef01234567";
    let s = Sandbox::new();
    let outside = s.home.join("outside");
    // The post-mortem folder is a dangling link: `pm init` must not make its target.
    symlink(outside.join("pm"), s.root.join("postmortems")).expect("link");
    s.pm(["init"]).code(2).stderr_has("symbolic link");
    assert!(
        !outside.exists(),
        "pm init made a folder outside the work tree"
    );
    std::fs::remove_file(s.root.join("postmortems")).expect("rm");
    // A folder above the post-mortem folder is a link to a folder outside.
    std::fs::create_dir_all(&outside).expect("outside");
    symlink(&outside, s.root.join("docs")).expect("link");
    s.write("pm.toml", "[repo]\ndir = \"docs/postmortems\"\n");
    let out = s.pm(["init"]);
    assert_ne!(out.code, 0, "{out:?}");
    assert_eq!(walk(&outside), Vec::<std::path::PathBuf>::new());
    assert!(
        !outside.join("postmortems").exists(),
        "made through the link"
    );
    // The workflow's folder is a link: nothing is written through it.
    std::fs::remove_file(s.root.join("pm.toml")).expect("rm");
    symlink(&outside, s.root.join(".github")).expect("link");
    s.pm([
        "init",
        "--ci",
        "github",
        "--pm-source",
        URL,
        "--pm-rev",
        REV,
    ])
    .code(2)
    .stderr_has("symbolic link");
    assert!(!outside.join("workflows").exists(), "made through the link");
}

#[test]
fn a_slack_export_is_read_without_following_links() {
    let s = Sandbox::initialised();
    s.add_postmortem(&Doc::new("2026-03-04-checkout-latency", "Checkout latency"));
    // 2026-03-04T10:20:00Z.
    let day = format!(
        r#"[{{"type": "message", "user": "U1", "text": "{SECRET}", "ts": "1772619600.000100"}}]"#
    );
    let secret = s.home.join("secret.json");
    std::fs::write(&secret, day).expect("secret");
    let export = s.home.join("export");
    std::fs::create_dir_all(export.join("incident-42")).expect("export");
    std::fs::write(
        export.join("channels.json"),
        r#"[{"id": "C1", "name": "incident-42", "created": 1772580000}]"#,
    )
    .expect("channels");
    std::fs::write(
        export.join("users.json"),
        r#"[{"id": "U1", "name": "kim"}]"#,
    )
    .expect("users");
    symlink(&secret, export.join("incident-42/2026-03-04.json")).expect("link");
    let export = export.to_str().expect("utf-8");
    let out = s.pm([
        "timeline",
        "import",
        "checkout",
        export,
        "--from",
        "slack",
        "--channel",
        "incident-42",
    ]);
    assert!(!out.stdout.contains(SECRET), "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{out:?}");
    assert!(out.stderr.contains("symbolic link"), "{out:?}");
    secret_nowhere_in(&s.root);
}

#[test]
fn a_lock_file_is_never_a_file_pm_did_not_make() {
    // Outside a repository the lock is `.pm.lock` beside the file: a link there to a file the
    // user can write, or a file that is not pm's, is neither truncated nor written.
    let s = Sandbox::without_repo();
    s.write("pm.toml", "");
    let rel = "postmortems/2026/2026-02-01-db-outage.md";
    s.write(
        rel,
        Doc::new("2026-02-01-db-outage", "DB outage")
            .action(ActionSpec::new(
                "A1",
                "Add alerts",
                "sam@example.com",
                "2026-04-01",
                "open",
            ))
            .render(),
    );
    let victim = s.home.join("victim.txt");
    std::fs::write(&victim, "precious").expect("victim");
    let lock = s.root.join("postmortems/2026/.pm.lock");
    symlink(&victim, &lock).expect("link");
    let set = || {
        s.pm([
            "action",
            "set",
            "2026-02-01-db-outage#A1",
            "--status",
            "done",
        ])
    };
    set().code(2).stderr_has("symbolic link");
    assert_eq!(
        std::fs::read_to_string(&victim).ok().as_deref(),
        Some("precious")
    );
    std::fs::remove_file(&lock).expect("rm");
    std::fs::write(&lock, "precious").expect("not pm's");
    set().code(2).stderr_has("not a lock file pm made");
    assert_eq!(
        std::fs::read_to_string(&lock).ok().as_deref(),
        Some("precious")
    );
    std::fs::remove_file(&lock).expect("rm");
    set().ok();
    assert!(std::fs::read_to_string(&lock)
        .unwrap_or_default()
        .starts_with("pid "));
    // pm's own lock file is used again.
    set().ok();
}

#[test]
fn files_pm_writes_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::initialised();
    let pm = crate::common::pm_binary();
    let run = |umask: &str, args: &str| {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" {args}"))
            .arg(pm)
            .current_dir(&s.root);
        s.apply_env(&mut cmd);
        let out = cmd.output().expect("run pm");
        assert!(out.status.success(), "{out:?}");
    };
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    };
    run(
        "022",
        "new 'Disk full' --started 2026-03-01T10:00:00Z --no-branch",
    );
    let file = s.root.join("postmortems/2026/2026-03-01-disk-full.md");
    assert_eq!(mode(&file), 0o644);
    run("022", "site ../site");
    let site = s.root.join("../site");
    assert_eq!(mode(&site.join("index.html")), 0o644);
    // An edit keeps the file's own permissions.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    run(
        "077",
        "action add 2026-03-01-disk-full --title 'Add disk alerts' --owner sam@example.com \
         --due 2026-04-01",
    );
    assert_eq!(mode(&file), 0o640);
    run(
        "077",
        "new 'Cache outage' --started 2026-03-02T10:00:00Z --no-branch",
    );
    assert_eq!(
        mode(&s.root.join("postmortems/2026/2026-03-02-cache-outage.md")),
        0o600
    );
}

/// No line of `text` could be read by the Actions runner as a workflow command, and nothing in
/// it drives a terminal.
#[track_caller]
fn inert(text: &str) {
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "workflow command: {line:?}"
        );
    }
    for bad in ['\x1b', '\x07', '\u{9b}', '\u{9d}', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}

#[test]
fn output_other_programs_read_cannot_be_driven_by_the_content() {
    let s = Sandbox::initialised();
    // A pm.toml key that is a workflow command and an OSC sequence: named in the error.
    let toml = s.read("pm.toml");
    s.write(
        "pm.toml",
        format!("{toml}\n[check.rules]\n\"\\n::add-mask::x\\u001b]0;owned\\u0007\" = \"off\"\n"),
    );
    let out = s.pm(["check"]);
    assert_ne!(out.code, 0, "{out:?}");
    inert(&out.stderr);
    inert(&out.stdout);
    s.write("pm.toml", &toml);
    // A file name that is a workflow command with a bidi override and a C1 CSI.
    let id = "2026-02-01-db-outage";
    let evil = "postmortems/2026/::error::x\u{202e}\u{9b}2J\x1b[2J.md";
    s.write(evil, "+++\nid = \"broken\n+++\n");
    // TOML escapes: the front matter holds ESC, BEL, a bidi override and a backslash.
    let title = r"Disk \u001b]0;owned\u0007full\u202e a\\|b<!-- |";
    s.add_postmortem(&Doc::new(id, title).action(ActionSpec::new(
        "A1",
        r"Fix \u001b[2J it\\| now",
        r"sam\u009d@example.com",
        "2026-03-01",
        "open",
    )));
    for args in [
        &["check"][..],
        &["list"],
        &["show", id],
        &["followup"],
        &["stats"],
        &["action", "list"],
    ] {
        let out = s.pm(args);
        inert(&out.stdout);
        inert(&out.stderr);
    }
    // The markdown table: the row keeps its five cells whatever the text holds.
    let out = s.pm(["followup", "--format", "markdown"]);
    inert(&out.stdout);
    let row = out
        .stdout
        .lines()
        .find(|l| l.contains("#A1"))
        .unwrap_or_default()
        .to_string();
    let cells = row
        .replace("\\\\", "")
        .replace("\\|", "")
        .matches('|')
        .count();
    assert_eq!(cells, 6, "{row}");
    assert!(!out.stdout.contains("<!--"), "{}", out.stdout);
    // JSON keeps the data exactly, with what a terminal acts on escaped.
    let out = s.pm(["list", "--format", "json"]);
    inert(&out.stdout);
    assert!(
        out.stdout.contains(r"\u001b]0;owned\u0007"),
        "{}",
        out.stdout
    );
    let out = s.pm(["check", "--format", "sarif"]);
    inert(&out.stdout);
}

#[test]
fn a_range_is_judged_with_the_configuration_of_its_base_and_within_limits() {
    let s = Sandbox::initialised();
    let base = s.git(["rev-parse", "HEAD"]).trim().to_string();
    // The range turns the rule its own bad post-mortem breaks off: that does not count.
    s.write(
        "pm.toml",
        "[check.rules]\n\"frontmatter/missing-field\" = \"off\"\n",
    );
    s.write(
        "postmortems/2026/2026-02-01-db-outage.md",
        "+++\nid = \"2026-02-01-db-outage\"\n+++\n# DB outage\n",
    );
    s.commit_all("Switch the check off", "2026-02-02T10:00:00Z");
    let range = format!("{base}..HEAD");
    s.pm(["check", "--rev-range", &range])
        .code(1)
        .stdout_has("frontmatter/missing-field")
        .stderr_has("pm.toml changes in");
    // In a bare repository too.
    let bare = s.home.join("server.git");
    s.git(["clone", "-q", "--bare", ".", bare.to_str().expect("utf-8")]);
    crate::common::tools::pm_in(&s, &bare, ["check", "--rev-range", &range], &[])
        .code(1)
        .stderr_has("pm.toml changes in");
    // A range over the file limit is refused, naming the limit, before any file is read: the
    // first file is larger than any post-mortem, and reading it would have stopped the check
    // with a message about that file instead (as it did when the limits were checked after
    // reading).
    let from = s.git(["rev-parse", "HEAD"]).trim().to_string();
    s.write(
        "postmortems/2026/2026-03-01-many-0000.md",
        "x".repeat(4 * 1024 * 1024 + 1),
    );
    for n in 1..1001 {
        s.write(
            &format!("postmortems/2026/2026-03-01-many-{n:04}.md"),
            "+++\n+++\n",
        );
    }
    s.commit_all("Many", "2026-03-02T10:00:00Z");
    s.pm(["check", "--rev-range", &format!("{from}..HEAD")])
        .code(2)
        .stderr_has("MAX_RANGE_FILES");
}

/// Item 5, the commands pm suggests: a post-mortem folder named like an option (`-pm`) is set
/// up by pasting `pm init`'s suggested `git add` line into a shell, and the hook then judges the
/// commits of that folder (a blameful one is refused, a clean one goes through).
#[test]
fn a_folder_named_like_an_option_works_from_the_suggested_commands_to_the_hook() {
    let s = Sandbox::new();
    s.write("pm.toml", "[repo]\ndir = \"-pm\"\n");
    let init = s.pm(["init", "--hooks"]);
    init.ok();
    let suggested = init
        .stdout
        .split("next: commit the set-up first (`")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no suggested command in {init:?}"));
    assert!(suggested.contains("git add -- "), "{suggested}");
    let mut sh = std::process::Command::new("sh");
    sh.args(["-c", suggested]).current_dir(&s.root);
    s.apply_env(&mut sh);
    let pasted = sh.output().expect("sh");
    assert!(
        pasted.status.success(),
        "the suggested command failed: {}",
        String::from_utf8_lossy(&pasted.stderr)
    );
    assert!(s.git(["log", "--oneline"]).contains("Set up pm"));
    assert!(
        s.git(["ls-files"]).contains("-pm/"),
        "the folder was not added"
    );

    let path = s.root.join("-pm/2026/2026-03-05-disk-full.md");
    s.pm(["new", "Disk full", "--no-branch"]).ok();
    let text = std::fs::read_to_string(&path).expect("new post-mortem");
    std::fs::write(
        &path,
        text.replacen(
            "## Summary\n",
            "## Summary\n\nThis outage happened because Dave was careless and ignored the alerts.\n",
            1,
        ),
    )
    .expect("write");
    s.git(["add", "-A"]);
    let refused = s.git_output(["commit", "-q", "-m", "Draft"]);
    assert_ne!(refused.code, 0, "the hook let blame through: {refused:?}");
    assert!(
        refused.stdout.contains("blameless/") || refused.stderr.contains("blameless/"),
        "{refused:?}"
    );
    std::fs::write(&path, &text).expect("write");
    s.git(["add", "-A"]);
    let clean = s.git_output(["commit", "-q", "-m", "Draft"]);
    assert_eq!(clean.code, 0, "the hook refused a clean commit: {clean:?}");
}
