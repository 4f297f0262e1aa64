//! `pm hooks install|uninstall|status`: the pre-commit hook that runs `pm check --staged`,
//! on its own or through a hook manager (husky, lefthook, the pre-commit framework).

use crate::cli::{note, print, Context};
use pm::git::hooks::{self, HookState, Uninstalled};
use pm::git::managers::{self, Manager};
use pm::git::Repo;
use pm::setup::HookInstaller;
use pm::{Error, Outcome, Result};
use std::path::Path;

#[derive(Debug, clap::Subcommand)]
pub enum HooksCommand {
    /// Install the pre-commit hook where git will run it. A hook already there is kept as
    /// pre-commit.pm-kept and run first. Where a hook manager runs the hooks, says how to run
    /// pm through it (exit 1), or does it with --manager.
    Install {
        /// Install even where `core.hooksPath` is set outside this repository (in your global
        /// or system git configuration) or names a folder the project tracks, or over a hook
        /// from a newer pm.
        #[arg(long)]
        force: bool,
        /// Run pm through this hook manager's configuration: husky (a block at the top of
        /// .husky/pre-commit), lefthook (lefthook-local.yml) or pre-commit (prints the entry
        /// for .pre-commit-config.yaml).
        #[arg(long, value_name = "MANAGER", value_parser = ["husky", "lefthook", "pre-commit"])]
        manager: Option<String>,
    },
    /// Remove every trace of pm's pre-commit hook, putting back the hook it replaced.
    Uninstall,
    /// Say whether the hook is installed (and runs), inactive, outdated, someone else's or
    /// missing (exit 0 only when installed).
    Status,
}

pub fn run(ctx: &Context, args: HooksCommand) -> Result<Outcome> {
    let repo = ctx.repo()?;
    match args {
        HooksCommand::Install { force, manager } => {
            let manager = manager.as_deref().and_then(Manager::from_name);
            let installer = HookInstaller::new(&repo, force)?;
            let (_, located) = ctx.repo_config()?;
            if let Some(message) = HookInstaller::config_note(&repo, &located) {
                note(message);
            }
            let outcome = installer.install_with(&repo, &located, force, manager)?;
            if outcome.installed {
                print(&format!("{}\n", outcome.message))?;
                Ok(Outcome::Success)
            } else {
                note(&outcome.message);
                Ok(Outcome::Failure)
            }
        }
        HooksCommand::Uninstall => uninstall(&repo),
        HooksCommand::Status => status(&repo),
    }
}

fn uninstall(repo: &Repo) -> Result<Outcome> {
    let dir = hooks::hooks_dir(repo)?;
    let mut said = Vec::new();
    for removed in managers::uninstall(&dir.workdir)? {
        said.push(format!("removed {removed}"));
    }
    let mut folders = vec![dir.path.clone()];
    if dir.moved_away() {
        folders.push(dir.default_path.clone());
    }
    let mut not_ours = None;
    for folder in folders {
        let hook = folder.join(hooks::HOOK_NAME);
        match hooks::uninstall_in(&folder)? {
            Uninstalled::Removed => said.push(format!(
                "removed pm's pre-commit hook from {}",
                folder.display()
            )),
            Uninstalled::RestoredForeign => said.push(format!(
                "removed pm's pre-commit hook and put back the one it had kept, in {}",
                folder.display()
            )),
            Uninstalled::NothingInstalled => {}
            Uninstalled::NotOurs => {
                not_ours.get_or_insert(hook);
            }
        }
    }
    if said.is_empty() {
        match not_ours {
            Some(hook) => note(&format!(
                "{} is not pm's hook: left as it is",
                hook.display()
            )),
            None => note(&format!(
                "there is no pre-commit hook of pm's in {}: nothing to remove",
                dir.path.display()
            )),
        }
    } else {
        print(&format!("{}\n", said.join("\n")))?;
    }
    Ok(Outcome::Success)
}

fn status(repo: &Repo) -> Result<Outcome> {
    let dir = hooks::hooks_dir(repo)?;
    let hook = dir.hook();
    let shown = hook.display();
    let mut out = String::new();
    let state = hooks::state(&hook)?;
    let manager = managers::detect(&dir);
    let mut installed = false;
    if let Some(legacy) = managers::framework_runs_ours(&dir) {
        out.push_str(&format!(
            "installed: {} (run by the pre-commit framework's migration mode)\n",
            legacy.display()
        ));
        installed = true;
    } else if let Some(how) = managers::integration(&dir.workdir) {
        out.push_str(&format!("installed: {how}\n"));
        installed = true;
    } else if dir.moved_away() && hooks::is_ours(&dir.default_path.join(hooks::HOOK_NAME)) {
        out.push_str(&format!(
            "inactive: pm's hook is in {}, but git runs hooks from {} now{}\n",
            dir.default_path.display(),
            dir.path.display(),
            match manager {
                Some(m) => format!(
                    " ({}); run `pm hooks install --manager {}`",
                    m.name(),
                    m.name()
                ),
                None => "; run `pm hooks install` again".to_string(),
            }
        ));
    } else if manager.is_some() || state == HookState::Foreign {
        let old = dir.path.join(hooks::OLD_NAME);
        if manager == Some(Manager::Lefthook) && hooks::is_ours(&old) {
            out.push_str(&format!(
                "inactive: lefthook moved pm's hook aside to {} and does not run it; run `pm hooks install --manager lefthook`\n",
                old.display()
            ));
        } else if let Some(manager) = manager {
            out.push_str(&format!(
                "foreign: {shown} belongs to {}; `pm hooks install --manager {}` runs pm through it\n",
                manager.name(),
                manager.name()
            ));
        } else {
            out.push_str(&format!(
                "foreign: {shown} is not pm's hook; `pm hooks install` keeps it as {} and runs it first\n",
                hooks::KEPT_NAME
            ));
        }
    } else {
        match &state {
            HookState::Installed | HookState::Newer { .. } => {
                installed = true;
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
            HookState::Foreign => {}
            HookState::Missing => out.push_str(&format!(
                "missing: no pre-commit hook in {}; run `pm hooks install`\n",
                dir.path.display()
            )),
        }
    }
    if installed && dir.kept().exists() {
        out.push_str(&format!(
            "  runs the hook that was there before first: {}\n",
            dir.kept().display()
        ));
    }
    if let Some((scope, value)) = &dir.hooks_path {
        out.push_str(&format!(
            "  core.hooksPath = {value:?} ({scope} configuration)\n"
        ));
    }
    print(&out)?;
    Ok(if installed {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}
