# Two commands matter on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint install bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) main.py

lint: install
	$(VENV)/bin/ruff check app tests benchmarks main.py
	$(VENV)/bin/ruff format --check app tests benchmarks main.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

bench: install
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
