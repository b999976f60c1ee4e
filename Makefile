# fan-memory: `make run` for a local service, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser promtool run serve serve-granian serve-gunicorn test test-scale migrate demo worker beat bench bench-scaling bench-recall eval-analyzer eval-recall eval-context train-analyzer build-recall-embedding build-emoji-table bench-analyzer check-services clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py collectstatic --noinput -v0
	touch $(STAMP)

# Development targets (run, demo, migrate, bench) use config.settings_dev: DEBUG and the repository's
# development keys. Production targets (serve, worker, beat) use config.settings, which refuses to
# start without real keys (README, "Operations in production"). DJANGO_SETTINGS_MODULE set in the
# environment wins for every target.
DEV_SETTINGS := $(or $(DJANGO_SETTINGS_MODULE),config.settings_dev)
PROD_SETTINGS := $(or $(DJANGO_SETTINGS_MODULE),config.settings)

# The browser tests drive Debian's Chromium (Playwright's own browser downloads are never used).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| { echo "Install Chromium: apt-get install chromium (as root)"; exit 1; }

check-services: install
	@$(BIN)/python -c "import sys; from scripts.check_services import main; sys.exit(main())"

define migrate-with
	DJANGO_SETTINGS_MODULE=$(1) $(BIN)/python manage.py ensure_database
	DJANGO_SETTINGS_MODULE=$(1) $(BIN)/python manage.py migrate --noinput -v0
endef

migrate: check-services
	$(call migrate-with,$(DEV_SETTINGS))

demo: migrate
	@DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py demo_setup

run: demo
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/honcho -f Procfile.dev start

# Production server: granian (WSGI) by default, SERVER=gunicorn for gunicorn sync workers.
SERVER ?= granian
WEB_CONCURRENCY ?= 2
BLOCKING_THREADS ?= 4
BIND ?= 127.0.0.1:8000
METRICS_DIR ?= $(CURDIR)/.run/metrics
# Kept identical to GRANIAN_OPTIONS in tests/faults/processes.py: the fault tests run the server so.
# --respawn-failed-workers: a worker that dies (OOM killer, crash) is replaced; without it granian exits.
GRANIAN_OPTIONS := --interface wsgi --no-ws --respawn-failed-workers

serve: check-services
	$(call migrate-with,$(PROD_SETTINGS))
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) $(BIN)/python manage.py collectstatic --noinput -v0
	$(MAKE) -s serve-$(SERVER)

# `import config` first: a refused start is one line here, not one per server worker.
serve-granian:
	mkdir -p $(METRICS_DIR) && rm -f $(METRICS_DIR)/*.db
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) $(BIN)/python -c "import config"
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) PROMETHEUS_MULTIPROC_DIR=$(METRICS_DIR) $(BIN)/granian $(GRANIAN_OPTIONS) --host $(firstword $(subst :, ,$(BIND))) --port $(lastword $(subst :, ,$(BIND))) \
		--workers $(WEB_CONCURRENCY) --blocking-threads $(BLOCKING_THREADS) --log-level warning config.wsgi:application

serve-gunicorn:
	mkdir -p $(METRICS_DIR) && rm -f $(METRICS_DIR)/*.db
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) $(BIN)/python -c "import config"
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) PROMETHEUS_MULTIPROC_DIR=$(METRICS_DIR) $(BIN)/gunicorn config.wsgi:application -c config/gunicorn.py

bench: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python bench/run.py

# One server process on one core against two on two; one Redis against a cluster of three masters;
# what hash partitioning by creator would cost (docs/SCALING.md).
bench-scaling: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python bench/run.py --scaling
	$(BIN)/python bench/partition_probe.py

# Only the rows of fans with 1,000 indexed messages: context without and with a query, recall.
bench-recall: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python bench/run.py --recall-only

# The worker's pool processes share their samples in WORKER_METRICS_DIR; the worker serves them on
# WORKER_METRICS_BIND (behind METRICS_TOKEN).
WORKER_METRICS_DIR ?= $(CURDIR)/.run/worker-metrics
WORKER_METRICS_BIND ?= 127.0.0.1:9808

worker: install
	mkdir -p $(WORKER_METRICS_DIR) && rm -f $(WORKER_METRICS_DIR)/*.db
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) PROMETHEUS_MULTIPROC_DIR=$(WORKER_METRICS_DIR) \
		WORKER_METRICS_BIND=$(WORKER_METRICS_BIND) $(BIN)/celery -A config worker --loglevel=INFO --concurrency=$${CELERY_CONCURRENCY:-2}

beat: install
	DJANGO_SETTINGS_MODULE=$(PROD_SETTINGS) $(BIN)/celery -A config beat --loglevel=INFO

# The suite checks ops/alerts.yml with promtool, from Debian's prometheus package.
promtool:
	@command -v promtool >/dev/null || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null)

test: check-services browser promtool
	DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/pytest
	$(MAKE) -s test-scale

# The suite again on the engines of a scaled deployment: PostgreSQL through PgBouncer in transaction
# pooling mode (scripts/with_pgbouncer.py), the cache and rate limits on a Redis Cluster of three
# masters (scripts/redis_cluster.py). The fault tests run their own processes (RabbitMQ and a
# Redis Cluster among them), not this.
test-scale: check-services browser promtool
	@command -v pgbouncer >/dev/null || (apt-get update -qq && apt-get install -y -qq pgbouncer >/dev/null)
	DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/python -m scripts.redis_cluster -- \
		$(BIN)/python -m scripts.with_pgbouncer test_fm_scale -- \
		$(BIN)/pytest --reuse-db --create-db -p no:cacheprovider -q --ignore=tests/faults

# Recall on LoCoMo (../shared/data/locomo-dev), in its own database and Redis DB.
EVAL_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fanmemory_eval
eval-recall: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_DATABASE_URL) $(BIN)/python manage.py ensure_database
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_DATABASE_URL) $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_DATABASE_URL) REDIS_URL=redis://127.0.0.1:6379/9 \
		$(BIN)/python bench/eval_recall.py

# What the context says of 44 hand-written conversations against what a reader expects
# (tests/data/context_conversations.json), in its own database and Redis DB.
EVAL_CONTEXT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/fanmemory_eval_context
eval-context: install
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_CONTEXT_DATABASE_URL) $(BIN)/python manage.py ensure_database
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_CONTEXT_DATABASE_URL) $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) DATABASE_URL=$(EVAL_CONTEXT_DATABASE_URL) REDIS_URL=redis://127.0.0.1:6379/8 \
		$(BIN)/python bench/context_eval.py

# The static word table of recall (recall/embedding.npz), distilled from multilingual-e5-small.
build-recall-embedding: install
	$(BIN)/pip install --quiet -e ".[dev,distill]"
	OMP_NUM_THREADS=1 DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py build_recall_embedding

# The valences and emotions of the emoji the hand table lacks, from their CLDR names (deterministic).
build-emoji-table: install
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py build_emoji_table

train-analyzer: install
	$(BIN)/pip install --quiet -e ".[dev,train]"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py train_emotion_model

eval-analyzer: install
	$(BIN)/pip install --quiet -e ".[dev,train]"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py evaluate_emotion_model

bench-analyzer: install
	$(BIN)/pip install --quiet -e ".[dev,train]"
	OMP_NUM_THREADS=1 $(BIN)/python bench/analyzer_bench.py
	$(BIN)/python bench/disengagement_sim.py

clean:
	rm -rf $(VENV) staticfiles .run
