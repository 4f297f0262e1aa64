#!/usr/bin/env bash
# pm benchmarks: builds pm and the comrak-only baseline, generates post-mortem repositories with
# benches/generate.py, and times pm against its baselines and peers in one run (see
# docs/PERFORMANCE.md for the method and the targets).
#
#   benches/run.sh            full run: 1k/10k/50k post-mortems, 2k/20k/100k commits, hyperfine,
#                             npm peers (alex, write-good, markdownlint-cli2); ~15-25 minutes
#   benches/run.sh --smoke    a few hundred documents and commits, no hyperfine, no npm; < 1 minute
#                             after the build. CI runs this so the script never rots.
#
# Other options: --reuse (keep repositories from an earlier run with the same generator),
# --strict (exit 1 when a measurement was skipped), --no-hyperfine, --seed N.
# Output: the figures on stdout; JSON in $CARGO_TARGET_DIR/bench/results-{smoke,full}.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$target/bench"
tools="$target/bench-tools"

smoke=0
pass=()
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=1; pass+=(--smoke) ;;
        --reuse|--strict|--no-hyperfine) pass+=("$arg") ;;
        --seed=*) pass+=(--seed "${arg#--seed=}") ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '%s\n' "run.sh: $*" >&2; }

# Root installs system packages itself; anyone else is told what is missing.
apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing $* with apt-get"
        if [ -z "${apt_updated:-}" ]; then
            apt-get update -qq >/dev/null && apt_updated=1
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    else
        say "please install: $* (continuing without)"
        return 1
    fi
}

command -v python3 >/dev/null || { say "python3 is required"; exit 2; }
command -v git >/dev/null || { say "git is required"; exit 2; }

if [ "$smoke" = 0 ]; then
    command -v hyperfine >/dev/null || apt_install hyperfine || true
    [ -x /usr/bin/time ] || apt_install time || true
    if ! command -v npm >/dev/null; then apt_install npm || true; fi
    if command -v npm >/dev/null; then
        if [ ! -x "$tools/node_modules/.bin/alex" ] || [ ! -x "$tools/node_modules/.bin/write-good" ] \
            || [ ! -x "$tools/node_modules/.bin/markdownlint-cli2" ]; then
            say "installing alex, write-good and markdownlint-cli2 into $tools"
            mkdir -p "$tools"
            npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
                alex write-good markdownlint-cli2 >&2 || say "npm install failed: peers will be SKIPPED"
        fi
    fi
fi

say "building pm and the comrak baseline (release)"
(cd "$root" && cargo build --release --quiet --bin pm --example comrak_baseline)

exec python3 "$here/bench.py" "${pass[@]}" \
    --pm "$target/release/pm" \
    --baseline "$target/release/examples/comrak_baseline" \
    --tools "$tools/node_modules/.bin" \
    --work "$work"
