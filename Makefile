# kartlagg — make demo (the main job on the sample data), make test, make bench.
SWIFT      ?= swift
BIN        := .build/debug/kartlagg
DEMO_DIR   := demo-out
DEMO_DB    := $(DEMO_DIR)/kartlaggning.sqlite
SAMPLES    := SampleSurveys
SUDO       := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps build test demo bench format lint clean

all: build

# GRDB links the system SQLite: install its header when a fresh machine lacks it.
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
		echo "Installing libsqlite3-dev (GRDB links the system SQLite)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(BIN) init --db $(DEMO_DB)
	$(BIN) districts load --db $(DEMO_DB) $(SAMPLES)/districts.yaml
	@for definition in $(SAMPLES)/*.survey.yaml $(SAMPLES)/*.survey.json; do \
		$(BIN) survey add --db $(DEMO_DB) "$$definition" || exit 1; done
	$(BIN) import --db $(DEMO_DB) --survey foretag-2025 $(SAMPLES)/foretag-2025.csv
	$(BIN) import --db $(DEMO_DB) --survey forening-2025 $(SAMPLES)/forening-2025.csv
	$(BIN) import --db $(DEMO_DB) --survey inspel-2025 $(SAMPLES)/inspel-2025.csv
	$(BIN) import --db $(DEMO_DB) --survey temagrupp-2025 $(SAMPLES)/tema-*.json
	$(BIN) status --db $(DEMO_DB)
	$(BIN) codebook load --db $(DEMO_DB) $(SAMPLES)/kodbok.yaml
	$(BIN) tag --db $(DEMO_DB)
	$(BIN) tag import --db $(DEMO_DB) $(SAMPLES)/kodning-anna.csv
	$(BIN) tag import --db $(DEMO_DB) $(SAMPLES)/kodning-bertil.csv
	$(BIN) themes --db $(DEMO_DB)
	$(BIN) query --db $(DEMO_DB) --theme nararbetsplatser --kind förening --district BLT
	$(BIN) agreement --db $(DEMO_DB) --coder auto --coder Anna
	$(BIN) crosstab --db $(DEMO_DB) --rows theme --cols kind --stats
	$(BIN) crosstab --db $(DEMO_DB) --rows bredband_nojd --cols district --stats
	$(BIN) report --db $(DEMO_DB) --kind district --district Nätra --out $(DEMO_DIR)/omrade-natra.md --html
	$(BIN) report --db $(DEMO_DB) --kind overview --out $(DEMO_DIR)/oversikt.md --html
	$(BIN) report --db $(DEMO_DB) --theme nararbetsplatser --out $(DEMO_DIR)/tema-nararbetsplatser.md --html
	@echo
	@echo "Database:        $(DEMO_DB)"
	@echo "Overview report: $(DEMO_DIR)/oversikt.md and $(DEMO_DIR)/oversikt.html (charts in $(DEMO_DIR)/oversikt-figurer/)"
	@echo "Theme report:    $(DEMO_DIR)/tema-nararbetsplatser.md and $(DEMO_DIR)/tema-nararbetsplatser.html"
	@echo "District report: $(DEMO_DIR)/omrade-natra.md and $(DEMO_DIR)/omrade-natra.html"

# Import speed and memory against sqlite3's own .import; see Benchmarks/README.md.
bench: deps
	python3 Benchmarks/run.py

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(DEMO_DIR) bench-data
