# Two commands do all the set-up: `make demo` and `make test`.
# Both create the virtual environment in .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The demo installs the package alone; the tests add their tools (and reportlab).
RUN_STAMP := $(VENV)/.installed-run-stamp
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint samples screenshots bench bench-quick clean

$(RUN_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,samples]'
	touch $(STAMP)

demo: $(RUN_STAMP)
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

BENCH_STAMP := $(VENV)/.bench-stamp

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# The record: N = 10, 100, 1000 against floors measured in the same run, written
# to benchmarks/RESULTS.md with a plot (under 20 minutes on 2 cores).
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_write.py
	$(BIN)/python benchmarks/bench_leads.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_batch.py

# The same on N = 10 and 50 (under 2 minutes); writes benchmarks/RESULTS-quick.md.
bench-quick: $(BENCH_STAMP)
	$(BIN)/python benchmarks/bench_scale.py --quick --out benchmarks/RESULTS-quick.md

clean:
	rm -rf out .mypy_cache .ruff_cache .pytest_cache
