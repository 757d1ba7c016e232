# Jan Seva Sahayak. `make run` starts the whole system, `make test` runs every test.
VENV := .venv
BIN  := $(VENV)/bin
PY   := $(BIN)/python

export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
export PYTHONPATH := $(CURDIR)

.PHONY: run test model evaluate chat clean

run: model
	@echo "Starting the action server (:5055) and the Rasa server (:5005); Ctrl-C stops both."
	@echo "Chat in another terminal: make chat   (or POST to http://127.0.0.1:5005/webhooks/rest/webhook)"
	$(BIN)/honcho start -f Procfile

test: model
	$(PY) -m pytest

# Trains only when config, domain or data changed since the last model.
model: $(VENV)/.installed
	$(PY) -m rasa train --quiet

evaluate: model
	$(PY) -m jan_seva.evaluation

chat: $(VENV)/.installed
	$(PY) -m jan_seva.chat

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || "$$(scripts/python310)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

clean:
	rm -rf models results .pytest_cache rasa_tracker.db
