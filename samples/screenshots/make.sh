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
# Page 1 is the Summary sheet (fitted to one page, with its chart); page 2 the first
# printed page of Actions (A4 landscape, the key columns, footer with name, page, date).
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work/register.pdf" "$here/summary"
pdftoppm -png -r 200 -f 2 -l 2 -x 60 -y 60 -W 2220 -H 900 -singlefile "$work/register.pdf" "$here/actions"
pdftoppm -png -r 70 -f 2 -l 2 -singlefile "$work/register.pdf" "$here/printed-page"
echo "written: $here/summary.png $here/actions.png $here/printed-page.png"
