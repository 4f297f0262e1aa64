//! The commands. Each module holds one command's arguments and its `run`.

pub mod action;
pub mod agenda;
pub mod check;
pub mod demo;
pub mod diff;
pub mod followup;
pub mod history;
pub mod hooks;
pub mod import;
pub mod init;
pub mod list;
pub mod lsp;
pub mod new;
pub mod pr;
pub mod show;
pub mod site;
pub mod stats;
pub mod status;
pub mod timeline;

use crate::cli::{print, Cli, Command, Context};
use pm::{Outcome, Result};

pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::new(&cli)?;
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::New(args) => new::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Hooks(args) => hooks::run(&ctx, args),
        Command::Pr(args) => pr::run(&ctx, args),
        Command::Action(args) => action::run(&ctx, args),
        Command::Followup(args) => followup::run(&ctx, args),
        Command::Diff(args) => diff::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Stats(args) => stats::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Agenda(args) => agenda::run(&ctx, args),
        Command::Site(args) => site::run(&ctx, args),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Lsp(args) => lsp::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Timeline(args) => timeline::run(&ctx, args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut command, "pm", &mut buf);
            print(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Success)
        }
    }
}
