//! The repository a document belongs to, found from the document's path as `pm check` finds it
//! from the working directory: `pm.toml` walking up to the work-tree root, the other
//! post-mortems' IDs from the folder's file names. A document with no path (an unsaved buffer)
//! or outside any repository gets the default configuration and no other post-mortems.

use crate::checks::targets::{known_ids, shown_name};
use crate::checks::KnownIds;
use crate::config::{Config, Located};
use crate::document::{Action, Document};
use crate::paths::canonical;
use crate::repository::{self, Entry};
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::path::{Path, PathBuf};

/// What the checks and completions need to know about a document's repository.
pub struct Workspace {
    pub located: Located,
    /// Why `pm.toml` could not be used, when it could not (the defaults apply then).
    pub config_problem: Option<String>,
    pub known: KnownIds,
    /// The post-mortems of the folder, read on first use (completion, hover, definition).
    postmortems: OnceCell<Vec<Postmortem>>,
}

/// One post-mortem of the folder, as references and completions show it.
pub struct Postmortem {
    pub id: String,
    pub path: PathBuf,
    pub actions: Vec<ActionInfo>,
    /// Everyone the front matter names (authors, facilitator, participants, owners).
    pub people: Vec<String>,
}

/// An action item as a reference's hover shows it.
#[derive(Debug, Clone)]
pub struct ActionInfo {
    pub id: String,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Option<String>,
    /// Where the action's `id` value is in its file (else its table).
    pub span: std::ops::Range<usize>,
}

impl ActionInfo {
    pub fn from_action(action: &Action) -> Option<ActionInfo> {
        let id = action.id.as_ref()?;
        Some(ActionInfo {
            id: id.value.clone(),
            title: action.title.as_ref().map(|t| t.value.clone()),
            owner: action.owner.as_ref().map(|o| o.value.clone()),
            due: action.due.as_ref().map(|d| d.value),
            status: action.status.as_ref().map(|s| s.value.clone()),
            span: id.span.clone(),
        })
    }
}

impl Workspace {
    /// The workspace of a document at `path` (`None`: no file behind it).
    pub fn for_path(path: Option<&Path>) -> Workspace {
        let Some(folder) = path.and_then(Path::parent) else {
            return Workspace::defaults(std::env::temp_dir());
        };
        let stop = crate::git::worktree_root(folder);
        match crate::config::locate(folder, stop.as_deref()) {
            Ok(located) => {
                let problem = crate::checks::validate_rule_levels(&located.config)
                    .err()
                    .map(|e| {
                        let file = located.file.clone().unwrap_or_default();
                        format!("{}: {e}", file.display())
                    });
                let located = if problem.is_some() {
                    Located {
                        config: Config::default(),
                        ..located
                    }
                } else {
                    located
                };
                // No repository and no pm.toml: a loose file, checked on its own.
                let known = if stop.is_none() && located.file.is_none() {
                    KnownIds::new()
                } else {
                    known_ids(&located)
                };
                Workspace {
                    located,
                    config_problem: problem,
                    known,
                    postmortems: OnceCell::new(),
                }
            }
            Err(e) => Workspace {
                config_problem: Some(e.to_string()),
                ..Workspace::defaults(stop.unwrap_or_else(|| folder.to_path_buf()))
            },
        }
    }

    fn defaults(root: PathBuf) -> Workspace {
        Workspace {
            located: Located {
                root,
                file: None,
                config: Config::default(),
            },
            config_problem: None,
            known: KnownIds::new(),
            postmortems: OnceCell::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.located.config
    }

    /// The name findings are reported under, as `pm check` shows the file.
    pub fn shown_name(&self, path: Option<&Path>) -> String {
        match path {
            Some(path) => {
                let folder = path.parent().unwrap_or(Path::new("/"));
                shown_name(folder, &self.located, &path.to_string_lossy())
            }
            None => "<buffer>".to_string(),
        }
    }

    /// The post-mortems of the folder, read once.
    pub fn postmortems(&self) -> &[Postmortem] {
        self.postmortems.get_or_init(|| {
            if self.known.is_empty() {
                return Vec::new();
            }
            let root = canonical(&self.located.root);
            let folder = root.join(&self.located.config.repo.dir);
            let Ok((entries, _)) = repository::list(&folder, &root) else {
                return Vec::new();
            };
            entries.iter().filter_map(read_postmortem).collect()
        })
    }

    /// The entries of the folder, for resolving a reference's partial ID as `pm action` does.
    pub fn entries(&self) -> Vec<Entry> {
        self.postmortems()
            .iter()
            .map(|p| Entry {
                path: p.path.clone(),
                display: p.id.clone(),
                stem: p.id.clone(),
            })
            .collect()
    }
}

fn read_postmortem(entry: &Entry) -> Option<Postmortem> {
    let bytes = repository::read(&entry.path).ok()?;
    let doc = Document::parse_front_matter_owned(bytes).ok()?;
    Some(summarise(&doc, entry.stem.clone(), entry.path.clone()))
}

/// What completions and references use of a post-mortem's front matter.
pub fn summarise(doc: &Document, id: String, path: PathBuf) -> Postmortem {
    let front = &doc.front;
    let mut people: Vec<String> = front
        .authors
        .iter()
        .chain(&front.participants)
        .chain(&front.facilitator)
        .map(|p| p.value.clone())
        .chain(
            front
                .actions
                .iter()
                .filter_map(|a| a.owner.as_ref().map(|o| o.value.clone())),
        )
        .filter(|p| !p.trim().is_empty())
        .collect();
    people.sort();
    people.dedup();
    Postmortem {
        id,
        path,
        actions: front
            .actions
            .iter()
            .filter_map(ActionInfo::from_action)
            .collect(),
        people,
    }
}
