//! The full parse (front matter and Markdown body) and the check engine on arbitrary bytes.
//! The check engine grows; this target stays valid because it only needs `check` to return.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pm::checks::{check, SourceFile};
use pm::config::Config;
use pm::document::{Document, ParseOptions};
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = Document::parse(data, &ParseOptions::default()) {
        let text = &doc.text;
        let ok = |span: &std::ops::Range<usize>| {
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        let body = doc.body.as_ref().expect("a full parse has a body");
        for s in &body.sections {
            assert!(ok(&s.heading.span) && ok(&s.content), "section {s:?}");
        }
        for p in &body.prose {
            assert!(ok(&p.span), "prose {:?}", p.span);
            assert_eq!(p.text.len(), p.span.len(), "masked prose keeps its length");
        }
        for e in &body.timeline {
            assert!(ok(&e.span), "timeline {:?}", e.span);
        }
        for d in &body.directives {
            assert!(ok(&d.span), "directive {:?}", d.span);
            for (_, span) in &d.rules {
                assert!(ok(span), "directive rule {span:?}");
            }
        }
    }
    let files = [SourceFile {
        path: "postmortems/2026/fuzz.md".into(),
        bytes: data.to_vec(),
    }];
    let report = check(&files, &CONFIG, &[]);
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    }
});
