//! `pm site OUT_DIR`: a static, offline HTML site of the post-mortems. Rendering lives in
//! `pm::site`; this module reads the repository and writes the folder.

use crate::cli::{action_dates, note, parse_date, print, report_unreadable, Context};
use chrono::NaiveDate;
use pm::document::Document;
use pm::listing::{load, Actions};
use pm::repository;
use pm::site::{self, output, PostMortem};
use pm::stats::{self, Period};
use pm::{Outcome, Result};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// Folder to write the site into (created when missing).
    pub out_dir: PathBuf,
    /// Write into a non-empty folder that `pm site` did not make.
    #[arg(long)]
    pub force: bool,
    /// Mark overdue actions as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

pub fn run(ctx: &Context, args: SiteArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let out = ctx.cwd.join(&args.out_dir);
    let (mut items, bad) = load(&located, today, Actions::Keep)?;
    items.sort_by(|(_, a), (_, b)| {
        b.started_at()
            .cmp(&a.started_at())
            .then_with(|| b.id.cmp(&a.id))
    });

    let pairs: Vec<_> = items.iter().map(|(e, s)| (e, s)).collect();
    let dates = action_dates(ctx, &located, &pairs)?;
    // The body is read here, after the loader: a file that changed or vanished in between
    // keeps its front matter on the site, with a note instead of its body.
    let bodies: Vec<String> = items
        .par_iter()
        .map(|(entry, _)| {
            repository::read(&entry.path)
                .ok()
                .and_then(|bytes| Document::parse_front_matter(&bytes).ok())
                .map(|doc| doc.text[doc.split.body_start.min(doc.text.len())..].to_string())
                .unwrap_or_else(|| {
                    "_The body of this post-mortem could not be read._\n".to_string()
                })
        })
        .collect();
    let pages = site::page_names(items.iter().map(|(e, _)| e.stem.as_str()));
    let mut postmortems = Vec::with_capacity(items.len());
    for (((_, summary), body), page) in items.into_iter().zip(bodies).zip(pages) {
        postmortems.push(PostMortem {
            summary,
            body,
            page,
        });
    }

    let summaries: Vec<_> = postmortems.iter().map(|p| p.summary.clone()).collect();
    // The site leaves out action items it cannot read: say which, as list and followup do.
    crate::cli::warn_unreadable_actions(&pm::summary::unreadable_actions(&summaries));
    let histories = &dates.histories;
    let mut report = stats::compute(
        &summaries,
        histories,
        dates.dates_from,
        Period::default(),
        today,
        None,
    );
    report.history_starts = dates.history_starts;
    let refs: Vec<_> = summaries.iter().collect();
    let (spans, unplaced) = stats::action_spans(&refs, histories);

    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("assets/site.css".into(), site::CSS.as_bytes().to_vec()),
        ("assets/site.js".into(), site::JS.as_bytes().to_vec()),
    ];
    let rendered: Vec<(String, Vec<u8>)> = postmortems
        .par_iter()
        .map(|p| {
            (
                format!("pm/{}", p.page),
                site::postmortem_page(p).into_bytes(),
            )
        })
        .collect();
    files.extend(rendered);
    files.push((
        "actions.html".into(),
        site::actions_page(&postmortems).into_bytes(),
    ));
    files.push((
        "stats.html".into(),
        site::stats_page(&postmortems, &report, &spans, unplaced, today).into_bytes(),
    ));
    // The index last: a reader who opens it mid-run finds only pages that already exist.
    files.push((
        "index.html".into(),
        site::index_page(&postmortems).into_bytes(),
    ));

    output::prepare(&out, args.force)?;
    output::write_all(&out, &files)?;
    let written: HashSet<String> = files.iter().map(|(rel, _)| rel.clone()).collect();
    let removed = output::remove_stale(&out, "pm", &written)?;
    if removed > 0 {
        note(&format!(
            "pm: removed {removed} page(s) of post-mortems that no longer exist"
        ));
    }
    note(&format!(
        "pm: wrote {} post-mortem page(s), the action items and the statistics",
        postmortems.len()
    ));
    print(&format!("{}\n", out.join("index.html").display()))?;
    Ok(report_unreadable(&bad))
}
