# kartlagg — make demo (the main job on the sample data), make test, make bench.
SWIFT      ?= swift
BIN        := .build/debug/kartlagg
DEMO_DIR   := demo-out
DEMO_DB    := $(DEMO_DIR)/kartlaggning.sqlite
SAMPLES    := SampleSurveys
SUDO       := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: all deps browser build docs test test-fast screenshots demo demo-large demo-region bench bench-huge eval fuzz stress format lint clean install

PREFIX ?= /usr/local

# `swift build` with its arguments, tried once more when it fails. SwiftPM's own build database (llbuild's SQLite) has
# aborted a CI build with "Assertion `result == SQLITE_OK' failed" in `swift-build` itself, not in a compile; a second
# try goes on from where the first stopped, and a real compile error still fails (twice).
define swift_build
	$(SWIFT) build $(1) || { echo "swift build $(1) failed; trying once more (SwiftPM's build database can abort)" >&2; $(SWIFT) build $(1); }
endef

all: build

# GRDB links the system SQLite: install its header when a fresh machine lacks it.
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
		echo "Installing libsqlite3-dev (GRDB links the system SQLite)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev; \
	fi
	@if [ ! -f /usr/include/readstat.h ]; then \
		echo "Installing libreadstat-dev (ReadStat reads and writes SPSS and Stata files)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreadstat-dev; \
	fi

build: deps
	$(call swift_build,)

# The release binary in $(PREFIX)/bin (make install PREFIX=$$HOME/.local).
install: deps
	$(SWIFT) build -c release --product kartlagg
	install -d $(PREFIX)/bin
	install -m 755 .build/release/kartlagg $(PREFIX)/bin/kartlagg
	@echo "installed $(PREFIX)/bin/kartlagg"

# The report layout tests look at the HTML in a real headless browser (Debian's chromium) and read its printed pages
# (poppler's pdftotext), and the workbench test drives one (chromium, chromium-driver and Python's selenium):
# installed here when missing; where they cannot be, those checks are skipped with a message.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
		echo "Installing chromium and chromium-driver (the layout and workbench tests use them)…"; \
		( $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver ) >/dev/null 2>&1 \
			|| echo "(could not install chromium: the browser checks will be skipped)"; \
	fi
	@python3 -c 'import selenium' 2>/dev/null || python3 -m pip install -q selenium >/dev/null 2>&1 \
		|| echo "(could not install selenium: the workbench browser test will be skipped)"
	@python3 -c "import pyreadstat, pandas" 2>/dev/null || python3 -m pip install -q pyreadstat pandas >/dev/null 2>&1 \
		|| echo "(could not install pyreadstat: the SPSS and Stata fixture tests will be skipped)"
	@command -v pdftotext >/dev/null 2>&1 || ( $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
		|| ( $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils ) >/dev/null 2>&1 ) \
		|| echo "(could not install poppler-utils: the printed-page header check will be skipped)"

test: deps browser
	$(call swift_build,--build-tests)
	$(SWIFT) test --skip-build
	python3 Tests/browser/workbench.py test $(BIN)

# The suite without its slow parts (tests tagged `.slow`: the 40- and 300-area reports and the printed-page checks,
# the workbench over HTTP, the SPSS round trips), skipped by KARTLAGG_SKIP_SLOW: quick feedback while working;
# `make test` (and CI) runs everything.
test-fast: deps
	$(call swift_build,--build-tests)
	KARTLAGG_SKIP_SLOW=1 $(SWIFT) test --skip-build

# DocC documentation of the library targets (each has a catalog, Sources/<target>/<target>.docc), as static sites in
# .build/docs/<target>/ (open index.html through a web server, e.g. python3 -m http.server).
DOC_TARGETS := KartlaggningModel KartlaggningCore KartlaggningImport KartlaggningAnalysis KartlaggningReport KartlaggningReportBuilder KartlaggningServe
docs: deps
	@mkdir -p .build/docs && for target in $(DOC_TARGETS); do \
		echo "DocC: $$target (log in .build/docs/$$target.log)"; \
		$(SWIFT) package --allow-writing-to-directory .build/docs/$$target generate-documentation --target $$target \
			--disable-indexing --transform-for-static-hosting --output-path .build/docs/$$target \
			> .build/docs/$$target.log 2>&1 || { tail -20 .build/docs/$$target.log; exit 1; }; \
		echo "  $$(grep -c '^warning:' .build/docs/$$target.log) documentation warnings (undocumented parameters and the like)"; \
	done
	@echo "DocC sites in .build/docs/<target>/"

# Screenshots of the workbench for the README (docs/workbench-overview.png, docs/workbench-coding.png), from the
# demo database.
screenshots: demo browser
	python3 Tests/browser/workbench.py screenshots $(BIN) $(DEMO_DB) docs

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
	$(BIN) import --db $(DEMO_DB) --survey boende-webb-2025 $(SAMPLES)/boende-webb-2025.csv
	$(BIN) import --db $(DEMO_DB) --survey boende-forms-2025 $(SAMPLES)/boende-forms-2025.xlsx
	$(BIN) import --db $(DEMO_DB) --survey boende-spss-2025 $(SAMPLES)/boende-spss-2025.sav
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
	$(BIN) map --db $(DEMO_DB) --theme nararbetsplatser --out $(DEMO_DIR)/karta-nararbetsplatser.svg
	@echo
	@echo "Database:        $(DEMO_DB)"
	@echo "Overview report: $(DEMO_DIR)/oversikt.md and $(DEMO_DIR)/oversikt.html (charts in $(DEMO_DIR)/oversikt-figurer/)"
	@echo "Theme report:    $(DEMO_DIR)/tema-nararbetsplatser.md and $(DEMO_DIR)/tema-nararbetsplatser.html"
	@echo "District report: $(DEMO_DIR)/omrade-natra.md and $(DEMO_DIR)/omrade-natra.html"
	@echo "Map:             $(DEMO_DIR)/karta-nararbetsplatser.svg (the sample's map is schematic)"
	@echo
	@echo "Workbench (heatmap, the answers behind a cell, coding in the browser; Ctrl-C stops it):"
	@echo "  $(BIN) serve --db $(DEMO_DB)        then open http://127.0.0.1:8080/"

# The overview for a municipality of many areas (AREAS, 40 by default; generated data, SampleSurveys/tools/make_large.py):
# tables and the heatmap with the areas as rows, under the registry's groups, largest first (AREA_ORDER). With Chromium on the machine, a screenshot of the HTML page too.
AREAS ?= 40
AREA_ORDER ?= size
LARGE_DIR := demo-large
demo-large: build
	@rm -rf $(LARGE_DIR) && mkdir -p $(LARGE_DIR)
	python3 $(SAMPLES)/tools/make_large.py $(LARGE_DIR) $(AREAS)
	$(BIN) districts load --db $(LARGE_DIR)/k.sqlite $(LARGE_DIR)/omraden.yaml
	$(BIN) survey add --db $(LARGE_DIR)/k.sqlite $(LARGE_DIR)/boende-stor.survey.yaml
	$(BIN) import --db $(LARGE_DIR)/k.sqlite --survey boende-stor $(LARGE_DIR)/boende-stor.csv
	$(BIN) codebook load --db $(LARGE_DIR)/k.sqlite $(SAMPLES)/kodbok.yaml
	$(BIN) tag --db $(LARGE_DIR)/k.sqlite
	$(BIN) report --db $(LARGE_DIR)/k.sqlite --kind overview --out $(LARGE_DIR)/oversikt.md --date 2026-12-01 --html \
		--area-order $(AREA_ORDER)
	@if command -v chromium >/dev/null; then \
		chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2600 \
			--screenshot=$(CURDIR)/$(LARGE_DIR)/oversikt.png $(CURDIR)/$(LARGE_DIR)/oversikt.html >/dev/null 2>&1 \
			&& echo "Screenshot: $(LARGE_DIR)/oversikt.png"; \
	else echo "(no chromium: no screenshot; apt-get install chromium)"; fi
	@echo "Overview of $(AREAS) areas: $(LARGE_DIR)/oversikt.md and $(LARGE_DIR)/oversikt.html"

# A regional programme on real boundaries: one area per municipality of Sweden (290; GEO, the shared GeoJSON, not
# copied), a generated survey imported and tagged, then two maps (broadband's share, and its difference from the
# whole) and the overview with its maps. SampleSurveys/tools/make_region.py.
GEO ?= ../shared/geo/swedish_municipalities.geojson
REGION_DIR := demo-region
demo-region: build
	@test -f $(GEO) || { echo "demo-region needs $(GEO) (Sweden's 290 municipalities as GeoJSON; GEO=path to give another)"; exit 1; }
	@rm -rf $(REGION_DIR) && mkdir -p $(REGION_DIR)
	python3 $(SAMPLES)/tools/make_region.py $(REGION_DIR) $(GEO)
	$(BIN) districts load --db $(REGION_DIR)/k.sqlite $(REGION_DIR)/omraden.yaml
	$(BIN) survey add --db $(REGION_DIR)/k.sqlite $(REGION_DIR)/boende-region.survey.yaml
	$(BIN) import --db $(REGION_DIR)/k.sqlite --survey boende-region $(REGION_DIR)/boende-region.csv
	$(BIN) codebook load --db $(REGION_DIR)/k.sqlite $(SAMPLES)/kodbok.yaml
	$(BIN) tag --db $(REGION_DIR)/k.sqlite
	$(BIN) map --db $(REGION_DIR)/k.sqlite --theme bredband --min-base 30 --pool --out $(REGION_DIR)/karta-bredband.svg
	$(BIN) map --db $(REGION_DIR)/k.sqlite --theme bredband --min-base 30 --pool --difference --out $(REGION_DIR)/karta-bredband-skillnad.svg
	$(BIN) report --db $(REGION_DIR)/k.sqlite --kind overview --out $(REGION_DIR)/oversikt.md --date 2026-12-01 --html
	@echo "Maps of 290 municipalities: $(REGION_DIR)/karta-bredband.svg, $(REGION_DIR)/karta-bredband-skillnad.svg; overview: $(REGION_DIR)/oversikt.html"

# Import speed and memory against sqlite3's own .import, and the other measurements; see docs/benchmarks.md.
bench: deps
	python3 Benchmarks/run.py

# A regional programme's worth (not in CI): 2,000,000 respondents in 300 areas (HUGE_RESPONDENTS=N) imported, tagged,
# cross-tabbed, reported and served, each step's time and peak memory against 200,000 in the same run.
bench-huge: deps
	$(SWIFT) build -c release --product kartlagg
	python3 Benchmarks/huge.py

# Keyword matching against the labelled evaluation set (Tests/Evaluation/): today's default and the other rules,
# and the same themes as prefix patterns; precision, recall and F1 per theme and micro-averaged, recall per form.
EVAL_SET := Tests/Evaluation/matching-set.tsv
eval: build
	@for rule in stem forms compounds; do \
		echo; $(BIN) codebook eval Tests/Evaluation/matching-codebook.yaml --set $(EVAL_SET) --matching $$rule || exit 1; \
	done
	@echo; $(BIN) codebook eval Tests/Evaluation/matching-codebook-prefix.yaml --set $(EVAL_SET) --matching stem

# libFuzzer with AddressSanitizer over the CSV reader, encoding detection, the JSON reader, the XLSX/ODS sheet readers, the codebook pattern
# parser and the Markdown/HTML escaper (Fuzz/, its own package). FUZZ_SECONDS per target; findings land in
# Fuzz/findings/ and each becomes a regression test. Not part of CI. FuzzSheet runs without leak detection:
# ZIPFoundation's Archive.init keeps its path's C string on Linux (about 36 bytes a workbook opened), not ours to free.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzCSV FuzzJSON FuzzSheet FuzzStat FuzzEncoding FuzzPattern FuzzEscaping
fuzz: deps
	cd Fuzz && $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@mkdir -p Fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p Fuzz/corpus/$$target; \
		echo "== $$target ($(FUZZ_SECONDS) s)"; \
		extra=""; leaks=1; [ $$target = FuzzSheet ] && extra="-detect_leaks=0" && leaks=0; \
		ASAN_OPTIONS=detect_leaks=$$leaks Fuzz/.build/debug/$$target Fuzz/corpus/$$target Fuzz/seeds/$$target $$extra -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -max_len=65536 -artifact_prefix=Fuzz/findings/$$target- -print_final_stats=1 \
			> Fuzz/findings/$$target.log 2>&1; status=$$?; \
		grep -E "average_exec_per_sec|new_units_added|peak_rss_mb" Fuzz/findings/$$target.log; \
		if [ $$status -ne 0 ]; then echo "$$target: a crash, hang or sanitizer report: Fuzz/findings/$$target.log"; exit 1; fi; \
	done

# The kill loop, concurrent writers and large inputs (bounded; not part of CI): see Benchmarks/stress.py.
stress: deps
	$(SWIFT) build -c release --product kartlagg
	python3 Benchmarks/stress.py

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(DEMO_DIR) bench-data demo-large demo-region
