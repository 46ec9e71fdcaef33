# The single entry point. `make run` and `make test` are the quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_ENV := DEBUG=1
# The address the development server listens on, and the one every link in an
# e-mail starts with: `make run HOST=192.168.1.20:8080`. Behind another name
# (a proxy, a tunnel) set SITE_URL too: `make run HOST=0.0.0.0:8000
# SITE_URL=http://laptop.local:8000`.
HOST ?= 127.0.0.1:8000
SITE_URL ?= http://$(HOST)
RUN_ENV := $(DEV_ENV) SITE_URL=$(SITE_URL)

.PHONY: run test test-browser lint format migrate demo letters bench bench-load bench-load-smoke check-deploy clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

migrate: $(STAMP)
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py referentiedata_laden
	$(DEV_ENV) $(PY) manage.py demodata

# The web server and the outbox worker together; Ctrl-C (or the server
# stopping) stops both.
run: demo
	@$(RUN_ENV) $(PY) manage.py demodata --inlog
	@$(RUN_ENV) $(PY) manage.py berichten_bezorgen --no-reload & werker=$$!; \
		trap 'kill $$werker 2>/dev/null; wait $$werker 2>/dev/null' EXIT INT TERM; \
		$(RUN_ENV) $(PY) manage.py runserver $(HOST)

# The whole suite. Browser tests skip with a message when Chromium is absent,
# unless REQUIRE_BROWSER=1 (CI on PostgreSQL).
test: $(STAMP)
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run > /dev/null || \
		(echo "Migraties ontbreken: draai 'manage.py makemigrations'." && exit 1)
	$(MAKE) --no-print-directory check-deploy
	$(BIN)/pytest -q $(PYTEST_ARGS); status=$$?; \
		if [ $$status -eq 5 ]; then echo "pytest heeft geen enkele test uitgevoerd."; exit 1; fi; \
		exit $$status

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))') \
		AUDIT_SLEUTEL=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(40))') ALLOWED_HOSTS=ontheffing.example.nl \
		$(PY) manage.py check --deploy --fail-level WARNING

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

letters: $(STAMP)
	rm -rf build/letters && mkdir -p build/letters
	$(DEV_ENV) $(PY) manage.py voorbeeldbrieven build/letters
	for f in build/letters/*.pdf; do pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$$f" "$${f%.pdf}"; done
	@ls build/letters

bench: $(STAMP)
	$(DEV_ENV) $(PY) -m tests.bench

# gunicorn (2 workers) on PostgreSQL under 16 concurrent clients, at 1.000,
# 100.000 and 1.000.000 cases (BENCH_DATABASE_URL; the database is recreated).
bench-load: $(STAMP)
	$(PY) -m tests.bench_load $(BENCH_ARGS)

# CI: 1.000 cases, 5 s per page; fails on any error.
bench-load-smoke: $(STAMP)
	$(PY) -m tests.bench_load --smoke

clean:
	rm -rf $(VENV) build staticfiles .pytest_cache .ruff_cache
