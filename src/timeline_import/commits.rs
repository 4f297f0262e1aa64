//! `--from git`: a repository's commits (or, with `--tags`, its tags) in the window whose
//! message matches `--match`: the deploy log. A commit's time is its committer time (when it
//! landed on the branch, not when it was first written); an annotated tag's is its tagger time.

use super::{one_line, Imported, Request};
use chrono::{DateTime, Utc};
use std::path::Path;

/// Commits are walked newest first; the walk stops at the first commit this long before the
/// window, so a clock skewed by less than a day still finds its commits.
const SKEW: chrono::Duration = chrono::Duration::days(1);

pub fn read(path: &Path, request: &Request, out: &mut Vec<Imported>) -> Result<(), git2::Error> {
    let repo = git2::Repository::open(path)?;
    if request.tags {
        return tags(&repo, request, out);
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(git2::Sort::TIME)?;
    walk.push_head()?;
    for oid in walk {
        let commit = repo.find_commit(oid?)?;
        let Some(at) = DateTime::<Utc>::from_timestamp(commit.committer().when().seconds(), 0)
        else {
            continue;
        };
        if let Some(since) = request.window.since {
            if at < since - SKEW {
                break;
            }
        }
        let message = String::from_utf8_lossy(commit.message_bytes());
        if !request.window.contains(at) || !matches(request, &message) {
            continue;
        }
        let summary = one_line(message.lines().next().unwrap_or(""));
        let short = short_id(&repo, commit.id());
        out.push(Imported {
            at,
            text: format!("{summary} (commit {short})"),
        });
    }
    Ok(())
}

fn tags(
    repo: &git2::Repository,
    request: &Request,
    out: &mut Vec<Imported>,
) -> Result<(), git2::Error> {
    let names = repo.tag_names(None)?;
    for name in names.iter() {
        // A tag whose name is not UTF-8 cannot be written in the timeline.
        let Ok(Some(name)) = name else { continue };
        let reference = repo.find_reference(&format!("refs/tags/{name}"))?;
        let object = reference.peel(git2::ObjectType::Any)?;
        let (seconds, message, target) = match reference.peel_to_tag() {
            Ok(tag) => (
                tag.tagger().map(|t| t.when().seconds()),
                String::from_utf8_lossy(tag.message_bytes().unwrap_or_default()).into_owned(),
                tag.target_id(),
            ),
            Err(_) => (None, String::new(), object.id()),
        };
        let seconds = match seconds {
            Some(s) => s,
            None => match repo.find_commit(target) {
                Ok(commit) => commit.committer().when().seconds(),
                Err(_) => continue,
            },
        };
        let Some(at) = DateTime::<Utc>::from_timestamp(seconds, 0) else {
            continue;
        };
        let subject = one_line(message.lines().next().unwrap_or(""));
        let described = if subject.is_empty() {
            format!("tag {name}")
        } else {
            format!("tag {name}: {subject}")
        };
        if request.window.contains(at) && matches(request, &format!("{name}\n{message}")) {
            out.push(Imported {
                at,
                text: described,
            });
        }
    }
    Ok(())
}

fn matches(request: &Request, text: &str) -> bool {
    request
        .pattern
        .as_ref()
        .is_none_or(|pattern| pattern.is_match(text))
}

fn short_id(repo: &git2::Repository, oid: git2::Oid) -> String {
    repo.find_object(oid, None)
        .and_then(|o| o.short_id())
        .ok()
        .and_then(|buf| buf.as_str().ok().map(String::from))
        .unwrap_or_else(|| oid.to_string()[..7].to_string())
}
