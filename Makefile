# Two commands on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/saidwhat extract examples/demo --format table
	$(BIN)/saidwhat ingest examples/demo --db demo.db
	$(BIN)/saidwhat speakers --db demo.db --top 10
	$(BIN)/saidwhat check "Everybody should have to choose between their paycheck and getting home alive" --speaker "Dario Fenwick" --db demo.db
	@echo
	@echo "Explore the demo corpus in your browser:  $(BIN)/saidwhat serve --db demo.db"
	@echo "then open http://127.0.0.1:8000/  (search, speakers, articles with highlighted quotes)."

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
