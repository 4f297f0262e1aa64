#!/bin/bash
# Reproduces §1.2 and checks a fix. Needs: git, node/npm, python3. Registries only.
# PM_INSTALL / PM_UNINSTALL default to `pm hooks install|uninstall`; a fake pm that fails on a
# staged file containing BAD must be first on PATH for the "bad" checks (or use real pm with a
# blameful post-mortem).
set -u
T=${T:-/tmp/hk13r}; mkdir -p "$T/tools"
PM_INSTALL=${PM_INSTALL:-"pm hooks install"}; PM_UNINSTALL=${PM_UNINSTALL:-"pm hooks uninstall"}
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
export HOME=$T/home PRE_COMMIT_HOME=$T/pc-cache; mkdir -p "$HOME"
[ -x "$T/tools/node_modules/.bin/husky" ] || npm install --prefix "$T/tools" --no-audit --no-fund --silent husky@9.1.7 lefthook@2.2.2
[ -x "$T/venv/bin/pre-commit" ] || { python3 -m venv "$T/venv" && "$T/venv/bin/pip" install -q pre-commit==4.7.0; }
export PATH="$PATH:$T/tools/node_modules/.bin:$T/venv/bin"
snap() { # name, mode, sha256 of every hook file + local config + status
  d=$(git rev-parse --path-format=absolute --git-path hooks)
  (cd "$d" 2>/dev/null && for f in *; do [ -f "$f" ] && case $f in *.sample) ;; *) echo "$f $(stat -c %a "$f") $(sha256sum <"$f")";; esac; done)
  git config --local --list | grep -v '^core\.\(filemode\|bare\|logallrefupdates\|repositoryformatversion\)'
  git status --porcelain; }
commit() { mkdir -p "$(dirname "$1")"; echo "$2" > "$1"; git add "$1"; timeout 30 git commit -q -m "$1" >/dev/null 2>&1; echo $?; }
new_repo() { rm -rf "$T/$1"; git init -q "$T/$1"; cd "$T/$1" || exit 1; }
team_hook='#!/bin/sh
git diff --cached --name-only | grep -q secret && { echo "team: secret staged" >&2; exit 1; }
exit 0'
setup() { case $1 in
  husky) echo '{"name":"x","private":true}' > package.json; ln -s "$T/tools/node_modules" node_modules
         husky >/dev/null; printf '%s\n' "$team_hook" | tail -n +2 > .husky/pre-commit ;;
  pre-commit) printf 'repos:\n- repo: local\n  hooks:\n  - {id: ok, name: ok, language: system, entry: "true", pass_filenames: false}\n' > .pre-commit-config.yaml
         git add .pre-commit-config.yaml; git commit -q --no-verify -m cfg; pre-commit install >/dev/null ;;
  lefthook) printf 'pre-commit:\n  commands:\n    team:\n      run: "! git diff --cached --name-only | grep -q secret"\n' > lefthook.yml
         git add lefthook.yml; git commit -q --no-verify -m cfg; lefthook install >/dev/null 2>&1 ;;
  esac; }
mgr_uninstall() { case $1 in husky) git config --unset core.hooksPath;; pre-commit) pre-commit uninstall >/dev/null;; lefthook) lefthook uninstall >/dev/null 2>&1;; esac; }
follow_advice() { # what a user does when pm prints the framework snippet
  printf -- '- repo: local\n  hooks:\n  - {id: pm, name: pm, language: system, entry: pm check --staged --hook, pass_filenames: false}\n' >> .pre-commit-config.yaml
  git add .pre-commit-config.yaml; git commit -q --no-verify -m "pm via pre-commit"; }
for m in husky pre-commit lefthook; do for order in mgr-first pm-first; do
  new_repo "$m-$order"; git commit -q --allow-empty -m root
  [ $m != husky ] && { printf '%s\n' "$team_hook" > .git/hooks/pre-commit; chmod 755 .git/hooks/pre-commit; }
  if [ $order = mgr-first ]; then
    setup $m; snap > ../S0; $PM_INSTALL >/dev/null 2>&1 || { [ $m = pre-commit ] && follow_advice && echo "  ($m: pm printed the config snippet; followed)"; }
  else snap > ../S0; $PM_INSTALL >/dev/null 2>&1; setup $m
    b0=$(commit postmortems/bad0.md BAD); git reset -q   # the gap: pm no longer runs
    echo "  $m pm-first, before re-running pm hooks install: bad=$b0 (husky, lefthook: 0, status must say inactive; pre-commit: 1, run by migration mode)"
    $PM_INSTALL >/dev/null 2>&1 || { [ $m = pre-commit ] && follow_advice; }; fi
  c=$(commit ok.txt ok); b=$(commit postmortems/bad.md BAD); git reset -q; s=$(commit secret x); git reset -q
  # again after the manager regenerates its files
  case $m in husky) husky >/dev/null;; pre-commit) pre-commit install >/dev/null;; lefthook) printf '    other:\n      run: "true"\n' >> lefthook.yml; git add lefthook.yml;; esac
  commit ok2.txt ok2 >/dev/null; git reset -q; b2=$(commit postmortems/bad2.md BAD); git reset -q
  if [ $order = mgr-first ]; then $PM_UNINSTALL >/dev/null 2>&1; [ $m = lefthook ] && git checkout -q lefthook.yml
    r=$(diff <(grep -v '^?? ' ../S0) <(snap | grep -v '^?? ') >/dev/null && echo restored || echo CHANGED)
  else mgr_uninstall $m; $PM_UNINSTALL >/dev/null 2>&1; git config --unset core.hookspath 2>/dev/null
    r=$(diff <(grep -v '^?? ' ../S0) <(snap | grep -v '^?? ') >/dev/null && echo restored || echo CHANGED); fi
  echo "$m $order: clean=$c(0) bad=$b(1) secret=$s(1) bad-after-regen=$b2(1) uninstall=$r"
done; done
