# fan-memory: `make run` for a local service, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run serve test migrate demo worker beat bench eval-analyzer train-analyzer check-services clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

check-services: install
	@$(BIN)/python -c "import sys; from scripts.check_services import main; sys.exit(main())"

migrate: check-services
	$(BIN)/python manage.py ensure_database
	$(BIN)/python manage.py migrate --noinput -v0

demo: migrate
	@$(BIN)/python manage.py demo_setup

run: demo
	DEBUG=$${DEBUG:-true} $(BIN)/honcho -f Procfile.dev start

serve: migrate
	$(BIN)/gunicorn config.wsgi:application -c config/gunicorn.py

worker: install
	$(BIN)/celery -A config worker --loglevel=INFO --concurrency=$${CELERY_CONCURRENCY:-2}

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

test: check-services
	DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/pytest

train-analyzer: install
	$(BIN)/pip install --quiet -e ".[dev,train]"
	$(BIN)/python manage.py train_emotion_model

eval-analyzer: install
	$(BIN)/pip install --quiet -e ".[dev,train]"
	$(BIN)/python manage.py evaluate_emotion_model

clean:
	rm -rf $(VENV) staticfiles
