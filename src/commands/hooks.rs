//! `pm hooks install|uninstall|status`: the pre-commit hook that runs `pm check --staged`.

use crate::cli::{note, print, Context};
use pm::git::hooks::{self, HookState, Uninstalled};
use pm::git::Repo;
use pm::setup::HookInstaller;
use pm::{Error, Outcome, Result};
use std::path::Path;

#[derive(Debug, clap::Subcommand)]
pub enum HooksCommand {
    /// Install the pre-commit hook where git will run it. A hook already there is kept as
    /// pre-commit.legacy and run first.
    Install {
        /// Install even where `core.hooksPath` is set outside this repository (in your global
        /// or system git configuration), or over a hook from a newer pm.
        #[arg(long)]
        force: bool,
    },
    /// Remove pm's pre-commit hook, putting back the hook it replaced.
    Uninstall,
    /// Say whether the hook is installed, outdated, someone else's or missing (exit 0 only
    /// when installed).
    Status,
}

pub fn run(ctx: &Context, args: HooksCommand) -> Result<Outcome> {
    let repo = ctx.repo()?;
    match args {
        HooksCommand::Install { force } => {
            let installer = HookInstaller::new(&repo, force)?;
            let (_, located) = ctx.repo_config()?;
            if let Some(message) = HookInstaller::config_note(&repo, &located) {
                note(message);
            }
            let message = installer.install(&repo, &located, force)?;
            print(&format!("{message}\n"))?;
            Ok(Outcome::Success)
        }
        HooksCommand::Uninstall => uninstall(&repo),
        HooksCommand::Status => status(&repo),
    }
}

fn uninstall(repo: &Repo) -> Result<Outcome> {
    let dir = hooks::hooks_dir(repo)?;
    let hook = dir.hook();
    match hooks::uninstall(&dir)? {
        Uninstalled::Removed => print(&format!(
            "removed the pre-commit hook: {}\n",
            hook.display()
        ))?,
        Uninstalled::RestoredForeign => print(&format!(
            "removed pm's pre-commit hook and put back the one it had kept: {}\n",
            hook.display()
        ))?,
        Uninstalled::NothingInstalled => note(&format!(
            "there is no pre-commit hook in {}: nothing to remove",
            dir.path.display()
        )),
        Uninstalled::NotOurs => note(&format!(
            "{} is not pm's hook: left as it is",
            hook.display()
        )),
    }
    Ok(Outcome::Success)
}

fn status(repo: &Repo) -> Result<Outcome> {
    let dir = hooks::hooks_dir(repo)?;
    let hook = dir.hook();
    let shown = hook.display();
    let mut out = String::new();
    let state = hooks::state(&hook)?;
    match &state {
        HookState::Installed | HookState::Newer { .. } => {
            out.push_str(&format!("installed: {shown}\n"));
            if let HookState::Newer { version } = state {
                out.push_str(&format!(
                    "  written by a newer pm (hook version {version}; this pm writes {})\n",
                    hooks::VERSION
                ));
            }
            let bytes = std::fs::read(&hook).map_err(|e| Error::io(&hook, e))?;
            if let Some(binary) = hooks::recorded_binary(&bytes) {
                if Path::new(&binary).is_file() {
                    out.push_str(&format!("  runs {binary}\n"));
                } else {
                    out.push_str(&format!(
                        "  {binary} is gone: the hook falls back to `pm` on PATH; `pm hooks install` records this pm\n"
                    ));
                }
            }
        }
        HookState::Outdated { version } => out.push_str(&format!(
            "outdated: {shown} was written by an older pm (hook version {version}; this pm writes {}): run `pm hooks install` to update it\n",
            hooks::VERSION
        )),
        HookState::Foreign => out.push_str(&format!(
            "foreign: {shown} is not pm's hook; `pm hooks install` keeps it as {} and runs it first\n",
            hooks::LEGACY_NAME
        )),
        HookState::Missing => out.push_str(&format!(
            "missing: no pre-commit hook in {}; run `pm hooks install`\n",
            dir.path.display()
        )),
    }
    if state != HookState::Foreign && dir.legacy().exists() {
        out.push_str(&format!(
            "  runs the hook that was there before first: {}\n",
            dir.legacy().display()
        ));
    }
    if let Some((scope, value)) = &dir.hooks_path {
        out.push_str(&format!(
            "  core.hooksPath = {value:?} ({scope} configuration)\n"
        ));
    }
    print(&out)?;
    Ok(match state {
        HookState::Installed | HookState::Newer { .. } => Outcome::Success,
        _ => Outcome::Failure,
    })
}
