# Two commands matter: `make lab` and `make test`. Both create .venv when it is missing and install the
# pinned dependencies (reinstalling when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: lab voila test wheel-test lint format notebooks benchmark browser-deps clean

$(STAMP): pyproject.toml labextensions/explainer-rise-widgets/package.json labextensions/explainer-rise-widgets/static/remoteEntry.js tools/install_plotly_module.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[draft,test]'
	$(BIN)/python tools/install_labextension.py  # widgets in jupyterlab-rise's slideshow (README)
	$(BIN)/python tools/install_plotly_module.py  # plotly's widget module as a file Voila serves
	@touch $(STAMP)

# jupyter-config/: idle-kernel culling, Voila's settings; share/jupyter/: the Voila template (its
# loading state) and a kernel without the debugger (8 MB less per page load): jupyter-config/README.md.

## make lab: set up, then open JupyterLab on the notebooks (with the culling of jupyter-config/)
lab: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter-config JUPYTER_PATH=$(CURDIR)/share/jupyter \
		$(BIN)/jupyter lab notebooks/01_story.ipynb --notebook-dir=notebooks

## make voila: serve the Explorer to a class as Binder does (Voila, no code shown, idle kernels culled)
voila: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/jupyter-config JUPYTER_PATH=$(CURDIR)/share/jupyter \
		$(BIN)/voila notebooks/02_explore.ipynb

## make test: set up, then lint and run every test (unit, property, notebooks with nbval, real browser),
## then the installed wheel outside the repository (wheel-test)
test: $(STAMP) browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m explainer validate
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider
	$(BIN)/python benchmarks/interaction.py --quick
	$(MAKE) wheel-test

## make wheel-test: build the wheel, install it with its pinned dependencies into a fresh venv, and
## validate, load and export from a folder outside the repository (about 2 minutes; .ci/wheel-test)
wheel-test: $(STAMP)
	bash .ci/wheel-test $(BIN)/python

## Chromium for the browser tests: Debian's package when we are root on Debian, Playwright's build otherwise.
## pdftoppm and pdftotext (Debian's poppler-utils) for the printed handout's test.
browser-deps: $(STAMP)
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else $(BIN)/python -m playwright install chromium; fi
	@if command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; \
	else echo "poppler-utils (pdftoppm, pdftotext) is missing: install it with your package manager" >&2; exit 1; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make notebooks: execute every notebook, store its outputs without widget state, sync the jupytext pairs
notebooks: $(STAMP)
	$(BIN)/python tools/build_notebooks.py

## make benchmark: the interaction benchmark (kernel), what a student feels in Chromium (issue 17),
## then the archive-scale one at 10,000 to 1,000,000 claims and drafting new text (issue 14);
## JSON (and the drafting's printout) in artifacts/. About 20 minutes on 2 cores.
benchmark: $(STAMP) browser-deps
	@mkdir -p artifacts
	$(BIN)/python benchmarks/interaction.py --json artifacts/benchmark.json
	$(BIN)/python benchmarks/browser_latency.py --json artifacts/browser_latency.json
	$(BIN)/python benchmarks/scale.py --full --json artifacts/scale.json
	$(BIN)/python benchmarks/draft_speed.py 200 2048 > artifacts/draft_speed.txt; \
	status=$$?; cat artifacts/draft_speed.txt; exit $$status

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
