#!/bin/sh
# Seeds each fuzz target's corpus from the templates and the committed hostile inputs.
# Run from the repository root: fuzz/seed.sh
set -eu
for target in front_matter parse_and_check; do
    dir="fuzz/corpus/$target"
    mkdir -p "$dir"
    for f in templates/*.md templates/demo/*.md tests/data/hostile/* tests/data/hostile/fuzz-regressions/*; do
        [ -f "$f" ] || continue
        cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    done
done
echo "seeded: $(ls fuzz/corpus/front_matter | wc -l) inputs per target"

# action_edit reads a 3-byte edit header and a value before the document (see the target), so
# its seeds are the same documents behind headers: every field set on action 0 and 1, and
# removed on action 0; plus every input of the other corpora (and of the old edit_roundtrip
# corpus, if present) behind one header each.
python3 - <<'PY'
import glob, hashlib, os
out = 'fuzz/corpus/action_edit'
os.makedirs(out, exist_ok=True)
def write(b):
    open(os.path.join(out, hashlib.sha1(b).hexdigest()), 'wb').write(b)
docs = [f for f in glob.glob('templates/*.md') + glob.glob('templates/demo/*.md')
        + glob.glob('tests/data/hostile/*') + glob.glob('tests/data/hostile/fuzz-regressions/*')
        if os.path.isfile(f)]
values = [b'done', b'sam@example.com', b'\x07\xea\x03', b'A "quoted"\nline', b'JIRA-1',
          b'no longer needed']
for f in docs:
    d = open(f, 'rb').read()
    for field in range(6):
        for action in (0, 1):
            write(bytes([action, field, len(values[field])]) + values[field] + d)
        write(bytes([0, field | 0x80, 0]) + d)
others = sorted(glob.glob('fuzz/corpus/edit_roundtrip/*') + glob.glob('fuzz/corpus/front_matter/*')
                + glob.glob('fuzz/corpus/parse_and_check/*'))
for i, f in enumerate(others):
    field = i % 6 | (0x80 if i % 5 == 4 else 0)
    v = values[field & 0x7f]
    write(bytes([i % 3, field, len(v)]) + v + open(f, 'rb').read())
print('seeded action_edit:', len(os.listdir(out)), 'inputs')
PY

# index_reader and tree_parser read git's own files: seeds are real index files (versions 2, 3
# and 4, a sparse index, intent-to-add) and tree objects from a small repository made here.
# index_reader's first byte chooses the folder (0: postmortems).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(
    cd "$tmp"
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
    git init -q -b main r && cd r
    git config user.email fuzz@example.com && git config user.name fuzz
    mkdir -p postmortems/2025 postmortems/2026 docs
    for i in 1 2 3; do echo "+++" > "postmortems/2026/2026-0$i-01-x.md"; done
    echo a > postmortems/2025/old.md && echo b > docs/readme.md && echo c > top.md
    git add -A && git commit -q -m one
    echo d > postmortems/2026/new.md && git add -N postmortems/2026/new.md
    cp .git/index "$tmp/index-v2"
    git update-index --index-version 4 && cp .git/index "$tmp/index-v4"
    git update-index --index-version 3 && git update-index --skip-worktree top.md
    cp .git/index "$tmp/index-v3"
    git update-index --index-version 2
    git sparse-checkout set --sparse-index postmortems 2>/dev/null && cp .git/index "$tmp/index-sparse" || true
    git ls-tree -r -t HEAD | awk '$2 == "tree" {print $3}' > "$tmp/trees"
    git rev-parse 'HEAD^{tree}' >> "$tmp/trees"
    while read -r t; do git cat-file tree "$t" > "$tmp/tree-$t"; done < "$tmp/trees"
)
mkdir -p fuzz/corpus/index_reader fuzz/corpus/tree_parser
for f in "$tmp"/index-*; do
    [ -f "$f" ] || continue
    { printf '\000'; cat "$f"; } > "fuzz/corpus/index_reader/seed-$(basename "$f")"
    { printf '\001'; cat "$f"; } > "fuzz/corpus/index_reader/seed-top-$(basename "$f")"
done
cp "$tmp"/tree-* fuzz/corpus/tree_parser/
echo "seeded index_reader: $(ls fuzz/corpus/index_reader | wc -l), tree_parser: $(ls fuzz/corpus/tree_parser | wc -l)"
