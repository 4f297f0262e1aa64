//! Setting a repository up: the CI workflow `pm init --ci` writes and the pre-commit hook
//! `pm hooks install` (and `pm init --hooks`) puts where git runs it.

use crate::config::{self, Located};
use crate::error::{Error, Result};
use crate::git::hooks::{self, HooksDir, Installed};
use crate::git::managers::{self, Integrated, Manager};
use crate::git::Repo;
use crate::paths::{relative_to, slash_joined};
use std::path::{Path, PathBuf};

const GITHUB: &str = include_str!("../templates/ci/github.yml");
const GITLAB: &str = include_str!("../templates/ci/gitlab.yml");

pub const GITHUB_PATH: &str = ".github/workflows/postmortems.yml";
pub const GITLAB_PATH: &str = ".gitlab/pm.gitlab-ci.yml";

/// What `write_workflow` did.
pub enum Workflow {
    /// The paths written (with how to include them, for GitLab).
    Written(Vec<String>),
    /// Nothing was written: a workflow is there already (the message says so).
    Exists(String),
}

/// Where CI gets pm from: this project's git repository at a pinned commit, built with
/// `cargo install --locked --git URL --rev COMMIT` (pm is not published on crates.io, where
/// `cargo install pm` finds another crate).
#[derive(Debug, Clone)]
pub struct PmSource {
    pub url: String,
    pub rev: String,
}

impl PmSource {
    /// `--pm-source` / `--pm-rev`, else what this pm was built with: `PM_SOURCE_URL` (or
    /// Cargo.toml's `repository`) and `PM_SOURCE_REV`, read at build time.
    pub fn resolve(url: Option<&str>, rev: Option<&str>) -> Result<PmSource> {
        let built_url = option_env!("PM_SOURCE_URL")
            .filter(|u| !u.is_empty())
            .or(Some(env!("CARGO_PKG_REPOSITORY")).filter(|u| !u.is_empty()));
        let built_rev = option_env!("PM_SOURCE_REV").filter(|r| !r.is_empty());
        let (Some(url), Some(rev)) = (url.or(built_url), rev.or(built_rev)) else {
            return Err(Error::usage(
                "--ci: the workflow builds pm from its git repository at a pinned commit, and \
                 this pm does not know them: pass --pm-source URL --pm-rev COMMIT (the full \
                 commit id), e.g. `--pm-source https://git.example.com/tools/pm.git --pm-rev \
                 \"$(git -C path/to/pm rev-parse HEAD)\"` (a pm built with PM_SOURCE_URL and \
                 PM_SOURCE_REV set knows both)",
            ));
        };
        let url_ok = !url.is_empty()
            && !url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"'\\$`{}".contains(c))
            && !url.starts_with('-');
        if !url_ok {
            return Err(Error::usage(format!(
                "--pm-source {url:?}: give a git URL (https://…, ssh://…, git@host:path) without \
                 spaces, quotes, `$`, braces or backslashes"
            )));
        }
        let rev_ok = matches!(rev.len(), 40 | 64) && rev.bytes().all(|b| b.is_ascii_hexdigit());
        if !rev_ok {
            return Err(Error::usage(format!(
                "--pm-rev {rev:?}: give a full commit id (40 or 64 hexadecimal digits), so that \
                 every CI run builds the same pm and the cache keyed by it stays valid"
            )));
        }
        Ok(PmSource {
            url: url.to_string(),
            rev: rev.to_ascii_lowercase(),
        })
    }
}

/// Refuses a folder name a workflow file cannot hold literally: control characters, and
/// `${{` (GitHub evaluates it as an expression anywhere in a workflow).
fn check_workflow_text(what: &str, text: &str) -> Result<()> {
    if text.chars().any(char::is_control) || text.contains("${{") {
        return Err(Error::usage(format!(
            "{what} {text:?} holds a control character or `${{{{`, which a workflow file cannot \
             hold literally: rename the folder"
        )));
    }
    Ok(())
}

/// Writes the workflow for `kind` (`github` or `gitlab`) under `root`; says what it wrote, or
/// why nothing was (a workflow is there already). The workflow goes to the top of the work
/// tree (where the forge looks for it), whatever folder `root` (the folder of `pm.toml`) is.
pub fn write_workflow(root: &Path, kind: &str, source: &PmSource) -> Result<Workflow> {
    let (template, rel) = match kind {
        "github" => (GITHUB, GITHUB_PATH),
        "gitlab" => (GITLAB, GITLAB_PATH),
        other => {
            return Err(Error::usage(format!(
            "--ci {other}: pm writes `github` (GitHub Actions) or `gitlab` (GitLab CI) workflows"
        )))
        }
    };
    let top = crate::git::worktree_root(root).unwrap_or_else(|| root.to_path_buf());
    let located = config::locate(root, Some(&top))?;
    let root_rel = slash_joined(&relative_to(&located.root, &top).unwrap_or_default());
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}/{b}")
        }
    };
    let pm_dir = join(&root_rel, &located.config.repo.dir);
    check_workflow_text("the post-mortem folder", &pm_dir)?;
    let text = template
        .replace("@PM_GIT_URL@", &yaml_escape(&source.url))
        .replace("@PM_GIT_REV@", &yaml_escape(&source.rev))
        .replace("@PM_DIR@", &yaml_escape(&pm_dir))
        .replace(
            "@PM_CONFIG@",
            &yaml_escape(&join(&root_rel, config::FILE_NAME)),
        )
        .replace("@PM_ROOT@", &yaml_escape(&hooks::dot_path(&root_rel)));

    let path = top.join(rel);
    if path.exists() {
        return Ok(Workflow::Exists(format!(
            "{rel} already exists: left unchanged (pm never overwrites a workflow; delete it and run `pm init --ci {kind}` again for pm's version)"
        )));
    }
    if let Some(parent) = path.parent() {
        crate::writing::create_dir_confined(&top, parent)?;
    }
    crate::repository::create_new(&path, text.as_bytes())?;
    let mut written = vec![rel.to_string()];
    if kind == "gitlab" {
        let main = top.join(".gitlab-ci.yml");
        let how = format!("include it from .gitlab-ci.yml with:\n  include:\n    - local: {rel}");
        if main.exists() {
            written[0] = format!("{rel} ({how})");
        } else {
            written[0] = format!("{rel} (there is no .gitlab-ci.yml yet: create one and {how})");
        }
    }
    Ok(Workflow::Written(written))
}

/// Escapes text for the inside of a YAML double-quoted string.
fn yaml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Installing the pre-commit hook, in the order the user should hear about problems: where
/// git runs hooks (and a refusal when other repositories share that folder, or when a hook
/// manager owns it), then the pm binary, then the configuration (read by the caller), then the
/// hook itself.
pub struct HookInstaller {
    dir: HooksDir,
    binary: PathBuf,
}

/// What `pm init --hooks` can do.
pub enum InitHook {
    Install(HookInstaller),
    /// Git runs hooks from a folder other repositories share, or a hook manager owns them: the
    /// message saying why the hook was not installed (pm.toml and the folder are written
    /// already, so this is not a failure).
    Skipped(String),
}

/// What `pm hooks install` did, and whether pm now runs.
pub struct HookOutcome {
    pub message: String,
    /// False when nothing was installed: the message says what to do.
    pub installed: bool,
}

impl HookInstaller {
    /// Where git runs this repository's hooks and the pm binary the hook will call; refuses a
    /// hooks folder other repositories share unless `force`.
    pub fn new(repo: &Repo, force: bool) -> Result<HookInstaller> {
        let dir = hooks::hooks_dir(repo)?;
        if dir.is_shared() && !force {
            return Err(Error::usage(shared_explanation(&dir)));
        }
        let binary = pm_binary()?;
        Ok(HookInstaller { dir, binary })
    }

    /// `pm init --hooks`: an installer, unless git runs hooks from a shared folder or a hook
    /// manager owns them.
    pub fn for_init(repo: &Repo) -> Result<InitHook> {
        let dir = hooks::hooks_dir(repo)?;
        if dir.is_shared() {
            return Ok(InitHook::Skipped(format!(
                "did not install the pre-commit hook: {}",
                shared_explanation(&dir)
            )));
        }
        if let Some(manager) = managers::detect(&dir) {
            return Ok(InitHook::Skipped(format!(
                "did not install the pre-commit hook: {} runs this repository's hooks;                  `pm hooks install` says how to run pm through it",
                manager.name()
            )));
        }
        Ok(InitHook::Install(HookInstaller::new(repo, false)?))
    }

    /// A note for stderr when there is no `pm.toml` yet (the hook then checks the default
    /// folder).
    pub fn config_note(repo: &Repo, located: &Located) -> Option<&'static str> {
        (repo.workdir().is_some() && located.file.is_none()).then_some(
            "note: there is no pm.toml here yet: `pm init` writes one (the hook checks postmortems/ meanwhile)",
        )
    }

    /// Installs the hook for the configuration `located` (its folder is where the hook runs
    /// `pm check --staged`), through `manager` when given; returns what was done.
    pub fn install_with(
        &self,
        repo: &Repo,
        located: &Located,
        force: bool,
        manager: Option<Manager>,
    ) -> Result<HookOutcome> {
        let dir = &self.dir;
        let root = config_root(repo, located);
        let found = managers::detect(dir);
        if let Some(owner) = manager.or(found) {
            // The pre-commit framework already running pm's script as pre-commit.legacy (pm
            // was there first): that script is kept up to date where it is.
            if let Some(legacy) = managers::framework_runs_ours(dir) {
                let script = hooks::render_script(&self.binary, &root);
                let outcome = hooks::install_at(&dir.path, &legacy, &script, force)?;
                let verb = if outcome == Installed::AlreadyInstalled {
                    "is already installed"
                } else {
                    "is updated"
                };
                return Ok(HookOutcome {
                    message: format!(
                        "the pre-commit hook {verb}: {} (the pre-commit framework runs it in migration mode)",
                        legacy.display()
                    ),
                    installed: true,
                });
            }
            let Some(manager) = manager else {
                if let Some(how) = managers::integration(&dir.workdir) {
                    return Ok(HookOutcome {
                        message: format!("pm already runs {how}"),
                        installed: true,
                    });
                }
                return Ok(HookOutcome {
                    message: managers::advice(owner, &root),
                    installed: false,
                });
            };
            return Ok(match managers::install(dir, manager, &root)? {
                Integrated::Written(m) | Integrated::Already(m) => HookOutcome {
                    message: m,
                    installed: true,
                },
                Integrated::Printed(m) => HookOutcome {
                    message: m,
                    installed: false,
                },
            });
        }
        if let Some(rel) = dir.in_work_tree() {
            if !force && is_tracked(repo, &rel) {
                return Err(Error::usage(format!(
                    "git runs hooks from {}, a folder the project tracks: pm will not put one                      developer's hook (with the path of their pm) into it. Call                      `{}` from the project's own pre-commit hook instead, or pass --force",
                    rel.display(),
                    managers::command(&root)
                )));
            }
        }
        let message = self.install(repo, located, force)?;
        Ok(HookOutcome {
            message,
            installed: true,
        })
    }

    /// Installs pm's own script where git runs hooks.
    pub fn install(&self, repo: &Repo, located: &Located, force: bool) -> Result<String> {
        let dir = &self.dir;
        let root = config_root(repo, located);
        let script = hooks::render_script(&self.binary, &root);
        let hook = dir.hook();
        let shown = hook.display();
        let mut message = match hooks::install(dir, &script, force)? {
            Installed::AlreadyInstalled => {
                format!("the pre-commit hook is already installed: {shown}")
            }
            Installed::Fresh => format!("installed the pre-commit hook: {shown}"),
            Installed::Updated => format!("updated the pre-commit hook: {shown}"),
            Installed::KeptForeign => format!(
                "installed the pre-commit hook: {shown}\nthe hook that was there is kept as {} and runs first; `pm hooks uninstall` puts it back",
                dir.kept().display()
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
}

/// True when git tracks something under `rel` (a folder relative to the top of the work tree).
fn is_tracked(repo: &Repo, rel: &Path) -> bool {
    let mut cmd = repo.git();
    cmd.args(["ls-files", "-z", "--"]).arg(rel);
    crate::git::run(&mut cmd).is_ok_and(|out| !out.is_empty())
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

/// The folder of `pm.toml` relative to the top of the work tree (`""` at the top, and when
/// there is no `pm.toml` yet).
fn config_root(repo: &Repo, located: &Located) -> String {
    let Some(workdir) = repo.workdir() else {
        return String::new();
    };
    if located.file.is_none() {
        return String::new();
    }
    slash_joined(&relative_to(&located.root, workdir).unwrap_or_default())
}
