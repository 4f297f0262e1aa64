//! `pm hooks install|uninstall|status`: the pre-commit hook that runs `pm check --staged`.

use super::{note, print, Context};
use pm::git::hooks::{self, HookState, HooksDir, Installed, Uninstalled};
use pm::git::Repo;
use pm::{Error, Outcome, Result};
use std::path::{Path, PathBuf};

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
            let message = install(ctx, &repo, force)?;
            print(&format!("{message}\n"))?;
            Ok(Outcome::Success)
        }
        HooksCommand::Uninstall => uninstall(&repo),
        HooksCommand::Status => status(&repo),
    }
}

/// `pm init --hooks`: installs the hook; returns what was done, if anything.
pub fn install_for_init(ctx: &Context) -> Result<Option<String>> {
    let repo = ctx.repo()?;
    let dir = hooks::hooks_dir(&repo)?;
    if dir.is_shared() {
        // pm.toml and the folder are written already: say why the hook is not, rather than fail.
        return Ok(Some(format!(
            "did not install the pre-commit hook: {}",
            shared_explanation(&dir)
        )));
    }
    let message = install(ctx, &repo, false)?;
    Ok(Some(message))
}

fn install(ctx: &Context, repo: &Repo, force: bool) -> Result<String> {
    let dir = hooks::hooks_dir(repo)?;
    if dir.is_shared() && !force {
        return Err(Error::usage(shared_explanation(&dir)));
    }
    let binary = pm_binary()?;
    let root = config_root(ctx, repo)?;
    let script = hooks::render_script(&binary, &root);
    let hook = dir.hook();
    let shown = hook.display();
    let mut message = match hooks::install(&dir, &script, force)? {
        Installed::AlreadyInstalled => format!("the pre-commit hook is already installed: {shown}"),
        Installed::Fresh => format!("installed the pre-commit hook: {shown}"),
        Installed::Updated => format!("updated the pre-commit hook: {shown}"),
        Installed::KeptForeign => format!(
            "installed the pre-commit hook: {shown}\nthe hook that was there is kept as {} and runs first; `pm hooks uninstall` puts it back",
            dir.legacy().display()
        ),
    };
    if dir.is_shared() {
        message.push_str(&format!(
            "\nnote: {} is core.hooksPath from your {} git configuration: every repository using it now runs this hook",
            dir.path.display(),
            dir.hooks_path.as_ref().map(|(s, _)| s.as_str()).unwrap_or("global")
        ));
    }
    Ok(message)
}

fn shared_explanation(dir: &HooksDir) -> String {
    let (scope, value) = dir
        .hooks_path
        .clone()
        .unwrap_or_else(|| ("global".into(), dir.path.display().to_string()));
    format!(
        "git runs hooks from {} here (core.hooksPath = {value:?} in your {scope} git \
         configuration), which other repositories share; pm will not put its hook there \
         unasked. Either set a hooks folder for this repository \
         (`git config core.hooksPath .git/hooks`) and run `pm hooks install` again, or run \
         `pm hooks install --force` to install it in the shared folder, or call \
         `pm check --staged` from the hook you already have",
        dir.path.display()
    )
}

/// The pm binary running now, as an absolute path the hook can call later.
fn pm_binary() -> Result<PathBuf> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::usage(format!("cannot tell where this pm binary is ({e})")))?;
    Ok(exe.canonicalize().unwrap_or(exe))
}

/// The folder of `pm.toml` relative to the top of the work tree (`""` at the top).
fn config_root(ctx: &Context, repo: &Repo) -> Result<String> {
    let (_, located) = ctx.repo_config()?;
    let Some(workdir) = repo.workdir() else {
        return Ok(String::new());
    };
    if located.file.is_none() {
        note("note: there is no pm.toml here yet: `pm init` writes one (the hook checks postmortems/ meanwhile)");
        return Ok(String::new());
    }
    let relative = relative_to(&located.root, workdir).unwrap_or_default();
    Ok(relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}

fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    if let Ok(rest) = path.strip_prefix(base) {
        return Some(rest.to_path_buf());
    }
    let path = path.canonicalize().ok()?;
    let base = base.canonicalize().ok()?;
    path.strip_prefix(base).ok().map(Path::to_path_buf)
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
