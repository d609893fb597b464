# Two commands for a new machine:  make serve  (set up, build and serve)  ·  make test  (all tests)
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
PORT    ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup check aendringer build pdf serve test test-fast lint publish preview benchmark skalering skalering-kataloger clean

$(BIN)/activate: requirements.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/activate

# axe-core (accessibility checks in the browser tests), pinned, from npm; never committed.
AXE_VERSION := 4.14.1
AXE         := .cache/axe/node_modules/axe-core/axe.min.js

$(AXE): Makefile
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-save --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION) && touch $(AXE); \
	else echo "npm mangler: browsertestene springer axe over (apt-get install npm)"; fi

setup: $(BIN)/activate $(AXE)

check: setup            ## validate data/ and print the completeness report
	$(BIN)/python -m generator check

aendringer: setup       ## what data/ changes against the last published edition (as the Ændringer page)
	$(BIN)/python -m generator aendringer

build: setup            ## build the static site into site/
	$(BIN)/mkdocs build --strict

pdf: setup              ## render the committee PDF now, if its input changed (serve renders it in the background)
	$(BIN)/python -m generator pdf

serve: setup            ## build and serve the catalogue at http://127.0.0.1:$(PORT)/
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

test: setup             ## every test, browser tests included (needs Debian's chromium)
	$(BIN)/python -m pytest

lint: setup             ## ruff (lint and format) and mypy on generator/: zero findings
	$(BIN)/ruff check generator
	$(BIN)/ruff format --check generator
	$(BIN)/mypy

test-fast: setup        ## while working: without the browser and the whole-process tests (make test runs all)
	$(BIN)/python -m pytest -m "not browser and not slow"

publish: setup          ## publish data/ as revision REV on the local gh-pages branch: make publish REV=2014
	$(BIN)/python -m generator publish $(REV)

preview: setup          ## serve every published revision with the version selector
	$(BIN)/mike serve --dev-addr 127.0.0.1:$(PORT)

benchmark: setup        ## the editor's loop and the build against bare Material: benchmarks/rapport-<date>.md
	$(BIN)/python benchmarks/bench.py

skalering: setup        ## 1×, 10×, 100× synthetic catalogues: benchmarks/skalering-<date>.md (long)
	$(BIN)/python benchmarks/skalering.py

skalering-kataloger: setup  ## the comparison of 1, 10, (49,) 98 synthetic catalogues: benchmarks/skalering-kataloger-<date>.md
	$(BIN)/python benchmarks/skalering.py --kataloger 1 10 49 98

clean:
	rm -rf site content/katalog content/index.md
