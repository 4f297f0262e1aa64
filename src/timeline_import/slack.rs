//! `--from slack`: a Slack workspace export, as a folder or the zip Slack hands out
//! (`channels.json`, `users.json`, a folder per channel with one `YYYY-MM-DD.json` per day).
//!
//! Only the chosen channel's day files around the window are opened, one at a time, and a
//! zip is read entry by entry without extracting it: memory is bounded by the largest day,
//! not by the export. Joins, leaves, topic changes and other system messages are skipped, and
//! so are bots unless `--bots` keeps them; thread replies are taken like any message (they sit
//! in the day file of their own time). Mentions, channel links and links are rendered as the
//! text a reader of the channel saw.

use super::{one_line, Imported, Problems, Request};
use crate::error::{Error, Result};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// Message subtypes that are a message someone wrote; every other subtype is the channel's
/// housekeeping (joins, leaves, topic, pins, deletions…) and is skipped.
const KEPT_SUBTYPES: [&str; 4] = [
    "thread_broadcast",
    "me_message",
    "file_share",
    "bot_message",
];

/// An export opened as a folder or a zip, seen as one tree of `/`-separated names.
struct Export {
    display: String,
    store: Store,
    /// The folder inside the export that holds `channels.json` (`""` or `name/`).
    prefix: String,
}

enum Store {
    Folder(PathBuf),
    Zip {
        archive: zip::ZipArchive<std::fs::File>,
        names: Vec<String>,
    },
}

impl Export {
    fn open(path: &Path) -> Result<Export> {
        let display = path.display().to_string();
        if path.is_dir() {
            let prefix = if path.join("channels.json").is_file() {
                String::new()
            } else {
                // An export unzipped into a folder of its own name.
                std::fs::read_dir(path)
                    .map_err(|e| Error::io(path, e))?
                    .flatten()
                    .filter(|e| e.path().join("channels.json").is_file())
                    .map(|e| format!("{}/", e.file_name().to_string_lossy()))
                    .next()
                    .unwrap_or_default()
            };
            return Ok(Export {
                display,
                store: Store::Folder(path.to_path_buf()),
                prefix,
            });
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let archive = zip::ZipArchive::new(file).map_err(|e| {
            Error::input(
                &display,
                format!("neither a folder nor a readable zip file ({e}): pass the Slack export's folder or its zip"),
            )
        })?;
        // Names that are not UTF-8 or climb out (`..`) are never a Slack export's.
        let names: Vec<String> = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .filter(|n| !n.split('/').any(|part| part == ".."))
            .collect();
        let prefix = names
            .iter()
            .filter_map(|n| n.strip_suffix("channels.json"))
            .filter(|p| p.is_empty() || (p.ends_with('/') && p.matches('/').count() == 1))
            .min_by_key(|p| p.len())
            .unwrap_or("")
            .to_string();
        Ok(Export {
            display,
            store: Store::Zip { archive, names },
            prefix,
        })
    }

    /// How a file of the export is named in messages: `export.zip:general/2026-03-04.json`.
    fn name_of(&self, rel: &str) -> String {
        match self.store {
            Store::Folder(_) => format!(
                "{}/{}{rel}",
                self.display.trim_end_matches('/'),
                self.prefix
            ),
            Store::Zip { .. } => format!("{}:{}{rel}", self.display, self.prefix),
        }
    }

    /// Reads `rel` as JSON of type `T`, or `None` when the export has no such file. A JSON
    /// error names the file and line.
    fn json<T: serde::de::DeserializeOwned>(&mut self, rel: &str) -> Result<Option<T>, String> {
        let name = format!("{}{rel}", self.prefix);
        let parsed = match &mut self.store {
            Store::Folder(root) => {
                // Opened without following a link, as pm reads a repository: an export is
                // files a stranger may have put together, and a day file linked to a file
                // elsewhere would copy it into the post-mortem.
                let path = root.join(&name);
                let file = match crate::paths::open_confined(root, &path) {
                    Ok(file) => file,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
                    Err(e) => return Err(e.to_string()),
                };
                serde_json::from_reader(BufReader::new(file))
            }
            Store::Zip { archive, names } => {
                if !names.contains(&name) {
                    return Ok(None);
                }
                let entry = archive.by_name(&name).map_err(|e| e.to_string())?;
                serde_json::from_reader(BufReader::new(entry))
            }
        };
        parsed.map(Some).map_err(|e| json_error(&e))
    }

    /// The folders holding at least one day file: the channels with messages.
    fn folders_with_days(&self) -> HashSet<String> {
        let is_day = |file: &str| {
            file.strip_suffix(".json")
                .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
        };
        match &self.store {
            Store::Folder(root) => std::fs::read_dir(root.join(&self.prefix))
                .map(|dir| {
                    dir.flatten()
                        .filter(|e| {
                            std::fs::read_dir(e.path()).is_ok_and(|mut files| {
                                files.any(|f| {
                                    f.is_ok_and(|f| is_day(&f.file_name().to_string_lossy()))
                                })
                            })
                        })
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default(),
            Store::Zip { names, .. } => names
                .iter()
                .filter_map(|n| n.strip_prefix(&self.prefix)?.split_once('/'))
                .filter(|(_, file)| is_day(file))
                .map(|(folder, _)| folder.to_string())
                .collect(),
        }
    }

    /// The day files of a channel's folder, by date.
    fn day_files(&self, folder: &str) -> Vec<(NaiveDate, String)> {
        let mut days: Vec<(NaiveDate, String)> = match &self.store {
            Store::Folder(root) => std::fs::read_dir(root.join(&self.prefix).join(folder))
                .map(|dir| {
                    dir.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default(),
            Store::Zip { names, .. } => {
                let inside = format!("{}{folder}/", self.prefix);
                names
                    .iter()
                    .filter_map(|n| n.strip_prefix(&inside))
                    .filter(|n| !n.contains('/'))
                    .map(String::from)
                    .collect()
            }
        }
        .into_iter()
        .filter_map(|file| {
            let date = NaiveDate::parse_from_str(file.strip_suffix(".json")?, "%Y-%m-%d").ok()?;
            Some((date, format!("{folder}/{file}")))
        })
        .collect();
        days.sort();
        days
    }
}

fn json_error(e: &serde_json::Error) -> String {
    format!("line {}: invalid JSON: {e}", e.line())
}

#[derive(Deserialize)]
struct User {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    profile: Option<Profile>,
}

#[derive(Deserialize, Default)]
struct Profile {
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
}

impl Profile {
    fn name(&self) -> Option<&str> {
        [&self.display_name, &self.real_name]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
    }
}

#[derive(Deserialize)]
struct Channel {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct BotProfile {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct Reaction {
    name: String,
}

#[derive(Deserialize)]
struct SharedFile {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

/// The fields of a message pm reads; serde skips the rest without keeping it.
#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    ts: Option<String>,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    subtype: Option<String>,
    #[serde(default)]
    thread_ts: Option<String>,
    #[serde(default)]
    bot_id: Option<String>,
    #[serde(default)]
    bot_profile: Option<BotProfile>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    user_profile: Option<Profile>,
    #[serde(default)]
    reactions: Vec<Reaction>,
    #[serde(default)]
    pinned_to: Vec<String>,
    #[serde(default)]
    files: Vec<SharedFile>,
}

/// What the export knows of people and channels, for names and mentions.
struct Directory {
    users: HashMap<String, String>,
    channels: Vec<Channel>,
}

impl Directory {
    fn user(&self, id: &str) -> Option<&str> {
        self.users.get(id).map(String::as_str)
    }

    fn channel(&self, id: &str) -> Option<&str> {
        self.channels
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.as_str())
    }
}

pub fn read(
    path: &Path,
    request: &Request,
    problems: &mut Problems,
    out: &mut Vec<Imported>,
) -> Result<()> {
    let mut export = Export::open(path)?;
    let directory = directory(&mut export)?;
    let channel = choose_channel(&export, &directory, request.slack.channel.as_deref())?;
    let (first_day, last_day) = (
        request
            .window
            .since
            .map(|s| (s - Duration::days(1)).date_naive()),
        request
            .window
            .until
            .map(|u| (u + Duration::days(1)).date_naive()),
    );
    let mut seen = HashSet::new();
    for (day, rel) in export.day_files(&channel.name) {
        // Slack files messages by day in a zone it does not document: a day either side of
        // the window is read, and each message is then placed by its own `ts`.
        if first_day.is_some_and(|f| day < f) || last_day.is_some_and(|l| day > l) {
            continue;
        }
        let messages: Vec<Message> = match export.json(&rel) {
            Ok(Some(messages)) => messages,
            Ok(None) => continue,
            Err(why) => {
                let (line, why) = split_line(&why);
                problems.bad(&export.name_of(&rel), line, why)?;
                continue;
            }
        };
        for message in messages {
            if let Some(entry) = entry(&message, &channel.id, &directory, request) {
                if seen.insert((entry.at, entry.text.clone())) {
                    out.push(entry);
                }
            }
        }
    }
    Ok(())
}

/// Splits `line N: why` into the line and the reason.
fn split_line(why: &str) -> (Option<u64>, String) {
    why.strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
        .and_then(|(n, why)| Some((Some(n.parse().ok()?), why.to_string())))
        .unwrap_or((None, why.to_string()))
}

fn directory(export: &mut Export) -> Result<Directory> {
    let fail = |export: &Export, rel: &str, why: String| {
        let (line, why) = split_line(&why);
        let place = match line {
            Some(line) => format!("{}:{line}", export.name_of(rel)),
            None => export.name_of(rel),
        };
        Error::input(place, why)
    };
    let mut users = None;
    for rel in ["users.json", "org_users.json"] {
        match export.json::<Vec<User>>(rel) {
            Ok(Some(list)) => {
                users = Some(list);
                break;
            }
            Ok(None) => {}
            Err(why) => return Err(fail(export, rel, why)),
        }
    }
    let Some(users) = users else {
        return Err(Error::input(
            &export.display,
            "the Slack export has no users.json (nor org_users.json), which names the people \
             in it: export the workspace again, with its users",
        ));
    };
    let users = users
        .into_iter()
        .map(|u| {
            let name = u
                .profile
                .as_ref()
                .and_then(Profile::name)
                .map(String::from)
                .or(u.real_name.filter(|n| !n.trim().is_empty()))
                .or(u.name)
                .unwrap_or_else(|| u.id.clone());
            (u.id, name)
        })
        .collect();
    let mut channels = match export.json::<Vec<Channel>>("channels.json") {
        Ok(Some(channels)) => channels,
        Ok(None) => {
            return Err(Error::input(
                &export.display,
                "not a Slack export: it has no channels.json (pass the export's folder or zip)",
            ))
        }
        Err(why) => return Err(fail(export, "channels.json", why)),
    };
    match export.json::<Vec<Channel>>("groups.json") {
        Ok(Some(groups)) => channels.extend(groups),
        Ok(None) => {}
        Err(why) => return Err(fail(export, "groups.json", why)),
    }
    Ok(Directory { users, channels })
}

struct Chosen {
    id: String,
    name: String,
}

fn choose_channel(export: &Export, directory: &Directory, wanted: Option<&str>) -> Result<Chosen> {
    let folders = export.folders_with_days();
    let with_days: Vec<&Channel> = directory
        .channels
        .iter()
        .filter(|c| folders.contains(&c.name))
        .collect();
    let names = |list: &[&Channel]| {
        list.iter()
            .map(|c| format!("#{}", c.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let found = match wanted {
        Some(wanted) => {
            let wanted = wanted.trim_start_matches('#');
            directory
                .channels
                .iter()
                .find(|c| c.name == wanted || c.id == wanted)
                .ok_or_else(|| {
                    Error::input(
                        &export.display,
                        format!(
                            "no channel `{wanted}` in the export; its channels with messages: {}",
                            names(&with_days)
                        ),
                    )
                })?
        }
        None => match with_days.as_slice() {
            [only] => only,
            [] => {
                return Err(Error::input(
                    &export.display,
                    "the export holds no channel with messages",
                ))
            }
            several => {
                return Err(Error::usage(format!(
                    "{}: the export holds several channels ({}): say which with --channel",
                    export.display,
                    names(several)
                )))
            }
        },
    };
    Ok(Chosen {
        id: found.id.clone(),
        name: found.name.clone(),
    })
}

/// A message's time from its `ts` (`"1709561100.123456"`), read as integers: never through a
/// float, which would round.
fn message_time(ts: &str) -> Option<DateTime<Utc>> {
    let (seconds, micros) = ts.split_once('.').unwrap_or((ts, "0"));
    let seconds: i64 = seconds.parse().ok()?;
    let micros: u32 = format!("{micros:0<6}").get(..6)?.parse().ok()?;
    DateTime::from_timestamp(seconds, micros * 1000)
}

fn entry(
    message: &Message,
    channel_id: &str,
    directory: &Directory,
    request: &Request,
) -> Option<Imported> {
    let subtype = message.subtype.as_deref();
    if subtype.is_some_and(|s| !KEPT_SUBTYPES.contains(&s)) {
        return None;
    }
    let bot = subtype == Some("bot_message") || message.bot_id.is_some();
    if bot && !request.slack.bots {
        return None;
    }
    let options = &request.slack;
    if options.pinned || options.reacted.is_some() {
        let pinned = options.pinned && message.pinned_to.iter().any(|c| c == channel_id);
        let reacted = match &options.reacted {
            Some(Some(name)) => message
                .reactions
                .iter()
                .any(|r| r.name == name.trim_matches(':')),
            Some(None) => !message.reactions.is_empty(),
            None => false,
        };
        if !(pinned || reacted) {
            return None;
        }
    }
    let ts = message.ts.as_deref()?;
    let at = message_time(ts)?;
    if !request.window.contains(at) {
        return None;
    }
    let mut text = render(message.text.as_deref().unwrap_or(""), directory);
    for file in &message.files {
        if let Some(title) = file.title.as_ref().or(file.name.as_ref()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("(file: {title})"));
        }
    }
    let text = one_line(&text);
    if text.is_empty() {
        return None;
    }
    let who = message
        .user
        .as_deref()
        .and_then(|id| directory.user(id))
        .map(String::from)
        .or_else(|| {
            message
                .user_profile
                .as_ref()
                .and_then(Profile::name)
                .map(String::from)
        })
        .or_else(|| message.bot_profile.as_ref().and_then(|b| b.name.clone()))
        .or_else(|| message.username.clone())
        .or_else(|| message.user.clone())
        .unwrap_or_else(|| "someone".into());
    let reply = message
        .thread_ts
        .as_deref()
        .is_some_and(|parent| parent != ts);
    let text = if reply {
        format!("{} (in a thread): {text}", one_line(&who))
    } else {
        format!("{}: {text}", one_line(&who))
    };
    if request
        .pattern
        .as_ref()
        .is_some_and(|pattern| !pattern.is_match(&text))
    {
        return None;
    }
    Some(Imported { at, text })
}

/// Renders Slack's markup as the text people saw: `<@U1>` → `@name`, `<#C1|x>` → `#x`,
/// `<!here>` → `@here`, `<url|label>` → a Markdown link, then the three entities Slack escapes.
fn render(text: &str, directory: &Directory) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let (target, label) = match inner.split_once('|') {
            Some((target, label)) => (target, Some(label)),
            None => (inner, None),
        };
        if let Some(id) = target.strip_prefix('@') {
            let name = directory
                .user(id)
                .or(label.map(|l| l.trim_start_matches('@')))
                .unwrap_or(id);
            out.push('@');
            out.push_str(name);
        } else if let Some(id) = target.strip_prefix('#') {
            let name = directory.channel(id).or(label).unwrap_or(id);
            out.push('#');
            out.push_str(name);
        } else if let Some(command) = target.strip_prefix('!') {
            match (command, label) {
                ("here" | "channel" | "everyone", _) => {
                    out.push('@');
                    out.push_str(command);
                }
                (_, Some(label)) => out.push_str(label),
                _ if command.starts_with("subteam^") => out.push_str("@group"),
                _ => {
                    out.push('@');
                    out.push_str(command);
                }
            }
        } else {
            match label {
                Some(label) if label != target => {
                    out.push_str(&format!("[{label}]({target})"));
                }
                _ => out.push_str(target),
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_rendered_as_people_saw_it() {
        let directory = Directory {
            users: HashMap::from([("U1".to_string(), "kim".to_string())]),
            channels: vec![Channel {
                id: "C1".into(),
                name: "incident-42".into(),
            }],
        };
        let text = "<@U1> see <#C1> and <https://grafana.example.com/d/1|the dashboard>, \
                    <!here> &lt;3 <@U9|ext> <https://x.example>";
        assert_eq!(
            render(text, &directory),
            "@kim see #incident-42 and [the dashboard](https://grafana.example.com/d/1), \
             @here <3 @ext https://x.example"
        );
    }

    #[test]
    fn ts_is_read_without_rounding() {
        let at = message_time("1772661900.000200").map(|t| t.to_rfc3339());
        assert_eq!(at.as_deref(), Some("2026-03-04T22:05:00.000200+00:00"));
        assert_eq!(message_time("x.1"), None);
    }
}
