//! Honest figures for the wording engine.
//!
//! - Cross-validation by author over the training split (leave one author out): what the model
//!   does on an author it never saw. The tier thresholds in `engine.rs` were chosen from these
//!   out-of-fold figures, never from the validation authors.
//! - The validation authors a4 and a5 (sentences and whole documents), scored through [`scan`]:
//!   `cargo test --lib checks::blameless::eval -- --nocapture` asserts the thresholds and prints
//!   the figures.

#![allow(clippy::print_stderr)] // test-only figures are printed for the docs

use std::collections::BTreeMap;

use super::features::for_each_sentence;
use super::model::{class_of, judge, CLASSES, FAMILIES};
use super::train::{
    data_dir, doc_examples, read_tsv, train, training_examples, Example, VALIDATION_AUTHORS,
};
use super::{scan, WordingContext};

/// The people the scorer's document names (front matter: authors, action owner).
fn scorer_people() -> Vec<String> {
    ["author@example.com", "author", "owner@example.com", "owner"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
pub(crate) struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
}

impl Counts {
    pub fn add(&mut self, truth: bool, flagged: bool) {
        match (truth, flagged) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    pub fn precision(&self) -> f64 {
        let d = self.tp + self.fp;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
    pub fn recall(&self) -> f64 {
        let d = self.tp + self.fn_;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P={:.3} R={:.3} tp={} fp={} fn={} tn={}",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_,
            self.tn
        )
    }
}

/// Severity the engine gives a sentence at a `[check.blameless] sensitivity`: 0 none,
/// 1 warning, 2 error, with the rules reported.
fn sentence_tier_at(
    text: &str,
    sensitivity: crate::config::Sensitivity,
) -> (u8, Vec<&'static str>) {
    let people = scorer_people();
    let ctx = WordingContext::new(&people, &[]).with_sensitivity(sensitivity);
    let hits = scan(text, &ctx);
    let tier = hits
        .iter()
        .map(|h| if h.error { 2 } else { 1 })
        .max()
        .unwrap_or(0);
    (tier, hits.iter().map(|h| h.rule).collect())
}

pub(crate) struct SetScore {
    pub any: Counts,
    pub errors: Counts,
    pub warnings_only: Counts,
    /// category → (flagged, total)
    pub per_category: BTreeMap<String, (usize, usize)>,
    /// rule reported → (on a blame sentence, on a blame sentence of that family, all)
    pub per_rule: BTreeMap<&'static str, (usize, usize, usize)>,
}

pub(crate) fn score_sentences(rows: &[(String, String, String)]) -> SetScore {
    score_sentences_at(rows, crate::config::Sensitivity::Normal)
}

/// [`score_sentences`] at a `[check.blameless] sensitivity`.
fn score_sentences_at(
    rows: &[(String, String, String)],
    sensitivity: crate::config::Sensitivity,
) -> SetScore {
    let mut s = SetScore {
        any: Counts::default(),
        errors: Counts::default(),
        warnings_only: Counts::default(),
        per_category: BTreeMap::new(),
        per_rule: BTreeMap::new(),
    };
    for (label, cat, text) in rows {
        let truth = label == "blame";
        let (tier, rules) = sentence_tier_at(text, sensitivity);
        if let Some(r) = rules.first() {
            let e = s.per_rule.entry(r).or_default();
            e.0 += usize::from(truth);
            let family = super::model::FAMILIES
                .get(class_of(cat).wrapping_sub(1))
                .map(|f| f.info().id);
            e.1 += usize::from(truth && family == Some(*r));
            e.2 += 1;
        }
        s.any.add(truth, tier > 0);
        s.errors.add(truth, tier == 2);
        if tier != 2 {
            s.warnings_only.add(truth, tier == 1);
        }
        let e = s.per_category.entry(format!("{label}/{cat}")).or_default();
        e.0 += usize::from(tier > 0);
        e.1 += 1;
    }
    s
}

pub(crate) struct DocScore {
    pub words: usize,
    pub blame_sentences: usize,
    pub caught: usize,
    pub false_findings: usize,
    pub false_errors: usize,
}

/// Whole documents: every prose line scanned as `pm check` would; a finding inside a labelled
/// sentence is a catch, any other finding a false positive.
pub(crate) fn score_docs(author: &str) -> DocScore {
    let (labels, docs) = super::train::author_docs(author);
    let people = scorer_people();
    let ctx = WordingContext::new(&people, &[]);
    let mut d = DocScore {
        words: 0,
        blame_sentences: labels.len(),
        caught: 0,
        false_findings: 0,
        false_errors: 0,
    };
    let mut caught = vec![false; labels.len()];
    for (stem, md) in docs {
        d.words += md.split_whitespace().count();
        for line in super::train::doc_prose(&md) {
            for h in scan(&line, &ctx) {
                let mut hit_label = false;
                for (k, l) in labels.iter().enumerate() {
                    if l.0.trim_end_matches(".md") != stem {
                        continue;
                    }
                    if let Some(p) = line.find(l.2.as_str()) {
                        if h.start < p + l.2.len() && p < h.end {
                            caught[k] = true;
                            hit_label = true;
                        }
                    }
                }
                if !hit_label {
                    d.false_findings += 1;
                    d.false_errors += usize::from(h.error);
                }
            }
        }
    }
    d.caught = caught.iter().filter(|&&c| c).count();
    d
}

/// One example's out-of-fold judgement: its most suspicious sentence's blame probability and
/// family, the weight of that sentence's strongest content evidence, its word count, and the
/// weights of its strongest evidence of two or more content words and of one content word
/// (`f32::MIN` where there is none).
#[derive(Clone, Copy, Debug)]
pub(crate) struct OutOfFold {
    pub p: f32,
    pub class: usize,
    pub evidence: f32,
    pub words: usize,
    pub phrase: f32,
    pub word: f32,
    /// Byte range in the example's text of the one-word evidence (empty without one).
    pub word_at: (usize, usize),
}

/// Out-of-fold judgements for the training split, leaving one author out.
pub(crate) fn out_of_fold(examples: &[Example]) -> Vec<OutOfFold> {
    let mut groups: Vec<&str> = examples.iter().map(|e| e.group.as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    let none = OutOfFold {
        p: 0.0,
        class: 0,
        evidence: f32::MIN,
        words: 0,
        phrase: f32::MIN,
        word: f32::MIN,
        word_at: (0, 0),
    };
    let mut out = vec![none; examples.len()];
    for g in groups {
        let rest: Vec<Example> = examples.iter().filter(|e| e.group != g).cloned().collect();
        let model = train(&rest).model();
        for (i, e) in examples.iter().enumerate() {
            if e.group != g {
                continue;
            }
            let mut best = none;
            for_each_sentence(&e.text, |_, _, toks| {
                let j = judge(&model, toks);
                if j.blame > best.p {
                    let weight = |x: Option<(f32, usize, usize)>| x.map_or(f32::MIN, |x| x.0);
                    let (phrase, word) =
                        super::engine::evidence_by_width(&model, &e.text, toks, j.class);
                    best = OutOfFold {
                        p: j.blame,
                        class: j.class,
                        evidence: weight(super::engine::content_evidence(&model, toks, j.class)),
                        words: toks.iter().filter(|t| !t.mark).count(),
                        phrase: weight(phrase),
                        word: weight(word),
                        word_at: word.map_or((0, 0), |(_, a, b)| (toks[a].start, toks[b - 1].end)),
                    };
                }
            });
            out[i] = best;
        }
    }
    out
}

#[test]
#[ignore = "slow: trains one model per training author; prints the out-of-fold figures"]
fn cross_validation_by_author() {
    let ex = training_examples();
    let oof = out_of_fold(&ex);
    for t in [0.3f32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
        let mut sent = Counts::default();
        let mut docs = Counts::default();
        for (e, o) in ex.iter().zip(&oof) {
            let c = if e.from_doc { &mut docs } else { &mut sent };
            c.add(e.class > 0, o.p >= t);
        }
        eprintln!("t={t:.2} sentences {sent}  doc-lines {docs}");
    }
    // One row per example for offline analysis of the tiers: p, class, rule, truth, source.
    let people = scorer_people();
    let ctx = WordingContext::new(&people, &[]);
    let mut rows = String::new();
    for (e, o) in ex.iter().zip(&oof) {
        let rule = super::scan_rules(&e.text, &ctx)
            .first()
            .map_or("-", |h| h.rule);
        rows.push_str(&format!(
            "{:.4}\t{}\t{rule}\t{}\t{}\t{}\t{:.3}\t{}\t{:.3}\t{:.3}\t{}\t{}\n",
            o.p,
            o.class,
            e.class,
            e.from_doc,
            e.group,
            o.evidence,
            o.words,
            o.phrase,
            o.word,
            e.text
                .get(o.word_at.0..o.word_at.1)
                .unwrap_or("")
                .replace(['\t', '\n'], " "),
            e.text.replace(['\t', '\n'], " ")
        ));
    }
    if let Some(path) = std::env::var_os("PM_OOF_OUT") {
        std::fs::write(path, rows).expect("write out-of-fold rows");
    }
    let mut fam = [0usize; CLASSES];
    let mut fam_ok = [0usize; CLASSES];
    for (e, o) in ex.iter().zip(&oof) {
        if e.class > 0 {
            fam[e.class] += 1;
            fam_ok[e.class] += usize::from(o.class == e.class);
        }
    }
    for c in 1..CLASSES {
        eprintln!(
            "family {:?}: {}/{} right",
            FAMILIES[c - 1],
            fam_ok[c],
            fam[c]
        );
    }
}

fn report(name: &str, s: &SetScore) {
    eprintln!(
        "{name}: any {}  errors {}  warnings-only {}",
        s.any, s.errors, s.warnings_only
    );
    for (cat, (f, n)) in &s.per_category {
        eprintln!("    {cat:40} {f}/{n}");
    }
    for (rule, (blame, right, all)) in &s.per_rule {
        eprintln!(
            "    {rule:40} precision {:.3} ({blame}/{all} on blame sentences; family right on {right})",
            *blame as f64 / (*all).max(1) as f64
        );
    }
}

/// The sensitivity levels keep their meaning on the validation authors: `low` is at least as
/// precise and `high` finds more than `normal`, errors are the same at every level, and the
/// figures of docs/BLAMELESS.md, "Sensitivity" and "Round 9" (low P 0.992 R 0.769, high P 0.963
/// R 0.889) hold with a small margin. A retrained model that moves them fails here, and the
/// levels are chosen again.
#[test]
fn sensitivity_levels_hold_on_the_validation_split() {
    use crate::config::Sensitivity;
    let mut rows = Vec::new();
    for a in VALIDATION_AUTHORS {
        rows.extend(read_tsv(
            &data_dir().join("corpus").join(a).join("sentences.tsv"),
        ));
    }
    let score = |level: Sensitivity| {
        let s = score_sentences_at(&rows, level);
        (s.any, s.errors)
    };
    let (low, normal, high) = (
        score(Sensitivity::Low),
        score(Sensitivity::Normal),
        score(Sensitivity::High),
    );
    eprintln!("low {}\nnormal {}\nhigh {}", low.0, normal.0, high.0);
    assert_eq!((low.1.tp, low.1.fp), (normal.1.tp, normal.1.fp));
    assert_eq!((high.1.tp, high.1.fp), (normal.1.tp, normal.1.fp));
    assert!(low.0.fp <= normal.0.fp && normal.0.fp <= high.0.fp);
    assert!(low.0.tp <= normal.0.tp && normal.0.tp <= high.0.tp);
    // Round 9: low P 0.992 R 0.769, normal 0.989 / 0.822, high 0.963 / 0.889.
    assert!(low.0.precision() >= 0.98, "low {}", low.0);
    assert!(low.0.recall() >= 0.74, "low {}", low.0);
    assert!(high.0.precision() >= 0.95, "high {}", high.0);
    assert!(high.0.recall() >= 0.87, "high {}", high.0);
}

#[test]
fn validation_split_meets_the_thresholds() {
    let mut all = Vec::new();
    let (mut words, mut false_findings, mut false_errors) = (0, 0, 0);
    for a in VALIDATION_AUTHORS {
        let rows = read_tsv(&data_dir().join("corpus").join(a).join("sentences.tsv"));
        let s = score_sentences(&rows);
        report(a, &s);
        all.extend(rows);
        let d = score_docs(a);
        eprintln!(
            "{a} docs: {} words, {}/{} labelled sentences caught, {} false findings ({} errors), {:.3} per 1,000 words",
            d.words,
            d.caught,
            d.blame_sentences,
            d.false_findings,
            d.false_errors,
            d.false_findings as f64 * 1000.0 / d.words.max(1) as f64
        );
        words += d.words;
        false_findings += d.false_findings;
        false_errors += d.false_errors;
    }
    let s = score_sentences(&all);
    report("validation (a4+a5)", &s);
    // First run of the first model (before any change that looked at these figures): any tier
    // P 0.852 R 0.927, errors P 0.976 R 0.375, 10.6 false findings per 1,000 document words.
    // Second round (f1 and f2 in training, quoted passages, warning threshold 0.85 from
    // out-of-fold figures): any P 0.921 R 0.861, errors P 0.988 R 0.378, 1.81 per 1,000 words;
    // with negated words as their own features: any P 0.932 R 0.850, errors P 0.988 R 0.373,
    // 1.51 per 1,000 words. With a timeline entry's stamp and a chat line's speaker left out
    // of the features (they had taught the model that a line starting with a time is never
    // blame): any P 0.923 R 0.844, errors P 0.983 R 0.373, 2.19 per 1,000 words.
    // Round 3 (features counted as often as they occur, f3 and f4 in training, warning
    // threshold 0.50, errors from 0.20 with a rule, fragments judged by the rules alone): any
    // P 0.963 R 0.842, errors P 0.988 R 0.378, 1.36 per 1,000 words (18 false findings, 1 error);
    // with chat transcripts to the rules, evidence >= 0.5 and the structure rows: any P 0.969
    // R 0.841, errors P 0.984 R 0.377, 0.91 per 1,000 words (12 false findings, 1 error).
    // Round 4 (f5–f8, t1, t2 and the realistic reports n1–n7 in training, weights averaged
    // over the epochs, warning threshold 0.30, table labels and Markdown markers no longer
    // taken for a stamp): any P 0.973 R 0.834, errors P 0.987 R 0.367, 0.60 per 1,000 words
    // (8 false findings, 1 error).
    // Round 7 (f9, f10, f11 and n8–n10 in training; a finding of the model alone whose
    // evidence only names a topic or an actor needs P >= 0.75, chosen out of fold; "we" is no
    // longer an agent of fault for the rules): any P 0.986 R 0.770, errors P 0.988 R 0.373,
    // 0.30 per 1,000 words (4 false findings, 1 error). The recall given up (0.834 to 0.770)
    // bought the quiet on real reports that docs/BLAMELESS.md, "Round 7", shows.
    // Round 9 (45 training authors, actor features, the phrase bar at 0.40): any P 0.989
    // R 0.822, errors P 0.992 R 0.380, 0.08 per 1,000 words (1 false finding, an error).
    // Round 10 (55 training authors: f23–f26 and the realistic reports n14–n19 joined; the
    // one-word bar at 0.70): any P 0.988 R 0.803, errors P 0.988 R 0.381, 0.23 per 1,000
    // words (3 false findings, an error). Before f26 joined the same engine gave R 0.795; the
    // realistic reports cost validation recall and bought quiet on real reports
    // (docs/BLAMELESS.md, "Round 10").
    // Round 22 (f86–f129 joined training, 174 authors): any P 0.993 R 0.853, errors P 0.993
    // R 0.444, 0.23 per 1,000 words (3 false findings, an error). The floors are now issue
    // 12's targets for sentences (P 0.95, R 0.85; errors P 0.98) and a margin under today's
    // error recall.
    assert!(
        s.any.precision() >= 0.95 && s.any.recall() >= 0.85,
        "{}",
        s.any
    );
    assert!(
        s.errors.precision() >= 0.98 && s.errors.recall() >= 0.42,
        "{}",
        s.errors
    );
    let per_kword = false_findings as f64 * 1000.0 / words.max(1) as f64;
    assert!(
        per_kword <= 0.3,
        "{per_kword:.2} false findings per 1,000 words"
    );
    assert!(
        false_errors <= 1,
        "{false_errors} false errors on documents"
    );
}

#[test]
#[ignore = "prints the training-split scores through scan()"]
fn training_split_scores() {
    let ex = training_examples();
    let rows: Vec<(String, String, String)> = ex
        .iter()
        .filter(|e| !e.from_doc)
        .map(|e| {
            let label = if e.class > 0 { "blame" } else { "ok" };
            let cat = if e.class > 0 {
                format!("{:?}", FAMILIES[e.class - 1])
            } else {
                "ok".into()
            };
            (label.to_owned(), cat, e.text.clone())
        })
        .collect();
    report("training sentences", &score_sentences(&rows));
    let _ = doc_examples;
}

#[test]
fn findings_carry_span_family_reason_and_a_suggestion_about_the_sentence() {
    let people = scorer_people();
    let ctx = WordingContext::new(&people, &[]);
    let text = "Tomasz pushed the broken pool config to production because he couldn't be bothered to run the tests.";
    let hits = scan(text, &ctx);
    assert!(!hits.is_empty(), "no finding on {text}");
    for h in &hits {
        assert!(h.start < h.end && h.end <= text.len());
        assert!(h.rule.starts_with("blameless/"));
        assert!(h.message.contains(&text[h.start..h.end]), "{}", h.message);
        // The suggestion asks about this sentence's own object.
        assert!(
            h.suggestion.contains("the broken pool config") || h.suggestion.contains("the tests"),
            "{}",
            h.suggestion
        );
    }
    // Neutral prose with the same words stays quiet.
    let fine = "Tomasz restarted the pool at 14:02 because the health check had failed twice.";
    assert!(scan(fine, &ctx).is_empty(), "{:?}", scan(fine, &ctx));
}

/// One row per sentence for offline study of the tiers (`PM_DUMP_OUT=path`): the set, whether
/// it is a full sentence, its class, whether it comes from a document, the model's blame
/// probability, its word count, the model's family, whether a model-alone finding has content
/// evidence, the rules that fire, and the text (left out for the validation authors, whose sentences are not read).
#[test]
#[ignore = "writes per-sentence rows for threshold studies when PM_DUMP_OUT is set"]
fn dump_sentence_rows() {
    use super::engine::content_evidence;
    // PM_RETRAIN=1: judge with a model trained now (with the PM_* knobs of `train`) instead of
    // the committed weights, for studies of training choices.
    let retrained = std::env::var_os("PM_RETRAIN").map(|_| train(&training_examples()).model());
    let model = retrained.as_ref().unwrap_or(&super::model::MODEL);
    let people = scorer_people();
    let ctx = WordingContext::new(&people, &[]);
    let mut rows = String::new();
    let mut row =
        |group: &str, from_doc: bool, class: usize, text: &str, labels: &[(String, usize)]| {
            for_each_sentence(text, |s, e, toks| {
                let sentence = collapse_whitespace(&text[s..e]);
                let class = labels
                    .iter()
                    .find(|(l, _)| sentence.contains(l.as_str()) || l.contains(sentence.as_str()))
                    .map_or(class, |l| l.1);
                let j = judge(model, toks);
                let words = toks.iter().filter(|t| !t.mark).count();
                let ev = content_evidence(model, toks, j.class).map_or(-9.0, |(w, _, _)| w);
                let ev = format!("{ev:.3}");
                let rules: Vec<&str> = super::scan_rules(&text[s..e], &ctx)
                    .iter()
                    .map(|h| h.rule.trim_start_matches("blameless/"))
                    .collect();
                let shown = if VALIDATION_AUTHORS.contains(&group) {
                    "-"
                } else {
                    &text[s..e]
                };
                let full = u8::from(super::engine::is_full_sentence(text, s, e))
                    + 2 * u8::from(super::engine::is_transcript(text, s, e));
                rows.push_str(&format!(
                    "{group}\t{}\t{class}\t{}\t{:.4}\t{words}\t{}\t{}\t{}\t{}\n",
                    full,
                    u8::from(from_doc),
                    j.blame,
                    j.class,
                    ev,
                    if rules.is_empty() {
                        "-".to_owned()
                    } else {
                        rules.join(",")
                    },
                    shown.replace(['\t', '\n'], " ")
                ));
            });
        };
    let mut groups: Vec<String> = super::train::TRAIN_AUTHORS
        .iter()
        .chain(VALIDATION_AUTHORS.iter())
        .map(|s| (*s).to_owned())
        .collect();
    if let Ok(extra) = std::env::var("PM_DUMP_EXTRA") {
        groups.extend(extra.split(',').map(str::to_owned));
    }
    for g in &groups {
        let dir = super::train::author_dir(g);
        let dir = if dir.exists() {
            dir
        } else {
            std::path::PathBuf::from(g)
        };
        for (label, cat, text) in read_tsv(&dir.join("sentences.tsv")) {
            let class = if label == "blame" {
                class_of(&cat).max(1)
            } else {
                0
            };
            row(g, false, class, &text, &[]);
        }
        // Documents as `pm check` reads them: the body's prose blocks, sentences across lines.
        let (labels, docs) = super::train::docs_in(&dir);
        for (stem, md) in docs {
            let doc_labels: Vec<(String, usize)> = labels
                .iter()
                .filter(|l| l.0.trim_end_matches(".md") == stem)
                .map(|l| (collapse_whitespace(&l.2), class_of(&l.1).max(1)))
                .collect();
            let lines = crate::document::LineIndex::new(&md);
            let body = crate::document::body::parse(&md, 0, &lines, "Timeline");
            for block in &body.prose {
                row(g, true, 0, &block.text, &doc_labels);
            }
        }
    }
    if let Some(path) = std::env::var_os("PM_DUMP_OUT") {
        std::fs::write(path, rows).expect("write rows");
    }
}

/// `text` with every run of whitespace made one space: a labelled sentence (a substring of one
/// line) is found in a sentence that runs across hard-wrapped lines.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Prints the features that weigh most toward the model's family (against "ok") for each line
/// of the file `PM_EXPLAIN` (for studying false findings).
#[test]
#[ignore = "prints the strongest features of the sentences in PM_EXPLAIN"]
fn explain_sentences() {
    use super::features::{feature_names, features};
    use super::model::MODEL;
    let Some(path) = std::env::var_os("PM_EXPLAIN") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        for_each_sentence(line, |_, _, toks| {
            let j = judge(&MODEL, toks);
            let names = feature_names(line, toks);
            let mut ws: Vec<(f32, String)> = Vec::new();
            let mut k = 0;
            features(toks, |id, _, _| {
                if let Some(w) = MODEL.get(id) {
                    ws.push((w[j.class] - w[0], names.get(k).cloned().unwrap_or_default()));
                }
                k += 1;
            });
            ws.sort_by(|a, b| b.0.total_cmp(&a.0));
            let top: Vec<String> = ws
                .iter()
                .take(8)
                .map(|(w, n)| format!("{n}={w:.2}"))
                .collect();
            let bottom: Vec<String> = ws
                .iter()
                .rev()
                .take(3)
                .map(|(w, n)| format!("{n}={w:.2}"))
                .collect();
            eprintln!(
                "{:.3} {:?} | {line}\n    + {}\n    - {}",
                j.blame,
                FAMILIES[j.class - 1],
                top.join("  "),
                bottom.join("  ")
            );
        });
    }
}
