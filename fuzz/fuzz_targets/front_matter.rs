//! Front matter split + typed read on arbitrary bytes: never panics, and every span it returns
//! lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pm::document::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::parse_front_matter(data) else {
        return;
    };
    let text = &doc.text;
    let ok = |span: &std::ops::Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    assert!(ok(&doc.split.toml) && ok(&doc.split.open) && ok(&doc.split.close));
    let fm = &doc.front;
    for s in [&fm.id, &fm.title, &fm.status, &fm.severity]
        .into_iter()
        .flatten()
    {
        assert!(ok(&s.span), "{:?}", s.span);
    }
    for a in &fm.actions {
        assert!(ok(&a.span), "action {:?}", a.span);
        for s in [&a.id, &a.title, &a.owner, &a.status].into_iter().flatten() {
            assert!(ok(&s.span), "{:?}", s.span);
        }
    }
    for p in &fm.problems {
        assert!(ok(&p.span), "problem {:?}", p.span);
        let _ = doc.position(p.span.start);
    }
    for k in &fm.unknown_keys {
        assert!(ok(&k.span), "unknown key {:?}", k.span);
    }
});
