//! Blame-focused wording detection: a pure library over prose, no I/O.
//!
//! [`scan`] finds wording that puts a person or a team at the centre of an incident
//! ("Dave broke…", "should have caught", "human error", "careless") and returns byte spans with a
//! reason and a systemic rewrite hint. Precision comes first: a false positive in a pre-commit
//! hook teaches people `--no-verify`. Every trigger word is therefore checked against the
//! sentence around it: who the subject is (a person, "we", a team, or a system), negation,
//! quotation, and sentences that talk about wording rather than use it. See `docs/BLAMELESS.md`.

mod anchors;
mod dictionary;
mod engine;

pub(crate) use engine::line_lead;
mod features;
mod lexicon;
mod model;
mod patterns;
mod suggest;
mod text;

#[cfg(test)]
mod differential;
#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod train;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use crate::checks::registry::{RuleId, RuleMeta};
use anchors::{KindSet, ANCHORS};
use patterns::{evaluate, Sentence, COMPILED};

/// What the scanner knows about the document.
#[derive(Debug)]
pub struct WordingContext<'a> {
    /// People known from the front matter (authors, facilitator, action owners, participants)
    /// and pm.toml `people`: free strings such as "amal@example.com", "Dave Smith", "priya".
    people: &'a [String],
    /// `[check.blameless] allow` phrases: a hit overlapping an occurrence of one of these
    /// (case-insensitive) is never reported.
    allow: &'a [String],
    /// The model's P(blame) from which a sentence no rule matched is a warning
    /// (`[check.blameless] sensitivity`).
    warn: engine::WarnAt,
    /// The name tokens of `people`, worked out once per document and only if a trigger
    /// reaches the sentence analysis.
    tokens: std::sync::OnceLock<HashSet<String>>,
    /// The document's text (`with_document`), read for the names it gives a version.
    document: &'a str,
    /// [`products_of`] the document, worked out as `tokens` is.
    products: std::sync::OnceLock<HashSet<String>>,
}

impl<'a> WordingContext<'a> {
    pub fn new(people: &'a [String], allow: &'a [String]) -> WordingContext<'a> {
        WordingContext {
            people,
            allow,
            warn: engine::warn_threshold(crate::config::Sensitivity::Normal),
            tokens: std::sync::OnceLock::new(),
            document: "",
            products: std::sync::OnceLock::new(),
        }
    }

    /// The same context for the document `text`, whose programs named with a version
    /// ("Stack 1.5.1") are no person's name anywhere in it ([`products_of`]).
    pub fn with_document(mut self, text: &'a str) -> Self {
        self.document = text;
        self
    }

    /// The same context with the model-alone warning threshold of `sensitivity`.
    pub fn with_sensitivity(mut self, sensitivity: crate::config::Sensitivity) -> Self {
        self.warn = engine::warn_threshold(sensitivity);
        self
    }

    fn tokens(&self) -> &HashSet<String> {
        self.tokens.get_or_init(|| people_tokens(self.people))
    }

    fn products(&self) -> &HashSet<String> {
        self.products.get_or_init(|| products_of(self.document))
    }
}

/// Whether `word` is a version number: digits with at least one dot ("1.5.1", "8.2"), or "v"
/// and digits ("v2", "v10.5.0").
pub(crate) fn is_version(word: &str) -> bool {
    let (v, rest) = match word.strip_prefix(['v', 'V']) {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let mut parts = 0;
    for p in rest.split('.') {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    v || parts >= 2
}

/// The capitalised words `text` names with a version right after them, lower case: "Stack
/// 1.5.1", "GHC 8.2", "Grafana v10.2" give "stack", "ghc", "grafana". A report about software
/// names its programs so, and elsewhere calls them by the bare name ("ignored by Stack"), where
/// the name would read as a person's. One pass over the words; a person's name with a version
/// after it is rare.
///
/// Round 55 (f561's first run, a false error): a name set after a thing's noun as its
/// appositive, "the gauge ingest service, Caudal, treated each repeated transmission …", is
/// the thing's name too. The noun is one of `lexicon::ARTIFACT_NOUNS` or a part of a system
/// (`lexicon::is_system_part`) and not also a person's job ("the driver, Baraka, …"), and the
/// name is followed by a comma. Or the appositive follows the name: "Dereva, our dispatch app,
/// …", "Apetito, the model that …" (f563's and f566's first runs).
pub(crate) fn products_of(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut words = text.split_whitespace().peekable();
    let mut prev = "";
    while let Some(w) = words.next() {
        let Some(next) = words.peek() else { break };
        let next_bare = next.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
        let name = w.trim_start_matches(['(', '"', '*', '`', '[']);
        let capitalised = |n: &str| {
            n.len() >= 2
                && n.starts_with(|c: char| c.is_uppercase())
                && n.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if capitalised(name) && is_version(next_bare) {
            out.insert(name.to_lowercase());
        }
        // "the gauge ingest service, Caudal, treated …": a thing's noun and a comma, then
        // a name and a comma.
        if let (Some(noun), Some(appositive)) = (prev.strip_suffix(','), name.strip_suffix(',')) {
            let noun = noun.to_ascii_lowercase();
            let one = noun.strip_suffix('s').unwrap_or(&noun);
            // Not a noun that is also a person's job: "the driver, Baraka, keyed …".
            let a_job = lexicon::is_actor_noun(&noun)
                || matches!(one, "driver" | "scheduler" | "monitor" | "server");
            if capitalised(appositive) && !a_job && lexicon::is_thing_noun(&noun) {
                out.insert(appositive.to_lowercase());
            }
        }
        // "Dereva, our dispatch app, read them as local time", "Apetito, the model that
        // watches pellets": a name, a comma, then a determiner and a thing's noun within three
        // words.
        if let Some(named) = name.strip_suffix(',') {
            if capitalised(named)
                && matches!(
                    next.to_ascii_lowercase().as_str(),
                    "the" | "our" | "a" | "an" | "its" | "their"
                )
            {
                let thing = words.clone().skip(1).take(3).any(|t| {
                    let t = t
                        .trim_end_matches([',', '.', ';', ':', ')'])
                        .to_ascii_lowercase();
                    let one = t.strip_suffix('s').unwrap_or(&t);
                    !lexicon::is_actor_noun(&t)
                        && (lexicon::is_thing_noun(&t) || matches!(one, "model" | "bot"))
                });
                if thing {
                    out.insert(named.to_lowercase());
                }
            }
        }
        prev = w;
    }
    out
}

/// One finding: a byte span of the scanned text and why it hurts a blameless review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordingHit {
    /// Byte offsets into the scanned text, on char boundaries, `start < end`.
    pub start: usize,
    pub end: usize,
    /// Rule id, e.g. `"blameless/counterfactual"`.
    pub rule: &'static str,
    /// One sentence: why this wording hurts a blameless review.
    pub message: String,
    /// A concrete systemic rewrite hint.
    pub suggestion: String,
    /// High-confidence blame: reported as an error (stops a commit). Otherwise a warning that
    /// asks the author to reconsider.
    pub error: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Rule {
    IndividualFault,
    Counterfactual,
    HumanError,
    Judgemental,
    Negligence,
    Punishment,
    Hindsight,
    TeamBlame,
    Sarcasm,
}

impl Rule {
    /// The rule's entry in the registry (ID, name, summary, rationale, examples).
    fn info(self) -> &'static RuleMeta {
        let id = match self {
            Rule::IndividualFault => RuleId::BlamelessIndividualFault,
            Rule::Counterfactual => RuleId::BlamelessCounterfactual,
            Rule::HumanError => RuleId::BlamelessHumanError,
            Rule::Judgemental => RuleId::BlamelessJudgemental,
            Rule::Negligence => RuleId::BlamelessNegligence,
            Rule::Punishment => RuleId::BlamelessPunishment,
            Rule::Hindsight => RuleId::BlamelessHindsight,
            Rule::TeamBlame => RuleId::BlamelessTeamBlame,
            Rule::Sarcasm => RuleId::BlamelessSarcasm,
        };
        id.meta()
    }

    fn message(self) -> &'static str {
        match self {
            Rule::IndividualFault => "Naming a person as the cause ends the analysis at the last human action and teaches people to stay quiet; a blameless review asks what made that action possible and reasonable at the time.",
            Rule::Counterfactual => "A counterfactual describes what someone did not do instead of what happened, and judges the decision with knowledge nobody had during the incident.",
            Rule::HumanError => "\"Human error\" is a label, not an explanation: it closes the inquiry exactly where it should start, at the conditions that made the slip likely.",
            Rule::Judgemental => "Judgemental words grade people instead of describing events, which makes participants defensive and the next review less candid.",
            Rule::Negligence => "Calling an action negligent or ignored claims people chose not to care; it hides the competing demands and missing signals that usually explain it.",
            Rule::Punishment => "Talking about punishment in a post-mortem tells everyone that candour is risky, so the next incident will be reported less fully.",
            Rule::Hindsight => "Hindsight makes the path to failure look obvious; it was not obvious to the people inside the incident, and saying so dismisses what they faced.",
            Rule::TeamBlame => "Blaming a team is still blame: it moves attention from the conditions that shaped the team's work to who should feel at fault.",
            Rule::Sarcasm => "Sarcasm and insinuation blame without saying so: readers hear contempt for a person, and the people involved stop speaking candidly.",
        }
    }

    fn suggestion(self) -> &'static str {
        match self {
            Rule::IndividualFault => "Describe the action neutrally and what allowed it: 'The change was merged before CI finished; the merge button did not wait for required checks.'",
            Rule::Counterfactual => "Describe what happened and why it made sense then: 'The dashboard did not show replica lag, so promoting the replica looked safe.'",
            Rule::HumanError => "Name the conditions instead of the label: 'The CLI accepted a /8 range without confirmation and applied it to every region.'",
            Rule::Judgemental => "State the facts of the change and the gap that let it through: 'The change had no test for the empty list case, and review did not require one.'",
            Rule::Negligence => "Describe what competed for attention and what the signal looked like: 'The disk alert went to a shared channel with 200 other alerts a day.'",
            Rule::Punishment => "Leave personnel matters out of the review and name the systemic fix: 'A1 adds a confirmation prompt for production targets.'",
            Rule::Hindsight => "Say what was visible at the time: 'During the incident the graphs showed two competing signals; the leak became clear only after the heap dump.'",
            Rule::TeamBlame => "Describe the conditions the team worked under: 'The release had no staging soak because the pipeline skipped it for hotfixes.'",
            Rule::Sarcasm => "Say plainly what happened and what made it possible: 'The canary stage can be skipped with one flag, and it was skipped in three releases this quarter.'",
        }
    }
}

/// One entry per rule id: the registry's `blameless` group.
pub fn rules() -> &'static [RuleMeta] {
    crate::checks::registry::group("blameless")
}

/// Name tokens of the known people: first names, full-name parts and e-mail local parts.
fn people_tokens(people: &[String]) -> HashSet<String> {
    let mut out = HashSet::new();
    for p in people {
        let local = p.split('@').next().unwrap_or(p);
        for part in local.split(|c: char| matches!(c, '.' | '_' | '-' | '+') || c.is_whitespace()) {
            let part = part
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            // Single letters and function-like words ("will", "may") are never taken as names.
            if part.chars().count() >= 2
                && part.chars().all(char::is_alphabetic)
                && !matches!(
                    part.as_str(),
                    "will" | "may" | "can" | "mark" | "art" | "the" | "and"
                )
            {
                out.insert(part);
            }
        }
    }
    out
}

/// Scans one block of prose and returns blame-focused wording, sorted by start, at most one
/// hit per sentence. `text` must already have non-prose bytes blanked out. See `engine.rs`.
pub fn scan(text: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    engine::scan(text, text, ctx, engine::Block::Prose)
}

/// [`scan`] for a block of a document, with `source`, the block's bytes as written (the same
/// length as `text`, its masked copy): the marks masking blanks out tell a label from prose (a
/// bold sentence that opens its line is a label, `engine::is_bold_label`). A `source` of
/// another length is not used.
pub fn scan_block(text: &str, source: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    scan_block_as(text, source, ctx, engine::Block::Prose)
}

/// [`scan_block`] for a block that is what `block` says it is.
fn scan_block_as(
    text: &str,
    source: &str,
    ctx: &WordingContext,
    block: engine::Block,
) -> Vec<WordingHit> {
    let source = if source.len() == text.len() {
        source
    } else {
        text
    };
    let text = directives_as_code(text, source);
    let text = answer_fields_set_off(text, source);
    engine::scan(&text, source, ctx, block)
}

/// [`scan_block`] for a table cell whose row's label, `label` (the first cell's text), names
/// who is answerable for the failure ("| Responsible party | Roster team |", "| Owner of
/// failure | DBA team |"; [`names_who_answers`]): the cell is judged as the value of that
/// field, "Responsible party: Roster team", so the rules read whom the row holds answerable.
/// Offsets of the hits are the cell's.
pub fn scan_answer_cell(
    label: &str,
    text: &str,
    source: &str,
    ctx: &WordingContext,
) -> Vec<WordingHit> {
    // A `source` of another length than `text` makes the joined pair differ too, and
    // `scan_block_as` then reads the masked text alone, as it would the cell's.
    let prefix = format!("{}: ", label.trim());
    let (joined, joined_source) = (format!("{prefix}{text}"), format!("{prefix}{source}"));
    let mut hits = scan_block_as(&joined, &joined_source, ctx, engine::Block::CauseCell);
    hits.retain_mut(|h| {
        h.start = h.start.max(prefix.len()) - prefix.len();
        h.end = h.end.saturating_sub(prefix.len());
        h.start < h.end
    });
    hits
}

/// Whether a field's label names who is answerable for a failure: "Responsible party",
/// "Responsible team", "Failure owner", "Owner of failure", "At fault", "Culprit", "Blame".
/// The trigger pattern of `Kind::Culprit` then decides which labels it reads (not "Incident
/// owner", a role in the response, nor "Responsible engineer", who may own the change).
///
/// "Owner" alone names whoever owns an action item ("| Owner | Priya |"): only with "failure"
/// or "fault" beside it does it name who is answerable.
pub fn names_who_answers(label: &str) -> bool {
    let label = label.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    let lower = label.to_ascii_lowercase();
    let failure = lower.contains("fail") || lower.contains("fault");
    label.len() <= 40
        && label.split_whitespace().count() <= 4
        && lower.split_whitespace().any(|w| {
            (w.starts_with("responsib")
                || (w.starts_with("owner") && failure)
                || w == "fault"
                || w.starts_with("culprit")
                || w.starts_with("blame"))
                && !w.starts_with("blameless")
        })
}

/// The masked text of a block with a colon where a pipe row's first cell, a label naming who
/// is answerable ([`names_who_answers`]), ends: masking blanks the row's pipes, and "|
/// Responsible party | Roster team |" is then read as "Responsible party: Roster team", a
/// field and its value. The same length as `text`; borrows it unless such a row is there.
fn answer_fields_set_off<'t>(
    text: std::borrow::Cow<'t, str>,
    source: &str,
) -> std::borrow::Cow<'t, str> {
    let src = source.as_bytes();
    // A pipe row kept as a paragraph opens its block; most blocks are prose, and a look at
    // their first byte is all they cost.
    if src.len() != text.len() || source.trim_start().as_bytes().first() != Some(&b'|') {
        return text;
    }
    let mut colons = Vec::new();
    let mut line = 0;
    while line < src.len() {
        let end = memchr::memchr(b'\n', &src[line..]).map_or(src.len(), |i| line + i);
        let row = &source[line..end];
        let cells_at = line + row.len() - row.trim_start().len() + 1;
        if let Some(cells) = row.trim_start().strip_prefix('|') {
            if let Some(bar) = cells.find('|') {
                if names_who_answers(&cells[..bar]) {
                    colons.push(cells_at + bar);
                }
            }
        }
        line = end + 1;
    }
    if colons.is_empty() {
        return text;
    }
    let mut text = text.into_owned();
    for at in colons {
        // Masking left a space where the pipe stood; one ASCII byte for another keeps every
        // offset.
        if text.as_bytes()[at] == b' ' {
            text.replace_range(at..at + 1, ":");
        }
    }
    std::borrow::Cow::Owned(text)
}

/// [`scan_block`] for a table cell whose row is a cause field (`| Root cause | … |`,
/// [`cause_row`]): what the cell asserts is judged as a sentence, punctuated or not ("|
/// Root cause | Jasur disabled the pager escalation policy and never turned it back on |",
/// round 26). Other cells, like headings and captions, are judged by the rules alone unless
/// they end with a full stop.
pub fn scan_cause_cell(text: &str, source: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    scan_block_as(text, source, ctx, engine::Block::CauseCell)
}

/// [`scan_block`] for any other table cell (`| AI-7 | Disciplinary review for the night shift
/// | HR |`): judged like a pipe row kept as a paragraph, whose cells the model, judging the
/// row or the cell without its row, often scores below its gate (`engine::Block::Cell`).
pub fn scan_cell(text: &str, source: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    scan_block_as(text, source, ctx, engine::Block::Cell)
}

/// The label of a table cell's row when the cell is the row's second and the label, its first
/// cell, names who is answerable for a failure ("| Responsible party | Roster team |",
/// [`names_who_answers`]); `lead` is what stands on the line before the cell.
pub fn answer_label(lead: &str) -> Option<&str> {
    let mut cells = lead.trim_start().strip_prefix('|')?.split('|');
    let label = cells.next()?;
    // The cell is the one right after the label: nothing but blanks stands between.
    let between = cells.next()?;
    (cells.next().is_none() && between.trim().is_empty() && names_who_answers(label))
        .then_some(label)
}

/// Whether `lead`, what stands on a table row's line before a cell (`"| Root cause | "`),
/// makes the cell the value of a cause field: its first cell names a cause or who is
/// answerable for one ("Root cause", "Contributing factor", "Responsible party"; see
/// `engine::names_a_cause_field`).
pub fn cause_row(lead: &str) -> bool {
    lead.contains('|')
        && lead
            .split('|')
            .map(str::trim)
            .find(|cell| !cell.is_empty())
            .is_some_and(engine::names_a_cause_field)
}

/// Masking keeps a handle in code marks as written (`` `@kwatanabe` merged … ``: a person,
/// `document::body::code_span`), but code marks around "@" and a common word or a word with a
/// capital hold a directive, a decorator or an annotation (`@error`, `@media`, `@import`,
/// `@Override`): those become the placeholder word inline code leaves (`x_____`), a thing. So
/// does a command-line option in prose (`--careless`). Borrows `text` unless such a span is
/// there.
fn directives_as_code<'t>(text: &'t str, source: &str) -> std::borrow::Cow<'t, str> {
    let (t, src) = (text.as_bytes(), source.as_bytes());
    let mut out: Option<Vec<u8>> = None;
    for at in memchr::memchr_iter(b'@', t) {
        if at == 0 || src.get(at - 1) != Some(&b'`') {
            continue;
        }
        let len = t[at + 1..]
            .iter()
            .take_while(|&&b| crate::document::body::is_handle_byte(b))
            .count();
        let end = at + 1 + len;
        if len == 0 || src.get(end) != Some(&b'`') {
            continue;
        }
        let word = &text[at + 1..end];
        if word.bytes().any(|b| b.is_ascii_uppercase())
            || dictionary::is_common_word(&word.to_ascii_lowercase())
        {
            let bytes = out.get_or_insert_with(|| t.to_vec());
            crate::document::body::code_placeholder(&mut bytes[at..end]);
        }
    }
    // A command-line option written in prose without code marks ("The --careless flag in the
    // CLI, which skipped confirmations, has been removed"; round 25, f165's first run) names a
    // switch of a program: "--" at the start of a word, then a letter, through the option's
    // letters, digits, `-` and `_`.
    static DASHES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"--"));
    for at in DASHES.find_iter(t) {
        let starts_word = at == 0 || !(t[at - 1].is_ascii_alphanumeric() || t[at - 1] == b'-');
        if !starts_word || !t.get(at + 2).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let len = t[at + 2..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            .count();
        let bytes = out.get_or_insert_with(|| t.to_vec());
        crate::document::body::code_placeholder(&mut bytes[at..at + 2 + len]);
    }
    match out {
        // Only ASCII bytes of an ASCII word were replaced by ASCII bytes.
        Some(bytes) => String::from_utf8(bytes)
            .map(std::borrow::Cow::Owned)
            .unwrap_or(std::borrow::Cow::Borrowed(text)),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The rules alone, every hit an error: the engine runs them on the sentences the model finds
/// suspicious, and `pm` runs them alone on action titles, short imperatives unlike the prose the
/// model learned from.
pub fn scan_rules(text: &str, ctx: &WordingContext) -> Vec<WordingHit> {
    scan_rules_of(text, ctx, KindSet::MAX)
}

/// [`scan_rules`] with only the rule kinds of `only` (bits in `patterns::ALL_KINDS` order).
pub(crate) fn scan_rules_of(text: &str, ctx: &WordingContext, only: KindSet) -> Vec<WordingHit> {
    // Most prose has no trigger at all: one literal pass, no allocation, no regex.
    let possible = ANCHORS.possible(text) & only;
    if possible == 0 {
        return Vec::new();
    }
    let compiled = &*COMPILED;
    let masked = text::mask_quotes(text);
    let masked: &str = &masked;
    let shadow = crate::checks::dfa::shadow(masked);
    let mut candidates = Vec::new();
    // A kind without its anchors cannot match, so skipping its regex changes nothing; the
    // others still run over the whole block, exactly as a full scan would.
    for (k, (kind, re)) in compiled.regexes.iter().enumerate() {
        if possible & (1 << k) == 0 {
            continue;
        }
        for (start, end) in re.find_iter(masked, &shadow) {
            candidates.push((start, end, *kind));
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    // Longest match first at the same start: "lazy hack" rather than "lazy".
    candidates.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));

    let sentences = text::sentences(masked);
    let mut hits: Vec<WordingHit> = Vec::new();
    let mut seen: HashMap<(usize, Rule), usize> = HashMap::new();
    let mut idx = 0;
    while idx < candidates.len() {
        let ms = candidates[idx].0;
        let si = sentences.partition_point(|&(_, e)| e <= ms);
        let Some(&(ss, se)) = sentences.get(si) else {
            break;
        };
        let group_end = candidates[idx..]
            .iter()
            .position(|&(s, _, _)| s >= se)
            .map_or(candidates.len(), |p| idx + p);
        let group = &candidates[idx..group_end];
        idx = group_end.max(idx + 1);
        if ms < ss {
            continue; // a match in whitespace between sentences
        }
        let sentence_text = &masked[ss..se];
        // Talk about wording or method covers its own clause: a match after a later clause
        // ("… to blame the vendor: the operator skipped the canary") is still judged.
        let meta_until = meta_clause_end(sentence_text, &shadow[ss..se]).map(|e| ss + e);
        let sentence = Sentence::new(masked, ss, se, ctx.tokens(), ctx.products());
        for &(start, end, kind) in group {
            if meta_until.is_some_and(|m| start < m) {
                continue;
            }
            let end = end.min(se);
            sentence.dictionary_role.set(false);
            let Some(f) = evaluate(kind, &sentence, start, end) else {
                continue;
            };
            let Some((fs, fe)) = tidy_span(text, f.start, f.end) else {
                continue;
            };
            let mut h = hit(f.rule, fs, fe);
            // A person known only from the dictionary may be a program: a warning.
            h.error = !sentence.dictionary_role.get();
            // One finding per rule and sentence: the first, unless a later match of the same
            // rule is sure where the first is not ("Suspend the coordinator's access …, and
            // note the incident on his personnel file", round 57: the role known only from the
            // dictionary warns, the personnel file does not).
            match seen.entry((si, f.rule)) {
                Entry::Vacant(v) => {
                    v.insert(hits.len());
                    hits.push(h);
                }
                Entry::Occupied(o) => {
                    if h.error && !hits[*o.get()].error {
                        hits[*o.get()] = h;
                    }
                }
            }
        }
    }
    if !ctx.allow.is_empty() && !hits.is_empty() {
        let allowed: Vec<(usize, usize)> = ctx
            .allow
            .iter()
            .flat_map(|a| text::find_ci(text, a))
            .collect();
        hits.retain(|h| !allowed.iter().any(|&(s, e)| s < h.end && h.start < e));
    }
    hits.sort_by_key(|h| (h.start, h.end));
    hits
}

/// Whether a finding of `rule` whose evidence starts at byte `at` of `sentence` is asked about
/// or designed for rather than asserted (`Sentence::does_not_assert`): a human-error label in a
/// yes-or-no or an indirect question ("Was this a human error in the migration script?",
/// "Several folk asked during the review whether this was human error") or as what a design
/// guards against ("our systems must be resilient to human error"); a sanction or a
/// counterfactual in a question someone is reported to have asked ("the client asked whether
/// staff would be disciplined"), but not one weighed ("management is considering whether the
/// developer should be let go") or asked directly ("Should the on-call have paged sooner?"); a
/// judgement in a question the authors ask about themselves ("Am I just stupid?").
/// The rules decide this for their own findings; the engine asks it of the model's.
///
/// For the model alone, a counterfactual said of a thing is not asserted of anyone either
/// (`Sentence::modal_perfect_of_a_thing`, round 21): "The fuzz test should have caught this
/// crash"; nor is an idiom of neglect said of a thing (`Sentence::idiom_of_a_thing`, round
/// 22): "The fleet ran on autopilot overnight". Nor, since round 37 (whose retrained model
/// warned on them), is an "Obviously" before a present with nothing past in the sentence
/// ("Obviously, customer data must not be exposed": hindsight sees a past before the fact),
/// nor a misconfiguration with no one in the sentence ("caused by management VLAN
/// misconfiguration"), a thing's state rather than a label for a person's slip. `source` is
/// the sentence as written (the same length), where code spans that masking blanked out are
/// still seen.
pub(crate) fn is_not_asserted(
    rule: Rule,
    sentence: &str,
    source: &str,
    at: usize,
    ctx: &WordingContext,
) -> bool {
    // Other families are never left unasserted; the sentence is not tokenised again for them.
    if !matches!(
        rule,
        Rule::HumanError
            | Rule::Counterfactual
            | Rule::Punishment
            | Rule::Judgemental
            | Rule::IndividualFault
            | Rule::TeamBlame
            | Rule::Negligence
            | Rule::Hindsight
    ) {
        return false;
    }
    let s = Sentence::new(sentence, 0, sentence.len(), ctx.tokens(), ctx.products());
    s.does_not_assert(rule, s.at(at))
        || (rule == Rule::Counterfactual
            && s.modal_perfect_of_a_thing(|at| source.get(..at).is_some_and(|b| b.contains('`'))))
        || (rule == Rule::Negligence
            && (neglect_idiom_of_a_thing(&s, sentence) || s.neglect_by_a_program()))
        || (rule == Rule::Hindsight && s.obviously_of_the_present(at))
        || (rule == Rule::HumanError && s.misconfiguration_of_a_thing(at))
}

/// Whether `sentence` (as `s`) holds an idiom of neglect (`Kind::AsleepIdiom`'s pattern) said
/// of a thing, with nobody in the sentence (`Sentence::idiom_of_a_thing`).
fn neglect_idiom_of_a_thing(s: &Sentence, sentence: &str) -> bool {
    let bit = patterns::kind_bit(patterns::Kind::AsleepIdiom);
    if ANCHORS.possible(sentence) & bit == 0 {
        return false;
    }
    let Some((_, re)) = COMPILED
        .regexes
        .iter()
        .find(|(k, _)| *k == patterns::Kind::AsleepIdiom)
    else {
        return false;
    };
    let masked = text::mask_quotes(sentence);
    let shadow = crate::checks::dfa::shadow(&masked);
    // Bound to a name so the matches' borrows of `masked` and `shadow` end before they drop.
    let found = re
        .find_iter(&masked, &shadow)
        .into_iter()
        .any(|(start, _)| s.idiom_of_a_thing(start));
    found
}

/// Whether the sentence talks about wording or method rather than using it ("we avoid the
/// label human error", "it is incorrect to focus on the individual"): the rules skip it, and
/// so does the model alone.
pub(crate) fn is_meta(sentence: &str) -> bool {
    let masked = text::mask_quotes(sentence);
    let shadow = crate::checks::dfa::shadow(&masked);
    meta_clause_end(&masked, &shadow).is_some_and(|e| e >= masked.trim_end().len())
}

/// Where the clause holding the sentence's talk about wording or method ends (a byte offset
/// into `sentence`), if it has any: at the first `;`, `:`, "but" or "so" after the match, or
/// at the sentence's end.
fn meta_clause_end(sentence: &str, shadow: &[u8]) -> Option<usize> {
    if draft_revised(sentence) {
        return Some(sentence.len());
    }
    let (_, end) = COMPILED.meta.find(sentence, shadow)?;
    let rest = sentence.get(end..)?;
    let lower = rest.to_ascii_lowercase();
    let cut = [";", ":", " but ", ", so ", " so "]
        .iter()
        .filter_map(|c| lower.find(c))
        .min();
    Some(cut.map_or(sentence.len(), |c| end + c))
}

/// Whether the sentence tells an earlier draft's wording and that the authors revised it: it
/// opens with an earlier, first, original or previous "draft" or "version" within its first
/// six words, and later "we" or "I" and a verb of revision ("rewrote", "reworded", "removed",
/// "changed"): "An earlier draft said the engineer failed to renew the certificate; we
/// rewrote it to describe the renewal job instead." (round 55, f555's first run, a false
/// error). The wording is quoted to be withdrawn. A draft that said it without the revision
/// ("The first draft said Dave broke it, and he did") is still judged.
fn draft_revised(sentence: &str) -> bool {
    #[rustfmt::skip]
    const EARLIER: &[&str] = &[
        "earlier", "first", "original", "previous", "initial", "older", "old", "prior",
    ];
    #[rustfmt::skip]
    const REVISED: &[&str] = &[
        "rewrote", "reworded", "revised", "changed", "removed", "replaced", "struck", "deleted",
        "edited", "dropped", "corrected", "amended", "cut", "retracted", "withdrew",
    ];
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(64)
        .map(str::to_lowercase)
        .collect();
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let Some(d) = (1..words.len().min(6)).find(|&k| {
        matches!(w(k), "draft" | "drafts" | "version" | "versions") && EARLIER.contains(&w(k - 1))
    }) else {
        return false;
    };
    (d + 1..words.len()).any(|k| matches!(w(k), "we" | "i") && REVISED.contains(&w(k + 1)))
}

/// Trims whitespace and punctuation off a span and checks it is a valid, non-empty range.
fn tidy_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let slice = &text[start..end];
    let trimmed_start = slice.len()
        - slice
            .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
            .len();
    let trimmed =
        slice.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'));
    let (s, e) = (start + trimmed_start, start + trimmed.len());
    (s < e).then_some((s, e))
}

fn hit(rule: Rule, start: usize, end: usize) -> WordingHit {
    WordingHit {
        start,
        end,
        rule: rule.info().id,
        message: rule.message().to_owned(),
        suggestion: rule.suggestion().to_owned(),
        error: true,
    }
}
