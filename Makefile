# Two commands matter on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint install bench bytecode clean postgres-server libreoffice

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Byte-code for our own modules, as pip writes it for an installed package (an editable install
# does not): the app starts without compiling ~200 modules (0.4 s here when bytecode writing is
# off, PYTHONDONTWRITEBYTECODE). compileall only rewrites what changed.
bytecode: install
	$(PY) -m compileall -q app main.py

run: bytecode
	$(PY) main.py

lint: install
	$(VENV)/bin/ruff check app tests benchmarks tools main.py
	$(VENV)/bin/ruff format --check app tests benchmarks tools main.py
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The team-mode tests (tests/team) start a throwaway PostgreSQL cluster from the distribution's
# server binaries; install them when missing (Debian/Ubuntu packages; root or sudo).
postgres-server:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends postgresql; \
	fi

test: lint postgres-server
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

# The letters benchmark compares with LibreOffice converting the same letters in one batch call.
libreoffice:
	@if ! command -v soffice >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui; \
	fi

bench: bytecode libreoffice
	$(PY) -m pip install --quiet -e '.[test,bench]'
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
