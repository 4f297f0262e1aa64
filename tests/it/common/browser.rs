//! A headless browser for tests of the generated site (installed on demand).
//!
//! Debian's `chromium` is used; when it is missing it is installed with
//! `apt-get update && apt-get install -y chromium` (the tests run as root). If that fails, the
//! test says `SKIPPED:` with the reason, or fails under CI (see [`super::tools::unavailable`]):
//! a site test is never skipped silently.

use super::tools::{unavailable, Failure};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// What the browser made of a page.
#[derive(Debug)]
pub struct Page {
    /// The DOM after scripts ran (`--dump-dom`).
    pub dom: String,
    /// Console messages (script errors, CSP violations, `console.*` calls).
    pub console: Vec<String>,
}

pub struct Browser {
    binary: PathBuf,
}

fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn install() -> Result<PathBuf, Failure> {
    let what = "installing chromium with `apt-get update && apt-get install -y chromium`";
    let out = Command::new("sh")
        .args([
            "-c",
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium",
        ])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failure {
            reason: format!("{what}: cannot start sh: {e}"),
            registry_said_no: false,
        })?;
    if !out.status.success() {
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        return Err(Failure::from_output(
            &format!("{what} ({})", out.status),
            &text,
        ));
    }
    find().ok_or_else(|| Failure {
        reason: format!("{what} succeeded, but no chromium is on PATH"),
        registry_said_no: false,
    })
}

impl Browser {
    /// Chromium, installed first when missing; `None` (after saying so) when it cannot be.
    #[track_caller]
    pub fn get() -> Option<Browser> {
        static INSTALL: OnceLock<Result<PathBuf, Failure>> = OnceLock::new();
        match INSTALL.get_or_init(|| find().map_or_else(install, Ok)) {
            Ok(binary) => Some(Browser {
                binary: binary.clone(),
            }),
            Err(failure) => {
                unavailable("chromium", failure);
                None
            }
        }
    }

    /// Loads `file` (plus an optional `?query`) and returns the DOM and console output.
    pub fn load(&self, file: &Path, query: &str) -> Page {
        let profile = tempfile::tempdir().expect("browser profile folder");
        let url = format!("file://{}{}", file.display(), query);
        let mut child = Command::new(&self.binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("--dump-dom")
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        // Read both pipes on threads so a chatty browser never blocks on a full pipe.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let out = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
            s
        });
        let err = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
            s
        });
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            match child.try_wait().expect("wait for chromium") {
                Some(_) => break,
                None if Instant::now() > deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("chromium did not finish loading {url} within 90 seconds");
                }
                None => std::thread::sleep(Duration::from_millis(50)),
            }
        }
        let dom = out.join().unwrap_or_default();
        let log = err.join().unwrap_or_default();
        assert!(
            dom.contains("<html"),
            "chromium printed no DOM for {url}\n--- stderr\n{log}"
        );
        let console = log
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect();
        Page { dom, console }
    }
}
