# Two commands do all the set-up: `make demo` and `make test`.
# Both create the virtual environment in .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint samples screenshots bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,samples]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/workplans run --inbox samples/inbox --register out/register.xlsx

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# Regenerate the sample documents (needs LibreOffice: apt-get install -y libreoffice-writer-nogui).
samples: $(STAMP)
	$(BIN)/python samples/make_samples.py

# The README's pictures of the register (needs soffice and pdftoppm, see the script).
screenshots: $(STAMP)
	PYTHON=$(BIN)/python bash samples/screenshots/make.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_leads.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_batch.py

clean:
	rm -rf out .mypy_cache .ruff_cache .pytest_cache
