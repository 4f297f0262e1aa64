#!/bin/sh
# Seeds each fuzz target's corpus from the templates and the committed hostile inputs.
# Run from the repository root: fuzz/seed.sh
set -eu
for target in front_matter parse_and_check edit_roundtrip; do
    dir="fuzz/corpus/$target"
    mkdir -p "$dir"
    for f in templates/*.md templates/demo/*.md tests/data/hostile/* tests/data/hostile/fuzz-regressions/*; do
        [ -f "$f" ] || continue
        cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    done
done
echo "seeded: $(ls fuzz/corpus/front_matter | wc -l) inputs per target"
