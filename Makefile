# Jan Seva Sahayak. `make run` starts the whole system, `make test` runs every test.
VENV := .venv
BIN  := $(VENV)/bin
PY   := $(BIN)/python
FUZZ := .venv-fuzz

export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
export PYTHONPATH := $(CURDIR)

# Debian packages: Devanagari fonts for certificate PDFs, Chromium for the emulator's browser test.
SYSTEM_PACKAGES := chromium chromium-driver fonts-noto-core

# Locally the emulator delivers straight to Rasa's webhook; with real Meta credentials the emulator is not
# started and Meta delivers to the ingest process (jan_seva/whatsapp/ingest.py).
BACKGROUND := lokseva open311 outbox photos dashboard escalation retention
PROCESSES := $(if $(WHATSAPP_ACCESS_TOKEN),actions rasa ingest $(BACKGROUND),actions rasa whatsapp $(BACKGROUND))

# What the model is trained from: a change to any of these retrains, nothing else does.
MODEL_INPUTS := config.yml domain.yml $(shell find data jan_seva/components jan_seva/text -type f -not -name '*.pyc')
KEEP_MODELS := 3

.PHONY: help run test test-fast lint validate model evaluate chat bench clean system-packages

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

run: model system-packages ## start the whole system (Ctrl-C stops it)
	@echo "Starting Rasa (:5005), actions (:5055), Lok Seva API (:8001), 311 API (:8002) and,"
	@echo "without Meta credentials, the WhatsApp emulator: chat at http://127.0.0.1:8003/ . Ctrl-C stops all."
	$(BIN)/honcho start -f Procfile $(PROCESSES)

test: model system-packages lint $(FUZZ)/.installed ## every test, model training and the NLU quality bars included
	$(PY) -m pytest

test-fast: $(VENV)/.installed ## everything but training, whole running systems and browsers
	$(PY) -m pytest -m "not slow"

lint: $(VENV)/.installed ## ruff (errors, unused names, import order) and mypy on the shared package
	$(BIN)/ruff check .
	$(BIN)/mypy

validate: $(VENV)/.installed ## rasa data validate (domain, NLU data, stories and rules)
	$(PY) -m rasa data validate --quiet

model: models/.trained ## train, only when the model's inputs changed

models/.trained: $(MODEL_INPUTS) | $(VENV)/.installed
	$(PY) -m rasa train --quiet
	ls -t models/*.tar.gz | tail -n +$$(($(KEEP_MODELS) + 1)) | xargs -r rm --
	touch $@

evaluate: model ## NLU scores on the held-out sets, then whole conversations per pattern and script
	$(PY) -m jan_seva.evaluation
	$(PY) -m tests.conversations --set all

bench: model system-packages ## open-loop load at fixed rates beside a stock rasa init bot (benchmarks/open_loop.py)
	$(PY) -m benchmarks.open_loop

chat: $(VENV)/.installed ## chat in the terminal (REST channel)
	$(PY) -m jan_seva.chat

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	test -x $(PY) || "$$(scripts/python310)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

$(FUZZ)/.installed: requirements-fuzz.txt
	test -x $(FUZZ)/bin/python || "$$(scripts/python310)" -m venv $(FUZZ)
	$(FUZZ)/bin/python -m pip install --quiet -r requirements-fuzz.txt
	touch $@

system-packages: ## Debian packages the PDFs and browser tests need (as root; no-op when present)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

clean: ## remove models, results and local conversations
	rm -rf models results .pytest_cache rasa_tracker.db
