//! pm site: a static, offline HTML site; hostile content stays inert; a real browser runs it.

use crate::common::browser::Browser;
use crate::common::{ActionSpec, Doc, Sandbox};
use std::path::Path;

fn repository() -> Sandbox {
    let s = Sandbox::initialised();
    let mut older =
        Doc::new("2026-01-10-db-pool", "Database pool exhausted").action(ActionSpec::new(
            "A1",
            "Alert on pool saturation",
            "sam@example.com",
            "2026-02-01",
            "open",
        ));
    older.severity = "SEV1".into();
    older.services = vec!["payments".into()];
    s.add_postmortem(&older);
    s.add_postmortem(
        &Doc::new("2026-02-03-cache-stampede", "Cache stampede").action(ActionSpec::new(
            "A1",
            "Add request coalescing",
            "jo@example.com",
            "2026-04-01",
            "in-progress",
        )),
    );
    s.add_postmortem(&Doc::new("2026-03-01-dns-expiry", "DNS record expired").status("draft"));
    s
}

fn html_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for item in std::fs::read_dir(dir).expect("read site folder").flatten() {
        let path = item.path();
        if path.is_dir() {
            out.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    out
}

/// The values of `attribute` in every `<tag …>` of `html`.
fn attributes(html: &str, tag: &str, attribute: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut values = Vec::new();
    let open = format!("<{tag}");
    let mut from = 0;
    while let Some(at) = lower[from..].find(&open) {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let element = &lower[start..end];
        let key = format!(" {attribute}=\"");
        if let Some(k) = element.find(&key) {
            let value = &element[k + key.len()..];
            values.push(value[..value.find('"').unwrap_or(value.len())].to_string());
        }
        from = end;
    }
    values
}

/// Every start tag in `html`, from `<` to `>`.
fn elements(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let tail = &rest[at..];
        let end = tail.find('>').map_or(tail.len(), |e| e + 1);
        if tail[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push(&tail[..end]);
        }
        rest = &tail[end.max(1)..];
    }
    out
}

#[test]
fn the_site_lists_every_postmortem_marks_overdue_actions_and_loads_nothing_remote() {
    let s = repository();
    let out = s.pm(["site", "public"]);
    out.ok();
    let index_path = s.root.join("public/index.html");
    assert_eq!(out.stdout.trim(), index_path.display().to_string());
    let index = s.read("public/index.html");
    for (id, title) in [
        ("2026-01-10-db-pool", "Database pool exhausted"),
        ("2026-02-03-cache-stampede", "Cache stampede"),
        ("2026-03-01-dns-expiry", "DNS record expired"),
    ] {
        assert!(
            index.contains(&format!("<a href=\"pm/{id}.html\">{title}</a>")),
            "{id} not linked:\n{index}"
        );
        assert!(s.root.join(format!("public/pm/{id}.html")).is_file());
    }
    // Newest first.
    let dns = index.find("2026-03-01-dns-expiry").expect("dns");
    let db = index.find("2026-01-10-db-pool").expect("db");
    assert!(dns < db);
    // The filter needs JavaScript; without it the form stays hidden and every row is shown.
    assert!(index.contains("<form id=\"filters\" hidden>"), "{index}");
    assert!(!index.contains("<tr hidden"), "{index}");

    let page = s.read("public/pm/2026-01-10-db-pool.html");
    assert!(page.contains("<dt>Severity</dt><dd>SEV1</dd>"), "{page}");
    assert!(
        page.contains("<tr class=\"overdue\"><td>A1</td><td>Alert on pool saturation</td>"),
        "{page}"
    );
    assert!(page.contains("overdue by 32 days"), "{page}");
    assert!(page.contains("<h2>Root Cause Analysis</h2>"), "{page}");
    let other = s.read("public/pm/2026-02-03-cache-stampede.html");
    assert!(!other.contains("class=\"overdue\""), "{other}");

    let actions = s.read("public/actions.html");
    let overdue = actions.find("Alert on pool saturation").expect("A1 listed");
    let pending = actions.find("Add request coalescing").expect("A1 listed");
    assert!(overdue < pending, "overdue first:\n{actions}");
    let stats = s.read("public/stats.html");
    assert_eq!(stats.matches("<svg").count(), 2, "{stats}");
    assert!(stats.contains("Time to resolve"), "{stats}");
    assert!(
        stats.contains("As of <time datetime=\"2026-03-05\">2026-03-05</time>"),
        "{stats}"
    );

    // Offline: nothing is loaded from the network.
    for file in html_files(&s.root.join("public")) {
        let html = std::fs::read_to_string(&file).expect("read page");
        for (tag, attribute) in [("script", "src"), ("link", "href"), ("img", "src")] {
            for value in attributes(&html, tag, attribute) {
                assert!(
                    !value.contains("://") && !value.starts_with("//"),
                    "{}: <{tag} {attribute}=\"{value}\">",
                    file.display()
                );
            }
        }
        assert!(!html.contains("@import"), "{}", file.display());
    }
    assert!(s.root.join("public/assets/site.css").is_file());
    assert!(s.root.join("public/assets/site.js").is_file());
}

#[test]
fn raw_html_and_script_links_never_become_live_markup() {
    let s = Sandbox::initialised();
    let doc = Doc::new("2026-02-10-hostile", "Title <img src=x onerror=alert(1)>")
        .front("tickets = [\"javascript:alert(2)\", \"https://tracker.example.com/OPS-1\"]")
        .action(
            ActionSpec::new(
                "A1",
                "<script>alert(3)</script>",
                "\\\"><svg onload=alert(4)>",
                "2026-04-01",
                "open",
            )
            .with("ticket", "\"JaVaScRiPt:alert(5)\""),
        )
        .section(
            "Summary",
            "<script>alert(6)</script>\n\nText <img src=x onerror=alert(7)> more.\n\n<iframe src=\"https://evil.example.com\"></iframe>\n\n[a](javascript:alert(8)) [b](JAVASCRIPT:alert(9)) [c](java&#x73;cript:alert(10)) [d](https://example.com/ok) ![e](https://evil.example.com/x.png)\n\n<a href=\"javascript:alert(11)\">raw link</a>",
        );
    s.add_postmortem(&doc);
    s.pm(["site", "out"]).ok();
    for file in html_files(&s.root.join("out")) {
        let html = std::fs::read_to_string(&file).expect("read page");
        let lower = html.to_ascii_lowercase();
        let name = file.display();
        assert_eq!(
            lower.matches("<script").count(),
            1,
            "{name}: only ours\n{html}"
        );
        for tag in ["<iframe", "<svg onload", "<a href=\"javascript"] {
            assert!(!lower.contains(tag), "{name}: {tag}\n{html}");
        }
        for element in elements(&lower) {
            assert!(
                !element
                    .split_whitespace()
                    .any(|a| a.starts_with("on") && a.contains('=')),
                "{name}: event handler in {element}"
            );
        }
        for (tag, attribute) in [("a", "href"), ("img", "src"), ("iframe", "src")] {
            for value in attributes(&html, tag, attribute) {
                assert!(
                    !value.contains("script:") && !value.contains("&#"),
                    "{name}: <{tag} {attribute}=\"{value}\">"
                );
            }
        }
    }
    let page = s.read("out/pm/2026-02-10-hostile.html");
    // The values are still there, as text.
    assert!(
        page.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("Title &lt;img src=x onerror=alert(1)&gt;"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.com/ok\">d</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://tracker.example.com/OPS-1\">"),
        "{page}"
    );
}

#[test]
fn a_folder_pm_did_not_make_is_refused_and_its_own_is_rewritten() {
    let s = repository();
    s.write("docs/notes.txt", "mine\n");
    s.pm(["site", "docs"])
        .code(2)
        .stderr_has("was not made by `pm site`")
        .stderr_has("--force");
    assert_eq!(s.read("docs/notes.txt"), "mine\n");
    assert!(!s.root.join("docs/index.html").exists());
    s.write("a-file", "x");
    s.pm(["site", "a-file"]).code(2).stderr_has("is a file");

    s.pm(["site", "docs", "--force"]).ok();
    assert_eq!(s.read("docs/notes.txt"), "mine\n");
    assert!(s.root.join("docs/.pm-site").is_file());

    // Its own folder is rewritten; a deleted post-mortem's page goes with it.
    s.pm(["site", "site"]).ok();
    std::fs::remove_file(s.root.join("postmortems/2026/2026-02-03-cache-stampede.md"))
        .expect("remove");
    s.pm(["site", "site"]).ok();
    assert!(!s
        .root
        .join("site/pm/2026-02-03-cache-stampede.html")
        .exists());
    assert!(s.root.join("site/pm/2026-01-10-db-pool.html").exists());
    assert!(!s.read("site/index.html").contains("cache-stampede"));
}

#[test]
fn an_unreadable_postmortem_is_reported_and_the_rest_is_published() {
    let s = repository();
    s.write(
        "postmortems/2026/2026-02-20-broken.md",
        "+++\ntitle = \n+++\n",
    );
    let out = s.pm(["site", "out"]);
    out.code(2).stderr_has("2026-02-20-broken.md:2:");
    assert!(s.read("out/index.html").contains("2026-01-10-db-pool"));
}

#[test]
fn in_a_browser_every_postmortem_is_listed_the_filter_works_and_no_script_fails() {
    let s = repository();
    s.pm(["site", "out"]).ok();
    let Some(browser) = Browser::get() else {
        return;
    };
    let root = s.root.join("out");

    let index = browser.load(&root.join("index.html"), "");
    assert!(index.console.is_empty(), "{:#?}", index.console);
    // The script ran: it marks the document and shows the filter form.
    assert!(
        index.dom.contains("<html lang=\"en\" class=\"js\">"),
        "{}",
        index.dom
    );
    assert!(index.dom.contains("<form id=\"filters\">"), "{}", index.dom);
    for id in [
        "2026-01-10-db-pool",
        "2026-02-03-cache-stampede",
        "2026-03-01-dns-expiry",
    ] {
        assert!(index.dom.contains(&format!("data-id=\"{id}\"")), "{id}");
    }
    assert!(index.dom.contains("Showing 3 of 3."), "{}", index.dom);

    let filtered = browser.load(&root.join("index.html"), "?severity=SEV1");
    assert!(filtered.console.is_empty(), "{:#?}", filtered.console);
    assert!(filtered.dom.contains("Showing 1 of 3."), "{}", filtered.dom);
    assert_eq!(
        filtered.dom.matches("hidden=\"\"").count(),
        2,
        "{}",
        filtered.dom
    );

    for page in ["pm/2026-01-10-db-pool.html", "stats.html", "actions.html"] {
        let loaded = browser.load(&root.join(page), "");
        assert!(loaded.console.is_empty(), "{page}: {:#?}", loaded.console);
        assert!(loaded.dom.contains("class=\"js\""), "{page}");
    }
}

#[test]
fn the_statistics_page_reads_action_dates_from_git_history() {
    let s = Sandbox::initialised();
    // The file's `created` and `closed` claim other dates on purpose: the commits decide.
    let write = |a1: &str, a2: &str| {
        let doc = Doc::new("2026-01-08-cache", "Cache stampede")
            .action(
                ActionSpec::new("A1", "Coalesce", "sam@example.com", "2026-01-31", a1)
                    .with("created", "2025-12-01")
                    .with("closed", "2026-01-12"),
            )
            .action(
                ActionSpec::new("A2", "Alert", "jo@example.com", "2026-01-31", a2)
                    .with("closed", "2026-01-22"),
            );
        s.add_postmortem(&doc);
    };
    write("open", "open");
    s.commit_all("Add the cache post-mortem", "2026-01-10T10:00:00Z");
    write("done", "open");
    s.commit_all("Close A1", "2026-01-20T10:00:00Z");
    write("done", "done");
    s.commit_all("Close A2", "2026-01-22T10:00:00Z");
    write("done", "open");
    s.commit_all("Reopen A2", "2026-01-25T10:00:00Z");
    write("done", "done");
    s.commit_all("Close A2 again", "2026-02-05T10:00:00Z");

    s.pm(["site", "public"]).ok();
    let stats = s.read("public/stats.html");
    assert!(stats.contains("from git history."), "{stats}");
    // A1 closed on 01-20, by its due date; A2 last closed on 02-05, after it. The file's
    // dates would make both on time.
    assert!(
        stats.contains(
            "<div class=\"muted\">Closed by due date</div><div class=\"value\">50%</div>"
        ),
        "{stats}"
    );
    // Both open from the day they were committed until A1 closed, then A2 alone until it
    // closed for good: its reopening keeps it open past 01-22.
    for point in [
        "2026-01-10: 2 open",
        "2026-01-19: 2 open",
        "2026-01-20: 1 open",
        "2026-02-04: 1 open",
        "2026-02-05: 0 open",
        "2026-03-05: 0 open",
    ] {
        assert!(
            stats.contains(&format!("<title>{point}</title>")),
            "{point}\n{stats}"
        );
    }
    assert!(!stats.contains("2025-12-01"), "{stats}");
}
