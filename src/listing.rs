//! Reading many post-mortems at once for the reports: every front matter in the folder (or at a
//! revision), in parallel, with the files that could not be read kept apart; and finding one
//! post-mortem by its ID or part of it.

use crate::config::Located;
use crate::document::{read_front_matter, Document, ParseError};
use crate::error::{Error, Result};
use crate::git::history::History;
use crate::git::Repo;
use crate::repository::{self, Entry, Unreadable};
use crate::summary::Summary;
use chrono::NaiveDate;
use rayon::prelude::*;

/// What [`load`] returns: the readable post-mortems and the files that could not be read.
pub type Loaded = (Vec<(Entry, Summary)>, Vec<Unreadable>);

/// Whether summaries keep their action items. A table of 10,000 post-mortems needs only the
/// counts, and the actions are a third of the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actions {
    Keep,
    CountOnly,
}

/// Reads the front matter of every post-mortem in the repository, in parallel. Files that
/// cannot be read are returned apart, each naming the file and line.
pub fn load(located: &Located, today: NaiveDate, actions: Actions) -> Result<Loaded> {
    let (entries, skipped) = repository::list(&located.postmortem_dir(), &located.root)?;
    let results: Vec<std::result::Result<(Entry, Summary), Unreadable>> = entries
        .into_par_iter()
        // One read buffer per worker, reused from file to file.
        .map_init(Vec::new, |bytes, entry| {
            repository::read_into(&entry.path, bytes)
                .map_err(|e| Unreadable::new(&entry.display, e))?;
            let front = read_front_matter(bytes).map_err(|e| parse_failure(&entry.display, &e))?;
            let mut summary = Summary::from_front_matter(front, &entry.stem, &entry.display, today);
            summary.locate_action_problems(bytes);
            if actions == Actions::CountOnly {
                summary.actions = Vec::new();
            }
            Ok((entry, summary))
        })
        .collect();
    let (good, mut bad) = partition(results);
    let mut unreadable = skipped;
    unreadable.append(&mut bad);
    Ok((good, unreadable))
}

/// The post-mortems as they are at `rev`.
pub fn load_at(
    repo: &Repo,
    located: &Located,
    rev: &str,
    today: NaiveDate,
) -> Result<(Vec<Summary>, Vec<Unreadable>)> {
    let history = History::new(repo, &located.postmortem_dir())?;
    let commit = history.resolve(rev)?;
    let files = history.files_at(commit)?;
    let dir = located.config.repo.dir.trim_end_matches('/').to_string();
    let results: Vec<std::result::Result<Summary, Unreadable>> = files
        .into_par_iter()
        .map(|file| {
            let display = format!("{dir}/{} (at {rev})", file.path);
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let stem = name.trim_end_matches(".md");
            let doc = Document::parse_front_matter(&file.bytes)
                .map_err(|e| parse_failure(&display, &e))?;
            let mut summary = Summary::new(&doc, stem, &format!("{dir}/{}", file.path), today);
            summary.locate_action_problems(&file.bytes);
            Ok(summary)
        })
        .collect();
    Ok(partition(results))
}

fn parse_failure(display: &str, e: &ParseError) -> Unreadable {
    Unreadable {
        display: display.to_string(),
        position: e.position(),
        reason: e.to_string(),
    }
}

fn partition<T>(results: Vec<std::result::Result<T, Unreadable>>) -> (Vec<T>, Vec<Unreadable>) {
    let mut good = Vec::with_capacity(results.len());
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok(item) => good.push(item),
            Err(e) => bad.push(e),
        }
    }
    (good, bad)
}

/// Finds the one post-mortem file an ID (or part of one) names. When nothing matches but a
/// file the listing passed over (a symbolic link) does, the error names that file and why,
/// rather than saying nothing matches.
pub fn find_entry(located: &Located, query: &str) -> Result<Entry> {
    let (entries, skipped) = repository::list(&located.postmortem_dir(), &located.root)?;
    match repository::resolve(&entries, query) {
        Ok(entry) => Ok(entry.clone()),
        Err(e) => {
            let stem = |display: &str| {
                let name = display.rsplit('/').next().unwrap_or(display);
                name.strip_suffix(".md").unwrap_or(name).to_string()
            };
            Err(
                match skipped.iter().find(|s| stem(&s.display).contains(query)) {
                    Some(s) if !query.is_empty() => Error::input(&s.display, s.reason.clone()),
                    _ => e,
                },
            )
        }
    }
}

/// Reads one post-mortem's front matter, or says which file and line stop it.
pub fn read_front(entry: &Entry) -> Result<(Vec<u8>, Document)> {
    let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
    let doc = Document::parse_front_matter(&bytes).map_err(|e| input_error(entry, &e, ""))?;
    Ok((bytes, doc))
}

/// A parse error as the error a command stops with: the file, line and column, the message,
/// and `hint` after it.
pub fn input_error(entry: &Entry, e: &ParseError, hint: &str) -> Error {
    match e.position() {
        Some((line, column)) => Error::input(
            format!("{}:{line}:{column}", entry.display),
            format!("{e}{hint}"),
        ),
        None => Error::input(&entry.display, e.to_string()),
    }
}

/// Finds and reads one post-mortem's front matter by ID (or part of one).
pub fn find(
    located: &Located,
    query: &str,
    today: NaiveDate,
) -> Result<(Entry, Document, Summary)> {
    let entry = find_entry(located, query)?;
    let (bytes, doc) = read_front(&entry)?;
    let mut summary = Summary::new(&doc, &entry.stem, &entry.display, today);
    summary.locate_action_problems(&bytes);
    Ok((entry, doc, summary))
}
