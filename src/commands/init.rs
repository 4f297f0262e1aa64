//! `pm init`: set a repository up for post-mortems. Safe to run again: it never overwrites.

use crate::cli::{note, print, Context};
use pm::config::{self, Config};
use pm::setup::{HookInstaller, InitHook, Workflow};
use pm::{Error, Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Also install the pre-commit hook.
    #[arg(long)]
    pub hooks: bool,
    /// Also write a CI workflow: `github` (GitHub Actions) or `gitlab` (GitLab CI).
    #[arg(long, value_name = "KIND", value_parser = ["github", "gitlab"])]
    pub ci: Option<String>,
    /// With --ci: the git URL the workflow builds pm from (default: the one this pm was built
    /// with, if any; see docs/HOOKS.md).
    #[arg(long, value_name = "URL", requires = "ci")]
    pub pm_source: Option<String>,
    /// With --ci: the full commit id of pm the workflow builds (default: the one this pm was
    /// built from, if known).
    #[arg(long, value_name = "COMMIT", requires = "ci")]
    pub pm_rev: Option<String>,
}

const FOLDER_README: &str = "# Post-mortems\n\nOne folder per year; each file is one post-mortem, \
named by its ID (`YYYY-MM-DD-slug.md`).\nOpen a new one with `pm new \"Title\"`, list them with \
`pm list`, check them with `pm check`.\n";

pub fn run(ctx: &Context, args: InitArgs) -> Result<Outcome> {
    let repo = ctx.repo()?;
    let workdir = repo.workdir().ok_or_else(|| {
        Error::usage("this is a bare repository: run `pm init` in a clone with a work tree")
    })?;
    // An existing pm.toml above us (up to the work-tree root) already marks the root.
    let located = config::locate(&ctx.cwd, Some(workdir))?;
    let (root, config) = match &located.file {
        Some(_) => (located.root.clone(), located.config.clone()),
        None => (ctx.cwd.clone(), Config::default()),
    };
    // Refused before anything is written.
    let source = match &args.ci {
        Some(_) => Some(pm::setup::PmSource::resolve(
            args.pm_source.as_deref(),
            args.pm_rev.as_deref(),
        )?),
        None => None,
    };
    let mut done = Vec::new();

    let config_path = root.join(config::FILE_NAME);
    if located.file.is_none() {
        pm::repository::create_new(&config_path, Config::commented_default().as_bytes())?;
        done.push(format!("wrote {}", config::FILE_NAME));
    }
    let dir = root.join(&config.repo.dir);
    // Made without following a link (a folder of a cloned repository could be one).
    pm::writing::refuse_folder_outside(&dir, workdir)?;
    if !dir.exists() && pm::writing::create_dir_confined(&root, &dir)? {
        done.push(format!("created {}/", config.repo.dir));
    }
    let readme = dir.join("README.md");
    if !readme.exists() {
        pm::repository::create_new(&readme, FOLDER_README.as_bytes())?;
        done.push(format!("wrote {}/README.md", config.repo.dir));
    }
    if args.hooks {
        let repo = ctx.repo()?;
        match HookInstaller::for_init(&repo)? {
            InitHook::Skipped(message) => done.push(message),
            InitHook::Install(installer) => {
                let (_, located) = ctx.repo_config()?;
                if let Some(message) = HookInstaller::config_note(&repo, &located) {
                    note(message);
                }
                done.push(installer.install(&repo, &located, false)?);
            }
        }
    }
    if let (Some(kind), Some(source)) = (&args.ci, &source) {
        match pm::setup::write_workflow(&root, kind, source)? {
            Workflow::Written(written) => {
                done.extend(written.into_iter().map(|path| format!("wrote {path}")))
            }
            Workflow::Exists(message) => note(&message),
        }
    }

    if done.is_empty() {
        note(&format!(
            "pm is already set up in {} ({} and {}/ exist); nothing changed",
            root.display(),
            config::FILE_NAME,
            config.repo.dir
        ));
    } else {
        let mut out = String::new();
        for line in &done {
            out.push_str(line);
            out.push('\n');
        }
        // Pasted into a shell: the folder quoted for sh and after `--`, so a name with spaces,
        // `$(…)` or a leading `-` is added as a path and never run or read as an option.
        let dir = shlex::try_quote(&config.repo.dir)
            .map_or_else(|_| config.repo.dir.clone(), |q| q.into_owned());
        out.push_str(&format!(
            "next: commit the set-up first (`git add -- {} {dir} && git commit -m \"Set up pm\"`): pm new branches from the last commit\nthen: `pm new \"Short title of the incident\"` opens a post-mortem on its own branch\n",
            config::FILE_NAME,
        ));
        print(&out)?;
    }
    Ok(Outcome::Success)
}
