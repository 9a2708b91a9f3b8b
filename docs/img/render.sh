#!/usr/bin/env bash
# Redraws the pictures of the docs from the bundled dataset, with the commands
# docs/graphviz.md shows: `bash docs/img/render.sh` (needs Graphviz's `dot`).
# The test `dot::the_pictures_in_the_docs_are_up_to_date` checks that the DOT
# files match what the library writes now, and, with the same Graphviz
# version, that the SVGs do too.
set -euo pipefail
cd "$(dirname "$0")/../.."

diplograph() { cargo run --quiet -- "$@"; }

diplograph dot --view stance --stance ceasefire --as-of 2025-08-18 -o docs/img/ceasefire-stance.dot
diplograph dot --view stance --stance ceasefire --as-of 2025-08-18 --format svg -o docs/img/ceasefire-stance.svg
diplograph dot --view meetings -o docs/img/meetings.dot
diplograph dot --view meetings --format svg -o docs/img/meetings.svg
