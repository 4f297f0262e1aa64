//! `pm agenda ID`: the facilitator's sheet for a post-mortem's review meeting, as Markdown
//! (built by `pm::agenda`).

use crate::cli::{parse_date, print, Context};
use chrono::NaiveDate;
use pm::document::{Document, ParseOptions};
use pm::listing::{find_entry, input_error};
use pm::repository;
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct AgendaArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    pub id: String,
    /// Length of the meeting in minutes; the agenda's time boxes add up to it.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(10..=480))]
    pub minutes: u32,
    /// "Today", for a proposed follow-up date when the document gives nothing to count from.
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

pub fn run(ctx: &Context, args: AgendaArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let entry = find_entry(&located, &args.id)?;
    let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
    let options = ParseOptions {
        timeline_section: &located.config.document.timeline_section,
    };
    let hint = format!(" (`pm check {}` shows every problem)", entry.display);
    let doc = Document::parse(&bytes, &options).map_err(|e| input_error(&entry, &e, &hint))?;
    print(&pm::agenda::sheet(
        &doc,
        &entry,
        bytes,
        &located,
        args.minutes,
        today,
    ))?;
    Ok(Outcome::Success)
}
