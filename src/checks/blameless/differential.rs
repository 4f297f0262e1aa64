//! Differential test: the exact hits (start, end, rule) of the scanner over the labelled corpora,
//! the boilerplate, multi-paragraph blocks and generated trigger soup, recorded in
//! `tests/data/blameless/expected-hits.tsv`. Any change to what the scanner reports, however
//! small, shows up here; speed work must leave the file untouched.
//!
//! Regenerate deliberately (after a reviewed rule change) with
//! `BLAMELESS_BLESS=1 cargo test --lib checks::blameless::differential`.

use std::fmt::Write as _;

use super::tests::BOILERPLATE;
use super::*;

const DEV: &str = include_str!("../../../tests/data/blameless/blameless-dev.tsv");
const EXTRA: &str = include_str!("../../../tests/data/blameless/blameless-extra.tsv");
const PROBE: &str = include_str!("../../../tests/data/blameless/blameless-probe.tsv");
const FRESH: &str = include_str!("../../../tests/data/blameless/blameless-fresh.tsv");

const FIXTURE: &str = "tests/data/blameless/expected-hits.tsv";

/// Words for generated soup: triggers, subjects, quotes, sentence and paragraph breaks,
/// multi-byte text and the non-ASCII letters that case-fold to ASCII (`ſ`, `K`).
const SOUP: &[&str] = &[
    "Dave",
    "Priya",
    "Smith",
    "we",
    "the",
    "team",
    "QA",
    "Ops",
    "he",
    "she",
    "they",
    "nobody",
    "should",
    "could",
    "have",
    "'ve",
    "caught",
    "seen",
    "failed",
    "to",
    "because",
    "Had",
    "had",
    "if",
    "only",
    "ignored",
    "was",
    "were",
    "is",
    "obvious",
    "obviously",
    "not",
    "didn't",
    "did",
    "check",
    "human",
    "error",
    "operator",
    "fired",
    "let",
    "go",
    "up",
    "culprit",
    "cause",
    "who",
    "it",
    "this",
    "on",
    "clearly",
    "clear",
    "fault",
    "'s",
    "blame",
    "careless",
    "sloppy",
    "lazy",
    "hack",
    "broke",
    "pushed",
    "without",
    "review",
    "by",
    "caused",
    "made",
    "a",
    "mistake",
    "access",
    "revoked",
    "held",
    "accountable",
    "in",
    "hindsight",
    "predictable",
    "anyone",
    "neglected",
    "forgot",
    "bother",
    "too",
    "slow",
    "responsible",
    "for",
    "supposed",
    "down",
    "traced",
    "lost",
    "his",
    "reason",
    "glaring",
    "any",
    "fool",
    "coming",
    "saw",
    "no",
    "one",
    "accidentally",
    "wrong",
    "instead",
    "of",
    "reckless",
    "disciplinary",
    "warning",
    ".",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "\"",
    "'",
    "’",
    "‘",
    "“",
    "”",
    "„",
    "«",
    "»",
    "😀",
    "é",
    "Ünïcödé",
    "ſhould",
    "\u{212A}nocked",
    "e.g.",
    "etc.",
    "Mr.",
    "10:02",
    "v2.31",
    "on-call",
    "GitHub",
    "   ",
];

struct Case {
    set: &'static str,
    text: String,
    people: Vec<String>,
    allow: Vec<String>,
}

fn corpus_sentences(tsv: &str) -> Vec<&str> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect()
}

fn scorer_people() -> Vec<String> {
    vec![
        "author@example.com".to_owned(),
        "owner@example.com".to_owned(),
    ]
}

fn cases() -> Vec<Case> {
    let plain = |set, text: String| Case {
        set,
        text,
        people: scorer_people(),
        allow: Vec::new(),
    };
    let mut out = Vec::new();
    let sets = [
        ("dev", DEV),
        ("extra", EXTRA),
        ("probe", PROBE),
        ("fresh", FRESH),
    ];
    for (set, tsv) in sets {
        for s in corpus_sentences(tsv) {
            out.push(plain(set, s.to_owned()));
        }
    }
    for line in BOILERPLATE {
        out.push(plain("boilerplate", (*line).to_owned()));
    }
    let neutral = BOILERPLATE.join(" ");
    let all: Vec<&str> = sets
        .iter()
        .flat_map(|(_, tsv)| corpus_sentences(tsv))
        .collect();
    // Multi-sentence and multi-paragraph blocks: matches near sentence and paragraph breaks,
    // one hit per sentence per rule, quotes spanning sentences, people and allow phrases.
    for (k, chunk) in all.chunks(2).enumerate() {
        out.push(plain(
            "dense",
            format!("{neutral} {} {neutral}", chunk.join(" ")),
        ));
        if k % 3 == 0 {
            out.push(Case {
                set: "people",
                text: chunk.join("\n"),
                people: vec![
                    "Dave Smith".to_owned(),
                    "priya@example.com".to_owned(),
                    "chen".to_owned(),
                    "Rosalind Franklin".to_owned(),
                ],
                allow: vec!["human error".to_owned(), "should have".to_owned()],
            });
        }
    }
    for (k, chunk) in all.chunks(5).enumerate() {
        let sep = ["\n\n", " ", "\n", "\n \n", "  "][k % 5];
        let mut text = chunk.join(sep);
        if k % 4 == 1 {
            text = format!("He said \"{text}\" and left.");
        } else if k % 4 == 2 {
            text = format!("{text} — „{neutral}“ ‘ok’.");
        }
        out.push(plain("paragraphs", text));
    }
    // Deterministic trigger soup (a fixed LCG, so the fixture never drifts).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    for _ in 0..3000 {
        let n = 3 + next() % 40;
        let words: Vec<&str> = (0..n).map(|_| SOUP[next() % SOUP.len()]).collect();
        let glue = if next() % 3 == 0 { "" } else { " " };
        out.push(plain("soup", words.join(glue)));
    }
    out
}

fn render(cases: &[Case]) -> String {
    let mut out = String::from("set\tindex\tbytes\thits (start-end-rule)\n");
    for (i, c) in cases.iter().enumerate() {
        let hits = scan_rules(&c.text, &WordingContext::new(&c.people, &c.allow));
        let hits: Vec<String> = hits
            .iter()
            .map(|h| format!("{}-{}-{}", h.start, h.end, h.rule))
            .collect();
        let _ = writeln!(out, "{}\t{i}\t{}\t{}", c.set, c.text.len(), hits.join(" "));
    }
    out
}

#[test]
fn hits_match_the_recorded_fixture() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let actual = render(&cases());
    if std::env::var_os("BLAMELESS_BLESS").is_some() {
        std::fs::write(&path, &actual).expect("write the blameless fixture");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("read the blameless fixture");
    let cases = cases();
    let mut diffs = Vec::new();
    for (e, a) in expected.lines().zip(actual.lines()) {
        if e != a {
            let idx: usize = a
                .split('\t')
                .nth(1)
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            let text = cases.get(idx).map_or("", |c| c.text.as_str());
            diffs.push(format!("expected {e}\n  actual {a}\n    text {text:?}"));
        }
    }
    assert_eq!(
        expected.lines().count(),
        actual.lines().count(),
        "case count changed"
    );
    assert!(
        diffs.is_empty(),
        "{} cases differ:\n{}",
        diffs.len(),
        diffs
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The fixture must exercise the scanner, not just record silence.
    let with_hits = actual.lines().filter(|l| l.contains("blameless/")).count();
    assert!(with_hits > 800, "only {with_hits} cases with hits");
}
