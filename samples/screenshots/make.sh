#!/usr/bin/env bash
# The README's pictures of the demo register, as LibreOffice prints it.
# Needs soffice (apt-get install -y libreoffice-calc-nogui) and pdftoppm
# (poppler-utils); run from the project root: bash samples/screenshots/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" -m ingest.cli run --inbox "$here/../inbox" --register "$work/register.xlsx" \
    --state "$work/state.sqlite" -q
soffice --headless --convert-to pdf --outdir "$work" "$work/register.xlsx" >/dev/null
# Page 1 is the Summary sheet, page 2 the first page of Actions (landscape, fit to width).
pdftoppm -png -r 200 -f 1 -l 1 -x 120 -y 160 -W 2150 -H 900 -singlefile "$work/register.pdf" "$here/summary"
pdftoppm -png -r 300 -f 2 -l 2 -x 150 -y 280 -W 2000 -H 900 -singlefile "$work/register.pdf" "$here/actions"
echo "written: $here/summary.png $here/actions.png"
