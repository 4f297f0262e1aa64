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
