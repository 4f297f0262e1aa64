//! Trigger patterns and the sentence-structure checks that decide whether a trigger is blame.
//!
//! A trigger (one regex per [`Kind`]) only proposes a hit; its handler then looks at the clause
//! around it: who the subject is (a person, "we", a team, or a system), whether the trigger is
//! negated, and what it applies to. `anchors.rs` decides in one literal pass which of these
//! regexes can match a block at all.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lexicon::*;
use super::text::Tok;
use super::Rule;
use crate::checks::dfa::{self, Pattern};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    ModalPerfect,
    FailedTo,
    Neglected,
    Forgot,
    FaultVerb,
    CarelessAction,
    Because,
    FaultOf,
    OnPerson,
    Culprit,
    Cleft,
    CausedBy,
    PossessiveBad,
    TooSlow,
    DidNotCheck,
    Ignored,
    Negligent,
    Bother,
    WithoutAnyone,
    JudgeStrong,
    JudgeWeak,
    HumanError,
    PunishPassive,
    PunishStrong,
    Revoked,
    Obviously,
    ObviousPredicate,
    Glaring,
    Predictable,
    AnyoneCould,
    HindsightClear,
    ClearlyPerson,
    IfHad,
    HadInverted,
    WereInverted,
    WhyDidnt,
    Accidental,
    MadeMistake,
    TracedTo,
    ResponsibleFor,
    SupposedTo,
    NobodyChecked,
    Unheeded,
    LostAccess,
    AsleepIdiom,
    HindsightIdiom,
    ReasonIs,
    Sanction,
    SanctionVerb,
    Shaming,
    IronicPraise,
    MockedDuty,
    ActThenHarm,
    /// "have no idea what they are doing": a verdict on people's competence (round 35).
    CompetenceVerdict,
    /// "What the loyalty team got wrong", "Where the Integrations team went wrong" (round 35).
    WhereTheyWentWrong,
}

pub(super) const ALL_KINDS: &[Kind] = &[
    Kind::ModalPerfect,
    Kind::FailedTo,
    Kind::Neglected,
    Kind::Forgot,
    Kind::FaultVerb,
    Kind::CarelessAction,
    Kind::Because,
    Kind::FaultOf,
    Kind::OnPerson,
    Kind::Culprit,
    Kind::Cleft,
    Kind::CausedBy,
    Kind::PossessiveBad,
    Kind::TooSlow,
    Kind::DidNotCheck,
    Kind::Ignored,
    Kind::Negligent,
    Kind::Bother,
    Kind::WithoutAnyone,
    Kind::JudgeStrong,
    Kind::JudgeWeak,
    Kind::HumanError,
    Kind::PunishPassive,
    Kind::PunishStrong,
    Kind::Revoked,
    Kind::Obviously,
    Kind::ObviousPredicate,
    Kind::Glaring,
    Kind::Predictable,
    Kind::AnyoneCould,
    Kind::HindsightClear,
    Kind::ClearlyPerson,
    Kind::IfHad,
    Kind::HadInverted,
    Kind::WereInverted,
    Kind::WhyDidnt,
    Kind::Accidental,
    Kind::MadeMistake,
    Kind::TracedTo,
    Kind::ResponsibleFor,
    Kind::SupposedTo,
    Kind::NobodyChecked,
    Kind::Unheeded,
    Kind::LostAccess,
    Kind::AsleepIdiom,
    Kind::HindsightIdiom,
    Kind::ReasonIs,
    Kind::Sanction,
    Kind::SanctionVerb,
    Kind::Shaming,
    Kind::IronicPraise,
    Kind::MockedDuty,
    Kind::ActThenHarm,
    Kind::CompetenceVerdict,
    Kind::WhereTheyWentWrong,
];

pub(super) struct Compiled {
    /// One per kind, in `ALL_KINDS` order.
    pub regexes: Vec<(Kind, Pattern)>,
    /// Sentences that talk about wording or method rather than use it.
    pub meta: Pattern,
}

/// The triggers are DFAs compiled by `build.rs` from `sources.rs` (compiling regexes here cost
/// the pre-commit hook most of its time); each is read from the binary on first use.
pub(super) static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let (triggers, meta) = dfa::wording();
    let regexes = ALL_KINDS.iter().copied().zip(triggers).collect();
    Compiled { regexes, meta }
});

/// What the scanner knows about the sentence a trigger fell in.
pub(super) struct Sentence<'a> {
    pub toks: Vec<Tok>,
    pub people: &'a HashSet<String>,
    /// Capitalised words the document names with a version number ("Stack 1.5.1", "GHC
    /// 8.2"), lower case: programs, wherever they stand ([`super::products_of`]).
    pub products: &'a HashSet<String>,
    pub text: &'a str,
    pub end: usize,
    /// Set in Title Case (a heading or a headline: "Login Outage Caused by Expired
    /// Certificate"), where a capital says nothing about a name ([`is_headline`]).
    pub headline: bool,
    /// Set when [`Sentence::class`] took a word for a role only because WordNet knows it as a
    /// person (`dictionary::is_person_noun`): such a word may name a program ("the dispatcher
    /// ignored the timeout"), so a finding that asked about one is a warning, never an error.
    pub dictionary_role: std::cell::Cell<bool>,
}

/// The bit of `kind` in a set of kinds (`ALL_KINDS` order), as `scan_rules_of` takes them.
pub(super) fn kind_bit(kind: Kind) -> u64 {
    let i = ALL_KINDS.iter().position(|&k| k == kind);
    debug_assert!(i.is_some(), "every kind is in ALL_KINDS");
    i.map_or(0, |i| 1 << i)
}

impl<'a> Sentence<'a> {
    /// The sentence `text[start..end]`, tokenised.
    pub(super) fn new(
        text: &'a str,
        start: usize,
        end: usize,
        people: &'a HashSet<String>,
        products: &'a HashSet<String>,
    ) -> Sentence<'a> {
        let toks = super::text::tokenize(text, start, end);
        let headline = is_headline(&toks);
        Sentence {
            toks,
            people,
            products,
            text,
            end,
            headline,
            dictionary_role: std::cell::Cell::new(false),
        }
    }
}

/// Whether the words are set in Title Case: at least two words of five letters or more, and
/// every one of them capitalised (identifiers and acronyms aside). Prose has lower-case verbs
/// and nouns of that length ("restarted", "change"); a headline's are capitalised, and only
/// its short words ("by", "of", "from") stay lower case.
pub(super) fn is_headline(toks: &[Tok]) -> bool {
    let mut long = 0;
    for t in toks.iter().filter(|t| !t.boundary && !t.odd) {
        if t.word.chars().count() < 5 || !t.word.chars().all(char::is_alphabetic) {
            continue;
        }
        if !t.cap {
            return false;
        }
        long += 1;
    }
    long >= 2
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A name from the document's people.
    Known,
    /// A capitalised word in subject position that is not a known common word or product.
    Named,
    Role,
    Pronoun,
    We,
    Group,
    /// "nobody", "no one": denies an agent.
    NegPronoun,
    Other,
}

impl Class {
    fn person(self) -> bool {
        matches!(
            self,
            Class::Known | Class::Named | Class::Role | Class::Pronoun | Class::We
        )
    }
}

pub(super) struct Found {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
}

/// Whether a sentence corrects something its author shared in the channel: a link, a graph, a
/// figure or a paste ("my fault, wrong graph, that spike is Zaatari", "sorry, that's on me —
/// I pasted the UAT link; the prod dashboard is …", "correction, my fault: I pasted the
/// staging URL"). Such a line takes back a message, not the incident.
fn corrects_what_was_shared(s: &Sentence) -> bool {
    #[rustfmt::skip]
    const SHARED: &[&str] = &[
        "correction", "corrected", "pasted", "paste", "link", "url", "graph", "screenshot",
        "typo", "meant", "here's", "dashboard", "channel", "thread", "message", "msg", "timestamps",
    ];
    (0..s.toks.len()).any(|k| SHARED.contains(&s.word(k)))
}

/// Whether a sentence tells an act of its author's: "I" (or a clause with "I" left out
/// after a comma or a chat speaker, "shouldn't have run that script") before a verb in the
/// past, a modal perfect or "didn't" ("I pushed to prod", "I didn't bother", "should've
/// rolled back", "I got careless").
fn tells_the_authors_act(s: &Sentence) -> bool {
    let n = s.toks.len();
    (0..n).any(|k| {
        let w = s.word(k);
        let next = s.word(k + 1);
        (w == "i"
            && (is_past(next)
                || matches!(
                    next,
                    "didn't"
                        | "did"
                        | "got"
                        | "let"
                        | "should've"
                        | "shouldn't"
                        | "was"
                        | "just"
                        | "never"
                        | "really"
                        | "half"
                )))
            || matches!(
                w,
                "should've" | "shouldn't" | "should" | "could've" | "would've"
            ) && (is_past(next) || matches!(next, "have" | "run" | "done"))
    })
}

fn found(rule: Rule, start: usize, end: usize) -> Option<Found> {
    (start < end).then_some(Found { rule, start, end })
}

pub(super) fn singular(w: &str) -> &str {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    }
}

fn is_participle(w: &str) -> bool {
    const NOT: &[&str] = &[
        "need", "speed", "feed", "seed", "indeed", "proceed", "exceed", "succeed", "embed", "shed",
    ];
    IRREGULAR_PARTICIPLES.contains(w)
        || (w.len() > 3 && w.ends_with("ed") && !NOT.contains(&w))
        // "Had Inês re-run the bean count, …" (round 59, f654's miss): a hyphened "re-"
        // before an irregular participle ("re-run", "re-sent", "re-read").
        || w.strip_prefix("re-").is_some_and(|rest| IRREGULAR_PARTICIPLES.contains(rest))
}

/// A verb in the past whose prefix tells the act went wrong: "double-counted", "double-sold",
/// "misprinted", "mislabelled", "misrouted" (round 17). "Missed" and "mistook" are not of this
/// shape: after "mis" comes a past form in "-ed" of five letters or more.
fn is_misdeed_verb(w: &str) -> bool {
    if let Some(rest) = w.strip_prefix("double-") {
        return is_past(rest);
    }
    w.strip_prefix("mis")
        .is_some_and(|rest| rest.len() > 4 && rest.ends_with("ed"))
}

/// Nouns that name a way of acting, not a thing: "an unprofessional way to treat…", "a careless
/// change", "sloppy work".
fn is_act_noun(w: &str) -> bool {
    HUMAN_ACTS.contains(w)
        || HUMAN_ACTS.contains(singular(w))
        || matches!(w, "way" | "manner")
        // Acts told by what people left undone or did to the system.
        || matches!(
            singular(w),
            "lack"
                | "delay"
                | "failure"
                | "omission"
                | "neglect"
                | "push"
                | "force-push"
                | "restart"
                | "reboot"
                | "edit"
                | "deletion"
                | "removal"
                | "override"
                | "bypass"
                | "skip"
                | "approval"
                | "sign-off"
                | "request"
                | "paging"
                | "testing"
                | "handover"
                | "handoff"
        )
        // "release engineering", "the testing": the -ing noun of an activity.
        || (w.len() > 6 && w.ends_with("ing"))
}

/// A word for a company that supplies or carries what the authors run: its possessive is no
/// person's ("the vendor's firmware is shoddy" grades a product).
fn is_company_word(w: &str) -> bool {
    matches!(
        singular(w),
        "vendor"
            | "supplier"
            | "manufacturer"
            | "provider"
            | "upstream"
            | "partner"
            | "carrier"
            | "maker"
            | "registrar"
            | "reseller"
            | "distributor"
            | "retailer"
            | "wholesaler"
            | "subcontractor"
            | "broker"
    )
}

/// A word for an outside party that acts for the authors (round 62): [`is_company_word`]'s
/// words and those of agents, couriers and hauliers ("the customs broker", "the port agent",
/// "the SMS aggregator", "the freight forwarder"). Read only beside a verb that judges an act
/// ([`judges_the_act`]): alone, most of these also name software ("the log aggregator").
fn is_outside_party(w: &str) -> bool {
    let one = singular(w);
    is_company_word(w)
        || is_organisation_word(one)
        || matches!(
            one,
            "agent"
                | "aggregator"
                | "forwarder"
                | "courier"
                | "haulier"
                | "hauler"
                | "integrator"
                | "installer"
        )
}

/// A word for an organisation that is never software: "company", "firm", "agency",
/// "consultancy", "contractor", "landlord", "insurer". `w` is singular and lower case.
fn is_organisation_word(w: &str) -> bool {
    matches!(
        w,
        "company" | "firm" | "agency" | "consultancy" | "contractor" | "landlord" | "insurer"
    )
}

/// Whether a matched fault verb judges the act as well as telling it (round 62): "botched",
/// "mangled", "messed … up", "screwed us", "dropped the ball", "let us down", not "broke",
/// "caused", "misconfigured" or "took down", which a report uses of a supplier's outage plainly.
/// `matched` is the pattern's match, lower case.
fn judges_the_act(matched: &str) -> bool {
    let first = matched.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "botched"
            | "bungled"
            | "fumbled"
            | "flubbed"
            | "mangled"
            | "trashed"
            | "wrecked"
            | "ruined"
            | "borked"
            | "hosed"
            | "goofed"
            | "muffed"
            | "fouled"
            | "cocked"
            | "mucked"
            | "messed"
            | "screwed"
            | "hung"
            | "threw"
            | "mishandled"
            | "blew"
    ) || matched.starts_with("made a mess")
        || matched.starts_with("made a hash")
        || matched.starts_with("dropped the ball")
        || matched.starts_with("did this to")
        || matched.starts_with("did that to")
        || matched.starts_with("left us")
        || matched.starts_with("failed us")
        || matched.starts_with("got it")
        || (first == "let" && matched.ends_with("down"))
}

/// Whether "failed to <inf> <next>" tells an attempt the system turned down: logging in or
/// signing in (not "failed to log the missed call"), authenticating, reproducing a fault;
/// connecting, loading or reaching when no object follows ("failed to connect to the VPN",
/// "the page failed to load for her"). Not "failed to connect the dots" or "failed to load the
/// new routes", which are someone's acts. Asked of every finding, the rules' and the model's,
/// by `Sentence::tried_in_vain`.
fn attempt_that_failed(inf: &str, next: &str) -> bool {
    matches!(
        inf,
        "login" | "signin" | "authenticate" | "reproduce" | "boot"
    ) || matches!(inf, "log" | "sign") && matches!(next, "in" | "on" | "into")
        || matches!(inf, "connect" | "load" | "reach" | "access" | "join")
            && (next.is_empty()
                || matches!(next, "to" | "from" | "with" | "in" | "into" | "on" | "for"))
}

/// How a chat handle reads: a person, but for a channel-wide mention ("@here"), a bot
/// ("@dependabot", "@renovate-bot") or a team's handle ("@sre-team", "@payments_oncall"),
/// which is a group.
fn handle_class(w: &str) -> Class {
    const MENTIONS: &[&str] = &["here", "channel", "everyone", "all", "room"];
    const BOTS: &[&str] = &[
        "renovate",
        "github-actions",
        "mergify",
        "codecov",
        "netlify",
        "vercel",
        "copilot",
        "snyk",
        "sonarcloud",
        "greenkeeper",
        "stale",
        "allcontributors",
        "coderabbitai",
        "pagerduty",
        "opsgenie",
        "jira",
        "sentry",
        "datadog",
        "grafana",
        "alertmanager",
    ];
    if MENTIONS.contains(&w) || BOTS.contains(&w) || w.ends_with("bot") || w.contains("-bot") {
        return Class::Other;
    }
    if w.split(['-', '_', '.']).any(|part| {
        GROUP_NOUNS.contains(part)
            || BODIES.contains(part)
            || matches!(part, "oncall" | "sre" | "sres" | "ops" | "devops" | "infra")
    }) {
        return Class::Group;
    }
    Class::Named
}

/// Whether a lower-case word written without `@` has the shape of a chat handle and not of a
/// word or a program's name: an initial and a surname whose first two letters no English word
/// opens with ("tnguyen", "kmensah", "wkamau", "lfernandez"), or two letter parts joined by `_`
/// or `.` ("kavitha_s", "ayesha.q", "m.rossi"), none of them a common word but a one- or
/// two-letter initial, and the last no file extension. Common English words are no handles, nor
/// are the programs of this shape a post-mortem names ([`HANDLE_SHAPED_PROGRAMS`]).
pub(super) fn is_handle_shaped(raw: &str) -> bool {
    const ONSETS: &[&str] = &[
        "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kl", "kn",
        "kr", "ph", "pl", "pn", "pr", "ps", "qu", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp",
        "sq", "st", "sv", "sw", "th", "tr", "tw", "wh", "wr", "zh",
    ];
    const EXTENSIONS: &[&str] = &[
        "md", "sh", "py", "rs", "go", "js", "ts", "rb", "tf", "yml", "yaml", "json", "toml",
        "conf", "cfg", "ini", "xml", "html", "css", "txt", "log", "sql", "lock", "service",
        "timer", "socket", "env", "csv", "gz", "zip", "io", "com", "org", "net", "dev",
    ];
    let common = |w: &str| super::dictionary::is_common_word(w);
    let letters = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    if raw.len() < 5 || raw.len() > 24 || HANDLE_SHAPED_PROGRAMS.contains(&raw) {
        return false;
    }
    let parts: Vec<&str> = raw.split(['_', '.']).collect();
    match parts.as_slice() {
        [w] => {
            let b = w.as_bytes();
            letters(w)
                && !vowel(b[0])
                && !vowel(b[1])
                && !ONSETS.contains(&&w[..2])
                && w[1..].bytes().any(vowel)
                && !common(w)
                && !common(&w[1..])
        }
        [a, b] => {
            letters(a)
                && letters(b)
                && !EXTENSIONS.contains(b)
                && (a.len() > 2 || b.len() > 2)
                && [a, b].iter().all(|p| p.len() <= 2 || !common(p))
        }
        _ => false,
    }
}

/// Programs whose lower-case names have a handle's shape (`is_handle_shaped`), as post-mortems
/// name them at the start of a sentence ("pgbouncer refused connections").
#[rustfmt::skip]
const HANDLE_SHAPED_PROGRAMS: &[&str] = &[
    "nginx", "dnsmasq", "pgbouncer", "pgpool", "pgbackrest", "pgbench", "pgloader", "pgadmin",
    "xtrabackup", "tcpdump", "vtgate", "vttablet", "vtctld", "gcloud", "gsutil", "hbase", "rclone",
    "kvrocks", "mkdocs", "ffmpeg", "mcrouter", "tshark", "dhclient", "dhcpd", "lldpd", "ntpdate",
    "sshguard", "dnscrypt", "nftables", "ldconfig", "lxcfs", "zfsutils", "mdadm", "smartctl",
    "tkinter", "jquery", "npmjs", "pnpm", "dnf", "rpmbuild", "hdparm", "xfsprogs", "btrfs",
    "wget", "pwsh", "kdump", "mkinitcpio", "dracut",
];

/// Fault words after an "Obviously" that make it more than editorial ([`Sentence::obviously_editorial`]).
const OBVIOUSLY_FAULT: &[&str] = &[
    "nobody", "didn't", "never", "should", "failed", "ignored", "wrong", "forgot",
];

pub(super) fn is_past(w: &str) -> bool {
    !matches!(w, "was" | "were" | "had" | "did" | "need" | "used")
        && (IRREGULAR_PAST.contains(w)
            || (w.len() > 3 && w.ends_with("ed"))
            // "because Priya re-ran it by hand" (round 60, f664's first run): a hyphened
            // "re-" before an irregular past ("re-ran", "re-sent", "re-wrote").
            || w.strip_prefix("re-").is_some_and(|rest| IRREGULAR_PAST.contains(rest)))
}

/// A word for a time, whose possessive owns nothing ("yesterday's", "last night's",
/// "January's"): neither a thing's nor a person's.
fn is_time_word(w: &str) -> bool {
    is_day_or_month(w)
        || matches!(
            w,
            "yesterday"
                | "today"
                | "tonight"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "day"
                | "shift"
                | "quarter"
                | "sprint"
                | "season"
        )
}

/// Whether a lower-case word is a weekday or a month ("may" and "march" too: callers decide by
/// case or place).
pub(super) fn is_day_or_month(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && w != "only" && w != "early")
        || matches!(
            w,
            "just" | "also" | "then" | "again" | "still" | "even" | "simply" | "only" | "actually"
        )
}

/// Whether "broke" at token `i` tells a division or an idiom of no harm rather than someone
/// breaking a thing (round 49, f432's first run, a false error: "Our team broke the work into
/// three streams"), read on the words of its clause ([`broke_as_division`]).
fn broke_as_divided_or_idiom(s: &Sentence, i: usize) -> bool {
    let clause: Vec<&str> = (i..(i + 6).min(s.toks.len()))
        .take_while(|&k| k == i || !s.toks[k].boundary)
        .map(|k| s.word(k))
        .collect();
    broke_as_division(&clause)
}

/// Whether lower-cased `words`, "broke" and what follows it in its clause, tell a division or
/// an idiom of no harm: the object is followed, within four words, by "into", "apart", or
/// "down"/"up" before "into" ("broke the migration down into phases"); or the object is one
/// of the idioms' ("broke the news", "broke the tie", "broke ground", "broke the deadlock")
/// and ends its phrase there; or "broke down" takes no object ("the grease broke down"). The
/// engine asks it of the model's evidence too.
pub(super) fn broke_as_division(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const IDIOM: &[&str] = &[
        "news", "tie", "silence", "ground", "deadlock", "logjam", "stalemate", "record", "ice",
    ];
    #[rustfmt::skip]
    const PHRASE_ENDS: &[&str] = &[
        "and", "with", "to", "for", "on", "at", "in", "by", "when", "after", "before", "that",
        "about", "so", "as",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (1..words.len().min(6)).any(|k| {
        let idiom = k <= 2
            && IDIOM.contains(&w(k))
            && (k + 1 >= words.len() || PHRASE_ENDS.contains(&w(k + 1)));
        let division = k > 1
            && (matches!(w(k), "into" | "apart")
                || (matches!(w(k), "down" | "up") && w(k + 1) == "into"));
        // "… and the grease broke down." (round 59, f651's first run): "broke down" with no
        // object is a thing's (or a talk's) breakdown, not an act on something.
        let breakdown = k == 1
            && w(1) == "down"
            && (words.len() == 2
                || PHRASE_ENDS.contains(&w(2))
                || matches!(
                    w(2),
                    "under" | "during" | "within" | "over" | "again" | "completely" | "twice"
                ));
        idiom || division || breakdown
    })
}

fn is_be(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "been" | "being" | "got" | "get" | "gets" | "is" | "are" | "be"
    )
}

/// A noun whose form says it names a person, whatever the lists hold: "-ist" ("pharmacist",
/// "receptionist"; not "checklist"), "-ian" ("technician", "librarian"), "-eer" ("volunteer",
/// "auctioneer"), "-man" and "-woman" ("foreman", "linesman"), "-chief" and "-ee" ("trainee",
/// "referee"). Suffixes that also make things ("-er", "-or", "-ant", "-ent": "scheduler",
/// "monitor", "variant", "component") are left to the lists. Words of these forms that name
/// things are kept out by name.
fn is_person_noun_by_form(w: &str) -> bool {
    // Only words that pass the length tests below need naming here.
    #[rustfmt::skip]
    const THINGS: &[&str] = &[
        "gaussian", "meridian", "median", "guarantee", "jubilee", "pedigree", "committee",
        "career", "veneer", "german", "layman", "batman", "caiman", "ottoman", "dolman",
        "nonhuman", "superhuman", "ataman", "assist", "persist", "insist", "resist", "consist",
        "subsist", "desist", "marquee", "fricassee", "disagree", "carefree", "filigree",
    ];
    if w.len() < 6 || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-') || THINGS.contains(&w)
    {
        return false;
    }
    (w.ends_with("ist") && !w.ends_with("list"))
        || w.ends_with("ian")
        || w.ends_with("eer")
        || (w.ends_with("man") && !w.ends_with("-man"))
        || w.ends_with("chief")
        || (w.ends_with("ee") && w.len() >= 7)
}

/// Judgement words that presuppose a mind: they grade an agent even with a thing's name for
/// subject ("the dispatcher was incompetent": a dispatcher may be a person or a program), and
/// grade a thing only when it is an artifact. Prefixes, matched at a word's start; the
/// judgement nouns of the same kind are [`JUDGEMENT_NOUNS`].
const AGENT_ONLY: &[&str] = &[
    "incompeten",
    "clueless",
    "lazy",
    "lazi",
    "unprofessional",
    "irresponsib",
    "ashamed",
    "foolish",
];

/// Judgement nouns, which presuppose a mind like [`AGENT_ONLY`] and grade themselves ("an
/// idiot", "a rookie"): no thing is their head. Prefixes, matched at a word's start.
const JUDGEMENT_NOUNS: &[&str] = &[
    "idiot",
    "moron",
    "rookie",
    "newbie",
    "beginner",
    "schoolboy",
];

/// Whether `w` starts like a word of [`AGENT_ONLY`] or [`JUDGEMENT_NOUNS`].
fn presupposes_a_mind(w: &str) -> bool {
    AGENT_ONLY
        .iter()
        .chain(JUDGEMENT_NOUNS)
        .any(|p| w.starts_with(p))
}

const NAME_SUFFIXES: &[&str] = &[
    "ing", "tion", "sion", "ment", "ness", "ity", "ics", "ogy", "ism", "ware", "ers",
];

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.word.as_str())
    }

    /// The sentence's words, lower case, for the tests that read them as a list.
    fn words(&self) -> Vec<&str> {
        (0..self.toks.len()).map(|k| self.word(k)).collect()
    }

    fn is_break(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_none_or(|t| t.boundary || CLAUSE_BREAKS.contains(t.word.as_str()))
    }

    /// Index of the first token starting at or after `pos`.
    pub(super) fn at(&self, pos: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < pos);
        (i < self.toks.len()).then_some(i)
    }

    /// Index of the last token ending at or before `pos`.
    fn before(&self, pos: usize) -> Option<usize> {
        self.toks.partition_point(|t| t.end <= pos).checked_sub(1)
    }

    /// The index of the first token from `k` on that is not an adverb ("Planning quietly sat
    /// on …": the verb after the subject); the sentence's length when all are.
    fn past_adverbs(&self, mut k: usize) -> usize {
        while k < self.toks.len() && is_adverb(self.word(k)) {
            k += 1;
        }
        k
    }

    /// Whether the noun phrase whose head is at `j` stands, past its determiners, right after
    /// a word `of` accepts: a preposition, for the noun phrase inside another ("the fatigue
    /// alert for the crew", "the focus of the incident").
    fn follows_a_word_of(&self, j: usize, of: impl Fn(&str) -> bool) -> bool {
        let mut p = j;
        while p > 0 && DETERMINERS.contains(self.word(p - 1)) {
            p -= 1;
        }
        p > 0 && of(self.word(p - 1))
    }

    fn next_word(&self, i: usize) -> Option<usize> {
        let j = i + 1;
        (j < self.toks.len() && !self.toks[j].boundary).then_some(j)
    }

    /// The agent after a passive's "by" ("was dropped by the on-call engineer"): the first
    /// "by" among the tokens `from..to` before a boundary, and the person- or group-like token
    /// of the noun phrase after it ([`Self::noun_phrase_agent`]) with its class.
    fn agent_after_by(&self, from: usize, to: usize) -> Option<(usize, Class)> {
        (from..to.min(self.toks.len()))
            .take_while(|&k| !self.toks[k].boundary)
            .find(|&k| self.word(k) == "by")
            .and_then(|k| self.noun_phrase_agent(k + 1))
    }

    /// The agent of a passive whose verb ends at `last` ("was corrupted by the night operator",
    /// "has been neglected by QA"), when it is someone: a person by role, a known name, a
    /// handle or a group, not someone's thing ("by the data team's migration script") and not
    /// a role known only from the dictionary. A capitalised word the dictionary lacks may be a
    /// program there ("corrupted by Sidekiq"), so it does not count.
    fn passive_agent(&self, last: usize) -> Option<(usize, Class)> {
        let (k, c) = self.agent_after_by(last + 1, last + 3)?;
        let someone = !self.toks[k].poss
            && (matches!(c, Class::Known | Class::Role | Class::Group)
                || (c == Class::Named && self.toks[k].handle));
        (someone && !self.dictionary_role.get()).then_some((k, c))
    }

    /// An organisation, or a side of one, named as the bearer of fault ("It's the touring
    /// company's fault for changing the cue list", "The supplier is to blame for the warm
    /// shipment", "The contact-centre side is to blame for the exposure"; round 43, f342's and
    /// f341's first runs): people, for the fault idioms alone: [`is_company_word`]'s words but
    /// those that also name software or a thing ("provider", "broker", "partner", "maker",
    /// "upstream"), and [`is_organisation_word`]'s ("company", "firm", "agency" …). "side" needs a
    /// modifier that is people, an organisation or a line of work ("the vendor side", "the
    /// ground-handling side", not "the client side").
    fn organisation_at_fault(&self, i: usize) -> bool {
        let w = singular(self.word(i));
        if (is_company_word(w)
            && !matches!(w, "provider" | "upstream" | "partner" | "maker" | "broker"))
            || is_organisation_word(w)
        {
            return true;
        }
        if w != "side" || i == 0 || self.toks[i - 1].boundary {
            return false;
        }
        let m = i - 1;
        let modifier = self.word(m);
        // A line of work names people too ("the ground-handling side", "the billing side"),
        // by its last part's shape, as `class` reads "the forecasting group".
        let work = modifier.rsplit('-').next().unwrap_or(modifier);
        matches!(self.class(m), Class::Group | Class::Role | Class::Known)
            || self.organisation_at_fault(m)
            || (work.len() > 5 && ["ing", "ics", "ion"].iter().any(|e| work.ends_with(e)))
            || [
                "centre",
                "center",
                "office",
                "desk",
                "team",
                "ops",
                "operations",
            ]
            .iter()
            .any(|e| modifier.ends_with(e))
    }

    /// [`Self::name_shaped`], unless a relative clause later in the sentence has "it" for the
    /// subject right after its noun: "… because Relais skipped an update it did not
    /// understand" (round 54, f532's first run, a false error), "Orion dropped the record it
    /// could not parse". What did not understand the update is the one that skipped it, and
    /// it is a thing. A personal pronoun anywhere later keeps the name a person's.
    fn named_by_shape(&self, i: usize) -> bool {
        self.name_shaped(i) && !self.thing_by_a_relative_it(i)
    }

    /// Whether, after token `i`, "it" follows a noun that follows a determiner within three
    /// words ("an update it", "the record it", "every job it"), with "did", "could", "can" or a
    /// verb in the past after it ("expected", "received"), no clause opened between the name
    /// and "it" ("if", "when", "and", "but"), and no personal pronoun in the sentence after
    /// `i`.
    fn thing_by_a_relative_it(&self, i: usize) -> bool {
        let n = self.toks.len();
        let mut later = i + 1..n;
        if later.clone().any(|k| {
            matches!(
                self.word(k),
                "he" | "she" | "his" | "her" | "him" | "they" | "their" | "them" | "who"
            )
        }) {
            return false;
        }
        later.any(|k| {
            self.word(k) == "it"
                && k >= i + 3
                && !self.toks[k - 1].boundary
                && (k.saturating_sub(3)..k - 1).any(|d| {
                    matches!(self.word(d), "a" | "an" | "the" | "every" | "each" | "any")
                        && (d + 1..k).all(|m| !self.toks[m].boundary)
                })
                // A clause opened between the name and "it" ("if Deniz had followed the
                // checklist it would have been fine") makes "it" the next clause's subject.
                && !(i + 1..k).any(|m| {
                    matches!(
                        self.word(m),
                        "if" | "when" | "once" | "unless" | "because" | "so" | "and" | "but"
                            | "then"
                    )
                })
                && {
                    let v = self.word(k + 1);
                    matches!(
                        v,
                        "did" | "didn't" | "does" | "doesn't" | "could" | "couldn't" | "can"
                            | "can't" | "cannot" | "needed" | "expected" | "knew" | "saw"
                            | "received" | "got"
                    ) || is_past(v)
                }
        })
    }

    /// A capitalised word that reads as someone's name, ignoring where it stands.
    fn name_shaped(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let w = t.word.as_str();
        t.cap
            && !t.odd
            && w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            // In a headline every word is capitalised: only an uncommon word, or a first name
            // that is also a word ("Frank"), can be a name.
            && !(self.headline
                && super::dictionary::is_common_word(w)
                && !NAMES_THAT_ARE_WORDS.contains(w))
            && !NOT_NAMES.contains(w)
            && !NOT_NAMES.contains(singular(w))
            && !ROLE_NOUNS.contains(singular(w))
            && !GROUP_NOUNS.contains(w)
            && !BODIES.contains(singular(w))
            && !DEPARTMENTS.contains(w)
            && (!NAME_SUFFIXES.iter().any(|s| w.ends_with(s)) || self.hyphened_given_name(i))
            && !self.versioned(i)
            && !self.opens_with_a_past_verb(i)
            && !self.joined_by_an_en_dash(i)
            && !self.hyphened_to_a_common_word(i)
    }

    /// Whether the word at `i` is a capitalised word joined by a hyphen to a common English
    /// word of four or more letters in lower case: "Swahili-time conversion", "Kafka-based",
    /// "Linux-only" are compounds that modify a thing (round 60, f664's first run: "Root
    /// cause: the Swahili-time conversion ran twice" was read as a person's fault). Given
    /// names written so have short syllables after the hyphen ("Sun-hee", "Ji-won").
    fn hyphened_to_a_common_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let raw = self.text.get(t.start..t.end).unwrap_or("");
        // The hyphen first: this is asked of every name-shaped word, and most have none.
        let hyphened = raw.rsplit_once('-').is_some_and(|(_, last)| {
            last.len() >= 4
                && last.chars().all(|c| c.is_ascii_lowercase())
                && super::dictionary::is_common_word(last)
        });
        if !hyphened {
            return false;
        }
        // Only between a determiner and a thing in lower case: "Front-of-house double-booked
        // …", "Cold-chain operations", "Call-centre outsourcer", "C-shift simply took …" name
        // people, and stay names.
        let next = self.word(i + 1);
        let before_a_thing = self.toks.get(i + 1).is_some_and(|n| !n.boundary && !n.cap)
            && next.len() >= 3
            && super::dictionary::is_common_word(next)
            && !is_past(next)
            && !ROLE_NOUNS.contains(singular(next))
            && !GROUP_NOUNS.contains(next)
            && !DEPARTMENTS.contains(next)
            && !BODIES.contains(singular(next))
            && !super::dictionary::is_person_noun(next);
        let after_a_determiner =
            i > 0 && !self.toks[i - 1].boundary && DETERMINERS.contains(self.word(i - 1));
        after_a_determiner && before_a_thing
    }

    /// Whether the token at `j` is a chat handle written without its "@" ("t.nguyen",
    /// "kmensah"; [`is_handle_shaped`]), a possessive "'s" left out.
    fn handle_at(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| {
            let raw = self.text.get(t.start..t.end).unwrap_or("");
            let raw = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .unwrap_or(raw);
            !t.boundary && is_handle_shaped(raw)
        })
    }

    /// Whether the word at `i` is joined to another by an en dash ([`super::text::en_dash_joined`]).
    fn joined_by_an_en_dash(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| super::text::en_dash_joined(self.text, t.start, t.end))
    }

    /// Whether the word at `i` is a given name of two capitalised parts joined by a hyphen
    /// whose first part is no common word ("Mei-Ling", "Wei-Ling", "Jia-Ming"): the last part
    /// ending like a noun of work ("-ing") says nothing of such a name (round 47, f400's
    /// miss "Mei-Ling forgot to switch the statement cron back on"). "Self-Healing" and
    /// "Load-Balancing" open with common words.
    fn hyphened_given_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let raw = self.text.get(t.start..t.end).unwrap_or("");
        raw.split_once('-').is_some_and(|(first, last)| {
            first.len() >= 2
                && !last.contains('-')
                && last.starts_with(char::is_uppercase)
                && !super::dictionary::is_common_word(&first.to_lowercase())
        })
    }

    /// Whether the word at `i` opens its sentence and is a common verb in the past: a diary's
    /// or a heading's subject-less clause ("# Messed up bad yesterday and caused an outage",
    /// "Deleted the wrong table at 3 am", round 35, real138's first run), whose subject is the
    /// author, not a person named "Messed". A first name or one of the document's people that
    /// looks like a past form ("Fred", "Ahmed"), or one a verb in the past follows ("Made ran
    /// the migration"), stays a name.
    fn opens_with_a_past_verb(&self, i: usize) -> bool {
        let w = self.word(i);
        (i == 0 || self.toks[i - 1].boundary)
            && is_past(w)
            && super::dictionary::is_common_word(w)
            && !FIRST_NAMES.contains(w)
            && !self.people.contains(w)
            // "Made ran the migration": a verb after it makes it the subject, a name.
            && !is_past(self.word(i + 1))
    }

    /// Whether the word at `i` names a program by its version: a version right after it
    /// ("Stack 1.5.1 simply ignored the package") or anywhere in the document before or after
    /// (`products`: "… was simply ignored by Stack", real140's first run, round 35).
    fn versioned(&self, i: usize) -> bool {
        self.products.contains(self.word(i))
            || self
                .toks
                .get(i + 1)
                .is_some_and(|n| !n.boundary && super::is_version(&n.word))
    }

    /// Whether the "subject" at `j` is an imperative's verb and the harm word at `i` an
    /// adjective of what it acts on: "Replace corrupted disks", "Repair corrupted database
    /// records", "Restore previously corrupted DNS records" (round 32, real124's first run; an
    /// action list's lines had been read as a person named Replace who corrupted something).
    /// The caller has read the word as a name and the harm word as one participle. The word
    /// opens its sentence, the dictionary knows it in lower case and it is no first name
    /// ("Mark corrupted the disk" is Mark's act), only adverbs stand between, and no
    /// determiner or pronoun follows the harm word: "corrupted disks", not "corrupted the
    /// disks".
    fn imperative_before_attributive(&self, j: usize, i: usize) -> bool {
        let opens = j == 0 || self.toks[j - 1].boundary;
        let lower = self.word(j);
        // "One mistyped command …": a determiner or a number opens a noun phrase, not an order.
        let common = self.toks[j].cap
            && super::dictionary::is_common_word(lower)
            && !DETERMINERS.contains(lower)
            && !FIRST_NAMES.contains(lower)
            && !self.people.contains(lower);
        let adverbs_between = (j + 1..i).all(|k| is_adverb(self.word(k)));
        let attributive = self.toks.get(i + 1).is_some_and(|n| {
            !n.boundary
                && n.word.starts_with(char::is_alphanumeric)
                && !DETERMINERS.contains(n.word.as_str())
                && !PERSON_PRONOUNS.contains(n.word.as_str())
                && !matches!(
                    n.word.as_str(),
                    "it" | "them" | "us" | "me" | "everything" | "nothing"
                )
        });
        opens && common && adverbs_between && attributive
    }

    /// A name-shaped word where a subject can stand: at the start of a clause, after a
    /// conjunction or time, or after a first name ("Dave Smith").
    fn name_in_subject_position(&self, i: usize) -> bool {
        if !self.name_shaped(i) {
            return false;
        }
        self.opens_a_subject(i) || (i > 0 && self.name_shaped(i - 1) && !self.toks[i - 1].poss)
    }

    /// Whether a subject may start at `i`: the sentence's or a clause's start, or after a
    /// conjunction, a clock time or another word a name follows (`NAME_PRECEDERS`).
    fn opens_a_subject(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).map(|k| &self.toks[k]) else {
            return true;
        };
        p.boundary
            || NAME_PRECEDERS.contains(p.word.as_str())
            || p.word.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Whether a verb follows the word at `i` as its subject's: a past, a form of "be", a
    /// modal or an adverb the subject walk skips (`SUBJECT_SKIP`), "has", "had", "have",
    /// "did" or "keeps" ("Growth marketing shipped …", "the export desk obviously had to …").
    fn verb_follows(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|n| {
            let nw = n.word.as_str();
            !n.boundary
                && (is_past(nw)
                    || is_be(nw)
                    || SUBJECT_SKIP.contains(nw)
                    || matches!(nw, "has" | "had" | "have" | "did" | "didn't" | "keeps"))
        })
    }

    /// Whether the word at `j`, of class `c`, is someone by name: a known person, or a name
    /// the dictionary does not know as a common word ([`Self::is_a_name`]).
    fn by_name(&self, c: Class, j: usize) -> bool {
        c == Class::Known || c == Class::Named && self.is_a_name(j)
    }

    /// Whether the word at `j` is a name, not a common word that stands capitalised: a chat
    /// handle, or a word the dictionary does not know ("Karim", not "Mark").
    fn is_a_name(&self, j: usize) -> bool {
        self.toks[j].handle || !super::dictionary::is_common_word(self.word(j))
    }

    /// Whether the lower-cased word `w` is one of the document's people or a first name that is
    /// not also an everyday word ([`NOT_NAMES`]): capitalised, it is someone known.
    fn names_someone_known(&self, w: &str) -> bool {
        self.people.contains(w) || (FIRST_NAMES.contains(w) && !NOT_NAMES.contains(w))
    }

    fn class(&self, i: usize) -> Class {
        let Some(t) = self.toks.get(i) else {
            return Class::Other;
        };
        if t.boundary {
            return Class::Other;
        }
        let w = t.word.as_str();
        let prev = if i > 0 { Some(&self.toks[i - 1]) } else { None };
        let prev_word = prev.map_or("", |p| p.word.as_str());
        let prev_open = prev.is_none_or(|p| p.boundary) || DETERMINERS.contains(prev_word);
        // A company by its legal form after its capitalised name: "Sahel Systems SARL is to
        // blame", "Kestrel Telecom Ltd broke the link" (round 47, f403's miss).
        // Not after a determiner ("The PLC skipped the ramp-down step", round 62, f682's
        // first run): there the letters are a thing's name.
        if prev.is_some_and(|p| p.cap && !p.boundary && !DETERMINERS.contains(p.word.as_str()))
            && self.text.get(t.start..t.end).is_some_and(|raw| {
                matches!(
                    raw,
                    "SARL"
                        | "GmbH"
                        | "Ltd"
                        | "LLC"
                        | "Inc"
                        | "PLC"
                        | "AG"
                        | "BV"
                        | "SpA"
                        | "SRL"
                        | "Oy"
                        | "AB"
                        | "Pty"
                        | "NV"
                        | "ASA"
                        | "SAS"
                        | "Srl"
                        | "Sdn"
                        | "Bhd"
                )
            })
        {
            return Class::Group;
        }
        if t.cap && !t.odd && self.names_someone_known(w) {
            return Class::Known;
        }
        // A surname after a known first name ("Fatima Zahra loaded the wrong can ends and it
        // jammed", round 61, a used set's miss): the pair is a person's name, whatever a later
        // "it" refers to.
        // One space between: a table's masked pipe ("| Tunde | Pushed 4.12 …") is no name's.
        if t.cap
            && !t.odd
            && !is_past(w)
            && prev.is_some_and(|p| {
                p.cap
                    && !p.odd
                    && !p.boundary
                    && self.text.get(p.end..t.start) == Some(" ")
                    && self.names_someone_known(&p.word)
            })
        {
            return Class::Known;
        }
        if t.handle {
            return handle_class(w);
        }
        if w == "we" || w == "us" {
            return Class::We;
        }
        if NEG_PRONOUNS.contains(w) || (w == "one" && prev_word == "no") {
            return Class::NegPronoun;
        }
        if w == "it" {
            // "IT" the department, not "it" the pronoun.
            return if t.odd && t.cap && prev.is_none_or(|p| !DETERMINERS.contains(p.word.as_str()))
            {
                Class::Group
            } else {
                Class::Other
            };
        }
        if PERSON_PRONOUNS.contains(w) {
            return Class::Pronoun;
        }
        let sing = singular(w);
        if GROUP_NOUNS.contains(w) || GROUP_NOUNS.contains(sing) || BODIES.contains(sing) {
            return Class::Group;
        }
        if (sing == "shift") && SHIFT_MODIFIERS.contains(prev_word) {
            return Class::Group;
        }
        // "The data science group", "the logistics unit": a modifier of people's work, not a
        // set of machines ("the auto-scaling group", "the cooling unit").
        // The modifier names a kind of work: listed ("logistics", "booking"), or a word of
        // work's shape ("forecasting", "informatics", "instrumentation", "infrastructure"),
        // lower case (a capital is a place: "the Dublin office"). Not a preposition ("came
        // back to office"), nor a set of machines ("the scaling group").
        // A hyphened modifier is judged by its last part: "the data-science group" (round 19).
        let head = prev_word.rsplit('-').next().unwrap_or(prev_word);
        let work = !prev_open
            && prev.is_some_and(|p| !p.cap || p.odd || DEPARTMENTS.contains(prev_word))
            && !PLACE_PREPOSITIONS.contains(prev_word)
            && !THING_GROUPS.contains(prev_word)
            && !THING_GROUPS.contains(head)
            && (UNIT_MODIFIERS.contains(prev_word)
                || UNIT_MODIFIERS.contains(head)
                || ["ing", "ics", "ion", "ure"]
                    .iter()
                    .any(|e| head.len() > 5 && head.ends_with(e)));
        // A desk named by when it is staffed: "the overnight desk", "the night desk". An office
        // or a desk named by a listed line of work is people even where the same word makes
        // "group" a set of machines (`THING_GROUPS`): "the support desk", "the security office"
        // (round 44, f360's miss "Thermalink's support desk are the reason …").
        // The modifier may open the sentence, capitalised only as its first word ("Service
        // desk should have spotted the pattern", round 48, f422's first run).
        let staffed = SHIFT_MODIFIERS.contains(prev_word)
            || matches!(prev_word, "overnight" | "duty")
            || (!prev_open
                && prev
                    .is_some_and(|p| !p.cap || p.odd || DEPARTMENTS.contains(prev_word) || i == 1)
                && (UNIT_MODIFIERS.contains(prev_word) || UNIT_MODIFIERS.contains(head)));
        if (sing == "group" && work
            || sing == "unit" && UNIT_MODIFIERS.contains(prev_word)
            || OFFICES.contains(sing) && (work || staffed)
            // "The Bogotá call centre broke the refund flow" (round 34, f202's first run): a
            // centre of people who answer, not a data centre.
            || matches!(sing, "centre" | "center")
                && matches!(prev_word, "call" | "contact" | "support" | "help" | "dispatch")
            // A desk and its work in one word (round 42, f334's misses: "This was entirely
            // the helpdesk's doing.", "The Cebu helpdesk mishandled every one of the lock-out
            // calls.").
            || matches!(sing, "helpdesk" | "servicedesk"))
            && self.toks.get(i + 1).is_none_or(|n| n.word != "of")
        {
            return Class::Group;
        }
        // A department named by whom it serves: "Customer service should never have told
        // passengers …", "guest services", "customer support" (round 45, f370's first run);
        // not the same word ahead of what it names ("the customer service portal").
        if matches!(
            w,
            "service" | "services" | "support" | "care" | "success" | "relations"
        ) && matches!(
            prev_word,
            "customer"
                | "customers"
                | "guest"
                | "client"
                | "member"
                | "passenger"
                | "patient"
                | "student"
                | "citizen"
                | "player"
                | "visitor"
                | "donor"
                | "subscriber"
                | "tenant"
                | "merchant"
                | "partner"
                | "user"
                | "employee"
        ) && self.verb_follows(i)
        {
            return Class::Group;
        }
        // A desk named by its work in a word of any kind, where it acts: "Had the export desk
        // reconciled the truck list …", "the cargo desk obviously had to stop the batch"
        // (round 45, f368's first run). The work is a lower-case word after a determiner, and
        // a verb follows: "the standing desk" never does.
        if sing == "desk"
            && !prev_open
            && prev.is_some_and(|p| !p.cap && !p.boundary && !p.poss)
            && i >= 2
            && DETERMINERS.contains(self.toks[i - 2].word.as_str())
            && !PLACE_PREPOSITIONS.contains(prev_word)
            && !matches!(prev_word, "standing" | "hot" | "corner" | "spare" | "empty")
            && self.verb_follows(i)
        {
            return Class::Group;
        }
        if ROLE_NOUNS.contains(w) || ROLE_NOUNS.contains(sing) {
            return Class::Role;
        }
        if AMBIGUOUS_ROLES.contains(w) || AMBIGUOUS_ROLES.contains(sing) {
            return if prev_open || PERSON_MODIFIERS.contains(prev_word) {
                Class::Role
            } else {
                Class::Other
            };
        }
        if !t.odd && is_person_noun_by_form(sing) {
            return Class::Role;
        }
        // A capitalised one is more often a product's name ("Pathfinder failed to sync") than
        // a role. (A later "it" says little here: "The filing clerk skipped the step because
        // it was slow" is about the step.)
        if !t.odd
            && !t.cap
            && (super::dictionary::is_person_noun(w) || super::dictionary::is_person_noun(sing))
        {
            self.dictionary_role.set(true);
            return Class::Role;
        }
        if !t.odd && !t.cap && self.role_by_its_trait(i, sing) {
            return Class::Role;
        }
        if !t.odd && !t.cap && self.role_by_its_act(i, sing) {
            self.dictionary_role.set(true);
            return Class::Role;
        }
        if t.cap
            && DEPARTMENTS.contains(w)
            && !prev.is_some_and(|p| DETERMINERS.contains(p.word.as_str()))
        {
            return Class::Group;
        }
        // A department named by a word that more often names a thing or an activity:
        // "Product pushed engineering into this", "Maintenance Planning sat on the work-order
        // backlog" (round 48, f420's and f421's first runs). Capitalised, no determiner
        // before it, and a verb in the past after it (adverbs skipped): inside a capitalised
        // name ("Maintenance Planning") any such verb, alone an act only people do or "let"
        // ("Platform let the load test slide"; "Planning took a week", "Product launched on
        // Monday" are the activity and the thing).
        if t.cap
            && !t.odd
            && matches!(
                w,
                "product"
                    | "planning"
                    | "design"
                    | "research"
                    | "platform"
                    | "quality"
                    | "maintenance"
                    | "production"
                    | "warehouse"
            )
            && !prev.is_some_and(|p| DETERMINERS.contains(p.word.as_str()) || p.poss)
        {
            let in_a_name = prev.is_some_and(|p| p.cap && !p.odd && !p.boundary);
            let k = self.past_adverbs(i + 1);
            let verb = self.word(k);
            let attached = |j: usize| self.toks.get(j).is_some_and(|n| !n.boundary);
            // Round 59 (f650's misses: "Quality left the agency notification sitting in
            // drafts over the weekend", "Quality should have filed the agency notification
            // the same day"): a work item left waiting, and an act only people do after a
            // modal's perfect ("Production should have failed over" is the environment's).
            let left_waiting = verb == "left"
                && (k + 2..(k + 6).min(self.toks.len())).any(|j| {
                    matches!(
                        self.word(j),
                        "sitting" | "unanswered" | "unread" | "unattended" | "untouched"
                    )
                });
            let modal_perfect = matches!(verb, "should" | "could" | "would" | "must")
                && self.word(k + 1) == "have"
                && attached(k + 2)
                && is_human_act(self.word(k + 2));
            let acts = attached(k)
                && (is_past(verb) && (in_a_name || is_human_act(verb) || verb == "let")
                    || left_waiting
                    || modal_perfect);
            if acts {
                return Class::Group;
            }
        }
        // A department named by its function and what it works on, the function in lower
        // case: "Billing engineering broke invoicing", "the Storage engineering folks". Only
        // functions that are always people: "IPv6 support", "Write operations" and "Holiday
        // sales" are things. Round 44 (f352's and f357's first runs: "Clinical informatics
        // broke the cabinets", "Payroll engineering …"): functions that may also name a
        // product's feature or a thing count when the phrase opens the clause and a verb
        // follows ("Growth marketing shipped …", not "Holiday sales rose").
        if !t.cap && prev.is_some_and(|p| p.cap && !p.odd) {
            let opens = i < 2 || self.toks[i - 2].boundary;
            let always = matches!(
                w,
                "engineering"
                    | "procurement"
                    | "compliance"
                    | "facilities"
                    | "purchasing"
                    | "computing"
            );
            let with_a_verb = matches!(
                w,
                "informatics"
                    | "finance"
                    | "marketing"
                    | "sales"
                    | "legal"
                    | "management"
                    | "leadership"
                    | "dispatch"
                    | "logistics"
                    | "payroll"
            );
            if always && (opens || DETERMINERS.contains(self.toks[i - 2].word.as_str()))
                || with_a_verb && opens && self.verb_follows(i)
            {
                return Class::Group;
            }
        }
        // "IT security locked us out", "IT operations skipped the notice": a function of IT,
        // named after it (round 19).
        if !t.cap
            && matches!(
                w,
                "security" | "support" | "operations" | "ops" | "networking" | "infrastructure"
            )
            && prev.is_some_and(|p| p.word == "it" && p.cap && p.odd)
        {
            return Class::Group;
        }
        if self.name_in_subject_position(i) && !self.referred_to_as_thing(i) {
            return Class::Named;
        }
        if self.bare_handle(i) {
            // Known from its shape alone: a finding about it is a warning.
            self.dictionary_role.set(true);
            return Class::Named;
        }
        Class::Other
    }

    /// A role noun that also names a program (`OTHER_SENSES`), graded by a trait only people
    /// have through a copula: "The warehouse supervisors have been lax about count
    /// discipline", "the dispatcher was rude" (round 35, f215's first run). The judgement
    /// word itself says the word is people, so no dictionary mark is left.
    fn role_by_its_trait(&self, i: usize, sing: &str) -> bool {
        if !OTHER_SENSES.contains(&sing) {
            return false;
        }
        let mut k = self.past_adverbs(i + 1);
        if matches!(self.word(k), "have" | "has" | "had") && self.word(k + 1) == "been" {
            k += 1;
        }
        if !matches!(self.word(k), "is" | "was" | "were" | "are" | "been") {
            return false;
        }
        let a = self.past_adverbs(k + 1);
        a < self.toks.len() && self.is_judgement_word(a)
    }

    /// A role noun that also names a program or a thing ("supervisor", "dispatcher", "picker",
    /// "courier"; `dictionary::ROLES_WITH_OTHER_SENSES` leaves them out for that reason), or a
    /// compound of a task and an agent ("call-taker", "gate-keeper"), read as a person from
    /// what the sentence has it do: the verb right after it (adverbs skipped) is one only
    /// people do ([`HUMAN_PARTICIPLES`], or its "-ing" form, for several of them or for a
    /// compound; an act of mind for one of them): "The Holešovice pickers ignored
    /// the substitution prompts", "Had the call-taker asked for a cross street", "Were the
    /// supervisor watching the queue" (round 28, f186's and f187's first runs). "The
    /// supervisor restarted the worker" is a process supervisor's act, and stays a thing.
    /// Known from usage, so a finding about it is a warning (`dictionary_role`).
    fn role_by_its_act(&self, i: usize, sing: &str) -> bool {
        // Not "scheduler", "handler", "controller", "driver", "planner" or "-checker": more
        // often programs, which skip and ignore too.
        const AGENTS: &[&str] = &["taker", "keeper", "maker", "giver"];
        let agent = sing
            .rsplit_once('-')
            .is_some_and(|(task, who)| !task.is_empty() && AGENTS.contains(&who));
        if !(OTHER_SENSES.contains(&sing) || agent) {
            return false;
        }
        // Programs ignore, skip and stop too ("The dispatcher ignored the visibility timeout
        // and redelivered every message"): one of these is a person only by an act of mind or
        // of a person's standing. Several of them ("the pickers") are people by any human act.
        #[rustfmt::skip]
        const OF_A_MIND: &[&str] = &[
            "asked", "approved", "noticed", "decided", "refused", "agreed", "acknowledged",
            "assumed", "trusted", "signed", "waved", "greenlit", "okayed", "realised", "realized",
            "spotted", "listened", "looked", "thought", "considered", "hesitated", "questioned",
            "guessed", "anticipated", "foreseen", "insisted", "objected", "declined", "forgot",
            "watched", "watching", "asking", "looking", "listening", "reviewed", "read",
        ];
        let several = singular(self.word(i)) != self.word(i) || !OTHER_SENSES.contains(&sing);
        let k = self.past_adverbs(i + 1);
        let verb = self.word(k);
        if !several {
            return OF_A_MIND.contains(&verb);
        }
        is_human_act(verb)
    }

    /// A chat handle written without its `@` ("tnguyen", "kavitha_s") as the subject of a verb
    /// in the past: "14:32 wkamau broke the digest job", "because lfernandez messed up the
    /// relabel rules", "It was kavitha_s who mangled the SPF record" (round 20). Programs are
    /// written in lower case too ("nginx", "pgbouncer"), so the word must have a handle's
    /// shape ([`is_handle_shaped`]), stand where a subject stands (a clause's start, after a
    /// clock time or a conjunction), and be followed by a verb in the past or "who".
    fn bare_handle(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.cap
            || t.boundary
            || t.poss
            || !is_handle_shaped(self.text.get(t.start..t.end).unwrap_or(""))
        {
            return false;
        }
        // "It's kavitha_s who …": a cleft's copula ("was" and "is" are name preceders).
        if !(self.opens_a_subject(i) || i.checked_sub(1).is_some_and(|p| self.word(p) == "it's")) {
            return false;
        }
        let mut k = i + 1;
        while k < self.toks.len()
            && k < i + 3
            && !self.toks[k].boundary
            && (SUBJECT_SKIP.contains(self.word(k)) || is_adverb(self.word(k)))
            && !is_past(self.word(k))
        {
            k += 1;
        }
        // Or a modal's perfect: "kvogel should have cut a release candidate first" (round
        // 29, f191's first run).
        let modal_perfect = |k: usize| {
            matches!(
                self.word(k),
                "should" | "shouldn't" | "could" | "couldn't" | "would" | "ought" | "must"
            ) && (k + 1..(k + 4).min(self.toks.len()))
                .take_while(|&h| !self.toks[h].boundary)
                .any(|h| matches!(self.word(h), "have" | "'ve" | "ve"))
        };
        self.toks.get(k).is_some_and(|n| {
            !n.boundary && (is_past(&n.word) || n.word == "who" || modal_perfect(k))
        })
    }

    /// "Orion broke the contract when it upgraded its serializer": a later "it"/"its" and no
    /// personal pronoun means the capitalised word names a thing.
    fn referred_to_as_thing(&self, i: usize) -> bool {
        let later = &self.toks[(i + 1).min(self.toks.len())..];
        let thing = later
            .iter()
            .any(|t| matches!(t.word.as_str(), "it" | "its" | "itself"));
        let person = later.iter().any(|t| {
            matches!(
                t.word.as_str(),
                "he" | "she" | "his" | "her" | "him" | "they" | "their" | "them"
            )
        });
        thing && !person
    }

    /// A looser test for words in positions where only a person or thing can stand
    /// ("the culprit was Lena's commit", "this one is on Marcus").
    fn loose_class(&self, i: usize) -> Class {
        match self.class(i) {
            Class::Other if self.named_by_shape(i) => Class::Named,
            c => c,
        }
    }

    fn clause_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 {
            if self.is_break(j - 1) {
                return j;
            }
            j -= 1;
        }
        0
    }

    /// The head of the subject of the verb at `i`, walking back over adverbs and auxiliaries.
    fn subject_before(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self.is_break(j) {
                return None;
            }
            let w = self.word(j);
            if SUBJECT_SKIP.contains(w) && !(w == "one" && self.word(j.wrapping_sub(1)) == "no") {
                continue;
            }
            // "the engineer plainly ought to have known": an adverb between the subject and
            // its verb.
            if is_adverb(w) && !self.toks[j].cap && j > 0 && !self.is_break(j - 1) {
                continue;
            }
            if matches!(w, "and" | "then" | "or") {
                return self.clause_subject(j);
            }
            if w == "who" && j > 0 && !self.toks[j - 1].boundary {
                // "users who mistyped": the antecedent is the subject; "Gustavo was the one
                // who broke": look through "the one" to the subject of "was".
                let mut k = j - 1;
                if self.word(k) == "one" {
                    while k > 0
                        && matches!(
                            self.word(k - 1),
                            "the" | "only" | "one" | "was" | "is" | "were" | "are"
                        )
                    {
                        k -= 1;
                    }
                    return k.checked_sub(1).filter(|&a| !self.toks[a].boundary);
                }
                return Some(k);
            }
            return Some(j);
        }
        None
    }

    /// The subject at the start of the clause containing `i` (for coordinated verbs:
    /// "Dave ignored the checklist and pushed…").
    fn clause_subject(&self, i: usize) -> Option<usize> {
        let s = self.clause_start(i);
        let mut k = s;
        while k < i {
            let t = &self.toks[k];
            let w = t.word.as_str();
            let lead = DETERMINERS.contains(w)
                || SUBJECT_SKIP.contains(w)
                || matches!(
                    w,
                    "once"
                        | "again"
                        | "honestly"
                        | "frankly"
                        | "at"
                        | "around"
                        | "utc"
                        | "on"
                        | "then"
                )
                || w.starts_with(|c: char| c.is_ascii_digit())
                || t.poss;
            if !lead {
                break;
            }
            k += 1;
        }
        if k >= i {
            return None;
        }
        let mut best = k;
        for m in k..(k + 3).min(i) {
            if self.is_break(m) {
                break;
            }
            let c = self.class(m);
            if c == Class::Group {
                return Some(m);
            }
            if c != Class::Other && self.class(best) == Class::Other {
                best = m;
            }
        }
        Some(best)
    }

    fn subject_class(&self, i: usize) -> (Class, Option<usize>) {
        // "The upgrade to Blackboard on the 25th of November caused …" (round 38, real151's
        // first run): a date before the verb is when, and the subject stands before it.
        let subject = self.subject_before(i).map(|j| {
            self.date_phrase_start(j)
                .and_then(|p| self.subject_before(p))
                .unwrap_or(j)
        });
        match subject {
            // "The v10.5.0 release of the Carbon Design System shipped a broken build": a name
            // after "of" is the head's complement, and the head ("release") is the subject
            // (round 22, real70's first run).
            Some(j) if self.class(j) == Class::Named => match self.head_before_preposition(j) {
                Some(h) => (self.class(h), Some(h)),
                None => (Class::Named, Some(j)),
            },
            Some(j) => match self.class(j) {
                Class::Other => self
                    .relative_antecedent(j)
                    .or_else(|| self.head_before_place(j))
                    .or_else(|| self.head_before_participle(j))
                    .map_or((Class::Other, Some(j)), |a| (self.class(a), Some(a))),
                c => (c, Some(j)),
            },
            None => (Class::Other, None),
        }
    }

    /// When the word at `j` ends a date told with a preposition ("on the 25th of November", "on
    /// Monday", "in March 2024", "on 3 May"): where that preposition stands. The date is
    /// weekdays, months, ordinals, numbers, "the" and "of" only.
    fn date_phrase_start(&self, j: usize) -> Option<usize> {
        let dated = |w: &str| {
            is_time_word(w)
                || (w.starts_with(|c: char| c.is_ascii_digit())
                    && w.trim_start_matches(|c: char| c.is_ascii_digit()).len() <= 2)
        };
        if !dated(self.word(j)) || matches!(self.word(j), "shift" | "sprint" | "season") {
            return None;
        }
        let start = self.clause_start(j);
        let mut k = j;
        while k > start {
            let w = self.word(k - 1);
            if self.toks[k - 1].boundary {
                return None;
            }
            if matches!(w, "on" | "in" | "during" | "since" | "until") {
                return (k - 1 > start).then_some(k - 1);
            }
            if !(dated(w) || matches!(w, "the" | "of")) {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// The person or group whose work the noun at `j` is, when it is: "Chidi's retention change",
    /// "okhatib's config push", "the release team's script" (round 35, f209's and f211's first
    /// runs). The possessive stands at most three words before the noun, with only the
    /// noun's own modifiers between (no boundary, determiner or verb), and is a person or a
    /// group by [`Sentence::loose_class`], not the authors' own ("our team's change").
    fn possessor_of(&self, j: usize) -> Option<(usize, Class)> {
        let start = self.clause_start(j);
        let mut k = j;
        while k > start && k + 3 > j {
            k -= 1;
            let t = &self.toks[k];
            if t.boundary {
                return None;
            }
            if t.poss {
                let c = self.loose_class(k);
                // "Our team's change", "my colleague's script": the authors' own side.
                let own = k > start && matches!(self.word(k - 1), "our" | "my");
                if !(c.person() || c == Class::Group) || c == Class::We || own {
                    return None;
                }
                return Some((k, c));
            }
            let w = self.word(k);
            if matches!(
                w,
                "the" | "a" | "an" | "this" | "that" | "our" | "my" | "their" | "its"
            ) || is_past(w)
                || is_participle(w)
            {
                return None;
            }
        }
        None
    }

    /// "The shepherds on the top farm corrupted …", "Security at gate B let …": when the word
    /// before the verb ends a phrase of place ("on", "at", "in", "from" and up to three words),
    /// the subject is the person or group before it (round 16).
    fn head_before_place(&self, j: usize) -> Option<usize> {
        let start = self.clause_start(j);
        let p = (start..j)
            .rev()
            .take(4)
            .find(|&k| matches!(self.word(k), "on" | "at" | "in" | "from"))?;
        // The phrase is nouns and their modifiers only: no verb, mark or quote inside it.
        if (p + 1..=j).any(|k| {
            let w = self.word(k);
            self.toks[k].boundary
                || !w.starts_with(char::is_alphanumeric)
                || is_past(w)
                || is_participle(w)
        }) {
            return None;
        }
        let a = p.checked_sub(1)?;
        let c = self.class(a);
        (a >= start
            && !self.toks[a].boundary
            && (c.person() || c == Class::Group)
            && !matches!(c, Class::We | Class::NegPronoun | Class::Pronoun))
        .then_some(a)
    }

    /// When the name at `j` ends a phrase after "of" ("the v10.5.0 release of the Carbon Design
    /// System", "version 3.2 of Carbon"), or after a preposition of a change's object or
    /// purpose ("The upgrade to Blackboard caused some problems", round 38, real151's first
    /// run): the noun before the preposition, which heads the subject. The phrase is
    /// capitalised words and determiners only. "by" is left out: "the change by Dave" names
    /// its agent.
    fn head_before_preposition(&self, j: usize) -> Option<usize> {
        let start = self.clause_start(j);
        let mut k = j;
        while k > start {
            let t = &self.toks[k - 1];
            if t.boundary || !(t.cap || DETERMINERS.contains(t.word.as_str())) {
                break;
            }
            k -= 1;
        }
        let of = k.checked_sub(1)?;
        if of < start || !matches!(self.word(of), "of" | "to" | "for" | "into" | "onto") {
            return None;
        }
        let head = of.checked_sub(1)?;
        (head >= start && !self.toks[head].boundary && !self.toks[head].cap).then_some(head)
    }

    /// "The engineer who deployed the change should have…": when the word before the verb ends
    /// a relative clause, the subject is the noun before "who".
    /// When the word at `j` ends a participle phrase after a person or a group, or a relative
    /// clause opened by "that": that person or group, which heads the subject (round 50,
    /// f443–f446's misses: "The person doing the failover ignored the runbook", "The operator
    /// involved has been suspended"). The phrase is at most four words, the first of them a
    /// participle in "-ing" (with its object) or "-ed" (alone or with a preposition) or "that"
    /// (with its verb), with no boundary, quote or past verb after it but the relative clause's
    /// own; "any" before the head is anyone at all.
    fn head_before_participle(&self, j: usize) -> Option<usize> {
        let start = self.clause_start(j);
        // The head before the phrase opened at `p`, if the phrase is one.
        let head_at = |p: usize| {
            // "Crew scheduling", "Harvest planning": an "-ing" word right after a noun, with
            // nothing after it, names a team or an activity.
            if p == j && self.word(p).ends_with("ing") {
                return None;
            }
            // What follows the participle makes it a phrase after the noun, not a modifier
            // before one ("One corrupted index", "the failing node") or a verb with its clause
            // ("Alice noticed that the runner …"): an object after "-ing" ("handling the
            // upgrade", "running it"), a preposition after "-ed" ("assigned to the ticket"), or
            // nothing ("The operator involved").
            let next = self.word(p + 1);
            let phrase = p == j
                || self.word(p) == "that"
                || if self.word(p).ends_with("ing") {
                    matches!(
                        next,
                        "the"
                            | "a"
                            | "an"
                            | "this"
                            | "these"
                            | "those"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "my"
                            | "it"
                            | "them"
                    )
                } else {
                    matches!(
                        next,
                        "to" | "by" | "for" | "in" | "on" | "with" | "at" | "from" | "during"
                    )
                };
            if !phrase {
                return None;
            }
            if (p..=j).any(|k| {
                let w = self.word(k);
                self.toks[k].boundary
                    || !w.starts_with(char::is_alphanumeric)
                    // "that approved the change": the relative clause's own verb.
                    || (k > p
                        && !(k == p + 1 && self.word(p) == "that")
                        && (is_past(w) || is_participle(w) || is_be(w)))
            }) {
                return None;
            }
            let a = p - 1;
            let c = self.class(a);
            // "Any merchandiser using AuditVault could have sent it": anyone at all, the
            // substitution test's subject.
            let anyone = a > start && self.word(a - 1) == "any";
            (!self.toks[a].boundary
                && !anyone
                && (c.person() || c == Class::Group)
                && !matches!(c, Class::We | Class::NegPronoun | Class::Pronoun))
            .then_some(a)
        };
        (start + 1..=j)
            .rev()
            .take(4)
            .filter(|&k| {
                let w = self.word(k);
                // "that" with its verb after it; "that week" is a determiner.
                (w == "that" && {
                    let v = self.word(k + 1);
                    is_past(v) || is_participle(v) || is_be(v)
                }) || (w.len() > 4 && w.ends_with("ing"))
                    || is_participle(w)
            })
            .find_map(head_at)
    }

    fn relative_antecedent(&self, j: usize) -> Option<usize> {
        let start = self.clause_start(j);
        let who = (start..j).rev().take(8).find(|&k| self.word(k) == "who")?;
        let a = who.checked_sub(1)?;
        (a >= start && !self.toks[a].boundary && self.class(a).person()).then_some(a)
    }

    /// A negator earlier in the same clause ("nobody was fired", "not obvious").
    fn negated_before(&self, i: usize) -> bool {
        let s = self.clause_start(i);
        let mut verb_between = false;
        (s..i).rev().take(10).enumerate().any(|(d, j)| {
            let w = self.word(j);
            // "without" negates only what it governs: "without fear of punishment", not
            // "shipping without tests was irresponsible".
            let prev = if j > 0 { self.word(j - 1) } else { "" };
            let hit = (NEGATORS.contains(w) && (w != "without" || (d < 4 && !verb_between)))
                || (w == "one" && prev == "no")
                || (d < 2 && denies_by_phrase(prev, w));
            verb_between |= is_be(w);
            hit
        })
    }

    /// Whether the word at `i` (or the one after it) is governed by a phrase that denies it,
    /// right before it: [`denies_by_phrase`].
    fn denied_by_a_phrase(&self, i: usize) -> bool {
        (i..(i + 2).min(self.toks.len()))
            .any(|k| k >= 2 && denies_by_phrase(self.word(k - 2), self.word(k - 1)))
    }

    /// A negator anywhere earlier in the sentence, unless "but" turns it around: reassurance
    /// lists such as "No one was punished, reprimanded or removed from the rotation".
    fn negated_in_sentence(&self, i: usize) -> bool {
        for j in (0..i).rev() {
            let w = self.word(j);
            if w == "but" || w == "however" {
                return false;
            }
            if NEGATORS.contains(w) || (w == "one" && j > 0 && self.word(j - 1) == "no") {
                return true;
            }
        }
        false
    }

    /// First person- or group-like token of the noun phrase starting at `i` (within 3 words).
    fn noun_phrase_agent(&self, i: usize) -> Option<(usize, Class)> {
        let mut named_modifier = None;
        let mut k = i;
        while k < self.toks.len() && DETERMINERS.contains(self.word(k)) && !self.toks[k].boundary {
            k += 1;
        }
        for m in k..(k + 3).min(self.toks.len()) {
            if self.toks[m].boundary {
                break;
            }
            // A participle after the phrase's first word opens a clause of its own: "traced to
            // a bug causing Flowspec rules to crash" names no one in "Flowspec" (round 19,
            // real59's first run). A word in -ing before a group or a role is its modifier
            // ("the network engineering department", "the fibre provisioning team"), and so is
            // one that opens the phrase ("the releasing engineer").
            let w = self.word(m);
            if m > k
                && w.len() > 4
                && w.ends_with("ing")
                && !matches!(self.class(m + 1), Class::Group | Class::Role)
            {
                break;
            }
            let mut c = self.loose_class(m);
            // A department's function alone at the end of the phrase after "with" or "on"
            // names its people: "sits squarely with dispatch.", "this one is on Antofagasta
            // logistics." (round 36, f224's and f225's first runs). "Caused by maintenance" is
            // an activity, and "with billing changes" names changes.
            if c == Class::Other
                && i > 0
                && matches!(self.word(i - 1), "with" | "on")
                && self.toks.get(m + 1).is_none_or(|t| t.boundary)
                && is_department_function(self.word(m))
            {
                c = Class::Group;
            }
            // A name after a determiner and before a word in lower case modifies that word's
            // noun: "the Kaltenegg gate crew" is a group, "the Taktplan loader" a program.
            if c == Class::Named
                && m == k
                && k > i
                && m + 1 < self.toks.len()
                && !self.toks[m + 1].boundary
                && self
                    .text
                    .get(self.toks[m + 1].start..)
                    .is_some_and(|t| t.starts_with(|ch: char| ch.is_lowercase()))
            {
                named_modifier = Some((m, c));
                continue;
            }
            if matches!(c, Class::Group) || (c.person() && c != Class::We) {
                // "Root cause: the contractor's dispatch software failed to publish route
                // changes" (round 55, f565's first run, a false error): a person's or a
                // team's possession whose head, within the next three words, is software or
                // a system names the thing, not its owner. "Dave's script", "Kwame's hold
                // TTL" and "Paylode's account" stay theirs.
                #[rustfmt::skip]
                const SOFTWARE: &[&str] = &[
                    "software", "system", "systems", "platform", "service", "services", "tool",
                    "tooling", "app", "application", "server", "servers", "database", "portal",
                    "firmware", "integration", "api",
                ];
                if self.toks[m].poss
                    && (m + 1..(m + 4).min(self.toks.len()))
                        .take_while(|&k| !self.toks[k].boundary)
                        .any(|k| {
                            // The head: nothing after it in the phrase but its verb
                            // ("software failed"); "firmware rollout" is an act.
                            let head = self.toks.get(k + 1).is_none_or(|t| t.boundary)
                                || is_past(self.word(k + 1))
                                || is_be(self.word(k + 1));
                            SOFTWARE.contains(&self.word(k)) && !self.toks[k].poss && head
                        })
                {
                    return None;
                }
                // "caused by human error", "brought down by operator error": the word for
                // who slips modifies the label, which is `Rule::HumanError`'s to find; the
                // phrase names no one as its agent (round 25, a real report's first run,
                // where every such sentence was found twice).
                if (c == Class::Role && self.heads_a_label(m + 1))
                    || (matches!(c, Class::Role | Class::Group) && self.heads_a_thing(m + 1))
                {
                    return None;
                }
                // A name before a group's noun, maybe with another name between, names the
                // group: "Roster team", "Quarry Dispatch team".
                if matches!(c, Class::Named | Class::Known) {
                    if let Some(g) = self.group_after_name(m) {
                        return Some((g, Class::Group));
                    }
                }
                // So does a role before a collective noun: "the SRE team", "DBA team".
                if c == Class::Role
                    && !self.toks.get(m + 1).is_some_and(|t| t.boundary)
                    && matches!(
                        self.word(m + 1),
                        "team" | "teams" | "group" | "squad" | "crew" | "desk" | "department"
                    )
                {
                    return Some((m + 1, Class::Group));
                }
                return Some((m, c));
            }
        }
        // The name modified a noun that names no one: a program's ("loader", "scheduler") or
        // a thing's, or else the name is the agent ("the Monterrey support pod").
        named_modifier.filter(|&(m, _)| {
            let head = singular(self.word(m + 1));
            !(self.names_a_program(m + 1)
                || (head.ends_with("er") && self.loose_class(m + 1) == Class::Other))
        })
    }

    /// Whether the clause from token `i` to the sentence's end states how things are, in the
    /// present, with no one in it: a present verb of being or needing ("is", "needs",
    /// "means"), no past form of a verb of being, doing or a modal's perfect, and no name, role
    /// or group ("a retry needs idempotency end to end"). "That Dave missed it", "that the
    /// operator should have paged" and "that the alarm was real" are not.
    fn states_a_present_lesson(&self, i: usize) -> bool {
        let words = (i..self.toks.len()).filter(|&k| !self.toks[k].boundary);
        let mut present = false;
        for k in words {
            let w = self.word(k);
            if matches!(
                w,
                "was"
                    | "were"
                    | "had"
                    | "did"
                    | "should"
                    | "would"
                    | "could"
                    | "wasn't"
                    | "weren't"
                    | "hadn't"
                    | "didn't"
                    | "shouldn't"
                    | "wouldn't"
                    | "couldn't"
            ) {
                return false;
            }
            // A past act ("that the coordinator picked the wrong yard", "how it got past
            // anyone"), but not a perfect's participle ("a backup you've never tested").
            let perfect = (k.saturating_sub(2)..k).any(|j| {
                matches!(
                    self.word(j),
                    "have" | "has" | "'ve" | "’ve" | "is" | "are" | "be" | "been" | "being"
                ) || self.word(j).ends_with("'ve")
            });
            if is_past(w) && !perfect {
                return false;
            }
            let c = self.loose_class(k);
            if matches!(c, Class::Known | Class::Named | Class::Role | Class::Group) {
                return false;
            }
            present |= matches!(
                w,
                "is" | "are" | "needs" | "need" | "requires" | "require" | "means" | "mean"
            );
        }
        present
    }

    /// Whether a later word than `k` is a past modal's perfect ("would have", "could've",
    /// "wouldn't have"): the past that did not happen, which an inverted condition's
    /// consequence tells ("Had Tomasz capped the discount, the damage would have stopped").
    fn past_perfect_after(&self, k: usize) -> bool {
        (k + 1..self.toks.len()).any(|j| {
            let w = self.word(j);
            (is_past_modal(w) || matches!(w, "wouldn't" | "couldn't" | "would've" | "could've"))
                && (w.ends_with("'ve")
                    || (j + 1..(j + 3).min(self.toks.len())).any(|h| self.word(h) == "have"))
        })
    }

    /// The group's noun that the name at `m` opens, one or two words on, with only capitalised
    /// words between: "Roster team", "Quarry Dispatch team".
    fn group_after_name(&self, m: usize) -> Option<usize> {
        (m + 1..(m + 3).min(self.toks.len()))
            .take_while(|&j| !self.toks[j].boundary)
            .take_while(|&j| {
                j == m + 1
                    || self
                        .text
                        .get(self.toks[j - 1].start..)
                        .is_some_and(|t| t.starts_with(char::is_uppercase))
            })
            .find(|&j| self.class(j) == Class::Group)
    }

    /// Whether the word at `i` is a thing that the role or group word before it only modifies:
    /// an acronym ("management VLAN", "operator API") or a part of a system ("the management
    /// network", "user accounts", "the operator console"). Round 25, a false error on a real
    /// report: "The instability was caused by management VLAN misconfiguration".
    fn heads_a_thing(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            !t.boundary && is_system_part(self.text.get(t.start..t.end).unwrap_or(""))
        })
    }

    /// Whether the noun phrase from token `i` on (the maker after "an error made by") names a
    /// program, not a person: no word of it is a person, a role or a group, and its last word
    /// before the phrase ends (a boundary, a clause word, a preposition or a verb in -ing) is a
    /// thing that acts or is built ("the accounting system", "our billing script", "the
    /// scheduler", "a bad migration"). "The system administrator" and "the ops team" stay
    /// people; so does a name ("made by Tapatío Labs").
    fn made_by_a_thing(&self, i: usize) -> bool {
        self.without_mark(|| self.made_by_a_thing_inner(i))
    }

    fn made_by_a_thing_inner(&self, i: usize) -> bool {
        let mut k = i;
        while k < self.toks.len() && !self.toks[k].boundary && DETERMINERS.contains(self.word(k)) {
            k += 1;
        }
        let mut head = None;
        for m in k..(k + 4).min(self.toks.len()) {
            let w = self.word(m);
            if self.toks[m].boundary
                || CLAUSE_BREAKS.contains(w)
                || matches!(
                    w,
                    "when" | "while" | "during" | "in" | "on" | "at" | "for" | "after" | "of"
                )
                || (m > k && w.len() > 4 && w.ends_with("ing"))
            {
                break;
            }
            let c = self.loose_class(m);
            if c.person() || matches!(c, Class::Group | Class::NegPronoun) || self.toks[m].poss {
                return false;
            }
            head = Some(m);
        }
        head.is_some_and(|h| self.names_a_program(h))
    }

    /// Whether the noun at `j` names a program or a part of a system: a thing that acts or is
    /// built ("system", "script", "tool") that is not also a person's job ("driver"), or a
    /// part of a system ([`Self::heads_a_thing`]).
    fn names_a_program(&self, j: usize) -> bool {
        let w = singular(self.word(j));
        (is_thing_that_acts(w) && !also_a_persons_job(w)) || self.heads_a_thing(j)
    }

    /// Whether the label at `i` ("error made by", "mistake committed by") is said of a maker
    /// that is a program ([`Self::made_by_a_thing`]): the model's finding on "a decimal point
    /// error made by the accounting system", as the rules read it.
    fn label_made_by_a_thing(&self, i: usize) -> bool {
        (i..(i + 4).min(self.toks.len()))
            .take_while(|&k| !self.toks[k].boundary)
            .find(|&k| self.word(k) == "by")
            .is_some_and(|k| {
                k > 0
                    && matches!(self.word(k - 1), "made" | "committed")
                    && self.made_by_a_thing(k + 1)
            })
    }

    /// Whether the word at `i` is the head noun of a human-error label after a word for who
    /// slips ("error" of "human error", "mistakes" of "operator mistakes", "factor" of "the
    /// human factor"), in the same phrase.
    fn heads_a_label(&self, i: usize) -> bool {
        i < self.toks.len()
            && !self.toks[i].boundary
            && matches!(
                singular(self.word(i)),
                "error" | "mistake" | "slip" | "factor" | "oversight" | "lapse" | "failure"
            )
    }

    /// A possessive that names a thing: "its", or a common English word that is no person,
    /// role or group word and has no agent-noun ending for people (-or, -ist, -ian, -ee, -ant:
    /// "contributor", "dentist", "technician"). "-er" is left to the thing: it names programs as
    /// often as people ("the parser's", "the scheduler's"), and the people it names most often in
    /// post-mortems are on the role lists ("engineer", "developer", "reviewer").
    fn thing_possessor(&self, k: usize) -> bool {
        let w = self.word(k);
        if w == "its" {
            return true;
        }
        // "Yesterday's migration", "last night's deploy": a time owns nothing; the act is
        // still someone's.
        if is_time_word(w) {
            return false;
        }
        self.toks[k].poss
            && self.loose_class(k) == Class::Other
            && !AMBIGUOUS_ROLES.contains(singular(w))
            && !has_agent_ending(w)
            && super::dictionary::is_common_word(w)
    }

    /// The judgement word at `i` (ending at `last`) grades an artifact, not a person or an act
    /// of people: "the retry wrapper was sloppy about timeouts", "this API design is frankly
    /// careless about idempotency", "its error handling is careless". Criticism of code,
    /// documents or design is not blame (`../shared/corpus/README.md`).
    ///
    /// Only a judgement in the predicate of a copula ("was", "is", "seemed", …) is read this
    /// way; its subject is the words of the clause before the copula, and the subject's head is
    /// its last word before a preposition. The head must be a common English word (the
    /// dictionary of `dictionary.rs`) or follow a determiner ("the runbook"), so that a bare
    /// chat handle ("rsato is incompetent") is not taken for a thing, and name no person, role
    /// or group. The reading is refused, and the judgement stays one of people, when:
    ///
    /// - anyone stands anywhere in the sentence: a person, role (also "the runbook author"),
    ///   group, pronoun ("whoever wrote it"), a possessive that is not a thing's
    ///   ([`Self::thing_possessor`]: "Dave's", "the contributor's", "our"), or an agent after
    ///   "by"; a company owning the subject ("the vendor's firmware is shoddy") or, when the
    ///   thing graded is a part the subject has, a group or company owner ("the vendor's
    ///   firmware had a careless off-by-one") is no one;
    /// - the subject holds an act of people (`HUMAN_ACTS`: "change", "review", "migration";
    ///   "way"; an activity in -ing, "release engineering") that no thing owns ("the
    ///   firmware's handling" is the firmware's), or opens with a gerund ("pushing on a
    ///   Friday");
    /// - an act noun follows the word ("sloppy work", "a rookie mistake");
    /// - the subject is a pronoun ("it was careless", "that was a reckless force-push"),
    ///   unless the judgement sits in a predicate noun phrase whose head names a design or an
    ///   artifact (`ARTIFACT_NOUNS`: "It was a reckless design to let two jobs share one
    ///   pool"), with no act in that phrase and nobody anywhere in the sentence;
    /// - the word presupposes a mind ("incompetent", "clueless", "lazy", "unprofessional"),
    ///   unless it grades a company's product ("the vendor's cloud dashboard is incompetent at
    ///   daylight saving").
    fn grades_a_thing(&self, i: usize, last: usize) -> bool {
        const LINKS: &[&str] = &[
            "seems", "seemed", "looks", "looked", "feels", "felt", "remains", "remained", "became",
        ];
        const DEGREE: &[&str] = &[
            "so",
            "very",
            "quite",
            "pretty",
            "rather",
            "too",
            "a",
            "an",
            "bit",
            "somewhat",
            "downright",
            "plain",
            "utterly",
            "frankly",
            "honestly",
            "kind",
            "of",
        ];
        const PREPOSITIONS: &[&str] = &[
            "of", "for", "in", "on", "to", "from", "with", "at", "behind", "around", "about",
            "under", "by", "before", "after", "during", "into", "over", "without", "across",
            "through", "between",
        ];
        // An artifact named as the subject's head ("the vendor's cloud dashboard is incompetent
        // at daylight saving") is a thing whatever the word presupposes; that is checked once
        // the head is known.
        let agent_only = presupposes_a_mind(self.word(i));
        // Verbs by which a thing has a part: "the vendor's firmware had a careless off-by-one",
        // "the SDK ships with the reckless default of retrying forever".
        const HAS: &[&str] = &[
            "had",
            "has",
            "have",
            "having",
            "contains",
            "contained",
            "includes",
            "included",
            "carries",
            "carried",
            "uses",
            "used",
            "with",
        ];
        let n = self.toks.len();
        // Whether token `k` stands for anyone: a person, role, group, pronoun, a possessive
        // that is not a thing's, or an agent after "by".
        let someone = |k: usize| {
            !self.toks[k].boundary
                && (self.stands_for_someone(k)
                    || (self.word(k) == "by" && self.noun_phrase_agent(k + 1).is_some()))
        };
        // "a sloppy piece of code": a piece, bit or chunk is of what follows "of".
        let next = self
            .next_word(last)
            .map(|k| match (self.word(k), self.next_word(k)) {
                ("piece" | "bit" | "chunk" | "kind" | "sort", Some(of))
                    if self.word(of) == "of" =>
                {
                    self.next_word(of).unwrap_or(k)
                }
                _ => k,
            });
        // "Must be S.M.A.R.T. Stupid thing, never reliable." (round 49, real209's first run, a
        // false error): the word grades the generic noun right after it, which ends its phrase
        // ("the stupid thing Marco did", "a stupid thing to do" grade an act), with no one
        // before it ("Dave did a stupid thing").
        if next.is_some_and(|k| {
            k == last + 1
                && matches!(
                    self.word(k),
                    "thing" | "things" | "stuff" | "junk" | "contraption" | "gadget" | "gizmo"
                )
                && self.toks.get(k + 1).is_none_or(|t| t.boundary)
                && !(0..i).any(someone)
        }) {
            return true;
        }
        // "Another hour of useless work." (round 49, real214's first run on the final code, a
        // false error): futility said of the work, the time or the effort right after the
        // word, with no one in the sentence, is about the task ("Dave's useless work", "useless
        // effort from the volunteer" grade someone).
        if matches!(
            self.word(i),
            "useless" | "pointless" | "futile" | "needless" | "wasted"
        ) && next.is_some_and(|k| {
            k == last + 1
                && matches!(
                    self.word(k),
                    "work"
                        | "effort"
                        | "efforts"
                        | "time"
                        | "hour"
                        | "hours"
                        | "day"
                        | "days"
                        | "exercise"
                        | "busywork"
                        | "task"
                        | "tasks"
                        | "paperwork"
                        | "trip"
                        | "trips"
                        | "meeting"
                        | "meetings"
                        | "step"
                        | "steps"
                )
        }) && !(0..n).any(someone)
        {
            return true;
        }
        if next.is_some_and(|k| is_act_noun(self.word(k))) {
            return false;
        }
        if self.grades_a_subject_thing(i, last) {
            return true;
        }
        let start = self.clause_start(i);
        let mut j = i;
        // The copula before the word ("was sloppy", "is a shoddy design"), or the verb by
        // which the subject has what the word grades ("had a careless off-by-one").
        // "It's a reckless design": the copula fused with the pronoun it follows.
        let fused = |k: usize| {
            matches!(self.word(k), "it" | "that")
                && self
                    .text
                    .get(self.toks[k].start..self.toks[k].end)
                    .is_some_and(|r| r.ends_with("'s") || r.ends_with("’s"))
        };
        let (verb, attributive) = loop {
            if j <= start {
                return false;
            }
            j -= 1;
            let w = self.word(j);
            if is_be(w) || LINKS.contains(&w) || fused(j) {
                break (j, false);
            }
            if HAS.contains(&w) {
                break (j, true);
            }
            if !(is_adverb(w) || DEGREE.contains(&w) || DETERMINERS.contains(&w)) {
                return false;
            }
        };
        // A fused copula's pronoun is the subject itself.
        let mut e = if fused(verb) { verb + 1 } else { verb };
        if attributive {
            // The graded thing is the noun right after the word, and must be one.
            let Some(k) = next else {
                return false;
            };
            // "had carelessly bypassed": an auxiliary, not possession.
            let nw = self.word(k);
            if !self.is_thing_word(k, true)
                || self.toks[k].poss
                || is_participle(nw)
                || is_adverb(self.word(last))
                || is_adverb(nw)
            {
                return false;
            }
            if self.word(verb) == "with" {
                // "ships with", "comes with": the verb before "with" ends the subject; "went
                // out with reckless haste" tells how people acted.
                if e == start
                    || !matches!(
                        self.word(verb - 1),
                        "ships"
                            | "shipped"
                            | "ship"
                            | "comes"
                            | "came"
                            | "come"
                            | "arrives"
                            | "arrived"
                    )
                {
                    return false;
                }
                e -= 1;
            }
        }
        while e > start && SUBJECT_SKIP.contains(self.word(e - 1)) {
            e -= 1;
        }
        let subject: Vec<usize> = (start..e).filter(|&k| !self.toks[k].boundary).collect();
        if subject.is_empty() || subject.len() > 8 {
            return false;
        }
        if self.word(subject[0]).ends_with("ing") {
            return false;
        }
        let np_end = subject
            .iter()
            .position(|&k| PREPOSITIONS.contains(&self.word(k)))
            .unwrap_or(subject.len());
        let np = &subject[..np_end];
        let company = |k: usize| is_company_word(self.word(k));
        let Some(&head) = np.last() else {
            return false;
        };
        // A word that presupposes a mind grades a thing when the subject is an artifact that
        // no one in it owns or made: a company's product ("the vendor's cloud dashboard is
        // incompetent at daylight saving") or code told as code ("that migration script was
        // lazy about error handling", "our old alerting design was lazy"). "The developer's
        // code was lazy", "whoever wrote this module is lazy" grade people; the authors' own
        // "our" is not someone else.
        if agent_only
            && !(ARTIFACT_NOUNS.contains(singular(self.word(head)))
                && (np
                    .iter()
                    .any(|&k| k != head && self.toks[k].poss && company(k))
                    || !np.iter().any(|&k| {
                        k != head && !matches!(self.word(k), "our" | "my") && someone(k)
                    })))
        {
            return false;
        }
        // A pronoun subject with a thing judged in the predicate ("It was a reckless design to
        // let two jobs share one pool", "this is a sloppy schema"). The judged noun phrase runs
        // from the word after the judgement to a preposition, a conjunction or a relative word,
        // and every word of it must be a thing's, none an act ("a careless config change" is a
        // change; "a reckless force-push" was refused above).
        let judged: Vec<usize> = (last + 1..n)
            .take_while(|&k| {
                let w = self.word(k);
                !self.toks[k].boundary
                    && !PREPOSITIONS.contains(&w)
                    && !matches!(w, "and" | "or" | "nor" | "that" | "which" | "who" | "whose")
            })
            .take(5)
            .collect();
        // The pronoun may point anywhere, to an act as readily as to a thing, so only a noun
        // phrase whose head is known to name a design or an artifact (`ARTIFACT_NOUNS`) is
        // read as the thing, and nobody may stand anywhere in the sentence ("Priya failed
        // the database over by hand; it was a reckless cutover").
        let candidate = !attributive
            && np.len() == 1
            && matches!(self.word(head), "it" | "this" | "that")
            && (verb + 1..i).any(|k| matches!(self.word(k), "a" | "an"))
            && !judged.is_empty()
            && judged.len() < 5
            && judged.iter().all(|&k| {
                self.is_thing_word(k, true) && !self.toks[k].poss && !is_act_noun(self.word(k))
            })
            && judged
                .last()
                .is_some_and(|&k| ARTIFACT_NOUNS.contains(singular(self.word(k))));
        // After a pronoun subject the judged thing's owner may be a company's possessive in a
        // phrase right after the judged noun phrase ("a careless default in the vendor's SDK").
        let pp_owner = |k: usize| {
            candidate
                && judged.last().is_some_and(|&h| {
                    h + 1 < n
                        && matches!(self.word(h + 1), "in" | "of" | "from")
                        && (h + 2..=h + 4).contains(&k)
                })
                && self.class(k) != Class::Group
        };
        let predicate_thing =
            !agent_only && candidate && !(0..n).any(|k| k != head && someone(k) && !pp_owner(k));
        // Anyone in the sentence keeps the judgement on people. When the graded thing is a
        // part the subject has, the subject's owner may be a group or a company ("the vendor's
        // firmware had a careless off-by-one"); when the subject itself is graded, a company
        // ("the vendor's firmware is shoddy": a vendor's product, as in the labelling
        // conventions), not a group ("the ops team's runbook is sloppy" grades the team's
        // work); never a person, a role or a name ("dave's script", "the contractor's script").
        let owner = |k: usize| {
            let in_subject = np.contains(&k) && k != head;
            self.toks[k].poss
                && if company(k) {
                    in_subject || pp_owner(k)
                } else {
                    self.class(k) == Class::Group && ((attributive && in_subject) || pp_owner(k))
                }
        };
        // Anyone in the same part of the sentence: a semicolon, a colon or a dash starts
        // another ("the cron syntax is idiotic; nobody can read it at 3am").
        let hard = |k: usize| {
            self.toks[k].boundary
                && self
                    .text
                    .get(self.toks[k].start..self.toks[k].end)
                    .is_some_and(|m| matches!(m, ";" | ":" | "—" | "–" | "-"))
        };
        let from = (0..i).rev().find(|&k| hard(k)).map_or(0, |k| k + 1);
        let to = (i..n).find(|&k| hard(k)).unwrap_or(n);
        // The authors' own artifact is no one's but a thing's: "Our old runbook for certificate
        // renewal was amateurish" grades the runbook (round 20, f113), as the labelling
        // conventions read "Our deploy checklist was sloppy"; "Our junior devs are sloppy"
        // has a person for head, which the test of the head below refuses.
        // Only when the authors alone own it: "Our steward's calibration work was shoddy" is
        // the steward's.
        let authors_own = |k: usize| {
            np.contains(&k)
                && k != head
                && matches!(self.word(k), "our" | "my")
                && !np.iter().any(|&m| self.toks[m].poss)
        };
        if (from..to).any(|k| someone(k) && !owner(k) && !authors_own(k)) {
            return false;
        }
        if !predicate_thing
            && !self.is_thing_word(head, np.iter().any(|&k| DETERMINERS.contains(self.word(k))))
        {
            return false;
        }
        // A head is the last word of a noun phrase: before a preposition, a conjunction or
        // the end of the subject. "the billing schema" is a schema; "the lack of testing
        // before the deploy" holds the acts "lack", "testing" and "deploy".
        let heads = subject.iter().enumerate().filter(|&(x, _)| {
            subject.get(x + 1).is_none_or(|&k| {
                let w = self.word(k);
                PREPOSITIONS.contains(&w) || matches!(w, "and" | "or" | "nor")
            })
        });
        // An act anywhere in the subject keeps the judgement on people, unless a thing owns
        // the subject's head ("the firmware's handling of retries" is the firmware's).
        let owned_by_it = np.iter().any(|&k| k != head && self.thing_possessor(k));
        owned_by_it || !heads.into_iter().any(|(_, &k)| is_act_noun(self.word(k)))
    }

    /// Whether the word at `i` is one the judgement triggers match (`Kind::JudgeStrong`,
    /// `Kind::JudgeWeak`): "careless", "sloppy", "incompetent".
    fn is_judgement_word(&self, i: usize) -> bool {
        let Some(w) = self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)) else {
            return false;
        };
        let shadow = crate::checks::dfa::shadow(w);
        COMPILED.regexes.iter().any(|(kind, re)| {
            matches!(kind, Kind::JudgeStrong | Kind::JudgeWeak)
                && re.find_iter(w, &shadow).next().is_some()
        })
    }

    /// The judgement word at `i` is said of a thing in a copula's predicate, as the rules'
    /// judgement kinds read it (`grades_a_thing`): "Our old runbook for certificate renewal was
    /// sloppy and left out two required steps" (round 20). Leaves no dictionary mark.
    ///
    /// The model knows people by words the rules' lists do not ("the relief temperer was
    /// inept"), so here the subject's head must be a known artifact (`ARTIFACT_NOUNS`) or the
    /// outage itself: the word before the first preposition of the words before the copula.
    fn predicates_of_a_thing(&self, i: usize) -> bool {
        let start = self.clause_start(i);
        let Some(copula) = (start..i).rev().take(4).find(|&k| is_be(self.word(k))) else {
            return false;
        };
        let subject_end = (start..copula)
            .find(|&k| {
                matches!(
                    self.word(k),
                    "for" | "of" | "in" | "on" | "at" | "from" | "with"
                )
            })
            .unwrap_or(copula);
        let Some(head) = subject_end.checked_sub(1).filter(|&h| h >= start) else {
            return false;
        };
        // An outage judged is the authors owning it ("This outage was unacceptable", real63's
        // first run), not a judgement of anyone in it.
        let event = matches!(
            singular(self.word(head)),
            "outage" | "incident" | "downtime" | "disruption"
        );
        if !ARTIFACT_NOUNS.contains(singular(self.word(head))) && !event {
            return false;
        }
        self.without_mark(|| self.grades_a_thing(i, i))
    }

    /// The judgement word at `i` is an adjective set before a design or an artifact it
    /// grades, and nobody stands anywhere in the sentence: "Careless defaults in the client
    /// tools", "the vendor's manual warns that careless torque settings can crack the block",
    /// "the scheduler's timezone handling is, frankly, incompetent code" (round 19). The noun
    /// phrase after the word is thing words only, none an act ("a careless config change" is
    /// a change), and its head names a design or an artifact (`ARTIFACT_NOUNS`). A person, a
    /// role, a group, a pronoun for people or a person's possessive anywhere ("Dave shipped
    /// careless defaults", "whoever wrote this careless script") keeps the judgement on people;
    /// a company's possessive ("the vendor's") is no one, as in [`Self::grades_a_thing`].
    /// Asked by [`Self::does_not_assert`], so it holds for the rules and the model alike.
    fn modifies_an_artifact(&self, i: usize) -> bool {
        self.without_mark(|| self.modifies_an_artifact_inner(i))
    }

    /// Runs `ask` and puts back the dictionary's mark (`dictionary_role`) as it was: asking
    /// about words is no finding, so the class lookups of `ask` must not leave it.
    fn without_mark<T>(&self, ask: impl FnOnce() -> T) -> T {
        let saved = self.dictionary_role.get();
        let answer = ask();
        self.dictionary_role.set(saved);
        answer
    }

    fn modifies_an_artifact_inner(&self, i: usize) -> bool {
        let w = self.word(i);
        if w.ends_with("ly") || w.ends_with("ness") || w.ends_with("ity") || w.ends_with("ce") {
            return false;
        }
        let n = self.toks.len();
        // What a handshake or a parser checks is an artifact here too (round 51, real225's
        // first run: "Pamac fails to synchronise due unacceptable TLS certificate", the TLS
        // library's own error), though not a design that other readings treat as one.
        let artifact = |k: usize| {
            let w = singular(self.word(k));
            ARTIFACT_NOUNS.contains(w)
                || matches!(
                    w,
                    "certificate"
                        | "cert"
                        | "signature"
                        | "packet"
                        | "header"
                        | "payload"
                        | "checksum"
                )
        };
        // The head is the first artifact noun of the run of thing words after the judgement
        // word, with any artifact nouns right after it ("careless torque settings can …",
        // "a shoddy config template").
        let thing = |k: usize| {
            k < n
                && !self.toks[k].boundary
                && !self.toks[k].poss
                && self.is_thing_word(k, true)
                && !is_act_noun(self.word(k))
                && !PLACE_PREPOSITIONS.contains(self.word(k))
                && !matches!(
                    self.word(k),
                    "about" | "over" | "under" | "during" | "than" | "after" | "before"
                )
        };
        let Some(mut head) = (i + 1..(i + 4).min(n))
            .take_while(|&k| thing(k))
            .find(|&k| artifact(k))
        else {
            return false;
        };
        while head + 1 < n && thing(head + 1) && artifact(head + 1) {
            head += 1;
        }
        if head + 1 < n && is_act_noun(self.word(head + 1)) {
            return false;
        }
        // The judgement and its noun phrase are nobody, nor is a company's possessive. For a
        // word that does not presuppose a mind ("unacceptable", "useless"), neither is a
        // capitalised word no first name spells, unless a verb in the past follows it:
        // "Pamac fails to synchronise due unacceptable TLS certificate" (round 51, real225's
        // first run) names a program; "Okonkwo pushed an unacceptable config" a person.
        let mindless = !presupposes_a_mind(w);
        let nobody = |k: usize| {
            let t = &self.toks[k];
            t.boundary
                || (i..=head).contains(&k)
                || (t.poss && is_company_word(&t.word))
                || (mindless
                    && !t.poss
                    && self.name_shaped(k)
                    && !super::lexicon::FIRST_NAMES.contains(t.word.as_str())
                    && !is_past(self.word(k + 1)))
        };
        !(0..n).any(|k| !nobody(k) && self.stands_for_someone(k))
    }

    /// Whether token `k` stands for anyone: a person, role, group or pronoun, a role word
    /// whatever its modifier ("the runbook author"), a possessive that is not a thing's or a
    /// time's, or a possessive or relative pronoun for people. Asked by
    /// [`Self::grades_a_thing`] and [`Self::modifies_an_artifact`].
    fn stands_for_someone(&self, k: usize) -> bool {
        let t = &self.toks[k];
        self.loose_class(k) != Class::Other
            || AMBIGUOUS_ROLES.contains(singular(&t.word))
            || (t.poss && !self.thing_possessor(k) && !is_time_word(&t.word))
            || matches!(
                t.word.as_str(),
                "our" | "their" | "his" | "her" | "my" | "your" | "who" | "whoever"
            )
    }

    /// Whether the judgement word at `i..=last` modifies the head of a subject that is a
    /// thing: it opens the sentence, alone or after a determiner ("some", "a", "the"), and at
    /// most three words later, before the clause's verb or as the whole clause, stands the
    /// noun it grades, with no one between: "some stupid foreign Poker site had taken its place"
    /// (round 28, a real report's first run), "a useless dashboard showed nothing". A
    /// judgement noun ("idiot", "rookie") grades itself; "a stupid engineer" has a person
    /// for head, and "a stupid mistake" an act ([`is_act_noun`], read by the caller).
    fn grades_a_subject_thing(&self, i: usize, last: usize) -> bool {
        // Words that cannot stand in a noun phrase before its head: "clueless about rate
        // limits" is said of someone, "careless down" is no phrase.
        #[rustfmt::skip]
        const NOT_IN_A_NOUN_PHRASE: &[&str] = &[
            "of", "for", "in", "on", "to", "from", "with", "at", "about", "by", "into", "over",
            "down", "up", "out", "off", "and", "or", "but", "nor", "again", "too", "then", "than",
        ];
        if JUDGEMENT_NOUNS.iter().any(|p| self.word(i).starts_with(p)) {
            return false;
        }
        // The sentence opens with the word, alone or after a determiner.
        let first = (0..self.toks.len()).find(|&k| !self.toks[k].boundary);
        let determined = first.is_some_and(|f| f + 1 == i)
            && matches!(
                self.word(i - 1),
                "some" | "a" | "an" | "the" | "this" | "that" | "one" | "another"
            );
        if !(first == Some(i) || determined) {
            return false;
        }
        let n = self.toks.len();
        let verb = (last + 2..(last + 5).min(n)).find(|&k| {
            let w = self.word(k);
            is_be(w) || is_past(w) || matches!(w, "had" | "has" | "have" | "will" | "would")
        });
        // Or the noun phrase is the whole clause: "The culprit? Stupid logs!" (round 28, a
        // real report's first run).
        let end = || (last + 2..=(last + 4).min(n)).find(|&k| k == n || self.toks[k].boundary);
        let Some(head) = verb.or_else(end).map(|k| k - 1) else {
            return false;
        };
        let hw = self.word(head);
        // Words that presuppose a mind ("clueless") grade a thing only when it is an artifact.
        let agent_only = presupposes_a_mind(self.word(i));
        // Words before the head modify it ("Poker" in "Poker site"), unless possessive.
        (last + 1..=head).all(|k| {
            !self.toks[k].boundary
                && !NOT_IN_A_NOUN_PHRASE.contains(&self.word(k))
                && !is_adverb(self.word(k))
                && !is_be(self.word(k))
                && !((k == head || self.toks[k].poss) && self.stands_for_someone(k))
        }) && !is_past(hw)
            && !is_participle(hw)
            && self.is_thing_word(head, true)
            // A noun by the lists of things, by its plural ("logs", "caches"), or by a
            // determiner before it and a verb after it ("some stupid … site had taken …"):
            // without a tagger an adjective ("sloppy") would pass for a head.
            && (is_thing_that_acts(singular(hw))
                || (!agent_only
                    && super::dictionary::is_common_word(singular(hw))
                    && ((hw.len() > 3 && hw.ends_with('s') && !hw.ends_with("ss"))
                        || (determined && verb.is_some()))))
            && !super::dictionary::is_person_noun(singular(hw))
    }

    /// Whether the word at `k` can name a thing: a common English word, or with `determined`
    /// (a determiner before it: "the runbook", "a kubeconfig") any word, that is no name,
    /// pronoun, determiner or subject filler.
    fn is_thing_word(&self, k: usize, determined: bool) -> bool {
        let w = self.word(k);
        // Two letters are too few to be a thing's word, but for an artifact's ("UI").
        (w.len() > 2 || ARTIFACT_NOUNS.contains(w))
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !self.name_shaped(k)
            && !PERSON_PRONOUNS.contains(w)
            && !DETERMINERS.contains(w)
            && !SUBJECT_SKIP.contains(w)
            && !matches!(w, "it" | "this" | "that" | "which" | "what" | "there")
            && self.loose_class(k) == Class::Other
            && !AMBIGUOUS_ROLES.contains(singular(w))
            && (determined || super::dictionary::is_common_word(w))
    }

    /// The word at `j` is the author alone in the first person singular ("I deleted the
    /// production database by accident"): a self-report of an act, which a fault verb, an
    /// accident or a mistake does not turn into a person named as the cause. "Dave and I
    /// broke the build" names Dave, and stays found; sanctions, judgements and "I should
    /// have" are untouched.
    fn author_alone(&self, j: usize) -> bool {
        // "Dave and I" names Dave too; "… from the same template and I'd never bothered"
        // joins a clause, not a person (round 27).
        let with_someone = j > 1
            && matches!(self.word(j - 1), "and" | "or")
            && (self.loose_class(j - 2).person() || self.class(j - 2) == Class::Group);
        matches!(self.word(j), "i" | "i'd" | "i’d" | "i've" | "i’ve") && !with_someone
    }

    /// Whether a finding of `rule` at token `i` is not asserted: asked about, or designed
    /// for. A human-error label in a yes-or-no question or an indirect one
    /// ([`Self::asks_whether`]) or as what a design guards against ([`Self::designs_for`]); a
    /// sanction, a counterfactual, or a person's or a team's fault or neglect in a question
    /// someone is reported to have asked ([`Self::reports_a_question`]), and a judgement there
    /// too (round 22); a judgement that is the predicate of a question the authors ask about
    /// themselves
    /// ([`Self::asks_about_the_authors`]). The rules ask it of their findings (`evaluate`), and
    /// the engine of the model's (`super::is_not_asserted`).
    pub(super) fn does_not_assert(&self, rule: Rule, i: Option<usize>) -> bool {
        if self.toks.iter().any(|t| t.word.starts_with("doubt")) {
            let words = self.words();
            if doubts_anyone(&words) {
                return true;
            }
        }
        if i.is_some_and(|i| self.believed_in_an_opening_clause(i)) {
            return true;
        }
        match rule {
            Rule::HumanError => {
                self.asks_yes_or_no()
                    || self.talks_of_the_notion()
                    || i.is_some_and(|i| {
                        self.asks_whether(i)
                            || self.label_denied(i)
                            || self.reports_a_claim(i)
                            || self.designs_for(i)
                            || self.held_as_a_guess(i)
                            || self.weighs_a_label(i)
                            || self.label_made_by_a_thing(i)
                            || self.in_a_denied_clause(i, true)
                            || self.denied_as_found(i)
                            || self.asked_about(i)
                            || self.plays_no_part(i)
                            || self.rejected_before(i)
                    })
            }
            // Round 23: hindsight in a reported question, as for the other families (f138's
            // first run: "Some people in the review asked whether anyone on the night shift
            // could have known"), or in a claim someone else made (f144's).
            Rule::Hindsight => {
                self.remedy_was_plain()
                    || self.nobody_could_have_known()
                    || i.is_some_and(|i| {
                        self.reports_a_question(i)
                            || self.reports_a_claim(i)
                            || self.mentions_a_claim(i)
                            || self.denied_after(i)
                            // Round 42 (real174's first run on the final code): the model's
                            // "Obviously" opening the sentence, read as the rules read it, and
                            // with no "should" (not even a norm's) or word of a slip after it.
                            || (self.word(i) == "obviously"
                                && (0..i).all(|k| self.toks[k].boundary)
                                && self.obviously_editorial(i)
                                && !self.rest_has(i + 1, &["should", "missed", "careless", "mistake"]))
                            // Round 34: a norm in the present ("checkout should never be
                            // down on payday") that names no one says what ought to hold.
                            || (self.states_a_norm(i)
                                && !self.without_mark(|| self.names_anyone_else(0)))
                    })
            }
            Rule::Counterfactual
                if i.is_some_and(|i| {
                    self.puts_for_deliberation(i)
                        || self.mentions_a_claim(i)
                        || self.an_easy_reading(i)
                        || self.raises_a_possibility(i)
                        || self.seeks_who_should(i)
                        || self.expects_over_time(i)
                        || self.what_anyone_should_have(i)
                }) || self.credits_by_counterfactual()
                    || self.conditions_a_design()
                    || self.changes_nothing()
                    || self.elides_a_permission()
                    || supposes_a_worse_outcome(&self.words())
                    || harm_supposed_then_denied(&self.words()) =>
            {
                true
            }
            Rule::Counterfactual
            | Rule::Punishment
            | Rule::IndividualFault
            | Rule::TeamBlame
            | Rule::Negligence => i.is_some_and(|i| {
                self.reports_a_question(i)
                    || (rule != Rule::Punishment
                        && (self.weighs_a_question(i)
                            || self.in_an_opening_whether_clause(i)
                            || self.raises_a_possibility(i)
                            || self.asks_as_an_idea(i)))
                    || self.mentions_a_claim(i)
                    || self.denies_a_cleft(i)
                    || self.tried_in_vain(i)
                    || (rule == Rule::Punishment
                        && (self.done_by_a_program(i) || routine_offboarding(&self.words())))
                    || (matches!(rule, Rule::IndividualFault | Rule::TeamBlame)
                        && remedy_for_whoever(&self.words()))
                    || (matches!(
                        rule,
                        Rule::IndividualFault | Rule::TeamBlame | Rule::Negligence
                    ) && self
                        .text
                        .get(self.toks.first().map_or(0, |t| t.start)..self.end)
                        .is_some_and(denies_the_miss))
                    || (rule == Rule::Negligence
                        && (self.proposes_to_us()
                            || self.neglect_of_machine_traffic(i)
                            || (0..self.toks.len()).any(|k| {
                                self.word(k) == "without"
                                    && matches!(self.word(k + 1), "anyone" | "anybody")
                                    && self.permits_without_anyone(k)
                            })))
                    || (rule != Rule::Punishment
                        && rule != Rule::Counterfactual
                        && (self.left_unprompted(i) || meeting_skipped_for_work(&self.words())))
                    || (rule == Rule::IndividualFault && self.in_a_denied_clause(i, false))
                    // "If we'd called it human error, none of the action items above would
                    // exist" (round 56, f590's first run, a false error): the condition is the
                    // label weighed, not a course someone failed to take.
                    || (rule == Rule::Counterfactual
                        && (i..self.toks.len())
                            .find(|&k| {
                                matches!(
                                    self.word(k),
                                    "error" | "errors" | "mistake" | "mistakes" | "fault"
                                )
                            })
                            .is_some_and(|k| self.weighs_a_label(k)))
                    || self.denied_as_found(i)
                    || (matches!(rule, Rule::IndividualFault | Rule::TeamBlame)
                        && (self.done_to_protect(i)
                            || self.states_a_duty()
                            || self.credits_a_cleft()
                            // "Calling it a mistake, or anyone's fault, would set the wrong
                            // people the wrong homework." (round 55, f558's first run, a
                            // false error): fault weighed as a word, as a label is.
                            || self.weighs_a_label(i)
                            || credited_as_how_it_was_found(&self.words())))
            }),
            // The model's judgement of a design or an artifact with nobody in the sentence
            // ("Careless defaults in the client tools", round 19), as the rules read it.
            Rule::Judgemental => i.is_some_and(|i| {
                self.asks_about_the_authors(i)
                    || self.denied_as_a_factor(i)
                    // Round 25: "far from careless", "the opposite of careless", which the
                    // model, knowing the word and not the phrase, still finds.
                    || self.denied_by_a_phrase(i)
                    // Round 22 (f135's first run): "The support desk was asked in a press
                    // enquiry whether agents had been careless", as for the other families.
                    || self.reports_a_question(i)
                    || self.weighs_a_question(i)
                    || (i..(i + 4).min(self.toks.len()))
                        .find(|&k| self.is_judgement_word(k))
                        .is_some_and(|k| {
                            self.modifies_an_artifact(k) || self.predicates_of_a_thing(k)
                        })
            }),
            _ => false,
        }
    }

    /// Whether the finding at `i` is in the content of a claim the sentence opens by naming as
    /// its subject, to weigh it rather than make it: "The claim that someone should have
    /// checked the partners assumes knowledge nobody had", "The one obvious thing to say in
    /// hindsight, that someone should have checked the partners, assumes knowledge that nobody
    /// in #corrections had" (round 42, f331's first run on the final code, a false error),
    /// "The temptation is to say that …". A noun of claiming or believing takes its clause
    /// right after it; a general one ("thing", "answer") only set off by a comma or after a
    /// verb of saying, as "the thing that Dave should have done" is a relative clause and
    /// stays found; and the finding is at most eight words after the clause's "that".
    /// Whether the finding at `i` is in a possibility someone raised rather than the author's
    /// claim: "Several attendees raised the possibility that the on-call engineer should have
    /// recognised the split-brain sooner. The group examined this and concluded …" (round 46,
    /// f393's first run on the final code, a false error). A verb of raising ("raised",
    /// "voiced", "floated", "aired", "made") at most three words before a noun of a claim put
    /// forward ("possibility", "suggestion", "idea", "concern", "question", "point"), then
    /// "that" and the finding at most twelve words on, with no clause break. Not for
    /// sanctions: raising the idea that someone be let go proposes it.
    fn raises_a_possibility(&self, i: usize) -> bool {
        const RAISE: &[&str] = &["raised", "voiced", "floated", "aired", "made", "put"];
        const CLAIM: &[&str] = &[
            "possibility",
            "suggestion",
            "idea",
            "concern",
            "question",
            "point",
            "hypothesis",
            "theory",
        ];
        (i.saturating_sub(12)..i).any(|k| {
            CLAIM.contains(&self.word(k))
                && self.word(k + 1) == "that"
                && (k.saturating_sub(3)..k).any(|r| RAISE.contains(&self.word(r)))
                && !self.breaks_between(k + 1, i, false)
        })
    }

    /// Whether the word at `i` is in a reading called easy, before it is set aside: "It would
    /// be easy to read the timeline and conclude that someone should have caught the time
    /// zone" (round 53, f515's first run, a false error). "easy" after "be" or "is" (or "it's"),
    /// then "to", then within ten words a verb of concluding ("conclude", "say", "think",
    /// "assume", "decide", "blame") and "that", all before `i`, with no "but", "however" or
    /// "yet" between that turns the reading around.
    fn an_easy_reading(&self, i: usize) -> bool {
        const CONCLUDE: &[&str] = &["conclude", "say", "think", "assume", "decide", "blame"];
        (1..i).any(|e| {
            self.word(e) == "easy"
                && matches!(
                    self.word(e - 1),
                    "be" | "is" | "it's" | "it’s" | "seem" | "seems"
                )
                && self.word(e + 1) == "to"
                && (e + 2..(e + 12).min(i)).any(|c| {
                    CONCLUDE.contains(&self.word(c))
                        && (c + 1..(c + 3).min(i)).any(|t| self.word(t) == "that")
                })
                && !(e..i).any(|k| matches!(self.word(k), "but" | "however" | "yet"))
        })
    }

    fn mentions_a_claim(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const CONTENT: &[&str] = &[
            "claim", "idea", "notion", "suggestion", "argument", "assumption", "view",
            "temptation", "belief", "allegation", "accusation", "implication", "conclusion",
        ];
        const GENERAL: &[&str] = &[
            "thing",
            "answer",
            "story",
            "explanation",
            "reading",
            "point",
        ];
        const SAY: &[&str] = &["say", "conclude", "claim", "think", "assume", "suggest"];
        if !matches!(
            self.word(0),
            "the" | "this" | "that" | "a" | "an" | "one" | "any"
        ) {
            return false;
        }
        let n = self.toks.len().min(i);
        let Some(k) = (1..n.min(6))
            .find(|&k| CONTENT.contains(&self.word(k)) || GENERAL.contains(&self.word(k)))
        else {
            return false;
        };
        if (1..k).any(|m| self.is_break(m)) {
            return false;
        }
        let general = GENERAL.contains(&self.word(k));
        // The finding is in the clause, near its "that": "The release manager's assumption
        // that Hajj traffic would look like a normal Thursday was naïve to the point of
        // negligence" judges the assumption in the main clause.
        (k + 1..n.min(k + 10)).any(|t| {
            self.word(t) == "that"
                && i - t <= 8
                && (!general
                    || self.is_break(t - 1)
                    || (k + 1..t).any(|m| SAY.contains(&self.word(m))))
        })
    }

    /// Whether the hindsight at `i` is what someone else is reported to have said: a verb of
    /// saying at most twelve words before it, in the same clause (commas allowed: "Some
    /// participants said that, looking back, the certificate problem was obvious"), whose
    /// subject is someone other than the authors ("we", "I"). Round 23, three false findings
    /// on f144's first run, each reporting the claim to take it apart; the authors' own claim
    /// ("we felt it was obvious") stays found. A verb of wishing or asking counts where the
    /// finding is what the record was to be made "as" ("wanted it recorded as human error").
    fn reports_a_claim(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const SAID: &[&str] = &[
            "said", "says", "argued", "claimed", "suggested", "remarked", "commented", "noted",
            "mentioned", "insisted", "stated", "wrote", "felt", "thought", "spoke", "talked",
        ];
        let n = self.toks.len();
        if n == 0 {
            return false;
        }
        // "Some people in the review wanted the root cause recorded as human error" (round 38,
        // f250's first run): the label someone wished the record to carry.
        const WISHED: &[&str] = &[
            "wanted",
            "asked",
            "proposed",
            "pushed",
            "requested",
            "preferred",
            "urged",
        ];
        let i = i.min(n - 1);
        let wished_as = (i.saturating_sub(3)..i).any(|k| self.word(k) == "as");
        (i.saturating_sub(12)..i).any(|j| {
            (SAID.contains(&self.word(j)) || (wished_as && WISHED.contains(&self.word(j))))
                // Said by someone ("Some participants said", "someone said"), not by a thing
                // ("the error message literally said …") or by nobody ("nobody thought
                // through …").
                && match self.subject_class(j) {
                    (
                        Class::Known | Class::Named | Class::Role | Class::Pronoun | Class::Group,
                        _,
                    ) => true,
                    // People the dictionary leaves out of roles (those an outage affects,
                    // who take part) and a crowd named by its quantity ("several said").
                    (Class::Other, Some(h)) => {
                        let w = singular(self.word(h));
                        super::dictionary::is_person_noun(w)
                            || matches!(
                                w,
                                "participant"
                                    | "attendee"
                                    | "member"
                                    | "stakeholder"
                                    | "people"
                                    | "person"
                                    | "colleague"
                                    | "customer"
                                    | "user"
                                    | "other"
                                    | "several"
                                    | "many"
                                    | "some"
                                    // A document someone wrote (round 25, f167's first run:
                                    // "The first draft of the customer notice said the
                                    // outage was caused by human error. We changed it.").
                                    | "draft"
                                    | "notice"
                                    | "message"
                                    | "email"
                                    | "e-mail"
                                    | "statement"
                                    | "announcement"
                                    | "tweet"
                                    | "comment"
                            )
                    }
                    _ => false,
                }
                && !matches!(self.word(j.wrapping_sub(1)), "we" | "i")
                // A comma or a colon goes on with the claim ("said that, looking back, …",
                // "said: …"); a semicolon or a clause word starts another.
                && !(j + 1..i).any(|m| {
                    let t = &self.toks[m];
                    matches!(self.word(m), "and" | "but" | "so" | "then" | "because")
                        || (t.boundary && self.text.get(t.start..t.end) == Some(";"))
                })
        })
    }

    /// Whether a clause breaks between tokens `a` and `b` (both excluded): punctuation or
    /// "and", "but", "or", "so", "then". With `purpose`, ", so" and "so" go on with the clause
    /// (a purpose clause: "…, so they could have tested their scenarios too").
    fn breaks_between(&self, a: usize, b: usize, purpose: bool) -> bool {
        (a + 1..b).any(|m| {
            let w = self.word(m);
            if purpose {
                (self.toks[m].boundary && self.word(m + 1) != "so")
                    || matches!(w, "and" | "but" | "or" | "then")
            } else {
                self.toks[m].boundary || matches!(w, "and" | "but" | "or" | "so" | "then")
            }
        })
    }

    /// Whether the sentence credits someone in a cleft: "is what" or "was what" (or "which is
    /// what"), then a verb of enabling ("allowed", "enabled", "produced", "saved", "kept",
    /// "helped", or "let", "made", "got", "brought" with a good outcome after it) and nothing
    /// in the rest of the clause that went wrong: "Rohit's rollback plan is what let us recover
    /// in twelve minutes", "Gabriela's idea of reducing load is what made the third attempt
    /// succeed", "Cristóbal asked for logs, which is what produced the evidence"; and ", which
    /// stopped (kept, saved, spared, prevented) us from …" (f166's first run); a detection
    /// ("is what let us find the bug", round 52) or a steer to the cause ("is what pointed us
    /// at the switch", round 53). "Dave's change is what took the site down" and "is what
    /// made the outage worse" stay found. Round 25, f165's first run and a used set.
    fn credits_a_cleft(&self) -> bool {
        #[rustfmt::skip]
        const ENABLED: &[&str] = &[
            "allowed", "allows", "enabled", "enables", "produced", "produces", "saved", "saves",
            "kept", "keeps", "helped", "helps", "gave", "gives",
        ];
        // "is what let duplicate card captures through" lets harm in: these need a good
        // outcome named.
        #[rustfmt::skip]
        const MADE: &[&str] = &["let", "lets", "made", "makes", "got", "gets", "brought", "brings"];
        #[rustfmt::skip]
        const GOOD: &[&str] = &[
            "succeed", "success", "work", "possible", "recover", "back", "fix", "evidence",
            "visible", "clear", "safe", "restor", "resolv", "stable", "healthy", "quick", "fast",
        ];
        // What the responders found: "… is what let us find the bug in under an hour" (round
        // 52, f471's first run). The harm after it is what was found, not what was let in.
        // Round 54 (f524's first run): or what they established about it, "their ticket is
        // what let us date the start of the problem", "… trace it", "… confirm the scope".
        #[rustfmt::skip]
        const DETECT: &[&str] = &[
            "find", "found", "spot", "catch", "caught", "notic", "detect", "diagnos", "pinpoint",
            "identif", "locat", "isolat", "date", "trace", "reconstruct", "confirm", "measur",
            "quantif", "narrow", "understand", "verif",
        ];
        #[rustfmt::skip]
        const HARM: &[&str] = &[
            "wors", "fail", "down", "outage", "crash", "lost", "los", "break", "broke", "corrupt",
            "delay", "wrong", "error", "incident", "stall", "hang", "leak", "slow", "late",
            "impossible", "harder", "miss", "problem", "damag", "cost",
        ];
        let n = self.toks.len();
        // ", which stopped us from going down the wrong path": a rescue of the authors.
        let rescued = (0..n).any(|k| {
            self.word(k) == "which"
                && matches!(
                    self.word(k + 1),
                    "stopped" | "kept" | "saved" | "spared" | "prevented"
                )
                && self.word(k + 2) == "us"
                && self.word(k + 3) == "from"
        });
        if rescued {
            return true;
        }
        (1..n).any(|k| {
            if self.word(k) != "what" || !matches!(self.word(k - 1), "is" | "was") {
                return false;
            }
            let v = self.word(k + 1);
            let end = (k + 2..n).find(|&m| self.is_break(m)).unwrap_or(n);
            // "failover" and "failback" are procedures, not failures.
            let has = |list: &[&str]| {
                (k + 2..end).any(|m| {
                    let w = self.word(m);
                    !w.starts_with("failover")
                        && !w.starts_with("failback")
                        && list.iter().any(|l| w.starts_with(l))
                })
            };
            // "let us spot the leak", "helped the night shift catch it": a detection within
            // three words of the verb, with no harm before it and nothing late after it.
            let detected = (ENABLED.contains(&v) || MADE.contains(&v))
                && (k + 2..(k + 6).min(end)).any(|m| {
                    DETECT.iter().any(|d| self.word(m).starts_with(d))
                        && !(k + 2..m).any(|q| HARM.iter().any(|h| self.word(q).starts_with(h)))
                        && !(m + 1..end).any(|q| {
                            matches!(self.word(q), "late" | "later" | "eventually" | "finally")
                        })
                });
            // "… and his observation at 19:12 is what pointed us at the switch" (round 53,
            // f497's first run): the responders steered to the cause. "… is what pointed us
            // at the wrong cluster" misled them, and stays found.
            let steered = matches!(
                v,
                "pointed"
                    | "points"
                    | "steered"
                    | "steers"
                    | "directed"
                    | "directs"
                    | "tipped"
                    | "tips"
            ) && matches!(self.word(k + 2), "us" | "me" | "everyone" | "responders")
                && matches!(self.word(k + 3), "at" | "to" | "toward" | "towards" | "off")
                && !has(HARM);
            detected
                || steered
                || (!has(HARM) && (ENABLED.contains(&v) || (MADE.contains(&v) && has(GOOD))))
        })
    }

    /// Whether the sentence's "should not have been" leaves out a permission told before it:
    /// "users were allowed to withdraw collateral they shouldn't have been" (round 53,
    /// real258's first run, a false error), "… were able to …", "… were permitted to …". The
    /// clause ends at "been", so what should not have been is the permission, which a system
    /// or a rule gave; "Dave shouldn't have been on call" says more after "been", and stays
    /// found.
    fn elides_a_permission(&self) -> bool {
        let n = self.toks.len();
        (3..n).any(|k| {
            let denied_should = matches!(self.word(k - 2), "shouldn't" | "shouldn’t")
                || (matches!(self.word(k - 2), "not" | "n't" | "n’t")
                    && self.word(k - 3) == "should");
            self.word(k) == "been"
                && matches!(self.word(k - 1), "have" | "'ve")
                && denied_should
                && (k + 1 >= n || self.is_break(k + 1))
                && (0..k - 2).any(|j| matches!(self.word(j), "allowed" | "permitted" | "able"))
        })
    }

    /// Whether the sentence's counterfactual says the outcome would not have changed: the
    /// clause of its modal perfect ends with "the same" (or "the same way", or, asserted, "the
    /// same conclusion", "call", "decision", "mistake"), or holds "still" before the harm
    /// ("still have happened"), "anyway", "regardless" or "no different" ("If another engineer
    /// had been on shift, the result would have been the same", "Had Ana checked the logs, the
    /// outage would still have happened"). The substitution test, which clears the person, as
    /// round 23's `Kind::AnyoneCould` does for hindsight (round 25, f169's first run). "…
    /// would not have happened" stays found.
    fn changes_nothing(&self) -> bool {
        let n = self.toks.len();
        (0..n).any(|m| {
            if !is_past_modal(self.word(m)) && !is_contracted_would(self.word(m)) {
                return false;
            }
            let end = (m + 1..n).find(|&k| self.is_break(k)).unwrap_or(n);
            let perfect = (m + 1..end.min(m + 4)).any(|k| matches!(self.word(k), "have" | "'ve"))
                || self.word(m).ends_with("'ve");
            // "the same" ends the clause or names the outcome ("the same hour" is a time);
            // "still" is continuity ("would still have been up") unless the harm follows it.
            // "If Tiago had read only the notice, he would have drawn the same conclusion I
            // did" (round 53, f508's first run, a false error): the same judgement by anyone
            // in the person's place, asserted ("wouldn't have made the same mistake" is
            // denied, and stays found).
            let asserted = !self.word(m).ends_with("n't")
                && !self.word(m).ends_with("n’t")
                && !matches!(self.word(m + 1), "not" | "n't" | "never");
            let outcome = |k: usize| {
                k >= end
                    || matches!(self.word(k), "way" | "outcome" | "result" | "thing")
                    || (asserted
                        && matches!(
                            self.word(k),
                            "conclusion"
                                | "call"
                                | "decision"
                                | "choice"
                                | "mistake"
                                | "assumption"
                                | "reading"
                                | "judgement"
                                | "judgment"
                                | "problem"
                                | "problems"
                        ))
            };
            // "… the same thing would have happened" (round 47, f401's false error): the
            // outcome named the same as the modal's subject, right before it.
            let same_subject = m >= 3
                && self.word(m - 3) == "the"
                && self.word(m - 2) == "same"
                && matches!(
                    self.word(m - 1),
                    "thing" | "outcome" | "result" | "failure" | "outage" | "problem"
                );
            perfect
                && (same_subject
                    || (m + 1..end).any(|k| {
                        let w = self.word(k);
                        (w == "same" && self.word(k - 1) == "the" && outcome(k + 1))
                            || (w == "still"
                                && (k + 1..(k + 3).min(end)).any(|j| {
                                    matches!(
                                        self.word(j),
                                        "happened" | "occurred" | "failed" | "crashed" | "broken"
                                    )
                                }))
                            || matches!(w, "anyway" | "anyhow" | "regardless")
                            || (matches!(w, "different" | "difference")
                                && matches!(self.word(k - 1), "no" | "any" | "little"))
                    }))
        })
    }

    /// Whether the sentence's counterfactual credits someone rather than faulting them: its
    /// condition is denied ("if they hadn't done that", "had Ana not spotted the drift") and its
    /// consequence, asserted, is a loss ("it would have taken me even longer to notice", "we
    /// would have lost a day of data", "could have caused significant harm"). What was done
    /// kept the worse outcome away. A denied fault with a good outcome stays found ("if Ana
    /// hadn't skipped the canary, we would have caught it"), and so does a denied loss ("if
    /// they hadn't ignored the alert, nothing would have broken"). Round 25, a false error on
    /// a real report's thanks to a user who reported the outage.
    fn credits_by_counterfactual(&self) -> bool {
        #[rustfmt::skip]
        const LOSS: &[&str] = &[
            "lost", "lose", "losing", "longer", "worse", "harm", "damag", "corrupt", "leak",
            "expos", "compromis", "catastroph", "disast", "miss", "wip", "destroy", "outage",
            "breach", "delay", "stuck", "spread", "cascad", "crash", "fail", "broke",
        ];
        let n = self.toks.len();
        let denial = |k: usize| {
            let w = self.word(k).replace('’', "'");
            NEGATORS.contains(w.as_str()) || w == "n't" || w == "nothing" || w == "none"
        };
        let loss = |k: usize| {
            let w = self.word(k);
            LOSS.iter().any(|l| w.starts_with(l))
        };
        // The condition: "if" to the end of its clause, or an inverted "had" opening one.
        let Some(c) = (0..n).find(|&k| {
            let w = self.word(k);
            w == "if" || (w == "had" && (k == 0 || self.toks[k - 1].boundary))
        }) else {
            return false;
        };
        let cond_end = (c + 1..n).find(|&k| self.is_break(k)).unwrap_or(n);
        if !(c..cond_end).any(denial) {
            // A worse outcome averted (round 46): the condition is a thing's failure, with
            // nobody in it, and the consequence a loss that did not come ("Had the replica
            // failed too, we would have lost a day of data"). What the condition names is
            // no act anyone should have done.
            let harm_in_condition = (c + 1..cond_end).any(|k| {
                loss(k)
                    || matches!(
                        self.word(k),
                        "died" | "down" | "filled" | "expired" | "overflowed"
                    )
            });
            if !harm_in_condition {
                return self.act_would_have_done_harm(c, cond_end, &loss, &denial);
            }
            // Asking about words is no finding: the lookups must not leave the dictionary's
            // mark, which would make the sentence's other findings warnings.
            let someone_in_condition = self.without_mark(|| {
                (c + 1..cond_end).any(|k| {
                    let cl = self.class(k);
                    cl.person() || matches!(cl, Class::Group | Class::We | Class::NegPronoun)
                })
            });
            if someone_in_condition {
                return false;
            }
            let Some(m) = (cond_end..n).find(|&k| is_past_modal(self.word(k))) else {
                return false;
            };
            let end = (m + 1..n).find(|&k| self.is_break(k)).unwrap_or(n);
            return !(m..end).any(denial)
                && !(m..end).any(|k| matches!(self.word(k), "less" | "fewer" | "sooner"))
                && (m + 1..end).any(loss);
        }
        // The consequence: a modal perfect outside the condition ("would have", "could've").
        let Some(m) = (0..n)
            .filter(|&k| k < c || k >= cond_end)
            .find(|&k| is_past_modal(self.word(k)))
        else {
            return false;
        };
        let clause_end = if m < c {
            c
        } else {
            (m + 1..n).find(|&k| self.is_break(k)).unwrap_or(n)
        };
        let clause = self.clause_start(m)..clause_end;
        // What the modal perfect tells (its participle after "have" and "been", adverbs
        // skipped) may be a catch or a rescue, whatever its object: "we would have known about
        // the lending failure", "would have drained the broken node" are the better outcome.
        #[rustfmt::skip]
        const RESCUE: &[&str] = &[
            "known", "caught", "found", "detected", "noticed", "seen", "spotted", "drained",
            "recovered", "stopped", "prevented", "avoided", "fixed", "restored", "rolled",
            "reverted", "paged", "alerted", "escalated", "blocked", "rejected", "flagged",
            "contained", "limited", "saved", "kept", "fine", "ok", "okay", "safe", "handled",
        ];
        let told = (m + 1..clause_end).find(|&k| {
            !matches!(
                self.word(k),
                "have"
                    | "'ve"
                    | "been"
                    | "even"
                    | "much"
                    | "far"
                    | "potentially"
                    | "likely"
                    | "probably"
                    | "easily"
                    | "all"
                    | "also"
                    | "still"
            )
        });
        if told.is_some_and(|k| RESCUE.contains(&self.word(k))) {
            return false;
        }
        // The condition denies a catch or a rescue someone made ("If Martín hadn't spotted the
        // odd latency, we would have heard about it from customers first", round 27, f183's
        // first run): whatever the consequence tells, it is the worse course that was averted.
        let denied_catch = (c..cond_end).any(|k| {
            denial(k)
                && (k + 1..(k + 3).min(cond_end)).any(|v| {
                    let w = self.word(v);
                    matches!(
                        w,
                        "spotted"
                            | "caught"
                            | "noticed"
                            | "flagged"
                            | "found"
                            | "fixed"
                            | "raised"
                            | "escalated"
                            | "warned"
                            | "reverted"
                    )
                })
        });
        if denied_catch {
            return !clause.clone().any(denial);
        }
        // A loss the outcome comes before is averted, not suffered: "the fix would have shipped
        // before the outage spread".
        let upto = (m + 1..clause_end)
            .find(|&k| matches!(self.word(k), "before" | "until" | "sooner" | "earlier"))
            .unwrap_or(clause_end);
        !clause.clone().any(denial) && (m + 1..upto).any(loss)
    }

    /// Whether a counterfactual whose condition, not denied, is the course someone did not
    /// take says that course would have done harm: "If she'd run them all at once we'd have
    /// refunded those buyers twice" (round 60, f666's first run, a false error) credits the
    /// batches she ran. What the modal perfect tells first is an act of harm ("lost",
    /// "refunded", "deleted", …) and the rest of its clause a loss or a repeat ("twice",
    /// "double"), with no denial and no comparison anywhere after it ("we'd have lost ten
    /// minutes, not three hours", "only an hour", "less", "instead", "harmless", "cleanly"
    /// still say what should have been done).
    fn act_would_have_done_harm(
        &self,
        c: usize,
        cond_end: usize,
        loss: &dyn Fn(usize) -> bool,
        denial: &dyn Fn(usize) -> bool,
    ) -> bool {
        const REPEAT: &[&str] = &["twice", "double", "duplicat", "thrice"];
        #[rustfmt::skip]
        const HARM_ACTS: &[&str] = &[
            "lost", "refunded", "charged", "double-charged", "billed", "paid", "deleted", "wiped",
            "corrupted", "destroyed", "broken", "broke", "crashed", "leaked", "overwritten",
            "erased", "flooded", "overloaded",
        ];
        // Words of denial ("no", "nothing", "none", "instead", "rather": `NEGATORS`) are
        // refused by `denial` over the same span, from the condition on.
        #[rustfmt::skip]
        const COMPARISON: &[&str] = &[
            "only", "less", "fewer", "sooner", "shorter", "smaller", "just",
            "earlier", "faster", "quicker", "harmless", "cleanly", "fine", "ok", "okay", "safe",
            "safely", "minutes", "minute", "before", "until", "zero",
        ];
        let n = self.toks.len();
        // "If she'd run them all at once we'd have …": the consequence may follow the
        // condition with no comma between.
        let Some(m) = (c + 2..n).find(|&k| {
            is_past_modal(self.word(k))
                || (is_contracted_would(self.word(k)) && self.word(k + 1) == "have")
        }) else {
            return false;
        };
        let cond_end = cond_end.min(m);
        let end = (m + 1..n).find(|&k| self.is_break(k)).unwrap_or(n);
        let Some(told) = (m + 1..end).find(|&k| {
            !matches!(
                self.word(k),
                "have" | "'ve" | "been" | "even" | "easily" | "probably" | "likely" | "all"
            )
        }) else {
            return false;
        };
        let someone_in_condition = self.without_mark(|| {
            (c + 1..cond_end).any(|k| {
                let cl = self.class(k);
                cl.person()
                    || matches!(cl, Class::Group | Class::We)
                    || matches!(
                        self.word(k).replace('’', "'").as_str(),
                        "i'd" | "he'd" | "she'd" | "they'd" | "we'd" | "you'd"
                    )
            })
        });
        someone_in_condition
            && HARM_ACTS.contains(&self.word(told))
            && !(c..n).any(denial)
            && !(m..n).any(|k| COMPARISON.contains(&self.word(k)))
            && (told..end).any(|k| loss(k) || REPEAT.iter().any(|r| self.word(k).starts_with(r)))
    }

    /// Whether the counterfactual at `i` is the open question of a plan: "whether" or "if" at
    /// most twenty words before `i` with no clause break between (a purpose clause, ", so
    /// they could have …", is none), put by a verb of weighing in
    /// its plain form, as an instruction at the start of its clause or after "to", "will",
    /// "shall", "should" or "must" ("Reflect if the ALB changes should have been communicated
    /// earlier", "We will assess whether the release should have waited for the canary";
    /// round 23, a false error on a published action item). What a plan asks is not yet
    /// said of anyone. The author's own wondering stays found ("I wonder if the on-call
    /// should have paged sooner", an insinuation), and so does a sanction weighed
    /// (`Rule::Punishment` is not asked about here), as does "whether to …".
    fn puts_for_deliberation(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const WEIGH: &[&str] = &[
            "reflect", "consider", "reconsider", "evaluate", "assess", "review", "discuss",
            "decide", "determine", "examine", "explore", "investigate", "revisit", "clarify",
            "establish", "analyse", "analyze", "check", "verify", "confirm", "debate",
        ];
        let n = self.toks.len();
        if n == 0 {
            return false;
        }
        let i = i.min(n - 1);
        // A purpose clause belongs to the question: "Reflect if the ALBs we tested with should
        // have been communicated to the teams, so they could have tested their scenarios too".
        let breaks = |a: usize, b: usize| self.breaks_between(a, b, true);
        (i.saturating_sub(20)..=i).any(|k| {
            matches!(self.word(k), "whether" | "if")
                && self.word(k + 1) != "to"
                && !breaks(k, i)
                && (k.saturating_sub(3)..k).any(|j| {
                    WEIGH.contains(&self.word(j))
                        && !breaks(j, k)
                        && (self.clause_start(j) == j
                            || matches!(
                                self.word(j.wrapping_sub(1)),
                                "to" | "will" | "shall" | "should" | "must"
                            ))
                })
        })
    }

    /// Whether the counterfactual at `i` is said of whoever a search for a culprit would find,
    /// the search told as an idea: a verb of seeking in "-ing" opens the clause, then "who" or
    /// "whoever" before the counterfactual ("Looking for the person who should have read it
    /// would lead only to a promise to read more carefully"; round 26, f173's first run). The
    /// sentence weighs hunting for someone, and names no one. "We found the person who should
    /// have caught it" asserts, and stays found.
    fn seeks_who_should(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const SEEKING: &[&str] = &[
            "looking", "searching", "hunting", "finding", "identifying", "naming", "asking",
            "chasing", "pinpointing", "determining",
        ];
        self.question_opened_by(i, &["who", "whoever"], 6, SEEKING)
    }

    /// Whether the word at `i` follows, within eight words and with no break, one of `wh`
    /// that a gerund of `gerunds` opening its clause puts at most `reach` words before it:
    /// the shared body of [`Self::seeks_who_should`] and [`Self::asks_as_an_idea`].
    fn question_opened_by(&self, i: usize, wh: &[&str], reach: usize, gerunds: &[&str]) -> bool {
        let n = self.toks.len();
        if n == 0 {
            return false;
        }
        let i = i.min(n - 1);
        (i.saturating_sub(8)..i).any(|k| {
            wh.contains(&self.word(k))
                && !self.breaks_between(k, i, true)
                && (k.saturating_sub(reach)..k).any(|j| {
                    gerunds.contains(&self.word(j))
                        && self.clause_start(j) == j
                        && !self.breaks_between(j, k, true)
                })
        })
    }

    /// Whether the word at `i` is inside a question named as an idea: a gerund of asking opens
    /// its clause ("Asking why a person did not read it leads to \"read more carefully\"",
    /// round 51, f469's first run, a false error), then "why" or "whether" within three
    /// words, with no break from there to `i`. The sentence weighs the question as a method,
    /// as [`Self::seeks_who_should`] weighs a search for a culprit. "Dave was asked why he did
    /// not read it" puts the question to him about his own act, and stays found.
    fn asks_as_an_idea(&self, i: usize) -> bool {
        self.question_opened_by(
            i,
            &["why", "whether"],
            3,
            &["asking", "questioning", "wondering"],
        )
    }

    /// Whether the sentence only says who has a standing duty: "is", "are" or "remains"
    /// (with at most one word between, "is also", "are jointly") "responsible for", then a
    /// verb of doing a job in "-ing" ("The SRE team is responsible for running the on-call
    /// rotation", "Q on the Relops team is responsible for creating the base AMIs"; round 23,
    /// real71's first run), with no clause after it. Being responsible for a harm ("is
    /// responsible for losing the spring wheels", "for the outage") is not a duty, nor is
    /// anything said in the past.
    fn states_a_duty(&self) -> bool {
        #[rustfmt::skip]
        const DUTY: &[&str] = &[
            "creating", "maintaining", "running", "managing", "operating", "building",
            "providing", "owning", "reviewing", "approving", "monitoring", "deploying",
            "handling", "coordinating", "testing", "triaging", "updating", "patching",
            "supporting", "configuring", "provisioning", "scheduling", "writing", "documenting",
            "responding", "keeping", "ensuring", "rotating", "renewing", "releasing",
            "publishing", "routing", "hosting", "developing", "designing", "administering",
            "overseeing", "staffing", "answering", "communicating", "tracking", "reporting",
            "maintenance", "upgrading", "securing", "backing", "signing", "issuing",
        ];
        let n = self.toks.len();
        (1..n.saturating_sub(2)).any(|k| {
            self.word(k) == "responsible"
                && self.word(k + 1) == "for"
                && DUTY.contains(&self.word(k + 2))
                && (k.saturating_sub(2)..k)
                    .any(|j| matches!(self.word(j), "is" | "are" | "remains" | "remain"))
                && !(k + 2..n).any(|m| self.is_break(m) && m + 1 < n)
        })
    }

    /// Whether the act at `i` is told with the harm it was done to prevent: "Team takes down
    /// claims frontend to prevent users from hitting errors" (round 22, a false error on a
    /// published timeline). A mitigation chosen on purpose is no fault. Convenience is not
    /// protection ("switched off the relay to stop it beeping" stays found), so only verbs of
    /// protecting others count.
    fn done_to_protect(&self, i: usize) -> bool {
        (i + 1..self.toks.len().saturating_sub(1)).any(|k| {
            self.word(k) == "to"
                && matches!(
                    self.word(k + 1),
                    "prevent"
                        | "protect"
                        | "avoid"
                        | "limit"
                        | "contain"
                        | "mitigate"
                        | "shield"
                        | "spare"
                )
        })
    }

    /// Whether the finding at `i` is inside a participle clause of belief
    /// ([`BELIEF_PARTICIPLES`]) that opens the sentence and ends at its first comma:
    /// "Assuming she has made a mistake while relabelling, she emails the lab integrations
    /// inbox to ask." (round 39, f264's first run, a false error). What someone assumed,
    /// feared or suspected at the time is told as their belief; the sentence asserts what
    /// follows the comma, which is still read.
    fn believed_in_an_opening_clause(&self, i: usize) -> bool {
        let Some(k0) = (0..self.toks.len()).find(|&k| !self.toks[k].boundary) else {
            return false;
        };
        if k0 >= i || !BELIEF_PARTICIPLES.contains(&self.word(k0)) {
            return false;
        }
        (k0 + 1..self.toks.len())
            .find(|&k| {
                self.toks[k].boundary
                    && self.text.get(self.toks[k].start..self.toks[k].end) == Some(",")
            })
            .is_some_and(|comma| i < comma)
    }

    /// Whether the label at `i` is what someone guessed at the time, in the past, in its own
    /// clause: "Assumed user error at the time", "We initially suspected operator error, but
    /// the API had rejected the command" (round 22, a false error on a published timeline).
    /// A present belief ("we believe this was human error") is asserted, and stays found.
    fn held_as_a_guess(&self, i: usize) -> bool {
        (self.clause_start(i).max(i.saturating_sub(6))..i).any(|k| {
            matches!(
                self.word(k),
                "assumed" | "suspected" | "presumed" | "guessed" | "thought" | "believed"
            )
        })
    }

    /// Whether the sentence weighs the label at `i` as a choice of words: it opens with
    /// "Calling", "Labelling", "Describing" or "To call" ([`calling_object`]; or "Treating …
    /// as", or a condition, "If we call", "If we treat … as") and "it", "this", "that" or "the
    /// …", and after the label a modal ("would", "will", "does", "could", "might") with a verb
    /// that is not "be" or "have": "Calling it human error would tell us to be more careful
    /// next time, which is not an action anyone can take …" (round 24, f156's first run),
    /// "Calling it operator error would hide the missing interlock". "Calling it a human
    /// error would be accurate" asserts the label and stays found.
    fn weighs_a_label(&self, i: usize) -> bool {
        let n = self.toks.len();
        let Some(k0) = (0..n).find(|&k| !self.toks[k].boundary) else {
            return false;
        };
        let opens = match (calling_object(|k| self.word(k), k0), self.word(k0)) {
            (Some(object), _) => object,
            // "Treating this as a mistake by the person who ran the change would not have
            // prevented it" (round 39, f277's first run on the final code, a false error): a
            // label weighed as what the event is treated, classified or recorded as.
            (_, "treating" | "classifying" | "recording" | "filing" | "framing" | "logging")
                if (k0 + 1..i).any(|k| self.word(k) == "as") =>
            {
                k0 + 1
            }
            // The same choice put as a condition: "If we treat this as a human mistake, the
            // same gap will catch a different colleague in February" (round 55, f541's first
            // run on round 54's final code, a false error), "if you call it operator error,
            // nothing changes".
            // Told of the past too: "If we'd called it human error, none of the action items
            // above would exist" (round 56, f590's first run, a false error).
            (_, "if")
                if matches!(
                    self.word(k0 + 1),
                    "we" | "you" | "they" | "one" | "we'd" | "you'd" | "they'd"
                ) =>
            {
                let mut at = k0 + 2;
                if self.word(k0 + 1).ends_with("'d") || self.word(at) == "had" {
                    at += usize::from(self.word(at) == "had");
                }
                let v = self.word(at);
                let labels = matches!(
                    v,
                    "call"
                        | "label"
                        | "chalk"
                        | "write"
                        | "put"
                        | "called"
                        | "labelled"
                        | "labeled"
                        | "chalked"
                        | "written"
                        | "wrote"
                ) || (matches!(
                    v,
                    "treat"
                        | "classify"
                        | "record"
                        | "file"
                        | "frame"
                        | "log"
                        | "dismiss"
                        | "treated"
                        | "classified"
                        | "recorded"
                        | "filed"
                        | "framed"
                        | "logged"
                        | "dismissed"
                ) && (at + 1..i).any(|k| self.word(k) == "as"));
                if !labels {
                    return false;
                }
                at + 1
            }
            _ => return false,
        };
        // "Calling any of that human error would just relabel the outcome" (round 38, f249's
        // first run).
        if opens >= i
            || !matches!(
                self.word(opens),
                "it" | "this"
                    | "that"
                    | "the"
                    | "these"
                    | "them"
                    | "any"
                    | "all"
                    | "each"
                    | "those"
            )
        {
            return false;
        }
        // The consequence may stand a clause on ("… human error, none of the action items
        // above would exist", round 56).
        (i + 1..(i + 12).min(n)).any(|m| {
            if !matches!(
                self.word(m),
                "would" | "will" | "does" | "did" | "could" | "might"
            ) {
                return false;
            }
            // What the label would or would not do: "would just relabel the outcome", "would
            // not have prevented it". "Would be accurate", "would not be wrong", "would have
            // been fair" weigh the label's truth, and assert it.
            let mut k = m + 1;
            if matches!(self.word(k), "not" | "n't" | "never") {
                k += 1;
            }
            if self.word(k) == "have" && self.word(k + 1) != "been" {
                k += 1;
            }
            k < n && !self.toks[k].boundary && !matches!(self.word(k), "be" | "been" | "have")
        })
    }

    /// Whether what is plain in hindsight at `i` is denied later in the sentence as plain at
    /// the time: "What's obvious in hindsight, once you know which column to look at, wasn't
    /// obvious to anyone looking at the same screens on the day" (round 24, f153's first run,
    /// an error). A denied copula ("wasn't", "was not", "were never") and then a word of
    /// plainness ("obvious", "clear", "visible") after the match; "not clear why nobody
    /// acted" asks about people, and stays found, as does "What seems obvious now was obvious
    /// to anyone who read the logs".
    fn denied_after(&self, i: usize) -> bool {
        const PLAIN: &[&str] = &[
            "obvious",
            "clear",
            "evident",
            "apparent",
            "visible",
            "foreseeable",
            "predictable",
            "noticeable",
        ];
        let n = self.toks.len();
        (i + 1..n).any(|k| {
            let w = self.word(k);
            let denial = matches!(
                w,
                "wasn't" | "weren't" | "isn't" | "aren't" | "wasnt" | "werent"
            ) || (matches!(w, "not" | "never" | "n't")
                && k > 0
                && matches!(
                    self.word(k - 1),
                    "was" | "were" | "is" | "are" | "n't" | "not"
                ));
            denial
                && (k + 1..(k + 4).min(n)).any(|a| {
                    PLAIN.contains(&self.word(a))
                        && !(a + 1 < n
                            && matches!(
                                self.word(a + 1),
                                "why" | "how" | "whether" | "that" | "what" | "who" | "if"
                            ))
                })
        })
    }

    /// "Nobody involved in the rewiring could have seen that from the drawings we gave them":
    /// a denial that anyone could have known, the opposite of hindsight's claim (round 31,
    /// f197's first run). A sentence that also says who "should" have is not one.
    fn nobody_could_have_known(&self) -> bool {
        const PERCEIVED: &[&str] = &[
            "seen",
            "known",
            "predicted",
            "foreseen",
            "spotted",
            "noticed",
            "expected",
            "anticipated",
            "guessed",
            "caught",
            "told",
            "detected",
            "realised",
            "realized",
        ];
        if self.rest_has(0, &["should", "shouldn't", "ought"]) {
            return false;
        }
        (0..self.toks.len()).any(|k| {
            let negative = matches!(self.word(k), "nobody" | "none" | "noone")
                || (self.word(k) == "no" && self.word(k + 1) == "one");
            negative
                && (k + 1..(k + 8).min(self.toks.len())).any(|c| {
                    self.word(c) == "could"
                        && self.word(c + 1) == "have"
                        && PERCEIVED.contains(&self.word(c + 2))
                })
        })
    }

    /// Whether the sentence calls the remedy plain, not the failure: "Once it was clear what
    /// the issue was, the fix seemed obvious enough" (round 22, a published report). Hindsight
    /// blames when what was plain is the danger someone missed; a fix, workaround or solution
    /// that was easy to see once the cause was known blames no one.
    fn remedy_was_plain(&self) -> bool {
        (0..self.toks.len()).any(|k| {
            matches!(
                self.word(k),
                "obvious" | "clear" | "evident" | "apparent" | "straightforward" | "simple"
            ) && (self.clause_start(k).max(k.saturating_sub(4))..k).any(|j| {
                matches!(
                    singular(self.word(j)),
                    "fix" | "solution" | "remedy" | "workaround" | "mitigation" | "resolution"
                )
            })
        })
    }

    /// Whether the sentence's first "should/would/could … have" is said of a thing that detects
    /// or acts on its own, with nobody in the sentence: "The fuzz test should have caught
    /// this crash", "Ideally the backup job would have verified the snapshot", "`deploy.sh`
    /// should have checked the exit code" (round 21, real65's first run: a test, not a
    /// reviewer). The subject's head must be such a thing (`DETECTOR_NOUNS` or
    /// `ARTIFACT_NOUNS`), or the subject holds code (`code` tells whether the bytes before the
    /// modal hold a code span in the text as written, which masking blanks out), and no
    /// person, role, handle or team stands anywhere in the sentence.
    /// For the model alone: the rules already read people only.
    pub(super) fn modal_perfect_of_a_thing(&self, code: impl Fn(usize) -> bool) -> bool {
        let Some(m) = (0..self.toks.len()).find(|&k| {
            matches!(
                self.word(k),
                "should"
                    | "would"
                    | "could"
                    | "might"
                    | "must"
                    | "shouldn't"
                    | "wouldn't"
                    | "couldn't"
            ) && (k + 1..(k + 4).min(self.toks.len()))
                .take_while(|&h| {
                    !self.toks[h].boundary
                        && (matches!(self.word(h), "have" | "'ve" | "ve" | "not" | "never")
                            || is_adverb(self.word(h)))
                })
                .any(|h| matches!(self.word(h), "have" | "'ve" | "ve"))
        }) else {
            return false;
        };
        let (c, j) = self.subject_class(m);
        // A condition before it ("Had the night dispatcher switched to channel 2, the drivers
        // would have heard the recall", "Were it not for Manaia skipping the canary") holds
        // the counterfactual, whoever the main clause's subject is.
        if c != Class::Other
            || (0..m).any(|k| matches!(self.word(k), "had" | "were" | "if" | "unless"))
        {
            return false;
        }
        // A product's possessive before code is no one ("Envoy's `route_fuzz_test`").
        let code = code(self.toks[m].start);
        // Anyone anywhere in the sentence keeps it: "Had Sabine not disabled the rate
        // limiter, the push service would have survived" is said of Sabine. Whom the thing
        // should have told is no agent: "The registry should have told us", "… warned the
        // on-call engineer" (round 29, f191's first run).
        let told = self.told_by_the_modal(m);
        // "… and now they will": after the modal, "they" of a plural thing is the thing.
        let plural_thing = j.is_some_and(|j| {
            let w = self.word(j);
            singular(w) != w && self.class(j) == Class::Other
        });
        let its_pronoun =
            |k: usize| plural_thing && k > m && matches!(self.word(k), "they" | "them" | "their");
        if (0..self.toks.len())
            .any(|k| !told.contains(&k) && !its_pronoun(k) && self.someone_at(k, code))
        {
            return false;
        }
        // "This problem could have been avoided if the class wouldn't have been so huge"
        // (round 34, a real report's first run): a passive perfect with no one in the
        // sentence is about the thing, as the rules read "we should have been paged".
        let passive = (m + 1..(m + 4).min(self.toks.len()))
            .find(|&h| self.word(h) == "been")
            .is_some_and(|h| is_participle(self.word(h + 1)));
        // "repositories", "registries": `singular` strips only the "s". A thing that acts
        // may also be the head's modifier: "test results should have informed us" (round 34).
        code || passive
            || j.is_some_and(|j| {
                let w = self.word(j);
                is_thing_that_acts(singular(w))
                    || w.strip_suffix("ies")
                        .is_some_and(|stem| is_thing_that_acts(&format!("{stem}y")))
                    || (j > 0
                        && !self.toks[j - 1].boundary
                        && DETECTOR_NOUNS.contains(singular(self.word(j - 1))))
            })
    }

    /// Whether the token at `k` is someone, as [`Self::holds_someone`] reads each token.
    fn someone_at(&self, k: usize, code: bool) -> bool {
        match self.class(k) {
            Class::Other => false,
            Class::Named => self.is_a_name(k) && !(code && self.toks[k].poss),
            _ => true,
        }
    }

    /// The tokens of whom the modal perfect at `m` tells, warns or pages in the active voice:
    /// the object right after its participle ("should have told **us**", "would have paged
    /// **the on-call engineer**"), as a range that is empty when there is none. A passive
    /// ("should have been noticed by the on-call") has no such object.
    fn told_by_the_modal(&self, m: usize) -> std::ops::Range<usize> {
        #[rustfmt::skip]
        const TELLING: &[&str] = &[
            "told", "warned", "alerted", "paged", "notified", "reminded", "shown", "informed",
            "emailed", "messaged", "woken", "called", "stopped", "blocked", "prevented",
            "protected", "given",
        ];
        let n = self.toks.len();
        let Some(h) =
            (m + 1..(m + 4).min(n)).find(|&h| matches!(self.word(h), "have" | "'ve" | "ve"))
        else {
            return 0..0;
        };
        let mut p = h + 1;
        while p < n && is_adverb(self.word(p)) {
            p += 1;
        }
        if p >= n || !TELLING.contains(&self.word(p)) {
            return 0..0;
        }
        let mut e = p + 1;
        while e < n && e < p + 4 && !self.toks[e].boundary && DETERMINERS.contains(self.word(e)) {
            e += 1;
        }
        // The object's words: a pronoun, or up to three words of a noun phrase.
        let mut end = e;
        while end < n && end < e + 3 && !self.toks[end].boundary && !is_past(self.word(end)) {
            end += 1;
            if matches!(
                self.word(end - 1),
                "us" | "me" | "them" | "you" | "him" | "her"
            ) {
                break;
            }
        }
        p + 1..end
    }

    /// Whether the counterfactual's condition is a design the system could have had, with
    /// nobody in the sentence: "Had the stand list been filtered by aircraft type, the wrong
    /// stand would never have been offered", "If the queue had been bounded, …" (round 27,
    /// f180's first run). The sentence opens with "Had X been" or "If X had been" and a
    /// participle that is no act of attention or checking ("Had the alert been read", "If
    /// the runbook had been followed" imply someone who did not, and stay found), X's head
    /// is a thing, and no person, role, handle or group stands anywhere in the sentence.
    fn conditions_a_design(&self) -> bool {
        #[rustfmt::skip]
        const ATTENTION: &[&str] = &[
            "read", "seen", "checked", "noticed", "reviewed", "followed", "heeded",
            "acknowledged", "acked", "tested", "monitored", "watched", "caught", "escalated",
            "reported", "answered", "verified", "inspected", "looked", "examined", "questioned",
            "challenged", "heard", "spotted", "flagged", "raised", "communicated", "approved",
            "signed", "listened", "investigated", "tracked", "chased", "handled", "done",
            "taken", "made", "given", "paid", "applied", "run", "rolled", "reverted", "fixed",
            "patched", "updated", "renewed", "double-checked", "confirmed", "read-back",
        ];
        let n = self.toks.len();
        let first = (0..n).find(|&k| !self.toks[k].boundary);
        let Some(f) = first else {
            return false;
        };
        let been = match self.word(f) {
            "had" => (f + 1..(f + 7).min(n)).find(|&k| self.word(k) == "been"),
            "if" => (f + 1..(f + 8).min(n))
                .find(|&k| self.word(k) == "had" && self.word(k + 1) == "been")
                .map(|k| k + 1),
            _ => None,
        };
        let Some(b) = been else {
            return false;
        };
        let Some(p) = (b + 1 < n).then_some(b + 1) else {
            return false;
        };
        let participle = self.word(p);
        if !is_participle(participle) || ATTENTION.contains(&participle) {
            return false;
        }
        // The condition's subject: the words between "had"/"if" and "been"/"had".
        let subject_end = if self.word(f) == "had" { b } else { b - 1 };
        let Some(head) = subject_end.checked_sub(1).filter(|&h| h > f) else {
            return false;
        };
        self.class(head) == Class::Other && !self.name_shaped(head) && !self.holds_someone(false)
    }

    /// Whether a person, role, handle or group stands anywhere in the sentence. `code`: the
    /// sentence holds code, whose product's possessive ("Envoy's `route_fuzz_test`") is no one.
    pub(super) fn holds_someone(&self, code: bool) -> bool {
        (0..self.toks.len()).any(|k| match self.class(k) {
            Class::Other => false,
            // "Ideally the backup job …": a common word capitalised by the sentence.
            Class::Named => self.is_a_name(k) && !(code && self.toks[k].poss),
            _ => true,
        })
    }

    /// Whether the judgement word at `i` ("inexcusable", "unacceptable", "shameful") evaluates
    /// what was just told, an outage or its effect, through a pronoun that opens the clause:
    /// "Which is inexcusable.", "This is unacceptable." (round 35, real138's first run), with
    /// no one named in the sentence. "It was an inexcusable decision by the release captain"
    /// names whose.
    fn evaluates_what_was_told(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const EVALUATIONS: &[&str] = &[
            "inexcusable", "unacceptable", "unforgivable", "shameful", "disgraceful", "pathetic",
        ];
        if !EVALUATIONS.contains(&self.word(i)) {
            return false;
        }
        // Back over the copula and its adverbs to the pronoun ("which" may end the clause
        // before it, so the clause's start is not asked).
        let mut k = i;
        while k > 0 && (is_be(self.word(k - 1)) || is_adverb(self.word(k - 1))) {
            k -= 1;
        }
        k > 0
            && k < i
            && matches!(self.word(k - 1), "which" | "this" | "that" | "it")
            && (k == 1 || self.toks[k - 2].boundary)
            && !self.without_mark(|| self.names_anyone_else(0))
    }

    /// Whether the judgement word at `i` ("unacceptable", "inexcusable") is the authors' own
    /// verdict on a thing, the object complement of a verb of judging whose subject holds "we"
    /// or "I": "the whole team and I consider downtime like this … unacceptable, and we are
    /// committed to …" (round 56, real292's warning on round 55's final code). No one but the
    /// authors and the readers may stand between the verb and the word or after it: "We consider Kofi's
    /// handling unacceptable" and "we find it unacceptable that the on-call engineer …" judge
    /// someone.
    fn authors_judge_a_thing(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const EVALUATIONS: &[&str] = &[
            "inexcusable", "unacceptable", "unforgivable", "shameful", "disgraceful",
        ];
        #[rustfmt::skip]
        const JUDGING: &[&str] = &[
            "consider", "considers", "considered", "deem", "deems", "deemed", "find", "found",
            "regard", "regards", "regarded", "view", "views", "viewed",
        ];
        if !EVALUATIONS.contains(&self.word(i)) {
            return false;
        }
        let authors = |k: usize| {
            matches!(
                self.word(k),
                "we" | "us" | "our" | "ours" | "ourselves" | "i" | "me" | "my" | "myself"
            )
        };
        // The readers the report addresses ("your access to your account") are who the thing
        // reached; "your team's handling" still names a group.
        let readers = |k: usize| matches!(self.word(k), "you" | "your");
        // The verb may stand clauses back ("… downtime like this that could affect your
        // access … unacceptable"): the sentence is read from its start.
        let Some(v) = (0..i).rev().find(|&k| JUDGING.contains(&self.word(k))) else {
            return false;
        };
        (0..v).any(authors)
            && !(v + 1..self.toks.len())
                .any(|k| k != i && !authors(k) && !readers(k) && self.stands_for_someone(k))
    }

    /// Whether a verb of neglect in the sentence ("ignored", "skipped", "dropped") is a
    /// program's: its subject, or after a passive its agent after "by", is a program named
    /// with a version ("Stack 1.5.1 simply ignored the package", "… was simply ignored by
    /// Stack", real140's first run, round 35) or a thing that acts ("the parser skipped the
    /// row"). The rules already read such a subject as no person; this tells the engine, for
    /// the model alone.
    pub(super) fn neglect_by_a_program(&self) -> bool {
        const NEGLECT: &[&str] = &[
            "ignored",
            "ignores",
            "ignore",
            "disregarded",
            "skipped",
            "skips",
            "skip",
            "overlooked",
            "dropped",
            "discarded",
            "neglected",
            "missed",
        ];
        // An acronym ("the NOC", "the DBA") may be a team or a role: only a word the lexicon
        // knows as a program, or one named with a version, is taken for one.
        let program = |a: usize| {
            let t = &self.toks[a];
            !t.boundary
                && !t.poss
                && (self.versioned(a)
                    || (!t.odd && {
                        let w = singular(self.word(a));
                        is_thing_that_acts(w) && !also_a_persons_job(w)
                    }))
        };
        (0..self.toks.len()).any(|k| {
            if !NEGLECT.contains(&self.word(k)) {
                return false;
            }
            let mut b = k;
            while b > 0 && is_adverb(self.word(b - 1)) {
                b -= 1;
            }
            if b > 0 && is_be(self.word(b - 1)) {
                let by = (k + 1..(k + 6).min(self.toks.len()))
                    .take_while(|&q| !self.toks[q].boundary)
                    .find(|&q| self.word(q) == "by");
                let Some(by) = by else { return false };
                let mut a = by + 1;
                while a < self.toks.len() && DETERMINERS.contains(self.word(a)) {
                    a += 1;
                }
                return a < self.toks.len() && program(a);
            }
            // The verb's own subject, not one of an earlier verb it is joined to ("The alert
            // was acknowledged and then simply ignored": the alert is what was ignored).
            self.subject_before(k).is_some_and(|j| {
                !(j + 1..k).any(|q| matches!(self.word(q), "and" | "then" | "or" | "but"))
                    && (program(j)
                        // "Stack 1.5.1 simply ignored …": the version stands last.
                        || (j > 0 && super::is_version(self.word(j)) && self.toks[j - 1].cap))
            })
        })
    }

    /// Whether the idiom of neglect matched at byte `at` (`Kind::AsleepIdiom`) is said of a
    /// thing, with nobody in the sentence: "The fleet ran on autopilot overnight while the
    /// queue drained" (round 22: the retrained model warned on it alone). The rule already
    /// refuses it (`neglect_by_subject`); this tells the engine, for the model alone.
    /// The subject's head must be such a thing as `modal_perfect_of_a_thing` reads (a role
    /// the lexicon does not know, "the dispatcher was asleep at the wheel", is no thing).
    pub(super) fn idiom_of_a_thing(&self, at: usize) -> bool {
        let Some(i) = self.at(at) else {
            return false;
        };
        // A passive idiom ("The handover was phoned in", "The alarm was acknowledged and
        // forgotten", "The template was thrown together") has the thing for its patient, and
        // people for its agent (round 27, f178's and f180's first runs).
        let passive = |k: usize| {
            is_be(self.word(k)) || matches!(self.word(k), "been" | "got" | "get" | "gets" | "being")
        };
        if passive(i)
            || (i > 0 && passive(i - 1))
            || (i > 1
                && passive(i - 2)
                && !self.toks[i - 1].boundary
                && is_adverb(self.word(i - 1)))
        {
            return false;
        }
        // The idiom may follow its verb ("ran on autopilot"): the subject is then the verb's.
        let (c, j) = self.subject_class(i);
        let (c, j) = match j {
            Some(v) if c == Class::Other && is_past(self.word(v)) => self.subject_class(v),
            _ => (c, j),
        };
        c == Class::Other
            && j.is_some_and(|j| is_thing_that_acts(singular(self.word(j))))
            && !self.holds_someone(false)
    }

    /// Whether the modal perfect at or after token `i` tells what was expected to happen over
    /// time, not what someone failed to do: "should" or "shouldn't" and "have", a verb of
    /// reaching a state ("been", "got", "gotten", "reached", "lasted", "needed"), then a span of
    /// time in its clause ("for the next many years", "for another decade"). Round 40,
    /// real162 on the final code, a false error: "Sure, blocks can only be written so many
    /// times, but I shouldn't have gotten there for the next many years with this drive" (an
    /// SSD's wear, which the author expected to last). "I should have got the backup done by
    /// now" names a deadline, not a span, and stays found.
    fn expects_over_time(&self, i: usize) -> bool {
        let n = self.toks.len();
        let Some(m) = (i..n.min(i + 3)).find(|&k| matches!(self.word(k), "should" | "shouldn't"))
        else {
            return false;
        };
        let mut k = m + 1;
        while k < n && matches!(self.word(k), "not" | "n't" | "have" | "'ve" | "ve") {
            k += 1;
        }
        if k == m + 1
            || !matches!(
                self.word(k),
                "been" | "got" | "gotten" | "reached" | "lasted" | "needed"
            )
        {
            return false;
        }
        (k + 1..n).take_while(|&j| !self.is_break(j)).any(|j| {
            self.word(j) == "for"
                && matches!(
                    self.word(j + 1),
                    "the" | "another" | "years" | "decades" | "months" | "many" | "at"
                )
                && (j + 1..(j + 5).min(n)).any(|h| {
                    matches!(
                        self.word(h),
                        "years" | "decades" | "months" | "decade" | "next" | "another"
                    )
                })
        })
    }

    /// Whether the label or fault at token `i` stands in a clause the sentence denies (round
    /// 40): after "not that" or "never that" ("The problem was not that an engineer made a
    /// mistake.", real160's first run; "The cause was not that the operator made an error."),
    /// with no clause break between, so "It was not that the docs were wrong, but that Dave
    /// ignored them" keeps what follows the break; or, when `opening` (a label, which no one
    /// does), in a sentence opened by "Nor" or "Neither" ("Nor is this an obvious case of an
    /// engineering mistake.", f291's first run). "Nor did Dave check the logs" tells what
    /// someone did not do, so a fault is not asked about the opening.
    fn in_a_denied_clause(&self, i: usize, opening: bool) -> bool {
        let after_not_that = (1..i).any(|k| {
            self.word(k) == "that"
                && matches!(self.word(k - 1), "not" | "never" | "n't")
                && !(k + 1..i).any(|m| self.is_break(m))
        });
        after_not_that || (opening && matches!(self.word(0), "nor" | "neither"))
    }

    /// Whether the finding at token `i` is what a denied verb of finding or saying governs:
    /// "not", "never" or "n't", at most one word ("does", "did"), a verb of finding, showing
    /// or saying, "that" if any, and the finding within eight words with no clause break
    /// ("Our review does not find that any individual should have acted differently given
    /// what they could see.", round 41, f311's first run on 649048b; "We are not
    /// saying that the dispatcher should have known"). Verbs that carry their negation into
    /// the clause are left out: "I don't think Dave should have pushed on a Friday" says he
    /// should not have; and "I'm not saying it was the night shift, but …" is insinuation's
    /// own idiom, so a "but" after the finding keeps it.
    fn denied_as_found(&self, i: usize) -> bool {
        if (i..self.toks.len()).any(|k| self.word(k) == "but") {
            return false;
        }
        #[rustfmt::skip]
        const FINDING: &[&str] = &[
            "find", "finds", "found", "conclude", "concludes", "concluded", "show", "shows",
            "showed", "shown", "suggest", "suggests", "suggesting", "suggested", "say", "says",
            "saying", "said", "claim", "claims", "claiming", "claimed", "imply", "implies",
            "implying", "implied", "mean", "means", "establish", "established", "support",
            "supports",
        ];
        (1..i).any(|v| {
            FINDING.contains(&self.word(v))
                && (v.saturating_sub(2)..v).any(|n| matches!(self.word(n), "not" | "never" | "n't"))
                && i - v <= 8
                && !(v + 1..i).any(|m| self.is_break(m))
        })
    }

    /// Whether the label at token `i` opens its clause as the subject of a denied copula:
    /// "Human error is not our finding", "Operator error was never the cause" (round 25,
    /// f167's first run). "Human error was not the only cause" admits it, and stays found.
    fn label_denied(&self, i: usize) -> bool {
        if self.clause_start(i) + 1 < i {
            return false;
        }
        let Some(k) = (i + 1..(i + 3).min(self.toks.len())).find(|&k| {
            matches!(
                self.word(k),
                "is" | "was" | "isn't" | "wasn't" | "isnt" | "wasnt"
            )
        }) else {
            return false;
        };
        if (i + 1..k).any(|m| self.toks[m].boundary) {
            return false;
        }
        let (denial, next) = if matches!(self.word(k), "is" | "was") {
            let d = matches!(self.word(k + 1), "not" | "never" | "n't");
            (d, k + 2)
        } else {
            (true, k + 1)
        };
        let admits = matches!(self.word(next), "only" | "just" | "merely")
            || (self.word(next) == "the" && self.word(next + 1) == "only");
        denial && !admits
    }

    /// Whether the sentence talks of a label as a notion that people hold, not of a cause: it
    /// calls it a myth, a fallacy, a trope or "so-called", or lists reading or a taxonomy on
    /// it ("The myth of human error", "Appendix B: Human factors and the operator-error myth",
    /// "Appendix B: Reading list on human factors and operator error").
    fn talks_of_the_notion(&self) -> bool {
        self.toks.iter().enumerate().any(|(k, t)| {
            matches!(
                t.word.as_str(),
                "myth"
                    | "myths"
                    | "fallacy"
                    | "fallacies"
                    | "trope"
                    | "canard"
                    | "so-called"
                    | "bibliography"
                    | "taxonomy"
            ) || (t.word == "reading" && self.word(k + 1) == "list")
                || (t.word == "further" && self.word(k + 1) == "reading")
        })
    }

    /// The owner of an act that opens the words `from..to`: a person or a group whose
    /// possessive stands first, or after a determiner, followed within three words by an act
    /// ("Efua's decision", "The SCADA team's refusal", "Finance's decision to cancel …").
    fn possessor_of_an_act(&self, from: usize, to: usize) -> Option<(usize, Class)> {
        const ACTS: &[&str] = &[
            "decision",
            "refusal",
            "choice",
            "call",
            "typo",
            "override",
            "edit",
            "mistake",
            "error",
            "blunder",
            "insistence",
            "shortcut",
            "workaround",
        ];
        let mut k = from;
        while k < to && DETERMINERS.contains(self.word(k)) {
            k += 1;
        }
        // Up to three words of a name or a group before the possessive.
        let owner = (k..(k + 4).min(to)).find(|&q| self.toks[q].poss)?;
        let c = match self.loose_class(owner) {
            Class::Other if self.named_by_shape(owner) => Class::Named,
            c => c,
        };
        if !(c.person() || c == Class::Group) || c == Class::We {
            return None;
        }
        (owner + 1..(owner + 4).min(to))
            .any(|q| {
                let w = self.word(q);
                ACTS.contains(&singular(w)) || is_act_noun(w)
            })
            .then_some((owner, c))
    }

    /// The sanction the model found at token `i` ("removed Huy") is a program's act: the
    /// verb's subject is a thing that acts on its own or an artifact ("The scheduler removed
    /// Huy from the on-call rotation for his planned leave", round 27, f178's first run), as
    /// the rules' `sanction_verb` reads it. The verb, active and in the past, is any word from
    /// the start of the evidence's clause to two words past the evidence's start, and its
    /// subject's head a thing that acts on its own (`DETECTOR_NOUNS`).
    fn done_by_a_program(&self, i: usize) -> bool {
        (self.clause_start(i)..(i + 3).min(self.toks.len())).any(|v| {
            // An active verb in the past: "removed", not "has been removed".
            let active = self.word(v).ends_with("ed")
                && !(v > 0 && (is_be(self.word(v - 1)) || self.word(v - 1) == "been"));
            // Someone is what the verb acts on: "removed Huy from …", "locked her out".
            let on_someone = (v + 1..(v + 3).min(self.toks.len()))
                .any(|k| !self.toks[k].boundary && self.loose_class(k).person());
            if !active || !on_someone {
                return false;
            }
            let (c, j) = self.subject_class(v);
            // "scheduler" is also a person's job: the list of things that act on their own
            // decides, as long as no name, pronoun or group is the subject.
            matches!(c, Class::Other | Class::Role)
                && j.is_some_and(|h| DETECTOR_NOUNS.contains(singular(self.word(h))))
        })
    }

    /// The evidence at token `i` ("engineer failed", "fails to") is an attempt the system
    /// turned down, as the rules' `Kind::FailedTo` reads it ([`attempt_that_failed`]): "The
    /// on-call engineer failed to connect to the VPN for ten minutes" (round 20).
    fn tried_in_vain(&self, i: usize) -> bool {
        (i..(i + 3).min(self.toks.len())).any(|k| {
            matches!(self.word(k), "fail" | "fails" | "failed" | "failing")
                && self.word(k + 1) == "to"
                && attempt_that_failed(self.word(k + 2), self.word(k + 3))
        })
    }

    /// The person or team at token `i` is the one a cleft denies: "It wasn't the release
    /// captain who missed the warning; the warning was never routed to anyone", "it was not
    /// the DBA team that dropped the table" (round 19, from f95's first run). "It", a denied
    /// copula and the noun phrase's own words stand before `i`; "who" or "that" follows
    /// within four words. The rules' `Kind::Cleft` refuses a denied cleft the same way.
    fn denies_a_cleft(&self, i: usize) -> bool {
        let start = self.clause_start(i);
        let Some(it) = (start..i).rev().take(6).find(|&k| self.word(k) == "it") else {
            return false;
        };
        let denied = (it + 1..i).any(|k| {
            matches!(
                self.word(k),
                "not" | "never" | "wasn't" | "isn't" | "wasnt" | "isnt" | "n't"
            )
        });
        let copula = (it + 1..i).any(|k| {
            matches!(
                self.word(k),
                "was" | "is" | "wasn't" | "isn't" | "wasnt" | "isnt"
            )
        });
        // Only the copula, the denial and the noun phrase's words stand between.
        let np_only = i - it <= 6 && (it + 1..i).all(|k| !self.toks[k].boundary);
        denied
            && copula
            && np_only
            && (i + 1..(i + 5).min(self.toks.len())).any(|k| matches!(self.word(k), "who" | "that"))
    }

    /// The judgement at token `i` is the predicate of a yes-or-no question the authors ask
    /// about themselves ("Am I just stupid?", "Were we careless?"): self-doubt put as a
    /// question, which judges no one. Only degree words and articles stand between "I" or
    /// "we" and the judgement; a judgement of anyone else in the question ("Am I the only one
    /// who thinks the DBA was lazy?", "Am I stupid, or is the on-call just lazy?", "Was the
    /// on-call lazy?") still insinuates, and stays found.
    fn asks_about_the_authors(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const BETWEEN: &[&str] = &[
            "just", "really", "so", "too", "very", "being", "a", "an", "the", "bit", "little",
            "complete", "completely", "total", "totally", "utter", "utterly", "simply", "plain",
            "plainly", "actually", "that", "all", "both", "such", "truly", "somewhat", "rather",
            "kind", "sort", "of", "pretty",
        ];
        let Some(k) = self.first_word() else {
            return false;
        };
        matches!(self.word(k), "am" | "was" | "were" | "are")
            && matches!(self.word(k + 1), "i" | "we")
            && i > k + 1
            && (k + 2..i).all(|j| {
                self.toks.get(j).is_some_and(|t| !t.boundary) && BETWEEN.contains(&self.word(j))
            })
            && self.asks_from(k)
    }

    /// The index of the sentence's first word.
    fn first_word(&self) -> Option<usize> {
        self.toks.iter().position(|t| !t.boundary)
    }

    /// Whether the first end mark after token `k` is a question mark: the sentence from there
    /// is a question (a sentence cut may run on past a bold question: "**Was this …?** One
    /// reviewer asked …").
    fn asks_from(&self, k: usize) -> bool {
        self.text
            .get(self.toks[k].end..self.end)
            .and_then(|rest| rest.chars().find(|c| matches!(c, '.' | '!' | '?')))
            == Some('?')
    }

    /// The label at token `i` is what a design guards against, not a cause: "reduce the risk
    /// of human error", "make our systems more robust to handle human error", "resilient to
    /// operator error", "protects against human error", "a guard against fat-fingering",
    /// "manual processes that are prone to human error", "leave room for operator error", "even
    /// in the case of a human error, a broken rule will not be rolled out" (round 52). The
    /// word of defence, tolerance or reduction governs the label: only "to", "against",
    /// "of", "for", an article or "any" stand between them. "Data protection failed due to
    /// human error" and "the guardrails were bypassed by human error" name a cause; "the risk
    /// register: human error" is a classification.
    fn designs_for(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const DESIGN: &[&str] = &[
            "reduce", "reduces", "reducing", "prevent", "prevents", "preventing", "minimise",
            "minimize", "minimises", "minimizes", "minimising", "minimizing", "guard", "guards",
            "guarding", "against", "risk", "risks", "chance", "likelihood", "resistant", "tolerate",
            "tolerates", "tolerating", "tolerant", "tolerance", "catch", "catches", "catching",
            "absorb", "absorbs", "forgiving", "resilient", "resilience", "robust", "handle",
            "handles", "handling", "withstand", "withstands", "protect", "protects", "protecting",
            "defend", "defends", "mitigate", "mitigates", "mitigating", "accommodate",
            "accommodates",
            // Round 26 (a real report's first run: "automate manual processes that are prone
            // to human errors"): what a process is exposed to, or what a change removes.
            "prone", "susceptible", "vulnerable", "room", "margin", "potential", "possibility",
            "opportunity", "opportunities", "avoid", "avoids", "avoiding", "eliminate",
            "eliminates", "eliminating", "remove", "removes", "removing", "limit", "limits",
            "limiting", "lessen", "lessens", "lower", "lowers", "lowering",
        ];
        const BRIDGE: &[&str] = &["to", "against", "of", "for", "the", "a", "an", "any"];
        const LABEL_HEADS: &[&str] = &["error", "errors", "mistake", "mistakes"];
        // The model's evidence may start at "error" in "operator error": start at the phrase.
        let mut start = i;
        if LABEL_HEADS.contains(&self.word(start)) && start > 0 && !self.toks[start - 1].boundary {
            start -= 1;
        }
        let label = (start..(start + 3).min(self.toks.len())).any(|j| {
            let w = self.word(j);
            // "fat-finger", "fat-fingered", "fat-fingering".
            LABEL_HEADS.contains(&w) || w.starts_with("fat") || w == "pebkac"
        });
        if !label {
            return false;
        }
        let mut j = start;
        while j > 0 && !self.toks[j - 1].boundary && BRIDGE.contains(&self.word(j - 1)) {
            j -= 1;
        }
        if j == 0 || self.toks[j - 1].boundary {
            return false;
        }
        // "This will guarantee that even in the case of a human error, a broken rule will not
        // be rolled out" (round 52, real234's first run): the case a safeguard is built for.
        // "This was a case of human error" names a cause.
        let at = |k: Option<usize>| k.map_or("", |k| self.word(k));
        let supposed_case = matches!(self.word(j - 1), "case" | "event")
            && (at(j.checked_sub(2)) == "in"
                || (at(j.checked_sub(2)) == "the" && at(j.checked_sub(3)) == "in"));
        DESIGN.contains(&self.word(j - 1)) || supposed_case
    }

    /// The sentence is a yes-or-no question: it opens with an auxiliary and its first end
    /// mark is a question mark ("Was this a human error in the migration script?"). It asks
    /// whether a label fits; it does not assert it.
    fn asks_yes_or_no(&self) -> bool {
        const AUX: &[&str] = &[
            "was", "is", "were", "are", "did", "does", "do", "could", "can", "would", "should",
            "has", "have", "had",
        ];
        let first = self.first_word();
        let asks = first.is_some_and(|k| self.asks_from(k));
        // "Is there any doubt this was human error?", "Was this anything other than operator
        // error?": a rhetorical question asserts.
        let rhetorical = self.toks.iter().any(|t| {
            matches!(
                t.word.as_str(),
                "doubt" | "other" | "else" | "anything" | "obviously"
            )
        });
        asks && !rhetorical && first.is_some_and(|k| AUX.contains(&self.word(k)))
    }

    /// Whether the label at token `i` is what questions, talk or suspicion were about: "about",
    /// "regarding" or "concerning" right before it, the label at most two words on (a
    /// determiner, "possible"), and a noun or verb of asking or supposing earlier in its
    /// clause ("Some of the early questions on the bridge were about human error at the wards
    /// — wrong badges, wrong readers.", round 40, f293's first run on the final code, a false
    /// error, over "Ana Sofia ruled that out within four minutes"). What was asked is not what
    /// the report asserts; "The root cause was human error at the wards." stays found.
    fn asked_about(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const ASKING: &[&str] = &[
            "question", "questions", "asked", "ask", "asking", "wondered", "wondering", "query",
            "queries", "debate", "debated", "discussion", "discussed", "speculation",
            "speculated", "rumour", "rumours", "rumor", "rumors", "theory", "theories",
            "suspicion", "suspicions", "suggestion", "suggestions", "talk", "talked", "guess",
            "guesses",
        ];
        let start = self.clause_start(i);
        let Some(about) = (i.saturating_sub(3).max(start)..i)
            .rev()
            .find(|&k| matches!(self.word(k), "about" | "regarding" | "concerning"))
        else {
            return false;
        };
        (start..about).any(|k| ASKING.contains(&self.word(k)))
    }

    /// Whether the counterfactual at token `i` is a free relative about people in general:
    /// "what", a word for anyone ("people", "someone", "anyone", "everyone", "others",
    /// "responders", "individuals"), and its modal ("should", "could", "would") at most two
    /// words from `i`. "Emergency reviews tend to fill up with what people should have done."
    /// (round 41, f314's first run on the final code, a false error) talks of counterfactual
    /// thinking, as "statements about what someone could have done" do; "Dave didn't do what
    /// he should have done" names him, and stays found.
    fn what_anyone_should_have(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const ANYONE: &[&str] = &[
            "people", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
            "others", "responders", "individuals",
        ];
        (i.saturating_sub(2)..(i + 3).min(self.toks.len())).any(|m| {
            matches!(self.word(m), "should" | "could" | "would")
                && m >= 2
                && ANYONE.contains(&self.word(m - 1))
                && self.word(m - 2) == "what"
        })
    }

    /// Whether the judgement at `i` is denied as a cause or a factor in its own clause (commas
    /// allowed, no "but" before): "Careless handling of cash was not a factor" (round 54,
    /// f536's first run, a false error; [`denied_as_cause`]), "Careless handling of sacks
    /// played no part", "had nothing to do with" (round 58, f641's first run on the final
    /// code), as [`Self::plays_no_part`] reads them. "… was not the only factor" still makes
    /// it one, and stays found.
    fn denied_as_a_factor(&self, i: usize) -> bool {
        let words = self.words();
        // Not the label's reduced passives ("… considered and rejected"): "were arrogant on
        // the bridge and dismissed every suggestion" tells an act.
        self.denied_in_own_clause(i, |k| self.no_part_at(k) || denied_as_cause(&words[k..], 0))
    }

    /// Whether token `k` opens "played no part" (or "role", "bearing"; "has", "had" too) or
    /// "had nothing to do": the denials of a part that [`Self::plays_no_part`] and
    /// [`Self::denied_as_a_factor`] share.
    fn no_part_at(&self, k: usize) -> bool {
        let w = |k: usize| self.word(k);
        (matches!(w(k), "play" | "plays" | "played" | "had" | "has" | "have")
            && w(k + 1) == "no"
            && matches!(w(k + 2), "part" | "role" | "bearing"))
            || (matches!(w(k), "had" | "has" | "have")
                && w(k + 1) == "nothing"
                && w(k + 2) == "to"
                && w(k + 3) == "do")
    }

    /// Whether the act at `i` is explained by what should have prompted it and did not: a
    /// "because" after it, then within ten words a denial ("no longer", "did not", "didn't",
    /// "never", "stopped") right before a verb of showing or asking ("listed", "showed",
    /// "prompted", "included", "required"): "Liam skipped the pre-shift calibration because
    /// the checklist on the line terminal no longer listed it after the October update"
    /// (round 54, f539's first run). "… because he didn't want to" gives no such reason, and
    /// stays found.
    fn left_unprompted(&self, i: usize) -> bool {
        let n = self.toks.len();
        let Some(b) = (i + 1..n).find(|&k| self.word(k) == "because") else {
            return false;
        };
        denies_a_prompt((b + 1..(b + 11).min(n)).map(|k| self.word(k)))
    }

    /// Whether the label at token `i` is said to have had no part in what happened: within
    /// the next fourteen words, past an aside ("Human error, in the sense of someone pressing
    /// the wrong key, played no part in this incident.", round 41, f312's first run on the
    /// final code, a false error), "played no part" or "no role" (not "no small part"), "had
    /// nothing to do with", "was ruled out", "did not contribute", or "was not a factor" (a
    /// cause, a reason: [`denied_as_cause`]), with no "but" before it, and no clause boundary
    /// but commas. "Human error played a part, but …" stays found.
    fn plays_no_part(&self, i: usize) -> bool {
        let w = |k: usize| self.word(k);
        let words = self.words();
        self.denied_in_own_clause(i, |k| {
            self.no_part_at(k)
                || (matches!(w(k), "was" | "were" | "is" | "been")
                    && w(k + 1) == "ruled"
                    && w(k + 2) == "out")
                // A field's reduced passive: "human error considered and rejected", "operator
                // error ruled out" (round 47, f400's first run).
                || (k <= i + 2 || matches!(w(k - 1), "and" | "considered" | "then"))
                    && (matches!(w(k), "rejected" | "excluded" | "discounted" | "dismissed")
                        || (w(k) == "ruled" && w(k + 1) == "out"))
                || (matches!(w(k), "did" | "does")
                    && matches!(w(k + 1), "not" | "n't")
                    && matches!(w(k + 2), "contribute" | "cause" | "play"))
                || (matches!(w(k), "didn't" | "doesn't")
                    && matches!(w(k + 1), "contribute" | "cause" | "play"))
                // "Careless handling of cash was not a factor" (round 54, f536's first run,
                // a false error): denied as a cause or a factor.
                || denied_as_cause(&words[k..], 0)
        })
    }

    /// Whether a token after `i` and in its clause satisfies `denies`: at most fourteen tokens
    /// on, stopping at a clause boundary other than a comma and at "but" ("Human error played
    /// a part, but …"). The walk [`Self::plays_no_part`] and [`Self::denied_as_a_factor`]
    /// share.
    fn denied_in_own_clause(&self, i: usize, mut denies: impl FnMut(usize) -> bool) -> bool {
        let end = (i + 15).min(self.toks.len());
        for k in i + 1..end {
            let t = &self.toks[k];
            let comma = self.text.get(t.start..t.end) == Some(",");
            if (t.boundary && !comma) || self.word(k) == "but" {
                return false;
            }
            if denies(k) {
                return true;
            }
        }
        false
    }

    /// Whether the label at `i` is the content of an explanation the sentence rejects: a verb
    /// of rejection ("rejected", "dismissed", "ruled out", "set aside") at most fourteen words
    /// before it, then within four words a noun of explanation ("explanation", "idea",
    /// "theory", "claim", "conclusion") and "that" before the label: "The review considered,
    /// and rejected, the explanation that this was a human error by the migration engineer"
    /// (round 54, f532's first run, a false error). A rejection denied ("did not reject",
    /// "nobody dismissed") does not count.
    fn rejected_before(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const EXPLANATIONS: &[&str] = &[
            "explanation", "idea", "theory", "claim", "suggestion", "conclusion", "view",
            "notion", "reading", "hypothesis", "framing", "label", "narrative", "account",
            "assumption", "interpretation", "story", "verdict",
        ];
        let w = |k: usize| self.word(k);
        (i.saturating_sub(14)..i).any(|k| {
            let rejects = matches!(
                w(k),
                "rejected"
                    | "rejects"
                    | "dismissed"
                    | "dismisses"
                    | "discounted"
                    | "refuted"
                    | "disproved"
                    | "excluded"
            ) || (matches!(w(k), "ruled" | "rules") && w(k + 1) == "out")
                || (matches!(w(k), "set" | "sets") && w(k + 1) == "aside");
            let denied = (k.saturating_sub(3)..k).any(|m| {
                matches!(
                    w(m),
                    "not" | "n't" | "never" | "nobody" | "no" | "didn't" | "did"
                ) || w(m).ends_with("n't")
            });
            rejects
                && !denied
                && (k + 1..(k + 6).min(i))
                    .any(|m| EXPLANATIONS.contains(&w(m)) && (m + 1..i).any(|t| w(t) == "that"))
        })
    }

    /// The word at `i` is inside an indirect question: a "whether" earlier in its clause, or
    /// an "if" right after a verb of asking ("Several folk asked during the review whether this
    /// was human error", "we debated if it was operator error"). Like a yes-or-no question, it
    /// asks whether a label fits; it does not assert it.
    fn asks_whether(&self, i: usize) -> bool {
        // Verbs of asking, weighing or knowing: an "if" right after one opens the question.
        #[rustfmt::skip]
        const ASK: &[&str] = &[
            "ask", "asks", "asked", "asking", "wonder", "wondered", "wondering", "question",
            "questioned", "debate", "debated", "discuss", "discussed", "unsure", "unclear", "know",
            "knew", "decide", "decided", "check", "checked",
        ];
        (self.clause_start(i)..i).any(|k| {
            let w = self.word(k);
            w == "whether"
                || (w == "if"
                    && (k.saturating_sub(10)..k).any(|j| {
                        ASK.contains(&self.word(j))
                            && (k - j <= 2 || self.only_asides_between(j, k))
                    }))
        })
    }

    /// Whether only an object and asides set off by commas stand between tokens `a` and `b`:
    /// "asked us, in good faith, if …" (round 25, f162's first run). At most nine tokens,
    /// commas in pairs, no other punctuation and no conjunction.
    fn only_asides_between(&self, a: usize, b: usize) -> bool {
        if b <= a || b - a > 10 {
            return false;
        }
        let mut commas = 0;
        for m in a + 1..b {
            let t = &self.toks[m];
            if t.boundary {
                if self.text.get(t.start..t.end) != Some(",") {
                    return false;
                }
                commas += 1;
            } else if matches!(self.word(m), "and" | "but" | "or" | "so" | "then") {
                return false;
            }
        }
        commas % 2 == 0
    }

    /// The word at `i` is inside a question someone is reported to have asked, or opens one:
    /// "whether" or "if" at most eight words before `i` (or at `i`), with no clause break
    /// between (punctuation, "and", "but", "or", "so", "then") but an aside set off by commas
    /// (then at most twelve words before), after a verb of asking in the
    /// past within six words and no break ("the client asked whether staff would be
    /// disciplined", "I wondered if anyone had noticed", "Mathieu asked at the review whether
    /// he should have noticed sooner"). Weighing a sanction is not asking about one
    /// ("management is considering whether the developer should be let go", "the question is
    /// whether he should be fired", "leadership keeps asking whether…"), nor is the author's
    /// own wondering ("I wonder if the on-call should have paged sooner"), an instruction ("was
    /// asked to check whether…"), or what follows the question ("the customer asked if the
    /// outage was over and the engineer should have answered sooner").
    fn reports_a_question(&self, i: usize) -> bool {
        const REPORTED: &[&str] = &["asked", "wondered", "questioned", "inquired", "enquired"];
        self.question_put_by(i, |j| {
            REPORTED.contains(&self.word(j)) && self.word(j + 1) != "to"
        })
    }

    /// The word at `i` is inside a question the review weighed, as [`Self::reports_a_question`]
    /// reads a reported one, after a verb of weighing or looking into in the past that nothing
    /// denies ("We considered whether the operator made an error and concluded that the
    /// interface invited the wrong click", round 46, f385's first run, a false error; "the
    /// review looked at whether …"). The punishment family does not ask it: weighing a
    /// sanction is proposing one ("management is considering whether the developer should be
    /// let go"); and "nobody considered whether …" is a finding of its own. A question named
    /// as such ("A second question was whether …", round 53) is weighed too.
    fn weighs_a_question(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const WEIGHED: &[&str] = &[
            "considered", "examined", "investigated", "explored", "weighed", "debated",
            "discussed", "reviewed", "looked", "assessed", "tested",
            // "We talked about whether QA should have held the pallets at 06:35" (round 51,
            // f466's first run).
            "talked", "argued",
        ];
        self.question_put_by(i, |j| {
            // "A second question was whether the Border Integrations team should have tested
            // …" (round 53, f507's first run, a false error): the question named as such.
            let named = matches!(self.word(j), "question" | "questions")
                && matches!(self.word(j + 1), "was" | "is" | "were" | "remains");
            (WEIGHED.contains(&self.word(j)) || named)
                && !(j.saturating_sub(3)..j).any(|d| {
                    let w = self.word(d);
                    // NEGATORS holds "nobody", "none" and "neither".
                    NEGATORS.contains(w)
                        || w.ends_with("n't")
                        || (w == "one" && d > 0 && self.word(d - 1) == "no")
                })
        })
    }

    /// Whether the word at `i` is inside a "whether" clause that opens the sentence as its
    /// subject, a question put up to be judged rather than an answer (round 61, f672's first
    /// run, a false error: "Whether the operator should have stopped the feeders is the wrong
    /// question; the better one is what the console showed him."). The clause runs from
    /// "whether" to `i` with no comma, clause break or boundary between, at most twelve
    /// words; "Whether or not she was tired, she should have checked" concedes and then
    /// asserts after its comma, and is not such a clause.
    fn in_an_opening_whether_clause(&self, i: usize) -> bool {
        let Some(k0) = (0..self.toks.len()).find(|&k| !self.toks[k].boundary) else {
            return false;
        };
        self.word(k0) == "whether"
            && self.word(k0 + 1) != "or"
            && k0 < i
            && i - k0 <= 12
            && !(k0 + 1..=i).any(|k| self.toks[k].boundary || self.is_break(k))
    }

    /// Whether "without" at `w` ("without anyone reviewing …") ends a clause that tells what a
    /// thing permits, in the present: "lets", "allows", "permits", "accepts" or "can" before
    /// it, no verb in the past, and a subject that is neither a person nor a group (round 61,
    /// f676's first run: "The supplier portal lets an order through without anyone reviewing
    /// the size breakdown."). A gap in the process, not someone's neglect; "Kim let the order
    /// through without anyone reviewing it" stays found.
    fn permits_without_anyone(&self, w: usize) -> bool {
        let start = self.clause_start(w);
        (start..w).any(|j| {
            matches!(
                self.word(j),
                "lets" | "allows" | "permits" | "accepts" | "can" | "cannot" | "can't"
            )
        }) && !(start..w).any(|j| is_past(self.word(j)))
            && {
                let (c, _) = self.subject_class(w);
                !(c.person() || c == Class::Group)
            }
    }

    /// The body of [`Self::reports_a_question`] and [`Self::weighs_a_question`]: "whether" or
    /// "if" near `i` whose question is put by a verb `verb` accepts at most six words before.
    fn question_put_by(&self, i: usize, verb: impl Fn(usize) -> bool) -> bool {
        let n = self.toks.len();
        if n == 0 {
            return false;
        }
        let i = i.min(n - 1);
        let breaks = |a: usize, b: usize| self.breaks_between(a, b, false);
        // "asked whether A, or whether B": the second question is reported as the first is.
        let first_of_chain = |mut k: usize| loop {
            let mut o = k;
            while o > 0 && self.toks[o - 1].boundary {
                o -= 1;
            }
            if o == 0 || self.word(o - 1) != "or" {
                return k;
            }
            let before = o - 1;
            match (before.saturating_sub(16)..before)
                .rev()
                .find(|&m| matches!(self.word(m), "whether" | "if"))
            {
                Some(m) => k = m,
                None => return k,
            }
        };
        (i.saturating_sub(12)..=i).any(|k| {
            if !matches!(self.word(k), "whether" | "if") {
                return false;
            }
            // An aside set off by commas may stand between the question's word and `i`: "She
            // asked whether, having noticed the flat line, she should have pushed harder"
            // (round 42, f325's first run, a false error).
            let aside = (k + 1..i).any(|m| self.toks[m].boundary) && self.only_asides_between(k, i);
            if (i - k > 8 || breaks(k, i)) && !aside {
                return false;
            }
            let k = first_of_chain(k);
            (k.saturating_sub(6)..k).any(|j| verb(j) && !breaks(j, k))
        })
    }

    /// Whether the "Obviously" at token `i` is editorial: it opens the authors' own reasoning or
    /// a general truth ([`Self::obviously_reasons`]), holds no fault word after it ("we needed
    /// to stop ignoring the alerts" is one; a norm, "should not be broken", is not, while
    /// "should have" is) and names no one but the authors and the reader ("this means the team
    /// wasn't watching" names a team). The rules ask it of "Obviously" opening a clause, and
    /// `does_not_assert` of the model's "Obviously" opening the sentence (round 42).
    fn obviously_editorial(&self, i: usize) -> bool {
        let fault_after = (i + 1..self.toks.len()).any(|j| {
            let of_a_norm = match self.word(j) {
                "should" => self.states_a_norm(j),
                "never" | "not" => (j.saturating_sub(2)..j).any(|m| self.states_a_norm(m)),
                _ => false,
            };
            OBVIOUSLY_FAULT.contains(&self.word(j)) && !of_a_norm
        });
        self.obviously_reasons(i)
            && !fault_after
            && !self.rest_has(i + 1, &["ignoring", "forgetting", "failing"])
            && !self.names_anyone_else(i + 1)
    }

    /// After "obviously" at token `i`, the clause gives the authors' own reasoning rather than
    /// a fault anyone should have foreseen: a consequence ("Obviously, this means you cannot
    /// change any files"), a condition ("Obviously, if every node has upgraded by then, …",
    /// "since the files are immutable"), or the authors' need or plan ("Obviously, we needed
    /// to take a CPU profile", "Obviously we will re-run the suite").
    fn obviously_reasons(&self, i: usize) -> bool {
        let words: Vec<&str> = self.toks[(i + 1).min(self.toks.len())..]
            .iter()
            .filter(|t| !t.boundary)
            .take(3)
            .map(|t| t.word.as_str())
            .collect();
        // "Obviously, in attempting to do so, we ended up providing you with a worse
        // service": the authors' own account after a fronted phrase (round 16, real48). The
        // caller still wants no fault word and no one else named.
        let after_comma = || {
            (i + 1..(i + 13).min(self.toks.len())).any(|k| {
                let t = &self.toks[k];
                t.boundary
                    && self.text.get(t.start..t.end) == Some(",")
                    && matches!(self.word(k + 1), "we" | "i")
            })
        };
        if words.len() > 1
            && (matches!(words[0], "we" | "i") || after_comma())
            && !self.rest_has(i + 1, &["have", "'ve", "known", "seen", "noticed"])
        {
            return true;
        }
        // "Obviously you need to have some spare capacity to enable this." (round 42,
        // real174's first run on the final code, a false error): a requirement put to anyone
        // ("you", "one") in the present, a general truth about a system, not what someone
        // should have seen. "Obviously you should have checked" is not present.
        if matches!(words.first(), Some(&("you" | "one")))
            && (matches!(
                words.get(1),
                Some(&("need" | "needs" | "must" | "want" | "can" | "cannot" | "can't"))
            ) || (words.get(1) == Some(&"have") && words.get(2) == Some(&"to")))
            && !self.rest_has(
                i + 1,
                &[
                    "should", "'ve", "known", "seen", "noticed", "could", "would",
                ],
            )
        {
            return true;
        }
        // "Obviously, not going to work." (round 27, a real report's first run): an option
        // weighed at the time, not what someone should have seen. A denied future ("not
        // going to", "won't") or an option's worth ("not an option", "not viable") right after it, and
        // no one named (the caller asks).
        // "Obviously the certificate was going to expire" is hindsight: a future only when
        // denied and not told in the past ("not going to work").
        let weighs = |k: usize| {
            matches!(
                self.word(k),
                "option" | "options" | "viable" | "feasible" | "workable"
            ) || (self.word(k) == "going"
                && self.word(k + 1) == "to"
                && k > 0
                && matches!(self.word(k - 1), "not" | "n't")
                && !(k > 1 && matches!(self.word(k - 2), "was" | "were")))
                || matches!(self.word(k), "won't" | "wont")
        };
        if (i + 1..(i + 6).min(self.toks.len()))
            .skip_while(|&k| self.toks[k].boundary)
            .take_while(|&k| !self.is_break(k))
            .any(weighs)
            && !self.rest_has(
                i + 1,
                &["have", "'ve", "known", "seen", "noticed", "should"],
            )
        {
            return true;
        }
        // "Obviously, the state of a room changes over time": a general truth about a system,
        // in the present tense, not hindsight about the incident. A noun phrase opens the
        // clause, a verb of the present is in it, and nothing in it is past or a modal
        // perfect ("the config was wrong", "the check should have …").
        // Round 34 (a real essay's first run): "Obviously, production should not be broken":
        // a bare noun that names no one may open the clause too, and a norm in the present
        // ("should not be broken", "must never be", not "should have been") is no past.
        let bare_thing = self.without_mark(|| {
            self.toks.get(i + 1..).is_some_and(|rest| {
                rest.iter().position(|t| !t.boundary).is_some_and(|o| {
                    let k = i + 1 + o;
                    self.class(k) == Class::Other
                        && !PERSON_PRONOUNS.contains(self.word(k))
                        && !NEG_PRONOUNS.contains(self.word(k))
                        && !matches!(
                            self.word(k),
                            "this" | "that" | "it" | "there" | "if" | "since"
                        )
                })
            })
        });
        if bare_thing
            || matches!(
                words.first(),
                Some(&("the" | "a" | "an" | "every" | "each" | "any" | "most" | "all" | "some"))
            )
        {
            let rest = &self.toks[(i + 1).min(self.toks.len())..];
            // The clause's first token: `clause[k]` is token `start + k`.
            let start = i + 1 + rest.iter().take_while(|t| t.boundary).count();
            let clause: Vec<&str> = rest
                .iter()
                .skip_while(|t| t.boundary)
                .take_while(|t| !t.boundary)
                .take(16)
                .map(|t| t.word.as_str())
                .collect();
            // "should not be", "must never be": a norm, not "should have been".
            let norm = |k: usize| self.states_a_norm(start + k);
            let present = (0..clause.len()).any(norm)
                || clause.iter().any(|w| {
                    matches!(
                        *w,
                        "is" | "are"
                            | "has"
                            | "does"
                            | "can"
                            | "changes"
                            | "needs"
                            | "means"
                            | "depends"
                            | "varies"
                            | "matters"
                    )
                });
            // The participle of a norm's passive ("must not be exposed") is no past either.
            let after_norm_be = |k: usize| k > 0 && clause[k - 1] == "be" && (0..k).any(norm);
            let past = clause.iter().enumerate().any(|(k, w)| {
                (matches!(
                    *w,
                    "was" | "were" | "had" | "did" | "been" | "should" | "could" | "would"
                ) && !norm(k))
                    || (w.len() > 4
                        && w.ends_with("ed")
                        && !w.ends_with("eed")
                        && !after_norm_be(k))
            });
            if present && !past {
                return true;
            }
        }
        match words.as_slice() {
            ["if" | "since", ..] => true,
            ["this" | "that" | "it", "means" | "meant", ..] => true,
            ["we" | "i", verb, next] => match *verb {
                "need" | "needed" | "had" | "have" => *next == "to",
                "will" | "must" | "want" | "wanted" => true,
                "'ll" => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether the judgement adverb at `i0` (`i0 == last`, "stupidly") only tells a degree:
    /// "I came stupidly close", "a stupidly simple fix", "it was stupidly expensive" (round
    /// 34, a real report's first run). The word after it is no verb (not past, a participle or
    /// in -ing, nor a determiner or a pronoun, which follow a verb), and the word before it is
    /// no one who could act ("Dave stupidly restarted", "they stupidly trust the cache").
    fn adverb_of_degree(&self, i0: usize, last: usize) -> bool {
        self.without_mark(|| self.adverb_of_degree_inner(i0, last))
    }

    fn adverb_of_degree_inner(&self, i0: usize, last: usize) -> bool {
        let w = self.word(i0);
        if i0 != last || !w.ends_with("ly") {
            return false;
        }
        let n = last + 1;
        let next_is_grade = self.toks.get(n).is_some_and(|t| !t.boundary) && {
            let x = self.word(n);
            !is_past(x)
                && !is_participle(x)
                && !x.ends_with("ing")
                && !DETERMINERS.contains(x)
                && !PERSON_PRONOUNS.contains(x)
                && !matches!(x, "to" | "and" | "or" | "but" | "it" | "them" | "us" | "me")
                && !PLACE_PREPOSITIONS.contains(x)
                && !CLAUSE_BREAKS.contains(x)
                && !matches!(
                    x,
                    "by" | "with" | "from" | "of" | "for" | "in" | "on" | "at" | "as" | "than"
                        | "during" | "after" | "before" | "until" | "since" | "into" | "over"
                        | "throughout" | "through" | "without" | "within" | "despite"
                        | "upon" | "via" | "across" | "around" | "when" | "while" | "whilst"
                        | "where" | "because" | "towards" | "toward" | "again" | "all"
                )
                // An adjective ends its phrase or comes before its noun ("close.", "simple
                // fix"); a preposition comes before a determiner, a pronoun or an -ing verb.
                && !self.toks.get(n + 1).is_some_and(|t| {
                    !t.boundary
                        && (DETERMINERS.contains(t.word.as_str())
                            || PERSON_PRONOUNS.contains(t.word.as_str())
                            || t.word.ends_with("ing"))
                })
        };
        let before_acts = i0 > 0 && {
            let c = self.loose_class(i0 - 1);
            (c.person() && c != Class::We)
                || matches!(c, Class::Group | Class::NegPronoun)
                || matches!(self.word(i0 - 1), "we" | "i" | "you")
        };
        next_is_grade && !before_acts
    }

    /// Whether the sentence is a proposal to the authors and the reader, "Let's …" or "Let us
    /// …" opening it, that names no one else: "Let's cross our fingers and hope for the best"
    /// (round 34, a real report's first run) is what the authors mean to do next, not a
    /// neglect anyone showed.
    fn proposes_to_us(&self) -> bool {
        let Some(k) = self.toks.iter().position(|t| !t.boundary) else {
            return false;
        };
        // The words drop the "'s" of "Let's"; the text keeps it.
        let raw = self
            .text
            .get(self.toks[k].start..)
            .unwrap_or("")
            .trim_start()
            .to_lowercase();
        let hortative = ["let's ", "let’s ", "lets ", "let us "]
            .iter()
            .any(|p| raw.starts_with(p));
        hortative && !self.without_mark(|| self.names_anyone_else(k + 1))
    }

    /// Whether the word of neglect at `i` ("unanswered", "unacknowledged", "ignored") is said of
    /// traffic between programs, not of work left to people: "unanswered API requests started
    /// to pile up" (round 34, a real report's first run), "ignored heartbeats", "unacknowledged
    /// packets". One modifier may stand between. A request, a connection or a call counts only
    /// after a part of a system ("API requests", "TCP connections"); "unanswered support
    /// requests", a page, a ticket, a task or a message are people's work and stay found.
    fn neglect_of_machine_traffic(&self, i: usize) -> bool {
        let w = self.word(i);
        let neglect = (w.starts_with("un") && w.ends_with("ed")) || w == "ignored";
        if !neglect {
            return false;
        }
        // Only programs send these.
        #[rustfmt::skip]
        const MACHINE: &[&str] = &[
            "query", "queries", "packet", "heartbeat", "probe", "ping", "rpc", "lookup",
            "handshake", "ack", "datagram", "syn", "healthcheck", "callback", "webhook",
        ];
        // People send these too ("unanswered support requests"): a program's only when a
        // part of a system names them ("API requests", "TCP connections").
        const EITHER: &[&str] = &["request", "connection", "call"];
        let n = self.toks.len();
        let word_at = |k: usize| (k < n && !self.toks[k].boundary).then(|| singular(self.word(k)));
        match (word_at(i + 1), word_at(i + 2)) {
            (Some(a), _) if MACHINE.contains(&a) => true,
            (Some(_), Some(b)) if MACHINE.contains(&b) => true,
            (Some(_), Some(b)) if EITHER.contains(&b) => self.heads_a_thing(i + 1),
            _ => false,
        }
    }

    /// Whether the judgement adverb at `i0` ("recklessly") tells how a program behaved: "The
    /// migration tool behaved recklessly, locking the whole table" (round 34, f203's first
    /// run). Its clause's subject is a thing that acts or is built ("tool", "script",
    /// "scheduler", a part of a system) and no one is named anywhere in the sentence.
    fn adverb_of_a_things_conduct(&self, i0: usize, last: usize) -> bool {
        if i0 != last || !self.word(i0).ends_with("ly") {
            return false;
        }
        self.without_mark(|| {
            // The active verb the adverb follows ("behaved recklessly") or comes before ("the
            // scheduler recklessly killed") has the subject; a passive ("records were
            // carelessly kept") is people's conduct, and an adverb after the object ("handled
            // the codes incompetently") is read as it was.
            let active = |k: usize| is_past(self.word(k)) && !is_be(self.word(k));
            let verb = if i0 > 0 && active(i0 - 1) && !(i0 > 1 && is_be(self.word(i0 - 2))) {
                i0 - 1
            } else if active(i0 + 1) && !(i0 > 0 && is_be(self.word(i0 - 1))) {
                i0 + 1
            } else {
                return false;
            };
            let (c, j) = self.subject_class(verb);
            c == Class::Other
                && j.is_some_and(|j| self.names_a_program(j))
                && !self.names_anyone_else(0)
        })
    }

    /// Whether the word at byte `at` is an "Obviously" (or "obviously") and nothing in the
    /// sentence tells a past ([`Sentence::tells_a_past`]): a present judged plain, not a past
    /// that should have been foreseen (round 37). The whole sentence is read: for the model
    /// alone the word may stand after its verb ("it was obviously going to break").
    pub(super) fn obviously_of_the_present(&self, at: usize) -> bool {
        self.at(at)
            .is_some_and(|i| self.word(i) == "obviously" && !self.tells_a_past(0))
    }

    /// Whether the word at byte `at` names a misconfiguration ("misconfiguration",
    /// "misconfigured", "misconfig") and no person, role or group is in the sentence: a
    /// thing's state ("caused by management VLAN misconfiguration"), not a label for a slip
    /// (round 37).
    pub(super) fn misconfiguration_of_a_thing(&self, at: usize) -> bool {
        self.at(at).is_some_and(|i| {
            matches!(
                self.word(i),
                "misconfiguration" | "misconfigurations" | "misconfigured" | "misconfig"
            )
        }) && !self.names_anyone_but_as_a_modifier(0)
    }

    /// [`Sentence::names_anyone_else`] from token `from`, leaving out a person or group word
    /// that only modifies a part of a system after it ([`Sentence::heads_a_thing`]: "customer
    /// data", "management VLAN").
    fn names_anyone_but_as_a_modifier(&self, from: usize) -> bool {
        (from..self.toks.len()).any(|j| self.someone_else_at(j) && !self.heads_a_thing(j + 1))
    }

    /// Whether any word from token `from` on tells a past: a verb in the past ("was", "had",
    /// "knew", "failed", any `is_past` form) or a perfect ("have", "been"). Hindsight sees a
    /// past before the fact; a present alone ("this is embarrassing") sees nothing before it.
    fn tells_a_past(&self, from: usize) -> bool {
        (from..self.toks.len()).any(|k| {
            let w = self.word(k);
            // A participle after "be" is a present passive: "must not be exposed".
            let passive = k > 0 && (is_be(self.word(k - 1)) || self.word(k - 1) == "being");
            (is_past(w) && !passive)
                || matches!(
                    w,
                    "was"
                        | "were"
                        | "had"
                        | "have"
                        | "did"
                        | "knew"
                        | "been"
                        | "wasn't"
                        | "weren't"
                )
        })
    }

    /// After an editorial "Obviously" at `i`, the rest is a thing's plain past: it opens with a
    /// determiner, holds a past ("was called", "returned"), and nothing that foresees, denies,
    /// judges or names anyone: no modal, "going to", negation, fault or harm word, knowing or
    /// seeing, and no person, role or group.
    fn obviously_a_plain_past(&self, i: usize) -> bool {
        const NOT_PLAIN: &[&str] = &[
            "going",
            "gonna",
            "would",
            "will",
            "should",
            "could",
            "must",
            "might",
            "can",
            "never",
            "not",
            "no",
            "nobody",
            "none",
            "anyone",
            "anybody",
            "everyone",
            "everybody",
            "knew",
            "known",
            "know",
            "saw",
            "seen",
            "see",
            "obvious",
            "clear",
            "plain",
            "wrong",
            "bad",
            "badly",
            "broke",
            "broken",
            "fail",
            "failed",
            "fails",
            "failing",
            "hurt",
            "expire",
            "expired",
            "crash",
            "crashed",
            "lost",
            "late",
            "too",
            "only",
            "exactly",
            "why",
            "which",
            "but",
            "yet",
            "mistake",
            "error",
            "fault",
            "problem",
            "issue",
            "ignored",
            "missed",
            "skipped",
            "overlooked",
            "forgotten",
            "dropped",
            "deleted",
            "rejected",
            "corrupted",
            "wiped",
            "killed",
            "misconfigured",
            "outdated",
            "stale",
        ];
        let Some(first) = (i + 1..self.toks.len()).find(|&k| !self.toks[k].boundary) else {
            return false;
        };
        if !matches!(
            self.word(first),
            "the" | "a" | "an" | "this" | "that" | "each" | "every"
        ) {
            return false;
        }
        let rest = first..self.toks.len();
        // An event, not a state: "was called", "returned", "was getting heat back", not "was
        // out of date" or "was full".
        let past = rest.clone().any(|k| {
            let w = self.word(k);
            (matches!(w, "was" | "were")
                && (is_participle(self.word(k + 1)) || self.word(k + 1).ends_with("ing")))
                || (is_past(w) && !(k > 0 && matches!(self.word(k - 1), "was" | "were")))
        });
        past && !rest.clone().any(|k| NOT_PLAIN.contains(&self.word(k)))
            && !self.without_mark(|| self.names_anyone_else(first))
    }

    /// Whether the modal at token `k` ("should", "must") states a norm in the present: "should
    /// not be broken", "must never be", not "should have been" or "should not have".
    fn states_a_norm(&self, k: usize) -> bool {
        let mut j = k + 1;
        while j < self.toks.len() && matches!(self.word(j), "not" | "never") {
            j += 1;
        }
        matches!(self.word(k), "should" | "must")
            && self.word(j) == "be"
            && self.word(j + 1) != "been"
    }

    /// Whether a word from token `from` on names a person or a group other than the authors
    /// and the reader ("I", "we", "you"): a name, a role, a team, "he", "they", "nobody".
    fn names_anyone_else(&self, from: usize) -> bool {
        (from..self.toks.len()).any(|j| self.someone_else_at(j))
    }

    /// Whether token `j` is a person, a group or "nobody", and not the authors or the reader
    /// ("i", "we", "us", "you").
    fn someone_else_at(&self, j: usize) -> bool {
        let c = self.class(j);
        !matches!(self.word(j), "i" | "we" | "us" | "you")
            && (c.person() || matches!(c, Class::Group | Class::NegPronoun))
    }

    /// The match is only part of a hyphenated word ("careless-looking", "stupid-simple").
    fn part_of_compound(&self, ms: usize, me: usize) -> bool {
        self.toks
            .iter()
            .any(|t| !t.boundary && ((t.start < ms && ms < t.end) || (t.start < me && me < t.end)))
    }

    fn span_end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.end, |t| t.end)
    }

    /// Whether the words from token `at` (after "obvious from") name a source of evidence,
    /// "the telemetry", "the graphs", "the packet capture", rather than a moment: "the start",
    /// "the first alert", "the very beginning", "day one", "18:55". The head is the first
    /// word of the noun phrase that is not a determiner; a moment is told by "first",
    /// "very", "outset"-like heads, or a time.
    fn evidence_source(&self, at: usize) -> bool {
        let mut k = at;
        while matches!(
            self.word(k),
            "the" | "a" | "an" | "our" | "their" | "its" | "this" | "that" | "these" | "those"
        ) {
            k += 1;
        }
        let head = self.word(k);
        if head.is_empty() || head.as_bytes()[0].is_ascii_digit() {
            return false;
        }
        #[rustfmt::skip]
        const MOMENTS: &[&str] = &[
            "first", "very", "start", "beginning", "outset", "onset", "get", "go", "day",
            "moment", "minute", "second", "instant", "word", "off", "kickoff", "morning",
            "evening", "night", "time", "point", "earliest", "early", "opening", "launch",
            "initial", "one", "then", "there", "now", "here", "last", "previous", "week",
            "month", "year", "hour", "outage", "incident", "meeting", "review", "design",
        ];
        !MOMENTS.contains(&head) && !self.class(k).person()
    }

    /// Whether the clause that "which", "that" or "this" before the verb at `be` stands for
    /// (the words before it) tells a good outcome: a harm denied ("Nobody was turned away",
    /// "no orders were lost") or a recovery with no harm and no delay in it ("The queue
    /// drained by noon", "we recovered in ten minutes"). What is then laid "down to" someone
    /// is credit (round 51, f457's first run). "Nobody noticed the alert", "The outage lasted
    /// three hours" and "We only recovered after six hours" are no good outcome.
    /// Whether the clause from token `from` on denies harm right at its start: a negator that
    /// opens it as its subject ("no", "nobody", "nothing", "not one") and a word of harm at
    /// most four words after it, with nothing that sours it (round
    /// 61, f673's first run, a false finding: "Ibrahim kept the Offinso centre buying on paper
    /// slips, which is why no farmer there was turned away."). "… which is why nobody
    /// noticed for three hours" tells no harm word, "… which is why nobody knew the docks
    /// were down" tells it too far on, and "… is the reason we had no working failover"
    /// opens with its subject; all stay found.
    fn harm_denied_from(&self, from: usize) -> bool {
        let n = self.toks.len();
        let end = (from..n)
            .find(|&k| self.toks[k].boundary || self.is_break(k))
            .unwrap_or(n);
        let neg = from;
        let denies = match self.word(neg) {
            "nobody" | "no" | "none" | "nothing" | "zero" | "no-one" | "noone" => true,
            "not" => matches!(self.word(neg + 1), "one" | "a" | "single"),
            _ => false,
        };
        denies
            && (neg + 1..(neg + 5).min(end)).any(|k| tells_harm(self.word(k)))
            && !(from..end).any(|k| OUTCOME_SOURED.contains(&self.word(k)))
    }

    fn credits_an_outcome(&self, be: usize) -> bool {
        #[rustfmt::skip]
        const GOOD: &[&str] = &[
            "recovered", "restored", "drained", "resolved", "fixed", "back", "saved", "smooth",
            "smoothly", "quick", "quickly", "fast", "caught", "survived", "succeeded", "worked",
            "contained", "mitigated", "rescued", "stable", "healthy",
        ];
        // "that's" is one token; "that is" two.
        let pronoun = if matches!(self.word(be), "is" | "was" | "are" | "were") {
            match be.checked_sub(1) {
                Some(k) => k,
                None => return false,
            }
        } else {
            be
        };
        let head = self.word(pronoun).split(['\'', '’']).next().unwrap_or("");
        if pronoun == 0 || !matches!(head, "which" | "that" | "this") {
            return false;
        }
        let end = if self.word(pronoun - 1) == "and" {
            pronoun - 1
        } else {
            pronoun
        };
        let words = || {
            (0..end)
                .filter(|&k| !self.toks[k].boundary)
                .map(|k| self.word(k))
        };
        if words().any(|w| OUTCOME_SOURED.contains(&w)) {
            return false;
        }
        let harm = tells_harm;
        let negator = (0..end).find(|&k| {
            matches!(
                self.word(k),
                "nobody" | "no" | "none" | "nothing" | "zero" | "never" | "not" | "n't" | "no-one"
            )
        });
        match negator {
            Some(n) => (n..end).any(|k| harm(self.word(k))),
            None => words().any(|w| GOOD.contains(&w)) && !words().any(harm),
        }
    }

    /// Whether "been" at `i` ends a past modal perfect ("would have been", "could have been")
    /// whose subject opens its clause as an indefinite noun phrase of things: "A complete
    /// outage would have been obvious", "An alarm on the queue depth could have been …". A
    /// case supposed in place of the one that happened, not a judgement of anyone's sight
    /// (round 51, f456's first run). "It would have been", "The bug would have been" and
    /// "A careful reviewer would have been" are no such case.
    fn supposes_another_case(&self, i: usize) -> bool {
        if i < 3 || self.word(i) != "been" || self.word(i - 1) != "have" {
            return false;
        }
        let m = i - 2;
        if !is_past_modal(self.word(m)) {
            return false;
        }
        let c = self.clause_start(m);
        matches!(self.word(c), "a" | "an")
            && m > c + 1
            && m - c <= 6
            && (c + 1..m).all(|k| {
                !self.toks[k].boundary
                    && (self.is_thing_word(k, true)
                        || matches!(self.word(k), "on" | "in" | "of" | "at" | "the"))
            })
    }

    fn rest_has(&self, from: usize, words: &[&str]) -> bool {
        self.toks[from.min(self.toks.len())..]
            .iter()
            .any(|t| words.contains(&t.word.as_str()))
    }
}

/// The rule for an agent of a fault verb or a careless act.
///
/// `we` is left to the model: "We messed up.", "we broke checkout for 40 minutes" and "we
/// forgot to renew the certificate" are the organisation owning what happened, the voice a
/// blameless report is written in, not one person named as the cause (round 7: "We messed up."
/// was real5's one false error, as individual fault). "I" is a person here; the author alone
/// reporting a fault verb, an accident or a mistake is left out by its kinds
/// (`Sentence::author_alone`). "we should have …" and "I should have …" stay counterfactuals
/// (`modal_perfect`).
fn agent_rule(c: Class) -> Option<Rule> {
    match c {
        Class::We => None,
        Class::Group => Some(Rule::TeamBlame),
        c if c.person() => Some(Rule::IndividualFault),
        _ => None,
    }
}

/// Whether the sentence tells the act as one its procedure asks for (round 45, f377's and
/// f373's first runs): "… exactly as their training says", "as the runbook requires",
/// "following step 6 of the deployment guide", "per the playbook". `words` are lower case.
pub(super) fn done_as_told(words: &[&str]) -> bool {
    const GUIDES: &[&str] = &[
        "training",
        "runbook",
        "procedure",
        "policy",
        "process",
        "checklist",
        "playbook",
        "sop",
        "guidance",
        "instructions",
        "guide",
        "plan",
        "protocol",
        "manual",
    ];
    const TELLS: &[&str] = &[
        "says",
        "said",
        "requires",
        "required",
        "intends",
        "intended",
        "prescribes",
        "tells",
        "told",
        "expects",
        "expected",
        "instructs",
        "directs",
        "specifies",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| {
        let as_it_says = w(k) == "as"
            && (k + 1..(k + 5).min(words.len())).any(|g| {
                GUIDES.contains(&w(g))
                    && (g + 1..(g + 3).min(words.len())).any(|t| TELLS.contains(&w(t)))
            });
        // Not "instead of following the runbook", "without following the procedure".
        let following = matches!(w(k), "following" | "per")
            && !(k > 0 && matches!(w(k - 1), "of" | "without" | "not" | "never" | "stopped"))
            && (k + 1..(k + 7).min(words.len())).any(|g| GUIDES.contains(&w(g)));
        as_it_says || following
    })
}

/// Whether the sentence tells someone acting on their own initiative, before anyone asked
/// (round 46, f385's and f386's first runs, a false error): "Nattaya didn't wait to be asked
/// before moving her agents", "approves refunding every duplicate without waiting for members
/// to ask". Not waiting for a request, an instruction or a reminder is initiative; not waiting
/// for CI, a review or an approval stays a careless act. So is work "not in anyone's job
/// description" (round 51). `words` are lower case.
pub(super) fn acts_unasked(words: &[&str]) -> bool {
    const ASKED: &[&str] = &[
        "asked",
        "told",
        "prompted",
        "invited",
        "chased",
        "reminded",
        "instructed",
    ];
    const ASK: &[&str] = &[
        "ask", "tell", "request", "complain", "chase", "prompt", "remind", "instruct", "call",
        "escalate", "report",
    ];
    const REQUESTS: &[&str] = &[
        "request",
        "requests",
        "instructions",
        "reminder",
        "prompting",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| {
        if !matches!(w(k), "wait" | "waited" | "waiting" | "job") {
            return false;
        }
        let denied = (k.saturating_sub(2)..k)
            .any(|d| matches!(w(d), "without" | "didn't" | "not" | "never" | "n't"));
        let to_be_asked = w(k + 1) == "to" && w(k + 2) == "be" && ASKED.contains(&w(k + 3));
        let for_someone_to_ask = w(k + 1) == "for"
            && (k + 2..(k + 7).min(words.len()))
                .any(|t| (w(t) == "to" && ASK.contains(&w(t + 1))) || REQUESTS.contains(&w(t)));
        // "he keeps them up to date every Friday, which is not in anyone's job description"
        // (round 51, f464's first run): work beyond the job, told plainly. "apparently not in
        // Dave's job description" is irony, and stays judged.
        let beyond_the_job = w(k) == "job"
            && w(k + 1) == "description"
            && (k.saturating_sub(4)..k).any(|d| {
                // "wasn't in anyone's job description" (round 53, f498's first run) as well.
                matches!(w(d), "not" | "n't" | "beyond" | "outside") || w(d).ends_with("n't")
            })
            && !words.iter().any(|x| {
                matches!(
                    *x,
                    "apparently" | "obviously" | "clearly" | "seemingly" | "evidently" | "surely"
                )
            });
        beyond_the_job || (denied && (to_be_asked || for_someone_to_ask))
    })
}

/// Whether the sentence credits someone's work with harm kept away rather than faulting it
/// (round 45, used sets' false findings): the idiom "broke it open" ("Nadia's test on
/// Saturday afternoon is what broke it open"), or a reason or a cleft ("is the reason", "is
/// what", "is why") whose harm is denied its spread ("… is the reason the second bad mapping
/// never reached production"). The denied verb must tell harm spreading, and what did not
/// spread must be harm ("the reason the bug never got caught", "the reason the purge never
/// reached the edges" are no credit), or a smaller loss told against a larger one ("the reason
/// we lost 340 wheels and not 2,800"), or what someone could do, better than it would have
/// gone ("the reason the inspector could close this in one visit rather than three"), or a
/// loss denied ("which is why no collection was lost", round 53). `words` are lower case.
/// Word stems of harm to people or service, for outcomes credited or denied: "turned away",
/// "lost", "dropped", "stranded", "charged", "delayed", ….
#[rustfmt::skip]
const OUTCOME_HARM: &[&str] = &[
    "turned", "lost", "los", "dropp", "miss", "strand", "hurt", "harm", "injur", "affect",
    "impact", "charg", "corrupt", "broke", "break", "fail", "down", "outage", "complain",
    "refund", "wait", "delay", "cancel", "crash", "leak", "error", "stuck",
];

/// Words that sour an outcome told as good: it came late, only in part, or not yet.
#[rustfmt::skip]
const OUTCOME_SOURED: &[&str] = &[
    "only", "late", "later", "finally", "eventually", "slow", "slowly", "still", "again",
    "but", "though", "took", "hours", "days", "wrong", "until", "yet",
];

/// Whether `w` (lower case) is a word of harm ([`OUTCOME_HARM`]); each part of a hyphened word
/// is read ("double-charged").
fn tells_harm(w: &str) -> bool {
    w.split('-')
        .any(|part| OUTCOME_HARM.iter().any(|h| part.starts_with(h)))
}

pub(super) fn credits_harm_kept_away(words: &[&str]) -> bool {
    const SPREAD: &[&str] = &[
        "reached",
        "hit",
        "spread",
        "affected",
        "happened",
        "escalated",
        "impacted",
        "propagated",
        "touched",
        "left",
    ];
    // What was kept away must be harm itself: "the purge never reached the edges" and "the
    // alerts never reached the pit supervisor" tell help that did not arrive.
    const HARMFUL: &[&str] = &[
        "bad",
        "broken",
        "wrong",
        "faulty",
        "buggy",
        "corrupt",
        "corrupted",
        "bug",
        "bugs",
        "error",
        "errors",
        "defect",
        "defects",
        "regression",
        "outage",
        "breakage",
        "leak",
        "malware",
        "duplicates",
        "duplicate",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| {
        let broke_open = matches!(w(k), "broke" | "cracked" | "breaks" | "cracks")
            && matches!(w(k + 1), "it" | "this" | "that" | "the")
            && (w(k + 2) == "open" || w(k + 3) == "open");
        // "is the reason", "is what", "is why" at `k`.
        let gives_a_reason = matches!(w(k), "is" | "was" | "'s")
            && (matches!(w(k + 1), "what" | "why") || (w(k + 1) == "the" && w(k + 2) == "reason"));
        let reason = gives_a_reason
            && (k + 2..(k + 10).min(words.len())).any(|n| {
                matches!(
                    w(n),
                    "never" | "not" | "n't" | "didn't" | "wasn't" | "hasn't"
                ) && (n + 1..(n + 3).min(words.len())).any(|v| SPREAD.contains(&w(v)))
                    && (k + 2..n).any(|h| HARMFUL.contains(&w(h)))
            });
        // "Mirela's query plan analysis is what identified the missing index", "Dmitri's
        // patch from Tuesday is what stopped the duplicate charges" (round 46, f393's first
        // run on the final code): a cleft whose verb finds or mends (not "flagged" or
        // "pointed", which may be the harm: "is what flagged every bibliography as
        // plagiarised"), or ends harm named right after it.
        let credit_cleft = matches!(w(k), "is" | "was" | "'s")
            && w(k + 1) == "what"
            && (matches!(
                w(k + 2),
                "identified"
                    | "found"
                    | "caught"
                    | "spotted"
                    | "noticed"
                    | "diagnosed"
                    | "fixed"
                    | "restored"
                    | "recovered"
                    | "saved"
                    | "resolved"
                    | "solved"
                    | "traced"
                    | "detected"
                    | "revealed"
            ) || (matches!(
                w(k + 2),
                "stopped" | "ended" | "halted" | "contained" | "limited" | "prevented"
            ) && (k + 3..(k + 8).min(words.len())).any(|h| HARMFUL.contains(&w(h)))));
        // "Zofia's morning round is the reason we lost 340 wheels and not 2,800" (round 51,
        // f464's first run): a reason for a smaller loss, told against the larger one ("and
        // not", "rather than", "instead of") or with "only".
        let smaller_loss = gives_a_reason
            && (k + 2..(k + 10).min(words.len())).any(|n| {
                matches!(
                    w(n),
                    "lost" | "dropped" | "missed" | "spoiled" | "scrapped" | "refunded" | "lose"
                ) && (w(n - 1) == "only"
                    || w(n + 1) == "only"
                    || (n + 1..(n + 8).min(words.len())).any(|m| {
                        matches!(
                            (w(m), w(m + 1)),
                            ("and", "not")
                                | ("rather", "than")
                                | ("instead", "of")
                                | ("not", "all")
                        )
                    }))
            });
        // "The paper book she kept during the outage is the reason the inspector could close
        // this in one visit rather than three" (round 52, f475's first run): a reason for what
        // someone could do, better than it would have gone ("rather than", "instead of", "and
        // not"). "… is the reason we could not restore" is denied, and stays judged.
        let better_outcome = gives_a_reason
            && (k + 2..(k + 8).min(words.len())).any(|n| {
                (w(n) == "could" || (matches!(w(n), "was" | "were") && w(n + 1) == "able"))
                    && !matches!(w(n + 1), "not" | "n't" | "never" | "no")
                    && (n + 1..(n + 10).min(words.len())).any(|m| {
                        matches!(
                            (w(m), w(m + 1)),
                            ("and", "not") | ("rather", "than") | ("instead", "of")
                        )
                    })
            })
            && !words
                .iter()
                .any(|x| matches!(*x, "couldn't" | "not" | "n't" | "never" | "nobody"));
        // "The Eldoret team kept the manual tanker log going through the outage, which is why
        // no collection was lost there." (round 53, f506's first run): a reason for a loss
        // denied. "… is why no alert was sent" denies help, not harm, and stays judged.
        let loss_denied = gives_a_reason
            && (k + 2..(k + 8).min(words.len())).any(|n| {
                matches!(
                    w(n),
                    "no" | "nothing"
                        | "none"
                        | "never"
                        | "not"
                        | "n't"
                        | "didn't"
                        | "wasn't"
                        | "weren't"
                ) && (n + 1..(n + 5).min(words.len())).any(|v| {
                    matches!(
                        w(v),
                        "lost" | "lose" | "spoiled" | "spoilt" | "wasted" | "damaged" | "corrupted"
                    )
                })
            });
        // "Ana's rollback at 11:05 is the reason the penalty covered five intervals instead
        // of twenty", "… is why the second outage lasted minutes instead of hours" (round 58,
        // f625's and f600's false findings): a reason for an extent smaller than the one it
        // is told against. "… is the reason the outage lasted hours instead of minutes" is
        // the larger, and stays judged; so is a clause's reason ("… without telling anyone,
        // and that is why 1,140 operators were paid for 22 days instead of 26"), where the
        // smaller extent may be the harm.
        let smaller_extent = gives_a_reason
            && !matches!(w(k.wrapping_sub(1)), "that" | "which" | "this" | "it")
            && (k + 3..(k + 14).min(words.len())).any(|m| {
                let told_against = matches!(
                    (w(m), w(m + 1)),
                    ("and", "not") | ("rather", "than") | ("instead", "of")
                );
                let before = extent(&words[m.saturating_sub(3)..m]);
                let after = extent(&words[(m + 2).min(words.len())..(m + 5).min(words.len())]);
                told_against
                    && (before.0.is_some() || before.1.is_some())
                    && (after.0.is_some() || after.1.is_some())
                    && (before.0.or(after.0), before.1.unwrap_or(1))
                        < (after.0.or(before.0), after.1.unwrap_or(1))
            });
        broke_open
            || reason
            || credit_cleft
            || smaller_loss
            || better_outcome
            || loss_denied
            || smaller_extent
    })
}

/// The extent a few words tell: the largest unit of time among them (`Some(0)` for a second
/// up to `Some(6)` for a year) and the first count, in digits ("340", "2,800") or a word
/// ("five", "twenty", "hundreds"). Either is `None` when the words hold none. `words` are
/// lower case.
fn extent(words: &[&str]) -> (Option<u8>, Option<u64>) {
    const UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year"];
    const COUNTS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: &[(&str, u64)] = &[
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("hundreds", 100),
        ("thousand", 1_000),
        ("thousands", 1_000),
        ("million", 1_000_000),
        ("millions", 1_000_000),
    ];
    let unit = words
        .iter()
        .filter_map(|w| {
            let one = w.strip_suffix('s').unwrap_or(w);
            UNITS.iter().position(|u| *u == one).map(|r| r as u8)
        })
        .max();
    let count = words.iter().find_map(|w| {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits.parse().ok();
        }
        COUNTS
            .iter()
            .position(|c| c == w)
            .map(|n| n as u64)
            .or_else(|| TENS.iter().find(|(t, _)| t == w).map(|(_, n)| *n))
    });
    (unit, count)
}

/// Verbs that credit the person a cleft picks out rather than blame them: "It was Priya who
/// spotted the alert", "Tariq was the one who noticed the skew", "it was our users who let us
/// know". Finding, telling and mending are what responders are thanked for.
const CREDIT_VERBS: &[&str] = &[
    "spotted",
    "noticed",
    "caught",
    "found",
    "fixed",
    "raised",
    "flagged",
    "paged",
    "escalated",
    "recovered",
    "restored",
    "saved",
    "diagnosed",
    "worked",
    "figured",
    "suggested",
    "proposed",
    "reported",
    "discovered",
    "identified",
    "alerted",
    "warned",
    "notified",
    "told",
    "called",
    "rang",
    "phoned",
    "helped",
    "stayed",
    "volunteered",
    "led",
    "coordinated",
    "solved",
    "resolved",
    "rescued",
    "traced",
    "debugged",
    "investigated",
    "pointed",
    "asked",
    "answered",
    "responded",
    "stepped",
    "remembered",
    "realised",
    "realized",
    "knew",
    "checked",
    "tested",
    "wrote",
    "documented",
    "explained",
    "organised",
    "organized",
    "handled",
    "managed",
    "confirmed",
    "declared",
    "opened",
    "recognised",
    "recognized",
    "prepared",
];

/// Words that make the part between "it was" and "who" something other than the person picked
/// out: a predicate and who it was clear to ("it was unclear to the team who owned the pager"),
/// a negation ("it was not the person who ran it who caused this"), a question word, a
/// quantifier over everyone ("it is assumed that all people who took part …").
const CLEFT_NOT_FOCUS: &[&str] = &[
    "to",
    "for",
    "of",
    "on",
    "in",
    "at",
    "by",
    "with",
    "about",
    "from",
    "over",
    "than",
    "not",
    "never",
    "no",
    "whether",
    "why",
    "how",
    "when",
    "where",
    "what",
    "clear",
    "unclear",
    "obvious",
    "apparent",
    "evident",
    "known",
    "unknown",
    "hard",
    "easy",
    "difficult",
    "impossible",
    "confusing",
    "only",
    "also",
    "usually",
    "always",
    "often",
    "sometimes",
    "that",
    "all",
    "those",
    "these",
    "any",
    "every",
    "everyone",
    "anyone",
    "and",
    "or",
    "worth",
    "like",
    "then",
];

/// Verbs after a cleft's "who" that tell no act of the person's: being, having, receiving,
/// holding a post ("It was the payments team who got paged first", "Chen was the only person
/// who had access", "the platform team who inherited the service").
const CLEFT_NO_ACT: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "had",
    "has",
    "have",
    "got",
    "gets",
    "get",
    "held",
    "holds",
    "owned",
    "owns",
    "received",
    "receives",
    "inherited",
    "bore",
    "took",
    "joined",
    "carried",
    "could",
    "would",
    "should",
    "can",
    "will",
    "must",
    "might",
    "may",
];

/// Verbs in the past that find, report or mend a wrong thing rather than act on it: "spotted
/// the wrong timezone", "corrected the wrong value" (`Kind::CarelessAction`, round 26).
#[rustfmt::skip]
const FOUND_OR_MENDED: &[&str] = &[
    "noticed", "spotted", "flagged", "reported", "detected", "found", "discovered", "saw",
    "caught", "identified", "confirmed", "fixed", "corrected", "replaced", "reverted", "traced",
    "explained", "suspected", "checked", "investigated", "diagnosed", "realised", "realized",
    "recognised", "recognized", "observed", "mentioned", "highlighted", "questioned",
    "undid", "repaired", "received", "got", "showed", "displayed", "returned", "printed", "logged", "raised",
    "warned", "asked", "queried", "guessed", "feared", "assumed", "thought", "heard",
    // Round 42 (real173's first run on the final code): "The DevOps Engineer determined an
    // error in a wrong continuous deployment process …".
    "determined", "established", "located", "pinpointed", "uncovered", "isolated", "verified",
];

/// Verbs that do harm by themselves, and words that tell harm or a wrong way of acting, for the
/// clefts round 15 added: "It was the show secretary who pasted last year's spreadsheet over the
/// class list and wiped forty-two entries", "Sione is the one who edited the expiry rule that let
/// lapsed members in".
/// Decisions only people make, which a cleft focuses on as fault without a word of harm
/// ("It was the release manager who approved the change", "… that waved it through").
#[rustfmt::skip]
const CLEFT_DECISIONS: &[&str] = &[
    "approved", "merged", "pushed", "shipped", "skipped", "ignored", "rushed", "bypassed",
    "overrode", "overridden", "waved", "greenlit", "okayed", "signed", "disabled",
    "dismissed", "overruled", "vetoed",
];

const CLEFT_HARM: &[&str] = &[
    // "It was the help desk that made the Chromebook problem ten times worse" (round 20).
    "worse",
    "deleted",
    "dropped",
    "truncated",
    "wiped",
    "erased",
    "overwrote",
    "overwritten",
    "broke",
    "broken",
    "corrupted",
    "nuked",
    "scrambled",
    "mislabelled",
    "mislabeled",
    "misconfigured",
    "unplugged",
    "yanked",
    "disabled",
    "leaked",
    "double-booked",
    "overbooked",
    "double-charged",
    "force-pushed",
    "killed",
    "crashed",
    "locked",
    "stranded",
    "lost",
    "wrong",
    "without",
    "instead",
    "lapse",
    "lapsed",
    "wrecked",
    "wrecking",
    "ruined",
    "delete",
    "outage",
    "offline",
    "off",
];

/// A cleft that picks out the person or team who did the act. One word between "it was" and
/// "who" ("It was Jonas who broke the payment flow", "it was the DBAs who …") is read as before
/// round 15, whatever the act; a verb that credits (`CREDIT_VERBS`: "It was Priya who spotted
/// the alert") or tells no act (`CLEFT_NO_ACT`) is none. The longer forms round 15 added ("It
/// was the trust treasurer who copied …", "it's the falconry staff who scrambled …", "Dk Amal
/// is the one who turned off …") also need the harm told (`CLEFT_HARM`) and an act in the past
/// or a habit: without them they credit responders and describe roles as often ("It was the
/// database team who rolled back the schema change", "it is the incident commander who
/// decides"), as the round's review showed.
fn cleft(
    s: &Sentence,
    ms: usize,
    me: usize,
    i0: usize,
    who: usize,
    matched: &str,
) -> Option<Found> {
    let that = s.word(who) == "that";
    if !(that || s.word(who) == "who") || s.negated_before(i0) {
        return None;
    }
    let mut v = who + 1;
    while v < s.toks.len() && (is_adverb(s.word(v)) || s.word(v) == "first") {
        v += 1;
    }
    let verb = s.word(v);
    let n = s.toks.len();
    // "It was Sanna who saw the pattern on Saturday morning, by reading through her own call
    // notes" (round 55, f542's first run on round 54's final code, a false error): seeing or
    // hearing put in focus credits the detection, unless the sentence goes on with what was
    // not done about it ("… who saw the alert and did nothing", "… but said nothing") or
    // with a second act that is no credit ("… and went back to sleep").
    let perceived = matches!(verb, "saw" | "heard" | "sensed")
        && !(v + 1..n).any(|k| {
            let w = s.word(k);
            matches!(
                w,
                "not"
                    | "n't"
                    | "never"
                    | "nothing"
                    | "nobody"
                    | "ignored"
                    | "dismissed"
                    | "late"
                    | "too"
                    | "only"
                    | "yet"
                    | "still"
                    | "anyway"
                    | "without"
            ) || w.ends_with("n't")
                || (matches!(w, "and" | "but" | "then")
                    && !CREDIT_VERBS.contains(&s.word(k + 1))
                    && !matches!(s.word(k + 1), "her" | "his" | "their" | "the" | "a" | "an"))
        });
    let credit = perceived
        || CREDIT_VERBS.contains(&verb)
        || (verb == "let" && matches!(s.word(v + 2), "know" | "knew"));
    if credit || CLEFT_NO_ACT.contains(&verb) {
        return None;
    }
    // The pattern before round 15: "it was WORD who", "it was the WORD who".
    let words: Vec<&str> = matched.split_whitespace().collect();
    // "It was the planners, not the software, who built …" (round 35, f211's first run): the
    // focus is what stands before the denied alternative.
    let denied = (i0 + 1..who).find(|&k| s.word(k) == "not" && k > 0 && s.toks[k - 1].boundary);
    let harm = CLEFT_DECISIONS.contains(&verb)
        || (v..s.toks.len())
            .take(16)
            .any(|j| CLEFT_HARM.contains(&s.word(j)));
    let one_word = matches!(
        words.as_slice(),
        ["it", "was", _, "who"] | ["it", "was", "the", _, "who"]
    );
    // "It was the tournament committee that scrambled the draw": "that" after a person or a
    // team is read as the longer forms are, and only with a verb right after it ("it was the
    // script that the team wrote" is no cleft of the team).
    if that && !(is_past(verb) || CLEFT_HARM.contains(&verb)) {
        return None;
    }
    if !one_word {
        // A decision only people make is the act a cleft puts in focus, harm told or not:
        // "It was Grace Park who approved the CAD patch in the middle of peak hours" (round
        // 28, f187's first run).
        let past = words.get(1) == Some(&"was") || words.first() == Some(&"was");
        // "who keep wrecking …" is a habit; "who keep getting paged" is not an act.
        let habit = matches!(verb, "keep" | "keeps")
            && !matches!(s.word(v + 1), "getting" | "being" | "having");
        if !harm || !(past || is_past(verb) || habit) {
            return None;
        }
    }
    let c = if words.first().is_some_and(|w| w.starts_with("it")) {
        // A verb in the focus makes it a clause ("it is assumed that all people who …").
        let clause = |k: usize| {
            let w = s.word(k);
            CLEFT_NOT_FOCUS.contains(&w)
                || w.ends_with("ing")
                || (k > i0 + 1 && (is_past(w) || is_participle(w)))
        };
        let end = denied.unwrap_or(who);
        if (i0 + 1..end).any(clause) {
            return None;
        }
        let focus = match denied {
            Some(n) => n.checked_sub(2)?,
            None => who.checked_sub(1)?,
        };
        match s.loose_class(focus) {
            // "It was Chidi's retention change that choked the queue" (round 35).
            Class::Other => s
                .possessor_of(focus)
                .map(|(_, c)| c)
                .or_else(|| animate_focus(s, focus, that, harm))
                .unwrap_or(Class::Other),
            c => c,
        }
    } else {
        s.subject_class(i0).0
    };
    // "I'm the one who truncated the queue table on the primary instead of the replica", "I
    // was the one who broke it" (round 60, f661–f664's first runs): the author puts their own
    // harmful act in focus, a reproach of oneself. The longer form's harm is required above.
    let by_the_author = !one_word
        && (words.first().is_some_and(|w| {
            let w = w.to_lowercase();
            w.starts_with("i'm") || w.starts_with("i’m")
        }) || (i0 > 0 && s.word(i0 - 1) == "i" && !s.toks[i0 - 1].boundary));
    if by_the_author {
        return found(Rule::IndividualFault, ms, me);
    }
    agent_rule(c)
        .filter(|_| c != Class::We && c != Class::Pronoun)
        .and_then(|r| found(r, ms, me))
}

/// A cleft's focus that no list knows, read as people from "who" (round 35, f211's first
/// run): English keeps "who" for people and their groups, so "It was the planners who broke
/// the roster" puts people in focus where "It was the planner that …" may be a program (a
/// word known as a program or a part of a system stays one: "the nightly job who"). Only
/// with harm told or a decision only people make, as for the longer clefts, since "It was the
/// users who noticed first" blames no one; a plural is a group, a singular a role; a
/// capitalised word or an identifier is left to the name rules.
fn animate_focus(s: &Sentence, focus: usize, that: bool, harm: bool) -> Option<Class> {
    let t = s.toks.get(focus)?;
    if that || !harm || t.boundary || t.cap || t.odd || t.handle || t.poss {
        return None;
    }
    let w = s.word(focus);
    if !w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        || w.len() < 3
        // "It was the nightly job who deleted the rows": a program, whatever the pronoun.
        || s.names_a_program(focus)
        || super::lexicon::is_system_part(w)
    {
        return None;
    }
    Some(if singular(w) != w {
        Class::Group
    } else {
        Class::Role
    })
}

/// Role nouns that also name a program or a thing ("supervisor", "dispatcher", "picker",
/// "courier"; `dictionary::ROLES_WITH_OTHER_SENSES` leaves them out for that reason), read as
/// people only from what the sentence says of them (`role_by_its_act`, `role_by_its_trait`).
#[rustfmt::skip]
const OTHER_SENSES: &[&str] = &[
    "supervisor", "dispatcher", "picker", "packer", "courier", "inspector", "trainer",
    "pilot", "guard", "warden", "marshal", "rider",
];

/// Decides whether the trigger `kind` matched at `ms..me` is blame in this sentence.
///
/// A finding asked about or designed for rather than asserted is none
/// (`Sentence::does_not_assert`): "was this a
/// human error?", "the client asked whether staff would be disciplined", "someone asked
/// whether the operator should have checked the load".
pub(super) fn evaluate(kind: Kind, s: &Sentence, ms: usize, me: usize) -> Option<Found> {
    let f = evaluate_kind(kind, s, ms, me)?;
    if f.rule == Rule::Counterfactual
        && substitution_test(&s.toks.iter().map(|t| t.word.as_str()).collect::<Vec<_>>())
    {
        return None;
    }
    (!s.does_not_assert(f.rule, s.at(ms))).then_some(f)
}

/// Where the object of a sentence that weighs a word as a choice stands, if the sentence opens
/// at `k0` (read through `word`) with "Calling", "Labelling", "Describing" or "To call":
/// `k0 + 1`, or `k0 + 2` after "To call". The opening `Sentence::weighs_a_label` reads on the
/// rules' tokens and `engine::weighs_a_word` on the model's finding.
pub(super) fn calling_object<'w>(word: impl Fn(usize) -> &'w str, k0: usize) -> Option<usize> {
    match word(k0) {
        "calling" | "labelling" | "labeling" | "describing" => Some(k0 + 1),
        "to" if word(k0 + 1) == "call" => Some(k0 + 2),
        _ => None,
    }
}

/// Whether the word at `k` of `n` (read through `word`) is a detection told as coming first: a
/// verb of detection ("found", "caught", "spotted", "noticed") in the passive or with "we",
/// then within four words "before", "early", "earlier", "within" or "in time": "… the
/// duplicates were found before any disbursement went out twice" (round 54, f538's first run).
/// Read by `Kind::ReasonIs` on the rules' tokens and by the engine's gate on the model's
/// finding (`engine::detection_came_first`).
pub(super) fn found_first_at<'w>(word: impl Fn(usize) -> &'w str, k: usize, n: usize) -> bool {
    matches!(
        word(k),
        "found" | "caught" | "detected" | "spotted" | "noticed" | "identified" | "discovered"
    ) && k
        .checked_sub(1)
        .is_some_and(|p| matches!(word(p), "was" | "were" | "got" | "we" | "been"))
        && (k + 1..(k + 5).min(n)).any(|m| {
            matches!(word(m), "before" | "early" | "earlier" | "within")
                || (word(m) == "in" && word(m + 1) == "time")
        })
}

/// Whether the words hold a denial ("no longer", "did not", "didn't", "never", "stopped")
/// right before a verb of showing or asking ("listed", "showed", "prompted", "included",
/// "required", "flagged"): what should have prompted an act, told as not doing it.
pub(super) fn denies_a_prompt<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    #[rustfmt::skip]
    const SHOWING: &[&str] = &[
        "list", "listed", "lists", "show", "showed", "shown", "shows", "display", "displayed",
        "prompt", "prompted", "include", "included", "mention", "mentioned", "ask", "asked",
        "require", "required", "flag", "flagged", "warn", "warned",
    ];
    let words: Vec<&str> = words.collect();
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| {
        let (denial, verb_at) = match w(k) {
            "no" if w(k + 1) == "longer" => (true, k + 2),
            "did" if matches!(w(k + 1), "not" | "n't" | "n’t") => (true, k + 2),
            "didn't" | "didn’t" | "never" | "stopped" => (true, k + 1),
            _ => (false, k),
        };
        denial && SHOWING.contains(&w(verb_at))
    })
}

/// Whether the label in `words[a..b]` (lower case) is set aside by the sentence: doubted
/// right before it ("We found no evidence that human error caused the overbooking", "nothing
/// suggests operator error"), or reported from a source and replaced by what the authors
/// found ("The vendor's report lists the cause as human error at site; our investigation
/// found a firmware defect instead"; round 56, f576's and f575's first runs, the second a
/// false error). "Human error caused the overbooking" and "the report lists the cause as
/// human error" stay found, and so does a label "instead of" something.
pub(super) fn label_set_aside(words: &[&str], a: usize, b: usize) -> bool {
    const DOUBT: &[&str] = &[
        "evidence",
        "sign",
        "signs",
        "indication",
        "indications",
        "proof",
        "suggestion",
    ];
    #[rustfmt::skip]
    const REPORTED: &[&str] = &[
        "lists", "listed", "says", "said", "states", "stated", "records", "recorded",
        "classified", "classifies", "attributed", "attributes", "cites", "cited", "claims",
        "claimed", "blames", "blamed", "gives", "gave", "called", "calls",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let before = a.saturating_sub(4)..a;
    let doubted = before.clone().any(|k| {
        (DOUBT.contains(&w(k))
            && k > 0
            && matches!(w(k - 1), "no" | "little" | "nothing" | "without" | "any"))
            || (w(k) == "nothing"
                && matches!(
                    w(k + 1),
                    "suggests" | "suggested" | "indicates" | "indicated" | "points" | "pointed"
                ))
    });
    let reported = (a.saturating_sub(8)..a).any(|k| REPORTED.contains(&w(k)));
    let replaced = reported
        && (b..words.len()).any(|k| {
            w(k) == "instead"
                && w(k + 1) != "of"
                && (b..k).any(|f| {
                    matches!(
                        w(f),
                        "found" | "showed" | "shows" | "traced" | "identified" | "revealed"
                    )
                })
        });
    doubted || replaced
}

/// Whether the label whose words end before `at` is denied as the cause right after it: a
/// copula, a negation ("not", "never", "n't", "rarely") and, within four words, a noun of cause
/// or problem: "A small human mistake is never the true problem" (round 28, a real report's
/// first run), "operator error isn't the real story here". The author rejects the label;
/// "human error was the cause" stays found. `words` are lower case.
pub(super) fn denied_as_cause(words: &[&str], at: usize) -> bool {
    const CAUSE: &[&str] = &[
        "problem",
        "cause",
        "issue",
        "explanation",
        "reason",
        "story",
        "answer",
        "culprit",
        "point",
        "root",
        // Round 54 (f536's first run): "Careless handling of cash was not a factor".
        "factor",
        "contributor",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let mut k = at;
    let copula = w(k);
    if !matches!(
        copula,
        "is" | "was" | "are" | "were" | "isn't" | "wasn't" | "aren't" | "weren't"
    ) {
        return false;
    }
    k += 1;
    if !copula.ends_with("n't") {
        if !matches!(w(k), "not" | "never" | "n't" | "rarely" | "seldom") {
            return false;
        }
        k += 1;
    }
    // "was not the only cause", "was not the main factor" still make it one (round 54).
    let (mut found, mut partial) = (false, false);
    for j in k..(k + 4).min(words.len()) {
        if matches!(
            w(j),
            "only" | "sole" | "just" | "main" | "primary" | "biggest" | "single" | "whole"
        ) {
            partial = true;
        }
        if CAUSE.contains(&singular(w(j))) {
            found = true;
            break;
        }
    }
    found && !partial
}

/// Words that open a participle clause of belief: "Assuming …,", "Fearing …,". What the
/// clause holds is someone's belief at the time, not the report's claim.
pub(crate) const BELIEF_PARTICIPLES: [&str; 9] = [
    "assuming",
    "presuming",
    "believing",
    "thinking",
    "suspecting",
    "fearing",
    "guessing",
    "convinced",
    "worried",
];

/// Whether the sentence doubts that anyone did something, which denies it as "nobody knew"
/// does: "doubt", "doubts" or "doubted", then at most "that" or "whether", then "anyone",
/// "anybody" or "any" ("We doubt anyone on the team knew of it", "I doubt that any reviewer
/// would have caught it"; round 38, f248's first run). `words` are lower case.
pub(super) fn doubts_anyone(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        matches!(*w, "doubt" | "doubted" | "doubts")
            && words
                .iter()
                .skip(k + 1)
                .take(2)
                .find(|x| !matches!(**x, "that" | "whether"))
                .is_some_and(|x| matches!(*x, "anyone" | "anybody" | "any"))
    })
}

/// Whether the sentence is the substitution test, the blameless method's own counterfactual:
/// another person put in the same place, and the same outcome ("Had a different person done
/// it, the file would have been identical", round 28, f189's first run; "anyone else on
/// that shift would have done the same"). Another person: "different", "another" or "other"
/// at most two words before a word for a person ("person", "engineer", "one", "operator",
/// …), or "someone else", "anyone else", "somebody else", "anybody else". The same outcome:
/// "same", "identical", "no different", "likewise" or "just as".
pub(super) fn substitution_test(words: &[&str]) -> bool {
    const OTHER: &[&str] = &["different", "another", "other"];
    const SOMEONE: &[&str] = &["someone", "anyone", "somebody", "anybody"];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let someone_else = (0..words.len()).any(|k| {
        (SOMEONE.contains(&w(k)) && w(k + 1) == "else")
            || (OTHER.contains(&w(k))
                && (k + 1..(k + 3).min(words.len())).any(|j| {
                    let x = singular(w(j));
                    x == "one"
                        || ROLE_NOUNS.contains(x)
                        || AMBIGUOUS_ROLES.contains(x)
                        || super::dictionary::is_person_noun(x)
                }))
    });
    let same = (0..words.len()).any(|k| {
        matches!(w(k), "same" | "identical" | "likewise")
            || (w(k) == "no" && w(k + 1) == "different")
            || (w(k) == "just" && w(k + 1) == "as")
    });
    someone_else && same
}

fn evaluate_kind(kind: Kind, s: &Sentence, ms: usize, me: usize) -> Option<Found> {
    let i0 = s.at(ms)?;
    let last = s.before(me).unwrap_or(i0).max(i0);
    let matched = s
        .text
        .get(ms..me)
        .unwrap_or("")
        .to_lowercase()
        .replace('’', "'");
    match kind {
        Kind::ModalPerfect => modal_perfect(s, ms, i0, last),
        Kind::FailedTo => {
            let (c, _) = s.subject_class(i0);
            let inf = s.word(last);
            // "Operator fails to log in, screenshot taken" is refused for every finding by
            // `Sentence::tried_in_vain` (round 20, real62's first run).
            match c {
                Class::Group => found(Rule::TeamBlame, ms, me),
                Class::Named if !HUMAN_INFINITIVES.contains(inf) => None,
                // "Yumbo fails to update due to an unacceptable TLS certificate" (round 51,
                // real225's first run): a name no dictionary knows, failing in the present, is
                // a program's behaviour, as an error's heading tells it; people's failures are
                // told in the past ("Okonkwo failed to update the certificate").
                Class::Named if matches!(s.word(i0), "fails" | "fail") => None,
                c if c.person() => found(Rule::Counterfactual, ms, me),
                _ => None,
            }
        }
        Kind::Neglected | Kind::Forgot => {
            if i0 > 0 && is_be(s.word(i0 - 1)) {
                // "The gate regression suite has been neglected by QA for months" (round 49,
                // f431's first run): a passive whose agent after "by" is a person by role, a
                // known name, a handle or a group, as `Kind::FaultVerb` reads one.
                if kind == Kind::Neglected && !s.negated_before(i0) {
                    if let Some((k, c)) = s.passive_agent(last) {
                        return agent_rule(c).and_then(|r| found(r, ms, s.span_end(k)));
                    }
                }
                return None; // passive: "the backups were neglected"
            }
            let (c, j) = s.subject_class(i0);
            // "I forgot to press Commit.": the author's own account of a slip, as "we forgot"
            // is the organisation's (round 31, f197's first run; the corpus labels the
            // author's "I forgot …" ok throughout). The model still reads the sentence.
            if kind == Kind::Forgot && j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            let rule = if kind == Kind::Neglected {
                Rule::Negligence
            } else {
                Rule::IndividualFault
            };
            match c {
                Class::Group => found(Rule::TeamBlame, ms, me),
                // "we forgot to renew the certificate": see `agent_rule`.
                Class::We if kind == Kind::Forgot => None,
                c if c.person() => found(rule, ms, me),
                _ => None,
            }
        }
        Kind::FaultVerb => {
            // "… is what broke it open" (round 45): the idiom of a find, not harm.
            if s.negated_before(i0)
                || (matches!(s.word(i0), "broke" | "breaks")
                    && credits_harm_kept_away(&[s.word(i0), s.word(i0 + 1), s.word(i0 + 2)]))
            {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            // "Chidi's retention change took down the queue": the harm done by someone's work.
            let (c, j) = match j {
                Some(h) if c == Class::Other => {
                    s.possessor_of(h).map_or((c, j), |(k, pc)| (pc, Some(k)))
                }
                _ => (c, j),
            };
            // "… checked whether anyone had corrupted the ledger": no one in particular.
            if j.is_some_and(|j| s.author_alone(j) || matches!(s.word(j), "anyone" | "anybody")) {
                return None;
            }
            if c == Class::Named
                && !matched.contains(' ')
                && is_participle(&matched)
                && j.is_some_and(|j| s.imperative_before_attributive(j, i0))
            {
                return None;
            }
            // "One misconfigured query then caused a peak in memory", "a corrupted index": a
            // participle after a determiner modifies the noun after it, a thing's state, not an
            // act (round 37, real141 on the retrained model).
            if !matched.contains(' ')
                && is_participle(&matched)
                && i0 > 0
                && matches!(
                    s.word(i0 - 1),
                    "a" | "an" | "the" | "one" | "this" | "each" | "every" | "another"
                )
                && !s.holds_someone(false)
            {
                return None;
            }
            if matched.contains("dropped the ball") || matched.contains("dropped  the") {
                return match c {
                    Class::NegPronoun | Class::We => None,
                    Class::Group => found(Rule::TeamBlame, ms, me),
                    _ => found(Rule::IndividualFault, ms, me),
                };
            }
            // "the crew scrambled to restore it", "scrambled aboard" is haste, not harm done to
            // something: "scrambled" takes its object right after it.
            if matched == "scrambled"
                && !matches!(
                    s.word(i0 + 1),
                    "the" | "a" | "an" | "our" | "their" | "his" | "her" | "every" | "all"
                )
            {
                return None;
            }
            if takes_down_a_notice(s, i0, last, &matched) {
                return None;
            }
            let deliberate = s.rest_has(
                i0 + 1,
                &[
                    "deliberately",
                    "intentionally",
                    "purpose",
                    "planned",
                    "agreed",
                ],
            );
            // "The disk was corrupted by the night operator", "the schedule was botched by
            // mkaya" (round 43, f340's miss "bypassed by Hiroshi Tanaka" and its kind): a
            // passive whose agent after "by" is a person by role, a known name, a handle or a
            // group. A capitalised word the dictionary lacks may be a program there ("corrupted
            // by Sidekiq"), so it does not count.
            if i0 > 0 && is_be(s.word(i0 - 1)) && !deliberate && !s.negated_before(i0) {
                if let Some((k, c)) = s.passive_agent(last) {
                    return agent_rule(c).and_then(|r| found(r, ms, s.span_end(k)));
                }
            }
            // "The cashiers were double-charged": those it was done to; "corrupted nothing";
            // "scorched the test coupon on purpose".
            if (i0 > 0 && is_be(s.word(i0 - 1)))
                || matches!(s.word(i0 + 1), "nothing" | "none" | "nobody")
                || deliberate
            {
                return None;
            }
            // "… has caused us to change the way we think": what the authors did next, not
            // harm done, unless the harm is told ("caused us to lose a day", "caused everyone
            // to spend the weekend rebuilding"; round 19, real59's first run).
            if matched == "caused"
                && matches!(
                    s.word(i0 + 1),
                    "us" | "me" | "them" | "him" | "her" | "everyone" | "everybody"
                )
                && s.word(i0 + 2) == "to"
            {
                #[rustfmt::skip]
                const HARM: &[&str] = &[
                    "lose", "miss", "fail", "spend", "waste", "redo", "rebuild", "restart",
                    "roll", "scramble", "cancel", "refund", "delay", "work", "stay", "wake",
                    "rerun", "re-run", "drop", "abandon",
                ];
                if !(i0 + 3..(i0 + 5).min(s.toks.len())).any(|j| HARM.contains(&s.word(j))) {
                    return None;
                }
            }
            // "took him over the weekly cap": "over" after the object and before a noun phrase
            // is a preposition of measure or place, not a thing knocked over (round 42, f332's
            // first run, a false error); "knocked over the warehouse" is the particle.
            if matched.ends_with("over")
                && matched.split_whitespace().count() >= 3
                && (s
                    .word(last + 1)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
                    || DETERMINERS.contains(s.word(last + 1)))
            {
                return None;
            }
            // "broke" with no object is something breaking ("as the news broke", "the build
            // broke"), not someone breaking it; so is "broke" before a preposition ("they broke
            // for different reasons", round 37, f237's first run).
            if matched == "broke"
                && (matches!(
                    s.word(i0 + 1),
                    "into"
                        | "up"
                        | "out"
                        | "apart"
                        | "even"
                        | "and"
                        | "but"
                        | "when"
                        | "while"
                        | "for"
                        | "in"
                        | "at"
                        | "on"
                        | "during"
                        | "under"
                        | "after"
                        | "because"
                        | "with"
                ) || s.toks.get(i0 + 1).is_none_or(|t| t.boundary)
                    || broke_as_divided_or_idiom(s, i0))
            {
                return None;
            }
            // "The customs broker botched our paperwork", "The SMS provider mangled our
            // encoding" (round 62, used sets' misses): an outside party, a word that may also
            // name software ("provider", "aggregator"), is an agent of fault for the verbs
            // that only ever judge an act.
            if c == Class::Other
                && j.is_some_and(|h| is_outside_party(s.word(h)))
                && judges_the_act(&matched)
            {
                return found(Rule::TeamBlame, ms, me);
            }
            agent_rule(c).and_then(|r| found(r, ms, me))
        }
        Kind::CarelessAction | Kind::TooSlow => {
            if s.negated_before(i0) {
                return None;
            }
            // "Kwame disabled the service properly instead of just stopping it" (round 62,
            // f692's document, after its first run): an act done right, chosen over a
            // quicker one, is care.
            if matched.contains(" instead of")
                && matched.split_whitespace().any(|w| {
                    matches!(
                        w,
                        "properly" | "correctly" | "carefully" | "safely" | "cleanly" | "fully"
                    )
                })
            {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            // "I restarted the wrong node, and the lab VMs went down with it": the author's
            // own account of an act, as for a fault verb (round 26, f171's first run).
            if j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            // Since round 26 any verb in the past may act on "the wrong" thing ("Seonaidh
            // restored the wrong snapshot", f171's first run); one that finds, reports or
            // mends it ("Priya spotted the wrong timezone", "Kim corrected the wrong value")
            // tells a responder's work, not a fault.
            // "MV Atlantic Oryx loaded with DAP instead of MAP": a participle before "with"
            // tells what a thing holds, not what someone did to it (round 42).
            if kind == Kind::CarelessAction && s.word(i0 + 1) == "with" {
                return None;
            }
            if kind == Kind::CarelessAction {
                // A present in "-s" may be a plural noun: "Gheorghe's edits were reverted …",
                // "the nightly runs deleted …" (round 45: timelines told in the present,
                // "Ingrid overrides the freeze and ships the migration herself").
                if s.word(i0).ends_with('s')
                    && !is_past(s.word(i0))
                    && i0 > 0
                    && (s.toks[i0 - 1].poss || DETERMINERS.contains(s.word(i0 - 1)))
                {
                    return None;
                }
                // "… promoted the hotfix without a canary stage, which the pipeline permits
                // for P1 fixes" (round 45): the act is one the process allows.
                if s.rest_has(last, &["permits", "allows", "intends", "sanctions"]) || {
                    let words = s.words();
                    done_as_told(&words) || acts_unasked(&words)
                } {
                    return None;
                }
                // "Hamza noticed the diff went *up* at 01:38 and changed direction right away
                // instead of doing another replay" (round 45, f373's first run): what someone
                // did instead once they had found something is a responder's call, told as
                // credit. The find is the subject's own verb, in the sentence's first words,
                // and the act is joined to it by "and".
                if matched.contains("instead")
                    && i0 > 0
                    && s.word(i0 - 1) == "and"
                    && (0..i0.min(4)).any(|k| FOUND_OR_MENDED.contains(&s.word(k)))
                {
                    return None;
                }
                // "deploys a change to show \"no data\" instead of 0%" (round 45): what the
                // change is made to do instead, not what someone did instead.
                if matched.contains("instead") {
                    const CHANGES: &[&str] = &[
                        "change",
                        "fix",
                        "patch",
                        "update",
                        "rule",
                        "script",
                        "setting",
                        "flag",
                        "tweak",
                        "commit",
                        "release",
                        "hotfix",
                        "query",
                        "migration",
                    ];
                    // "Tomasz and I changed roster-sync to read columns by header name instead
                    // of position" (round 45, f377's first run): a change made to do so.
                    const CHANGE_VERBS: &[&str] = &[
                        "changed",
                        "edited",
                        "patched",
                        "updated",
                        "modified",
                        "rewrote",
                        "reconfigured",
                        "configured",
                    ];
                    const PLACES: &[&str] = &[
                        "production",
                        "prod",
                        "staging",
                        "live",
                        "main",
                        "master",
                        "everyone",
                        "everybody",
                        "all",
                        "customers",
                        "users",
                    ];
                    let change_verb = CHANGE_VERBS.contains(&s.word(i0));
                    // `k` runs from `i0 + 1`, so `k - 1` is a word of the sentence.
                    let purpose = (i0 + 1..last).any(|k| {
                        s.word(k) == "to"
                            && (change_verb || CHANGES.contains(&singular(s.word(k - 1))))
                            && !s.toks[k + 1].cap
                            && !DETERMINERS.contains(s.word(k + 1))
                            && !PLACES.contains(&s.word(k + 1))
                    });
                    if purpose {
                        return None;
                    }
                }
            }
            // "Kim sent a note about the wrong price to the team" (round 61): the wrong thing is
            // what the message was about, not what the act was done to.
            let topic = matched.contains("wrong")
                && (i0 + 1..last).any(|k| {
                    matches!(s.word(k), "the" | "a")
                        && s.word(k + 1) == "wrong"
                        && k > 0
                        && matches!(
                            s.word(k - 1),
                            "about" | "regarding" | "concerning" | "re" | "over"
                        )
                });
            // "Responders told us the first half hour went into the wrong question": told
            // to the authors is their account, not an act done wrong.
            let told_us = s.word(i0) == "told" && matches!(s.word(i0 + 1), "us" | "me");
            if topic
                || told_us
                || matched.contains("wrong")
                    && (FOUND_OR_MENDED.contains(&s.word(i0))
                    // A passive names what was done, not who did it: "Predictions were
                    // anchored to the wrong schedule".
                    || (i0 > 0 && (is_be(s.word(i0 - 1)) || s.word(i0 - 1) == "got")))
            {
                return None;
            }
            agent_rule(c).and_then(|r| found(r, ms, me))
        }
        Kind::Because => because(s, ms, i0),
        Kind::FaultOf => fault_of(s, ms, me, i0, last, &matched),
        Kind::OnPerson => {
            // "paging mkovacs for db expertise, not because any of this is on him", "None of
            // this is on her" (round 52, f481's first run, a false error): the fault denied to
            // the person. ("This is not on him" never matches.)
            let at = |k: Option<usize>| k.map_or("", |k| s.word(k));
            let none_of = at(i0.checked_sub(1)) == "of"
                && matches!(at(i0.checked_sub(2)), "none" | "neither");
            let not_because = (i0.saturating_sub(5)..i0).any(|k| {
                s.word(k) == "not"
                    && matches!(s.word(k + 1), "because" | "that" | "since")
                    && !(k..i0).any(|q| s.toks[q].boundary)
            });
            if none_of || not_because {
                return None;
            }
            // "… so the overstatement is down to her" (round 49, f432's first run): what
            // happened is laid on someone after a form of "be", as "on her" is; not a choice
            // or a duty left to them ("the decision is down to her").
            if s.word(i0) == "down" {
                let mut p = i0;
                while p > 0
                    && matches!(
                        s.word(p - 1),
                        "all"
                            | "entirely"
                            | "squarely"
                            | "largely"
                            | "mostly"
                            | "purely"
                            | "solely"
                            | "totally"
                            | "completely"
                    )
                {
                    p -= 1;
                }
                let be = p > 0 && {
                    let w = s.word(p - 1);
                    matches!(w, "is" | "was" | "are" | "were")
                        || w.ends_with("'s")
                        || w.ends_with("’s")
                };
                const LEFT_TO: &[&str] = &[
                    "decision",
                    "choice",
                    "call",
                    "pick",
                    "job",
                    "task",
                    "responsibility",
                    "duty",
                    "say",
                    "vote",
                    "discretion",
                    "judgement",
                    "judgment",
                ];
                if !be || (p.saturating_sub(5)..p).any(|q| LEFT_TO.contains(&s.word(q))) {
                    return None;
                }
                // "Nobody was turned away at the door, which is entirely down to them", "The
                // queue drained by noon, and that is down to him" (round 51, f457's first
                // run): a good outcome, or a harm that did not happen, credited to whoever
                // brought it about.
                if s.credits_an_outcome(p - 1) {
                    return None;
                }
            } else if !matches!(s.word(i0), "this" | "that" | "it" | "it's" | "that's")
                && s.follows_a_word_of(i0, |w| PLACE_PREPOSITIONS.contains(w))
            {
                return None;
            }
            let k = s.at(me)?;
            let k = if s.word(k) == "the" { k + 1 } else { k };
            // "This incident is on the registry team": the group noun after its modifiers
            // (round 19), when the phrase ends there.
            let k = match s.noun_phrase_agent(k) {
                Some((m, Class::Group)) if s.loose_class(k) == Class::Other => m,
                _ => k,
            };
            let after = k + 1;
            let ends = after >= s.toks.len()
                || s.toks[after].boundary
                || matches!(s.word(after), "for" | "and");
            // "… — that one is on her", "this is on them" (round 29, f190's first run): the
            // pronoun of whom the fault is laid on, which ends the phrase, so "on her laptop"
            // is no such one. "On me" is the author's own, and "on us" the authors'.
            // Round 60 (f661–f664's first runs: "the misgrades are on me, I flipped the
            // exposure offset sign", "the lost reminders are on me"): the author laying the
            // harm on themselves is a reproach of oneself, blame by the conventions, unless the
            // line corrects something the author shared ("sorry, that's on me — I pasted the
            // UAT link; the prod dashboard is …", [`corrects_what_was_shared`]). Only with the
            // act told beside it ([`tells_the_authors_act`]): "This one is on me." alone is the
            // author taking ownership, as a lead's "this is on me" in a report is.
            let object = match s.word(k) {
                "him" | "her" | "you" => Some(Rule::IndividualFault),
                "me" if !corrects_what_was_shared(s) && tells_the_authors_act(s) => {
                    Some(Rule::IndividualFault)
                }
                "them" => Some(Rule::TeamBlame),
                _ => None,
            };
            if let Some(rule) = object.filter(|_| ends) {
                return found(rule, ms, s.span_end(k));
            }
            let c = s.loose_class(k);
            if ends && !s.toks.get(k).is_some_and(|t| t.poss) {
                agent_rule(c)
                    .filter(|_| c != Class::We)
                    .and_then(|r| found(r, ms, s.span_end(k)))
            } else {
                None
            }
        }
        Kind::Culprit => {
            // "If the cause is a person, the fix is to tell the person to be more careful"
            // (round 45, f379's first run): a cause supposed, to argue about the method.
            if s.negated_before(i0) || (0..i0).any(|k| matches!(s.word(k), "if" | "whenever")) {
                return None;
            }
            // "The cause was not the on-call engineer but a runbook step …", "the cause wasn't
            // Dave": the person is denied as the cause.
            let rest = s.text.get(me..).unwrap_or("");
            if rest.starts_with("n't") || rest.starts_with("n’t") {
                return None;
            }
            let k = s.at(me)?;
            if matches!(s.word(k), "not" | "never" | "n't" | "neither") {
                return None;
            }
            // A value quoted whole to the end of its line ("Root cause: \"A transport service
            // wasn't optimized correctly …\"", round 48, real201's first run): the quotation
            // is masked to blank space, which the label's pattern passes over, and the first
            // word after it ("Posted Apr 22, 2020" on the next line) is no part of the value.
            let blank_after_label = &matched[matched.trim_end().len()..];
            if blank_after_label.contains('\n')
                || s.text
                    .get(me..s.toks[k].start)
                    .is_some_and(|g| g.contains('\n'))
            {
                return None;
            }
            // "Root cause: failures by the Ovocode contractor team during the kiosk firmware
            // rollout" (round 45, f375's first run): a fault's noun, then whose it is.
            let k = match (s.word(k), s.word(k + 1)) {
                (
                    "failure" | "failures" | "failings" | "mistakes" | "errors" | "negligence"
                    | "carelessness" | "oversight" | "oversights" | "lapses",
                    "by" | "of",
                ) => k + 2,
                _ => k,
            };
            // A company named as the culprit, the value's first noun phrase ("At fault:
            // TabWorks (MDM vendor)", "The culprit was the vendor", round 46, f386's first
            // run): vendors and contractors are groups whose fault a cause field claims. Its
            // possessive ("the vendor's SDK") names a thing, and a company later in the phrase
            // ("a misconfiguration pushed by the vendor") is left to the other kinds.
            let company = (k..(k + 6).min(s.toks.len()))
                .find(|&j| !s.toks[j].boundary && is_company_word(s.word(j)))
                .filter(|&j| {
                    !s.toks[j].poss
                        && (k..j).all(|q| {
                            let w = s.word(q);
                            if s.toks[q].boundary {
                                s.text.get(s.toks[q].start..s.toks[q].end) == Some("(")
                            } else {
                                matches!(w, "the" | "a" | "an" | "our" | "their" | "one")
                                    || s.text
                                        .get(s.toks[q].start..s.toks[q].end)
                                        .is_some_and(|t| t.starts_with(char::is_uppercase))
                            }
                        })
                });
            let (m, c) = match (s.noun_phrase_agent(k), company) {
                (Some((m, c)), _) if c != Class::Other => (m, c),
                (_, Some(j)) => (j, Class::Group),
                (found, None) => found?,
            };
            if c == Class::Pronoun {
                return None; // "the cause was that we…" is handled by other rules
            }
            // "The root cause was a race that Priya found": the person is in a clause of the
            // thing named as the cause, not the cause.
            if (k..m).any(|j| matches!(s.word(j), "that" | "which" | "who" | "whom" | "when")) {
                return None;
            }
            // "Root cause: broker retention was set by message count" (round 53, f510's and
            // f508's first runs): the role noun, written lower-case, names the thing after it.
            if s.text
                .get(s.toks[m].start..s.toks[m].end)
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                && modifies_a_thing(s.word(m + 1))
            {
                return None;
            }
            // "Root cause: the Santiago standby broker sat outside …", "the Truck Shop access
            // gate fails open" (round 58, f632's first run): a name, then a thing's noun
            // (one lower-case modifier may stand between) that no person word follows, names
            // the thing.
            // Nouns that also name people ("broker", "controller") or places ("gate") name
            // a thing only here, after a name and a determiner.
            let thing_at = |j: usize| {
                !s.toks.get(j).is_some_and(|t| t.boundary)
                    && !s.class(j).person()
                    && (modifies_a_thing(s.word(j))
                        || super::lexicon::is_thing_noun(singular(s.word(j)))
                        || matches!(singular(s.word(j)), "broker" | "gate" | "controller"))
            };
            let lower_at = |j: usize| {
                s.toks.get(j).is_some_and(|t| {
                    !t.boundary
                        && s.text
                            .get(t.start..t.end)
                            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
                })
            };
            // The name's own further capitalised words first ("Truck Shop"), and a
            // determiner before it: "the Santiago standby broker" is the broker's name.
            let upper_at = |j: usize| {
                s.toks.get(j).is_some_and(|t| {
                    !t.boundary
                        && !t.poss
                        && s.text
                            .get(t.start..t.end)
                            .is_some_and(|w| w.starts_with(char::is_uppercase))
                })
            };
            let mut q = m + 1;
            while q < m + 3 && upper_at(q) {
                q += 1;
            }
            if matches!(c, Class::Named | Class::Known)
                && upper_at(m)
                && m > 0
                && matches!(s.word(m - 1), "the" | "a" | "an" | "our" | "their" | "its")
                && (thing_at(q) && !s.class(q + 1).person()
                    || lower_at(q) && thing_at(q + 1) && !s.class(q + 2).person())
            {
                return None;
            }
            // "Root cause: Tallybird T7 firmware 4.2.0 counts a bundle scan twice …" (round
            // 59, f648's first run): a name, its own further capitalised words, then a model's
            // or a version's code (a word holding a digit, not a clock time) and a thing's
            // noun names a product.
            let coded = |j: usize| {
                s.toks.get(j).is_some_and(|t| {
                    !t.boundary
                        && s.text.get(t.start..t.end).is_some_and(|w| {
                            w.bytes().any(|b| b.is_ascii_digit()) && !w.contains(':')
                        })
                })
            };
            // Only with a thing's noun or another code after it: "Ward 4B nursing staff"
            // and "Unit 2 supervisors" name people.
            if matches!(c, Class::Named | Class::Known)
                && upper_at(m)
                && (m + 1..=q).any(|j| {
                    coded(j)
                        && (coded(j + 1)
                            || thing_at(j + 1) && !s.class(j + 2).person()
                            || lower_at(j + 1) && thing_at(j + 2) && !s.class(j + 3).person())
                })
            {
                return None;
            }
            // "Preliminary root cause: Engineers continue to investigate a potential power
            // event …" (round 57, real319's first run): the people named are who look for the
            // cause, which the field does not know yet.
            if (m + 1..(m + 4).min(s.toks.len()))
                .take_while(|&j| !s.toks[j].boundary)
                .any(|j| s.word(j).starts_with("investigat"))
            {
                return None;
            }
            found(agent_rule(c)?, ms, s.span_end(m))
        }
        Kind::Cleft => cleft(s, ms, me, i0, last, &matched),
        Kind::CausedBy => {
            if s.negated_before(i0) {
                return None;
            }
            let k = s.at(me)?;
            let (m, c) = s.noun_phrase_agent(k)?;
            // "This is what happens when the DBA team treats production as its playground"
            // (round 49, f430's and f431's first runs): an insinuation about what someone
            // does; not a state they are in ("… when a team is understaffed", "… when
            // teams have no runbook").
            if matched.to_ascii_lowercase().contains("happens") {
                let verb = s.word(m + 1);
                if is_be(verb)
                    || matches!(
                        verb,
                        "has"
                            | "have"
                            | "had"
                            | "lacks"
                            | "lack"
                            | "can't"
                            | "cannot"
                            | "isn't"
                            | "aren't"
                            | "needs"
                            | "need"
                    )
                {
                    return None;
                }
            }
            found(agent_rule(c)?, ms, s.span_end(m))
        }
        Kind::PossessiveBad => {
            let c = s.loose_class(i0);
            if s.negated_before(i0) {
                return None;
            }
            // A word for a thing's state ("bad", "broken", "faulty") grades the person only
            // through an act or work of theirs ("Dave's bad merge", "Priya's untested
            // config"), not through a thing that bears their name ("Alice's bad disks", a
            // server called Alice).
            // "Cap Apetito's error log size on workers." (round 55, f566's first run): "error"
            // that modifies a thing's noun ("error log", "error rate", "error budget") is no
            // one's error.
            #[rustfmt::skip]
            const OF_ERRORS: &[&str] = &[
                "log", "logs", "rate", "rates", "budget", "budgets", "message", "messages",
                "count", "counts", "code", "codes", "page", "pages", "handling", "handler",
                "path", "paths", "state", "reporting", "output", "queue", "spike", "spikes",
                "threshold", "alert", "alerts", "metric", "metrics", "dashboard", "file",
            ];
            if matches!(s.word(last), "error" | "errors")
                && s.next_word(last)
                    .is_some_and(|k| OF_ERRORS.contains(&s.word(k)))
            {
                return None;
            }
            let state = matches!(
                s.word(last),
                "untested" | "broken" | "bad" | "faulty" | "buggy"
            );
            if state {
                // Only a physical thing that bears a name is told apart; anything else after
                // "Dave's broken" is his work ("build", "branch", "Terraform").
                let noun = s.next_word(last).map_or("", |k| s.word(k));
                let object = matches!(
                    singular(noun),
                    "disk"
                        | "drive"
                        | "server"
                        | "host"
                        | "node"
                        | "machine"
                        | "box"
                        | "laptop"
                        | "cable"
                        | "battery"
                        | "sector"
                        | "ssd"
                        | "hdd"
                        | "fan"
                        | "psu"
                        | "switch"
                        | "router"
                        | "rack"
                        | "memory"
                        | "ram"
                        | "nic"
                        | "port"
                );
                if object {
                    return None;
                }
            }
            agent_rule(c).and_then(|r| found(r, ms, me))
        }
        Kind::DidNotCheck => {
            // "did not check … because the link was missing" explains, it does not blame;
            // "didn't wait to be asked" is initiative (round 46).
            if s.rest_has(last, &["because", "since", "due"])
                || acts_unasked(&s.words())
                || went_ahead_of_a_tool(&s.words())
            {
                return None;
            }
            // "Mingma did not wait. When no callback came, he found a landline and rang the
            // desk." (round 61, f680's first run on the final code, a false error): "wait"
            // with nothing waited for ends its clause, and tells someone who acted at once;
            // "didn't wait for the CI run" names the check skipped, and stays read.
            if s.word(last) == "wait" && s.next_word(last).is_none_or(|k| s.is_break(k)) {
                return None;
            }
            // "Amira was never told the certificate existed." (round 57, f623's first run on
            // the final code): a passive of telling names whom nobody told, not who failed to
            // tell; "… was never told by the vendor" names the teller, and stays read.
            if s.word(i0) == "never"
                && i0 > 0
                && matches!(
                    s.word(i0 - 1),
                    "was" | "were" | "is" | "are" | "been" | "being" | "got"
                )
                && matches!(s.word(last), "told" | "informed" | "warned" | "asked")
                && !(last + 1..s.toks.len()).any(|k| s.word(k) == "by")
            {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            // "I did not follow that lead straight away": the author's own account (round 26,
            // f175's first run), as "we" is.
            if j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            // "The fatigue alert for the crew did not escalate" (round 49): the person or group
            // found stands after a preposition, inside the noun phrase of what did not act.
            if j.is_some_and(|j| {
                s.follows_a_word_of(j, |w| {
                    matches!(
                        w,
                        "for" | "of" | "to" | "from" | "with" | "on" | "at" | "in" | "about"
                    )
                })
            }) {
                return None;
            }
            match c {
                Class::Group => found(Rule::TeamBlame, ms, me),
                Class::We => None,
                c if c.person() => found(Rule::Negligence, ms, me),
                _ => None,
            }
        }
        Kind::Ignored => ignored(s, ms, me, i0),
        Kind::Obviously => {
            if s.part_of_compound(ms, me) || s.negated_before(i0) {
                return None;
            }
            // Editorial "Obviously, …" or about a person; not "the disk was obviously full".
            let initial = s.clause_start(i0) == i0;
            let (c, _) = s.subject_class(i0);
            let c2 = s.noun_phrase_agent(i0 + 1).map_or(Class::Other, |(_, c)| c);
            let personal =
                c.person() || c == Class::Group || c2.person() || c2 == Class::NegPronoun;
            let fault =
                (i0 + 1..(i0 + 5).min(s.toks.len())).any(|j| OBVIOUSLY_FAULT.contains(&s.word(j)));
            if initial && s.obviously_editorial(i0) {
                return None;
            }
            // "But obviously for some it was potentially a serious issue: attachments were
            // missing" (round 47, real197's first run): how hard the harm fell on those it
            // reached is sympathy, not foresight, when no fault word follows.
            #[rustfmt::skip]
            const SEVERITY: &[&str] = &[
                "serious", "frustrating", "painful", "disruptive", "upsetting", "concerning",
                "distressing", "inconvenient", "stressful", "worrying", "unpleasant",
                "frustration", "inconvenience", "disruption",
            ];
            let clause_end = (i0 + 1..s.toks.len())
                .find(|&k| s.is_break(k))
                .unwrap_or(s.toks.len());
            if !fault
                && (i0 + 1..clause_end).any(|k| SEVERITY.contains(&s.word(k)))
                && !(i0 + 1..clause_end).any(|k| {
                    OBVIOUSLY_FAULT.contains(&s.word(k))
                        || matches!(
                            s.word(k),
                            "going" | "would" | "bound" | "coming" | "inevitable" | "should"
                        )
                })
                && !s.names_anyone_but_as_a_modifier(i0 + 1)
            {
                return None;
            }
            // "Obviously, the destructor was called in each case" (round 34, a real report's
            // first run): a thing's plain past, told in a debugging narrative, foresees nothing
            // ("was going to fail") and judges nothing.
            if initial && !personal && !fault && s.obviously_a_plain_past(i0) {
                return None;
            }
            // "Obviously this is an embarrassing situation", "Obviously, customer data must not
            // be exposed" (round 37, real140 and a round-34 test on the retrained model): a
            // present with nothing past in the sentence sees nothing before the fact, which
            // hindsight needs; someone in it keeps it found.
            if initial
                && !personal
                && !fault
                && !s.tells_a_past(i0 + 1)
                && !s.names_anyone_but_as_a_modifier(i0 + 1)
            {
                return None;
            }
            if initial || personal || fault {
                found(Rule::Hindsight, ms, me)
            } else {
                None
            }
        }
        Kind::Negligent
        | Kind::JudgeStrong
        | Kind::Predictable
        | Kind::Glaring
        | Kind::HindsightIdiom => {
            if s.part_of_compound(ms, me)
                || s.negated_before(i0)
                || (kind == Kind::JudgeStrong && s.grades_a_thing(i0, last))
                || (kind == Kind::JudgeStrong && s.adverb_of_degree(i0, last))
                || (kind == Kind::JudgeStrong && s.adverb_of_a_things_conduct(i0, last))
                || (kind == Kind::JudgeStrong && s.evaluates_what_was_told(i0))
                || (kind == Kind::JudgeStrong && s.authors_judge_a_thing(i0))
            {
                return None;
            }
            // "That config format is an accident waiting to happen" (round 49, below the gate
            // since "waiting" passes a sentence there): a risk told in the present is a warning
            // about what is still there, not hindsight; "was a disaster waiting to happen" is.
            if kind == Kind::HindsightIdiom
                && matched.to_ascii_lowercase().ends_with("waiting to happen")
            {
                let mut p = i0;
                while p > 0
                    && p + 4 > i0
                    && !s.toks[p - 1].boundary
                    && !matches!(s.word(p - 1), "is" | "are" | "was" | "were")
                {
                    p -= 1;
                }
                // Someone in the subject ("The slapdash way Kwame keeps the register is an
                // accident waiting to happen") keeps it a judgement of them.
                let someone = (0..p).any(|k| s.class(k).person() || s.class(k) == Class::Group);
                if p > 0 && matches!(s.word(p - 1), "is" | "are") && !someone {
                    return None;
                }
            }
            // "Fraud was bound to happen on Gittip sooner or later." (round 52, real231's first
            // run): a kind of event told as inevitable in general, its subject one bare noun
            // with no determiner ("Fraud", "Attacks", "Mistakes"), is a risk the service lives
            // with, not this incident foreseen. "This was bound to happen", "the double-booking
            // was bound to happen" and "Something like this was bound to happen" stay found.
            if kind == Kind::HindsightIdiom && {
                let m = matched.to_ascii_lowercase();
                m.contains("bound to happen") || m.contains("destined to happen")
            } {
                let start = s.clause_start(i0);
                let generic = i0 == start + 1 && {
                    let w = s.word(start);
                    let c = s.class(start);
                    w.len() > 2
                        && w.chars().all(char::is_alphabetic)
                        // A sentence's first word is read as a name when capitalised: a common
                        // word there is no one.
                        && !matches!(
                            c,
                            Class::Known | Class::Role | Class::Pronoun | Class::We | Class::Group
                        )
                        && super::dictionary::is_common_word(w)
                        && !matches!(
                            w,
                            "this" | "that" | "it" | "something" | "everything" | "anything"
                                | "which" | "what" | "one" | "someone" | "somebody"
                        )
                };
                if generic {
                    return None;
                }
            }
            // "That's no surprise: the cache keeps every string it ever saw." (round 51,
            // real222's first run): the aside opens an explanation after its colon, and no one
            // is named; what a thing was expected to do, not anyone's foresight. "No surprise
            // the waiting room fell over, given …" stays found.
            if kind == Kind::Predictable
                && s.text
                    .get(me..)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
                && !s.names_anyone_else(0)
            {
                return None;
            }
            // "The fact that it is easy to see now does not mean it was easy to see in January"
            // (round 49, a used document): the look back named in order to set it aside, by a
            // denial or a contrast after it, or as the subject of a clause ("the fact that …").
            if kind == Kind::HindsightIdiom
                && matched.to_ascii_lowercase().contains("easy to")
                && (matches!(i0.checked_sub(1).map_or("", |k| s.word(k)), "that" | "fact")
                    || s.rest_has(
                        last,
                        &[
                            "but", "mean", "means", "however", "though", "although", "not", "n't",
                        ],
                    ))
            {
                return None;
            }
            // "Sveta must have known the data was old", "The dispatcher had every reason to
            // know" (round 34, f201's first run): what someone is said to have known; a
            // person or a team, not the authors, a thing or the customers who saw an error.
            if kind == Kind::HindsightIdiom && matches!(s.word(i0), "must" | "had") {
                let (c, j) = s.subject_class(i0);
                if !(c.person() || c == Class::Group)
                    || c == Class::We
                    || j.is_some_and(|j| s.author_alone(j))
                {
                    return None;
                }
            }
            // "gave the pull request a cursory glance" (round 21) is what someone did: it is
            // negligence only when that someone is a person or a team, not the authors.
            if matched.contains("cursory") {
                // The subject of the verb that gave or took the glance.
                let verb = (s.clause_start(i0)..i0)
                    .rev()
                    .find(|&k| is_past(s.word(k)))
                    .unwrap_or(i0);
                let (c, j) = s.subject_class(verb);
                if !(c.person() || c == Class::Group)
                    || c == Class::We
                    || j.is_some_and(|j| s.author_alone(j))
                {
                    return None;
                }
            }
            let rule = match kind {
                Kind::Negligent => Rule::Negligence,
                Kind::JudgeStrong => Rule::Judgemental,
                _ => Rule::Hindsight,
            };
            found(rule, ms, me)
        }
        Kind::ObviousPredicate | Kind::HindsightClear => {
            if s.negated_before(last) {
                return None;
            }
            // "It became obvious at 04:20 that …", "it was becoming obvious that …": when
            // something was realised during the incident, told in its place in time, not a
            // claim that it was plain all along. The present "becomes obvious" is such a
            // claim, and so is "obvious to everyone", "to anyone" or "to all but Dave".
            // So is "Once we plotted the duty cycle, the cause was obvious": a past "was
            // obvious" after a clause of when ("once", "when", "after") tells the moment it
            // was seen.
            // Round 23 (f138's first run): "It was obvious at 09:50", "obvious only after the
            // restart", a past "was obvious" with its moment right after it, is such a telling
            // too; "obvious from 18:55" or "by 02:00" is not.
            let past = matches!(s.word(i0), "was" | "were");
            let moment_after = match s.word(last + 1) {
                "once" | "after" | "when" => true,
                "only" => matches!(s.word(last + 2), "once" | "after" | "when" | "at"),
                // "obvious from 18:55 that CPU was climbing" says it was plain all along.
                "at" => s
                    .word(last + 2)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_digit),
                _ => false,
            };
            let seen_at_a_moment = (i0..=last).any(|j| matches!(s.word(j), "became" | "becoming"))
                || (past
                    && ((0..i0).any(|j| matches!(s.word(j), "once" | "when" | "after"))
                        || moment_after));
            if kind == Kind::ObviousPredicate
                && seen_at_a_moment
                && !s.rest_has(
                    last + 1,
                    &[
                        "anyone",
                        "anybody",
                        "everyone",
                        "everybody",
                        "except",
                        "but",
                        "all",
                    ],
                )
            {
                return None;
            }
            // "It was obvious from the telemetry that the shutter motor was drawing twice its
            // rated current": plain *from a source of evidence* (telemetry, a graph, the logs, a
            // trace), what the data showed, told with no one named (round 31, f196's first
            // run). Plain "from the start", "from the first alert" or "from 18:55" says it was
            // there to be seen all along, and a sentence that goes on to someone ("…, yet the
            // on-call chased the CDN") is still found, as is one that foresees ("obvious from
            // the changelog that the firmware would brick the gates").
            if s.word(last + 1) == "from"
                && s.evidence_source(last + 2)
                && !s.names_anyone_else(0)
                && !s.rest_has(last + 1, &["would", "going", "will"])
            {
                return None;
            }
            // "With hindsight the gap looks obvious", "The fix looks obvious now": how it
            // appears today, said to own the bias, with no one named (round 20, f116's first
            // run). "It looks obvious that Dave should have checked" names someone.
            if kind == Kind::ObviousPredicate
                && matches!(s.word(i0), "looks" | "look" | "seems" | "seem")
                && !s.names_anyone_else(0)
            {
                return None;
            }
            // "A complete outage would have been obvious by 10:30" (round 51, f456's first
            // run): how plain a different, supposed failure would have been, told to explain
            // why this one was hard to see. No one is in the sentence. "It would have been
            // obvious to anyone" and "The bug would have been obvious if Dave had looked"
            // stay found.
            if s.supposes_another_case(i0)
                && !s.names_anyone_else(0)
                && !s.rest_has(
                    last + 1,
                    &[
                        "if",
                        "had",
                        "anyone",
                        "anybody",
                        "everyone",
                        "everybody",
                        "all",
                    ],
                )
            {
                return None;
            }
            // "It was obvious to nobody that the requirements had changed": denied (round 36,
            // f224's first run).
            if s.word(last + 1) == "to"
                && (matches!(s.word(last + 2), "nobody" | "none" | "no-one")
                    || (s.word(last + 2) == "no" && s.word(last + 3) == "one"))
            {
                return None;
            }
            // "In hindsight it's obvious that a backup you've never tested is a hope, not a
            // backup", "… that a retry needs idempotency end to end" (round 36, f229's first
            // run): a lesson in the present, about how things are, with no one in it and no past
            // act weighed; hindsight bias judges what someone did or should have seen.
            if s.word(last + 1) == "that"
                // "so obvious that it is hard to understand how …" tells a result.
                && !(i0.saturating_sub(1)..=last).any(|j| s.word(j) == "so")
                && s.without_mark(|| s.states_a_present_lesson(last + 2))
            {
                return None;
            }
            found(Rule::Hindsight, ms, me)
        }
        Kind::Bother => {
            // "I'd never bothered to change the hostname on the test one": the author's own
            // account of what they did not do (round 27: below the model's gate the kind now
            // reads every sentence holding "bother"), as `Kind::DidNotCheck` reads it.
            let (_, j) = s.subject_class(i0);
            if j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            // The gerund after "bother" must be an act: "bother running", not "bother warning"
            // or "bother glaring" (words in "-ing" that are nouns or adjectives).
            #[rustfmt::skip]
            const NOT_ACTS: &[&str] = &[
                "warning", "warnings", "glaring", "morning", "evening", "thing", "things",
                "nothing", "something", "anything", "everything", "string", "ring", "king",
                "ceiling", "building", "meeting", "during", "boring", "amazing", "interesting",
                "annoying", "missing", "pending", "outstanding", "existing", "remaining",
                "following", "incoming", "upcoming", "ongoing", "alarming", "shocking",
                "surprising", "confusing", "misleading", "ping", "bling", "sibling", "wing",
            ];
            let last_word = s.before(me).map_or("", |k| s.word(k));
            if NOT_ACTS.contains(&last_word) {
                return None;
            }
            found(Rule::Negligence, ms, me)
        }
        Kind::AsleepIdiom => {
            // Neglect told by an idiom with its agent: "the release captain waved the change
            // through", "Ops were asleep at the wheel", "the DBA team did not do their job",
            // "let the page ring out" (round 19). The subject must be someone other than the
            // authors, and the idiom asserted.
            if s.asks_from(0) {
                return None;
            }
            // "The gate staff at Naabi Hill waved our vehicles through on paper permits, which
            // kept guests moving." (round 55, f563's first run): traffic waved through a gate
            // is the literal act, not the idiom of approving without a look.
            #[rustfmt::skip]
            const TRAFFIC: &[&str] = &[
                "vehicle", "car", "truck", "lorry", "van", "bus", "coach", "traffic", "passenger",
                "guest", "visitor", "driver", "convoy", "taxi", "minibus", "trailer", "pedestrian",
                "buses", "coaches", "lorries", "minibuses",
            ];
            let told = || {
                s.toks
                    .first()
                    .zip(s.toks.last())
                    .and_then(|(a, b)| s.text.get(a.start..b.end))
                    .unwrap_or("")
            };
            if s.word(i0) == "waved"
                && !s.rest_has(last, &["without", "despite", "anyway", "unchecked"])
                && !super::engine::tells_of_harm(told())
                && (i0 + 1..last)
                    .any(|k| TRAFFIC.contains(&s.word(k)) || TRAFFIC.contains(&singular(s.word(k))))
            {
                return None;
            }
            // A passive idiom ("The change review was phoned in", "the alarm was acked and
            // forgotten", "The SMS template was thrown together"), or a procedure that "went
            // out the window": neglect with its agent implied, which the labelling conventions
            // count as blame (round 27, f178–f181's first runs). The authors' own ("we") and a
            // denial are not.
            let be = |k: usize| {
                is_be(s.word(k)) || matches!(s.word(k), "been" | "got" | "get" | "gets" | "being")
            };
            let participle = is_participle(s.word(i0));
            let passive = be(i0)
                || (s.word(i0) == "went" && s.word(i0 + 1) == "out")
                || (participle && i0 > 0 && be(i0 - 1))
                || (participle && i0 > 1 && be(i0 - 2) && is_adverb(s.word(i0 - 1)));
            if passive && !s.negated_before(i0) {
                // An agent after "by" that is a thing that acts: "the load spike was shrugged
                // off by the autoscaler" tells what a program did.
                let by = (last + 1..s.toks.len())
                    .take_while(|&k| !s.toks[k].boundary)
                    .find(|&k| s.word(k) == "by");
                if let Some(by) = by {
                    let head = (by + 1..(by + 5).min(s.toks.len()))
                        .take_while(|&k| !s.toks[k].boundary)
                        .find(|&k| !DETERMINERS.contains(s.word(k)));
                    if head.is_some_and(|k| is_thing_that_acts(singular(s.word(k)))) {
                        return None;
                    }
                }
                let (c, _) = s.subject_class(i0);
                return match c {
                    Class::We => None,
                    Class::Group => found(Rule::TeamBlame, ms, me),
                    _ => found(Rule::Negligence, ms, me),
                };
            }
            neglect_by_subject(s, ms, me, i0, false)
        }
        Kind::WithoutAnyone => {
            // "this corruption could have been there for months, without anyone noticing": a
            // latent defect supposed, not a neglect asserted. The supposition may stand
            // before a comma, but not before another clause ("… could have checked, but he
            // merged it without anyone reviewing").
            let from = i0.saturating_sub(12);
            let supposed = (from..i0)
                .any(|j| matches!(s.word(j), "could" | "may" | "might") && s.word(j + 1) == "have")
                && !(from..i0).any(|j| matches!(s.word(j), "but" | "and" | "so" | "because"));
            // "Usually this happens behind the curtains without anyone noticing except the
            // system admins" (round 45, real187's first run on the final code): how a routine
            // runs, told in the present with a word of habit, not a neglect.
            let routine = (from..i0).any(|j| {
                matches!(
                    s.word(j),
                    "usually" | "normally" | "typically" | "routinely" | "ordinarily" | "generally"
                )
            }) && !(from..last).any(|j| is_past(s.word(j)) || s.word(j) == "never");
            if supposed || routine || s.permits_without_anyone(i0) {
                None
            } else {
                found(Rule::Negligence, ms, me)
            }
        }
        Kind::JudgeWeak => {
            if s.part_of_compound(ms, me)
                || s.grades_a_thing(i0, last)
                || s.authors_judge_a_thing(i0)
            {
                return None;
            }
            judge_weak(s, ms, me, i0, last)
        }
        Kind::HumanError => human_error(s, ms, me, i0, last, &matched),
        Kind::PunishPassive => punish_passive(s, ms, me, i0, last, &matched),
        Kind::PunishStrong => {
            if s.negated_in_sentence(i0) {
                return None;
            }
            // "Identify the engineer responsible for the runbook" asks who owns a thing; the
            // hunt for a culprit ("… responsible and escalate to their manager") has no
            // "for" after it.
            let lower = matched.to_ascii_lowercase();
            if ["identify", "find", "name", "track"]
                .iter()
                .any(|v| lower.starts_with(v))
                && lower.ends_with("responsible")
                && s.word(last + 1) == "for"
            {
                return None;
            }
            found(Rule::Punishment, ms, me)
        }
        Kind::Revoked => {
            if s.negated_before(last) {
                return None;
            }
            // "At 18:00 the scheduler took Mehmet off the pager rotation because his shift had
            // ended", "Kim took herself off the on-call rotation for her wedding week" (round
            // 57): a tool acting on its timetable, or a person on themselves, sanctions no one.
            // Only where the match opens on the act ("took Mehmet off"), not on what was taken
            // ("Eun-ji's deploy rights are revoked", whose subject is the rights).
            let on_the_act = !matches!(
                s.word(i0),
                "access" | "permission" | "permissions" | "privilege" | "privileges" | "rights"
            );
            // The acting thing stands before the act in its clause, and no person beside it
            // ("The nightly sync kept removing her from the on-call rota …").
            let before = s.clause_start(i0)..i0;
            if on_the_act
                && before.clone().any(|j| {
                    let w = singular(s.word(j));
                    s.class(j) == Class::Other
                        && (is_thing_that_acts(w)
                            || super::lexicon::is_thing_noun(w)
                            || matches!(
                                w,
                                "sync"
                                    | "job"
                                    | "cron"
                                    | "script"
                                    | "automation"
                                    | "workflow"
                                    | "rule"
                                    | "policy"
                                    | "import"
                                    | "export"
                            ))
                })
                && !before.clone().any(|j| s.loose_class(j).person())
                || s.word(i0 + 1).ends_with("self")
                || s.word(i0 + 1).ends_with("selves")
            {
                return None;
            }
            // "Dave wrote Seun up for missing the page", "Write up t.nguyen for bypassing the
            // change process" (round 59, f651's and f652's misses): the person written up is
            // the verb's object, right after it or after "up" (or a role after "up the"),
            // and not an owner ("wrote up Priya's findings for the board", "The reviewer
            // wrote up the findings" write a document).
            let verb = s.word(i0);
            if verb.starts_with("writ") || verb == "wrote" {
                let object = |j: usize| {
                    s.toks.get(j).is_some_and(|t| !t.boundary && !t.poss)
                        && (matches!(s.loose_class(j), c if c.person() && c != Class::We)
                            || s.handle_at(j))
                };
                let up = s.word(i0 + 1) == "up";
                // A role may have up to two modifiers: "Write up the night operator for …".
                let role_after_the = matches!(s.word(i0 + 2), "the" | "that" | "this")
                    && (i0 + 3..(i0 + 6).min(s.toks.len()))
                        .take_while(|&j| {
                            !s.toks[j].boundary && !matches!(s.word(j), "for" | "over")
                        })
                        .any(|j| {
                            matches!(s.class(j), Class::Role | Class::Known) && !s.toks[j].poss
                        });
                let someone = if up {
                    object(i0 + 2) || role_after_the
                } else {
                    object(i0 + 1)
                };
                return if someone {
                    found(Rule::Punishment, ms, me)
                } else {
                    None
                };
            }
            // "Akosua's access to the payout console was suspended automatically when her
            // laptop failed the disk-encryption check." (round 59, f654's first run, a false
            // error): an act a system did by itself, no sanction.
            if (s.clause_start(i0)..(last + 4).min(s.toks.len()))
                .any(|j| matches!(s.word(j), "automatically" | "automated" | "auto"))
            {
                return None;
            }
            let clause = s.clause_start(last);
            let someone = (clause..last).any(|j| {
                let c = s.loose_class(j);
                let named_owner = s.class(j) == Class::Named
                    && matches!(s.word(j + 1), "had" | "has" | "got" | "lost");
                (s.toks[j].poss && (c.person() || c == Class::Group) && c != Class::We)
                    || matches!(s.class(j), Class::Known | Class::Role)
                    || named_owner
                    // "revoke her deploy rights": whose access, by a possessive pronoun
                    // after the verb ("her access was revoked by the cleanup job" is an
                    // automated act on a person, no sanction).
                    || (matches!(s.word(j), "his" | "her") && j > i0 && j + 1 < last)
                    // "Remove @seun from primary on-call", "Write up Tomás for leaving …",
                    // "suspend Tomasz's deploy rights" (round 57, f604–f606's first runs):
                    // the person the verb right before acts on, in an action item's
                    // imperative as in prose.
                    || ((j == i0 + 1 || j == i0 + 2 && s.word(i0 + 1) == "up") && {
                        let c = s.loose_class(j);
                        c.person() && c != Class::We && !s.toks[j].boundary || s.handle_at(j)
                    })
                    // "Remove t.nguyen's deploy rights to CertFlow" (round 59, f646's first
                    // run): a handle without its "@", as the owner of what is taken.
                    || (s.toks[j].poss && j > i0 && s.handle_at(j))
                    // "Write up the planner responsible for the double booking" (round 58,
                    // f635's first run): a role after "up the".
                    || (j == i0 + 3
                        && s.word(i0 + 1) == "up"
                        && matches!(s.word(i0 + 2), "the" | "that" | "this")
                        && matches!(s.class(j), Class::Role | Class::Known))
            })
                // "Remove deploy rights from kenji.w" (round 58, f629's first run): the
                // person the rights are taken from, right after the match.
                || (on_the_act && s.word(last + 1) == "from" && {
                    let c = s.loose_class(last + 2);
                    let t = s.toks.get(last + 2);
                    // A handle without its "@" ("from kenji.w", "from tnguyen").
                    let handle = t.is_some_and(|t| {
                        !t.boundary
                            && is_handle_shaped(s.text.get(t.start..t.end).unwrap_or(""))
                    });
                    c.person() && c != Class::We || handle
                });
            if someone {
                found(Rule::Punishment, ms, me)
            } else {
                None
            }
        }
        Kind::AnyoneCould => {
            // "Anyone on that shift would have seen the same thing and made the same
            // decision": the substitution test, which clears the person, not hindsight (round
            // 23, two false errors on first runs). What anyone would have seen is "the same"
            // or what the person saw, not the danger.
            let same = (last + 1..(last + 5).min(s.toks.len()))
                .any(|k| s.word(k) == "same" && s.word(k - 1) == "the")
                || (s.word(last + 1) == "what"
                    && matches!(s.word(last + 2), "she" | "he" | "they" | "we" | "i"));
            if same {
                return None;
            }
            found(Rule::Hindsight, ms, me)
        }
        Kind::ClearlyPerson => {
            let k = s.at(me)?;
            let mut k = k;
            while DETERMINERS.contains(s.word(k)) && k < s.toks.len() {
                k += 1;
            }
            if !s.class(k).person() && !s.loose_class(k).person() {
                return None;
            }
            const FAULT: &[&str] = &[
                "didn't",
                "did",
                "not",
                "never",
                "failed",
                "ignored",
                "forgot",
                "should",
                "neglected",
                "missed",
                "skipped",
                "wasn't",
                "misread",
                "misunderstood",
                "broke",
                "made",
                "hadn't",
                "couldn't",
            ];
            (k + 1..(k + 5).min(s.toks.len()))
                .take_while(|&j| !s.toks[j].boundary)
                .find(|&j| FAULT.contains(&s.word(j)))
                .and_then(|j| found(Rule::Hindsight, ms, s.span_end(j)))
        }
        Kind::Accidental => {
            let (c, j) = s.subject_class(i0);
            let (c, j) = if c.person() || c == Class::Group {
                (c, j)
            } else {
                // "An engineer deleted the table by mistake": the clause's subject.
                let j = s.clause_subject(i0);
                (j.map_or(Class::Other, |j| s.class(j)), j)
            };
            if j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            // "410 workers were marked as no-shows by mistake": the people are what the
            // mistake was done to: the verb nearest before the adverb is a participle after a
            // form of "be" (round 20, f117's first run).
            let start = s.clause_start(i0);
            let passive = (start + 1..i0)
                .rev()
                .find(|&k| is_past(s.word(k)) || is_participle(s.word(k)))
                .is_some_and(|k| {
                    // "was tired and accidentally deleted": another verb of the subject's.
                    if (k + 1..i0).any(|q| matches!(s.word(q), "and" | "then" | "but" | "or")) {
                        return false;
                    }
                    let mut b = k - 1;
                    while b > start && is_adverb(s.word(b)) {
                        b -= 1;
                    }
                    is_be(s.word(b))
                });
            if passive {
                return None;
            }
            // "As a result the employee was accidentally scheduled for removal", "the engineer
            // was inadvertently paged twice" (round 35, real139's first run): the adverb between
            // "be" and a participle, and the person is what was done to. An agent after "by"
            // ("was accidentally dropped by the on-call engineer") is whose act it was.
            let mut b = i0;
            while b > start && is_adverb(s.word(b - 1)) {
                b -= 1;
            }
            let after = s.word(i0 + 1);
            if b > start && is_be(s.word(b - 1)) && (is_participle(after) || is_past(after)) {
                return s
                    .agent_after_by(i0 + 2, i0 + 10)
                    .filter(|&(_, c)| c != Class::We)
                    .and_then(|(m, c)| found(agent_rule(c)?, ms, s.span_end(m)));
            }
            match c {
                Class::We => None,
                // "Package accidentally bumped to v18" (round 49, real211's first run on the
                // final code): a common word capitalised at a heading's or a sentence's start
                // is no name.
                Class::Named if j.is_some_and(|j| !s.is_a_name(j)) => None,
                c => agent_rule(c).and_then(|r| found(r, ms, me)),
            }
        }
        Kind::MadeMistake => {
            if s.negated_before(i0) {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            if j.is_some_and(|j| s.author_alone(j)) {
                return None;
            }
            // "Everyone makes mistakes, which is ok": a truth about people in general, told
            // in the present, is the blameless view itself (round 16, real48).
            let generic = j.is_some_and(|j| {
                matches!(
                    s.word(j),
                    "everyone" | "everybody" | "anyone" | "anybody" | "people" | "humans"
                )
            });
            if generic && matches!(s.word(i0), "make" | "makes") {
                return None;
            }
            match c {
                Class::We => None,
                c => agent_rule(c).and_then(|r| found(r, ms, me)),
            }
        }
        Kind::TracedTo => {
            // "was not down to the night team": the negation inside the match denies it.
            let denied = matched.split_whitespace().any(|w| {
                matches!(
                    w,
                    "not" | "never" | "wasn't" | "isn't" | "weren't" | "aren't"
                )
            });
            // "narrowed it all down to …" is a search, not a cause: "all down to" tells one
            // only when nothing is being narrowed ("…, all down to Magnus not updating …").
            let narrowed = matched.starts_with("all")
                && i0 > 0
                && matches!(s.word(i0 - 1), "it" | "them" | "this" | "that" | "things");
            if denied || narrowed || s.negated_before(i0) {
                return None;
            }
            let k = s.at(me)?;
            let (m, c) = s.noun_phrase_agent(k)?;
            if c == Class::Pronoun && !matches!(s.word(m), "he" | "she" | "they") {
                return None;
            }
            found(agent_rule(c)?, ms, s.span_end(m))
        }
        Kind::ResponsibleFor => {
            const INCIDENT: &[&str] = &[
                "outage",
                "incident",
                "failure",
                "breakage",
                "downtime",
                "mess",
                "disaster",
                "loss",
                "problem",
                "regression",
                "outages",
                "incidents",
                "failures",
                "mistake",
                "error",
                "bug",
            ];
            let k = s.at(me)?;
            // "… owns this failure" (round 19): a failure owned, as "responsible for" says; an
            // incident or an outage is owned by whoever leads the response, and is no blame.
            let owns = matches!(matched.trim_end(), "own" | "owns" | "owned");
            if owns {
                const FAILURES: &[&str] = &[
                    "failure", "failures", "mess", "disaster", "breakage", "mistake", "error",
                    "fiasco", "blunder", "screw-up", "screwup", "debacle",
                ];
                if !matches!(s.word(k), "this" | "that")
                    || !FAILURES.contains(&s.word(k + 1))
                    || s.negated_before(i0)
                {
                    return None;
                }
                // `agent_rule` names no one for "we" and "nobody".
                let (c, j) = s.subject_class(i0);
                return agent_rule(c)
                    .and_then(|r| found(r, j.map_or(ms, |j| s.toks[j].start), s.span_end(k + 1)));
            }
            let object_ok = match s.word(k) {
                "this" | "that" | "it" => {
                    k + 1 >= s.toks.len()
                        || s.toks[k + 1].boundary
                        || INCIDENT.contains(&s.word(k + 1))
                }
                "the" | "today" | "all" => {
                    (k + 1..(k + 4).min(s.toks.len())).any(|j| INCIDENT.contains(&s.word(j)))
                }
                w => INCIDENT.contains(&w),
            };
            if !object_ok || s.negated_before(i0) {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            let c = if c == Class::Other && j.is_some_and(|j| s.named_by_shape(j)) {
                Class::Named
            } else {
                c
            };
            match c {
                Class::We => None,
                c => agent_rule(c)
                    .and_then(|r| found(r, j.map_or(ms, |j| s.toks[j].start), s.span_end(k))),
            }
        }
        Kind::SupposedTo => {
            let (c, _) = s.subject_class(i0);
            // "The charge nurse needed to escalate this … at the start of the shift, not at
            // the end of it" (round 44, f352's and f353's first runs): what someone needed to
            // do, set against when they did it, is the course they should have taken. A need
            // without that contrast is a fact of the incident ("the loader needed the file").
            if s.word(i0) == "needed" {
                const WHEN: &[&str] = &[
                    "at", "after", "when", "until", "hours", "days", "minutes", "later", "once",
                    "the", "by", "on", "halfway",
                ];
                let contrast = s.text.get(me..).is_some_and(|rest| {
                    super::text::contrasted_words(rest)
                        .any(|w| WHEN.iter().any(|x| x.eq_ignore_ascii_case(w)))
                });
                let someone = c != Class::We && (c.person() || c == Class::Group);
                return (contrast && someone)
                    .then(|| found(Rule::Counterfactual, ms, me))
                    .flatten();
            }
            match c {
                Class::Named if !HUMAN_INFINITIVES.contains(s.word(last)) => None,
                Class::Group => found(Rule::Counterfactual, ms, me),
                c if c.person() => found(Rule::Counterfactual, ms, me),
                _ => None,
            }
        }
        Kind::NobodyChecked => {
            // "a channel nobody watched" describes the channel; only a clause opened by
            // "nobody" says people did not look.
            let opens = s.clause_start(i0) == i0
                || matches!(s.word(i0.wrapping_sub(1)), "and" | "so" | "then" | "yet");
            if !opens || s.rest_has(last, &["because", "since", "due"]) {
                return None;
            }
            found(Rule::Negligence, ms, me)
        }
        Kind::Unheeded => {
            if s.negated_before(i0) {
                return None;
            }
            if matched.ends_with("by") || matched.ends_with("by ") {
                let k = s.at(me)?;
                let (m, _) = s.noun_phrase_agent(k)?;
                return found(Rule::Negligence, ms, s.span_end(m));
            }
            found(Rule::Negligence, ms, me)
        }
        Kind::LostAccess => {
            let (c, _) = s.subject_class(i0);
            match c {
                Class::Known | Class::Named | Class::Role | Class::Pronoun => {
                    found(Rule::Punishment, ms, me)
                }
                _ => None,
            }
        }
        Kind::ReasonIs => {
            if s.negated_before(i0) || credits_harm_kept_away(&s.words()) {
                return None;
            }
            // "The on-call engineers are the reason we recovered in twenty minutes": the
            // reason for what went well is credit (round 44).
            // So is the verb the match ends on: "If anything, Ploy's rebooking is the reason
            // the product moved at all."
            #[rustfmt::skip]
            const CREDITED: &[&str] = &[
                "survived", "avoided", "managed", "recover", "restore", "survive", "succeed",
                "moved", "shipped", "launched", "finished", "completed", "passed", "balanced",
            ];
            let after = s.at(me).unwrap_or(s.toks.len());
            let from = after.saturating_sub(1).max(i0);
            if (from..(after + 4).min(s.toks.len()))
                .any(|k| RECOVERY.contains(&s.word(k)) || CREDITED.contains(&s.word(k)))
                || s.harm_denied_from(after)
            {
                return None;
            }
            // "Selamawit's call to the supervisor is why most passengers got the SMS before
            // leaving home" (round 47): people reached by a message in time is credit, unless
            // the message did harm ("got the SMS twice", "the wrong notice").
            const MESSAGES: &[&str] = &[
                "sms", "message", "messages", "warning", "warnings", "alert", "alerts", "update",
                "updates", "notice", "heads-up", "email", "emails", "text", "texts", "call",
            ];
            const BAD: &[&str] = &["twice", "wrong", "duplicate", "late", "again", "false"];
            let reached = (from..(after + 6).min(s.toks.len())).any(|k| {
                matches!(s.word(k), "got" | "received" | "heard")
                    && (k + 1..(k + 4).min(s.toks.len())).any(|m| MESSAGES.contains(&s.word(m)))
            });
            if reached && !(from..s.toks.len()).any(|k| BAD.contains(&s.word(k))) {
                return None;
            }
            // "Lucía is the reason the shipment left on time: she rebuilt the document set …"
            // (round 52, f487's first run, a false error): what went out or arrived on time,
            // in time or safely is credit. "… left late", "… didn't leave on time", "… ran
            // early" and "… showed the 07:14 as on time" (a false status) stay found.
            let window = from..(after + 6).min(s.toks.len());
            let timely = window.clone().any(|k| {
                (matches!(s.word(k), "on" | "in")
                    && s.word(k + 1) == "time"
                    && k.checked_sub(1).is_none_or(|p| s.word(p) != "as"))
                    || matches!(s.word(k), "safely" | "intact")
            });
            let soured = window.clone().any(|k| {
                let w = s.word(k);
                matches!(w, "not" | "never" | "late" | "wrong" | "twice") || w.ends_with("n't")
            });
            if timely && !soured {
                return None;
            }
            // "Bishwajit's morning check is the reason the duplicates were found before any
            // disbursement went out twice" (round 54, f538's first run, a false error): a
            // detection told as coming first ("before", "early", "in time", "within"), found
            // by the authors or in the passive. "… is the reason the errors were found in
            // production" stays found.
            let n = s.toks.len();
            if window.clone().any(|k| found_first_at(|j| s.word(j), k, n)) {
                return None;
            }
            let (c, j) = s.subject_class(i0);
            // "Efua's decision to go around the change board is the root cause", "The SCADA
            // team's refusal to follow change control is the root cause here": a person's or a
            // team's act opens the subject (round 20).
            let (c, j) = match c {
                Class::Other => s
                    .possessor_of_an_act(s.clause_start(i0), i0)
                    .map_or((c, j), |(k, pc)| (pc, Some(k))),
                c => (c, j),
            };
            match c {
                Class::We | Class::Pronoun => None,
                c => agent_rule(c).and_then(|r| found(r, j.map_or(ms, |j| s.toks[j].start), me)),
            }
        }
        Kind::Sanction => sanction(s, ms, me, i0, &matched),
        Kind::SanctionVerb => sanction_verb(s, ms, me, i0, &matched),
        Kind::Shaming => shaming(s, ms, me, i0, &matched),
        Kind::IronicPraise => ironic_praise(s, ms, i0, last),
        // Round 27 (f180–f185's first runs): a duty mocked as optional ("Apparently testing
        // is optional when there's an asado waiting", "the migration freeze is more of a
        // suggestion for some folk"), a name withheld to point at it ("Not naming names, but
        // one person's handle appears on every ticket"), a rhetorical "Who knew that …", and
        // a duty said to lie outside someone's job ("isn't in the field crew's job
        // description"). The pattern holds the irony's marks itself; a denial before it
        // ("it is not true that testing is optional") is not.
        Kind::MockedDuty => {
            if s.negated_before(i0) {
                return None;
            }
            // "Who knew …" opens its clause and asks: "A dispatcher who knew the line would
            // have held the train" is a relative clause.
            if s.word(i0) == "who" && (s.clause_start(i0) != i0 || !s.text.contains('?')) {
                return None;
            }
            // "… because he keeps them up to date every Friday, which is not in anyone's job
            // description, and it saved the morning" (round 51, f464's first run): a relative
            // clause that tells work done beyond the job, with no irony marked
            // (`acts_unasked`). "Checking the forecast isn't in the crew's job description"
            // mocks the act not done, and stays found.
            if i0 > 0 && s.word(i0 - 1) == "which" && acts_unasked(&s.words()) {
                return None;
            }
            // "Driving to Lonquimay at 05:50 after a call from Leilani wasn't in anyone's job
            // description." (round 53, f498's first run) and "Registering a replacement card
            // is not in anybody's job description" (a used set's document): work that is
            // nobody's duty, told plainly, whether done beyond the job or left without an
            // owner. A named job ("isn't in the field crew's job description"), an irony
            // adverb ("apparently") or a shrug ("I guess", "anymore") stays found.
            let nobodys_job = (2..s.toks.len()).any(|k| {
                s.word(k) == "job"
                    && s.word(k + 1) == "description"
                    && (k.saturating_sub(3)..k).any(|d| {
                        matches!(s.word(d), "anyone's" | "anybody's" | "anyone" | "anybody")
                    })
            });
            if nobodys_job
                && acts_unasked(&s.words())
                && !(0..s.toks.len()).any(|k| matches!(s.word(k), "guess" | "anymore" | "lol"))
            {
                return None;
            }
            found(Rule::Sarcasm, ms, me)
        }
        // "… is what broke it open" (round 45): the idiom of a find, not harm.
        Kind::ActThenHarm if credits_harm_kept_away(&s.words()) => None,
        // ", which is why no farmer was turned away": the consequence denies harm.
        Kind::ActThenHarm
            if (matched.ends_with("why") || matched.ends_with("how"))
                && s.harm_denied_from(s.at(me).unwrap_or(s.toks.len())) =>
        {
            None
        }
        Kind::ActThenHarm => act_then_harm(s, me, i0, &matched),
        // "Your check-in people have no idea what they are doing", "the night crew don't know
        // what they're doing" (round 35, f211's first run): a verdict on people's competence,
        // said of someone other than the authors.
        // "### What the loyalty team got wrong", "Where the Integrations team went wrong"
        // (round 35, f210's to f217's first runs): a heading or a clause that puts a team's or
        // a person's error in focus. The agent is the noun phrase after the wh-word; "What
        // went wrong", "what we got wrong" and "where the process went wrong" name no one.
        Kind::WhereTheyWentWrong => {
            if s.negated_before(i0) {
                return None;
            }
            // The words between are the agent's noun phrase alone: "what they did and what went
            // wrong" is two clauses.
            let verb = (i0 + 1..last).find(|&k| matches!(s.word(k), "got" | "went"))?;
            if (i0 + 1..verb).any(|k| {
                let w = s.word(k);
                s.toks[k].boundary
                    || is_past(w)
                    || matches!(w, "and" | "or" | "what" | "where" | "how" | "who")
            }) {
                return None;
            }
            let (m, c) = s.noun_phrase_agent(i0 + 1)?;
            if c == Class::We || c == Class::Pronoun && s.word(m) == "i" {
                return None;
            }
            agent_rule(c).and_then(|r| found(r, ms, me))
        }
        Kind::CompetenceVerdict => {
            let (c, j) = s.subject_class(i0);
            if s.negated_before(i0)
                || !(c.person() || c == Class::Group)
                || c == Class::We
                || j.is_some_and(|j| s.author_alone(j) || s.word(j) == "i")
            {
                return None;
            }
            found(Rule::Judgemental, ms, me)
        }
        Kind::IfHad => if_had(s, ms, me, i0),
        Kind::WhyDidnt => why_didnt(s, ms, me),
        // An inverted condition opens its sentence or clause.
        Kind::HadInverted | Kind::WereInverted if i0 > 0 && !s.toks[i0 - 1].boundary => None,
        Kind::WereInverted => were_inverted(s, ms, i0),
        Kind::HadInverted if asks_what_happened(&s.words(), s.text.get(..s.end)) => None,
        Kind::HadInverted => {
            let stop = (i0 + 6).min(s.toks.len());
            let k = (i0 + 2..stop)
                .take_while(|&j| !s.toks[j].boundary)
                .find(|&j| is_participle(s.word(j)))?;
            // "Had Jean-Baptiste been away, there was no plan B" (round 50, f446's first run, a
            // false error): a person supposed away, or acted on ("Had the engineer been paged
            // sooner"), as `if_had` reads "if … had been".
            if s.word(k) == "been" && been_tells_no_act(s, k) {
                return None;
            }
            // "Had we seen thousands of players, this would have left a very bad first
            // impression" (round 51, real224's first run, a false error).
            if supposes_a_load(s, k) {
                return None;
            }
            let mut h = k - 1;
            while h > i0 + 1 && is_adverb(s.word(h)) {
                h -= 1;
            }
            let c = s.class(h);
            let c = if c == Class::Other && s.named_by_shape(h) {
                Class::Named
            } else {
                c
            };
            // A name no dictionary knows, with any act, when a later clause tells what would
            // have followed: "Had Tomasz capped the discount, the damage would have stopped"
            // (round 36, f225's first run). A product's name ("Had Kafka rebalanced …") is a
            // word the dictionary knows.
            let strict =
                !(c == Class::Named && h == i0 + 1 && s.is_a_name(h) && s.past_perfect_after(k));
            counterfactual_for(c, s.word(k), strict).and_then(|r| found(r, ms, s.span_end(k)))
        }
    }
}

/// A counterfactual inverted with "Were" (round 28, f187's first run; round 27 left it): "Were
/// the supervisor watching the text queue, that session would never have timed out". The
/// subject (at most three words) is a person or a group, its verb an "-ing" form of an act
/// only people do or a participle of one, and a later clause of the sentence holds a past
/// modal's perfect ("would have", "could've", "wouldn't have"): the past that did not
/// happen. "Were the team to migrate …, it would …" looks ahead, and "Were the logs
/// checked?" asks; neither has the perfect.
fn were_inverted(s: &Sentence, ms: usize, i0: usize) -> Option<Found> {
    let stop = (i0 + 5).min(s.toks.len());
    let in_clause = || (i0 + 2..stop).take_while(|&j| !s.toks[j].boundary);
    // Or a presence that did not happen: "Were the DBA on the bridge from the start, the lock
    // would have been spotted within minutes" (round 48, f421's first run), the subject right
    // before a word of place or readiness.
    let k = in_clause().find(|&j| is_human_act(s.word(j))).or_else(|| {
        in_clause().find(|&j| {
            matches!(
                s.word(j),
                "on" | "in"
                    | "at"
                    | "around"
                    | "available"
                    | "awake"
                    | "present"
                    | "there"
                    | "reachable"
                    | "online"
            )
        })
    })?;
    let mut h = k - 1;
    while h > i0 + 1 && is_adverb(s.word(h)) {
        h -= 1;
    }
    let perfect = s.past_perfect_after(k);
    let after_a_break = (k + 1..s.toks.len()).any(|j| s.toks[j].boundary);
    if !perfect || !after_a_break {
        return None;
    }
    let c = s.class(h);
    match c {
        Class::Group => found(Rule::Counterfactual, ms, s.span_end(k)),
        c if c.person() && c != Class::We => found(Rule::Counterfactual, ms, s.span_end(k)),
        _ => None,
    }
}

/// Praise that mocks (round 21): thanks, kudos or "well done" to a person, a handle, a role or
/// a team for harm ("Thanks, @tnguyen, for the exciting weekend of refunds", "Kudos to Sid for
/// the fastest outage in company history"), for a lesson in what not to do, for a fault
/// ("Hats off to the release captain for testing in production yet again"), or for a delay
/// ("nice of @mdelacruz to join us, only 50 min after the page", "Well done, payments team:
/// twelve hours to notice …"). Thanks for a fix, a recovery or a quick response name no harm
/// as what is praised, and are left alone; so are thanks to the authors or to nobody.
fn ironic_praise(s: &Sentence, ms: usize, i0: usize, last: usize) -> Option<Found> {
    if s.negated_before(i0) {
        return None;
    }
    // Someone other than the praise's own words ("Kudos", "Bravo" are no names): a name, a
    // handle, "whoever", or a role or group noun ("the support lead", "dispatch"). Praise is
    // said to people, so a role the dictionary alone knows is no reason to only warn.
    let someone = s.without_mark(|| {
        (0..s.toks.len()).any(|k| {
            let t = &s.toks[k];
            !t.boundary
                && !(i0..=last).contains(&k)
                && (t.handle
                    || t.word == "whoever"
                    || is_actor_noun(&t.word)
                    || matches!(
                        s.class(k),
                        Class::Known | Class::Named | Class::Role | Class::Group
                    ))
        })
    });
    if !someone {
        // Thanks for something that open the line are said to someone, the one thanked:
        // "Thanks for the small refactor, it only took down three regions" (round 29, after
        // f191's first run), when the harm the thing thanked for did is played down ("only",
        // "just"). "Thanks for the quick fix, it only took five minutes" plays down no harm,
        // and "Thanks to the failover, …" thanks no one.
        #[rustfmt::skip]
        const CHANGES: &[&str] = &[
            "change", "refactor", "deploy", "deployment", "update", "upgrade", "migration",
            "patch", "release", "tweak", "cleanup", "clean-up", "rollout", "merge", "commit",
            "push", "improvement", "optimisation", "optimization", "hotfix", "bump",
        ];
        let opens = (0..i0).all(|k| s.toks[k].boundary) && s.word(last + 1) == "for";
        return if opens {
            let end = harm_played_down(s, last + 1)?;
            // What is thanked for is a change someone made, whose harm "it" is: "thanks for
            // the report, it only took down one test cluster" thanks a report, sincerely.
            let a_change = (last + 2..end)
                .take_while(|&k| !matches!(s.word(k), "it" | "that" | "which" | "this"))
                .any(|k| CHANGES.contains(&singular(s.word(k))));
            if !a_change {
                return None;
            }
            found(Rule::Sarcasm, ms, s.toks[end].end)
        } else {
            None
        };
    }
    if let Some(end) = irony_cue(s, last + 1) {
        return found(Rule::Sarcasm, ms, s.toks[end].end);
    }
    // Round 46 (f386's and f389's first runs, and 35 misses on used sets): praise with an emoji
    // of mockery after it ("great job team, double-charging 8,000 riders on payday 👏👏",
    // "great job dispatch 👏 thirty farms with full tanks and no truck"), said to someone. On
    // the labelled sets, praise and such an emoji are mockery but where the line tells a
    // recovery ("great job everyone 👏 cabinets back at Huaynuma, get some sleep").
    // Clapping, a trophy or laughter may be sincere ("nice work team 👏", "thanks so much
    // @kit.w 👏", "you nailed it 👏"), so with those the line must also tell harm or hold a
    // word that sincere thanks does not use ("another", "whoever", "new record",
    // "masterclass"); an upside-down face, a rolled eye or a smirk is mockery alone.
    let rest = s.text.get(s.toks[last].end..).unwrap_or("");
    #[rustfmt::skip]
    const IRONY: &[&str] = &[
        "masterclass", "again", "another", "record", "whoever", "generous", "visionary",
        "legendary", "inventing", "invented", "discovering",
    ];
    let mocked = rest
        .chars()
        .any(|c| matches!(c, '🙃' | '🙄' | '😏' | '🤡' | '🤦'))
        || (mocking_emoji(rest)
            && (super::engine::tells_of_harm(rest)
                || (0..s.toks.len()).any(|k| IRONY.contains(&s.word(k)))));
    if mocked && !tells_a_recovery(s, last + 1) {
        return found(Rule::Sarcasm, ms, s.toks[last].end);
    }
    None
}

/// Whether `text` holds an emoji that chat uses to mock: clapping, an upside-down or
/// eye-rolling face, a smirk, a clown, a trophy, tears of laughter, a facepalm. A heart or
/// folded hands is thanks.
pub(super) fn mocking_emoji(text: &str) -> bool {
    text.chars().any(is_mocking_emoji)
}

/// Whether `c` is one of [`mocking_emoji`]'s emoji.
pub(super) fn is_mocking_emoji(c: char) -> bool {
    matches!(
        c,
        '👏' | '🙃' | '🙄' | '😏' | '🤡' | '🏆' | '😂' | '🤣' | '🤦' | '🥇' | '👌' | '💯'
    )
}

/// Whether the words from token `from` on tell a recovery or thanks for one: "back", "restored",
/// "steady", "fixed" (not in scare quotes), "thank you all", "get some sleep".
fn tells_a_recovery(s: &Sentence, from: usize) -> bool {
    // Chat's words of things back to normal; not the module's `RECOVERY` verbs, whose
    // "caught" and "noticed" are no recovery to thank people for.
    #[rustfmt::skip]
    const BACK_TO_NORMAL: &[&str] = &[
        "back", "restored", "recovered", "reopened", "steady", "stable", "resolved", "green",
        "sleep", "rest", "saved", "home", "deserved", "mitigated", "contained", "healthy",
    ];
    (from..s.toks.len()).any(|k| {
        let w = s.word(k);
        BACK_TO_NORMAL.contains(&w)
            || (w == "fixed"
                && !s
                    .text
                    .get(..s.toks[k].start)
                    .is_some_and(|b| b.ends_with('"')))
            || (w == "thank" && s.word(k + 1) == "you")
    })
}

/// Where a harm played down after token `from` ends, if any: the thing thanked for ("it",
/// "that", "which") with "only" or "just" and, within two words, an act that breaks things
/// ("it only took down three regions", "which just wiped the staging database").
fn harm_played_down(s: &Sentence, from: usize) -> Option<usize> {
    let n = s.toks.len();
    (from + 1..n)
        .filter(|&k| {
            matches!(s.word(k), "only" | "just")
                && matches!(s.word(k - 1), "it" | "that" | "which" | "this")
        })
        .find_map(|k| {
            (k + 1..(k + 3).min(n)).find(|&v| match s.word(v) {
                "took" | "brought" | "knocked" => {
                    v + 1 < n && matches!(s.word(v + 1), "down" | "out" | "offline")
                        || (v + 2 < n && matches!(s.word(v + 2), "down" | "out" | "offline"))
                }
                "broke" | "wiped" | "deleted" | "corrupted" | "crashed" | "nuked" | "bricked"
                | "killed" => true,
                _ => false,
            })
        })
}

/// Where the first cue of mockery after token `from` ends (see [`ironic_praise`]), if any.
fn irony_cue(s: &Sentence, from: usize) -> Option<usize> {
    #[rustfmt::skip]
    const HARM: &[&str] = &[
        "outage", "downtime", "typo", "mistake", "mess", "incident", "breakage", "meltdown",
        "fire-drill", "all-nighter", "data-loss",
    ];
    #[rustfmt::skip]
    const TIMES: &[&str] = &[
        "weekend", "night", "morning", "evening", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "holiday", "wake-up", "lunch",
    ];
    #[rustfmt::skip]
    const IRONIC: &[&str] = &[
        "exciting", "fun", "lovely", "wonderful", "memorable", "free", "extra", "surprise",
        "unplanned", "bonus", "most", "expensive", "fastest", "biggest", "spectacular",
        "impressive", "brand-new", "sleepless", "eventful", "relaxing", "thrilling", "unforgettable",
    ];
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "our", "their", "his", "her", "your", "another", "yet",
    ];
    let n = s.toks.len();
    let w = |k: usize| if k < n { s.word(k) } else { "" };
    let ends_phrase = |k: usize| {
        k + 1 >= n
            || s.toks[k + 1].boundary
            || matches!(
                w(k + 1),
                "of" | "in" | "on" | "at" | "during" | "from" | "with" | "that" | "last" | "again"
            )
    };
    let number = |k: usize| {
        let x = w(k);
        x.bytes().all(|b| b.is_ascii_digit()) && !x.is_empty()
            || matches!(
                x,
                "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
                    | "fifteen"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
                    | "sixty"
                    | "ninety"
                    | "several"
            )
    };
    // A delay worth mocking: minutes from thirty, or any hours, days or weeks.
    let long_delay = |k: usize| {
        let count: Option<u32> = w(k).parse().ok();
        match singular(w(k + 1)) {
            "minute" | "min" | "mins" => {
                count.is_some_and(|c| c >= 30)
                    || matches!(w(k), "thirty" | "forty" | "fifty" | "sixty" | "ninety")
            }
            "hour" | "hr" | "hrs" | "day" | "week" => true,
            _ => false,
        }
    };
    for k in from..n {
        match w(k) {
            // "Thanks to everyone who worked on this incident" (round 58, after f623's false
            // finding): work on the harm is what is thanked for.
            "on" if matches!(
                w(k.wrapping_sub(1)),
                "work"
                    | "worked"
                    | "working"
                    | "effort"
                    | "efforts"
                    | "help"
                    | "helped"
                    | "helping"
                    | "jumped"
                    | "collaborated"
                    | "responded"
            ) => {}
            // "for the exciting weekend of refunds", "on the most expensive typo of the year"
            "for" | "on" => {
                let mut j = k + 1;
                let mut ironic = false;
                while j < n && j < k + 5 && (DETERMINERS.contains(&w(j)) || IRONIC.contains(&w(j)))
                {
                    ironic |= IRONIC.contains(&w(j));
                    j += 1;
                }
                if j < n && HARM.contains(&singular(w(j))) && ends_phrase(j) {
                    return Some(j);
                }
                if j < n
                    && ironic
                    && TIMES.contains(&w(j))
                    && (ends_phrase(j) || TIMES.contains(&w(j + 1)))
                {
                    return Some(j);
                }
            }
            // "a masterclass in what not to do", "the lesson in what happens when you …"
            "how" | "what" if w(k + 1) == "not" && w(k + 2) == "to" => return Some(k + 2),
            "what" if w(k + 1) == "happens" && w(k + 2) == "when" => return Some(k + 2),
            // "for skipping lunch to get the fix out" is a sacrifice, not a fault.
            "skipping"
                if matches!(
                    w(k + 1),
                    "lunch" | "dinner" | "breakfast" | "sleep" | "their" | "his" | "her"
                ) => {}
            "skipping" | "ignoring" | "forgetting" | "bricking" | "nuking" | "crashing" => {
                return Some(k)
            }
            "breaking" if !matches!(w(k + 1), "down" | "news" | "point" | "change" | "changes") => {
                return Some(k)
            }
            "testing" if w(k + 1) == "in" && w(k + 2).starts_with("prod") => return Some(k + 2),
            "pushing" if matches!(w(k + 1), "straight" | "directly") => return Some(k + 1),
            // "yet again", "for the third time this month", "a new record", "a brand-new way
            // to break …"
            "again" if w(k.wrapping_sub(1)) == "yet" => return Some(k),
            "time"
                if matches!(
                    w(k.wrapping_sub(1)),
                    "second" | "third" | "fourth" | "fifth" | "nth" | "umpteenth"
                ) =>
            {
                return Some(k)
            }
            "record" if w(k.wrapping_sub(1)) == "new" => return Some(k),
            "way"
                if matches!(w(k.wrapping_sub(1)), "brand-new" | "new" | "creative")
                    && w(k + 1) == "to" =>
            {
                return Some(k)
            }
            // "only 50 min after the page", "three days later"; "after only ninety minutes."
            // ends its clause ("after only two hours of sleep" is a sacrifice).
            "only"
                if number(k + 1)
                    && long_delay(k + 1)
                    && (matches!(w(k + 3), "after" | "later" | "late")
                        || (w(k.wrapping_sub(1)) == "after"
                            && (k + 3 >= n || s.toks[k + 3].boundary))) =>
            {
                return Some(k + 2)
            }
            // "twelve hours to notice"
            _ if number(k)
                && long_delay(k)
                && w(k + 2) == "to"
                && matches!(
                    w(k + 3),
                    "notice" | "respond" | "answer" | "reply" | "acknowledge"
                ) =>
            {
                return Some(k + 3)
            }
            // "the dashboards have never been so quiet"
            "never" if w(k + 1) == "been" && w(k + 2) == "so" => return Some(k + 2),
            // "a great time to change the booking system", "a fine place to test"
            "time" | "place" | "moment" | "day" | "idea"
                if matches!(
                    w(k.wrapping_sub(1)),
                    "great" | "perfect" | "fine" | "wonderful" | "brilliant" | "excellent"
                ) && w(k + 1) == "to" =>
            {
                return Some(k)
            }
            _ => {}
        }
    }
    None
}

/// A rhetorical question of what someone did not do (round 20): "Why didn't @eyilmaz roll back
/// when the error rate tripled?", "Why didn't the platform team check the quota?". Asked of a
/// name, a handle or a group; of a role only with a word of second-guessing ("Why didn't the
/// duty manager even call?"), since a five-whys section asks "Why didn't the on-call engineer
/// get paged?" to find a cause in the system. Never of the authors or of a thing.
fn why_didnt(s: &Sentence, ms: usize, me: usize) -> Option<Found> {
    let from = s.at(me)?;
    let (k, c) = s.noun_phrase_agent(from)?;
    let second_guessing = s.toks[k..]
        .iter()
        .any(|t| matches!(t.word.as_str(), "even" | "just" | "simply" | "bother"));
    let rule = match c {
        Class::Known => Rule::Counterfactual,
        Class::Named if s.is_a_name(k) => Rule::Counterfactual,
        Class::Group => Rule::TeamBlame,
        Class::Role if second_guessing => Rule::Counterfactual,
        _ => return None,
    };
    found(rule, ms, s.span_end(k))
}

/// Who may carry a counterfactual: people and "we" always; a capitalised word we cannot
/// confirm only with a participle of human perception or choice.
fn counterfactual_for(c: Class, participle: &str, strict_named: bool) -> Option<Rule> {
    match c {
        Class::Named
            if strict_named && !HUMAN_PARTICIPLES.contains(participle) && participle != "been" =>
        {
            None
        }
        Class::Group => Some(Rule::Counterfactual),
        c if c.person() => Some(Rule::Counterfactual),
        _ => None,
    }
}

/// "Shouldn't the engineer have …?": a negated modal followed by its subject.
fn inverted_question(s: &Sentence, i0: usize, modal: &str) -> bool {
    modal.ends_with("n't")
        && s.word(i0 + 1) != "have"
        && !is_adverb(s.word(i0 + 1))
        && !matches!(
            s.word(i0 + 1),
            "not" | "all" | "both" | "each" | "even" | "ever" | "always" | "really"
        )
}

/// "What we should have done better", "How we could have responded differently": the whole
/// sentence a clause of "what", "how" or "where" and the authors, with no verb of its own, is
/// the title of a section of lessons (round 16: a published report's heading), not a
/// counterfactual asserted. "What we should have done is test the restore" goes on and is one.
fn lessons_title(s: &Sentence, i0: usize, last: usize) -> bool {
    let Some(first) = (0..i0).find(|&j| !s.toks[j].boundary) else {
        return false;
    };
    if !matches!(s.word(first), "what" | "how" | "where")
        || !matches!(s.word(first + 1), "we" | "i")
        || first + 2 != i0
    {
        return false;
    }
    // Marks are boundary tokens, so only words are left to read.
    let mut rest = (last + 1..s.toks.len()).filter(|&j| !s.toks[j].boundary);
    rest.clone().count() <= 2
        && rest.all(|j| {
            matches!(
                s.word(j),
                "better" | "differently" | "instead" | "sooner" | "earlier" | "more"
            )
        })
}

/// Whether the sentence's lower-cased words (`words`) tell what something made possible by
/// "meant" or "means", "that" and a subject of up to three words before "could have" ("Farid's
/// flag-based change meant we could have rolled back instantly", round 49, f430's first run):
/// a capability, not a course someone failed to take.
pub(super) fn made_possible(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "meant" | "means") && {
            let from = if words.get(i + 1) == Some(&"that") {
                i + 2
            } else {
                i + 1
            };
            (from + 1..(from + 4).min(words.len())).any(|k| {
                words[k] == "could" && words.get(k + 1) == Some(&"have") || words[k] == "could've"
            })
        }
    })
}

fn modal_perfect(s: &Sentence, ms: usize, i0: usize, last: usize) -> Option<Found> {
    let modal = s.word(i0).to_owned();
    let could = modal.starts_with("could");
    let negated =
        modal.ends_with("n't") || (i0 + 1..last).any(|j| matches!(s.word(j), "not" | "never"));
    let inverted = inverted_question(s, i0, &modal);
    if could && negated && !inverted {
        return None; // "we couldn't have known" excuses rather than blames
    }
    if lessons_title(s, i0, last) {
        return None;
    }
    if modal.starts_with("should") && !negated && !inverted && conforms_as_it_should(s, i0, last) {
        return None;
    }
    // "The PayKade sandbox ignored idempotency headers entirely, so no test we had could have
    // caught the duplicate." (round 59, f652's first run): a subject opened by "no" ("no
    // test", "no reviewer", "no amount of care") denies that anything could have done it, as
    // "nobody could have known" does.
    if (could || modal.starts_with("would") || modal.starts_with("might"))
        && !inverted
        && (s.clause_start(i0)..i0).any(|k| s.word(k) == "no" && !s.toks[k].boundary)
    {
        return None;
    }
    let participle = s.word(last);
    if participle == "been" {
        let next = s.next_word(last);
        let nw = next.map_or("", |n| s.word(n));
        let adj = next.and_then(|n| {
            if matches!(nw, "clear" | "obvious" | "evident" | "apparent") {
                Some(n)
            } else if matches!(
                nw,
                "more" | "so" | "very" | "quite" | "immediately" | "pretty"
            ) {
                s.next_word(n)
                    .filter(|&m| matches!(s.word(m), "clear" | "obvious" | "evident" | "apparent"))
            } else {
                None
            }
        });
        if let Some(a) = adj {
            return found(Rule::Hindsight, ms, s.span_end(a));
        }
        if is_participle(nw) {
            return None; // passive: "we should have been paged" is about the system
        }
        if matches!(nw, "able" | "unable" | "possible") {
            // What a system should have prevented, whoever the subject: "they should not have
            // been able to authenticate as guests"; or allowed: "it should have been possible
            // to roll back". "The reviewer should have been able to catch it" is about the
            // reviewer, and stays a counterfactual.
            let (c, _) = s.subject_class(i0);
            if negated || nw == "possible" || !(c.person() || c == Class::Group) {
                return None;
            }
        }
    } else if !is_participle(participle) {
        return None; // "should have to", "should have a runbook"
    } else if participle == "needed" {
        // "Diego should not have needed to choose between the interlock and the pump
        // schedule" (round 59, f660's first run on the final code, a false error): a need
        // that should not have arisen, as "should not have had to" tells it, is no act left
        // undone.
        return None;
    }
    // "If this happened to you, you should have gotten an email saying as much" (round 51,
    // real222's first run): what should have reached someone, not an act they failed to do.
    if modal.starts_with("should") && !negated && {
        let rest: Vec<&str> = (last..(last + 5).min(s.toks.len()))
            .map(|k| s.word(k))
            .collect();
        expects_a_delivery(&rest)
    } {
        return None;
    }
    // "Shouldn't the deploying engineer have watched the canary?": the subject stands between
    // the negated modal and "have", and a rhetorical question excuses nothing.
    let (c, j) = if inverted {
        if s.word(i0 + 1) == "we" {
            (Class::We, Some(i0 + 1))
        } else {
            match s.noun_phrase_agent(i0 + 1) {
                Some((k, c)) => (c, Some(k)),
                None => return None,
            }
        }
    } else {
        s.subject_class(i0)
    };
    let subject = j.map_or("", |j| s.word(j));
    // "Farid's flag-based change meant we could have rolled back instantly" (round 49, f430's
    // first run, a false error): what a thing made possible, not an act weighed against
    // what was done.
    if could && !inverted && made_possible(&s.words()) {
        return None;
    }
    if could && !inverted {
        // "The duty manager could have paged the vendor instead of waiting" (round 43, f343's
        // first run): the act weighed against what was done, by someone other than the
        // authors ("we could have lost every order instead of one shard" weighs outcomes).
        let perceptive = HUMAN_PARTICIPLES.contains(participle)
            || (c != Class::We
                && c != Class::Named
                && (last + 1..s.toks.len())
                    .take_while(|&k| !s.is_break(k))
                    .any(|k| s.word(k) == "instead" && s.word(k + 1) == "of"));
        if !perceptive
            || matches!(
                subject,
                "anyone" | "anybody" | "someone" | "somebody" | "everyone" | "everybody"
            )
        {
            return None;
        }
    }
    if subject == "whoever" || subject == "who" {
        return None;
    }
    // "Nobody should have been approving permits from a phone at midnight", "nobody should
    // have let it near production" (round 46, f387's first run): a duty denied to everyone,
    // said of a past act only people do, tells that someone did it. "Nobody should have to
    // remember …" (no participle) and "nobody could have known" (excused) are left.
    if c == Class::NegPronoun && !could && !negated && !inverted {
        let act = if participle == "been" {
            s.next_word(last).is_some_and(|n| is_human_act(s.word(n)))
        } else {
            HUMAN_PARTICIPLES.contains(participle) || matches!(participle, "let" | "run" | "done")
        };
        return act
            .then(|| found(Rule::Counterfactual, ms, s.span_end(last)))
            .flatten();
    }
    counterfactual_for(c, participle, true).and_then(|r| found(r, ms, s.span_end(last)))
}

/// Whether "took down" (or "took … down", "taken down") at `i0` to `last` takes down a notice,
/// a sign or a barrier, or writes something down, rather than a service (round 61, f674's
/// first run, a false error: "Patrol took down the paper signs at 15:00."; "took down the
/// caller's details"). The object is the noun phrase after "down", up to a preposition or
/// the clause's end, or the words between the verb and "down".
fn takes_down_a_notice(s: &Sentence, i0: usize, last: usize, matched: &str) -> bool {
    #[rustfmt::skip]
    const NOTICES: &[&str] = &[
        "sign", "signage", "poster", "banner", "notice", "placard", "flyer", "leaflet", "sticker",
        "barrier", "cone", "fence", "tent", "marquee", "decoration", "flag", "bunting", "note",
        "minute", "detail", "name", "address", "statement", "dictation", "transcript",
    ];
    let m = matched.to_ascii_lowercase();
    if !(m.starts_with("took") || m.starts_with("tak")) || s.word(last) != "down" {
        return false;
    }
    let object = if last > i0 + 1 {
        i0 + 1..last
    } else {
        let end = (last + 1..(last + 6).min(s.toks.len()))
            .find(|&k| {
                s.toks[k].boundary
                    || s.is_break(k)
                    || matches!(
                        s.word(k),
                        "at" | "in"
                            | "on"
                            | "for"
                            | "from"
                            | "with"
                            | "to"
                            | "by"
                            | "after"
                            | "before"
                            | "and"
                            | "so"
                            | "when"
                            | "while"
                            | "during"
                    )
            })
            .unwrap_or_else(|| (last + 6).min(s.toks.len()));
        last + 1..end
    };
    object.into_iter().any(|k| {
        let w = s.word(k);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        NOTICES.contains(&singular(w))
    })
}

/// Whether the modal perfect from `i0` to `last` is a clause of conformity that closes the
/// sentence, "as" and its subject before the modal and nothing after the participle but
/// "done" or "too", and what the sentence told before it is not denied (round 61, real354's
/// first run, a false error: "They were confused and concerned, and some were downright
/// furious. As they should have been."). Such a clause agrees that what was told happened as
/// it ought to: a feeling endorsed, an act credited ("Kim escalated to the vendor at 02:10, as
/// she should have done"). A failure told before it ("The change was not tested, as it
/// should have been", "Nobody paged the DBA, as they should have") keeps the weighing.
fn conforms_as_it_should(s: &Sentence, i0: usize, last: usize) -> bool {
    let Some(a) = (i0.saturating_sub(4)..i0)
        .rev()
        .find(|&k| s.word(k) == "as")
    else {
        return false;
    };
    let subject = a + 1..i0;
    if subject.is_empty() || subject.clone().any(|k| s.toks[k].boundary || s.is_break(k)) {
        return false;
    }
    let closes = (last + 1..s.toks.len())
        .take_while(|&k| !s.toks[k].boundary)
        .all(|k| matches!(s.word(k), "done" | "too" | "as" | "well"));
    #[rustfmt::skip]
    const FAILED: &[&str] = &[
        "failed", "forgot", "neglected", "skipped", "missed", "omitted", "ignored", "lacked",
    ];
    closes
        && !(0..a).any(|k| {
            let w = s.word(k);
            NEGATORS.contains(w) || w.ends_with("n't") || w.ends_with("n’t") || FAILED.contains(&w)
        })
}

/// A person's act given as the reason for harm told before it: "The casting schedule slipped a
/// week because the foundry foreman booked two bells into the same pit". Not an act that
/// reports, asks or helps (`CREDIT_VERBS`), nor a pronoun inside a thing's noun phrase.
fn because(s: &Sentence, ms: usize, i0: usize) -> Option<Found> {
    const INCIDENT: &[&str] = &[
        "outage",
        "incident",
        "failure",
        "breakage",
        "downtime",
        "happened",
        "occurred",
        "started",
        "began",
        "broke",
        "crashed",
        "failed",
        "loss",
        "degradation",
        "disruption",
        "regression",
        "problem",
        "went",
        "down",
        "broken",
        "lost",
        "corrupted",
        "deleted",
        "wiped",
        "slipped",
        "fell",
        "dark",
        "jammed",
        "overheated",
        "flooded",
        "penalised",
        "penalized",
        "scratched",
        "stranded",
        "wrong",
        // Round 17 (f74–f77): harm told as a state or a count ("read 40 kg light", "went out
        // late", "sat stuck", "came up empty").
        "light",
        "late",
        "stuck",
        "offline",
        "empty",
        "unpaid",
        "underpaid",
        "overcharged",
        "stale",
        "spoiled",
        "spoilt",
        "ruined",
        "missed",
        "leaked",
        "exposed",
        "duplicated",
        "cancelled",
        "canceled",
        "injured",
        "hurt",
    ];
    if !(0..i0).any(|j| INCIDENT.contains(&s.word(j)) || is_misdeed_verb(s.word(j))) {
        return None;
    }
    // "The incident was resolved quickly because Miguel recognised the signature": what the
    // reason explains is the recovery, not the harm.
    if (0..i0).any(|j| {
        matches!(
            s.word(j),
            "resolved"
                | "recovered"
                | "restored"
                | "mitigated"
                | "contained"
                | "quickly"
                | "fast"
                | "short"
                | "brief"
        )
    }) {
        return None;
    }
    let (k, c) = s.noun_phrase_agent(i0 + 1)?;
    if matches!(c, Class::We | Class::Pronoun)
        && (!matches!(s.word(k), "he" | "she" | "they") || k != i0 + 1)
    {
        // "because the file they loaded was copied over": the pronoun is inside the noun
        // phrase of a thing, which is what the clause is about.
        return None;
    }
    let mut v = k + 1;
    // "because Jana from dispatch pasted …": past a phrase of place after the person (a
    // preposition and up to three words with no verb, mark or quote among them). Not
    // `head_before_place`: that one asks `class` for the person, and the person here was
    // found by `noun_phrase_agent`'s looser reading ("Tomasz from infra disabled …").
    if matches!(s.word(v), "from" | "at" | "in" | "on") {
        if let Some(e) = (v + 1..(v + 5).min(s.toks.len())).find(|&q| is_past(s.word(q))) {
            let plain = (v + 1..e).all(|q| {
                let w = s.word(q);
                !s.toks[q].boundary && w.starts_with(char::is_alphanumeric) && !is_participle(w)
            });
            if plain {
                v = e;
            }
        }
    }
    while v < s.toks.len() && is_adverb(s.word(v)) {
        v += 1;
    }
    let w = s.word(v);
    // "because the crew asked me to record it", "because the night porter noticed the smell":
    // an act that reports, asks or helps is no reason for harm.
    if CREDIT_VERBS.contains(&w) {
        return None;
    }
    // "because Leila didn't submit it in time" (round 59, f653's miss): any duty a person
    // leaves undone ([`HUMAN_INFINITIVES`]), and the paperwork an outage waits on.
    let blames = is_past(w)
        || (matches!(w, "didn't" | "did" | "never")
            && (v + 1..(v + 3).min(s.toks.len())).any(|j| {
                let x = s.word(j);
                HUMAN_INFINITIVES.contains(x)
                    || matches!(
                        x,
                        "bother" | "submit" | "file" | "send" | "sign" | "book" | "pay" | "approve"
                    )
            }));
    if !blames {
        return None;
    }
    found(agent_rule(c)?, ms, s.span_end(v))
}

fn fault_of(
    s: &Sentence,
    ms: usize,
    me: usize,
    i0: usize,
    last: usize,
    matched: &str,
) -> Option<Found> {
    if s.negated_before(i0) {
        return None;
    }
    if matched.ends_with("fault") && s.toks.get(i0).is_some_and(|t| t.poss) {
        let c = match s.loose_class(i0) {
            Class::Other if s.organisation_at_fault(i0) => Class::Group,
            c => c,
        };
        return agent_rule(c).and_then(|r| found(r, ms, me));
    }
    // "Blame the site staff for the signs.", "I blame the DBA": blame laid by the authors,
    // an order or their own verdict, on whoever the object names.
    let lower = matched.trim_end().to_ascii_lowercase();
    let laid = lower.ends_with("blame") && !lower.starts_with("to");
    // "Responsibility for the fix lies with operations": a duty given for what comes next, not
    // fault for what happened (round 36).
    if s.word(i0) == "responsibility"
        && s.word(i0 + 1) == "for"
        && (i0 + 2..(i0 + 5).min(s.toks.len()))
            .take_while(|&k| !s.toks[k].boundary)
            .any(|k| {
                matches!(
                    singular(s.word(k)),
                    "fix"
                        | "follow-up"
                        | "remediation"
                        | "action"
                        | "recovery"
                        | "cleanup"
                        | "clean-up"
                        | "repair"
                        | "rollout"
                        | "communication"
                        | "decision"
                        | "migration"
                        | "implementation"
                        | "item"
                )
            })
    {
        return None;
    }
    // "Responsibility for contractor notices sits with procurement, while the knowledge needed
    // to act on them sits with engineering." (round 56, f590's first run, a false error): who
    // owns a kind of work, told with no harm, event or pronoun for the incident in what the
    // responsibility is for. "Responsibility for the outage lies with procurement",
    // "Responsibility for the lost backups lies with …" and "responsibility for this rests
    // with …" stay found.
    if s.word(i0) == "responsibility" && s.word(i0 + 1) == "for" {
        #[rustfmt::skip]
        const EVENT: &[&str] = &[
            "outage", "incident", "failure", "error", "mistake", "breach", "loss", "crash",
            "downtime", "delay", "problem", "issue", "mess", "disaster", "damage", "this", "it",
            "that", "what", "these", "those", "overrun", "leak", "bug", "fault", "miss",
            "lapse", "slip", "oversight", "breakage", "corruption", "impact", "harm",
        ];
        let owner_verb = (i0 + 2..(i0 + 8).min(s.toks.len()))
            .take_while(|&k| !s.toks[k].boundary)
            .find(|&k| {
                matches!(
                    s.word(k),
                    "sits"
                        | "sat"
                        | "lies"
                        | "lay"
                        | "rests"
                        | "rested"
                        | "is"
                        | "was"
                        | "belongs"
                        | "belonged"
                )
            });
        // The work is named as a kind, with no determiner ("contractor notices", "renewals"):
        // "the refund storm", "the lost backups" are this incident's, and "squarely" or
        // "solely" lays it.
        if let Some(v) = owner_verb {
            let object = i0 + 2..v;
            let bare = !matches!(
                s.word(i0 + 2),
                "the"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "a"
                    | "an"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "any"
                    | "all"
                    | "each"
                    | "every"
            ) && !s.toks[i0 + 2].poss;
            if bare
                && !object.is_empty()
                && !object.clone().any(|k| {
                    let w = singular(s.word(k));
                    EVENT.iter().any(|e| w.starts_with(e))
                })
                && !(v..s.toks.len()).any(|k| {
                    matches!(
                        s.word(k),
                        "squarely" | "solely" | "entirely" | "wholly" | "fully"
                    )
                })
            {
                return None;
            }
        }
    }
    if matched.starts_with("fault of")
        || matched.ends_with("with")
        || matched.ends_with("on")
        || laid
    {
        let k = s.at(me)?;
        let (m, c) = s.noun_phrase_agent(k)?;
        if laid {
            // Not laid but weighed: a question ("Blame the on-call engineer? No: …"), the act
            // of blaming as a subject ("Blame the humans is the easy answer"), or blaming in
            // general ("When we blame the operator, people hide mistakes").
            let asked = s
                .text
                .get(s.toks[m].end..s.end)
                .is_some_and(|rest| rest.trim_end().ends_with('?'));
            let as_subject = matches!(s.word(m + 1), "is" | "was" | "isn't" | "wasn't");
            let start = s.clause_start(i0);
            let general = (start..i0).any(|j| {
                matches!(
                    s.word(j),
                    "when" | "whenever" | "if" | "once" | "unless" | "until" | "because"
                )
            });
            if asked || as_subject || general {
                return None;
            }
        }
        return found(agent_rule(c)?, ms, s.span_end(m));
    }
    // "X is to blame", "X was at fault"
    let (c, j) = match s.subject_class(i0) {
        (Class::Other, Some(j)) if s.organisation_at_fault(j) => (Class::Group, Some(j)),
        cj => cj,
    };
    let subject = j.map_or("", |j| s.word(j));
    if matches!(subject, "who" | "whoever") || c == Class::We {
        return None;
    }
    let _ = last;
    agent_rule(c).and_then(|r| found(r, j.map_or(ms, |j| s.toks[j].start), me))
}

/// Verbs of recovery and detection: what followed an act, or what someone is the reason for,
/// went well ("… is what restored the feed", "the on-call engineers are the reason we
/// recovered"). `act_then_harm` and `Kind::ReasonIs` add their own.
#[rustfmt::skip]
const RECOVERY: &[&str] = &[
    "recovered", "restored", "caught", "saved", "fixed", "resolved", "prevented", "contained",
    "noticed", "spotted", "improved", "worked", "succeeded",
];

/// Whether the clause from token `from` on closes with a purpose: "… what layered testing is
/// for", "… what the second check was there for", "… what the alarm was designed for".
fn fulfils_a_purpose(s: &Sentence, from: usize) -> bool {
    let n = s.toks.len();
    let mut j = from;
    while j < n && (j == from || !s.is_break(j)) {
        if matches!(s.word(j), "is" | "are" | "was" | "were" | "'s") {
            let mut k = j + 1;
            if matches!(s.word(k), "there" | "designed" | "built" | "meant" | "made") {
                k += 1;
            }
            if s.word(k) == "for" && s.is_break(k + 1) {
                return true;
            }
        }
        j += 1;
    }
    false
}

/// A person's act told, then the harm it did told as its consequence: "Deandra started the
/// port during a live callout, which is exactly why the crew were never paged", "Mhairi
/// swapped the zone codes, so nobody was down for the south end", "Pemba's hand edit is what
/// let 400 riders book". The sentence opens with the act: a person (not "we") as the subject
/// of a verb in the past, or a person's act as a possessive ("Pemba's hand edit"). The
/// consequence must be harm (`HARM`), not only an outcome: "Priya restarted the primary,
/// which is why the replicas resynced" tells what happened.
fn act_then_harm(s: &Sentence, me: usize, i0: usize, matched: &str) -> Option<Found> {
    #[rustfmt::skip]
    const HARM: &[&str] = &[
        "never", "nobody", "no", "none", "nothing", "broke", "broken", "lost", "ruined", "failed",
        "missed", "wrong", "outage", "down", "stopped", "crashed", "deleted", "corrupted",
        "locked", "blind", "stranded", "flooded", "overflowed", "cancelled", "canceled",
        "refunded", "double-booked", "duplicated", "wiped", "late", "stuck", "short", "dead",
        "offline", "jammed", "dark", "empty", "unpaid", "injured", "hurt", "stale", "light",
        "overheated", "spoiled", "spoilt", "leaked", "exposed", "bounced",
    ];
    let after = s.at(me).unwrap_or(s.toks.len());
    // A harm word, but "light" after "to": "… which is how the map discrepancy came to light"
    // (round 41, f311's first run on 649048b) tells a discovery, as "brought to light".
    let is_harm = |j: usize| {
        HARM.contains(&s.word(j))
            && !(s.word(j) == "light" && j.checked_sub(1).is_some_and(|k| s.word(k) == "to"))
    };
    // "… is what restored the feed", "… was what caught it": since round 17 any verb in the
    // past may follow "is what", and one of recovery, credit or report tells what went well.
    #[rustfmt::skip]
    const WENT_WELL: &[&str] = &[
        "rescued", "helped", "kept", "limited", "mitigated", "unblocked", "solved", "repaired",
        "alerted", "warned", "flagged", "detected", "revealed", "showed", "surfaced", "confirmed",
        "explained", "reduced", "shortened", "enabled", "allowed", "unlocked", "protected",
        "stabilised", "stabilized", "cleared", "shielded", "reassured", "calmed", "mattered",
        "counted", "happened", "changed", "needed", "asked", "suggested", "proposed",
        "recommended", "tested",
    ];
    if matched.contains(" what ")
        && matched.split_whitespace().last().is_some_and(|w| {
            let w = w.to_lowercase();
            RECOVERY.contains(&w.as_str()) || WENT_WELL.contains(&w.as_str())
        })
    {
        return None;
    }
    // "The care team flagged the spike at 08:40, which is what opened the incident" (round
    // 49, f428's first run): what was opened or started is the response to the harm, not
    // harm ("… is what started the outage" is).
    #[rustfmt::skip]
    const RESPONSE: &[&str] = &[
        "incident", "investigation", "ticket", "bridge", "call", "review", "response",
        "escalation", "rollback", "triage", "inquiry", "hunt", "search", "page", "war-room",
    ];
    // An incident opened is a response; an incident started or triggered is the harm.
    let joint_verb = matched
        .split_whitespace()
        .last()
        .map(str::to_lowercase)
        .unwrap_or_default();
    let opened = matches!(joint_verb.as_str(), "opened" | "launched" | "prompted");
    if matched.contains(" what ")
        && (opened || matches!(joint_verb.as_str(), "started" | "kicked" | "triggered"))
        && (after..(after + 4).min(s.toks.len()))
            .any(|j| RESPONSE.contains(&s.word(j)) && (opened || s.word(j) != "incident"))
    {
        return None;
    }
    // "Orrin's final test caught every affected die, which is what layered testing is for"
    // (round 54, f524's first run): the act is what a safeguard is there to do, "is for"
    // closing the clause, a purpose fulfilled rather than a consequence. Not after an act that
    // itself did harm ("Dave's push broke checkout, which is what the freeze is for").
    if matched.contains(" what ")
        && fulfils_a_purpose(s, after.saturating_sub(1))
        && !(0..i0).any(is_harm)
    {
        return None;
    }
    // "Dilshan held the night-audit batch …, which is what stopped it growing further" (round
    // 44): a harm stopped from spreading is harm prevented; "… is what stopped the driver app
    // from routing anybody" stopped the service, and is harm.
    let after_joint = s.at(me).unwrap_or(s.toks.len());
    if matched.contains(" what ")
        && matched.ends_with("stopped")
        && (after_joint..(after_joint + 6).min(s.toks.len())).any(|j| {
            matches!(
                s.word(j),
                "growing"
                    | "spreading"
                    | "escalating"
                    | "worsening"
                    | "cascading"
                    | "multiplying"
                    | "compounding"
                    | "recurring"
                    | "worse"
                    | "further"
            )
        })
    {
        return None;
    }
    // ", so nobody …" is harm itself; "X's edit is what let …", "… is what caused …" tell the
    // cause whatever followed; ", so every …", ", which left …" need harm told after them.
    let so_nobody = matched.contains("nobody") || matched.contains("no one");
    // The joints round 14 added (", so every …", ", which left …") tell an outcome that may be
    // harm avoided ("so no orders were lost", "so the pool never ran short"): harm must be
    // told without a negation before it, and words that are harm only as negations ("never",
    // "nothing") or that good news shares ("stopped", "down", "outage") do not count.
    let old_joint = so_nobody
        || matched.contains(" why")
        || matched.contains(" how")
        || matched.contains(" what ");
    // A joint whose verb is harm done ("…, and that wrecked the reorder totals") tells it
    // itself, unless a denial follows ("…, which corrupted nothing") or the harm was meant
    // ("…, which wrecked the test tenant, as planned").
    #[rustfmt::skip]
    const HARM_JOINTS: &[&str] = &[
        "wrecked", "ruined", "corrupted", "erased",
        // Round 60 (f662's first run: "Rafael threw the breaker on the wrong distribution
        // board and took the vision cabinet down …"): a second act, "and took … down",
        // "and knocked … offline" or "and locked … out", is the harm itself.
        "down", "offline", "out",
    ];
    // A service taken down on purpose ("… and took the old replica down for maintenance")
    // is no harm done.
    let on_purpose = matches!(joint_verb.as_str(), "down" | "offline" | "out")
        && (after..s.toks.len()).any(|j| {
            matches!(
                s.word(j),
                "maintenance" | "deliberately" | "purpose" | "planned" | "intentionally"
            ) || (s.word(j) == "to"
                && matches!(
                    s.word(j + 1),
                    "stop" | "protect" | "prevent" | "contain" | "limit"
                ))
        });
    let harm_joint = !on_purpose
        && matched
            .split_whitespace()
            .last()
            .is_some_and(|w| HARM_JOINTS.contains(&w))
        && !matches!(
            s.word(after),
            "no" | "nothing" | "none" | "nobody" | "never" | "not"
        )
        && !(after..s.toks.len()).any(|j| {
            // "…, which erased the invoices because the date filter was inverted": the cause
            // is told, and it is not the person.
            s.word(j) == "because"
                || s.word(j) == "as"
                    && matches!(
                        s.word(j + 1),
                        "designed" | "expected" | "intended" | "planned" | "agreed"
                    )
        });
    // ", so nobody lost the discount", ", so nobody had to wonder" (round 52, f477's first
    // run, and a used set's): a loss or a burden nobody bore, told in the active, is harm
    // avoided; ", so nobody knew", ", so nobody could build" and ", so nobody worked on
    // it" tell what nobody did or could do, and stay harm.
    let spared = so_nobody
        && (matches!(
            s.word(after),
            "lost" | "paid" | "overpaid" | "waited" | "suffered" | "forfeited"
        ) || (matches!(s.word(after), "had" | "has") && s.word(after + 1) == "to"));
    // ", so nobody was kept off the mountain" (round 43, f344's first run): what nobody
    // suffered, told by a participle, is harm avoided too; ", so nobody was paged" and ", so
    // nobody was down for the south end" (on a rota) tell the harm.
    let spared_by_participle = so_nobody && {
        let mut k = after;
        while matches!(
            s.word(k),
            "was" | "were" | "got" | "had" | "has" | "been" | "ever"
        ) {
            k += 1;
        }
        k > after
            && (is_harm(k) && s.word(k).ends_with("ed")
                || matches!(
                    s.word(k),
                    "hurt"
                        | "stuck"
                        | "kept"
                        | "turned"
                        | "left"
                        | "affected"
                        | "harmed"
                        | "charged"
                        | "overcharged"
                        | "billed"
                        | "delayed"
                        | "disadvantaged"
                        | "penalised"
                        | "penalized"
                ))
    };
    let harm_avoided = spared || spared_by_participle;
    let harm = if harm_joint {
        true
    } else if harm_avoided {
        false
    } else if old_joint {
        // "…, which is why the 2 lots that were genuinely B didn't get bumped up to A by
        // mistake" (round 57, f609's first run): a mistake denied ("by mistake", "in error",
        // "wrongly" after the negation) is harm avoided, and its "n't" tells no harm.
        let end = (after + 14).min(s.toks.len());
        let mistake_denied = (after..end).any(|j| {
            (s.word(j).ends_with("n't") || matches!(s.word(j), "not" | "never"))
                && (j + 1..(j + 9).min(s.toks.len())).any(|k| {
                    matches!(s.word(k), "wrongly" | "mistakenly" | "accidentally")
                        || s.word(k) == "mistake" && s.word(k - 1) == "by"
                        || s.word(k) == "accident" && s.word(k - 1) == "by"
                        || s.word(k) == "error" && s.word(k - 1) == "in"
                })
        });
        so_nobody
            || matched.contains(" what ")
            || (after..end).any(|j| is_harm(j) || !mistake_denied && s.word(j).ends_with("n't"))
    } else {
        #[rustfmt::skip]
        const NOT_PLAIN_HARM: &[&str] = &[
            "never", "nobody", "no", "none", "nothing", "stopped", "down", "outage", "failed",
        ];
        // ", so no orders were lost": the joint's own last word denies.
        let denied = matches!(
            matched.split_whitespace().last(),
            Some("no" | "none" | "nothing")
        );
        let mut harm = false;
        for j in (after..s.toks.len()).take(if denied { 0 } else { 14 }) {
            let w = s.word(j);
            if matches!(
                w,
                "no" | "not" | "never" | "nothing" | "none" | "nobody" | "without"
            ) || w.ends_with("n't")
            {
                break;
            }
            if is_harm(j) && !NOT_PLAIN_HARM.contains(&w) {
                harm = true;
                break;
            }
        }
        harm
    };
    // "Siosaia ruled out the aspirator quickly, which stopped us chasing the wrong thing"
    // (round 62, f685's first run): people kept from a wrong or wasted course is harm
    // prevented; "…, which stopped us shipping orders for two hours" is harm.
    let kept_from_a_wrong_course = matches!(
        joint_verb.as_str(),
        "stopped" | "kept" | "saved" | "spared" | "prevented"
    ) && matches!(
        s.word(after),
        "us" | "me" | "them" | "him" | "her" | "everyone" | "everybody" | "anyone" | "people"
    ) && (after + 1..(after + 8).min(s.toks.len())).any(|j| {
        matches!(
            s.word(j),
            "wrong"
                | "wasting"
                | "worse"
                | "mistake"
                | "mistakes"
                | "twice"
                | "pointless"
                | "needless"
                | "needlessly"
                | "blind"
        )
    });
    // "… which is why we now pin versions", "and that is how we learned …": what the
    // authors did or learned next, not harm done.
    if !harm || kept_from_a_wrong_course || s.asks_from(0) || matches!(s.word(after), "we" | "i") {
        return None;
    }
    // The act opens the sentence: its first words, past a timeline stamp or a chat speaker.
    let first = (0..i0).find(|&j| {
        !s.toks[j].boundary && !s.toks[j].word.starts_with(|c: char| c.is_ascii_digit())
    })?;
    // "No single team owned the path from fare change to validator, so nobody had a full
    // picture of the risk" (round 52, f484's first run): an act denied to every team or
    // person is a gap in ownership, not someone's act. "No, Kofi deleted it" answers.
    if matches!(s.word(first), "no" | "neither")
        && s.toks.get(first + 1).is_some_and(|t| !t.boundary)
    {
        return None;
    }
    // "Fatima Zahra Idrissi booked them by phone at 06:25, but the earliest pilot was at
    // 10:30, so the ship berthed three hours late." (round 55, f551's first run on round 54's
    // final code): a "but" clause with a subject and a verb of its own and no one in it comes
    // between the act and the joint, and the consequence hangs on it ("… but not on the
    // server, so …" is no clause, and stays with the act). "… but he forgot the flag, so
    // checkout broke" puts a person back in the clause, and stays found.
    let turned = (first + 1..i0).any(|b| {
        matches!(s.word(b), "but" | "yet" | "however")
            && matches!(
                s.word(b + 1),
                "the" | "a" | "an" | "its" | "this" | "that" | "there" | "it"
            )
            && (b + 2..i0).any(|k| is_be(s.word(k)) || is_past(s.word(k)))
            && (b + 1..i0).all(|k| {
                let c = s.class(k);
                let someone = c.person()
                    || c == Class::Group
                    || c == Class::We
                    || matches!(s.word(k), "i" | "my" | "his" | "her" | "their")
                    || (c == Class::Other && s.named_by_shape(k));
                !someone
            })
    });
    if turned {
        return None;
    }
    let limit = (first + 6).min(i0);
    for j in first..limit {
        let c = s.class(j);
        // The authors' own act ("we", "I", "my") tells their story, not someone's fault.
        if c == Class::We || c == Class::NegPronoun || matches!(s.word(j), "i" | "my") {
            return None;
        }
        let who = c.person()
            || c == Class::Group
            || (c == Class::Other && s.named_by_shape(j) && j == first);
        if !who {
            continue;
        }
        // "Marit Dahl's manual override …": the possessive is the name's last word.
        if !s.toks[j].poss && j + 1 < i0 && s.toks[j + 1].poss && s.name_shaped(j + 1) {
            continue;
        }
        // "Pemba's hand edit …": a person's act.
        if s.toks[j].poss {
            #[rustfmt::skip]
            const ACTS: &[&str] = &[
                "edit", "update", "deletion", "removal", "override", "push", "restart", "reboot",
                "upload", "import", "entry", "cancellation", "shortcut", "workaround", "reset",
                "blast", "recalibration", "reconfiguration", "rewrite", "purge", "wipe",
                "reflash", "resync", "reorder", "reshuffle", "swap", "send", "mailing", "rerun",
                "flash", "retry", "cut", "close", "test",
            ];
            let act = (j + 1..(j + 4).min(i0)).any(|k| {
                let w = singular(s.word(k));
                HUMAN_ACTS.contains(w) || ACTS.contains(&w)
            });
            let c = if c == Class::Other { Class::Named } else { c };
            return if act {
                agent_rule(c).and_then(|r| found(r, s.toks[j].start, me))
            } else {
                None
            };
        }
        // "Deandra started …", "Our controller Mutale loaded …": the next word that is not a
        // name, an adverb or "herself" is a verb in the past.
        let mut k = j + 1;
        while k < i0 && (s.name_shaped(k) || is_adverb(s.word(k)) || s.class(k).person()) {
            k += 1;
        }
        // "Dwayne, our weigh clerk in Gouyave, zeroed …": past an appositive.
        let comma = |q: usize| {
            s.toks[q].boundary && s.text.get(s.toks[q].start..s.toks[q].end) == Some(",")
        };
        if k < i0 && comma(k) {
            if let Some(close) = (k + 1..(k + 9).min(i0)).find(|&q| comma(q)) {
                k = close + 1;
            }
        }
        // "Diego explained that the test environment has no Ugandan numbers, which is why the
        // change was never exercised" (round 49, f428's first run): a verb of saying or
        // finding out, then what was said, which the consequence hangs on; not the act.
        #[rustfmt::skip]
        const TOLD: &[&str] = &[
            "explained", "said", "noted", "mentioned", "reported", "found", "noticed",
            "discovered", "confirmed", "pointed", "realised", "realized", "learned", "learnt",
            "showed", "observed", "spotted", "warned", "wrote", "argued", "suggested",
        ];
        if k < i0 && TOLD.contains(&s.word(k)) {
            let next = if s.word(k) == "pointed" { k + 2 } else { k + 1 };
            if s.word(next) == "that" || s.word(k + 1) == "out" {
                return None;
            }
        }
        if k < i0 && is_past(s.word(k)) && !is_be(s.word(k)) {
            let c = if c == Class::Other { Class::Named } else { c };
            return agent_rule(c).and_then(|r| found(r, s.toks[j].start, me));
        }
        return None;
    }
    None
}

/// A sanction on a person told in other words than the listed ones (round 14): "strip Kwame
/// of his signing rights", "his commission will be docked", "asked to step down", "is being
/// stood down", "goes on Lukáš's permanent record", "is banned from the fleet", "will repay
/// the fees out of his expenses". A person must be in the sentence ("his", a name, a role),
/// and for "banned from" the subject must be one ("Bots are banned from the channel" is a
/// rule). Denied ("Nobody was asked to step down") it is no sanction.
fn sanction(s: &Sentence, ms: usize, me: usize, i0: usize, matched: &str) -> Option<Found> {
    // "The ushers who didn't turn up won't be offered any more shifts" (round 43, f342's first
    // run): the denial is the sanction itself.
    let withheld_work = [
        "won",
        "will not",
        "will never",
        "shall not",
        "is not going",
        "are not going",
    ]
    .iter()
    .any(|p| matched.starts_with(p));
    if !withheld_work && s.negated_in_sentence(i0) {
        return None;
    }
    // "Marek was taken off the on-call rota for the week of 16 November because he was on
    // annual leave." (round 53, f510's first run, a false error): a change made for an
    // absence ("because", "while", "during", "for" a leave, a holiday, an illness) is no
    // sanction; nor is one made "when" (or "once", "after") the leave was entered (round 55,
    // f563's first run, a false error: "Joseph was taken off the dispatch rota automatically
    // when his leave was entered").
    let n = s.toks.len();
    let for_an_absence = (i0..n).any(|k| {
        matches!(
            s.word(k),
            "because" | "as" | "while" | "since" | "during" | "for" | "when" | "once" | "after"
        ) && (k + 1..(k + 8).min(n)).any(|m| {
            matches!(
                s.word(m),
                "leave"
                    | "holiday"
                    | "holidays"
                    | "vacation"
                    | "sick"
                    | "illness"
                    | "parental"
                    | "maternity"
                    | "paternity"
                    | "bereavement"
                    | "pto"
            )
        })
    });
    if for_an_absence {
        return None;
    }
    // "Nasreen spent Saturday morning on the floor with people who thought they'd been docked
    // pay." (round 59, f648's first run): a sanction someone believed or feared had come to
    // them ("thought", "feared", "worried" and a pronoun), which no one imposed.
    let believed = (i0.saturating_sub(7)..i0).any(|k| {
        matches!(
            s.word(k),
            "thought" | "feared" | "worried" | "believed" | "assumed" | "afraid" | "scared"
        ) && {
            let p = if s.word(k + 1) == "that" {
                k + 2
            } else {
                k + 1
            };
            // "they'd" may be one token: its pronoun is before the apostrophe.
            let pronoun = s.word(p).split(['\'', '’']).next().unwrap_or("");
            matches!(pronoun, "they" | "he" | "she" | "i" | "we" | "you")
                && (p + 1..i0).all(|q| {
                    !matches!(
                        s.word(q),
                        "should" | "must" | "deserve" | "deserved" | "ought"
                    )
                })
        }
    });
    if believed {
        return None;
    }
    // "We will make LumenDRM pay for this" (round 46, f385's first run): revenge on a person
    // or a supplier; not "make sure we pay for it".
    if matched.starts_with("make") {
        let sure = matched
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| matches!(w, "sure" | "certain" | "customers" | "users"));
        return (!sure).then(|| found(Rule::Punishment, ms, me)).flatten();
    }
    // The sanction's person: the clause's subject ("The night volunteer was asked to step
    // down"), or someone's possession ("his signing rights", "Lukáš's permanent record").
    // After "to", the subject of the verb before it: "Olumide is to stand down from chairing
    // appeals" (round 44, f354's first run).
    let verb = match i0.checked_sub(2) {
        Some(v) if s.word(i0 - 1) == "to" && !s.toks[i0 - 1].boundary => v,
        _ => i0,
    };
    let (c, j) = s.subject_class(verb);
    let subject = j.is_some_and(|j| {
        matches!(c, Class::Known | Class::Role | Class::Pronoun)
            || c == Class::Named && !super::dictionary::is_common_word(s.word(j))
    });
    // "Sven is barred from merging": the person is the subject.
    // Not the author ("whether I should be banned from the closet", asked half in jest).
    if matched.starts_with("banned") || matched.starts_with("barred") {
        let author = j.is_some_and(|j| matches!(s.word(j), "i" | "we"));
        return (subject && !author)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    // "Erlend is no longer allowed to touch the tally app", "Sven has lost the right to
    // deploy": a permission taken from one person by name. Taken from a role or from everyone
    // ("Contractors are no longer allowed to hold production credentials", "the on-call engineer
    // is no longer allowed to bypass the canary; the pipeline blocks it") it is a control.
    if matched.starts_with("no longer") || matched.starts_with("lost the") {
        let named = subject && !matches!(c, Class::Role | Class::Pronoun);
        return named.then(|| found(Rule::Punishment, ms, me)).flatten();
    }
    // "Terminate the CallNest contract for cause", "terminating the Ferrand & Kessel contract
    // over this" (round 36, f224's and f227's first runs): a vendor sanctioned for the incident.
    // Pay, wages or a settlement are a person's whoever owns them ("deducted from the driver's
    // final settlement"): only people are paid.
    if matched.starts_with("terminat") {
        return found(Rule::Punishment, ms, me);
    }
    // "Members who received a duplicate transfer can choose to return it through SoukPay, or to
    // have it deducted from their next payout" (round 52, f470's first run): money paid out by
    // mistake, recovered in a way its receiver chose or agreed to, is no sanction. "The value of
    // the lost leaf will be deducted from their wages" stays one.
    if matched.starts_with("deduct") {
        let consented = (0..i0).any(|k| {
            matches!(
                s.word(k),
                "choose"
                    | "chooses"
                    | "chose"
                    | "opt"
                    | "opts"
                    | "opted"
                    | "option"
                    | "options"
                    | "prefer"
                    | "prefers"
                    | "preferred"
                    | "agree"
                    | "agreed"
                    | "consent"
                    | "consented"
            )
        });
        let overpaid = (0..s.toks.len()).any(|k| {
            matches!(
                s.word(k),
                "overpayment" | "overpayments" | "overpaid" | "duplicate" | "duplicates"
            )
        });
        return (!(consented && overpaid))
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    // "We are withholding this quarter's bonus from everyone on the loyalty team": whom it is
    // withheld from, after "from", is the sanction's person.
    if matched.starts_with("withh") {
        let from = (i0..s.toks.len())
            .take_while(|&k| !s.toks[k].boundary)
            .find(|&k| s.word(k) == "from");
        if from.is_some_and(|k| {
            (k + 1..(k + 5).min(s.toks.len()))
                .take_while(|&m| !s.toks[m].boundary)
                .any(|m| {
                    let c = s.loose_class(m);
                    (c.person() && c != Class::We)
                        || c == Class::Group
                        || matches!(s.word(m), "everyone" | "everybody" | "anyone")
                })
        }) {
            return found(Rule::Punishment, ms, me);
        }
    }
    // "Euan was removed from the on-call rotation by the scheduler" (round 29's test): a
    // person taken off a duty by a program, not by someone, is no sanction (round 47's
    // "taken off", "pulled off", "removed from" a duty).
    if matches!(
        matched.split_whitespace().next(),
        Some("taken" | "pulled" | "removed" | "dropped" | "stood")
    ) {
        let by = (i0..s.toks.len())
            .take_while(|&k| !s.toks[k].boundary)
            .find(|&k| s.word(k) == "by");
        let by_a_thing = by.is_some_and(|k| {
            s.noun_phrase_agent(k + 1).is_none_or(|(a, c)| {
                !(c.person() || c == Class::Group) || DETECTOR_NOUNS.contains(singular(s.word(a)))
            })
        });
        if by_a_thing {
            return None;
        }
    }
    // "make an example of them", "moved back to the back office, where she can't do any more
    // damage", "a note will go on his file" (round 44, f352's to f354's first runs): a
    // sanction told as one, whoever it falls on; the file's owner is in the match.
    if matched.starts_with("mak") || matched.starts_with("where") || matched.ends_with("file") {
        return found(Rule::Punishment, ms, me);
    }
    // "The labour pool will be fined …", "I expect whoever published the court story to be
    // dealt with", "Adlumen's account manager needs to be replaced" (round 44, f353's and
    // f355's first runs): a person, by role or name, or whoever did it; not a thing ("the disk
    // needs to be replaced", "the ticket will be dealt with").
    if matched.contains("fined") || matched.contains("dealt") || matched.ends_with("replaced") {
        let thing = j.is_some_and(|j| {
            matches!(
                s.word(j),
                "it" | "they" | "them" | "this" | "that" | "these" | "those" | "which"
            )
        });
        let whoever = (0..i0).any(|k| matches!(s.word(k), "whoever" | "responsible"));
        return ((subject && !thing) || whoever)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    // "strip Kwame of his signing rights", not "strips the records of their personal fields";
    // "Refer Rafael to HR for the shared-login breach" (round 44, f352's first run), not
    // "refer the question to HR": the object is the sanction's person.
    if matched.starts_with("strip") || matched.starts_with("refer") {
        let mut k = i0 + 1;
        while DETERMINERS.contains(s.word(k)) && k < s.toks.len() {
            k += 1;
        }
        let c = s.loose_class(k);
        return (c.person() && c != Class::We)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    let owner = (0..s.toks.len()).any(|k| {
        matches!(s.word(k), "his" | "her" | "their")
            || s.toks[k].poss && {
                let c = s.loose_class(k);
                c.person() && c != Class::We
            }
    });
    (subject || owner)
        .then(|| found(Rule::Punishment, ms, me))
        .flatten()
}

/// A penalty or shaming beyond the listed sanctions (round 20): a person made to answer for the
/// incident ("asked to explain herself", "present his mistakes to the department", "sign a
/// statement acknowledging his mistake", "as penance", "until trust is rebuilt", "escalate
/// Bartosz's conduct to HR", "named and shamed"), or a restriction put on one person by name
/// ("Bảo is not allowed to merge", "every one of Aiko's changes now needs an extra review",
/// "every change Lerato makes must be co-signed by a manager", "under supervision", "Mariana's
/// bonus should reflect the cost", "taking the project away from Marcus").
///
/// Not when denied ("No one will be asked to explain themselves"). A restriction must name its
/// person: the subject by name, a person's possession, or (taken away) whom it is taken from;
/// put on a role, on everyone or on a program it is a control ("Contractors are not allowed to
/// deploy", "All changes need a second review"). The idioms of answering for it need someone
/// other than the authors anywhere in the sentence ("we added a test as penance" is none).
fn shaming(s: &Sentence, ms: usize, me: usize, i0: usize, matched: &str) -> Option<Found> {
    if s.negated_in_sentence(i0) || s.asks_from(0) {
        return None;
    }
    // A purpose that punishes (round 62, used sets' misses): "… to teach them a lesson",
    // "call it penance", "so he learns what a skipped canary costs", "stays off the rota until
    // he can show …". The words name whom it falls on themselves.
    // Only these alternatives: "until trust is rebuilt" still needs someone, below. The
    // pattern may put any space between the words.
    let mut opening = matched.split_whitespace();
    if matches!(
        (opening.next(), opening.next()),
        (Some("to"), Some("teach"))
            | (Some("call"), Some("it"))
            | (Some("so"), _)
            | (Some("until"), Some("he" | "she"))
    ) {
        return found(Rule::Punishment, ms, me);
    }
    // `matched` is lower case (`evaluate_kind`). "co" opens "co-signed" and "counter-signed".
    let restriction = [
        "not ",
        "co",
        "supervised",
        "under",
        "need",
        "require",
        "must",
    ]
    .iter()
    .any(|p| matched.starts_with(p))
        || matched.contains("reflect");
    if matched.starts_with("not ") {
        // Whose permission: the clause's subject ("Bảo is not allowed to merge").
        let (c, j) = s.subject_class(i0);
        return j
            .is_some_and(|j| s.by_name(c, j))
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    // "Reassign Sofie away from database work", "move Priya off the release rota" (round 45,
    // f370's first run): a person moved off their work by name, as taken off a rota below.
    // Whom: the object by name or a person's pronoun; a role moved off a console after a long
    // shift ("rotate the on-call engineer off the console") is a fatigue rule, and a thing
    // moved ("move the database off the old cluster") is none.
    if ["reassign", "redeploy", "transfer", "mov", "rotat"]
        .iter()
        .any(|p| matched.starts_with(p))
    {
        return object_sanctioned(s, i0, false)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    if ["take", "took"].iter().any(|p| matched.starts_with(p)) && matched.contains(" off ") {
        // Taken off a rota or a project: the object is who ("take Liis off the on-call
        // rotation", round 28, f189's first run; "take the canary off the rotation" is none).
        // A name as the object is no subject: known by its capital. One the dictionary also
        // knows as a word ("Liis", "Kafka") may be a product, and makes a warning.
        return object_sanctioned(s, i0, true)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    if ["take", "took"].iter().any(|p| matched.starts_with(p)) {
        // Taken from a person: "away from Marcus", not "away from the old cluster".
        let from = s.at(s.toks.get(i0)?.start + matched.len())?;
        let (k, c) = s.noun_phrase_agent(from)?;
        return (s.by_name(c, k) || c == Class::Pronoun)
            .then(|| found(Rule::Punishment, ms, me))
            .flatten();
    }
    let someone = (0..s.toks.len()).any(|k| {
        let c = s.loose_class(k);
        if restriction {
            s.by_name(c, k) && (s.toks[k].poss || s.class(k) != Class::Other)
        } else {
            (c.person() && c != Class::We)
                || matches!(
                    s.word(k),
                    "his" | "her" | "him" | "their" | "himself" | "herself" | "themselves"
                )
        }
    });
    someone.then(|| found(Rule::Punishment, ms, me)).flatten()
}

/// Whether the object right after the verb at `i0` is whom a sanction falls on, for a person
/// taken or moved off their work ("take Liis off the on-call rotation", "Reassign Sofie away
/// from database work"): a capitalised word (a name; one the dictionary also knows as a word,
/// "Liis", "Kafka", may be a product, and makes a warning), a name or a person's pronoun as
/// the object's noun phrase, and a role too when `roles` ("take the night clerk off the rota";
/// a role moved off a console after a long shift is a fatigue rule, not a sanction).
fn object_sanctioned(s: &Sentence, i0: usize, roles: bool) -> bool {
    let Some(object) = s.toks.get(i0 + 1).filter(|t| !t.boundary) else {
        return false;
    };
    if object.cap && !object.odd {
        if !s.is_a_name(i0 + 1) {
            s.dictionary_role.set(true);
        }
        return true;
    }
    s.noun_phrase_agent(i0 + 1)
        .is_some_and(|(k, c)| s.by_name(c, k) || c == Class::Pronoun || roles && c == Class::Role)
}

/// A sanction done to a person: "whether to dismiss the dispatcher who sent …", "recommend
/// removing the volunteer who merged the rotas from the coordinator role", "we suspended
/// him". The object must be a person standing alone ("suspend the volunteer account" is a
/// thing), "remove" must say from what role, rota or post, and a program as the subject does
/// not sanction ("The cleanup job removed her from the rota").
fn sanction_verb(s: &Sentence, ms: usize, me: usize, i0: usize, matched: &str) -> Option<Found> {
    #[rustfmt::skip]
    const AFTER_PERSON: &[&str] = &[
        "who", "that", "from", "for", "over", "after", "and", "with", "on", "because", "until", "pending",
        "in", "at", "without", "as", "off", "immediately", "today", "yesterday", "outright",
    ];
    #[rustfmt::skip]
    const POSTS: &[&str] = &[
        "role", "roles", "post", "position", "rota", "roster", "rotation", "duties", "duty", "team", "job",
        "committee", "board", "shift", "shifts", "panel", "crew",
    ];
    if s.negated_in_sentence(i0) {
        return None;
    }
    // "whether to dismiss …", "recommend removing …": an infinitive or a gerund takes its
    // subject from the verb that governs it ("The nightly sync kept removing her …").
    let verb = s.word(i0);
    let to = i0 > 0 && s.word(i0 - 1) == "to";
    let bare = verb.ends_with("ing") || to;
    let governing = if to {
        i0.checked_sub(2)
    } else {
        i0.checked_sub(1)
    };
    let asked_of = governing.filter(|&g| {
        bare && !s.is_break(g) && !matches!(s.word(g), "whether" | "how" | "and" | "or" | "not")
    });
    let (c, j) = s.subject_class(asked_of.unwrap_or(i0));
    if (!bare || asked_of.is_some()) && j.is_some() && !(c.person() || c == Class::Group) {
        return None;
    }
    // "Remove the departing engineer from the on-call rota": an order about a rota, as action
    // items give them, is scheduling.
    if matched.starts_with("remov") && s.first_word() == Some(i0) {
        return None;
    }
    let last = s.before(me)?;
    // "They fired Kim on Monday", "suspended @tkaya for a week" (round 61): a name or a handle
    // as the object, standing alone (not "Kim's account", not "Kafka consumers") and known as
    // a person's by its class.
    let by_name = !matches!(
        s.word(last),
        "the" | "our" | "that" | "this" | "him" | "her"
    );
    // "… with Ashby Vale Fire Control on …": a capitalised verb inside the sentence is part
    // of a name.
    if by_name && s.toks[i0].cap && s.first_word() != Some(i0) {
        return None;
    }
    let m = if by_name {
        let t = &s.toks[last];
        let next = s.toks.get(last + 1);
        let alone = next.is_none_or(|n| n.boundary || AFTER_PERSON.contains(&n.word.as_str()));
        let c = s.loose_class(last);
        if t.poss || t.odd || !alone || !matches!(c, Class::Known | Class::Named) {
            return None;
        }
        last
    } else if matches!(s.word(last), "him" | "her") {
        // "suspended her account" is a thing of hers.
        let next = s.toks.get(last + 1);
        if !next.is_none_or(|n| n.boundary || AFTER_PERSON.contains(&n.word.as_str())) {
            return None;
        }
        last
    } else {
        // The object's head: the last word before a boundary or a word that follows a person
        // ("who", "from", "for" …), at most three words on.
        let stop = (last + 1..(last + 5).min(s.toks.len() + 1)).find(|&k| {
            s.toks
                .get(k)
                .is_none_or(|t| t.boundary || AFTER_PERSON.contains(&t.word.as_str()))
        })?;
        let m = stop.checked_sub(1).filter(|&m| m > last)?;
        let c = s.loose_class(m);
        // "the dispatcher who sent …": "who" tells a person whatever the noun.
        let person = (c.person() && c != Class::We) || s.word(stop) == "who";
        if !person {
            return None;
        }
        m
    };
    if matched.starts_with("remov") {
        // "… from the coordinator role", past a relative clause on the person.
        let end = (m + 16).min(s.toks.len());
        let from_post = (m + 1..end).any(|k| {
            s.word(k) == "from" && (k + 1..(k + 6).min(end)).any(|q| POSTS.contains(&s.word(q)))
        });
        if !from_post {
            return None;
        }
    }
    found(Rule::Punishment, ms, s.span_end(m))
}

fn ignored(s: &Sentence, ms: usize, me: usize, i0: usize) -> Option<Found> {
    // "The night shift ignored no alarms" (round 45, f377's first run) denies the neglect;
    // "ignored the frozen GPS and navigated by the markers, exactly as their training says"
    // tells the procedure followed.
    if matches!(s.word(i0 + 1), "no" | "none" | "nothing" | "neither") || done_as_told(&s.words()) {
        return None;
    }
    let mut p = i0;
    while p > 0 && is_adverb(s.word(p - 1)) {
        p -= 1;
    }
    // "**Retry-After ignored.**", "Header ignored", "Alarm ignored for 40 minutes" (round 58,
    // f628's first run): "ignored" with no object after it, at the sentence's end or before a
    // preposition of time, is a passive with its "was" left out, and the word before it the
    // thing ignored, not someone ignoring.
    // Only a headline's few words stand before it: "The alarm Tom ignored for 40 minutes" is
    // a relative clause, whose subject is Tom.
    // A role, a group, a pronoun or a name of the document's people before it ("QA
    // ignored, and …", "anyone ignored") keeps the active reading.
    let before = s.clause_start(i0)..i0;
    let elliptic = before.clone().filter(|&k| !s.toks[k].boundary).count() <= 2
        && !before
            .clone()
            .any(|k| !matches!(s.class(k), Class::Named | Class::Other) || s.toks[k].handle)
        && (i0 + 1 >= s.toks.len()
            || s.toks[i0 + 1].boundary
            || matches!(
                s.word(i0 + 1),
                "for" | "until" | "since" | "during" | "again" | "twice" | "repeatedly"
            ));
    let passive = p > 0 && is_be(s.word(p - 1)) || elliptic && s.word(i0) == "ignored";
    if passive {
        if s.word(i0 + 1) == "by" {
            let (_, c) = s.noun_phrase_agent(i0 + 2)?;
            return found(agent_rule(c).map(|_| Rule::Negligence)?, ms, me);
        }
        let warned = (0..i0).any(|j| {
            WARNING_NOUNS.contains(s.word(j)) || WARNING_NOUNS.contains(singular(s.word(j)))
        });
        // "Warnings get ignored because the build prints hundreds of them": the reason given
        // is the system's, and names no one.
        let systemic_reason = (i0 + 1..s.toks.len())
            .find(|&j| s.word(j) == "because")
            .is_some_and(|b| {
                (b + 1..s.toks.len()).all(|k| {
                    let c = s.loose_class(k);
                    s.toks[k].boundary || !(c.person() || c == Class::Group)
                })
            });
        return if warned && !systemic_reason {
            found(Rule::Negligence, ms, me)
        } else {
            None
        };
    }
    neglect_by_subject(s, ms, me, i0, true)
}

/// Neglect told with its subject at `i0`: a team's is team blame, a person's negligence. Not
/// when denied, nor when the author alone did it ("error was expected so I ignored it", round
/// 19, real61's first run; as for the fault verbs). The authors as "we" count when `we_count`
/// ("we ignored the warnings for a month"), not for the idioms ("we went through the motions
/// of the old checklist").
fn neglect_by_subject(
    s: &Sentence,
    ms: usize,
    me: usize,
    i0: usize,
    we_count: bool,
) -> Option<Found> {
    if s.negated_before(i0) {
        return None;
    }
    let (c, j) = s.subject_class(i0);
    if j.is_some_and(|j| s.author_alone(j)) {
        return None;
    }
    match c {
        Class::Group => found(Rule::TeamBlame, ms, me),
        Class::We if !we_count => None,
        c if c.person() => found(Rule::Negligence, ms, me),
        _ => None,
    }
}

fn judge_weak(s: &Sentence, ms: usize, me: usize, i0: usize, last: usize) -> Option<Found> {
    if s.negated_before(i0) {
        return None;
    }
    let adjective = s.word(i0);
    let strict = adjective.starts_with("unacceptabl") || adjective == "lax";
    let act = |j: usize| {
        let w = s.word(j);
        let prev = if j > 0 { s.word(j - 1) } else { "" };
        if matches!(
            prev,
            "error" | "exception" | "signal" | "request" | "event" | "data" | "file"
        ) {
            return false;
        }
        if strict {
            matches!(
                w,
                "handling"
                    | "response"
                    | "behaviour"
                    | "behavior"
                    | "conduct"
                    | "attitude"
                    | "communication"
            )
        } else {
            HUMAN_ACTS.contains(w)
        }
    };
    // The noun right after: "a lazy hack", "a sloppy piece of work".
    let after: Vec<usize> = (last + 1..(last + 3).min(s.toks.len()))
        .take_while(|&j| !s.toks[j].boundary)
        .collect();
    if after
        .iter()
        .any(|&j| HUMAN_ACTS.contains(s.word(j)) && !strict)
    {
        return found(Rule::Judgemental, ms, me);
    }
    // The word grades the person it modifies: "a lazy reviewer", "the sloppy contractor",
    // and (round 34, f203's first run) "a sloppy operator": a role that may also name a
    // program is a person's right after a judgement of people.
    if let Some(&j) = after.first() {
        let w = s.word(j);
        if matches!(s.class(j), Class::Role | Class::Known | Class::Group)
            || AMBIGUOUS_ROLES.contains(w)
            || AMBIGUOUS_ROLES.contains(singular(w))
        {
            return found(Rule::Judgemental, ms, me);
        }
    }
    // The clause before: who or whose work is being graded.
    let start = s.clause_start(i0);
    let agent = (start..i0).any(|j| {
        let c = s.class(j);
        // "The informatics team's testing was perfunctory" (round 44): a team's work too.
        let poss = s.toks[j].poss && {
            let lc = s.loose_class(j);
            lc.person() || lc == Class::Group
        };
        (c.person() && c != Class::We) || c == Class::Group || poss || act(j)
    });
    // "… by the night shift"
    let by = after.first().is_some_and(|&j| s.word(j) == "by")
        && s.noun_phrase_agent(last + 2).is_some();
    if agent || by {
        found(Rule::Judgemental, ms, me)
    } else {
        None
    }
}

/// Nouns that a label joined before them names a thing or a part of a form by
/// ("the human error rate", "the operator-error banner", "the human error section of the
/// template"): no one's error is claimed ([`human_error`], and the model's own findings in
/// `engine::scan`).
pub(super) const HEADS_AFTER_A_LABEL: &[&str] = &[
    "message",
    "messages",
    "banner",
    "page",
    "pages",
    "dialog",
    "dialogue",
    "screen",
    "toast",
    "code",
    "codes",
    "response",
    "responses",
    "text",
    "string",
    "strings",
    "modal",
    "popup",
    "rate",
    "rates",
    "count",
    "metric",
    "metrics",
    "state",
    "class",
    "type",
    "types",
    "path",
    "budget",
    "handling",
    "field",
    "view",
    "flow",
    "copy",
    "log",
    "logs",
    "category",
    "bucket",
    // What watches a count of errors: "the player-error alert", "the payment error-rate
    // dashboard" (round 36).
    "alert",
    "alerts",
    "alarm",
    "alarms",
    "dashboard",
    "dashboards",
    "graph",
    "graphs",
    "chart",
    "panel",
    "spike",
    "spikes",
    "threshold",
    "ratio",
    "percentage",
    "counter",
    "counters",
    "handler",
];

/// Parts of a form or a template that a label before them names ("the human error section",
/// "the operator-error checkbox"), and words that tell the part was left unused: "The human
/// error section of the vendor's template was left blank, because our findings did not fit
/// it." (round 59, f647's first run, a false error). Filled in ("This one goes in the
/// human-error column"), the part applies the label, and stays judged.
pub(super) const FORM_PARTS: &[&str] = &[
    "section", "sections", "box", "boxes", "checkbox", "tickbox", "heading", "column", "dropdown",
    "template", "option",
];
pub(super) const LEFT_UNUSED: &[&str] = &[
    "blank",
    "empty",
    "unticked",
    "unchecked",
    "removed",
    "deleted",
    "dropped",
    "retired",
    "unused",
];

/// Whether the label's next word `next` is a part of a form that the sentence's lower-case
/// `words` tell was left unused ([`FORM_PARTS`], [`LEFT_UNUSED`]).
pub(super) fn form_part_left_unused(next: &str, words: &[&str]) -> bool {
    FORM_PARTS.contains(&next) && words.iter().any(|w| LEFT_UNUSED.contains(w))
}

fn human_error(
    s: &Sentence,
    ms: usize,
    me: usize,
    i0: usize,
    last: usize,
    matched: &str,
) -> Option<Found> {
    if s.negated_before(i0) {
        return None;
    }
    // "| Server-error failed jobs | 9,576 |" (round 56, real305's first run): a label joined
    // by a hyphen to a thing's word is the thing's error; "user-error" and "operator-error"
    // name who slipped.
    if let Some((head, tail)) = s.word(i0).rsplit_once('-') {
        let label = ["error", "mistake"].iter().any(|l| tail.starts_with(l));
        let who =
            slips_by_name(head) || matches!(head, "admin" | "clerical" | "cashier" | "dispatcher");
        if label && !head.is_empty() && !who && s.class(i0) != Class::Role {
            return None;
        }
    }
    let next = s.next_word(last).map_or("", |n| s.word(n));
    // "the payment error-rate dashboard": the match ends inside a compound word, whose
    // last part is what it names.
    let next = match next.rsplit_once('-') {
        Some((_, part)) if !part.is_empty() => part,
        _ => next,
    };
    let words = s.words();
    if HEADS_AFTER_A_LABEL.contains(&next) || form_part_left_unused(next, &words) {
        return None;
    }
    if matched.starts_with("fat")
        && matches!(
            next,
            "protection"
                | "protections"
                | "guard"
                | "guards"
                | "prevention"
                | "check"
                | "checks"
                | "safeguard"
                | "safeguards"
                | "proof"
                | "proofing"
        )
    {
        return None;
    }
    // The label named as a notion: "the human error narrative" (round 20). One called a myth
    // ("the operator-error myth") is refused for every finding by `talks_of_the_notion`.
    // "The human error literature we drew on (Reason, Dekker) …" (round 56, f586's first
    // run): the label as the name of a field of study.
    if matches!(
        next,
        "label"
            | "framing"
            | "narrative"
            | "explanation"
            | "excuse"
            | "bias"
            | "trap"
            | "literature"
            | "research"
            | "theory"
            | "scholarship"
            | "paradigm"
    ) {
        return None;
    }
    if denied_as_cause(&words, last + 1) || label_set_aside(&words, i0, last + 1) {
        return None;
    }
    // "a decimal point error made by the accounting system when updating the ledger" (round
    // 34, a real report's first run): the maker after "by" is a program, not a person, so the
    // error is a fault in a thing.
    if s.word(last) == "by" && s.made_by_a_thing(last + 1) {
        return None;
    }
    // "logged as error by personnel", "a mistake by the night operator" (round 34, f201's
    // first run): a bare "error by" is a label only when a person, a role or a group follows;
    // "an error by the API" is a thing's.
    if s.word(last) == "by"
        && last > 0
        && matches!(
            s.word(last - 1),
            "error" | "errors" | "mistake" | "mistakes"
        )
        && s.without_mark(|| s.noun_phrase_agent(last + 1)).is_none()
    {
        return None;
    }
    // "implementer error", "cashier mistake": a label after a word for someone who slips,
    // known by its ending as a role ("-er", "-or", "-ist", "-ian", "-ant", "-ent"). Only when
    // the word is a person's role ("server error", "parser error", "client error" are
    // things'), and not a label already matched by its own list ("operator error").
    if i0 < last && !matches!(s.class(i0), Class::Role) {
        let w = s.word(i0);
        let listed = slips_by_name(w);
        let label_after = matches!(
            s.word(i0 + 1),
            "error" | "errors" | "mistake" | "mistakes" | "slip" | "slips" | "blunder" | "blunders"
        );
        if label_after && !listed && !matches!(w, "a" | "an" | "one") {
            return None;
        }
    }
    let prev = if i0 > 0 { s.word(i0 - 1) } else { "" };
    if matches!(
        prev,
        "generic"
            | "friendly"
            | "validation"
            | "client-side"
            | "helpful"
            | "clear"
            | "vague"
            | "4xx"
    ) {
        return None;
    }
    found(Rule::HumanError, ms, me)
}

/// Whether `w` (lower case) is a word a human-error label names its slipper by: "human",
/// "operator", "user", "pilot", "manual", "personnel", "staff", "people", "engineer",
/// "driver" ("operator error", "user-error"). Read by [`human_error`].
fn slips_by_name(w: &str) -> bool {
    matches!(
        w,
        "human"
            | "operator"
            | "user"
            | "pilot"
            | "manual"
            | "personnel"
            | "staff"
            | "people"
            | "engineer"
            | "driver"
    )
}

fn punish_passive(
    s: &Sentence,
    ms: usize,
    me: usize,
    i0: usize,
    last: usize,
    matched: &str,
) -> Option<Found> {
    if matched.ends_with("fired")
        && matches!(
            s.word(last + 1),
            "up" | "off" | "at" | "on" | "into" | "again" | "twice"
        )
    {
        return None;
    }
    if s.negated_in_sentence(i0) {
        return None;
    }
    // "Written up" is a sanction before "for", "by", "after" or "over" or at a clause's end;
    // "written up in the island newsletter for her reef-survey work" is praise (round 48).
    if matched
        .split_whitespace()
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("up"))
        && s.toks.get(last + 1).is_some_and(|t| !t.boundary)
    {
        return None;
    }
    // "Euan was removed from the on-call rotation by the scheduler because his leave had
    // been booked" (round 29, f193's first run): done to a person by a program, no sanction.
    let n = s.toks.len();
    if let Some(by) = (last + 1..(last + 6).min(n))
        .take_while(|&k| !s.toks[k].boundary)
        .find(|&k| s.word(k) == "by")
    {
        let head = (by + 1..(by + 5).min(n))
            .take_while(|&k| !s.toks[k].boundary)
            .take_while(|&k| !matches!(s.word(k), "because" | "after" | "when" | "for" | "as"))
            .last();
        if head
            .is_some_and(|h| is_thing_that_acts(singular(s.word(h))) && s.class(h) == Class::Other)
        {
            return None;
        }
    }
    let (c, j) = s.subject_class(i0);
    let subject = j.map_or("", |j| s.word(j));
    // "The grading supervisor will be disciplined" (round 34, f207's first run): a sanction
    // only people receive, said of a noun with a person's ending ("-or", "-er", "-ist",
    // "-ian", "-ant", "-ee") that is no thing that acts, is a person's whatever the lists
    // know. "Fired", "dismissed", "suspended" and "terminated" are said of events, banners,
    // jobs and containers too, and are left to the lists.
    let verb = matched.to_ascii_lowercase();
    let people_only = [
        "disciplined",
        "reprimanded",
        "sacked",
        "demoted",
        "punished",
        "cautioned",
    ]
    .iter()
    .any(|v| verb.ends_with(v));
    let person_shaped = c == Class::Other
        && j.is_some_and(|j| {
            let w = singular(s.word(j));
            w.len() > 4
                && (has_agent_ending(w) || w.ends_with("er"))
                && !is_thing_that_acts(w)
                && !s.heads_a_thing(j)
        });
    if people_only && person_shaped {
        return found(Rule::Punishment, ms, me);
    }
    if subject == "responsible" || (c.person() && c != Class::We) {
        let start = j.map_or(ms, |j| s.toks[j].start).min(ms);
        let _ = start;
        return found(Rule::Punishment, ms, me);
    }
    None
}

fn if_had(s: &Sentence, ms: usize, me: usize, i0: usize) -> Option<Found> {
    let from = s.at(me).unwrap_or(i0 + 1);
    let stop = (from + 7).min(s.toks.len());
    // "had", "hadn't", or a pronoun's "'d" ("if we'd checked", "if they'd looked"): the
    // contracted forms name their subject themselves.
    let contracted = |j: usize| -> Option<Class> {
        let base = s.word(j).strip_suffix("'d")?;
        match base {
            "we" => Some(Class::We),
            "i" | "he" | "she" | "they" | "you" => Some(Class::Pronoun),
            _ => None,
        }
    };
    let had = (from..stop)
        .take_while(|&j| !s.toks[j].boundary)
        .find(|&j| matches!(s.word(j), "had" | "hadn't") || contracted(j).is_some())?;
    let c = if let Some(c) = contracted(had) {
        c
    } else {
        if had == from {
            return None;
        }
        let subject = had - 1;
        let c = s.class(subject);
        if c == Class::Other && s.named_by_shape(subject) && s.name_in_subject_position(subject) {
            Class::Named
        } else if c == Class::Named && s.toks[subject].handle {
            // "if @d.yilmaz had just answered his phone" (round 35, f221's first run): a chat
            // handle that is no bot's is a person's, whatever the act.
            Class::Known
        } else {
            c
        }
    };
    let mut v = had + 1;
    while v < s.toks.len()
        && (is_adverb(s.word(v)) || matches!(s.word(v), "not" | "properly" | "carefully"))
    {
        v += 1;
    }
    let w = s.word(v);
    if w == "been" {
        // "if the engineer had been paged" is about the system; "If Lucas had been on leave,
        // I'm not confident anyone else would have looked" (round 49, f434's first run on the
        // final code, a false error) supposes a person away, to show how much rests on them.
        if been_tells_no_act(s, v) {
            return None;
        }
        // "If they had been warnings, they would have shown up in log search" (round 38,
        // f246's first run): what "they" were is a thing, so they are things.
        let pronoun = if had > from {
            s.word(had - 1)
        } else {
            s.word(had).trim_end_matches("'d")
        };
        if matches!(pronoun, "they" | "it") && names_a_thing(s, v + 1) {
            return None;
        }
    } else if !is_participle(w) || supposes_a_load(s, v) {
        return None;
    }
    // "If they had stayed at 9 seconds we'd never have noticed" (round 48, f426's first run
    // on the final code, a false error): "they" that stayed, rose or fell to an amount are
    // measurements (latencies, timeouts, queues), not people.
    if c == Class::Pronoun
        && matches!(
            w,
            "stayed"
                | "remained"
                | "held"
                | "risen"
                | "rose"
                | "fallen"
                | "dropped"
                | "climbed"
                | "peaked"
                | "grown"
                | "shrunk"
                | "spiked"
                | "settled"
        )
        && matches!(
            s.word(v + 1),
            "at" | "under" | "below" | "above" | "within" | "around" | "near" | "to" | "over"
        )
    {
        return None;
    }
    // "If she hadn't looked, the first officer … would have reported short of rest" (round
    // 62, f688's first run): a watchful act supposed undone weighs what it saved, credit to
    // whoever did it; "if Dave hadn't skipped the canary" supposes a fault undone, and stays.
    let negated =
        s.word(had) == "hadn't" || (had + 1..v).any(|k| matches!(s.word(k), "not" | "never"));
    if negated
        && matches!(
            w,
            "looked"
                | "caught"
                | "noticed"
                | "spotted"
                | "checked"
                | "called"
                | "phoned"
                | "flagged"
                | "escalated"
                | "intervened"
                | "stepped"
                | "warned"
                | "questioned"
                | "double-checked"
        )
    {
        return None;
    }
    let _ = i0;
    counterfactual_for(c, w, true).and_then(|r| found(r, ms, s.span_end(v)))
}

/// Whether lower-cased `words`, from the participle of a "should have" on, tell what should
/// have reached someone, an expectation of a delivery ("you should have gotten an email saying
/// as much", "customers should have received a refund notice"): a message, a notice, a refund
/// or the like within four words, not an act they failed to do (round 51, real222's first
/// run). Getting approval, a sign-off or a review is an act ("Dave should have gotten approval
/// first"), and so is getting something done ("I should have got the backup done by now").
fn expects_a_delivery(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const SENT: &[&str] = &[
        "email", "emails", "e-mail", "mail", "notice", "notification", "notifications",
        "message", "messages", "letter", "sms", "text", "invoice", "link", "confirmation",
        "receipt", "reply", "response", "refund", "credit", "update", "updates", "token", "code",
    ];
    matches!(words.first(), Some(&("received" | "gotten" | "got")))
        && words.iter().take(5).skip(1).any(|w| SENT.contains(w))
        && !words.iter().take(6).skip(1).any(|w| {
            matches!(
                *w,
                "approval"
                    | "sign-off"
                    | "signoff"
                    | "permission"
                    | "review"
                    | "reviewed"
                    | "consent"
                    | "approved"
                    | "done"
                    | "checked"
                    | "tested"
                    | "fixed"
                    | "sent"
            )
        })
}

/// Whether every "should have" of lower-cased `words` expects a delivery
/// ([`expects_a_delivery`]) and the sentence supposes nothing else ("could have", "would
/// have", "had"; "If this happened to you" is no supposition of an act): the model's
/// counterfactual, resting on "should have", is then an expectation, as the rules read it
/// (round 51, real222's first run).
pub(super) fn only_deliveries_expected(words: &[&str]) -> bool {
    let mut any = false;
    for (k, w) in words.iter().enumerate() {
        match *w {
            "should" | "shouldn't" | "should've" => {
                let at = if w.ends_with("'ve") { k + 1 } else { k + 2 };
                if !w.ends_with("'ve") && words.get(k + 1) != Some(&"have") {
                    continue;
                }
                if *w == "shouldn't" || !expects_a_delivery(words.get(at..).unwrap_or(&[])) {
                    return false;
                }
                any = true;
            }
            "could" | "would" | "might" | "had" | "could've" | "would've" => return false,
            _ => {}
        }
    }
    any
}

/// Whether lower-cased `words` tell how much worse an outcome could have been, said of no one
/// (round 50, f443's first run: "That could easily have been an hour."): "it", "this", "that"
/// or "which", then "could", "might" or "would", an adverb at most, "have been" (or "have
/// taken"), and an amount or an outcome ("an hour", "a week-long outage", "much worse", "days",
/// a number), with no condition ("if", but not "if maybe" or "if not", "had", "unless") or
/// agent ("by") in the sentence that could tell an act.
pub(super) fn outcome_could_have_been(words: &[&str]) -> bool {
    const AMOUNTS: &[&str] = &[
        "much", "far", "worse", "longer", "hours", "days", "weeks", "minutes", "months",
    ];
    #[rustfmt::skip]
    const OUTCOMES: &[&str] = &[
        "hour", "day", "week", "minute", "month", "lot", "disaster", "catastrophe", "few",
        "couple", "full", "whole", "much", "far", "major", "multi-day", "multi-hour",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    // "minutes - if maybe an hour", "hours, if not days" (round 59, real345's first run): an
    // "if" that widens an amount sets no condition.
    if words.iter().enumerate().any(|(k, x)| {
        matches!(*x, "had" | "hadn't" | "unless" | "by")
            || *x == "if" && !matches!(w(k + 1), "maybe" | "not" | "perhaps")
    }) {
        return false;
    }
    let amount = |x: &str| x.starts_with(|c: char| c.is_ascii_digit()) || AMOUNTS.contains(&x);
    (0..words.len()).any(|k| {
        if !(matches!(w(k), "it" | "this" | "that" | "which")
            && matches!(w(k + 1), "could" | "might" | "would"))
        {
            return false;
        }
        let mut j = k + 2;
        if w(j).ends_with("ly") || matches!(w(j), "well" | "so" | "even") {
            j += 1;
        }
        // "It would have taken minutes" (round 59): the time the work would have needed.
        w(j) == "have"
            && matches!(w(j + 1), "been" | "taken")
            && (amount(w(j + 2))
                || (matches!(w(j + 2), "a" | "an")
                    && (amount(w(j + 3))
                        || OUTCOMES.contains(&w(j + 3))
                        || w(j + 3).ends_with("-long")
                        || w(j + 3).ends_with("-hour")
                        || w(j + 3).ends_with("-day"))))
    })
}

/// Whether lower-cased `words` tell an act as how a fault was found or fixed: "which is how",
/// "that is how", "this is how" or "that's how", then within six words a verb of finding or
/// rescue ("found", "caught", "spotted", "noticed", "fixed", "restored"), with no negation and
/// no word of harm or neglect anywhere ("Kofi broke the build, which is how we found the
/// bug" and "… which is how the outage started" stay judged). Asked by the rules and of the
/// model's findings (round 56, f582's first run).
pub(super) fn credited_as_how_it_was_found(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const RESCUE: &[&str] = &[
        "found", "caught", "spotted", "noticed", "detected", "fixed", "restored", "recovered",
        "resolved", "contained", "stopped", "identified", "traced",
    ];
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "not", "n't", "never", "no", "nobody", "broke", "broken", "deleted", "dropped",
        "skipped", "ignored", "forgot", "missed", "wrong", "failed", "without", "instead",
        "again", "only", "finally", "blame", "fault", "caused",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    !words.iter().any(|x| NOT.contains(x) || x.ends_with("n't"))
        && (0..words.len()).any(|k| {
            let how = match (w(k), w(k + 1), w(k + 2)) {
                ("which" | "that" | "this", "is" | "was", "how") => Some(k + 3),
                ("that's" | "this's", "how", _) => Some(k + 2),
                _ => None,
            };
            how.is_some_and(|h| (h..(h + 6).min(words.len())).any(|v| RESCUE.contains(&w(v))))
        })
}

/// Whether lower-cased `words` open with an inverted "had" and the sentence (`text`) is a
/// question with no consequence supposed (no "would", "could", "might", "'d"): "Had they
/// touched something they shouldn't?" (round 56, real307's first run, a false error) asks
/// what happened, as a team wondered at the time. "Had the reviewer looked, would we have
/// caught it?" supposes another course, and stays found.
pub(super) fn asks_what_happened(words: &[&str], text: Option<&str>) -> bool {
    words.iter().find(|w| !w.is_empty()) == Some(&"had")
        && text.is_some_and(|t| t.trim_end().ends_with('?'))
        && !words.iter().any(|w| {
            matches!(
                *w,
                "would" | "could" | "might" | "wouldn't" | "couldn't" | "d" | "then"
            ) || w.ends_with("'d")
        })
}

/// Whether lower-cased `words` tell access revoked as routine offboarding: "offboarding" or
/// "offboarded" with a word of routine or departure ("routine", "standard", "scheduled",
/// "departing", "left", "leaving"), and no word of the incident as a cause ("after",
/// "because", "following"): "During a routine employee offboarding, we revoked that
/// employee's access to Fastly." (round 56, real306's first run, a false error). "Kofi was
/// offboarded after the outage" stays found.
pub(super) fn routine_offboarding(words: &[&str]) -> bool {
    words.iter().any(|w| w.starts_with("offboard"))
        && words.iter().any(|w| {
            matches!(
                *w,
                "routine"
                    | "standard"
                    | "scheduled"
                    | "normal"
                    | "departing"
                    | "departure"
                    | "left"
                    | "leaving"
                    | "leaver"
            )
        })
        && !words
            .iter()
            .any(|w| matches!(*w, "after" | "because" | "following" | "punish" | "fired"))
}

/// Whether lower-cased `words` tell a remedy for whoever the fault reached: "this ensures
/// that" (or "to ensure that", "so that") then "anyone", "anybody", "everyone" or "users" who
/// did something: "This ensures that anyone who had inadvertently logged in as someone else
/// will no longer be logged in to the wrong account." (round 56, real307's first run, a false
/// error). The people are those the fix protects, not anyone at fault.
pub(super) fn remedy_for_whoever(words: &[&str]) -> bool {
    (0..words.len()).any(|k| {
        matches!(words[k], "ensures" | "ensure" | "guarantees" | "means")
            && words.get(k + 1) == Some(&"that")
            && matches!(
                words.get(k + 2).copied(),
                Some("anyone" | "anybody" | "everyone" | "everybody" | "users" | "customers")
            )
            && words.get(k + 3) == Some(&"who")
    })
}

/// Whether lower-cased `words` tell someone acting ahead of a tool rather than neglecting a
/// check: "didn't wait" (or "did not wait") "for" a system, a tool, an app, a page, an
/// acknowledgement or a reply, and the clause ends there: "Noémie didn't wait for the
/// system." and "Pemba didn't wait for the system." (round 56, f590's and f595's first runs,
/// false errors by two authors). "… didn't wait for the system to finish the drain" and
/// "didn't wait for approval" or "for the canary" stay found.
pub(super) fn went_ahead_of_a_tool(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const TOOLS: &[&str] = &[
        "system", "tool", "app", "automation", "page", "pager", "ack", "acknowledgement",
        "acknowledgment", "callback", "reply", "response", "queue", "ticket", "dashboard", "bot",
        "script", "console", "portal", "software", "platform", "retry", "form",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| {
        let wait = match (w(k), w(k + 1)) {
            ("didn't" | "didnt", "wait") | ("never", "waited") => Some(k + 2),
            ("did", "not" | "n't") if w(k + 2) == "wait" => Some(k + 3),
            _ => None,
        };
        let Some(f) = wait.filter(|&f| w(f) == "for") else {
            return false;
        };
        let mut t = f + 1;
        if matches!(w(t), "the" | "a" | "an" | "its" | "our" | "their") {
            t += 1;
        }
        TOOLS.contains(&w(t)) && matches!(w(t + 1), "" | "." | "," | ";" | "and" | "but" | "-")
    })
}

/// Whether a verb of missing or neglect has "no", "none" or "nothing" right after it, with
/// nothing but a space between: "missed no alerts", "ignored nothing", "skipped none of the
/// checks" (round 55, f564's first run). "Basic hygiene was skipped: no backup, no dry run"
/// lists what was skipped, and stays judged. Asked by the rules too (round 56, f596's first
/// run: "The intake clerk skipped no steps; …").
pub(super) fn denies_the_miss(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "missed",
        "ignored",
        "skipped",
        "dropped",
        "forgot",
        "overlooked",
        "lost",
    ]
    .iter()
    .any(|v| {
        ["no", "none", "nothing"].iter().any(|d| {
            // The phrase, then a space, a full stop or the sentence's end.
            let phrase = format!("{v} {d}");
            lower.match_indices(&phrase).any(|(at, _)| {
                matches!(
                    lower.as_bytes().get(at + phrase.len()),
                    None | Some(b' ' | b'.')
                )
            })
        })
    })
}

/// Whether the sentence tells a gathering (a stand-up, a meeting, a sync, a call, a briefing)
/// skipped or missed in order to do something else, within three words of it: "Hamish skipped
/// the morning stand-up to walk the reject conveyor" (round 54, f529's first run), or because
/// work held the person there ("because he was on the vendor call", round 55). Not a review
/// or a handover, which are safeguards, and not for rest or leisure ("skipped the stand-up to
/// sleep in"). The rules ask it of their findings, and the engine of the
/// model's. `words` are lower-cased.
pub(super) fn meeting_skipped_for_work(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const GATHERINGS: &[&str] = &[
        "meeting", "meetings", "standup", "stand-up", "sync", "call", "briefing", "huddle",
        "check-in", "demo", "all-hands", "town-hall", "lunch", "offsite", "workshop", "training",
    ];
    #[rustfmt::skip]
    const LEISURE: &[&str] = &[
        "sleep", "rest", "nap", "relax", "leave", "go", "head", "eat", "play", "watch", "shop",
        "party", "drink", "avoid", "dodge", "skip",
    ];
    // Round 55 (f542's first run on round 54's final code, a false error): the work told as
    // the reason, "… skipped the Friday sign-off meeting because he was on the vendor call
    // about the same rollout". Someone on a call, in a war room, at the site or handling a
    // page; "because he was bored" or "because she was on holiday" names no work.
    #[rustfmt::skip]
    const WORK: &[&str] = &[
        "call", "calls", "bridge", "incident", "outage", "page", "pager", "site", "rollout",
        "release", "deploy", "deployment", "migration", "cutover", "escalation", "shift", "rota",
        "war", "floor", "line", "plant", "substation", "vendor", "customer", "client", "fix",
        "repair", "restore", "recovery", "failover", "ticket", "alarm", "alert",
    ];
    #[rustfmt::skip]
    const DOING: &[&str] = &[
        "handling", "covering", "fixing", "working", "leading", "running", "answering",
        "responding", "restoring", "repairing", "staffing", "supporting", "escorting",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let busy = |m: usize| {
        matches!(w(m), "because" | "as" | "since")
            && matches!(w(m + 2), "was" | "were")
            && (DOING.contains(&w(m + 3))
                || (matches!(w(m + 3), "on" | "in" | "at" | "with")
                    && (m + 4..(m + 9).min(words.len())).any(|q| WORK.contains(&w(q)))))
    };
    (0..words.len()).any(|k| {
        matches!(w(k), "skipped" | "missed" | "skipping" | "missing")
            && (k + 1..(k + 5).min(words.len())).any(|m| {
                GATHERINGS.contains(&w(m))
                    && ((w(m + 1) == "to" && !w(m + 2).is_empty() && !LEISURE.contains(&w(m + 2)))
                        || busy(m + 1))
            })
    })
}

/// Whether lower-cased `words` suppose a consequence worse than what happened: "the
/// overbooking would have hit twice as many groups" (round 52, f482's first run), "it would
/// have been much worse", "could have stranded three times as many riders". A counterfactual
/// that blames tells harm avoided ("no member would have been paid twice", "fewer riders would
/// have been hit"); one that supposes more harm weighs how the outcome fell, whoever is in its
/// condition ("Had the pilgrims landed an hour earlier", "if Kofi hadn't caught it"). A count
/// supposed against a smaller one that happened ("we'd have had 61 kiosks down instead of
/// 23", round 53) is more harm too. The rules ask it of their counterfactuals, and the engine
/// of the model's.
pub(super) fn supposes_a_worse_outcome(words: &[&str]) -> bool {
    #[rustfmt::skip]
    const REACHED: &[&str] = &[
        "hit", "affected", "reached", "stranded", "hurt", "cost", "delayed", "locked",
        "charged", "double-charged", "double-booked", "lost", "exposed", "taken", "lasted",
    ];
    const DEGREE: &[&str] = &[
        "much",
        "far",
        "even",
        "considerably",
        "significantly",
        "lot",
    ];
    // Stems of a harm a consequence may suppose ("data loss", "an outage", "corruption").
    #[rustfmt::skip]
    const HARM: &[&str] = &[
        "loss", "lost", "outage", "downtime", "corrupt", "damag", "harm", "breach", "leak",
        "catastroph", "disast", "injur", "death", "fatal", "collision", "derail", "crash",
        "cancel", "strand", "penalt", "evacuat", "shutdown", "duplicat", "double", "miss",
    ];
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    // "… would have missed Friday's disbursement for all 1,312 workers, not 485" (round 59,
    // f648's first run): a "not" that sets the smaller count that happened against the one
    // supposed denies nothing.
    let contrast_not = |k: usize| w(k) == "not" && count_at(words, k + 1).is_some();
    if words.iter().enumerate().any(|(k, x)| {
        matches!(*x, "fewer" | "less" | "n't" | "never") || *x == "not" && !contrast_not(k)
    }) {
        return false;
    }
    (1..words.len()).any(|k| {
        // The tokeniser splits "we'd" and "would've": "d" is "would", "ve" is "have".
        // An adverb may stand between: "could easily have meant cancellations" (round 56).
        let modal_at = |m: usize| {
            matches!(w(m), "would" | "could" | "might" | "d") || is_contracted_would(w(m))
        };
        let modal = (modal_at(k - 1) || (k > 1 && is_adverb(w(k - 1)) && modal_at(k - 2)))
            && matches!(w(k), "have" | "ve");
        let modal_joined = matches!(w(k), "would've" | "could've" | "might've");
        if !(modal || modal_joined) {
            return false;
        }
        let v = k + 1;
        if w(v) == "been" {
            let mut j = v + 1;
            while DEGREE.contains(&w(j)) || w(j) == "a" {
                j += 1;
            }
            return w(j) == "worse";
        }
        // "… we'd have had 61 kiosks down instead of 23" (round 53, f513's first run, a false
        // error): a count supposed, set against the smaller one that happened.
        let larger_count = (v..(v + 8).min(words.len())).any(|c| {
            count_at(words, c).is_some_and(|(supposed, after)| {
                (after..(after + 5).min(words.len())).any(|m| {
                    matches!((w(m), w(m + 1)), ("instead", "of") | ("rather", "than"))
                        && count_at(words, m + 2).is_some_and(|(real, _)| real < supposed)
                        || contrast_not(m)
                            && count_at(words, m + 1).is_some_and(|(real, _)| real < supposed)
                })
            })
        });
        // "… this relatively mild pinning and archival bug would have resulted in data loss"
        // (round 56, real298's first run, a false error): the consequence supposed is a harm
        // that did not come, so the condition weighs how the outcome fell.
        let harm_caused = matches!(w(v), "resulted" | "caused" | "led" | "meant" | "triggered")
            && (v + 1..(v + 8).min(words.len()))
                .take_while(|&m| !matches!(w(m), "" | "," | ";" | "but" | "no"))
                .any(|m| HARM.iter().any(|h| w(m).starts_with(h)));
        // "If we'd found this on Thursday we'd have lost the positions for good" (round 56,
        // f595's first run, a false error): the loss itself supposed, with no word that makes
        // it a smaller one or none ("only", "just", "zero", "nobody", "a single").
        let loss_itself = matches!(
            w(v),
            "lost" | "corrupted" | "destroyed" | "wiped" | "leaked" | "stranded" | "crashed"
        ) && !words.iter().any(|x| {
            matches!(
                *x,
                "only"
                    | "just"
                    | "nothing"
                    | "no"
                    | "none"
                    | "merely"
                    | "instead"
                    | "rather"
                    | "than"
                    | "zero"
                    | "nobody"
                    | "single"
                    | "any"
                    | "anyone"
                    | "anything"
            )
        });
        larger_count
            || harm_caused
            || loss_itself
            || (REACHED.contains(&w(v))
                && (v + 1..(v + 4).min(words.len()))
                    .any(|m| matches!(w(m), "twice" | "double" | "triple" | "times" | "more")))
    })
}

/// The whole number that starts at `words[k]`, and the index after it: digits, with or
/// without thousands separators, which the rules' tokens split ("1,400" as "1", a boundary
/// read as "" and "400"). `None` when `words[k]` holds anything but digits and commas.
fn count_at(words: &[&str], k: usize) -> Option<(u64, usize)> {
    let first = words.get(k)?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    let mut digits: String = first.chars().filter(char::is_ascii_digit).collect();
    let mut next = k + 1;
    let group = |g: &&str| {
        let g = g.trim_start_matches(',');
        g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())
    };
    // The comma may be a token of its own (",", or a boundary read as "") or no token at
    // all: a group of three digits right after a short number continues it.
    loop {
        let comma = usize::from(matches!(words.get(next), Some(&("," | ""))));
        match words.get(next + comma) {
            Some(g) if first.len() <= 4 && group(g) => {
                digits.push_str(g.trim_start_matches(','));
                next += comma + 1;
            }
            _ => break,
        }
    }
    digits.parse().ok().map(|n| (n, next))
}

/// Whether lower-cased `words` suppose a harm of "it" (or "this", "that") and then deny it
/// happened: "It could easily have cost us a week of recuts, and it didn't" (round 53, f504's
/// first run). The modal's subject is the event, not a person, so the sentence weighs how
/// the outcome fell; "Dave could easily have caught it, and he didn't" faults Dave, and stays.
/// The tokeniser may split "didn't" ("did", "n't") or keep it whole; both are read.
pub(super) fn harm_supposed_then_denied(words: &[&str]) -> bool {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let Some(m) = (1..words.len()).find(|&k| {
        matches!(w(k - 1), "it" | "this" | "that")
            && matches!(w(k), "could" | "might" | "would")
            && (matches!(w(k + 1), "have" | "ve")
                || (matches!(w(k + 1), "easily" | "well" | "just" | "so")
                    && matches!(w(k + 2), "have" | "ve")))
    }) else {
        return false;
    };
    (m + 3..words.len()).any(|k| {
        w(k) == "it"
            && (matches!(w(k + 1), "didn't" | "wasn't" | "hasn't")
                || (matches!(w(k + 1), "did" | "was" | "has") && matches!(w(k + 2), "not" | "n't")))
    })
}

/// Whether `word`, right after a person noun, makes that noun a modifier of a thing: a part
/// of a system ([`super::lexicon::is_system_part`]: "certificate", "queue", "table", …) or
/// a setting or state of one ("retention", "config", "version", "logs", "lag"). "broker
/// retention" is the message broker's; "the broker approved" is a person.
pub(super) fn modifies_a_thing(word: &str) -> bool {
    #[rustfmt::skip]
    const STATES: &[&str] = &[
        "retention", "config", "configuration", "settings", "setting", "version", "versions",
        "logs", "log", "disk", "disks", "memory", "cache", "limit", "limits", "quota", "backlog",
        "lag", "restart", "upgrade", "firmware", "image", "heartbeat", "heartbeats", "timeout",
        "timeouts", "offset", "offsets", "partition", "partitions", "topic", "topics", "metrics",
    ];
    super::lexicon::is_system_part(word) || STATES.contains(&word.to_ascii_lowercase().as_str())
}

/// Whether the participle at `v` of a condition ("Had we seen …", "if we had got …") supposes
/// a load that did not come rather than an act: a verb of meeting or drawing ("seen", "had",
/// "got", "received", "faced", "hit", "drawn", "attracted") and, within its next four words, a
/// quantity ("thousands", "twice", "more", a number) of users, players, requests or traffic:
/// "Had we seen thousands of players, this would have left a very bad first impression" (round
/// 51, real224's first run, a false error). "Had we seen the alert" weighs an act, and stays.
fn supposes_a_load(s: &Sentence, v: usize) -> bool {
    let window: Vec<&str> = (v..(v + 5).min(s.toks.len())).map(|k| s.word(k)).collect();
    load_supposed(&window, 0)
}

/// [`supposes_a_load`] on lower-cased `words` (marks may be among them, and end the phrase).
fn load_supposed(words: &[&str], v: usize) -> bool {
    #[rustfmt::skip]
    const LOAD: &[&str] = &[
        "players", "users", "customers", "visitors", "requests", "traffic", "load", "orders",
        "sign-ups", "signups", "connections", "spike", "surge", "peak", "viewers", "downloads",
        "calls", "queries", "writes", "messages", "sessions", "clients",
    ];
    #[rustfmt::skip]
    const AMOUNT: &[&str] = &[
        "thousands", "hundreds", "millions", "dozens", "tens", "more", "twice", "double",
        "triple", "many", "bigger", "larger", "higher", "heavier", "real", "full", "a",
    ];
    if !matches!(
        words.get(v).copied(),
        Some(
            "seen"
                | "had"
                | "got"
                | "gotten"
                | "received"
                | "faced"
                | "hit"
                | "drawn"
                | "attracted"
        )
    ) {
        return false;
    }
    let phrase: Vec<&str> = words
        .iter()
        .skip(v + 1)
        .take(4)
        .take_while(|w| w.chars().any(char::is_alphanumeric))
        .copied()
        .collect();
    phrase
        .iter()
        .any(|w| AMOUNT.contains(w) || w.starts_with(|c: char| c.is_ascii_digit()))
        && phrase.iter().any(|w| LOAD.contains(w))
}

/// Whether lower-cased `words` lay the harm on a combination of conditions rather than on any
/// one of them: "Kwame's firewall change and the CDN's IP rotation landed in the same hour, and
/// only the combination broke the route" (round 52, f472's first run), "the combination of the
/// two changes", "combined with the rotation", "neither change alone would have …". A person's
/// act named as one of the conditions that had to line up is the systemic account; the engine
/// asks it of the model's findings of a person's or a team's fault. ("I'm sure it's a total
/// coincidence that …" is insinuation, and "coincidence" is not read here.)
pub(super) fn joint_cause(words: &[&str]) -> bool {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    (0..words.len()).any(|k| match w(k) {
        "combination" | "interplay" | "conjunction" => {
            k > 0 && matches!(w(k - 1), "the" | "this" | "that" | "in")
        }
        "combined" => w(k + 1) == "with",
        "neither" => {
            (k + 1..(k + 6).min(words.len())).any(|m| matches!(w(m), "alone" | "itself" | "own"))
        }
        _ => false,
    })
}

/// Whether lower-cased `words` hold a condition ("Had we seen …", "if we had got …") that
/// supposes a load that did not come ([`supposes_a_load`]) and no "should": the model's
/// counterfactual then rests on the load supposed, as the rules read it (round 51, real224's
/// first run).
pub(super) fn only_a_load_supposed(words: &[&str]) -> bool {
    !words.iter().any(|w| w.starts_with("should"))
        && (0..words.len()).any(|v| {
            let had = |k: Option<usize>| k.and_then(|k| words.get(k)) == Some(&"had");
            (had(v.checked_sub(1)) || had(v.checked_sub(2)) || had(v.checked_sub(3)))
                && load_supposed(words, v)
        })
}

/// Whether what follows "been" at `v` in a condition ("if … had been", "Had … been") tells no
/// act of the person's: a passive ("been paged") or the person away ([`away_at`]).
fn been_tells_no_act(s: &Sentence, v: usize) -> bool {
    is_participle(s.word(v + 1)) || away_at(&[s.word(v + 1), s.word(v + 2), s.word(v + 3)])
}

/// Whether lower-cased `words`, those right after "been", tell someone away: "on leave",
/// "on holiday", "on parental leave", "away", "off", "out", "sick", "unavailable" (round 49,
/// f434's first run: "If Lucas had been on leave, I'm not confident anyone else would have
/// looked"). A person supposed away, to show how much rests on them, did nothing wrong.
fn away_at(words: &[&str]) -> bool {
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    match w(0) {
        "on" => {
            matches!(
                w(1),
                "leave" | "holiday" | "vacation" | "sabbatical" | "furlough"
            ) || (matches!(w(1), "parental" | "sick" | "annual" | "medical") && w(2) == "leave")
        }
        "away" | "off" | "out" | "sick" | "unavailable" | "absent" | "travelling" | "traveling"
        | "ill" | "elsewhere" => true,
        _ => false,
    }
}

/// Whether lower-cased `words` suppose someone away after "if" or an inverted "had": "if Lucas
/// had been on leave", "if she'd been off sick", "Had Jean-Baptiste been away" ([`away_at`]).
/// The engine asks it of the model's counterfactuals.
pub(super) fn supposes_someone_away(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        *w == "been"
            && k > 0
            && (((words[k - 1] == "had" || words[k - 1].ends_with("'d"))
                && words[..k].contains(&"if"))
                // Inverted: "Had Jean-Baptiste been away, …" (round 50).
                || (words.first() == Some(&"had") && k <= 4))
            && away_at(&words[k + 1..])
    })
}

/// Whether the predicate after "been" at `k` ("been warnings", "been a cron job") names a thing:
/// after an article, a noun of `is_thing_that_acts` or `lexicon::is_system_part`, or a plural of
/// a common word that names no person and has no adjective's ending ("careless", "cautious",
/// "professionals").
fn names_a_thing(s: &Sentence, k: usize) -> bool {
    let k = if matches!(s.word(k), "a" | "an" | "the") {
        k + 1
    } else {
        k
    };
    if k >= s.toks.len() || s.toks[k].boundary {
        return false;
    }
    let w = s.word(k);
    let one = singular(w);
    let plural_thing = w.len() > 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        // "professionals", "individuals", "criminals": adjectives made nouns for people.
        && !w.ends_with("als")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !super::dictionary::is_person_noun(one)
        && !super::lexicon::is_actor_noun(w)
        && super::dictionary::is_common_word(w);
    is_thing_that_acts(one) || super::lexicon::is_system_part(w) || plural_thing
}

/// A thing that detects, checks or acts on its own, or an artifact (`DETECTOR_NOUNS`,
/// `ARTIFACT_NOUNS`): the subject of an act said of no one. `w` is singular, lower case.
fn is_thing_that_acts(w: &str) -> bool {
    DETECTOR_NOUNS.contains(w) || ARTIFACT_NOUNS.contains(w)
}

/// Whether the word ends as nouns for people who do something mostly do: "-or", "-ist", "-ian",
/// "-ee", "-ant" ("contributor", "dentist", "technician", "trainee", "attendant"). "-er" is left
/// to each caller: it names programs as often as people ("parser", "scheduler").
fn has_agent_ending(w: &str) -> bool {
    ["or", "ist", "ian", "ee", "ant"]
        .iter()
        .any(|e| w.ends_with(e))
}

/// A department named by its function ("dispatch", "logistics", "billing"): with nothing after
/// it in its phrase, the people who do that work.
fn is_department_function(w: &str) -> bool {
    DEPARTMENTS.contains(w)
        || matches!(
            w,
            "dispatch" | "logistics" | "billing" | "payroll" | "accounts"
        )
}

/// Things that act whose name is also a person's job ("the bus driver", "the shift
/// scheduler", "the exam monitor"): what they made or how they behaved may be a person's.
fn also_a_persons_job(w: &str) -> bool {
    matches!(w, "driver" | "scheduler" | "monitor" | "server")
}

/// A modal that can open a counterfactual's consequence ("would", "could", "might",
/// "would've", "could've").
fn is_past_modal(w: &str) -> bool {
    matches!(w, "would" | "could" | "might" | "would've" | "could've")
}

/// Whether `w` is a pronoun with "would" contracted onto it ("we'd", "I'd", "they'd", "it'd",
/// with either apostrophe), as the rules' tokens keep it whole (round 53, f513's and f514's
/// first runs: "… we'd have had 61 kiosks down instead of 23", "… we'd still have the same
/// mailbox and the same problem"). "had" contracts the same way ("if we'd fired everyone");
/// callers ask for "have" after it, which "had" never takes.
pub(super) fn is_contracted_would(w: &str) -> bool {
    w.strip_suffix("'d")
        .or_else(|| w.strip_suffix("’d"))
        .is_some_and(|head| {
            matches!(
                head,
                "we" | "i" | "they" | "you" | "he" | "she" | "it" | "that"
            )
        })
}

/// Whether two words deny the word they govern, right after them (round 25, f162's first
/// run): "the contrary of carelessness", "the opposite of careless", "far from careless",
/// "anything but careless".
fn denies_by_phrase(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("contrary" | "opposite" | "reverse", "of" | "to") | ("far", "from") | ("anything", "but")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert_eq!(COMPILED.regexes.len(), ALL_KINDS.len());
        // Compiled lazily in use: force every one here, so a bad pattern fails this test.
        for (_, re) in &COMPILED.regexes {
            assert!(!re.is_match("", b""));
        }
        assert!(!COMPILED.meta.is_match("", b""));
    }

    include!("sources.rs");

    /// `build.rs` compiles `TRIGGERS` in order; `Kind` indexes the result.
    #[test]
    fn trigger_table_follows_kind_order() {
        assert_eq!(TRIGGERS.len(), ALL_KINDS.len());
        for (i, kind) in ALL_KINDS.iter().enumerate() {
            assert_eq!(*kind as usize, i);
            assert_eq!(TRIGGERS[i].0, format!("{kind:?}"));
        }
        assert!(!META.is_empty());
    }
}
