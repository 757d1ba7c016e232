# Jan Seva Sahayak. `make run` starts the whole system, `make test` runs every test.
VENV := .venv
BIN  := $(VENV)/bin
PY   := $(BIN)/python

export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
export PYTHONPATH := $(CURDIR)

# Debian packages: Devanagari fonts for certificate PDFs, Chromium for the emulator's browser test.
SYSTEM_PACKAGES := chromium chromium-driver fonts-noto-core

# With real Meta credentials the local WhatsApp emulator is not started.
PROCESSES := $(if $(WHATSAPP_ACCESS_TOKEN),actions rasa lokseva open311 outbox photos dashboard escalation,)

.PHONY: run test model evaluate chat bench clean system-packages

run: model system-packages
	@echo "Starting Rasa (:5005), actions (:5055), Lok Seva API (:8001), 311 API (:8002) and,"
	@echo "without Meta credentials, the WhatsApp emulator: chat at http://127.0.0.1:8003/ . Ctrl-C stops all."
	$(BIN)/honcho start -f Procfile $(PROCESSES)

test: model system-packages
	$(PY) -m pytest

# Trains only when config, domain or data changed since the last model.
model: $(VENV)/.installed
	$(PY) -m rasa train --quiet

# NLU scores on the held-out sets, then whole conversations per pattern and script.
evaluate: model
	$(PY) -m jan_seva.evaluation
	$(PY) -m tests.conversations --set all

# Many simulated WhatsApp citizens at once; prints messages/s and p50/p95 latency.
bench: model system-packages
	$(PY) -m benchmarks.whatsapp_load

chat: $(VENV)/.installed
	$(PY) -m jan_seva.chat

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || "$$(scripts/python310)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

# Installs what is missing (needs root, as on the project's machines); no-op otherwise.
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf models results .pytest_cache rasa_tracker.db
