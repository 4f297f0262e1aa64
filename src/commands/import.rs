//! `pm import PATH...`: existing Markdown post-mortems converted into pm's format, written
//! under the post-mortem folder. Each new path is printed; a source that cannot be imported is
//! skipped with a message naming it, and the command exits 2 after importing the rest.

use crate::cli::{note, print, Context};
use pm::import::{convert, Converted};
use pm::repository::display_path;
use pm::{Outcome, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Markdown files, or folders to read `.md` / `.markdown` files from.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Show what would be written (each path and its text) and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

pub fn run(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let dir = located.postmortem_dir();
    let mut sources = Vec::new();
    let mut failed = 0usize;
    for path in &args.paths {
        let path = ctx.cwd.join(path);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&path)
                .follow_links(false)
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file() && is_markdown(e.path()))
                .map(|e| e.into_path())
                .collect();
            found.sort();
            sources.extend(found);
        } else if !path.exists() {
            note(&format!("{}: no such file; skipped", path.display()));
            failed += 1;
        } else {
            sources.push(path);
        }
    }
    // Target path → the source it came from, to refuse two sources with one ID.
    let mut planned: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for source in &sources {
        let shown = display_path(source, &ctx.cwd);
        match import_one(source, &shown, &located, &dir, &planned) {
            Ok((target, converted)) => {
                for u in &converted.unmapped {
                    note(&format!(
                        "{shown}:{}: could not map `{}`: {}",
                        u.line, u.field, u.reason
                    ));
                }
                let target_shown = display_path(&target, &located.root);
                if args.dry_run {
                    print(&format!(
                        "would write {target_shown} ({} action items)\n{}\n",
                        converted.actions, converted.text
                    ))?;
                } else {
                    let (root, confined) =
                        pm::writing::confined_target(&dir, &located.root, &target);
                    if let Err(e) =
                        pm::writing::write_new(&root, &confined, converted.text.as_bytes())
                    {
                        note(&format!("{shown}: not imported: {e}"));
                        failed += 1;
                        continue;
                    }
                    print(&format!("{target_shown}\n"))?;
                }
                planned.insert(target, source.clone());
            }
            Err(message) => {
                note(&format!("{shown}: not imported: {message}"));
                failed += 1;
            }
        }
    }
    if failed > 0 {
        note(&format!(
            "{failed} source{} not imported (see above); the others were {}",
            if failed == 1 { "" } else { "s" },
            if args.dry_run { "checked" } else { "imported" }
        ));
        return Ok(Outcome::Incomplete);
    }
    Ok(Outcome::Success)
}

fn import_one(
    source: &Path,
    shown: &str,
    located: &pm::config::Located,
    dir: &Path,
    planned: &BTreeMap<PathBuf, PathBuf>,
) -> std::result::Result<(PathBuf, Converted), String> {
    if !is_markdown(source) {
        return Err("not a Markdown file (.md or .markdown)".into());
    }
    let bytes = pm::repository::read(source)?;
    if bytes.contains(&0) {
        return Err("the file looks binary (it holds a NUL byte)".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })?;
    let converted = convert(&text, &located.config)?;
    let target = dir
        .join(&converted.year)
        .join(format!("{}.md", converted.id));
    if let Some(other) = planned.get(&target) {
        return Err(format!(
            "its ID {} is also the ID of {}, imported just before",
            converted.id,
            display_path(other, &located.root)
        ));
    }
    if target.exists() {
        return Err(format!(
            "its ID {} is taken by {}; nothing was written for {shown}",
            converted.id,
            display_path(&target, &located.root)
        ));
    }
    Ok((target, converted))
}
