# Interstice: the two Quick start commands (`make demo`, `make test`) work on a fresh machine.
SWIFT ?= swift
BIN := .build/release/interstice
PREFIX ?= /usr/local
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DATASETS := $(sort $(wildcard Datasets/*/nodes.csv))

.PHONY: setup build install uninstall demo test renders report-screens bench fuzz fuzz-smoke clean

## setup: install the system libraries (Graphviz, zlib, SQLite, fonts) and headless Chromium when they are missing
setup:
	@if ! pkg-config --exists libgvc zlib sqlite3 2>/dev/null; then \
		echo "Installing libgraphviz-dev graphviz fonts-liberation2 zlib1g-dev libsqlite3-dev pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			libgraphviz-dev graphviz fonts-liberation2 zlib1g-dev libsqlite3-dev pkg-config >/dev/null; \
	fi
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "Installing chromium (headless, for the report's browser test and screenshots)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	fi

## build: release build of the `interstice` tool
build: setup
	$(SWIFT) build -c release --product interstice

## install: the release build, then `interstice` into $(PREFIX)/bin (default /usr/local/bin, on the PATH)
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(BIN) "$(DESTDIR)$(PREFIX)/bin/interstice"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/interstice"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/interstice"

## demo: set-up, then the main job on the bundled datasets: what each holds, whether an
## invention started by each case study's collective reaches its organizations, and their diagrams
demo: build renders
	@for f in $(DATASETS); do \
		d=$$(dirname $$f); \
		echo "==================== $$d"; \
		$(BIN) info $$d || exit $$?; \
	done
	@for d in chalon-sur-saone cucm-plie; do \
		echo "==================== reach: $$d"; \
		$(BIN) reach Datasets/$$d --runs 2000 --null-samples 99 --null-runs 300 || exit $$?; \
	done
	@echo "==================== reach: medInnovations (seeds: the 20 physicians who adopted in months 1-2; hospitals as organizations)"
	@$(BIN) reach Datasets/medInnovations --seeds "toa<=2" --organizations level=hospital --runs 2000 --null-samples 99 --null-runs 300
	@echo "Diagrams and adoption curves: Renders/"; ls Renders

## test: set-up, then every test
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## renders: the diagrams under Renders/ (only this target writes there)
renders: build
	@mkdir -p Renders
	$(BIN) render Datasets/chalon-sur-saone --size-by betweenness -o Renders/chalon-sur-saone.svg
	$(BIN) render Datasets/cucm-plie --size-by betweenness -o Renders/cucm-plie.svg
	$(BIN) render Datasets/medInnovations --organizations level=hospital --color-by score:toa -o Renders/medInnovations.svg
	$(BIN) render Datasets/email-Eu-core --engine sfdp -o Renders/email-Eu-core.svg
	$(BIN) render Datasets/cucm-plie --frames 12 --format html -o Renders/cucm-plie-diffusion.html
	$(BIN) reach Datasets/chalon-sur-saone --runs 2000 --null-samples 0 --horizon 60 --plot Renders/chalon-sur-saone-reach.svg > /dev/null
	$(BIN) reach Datasets/cucm-plie --runs 2000 --null-samples 0 --horizon 60 --plot Renders/cucm-plie-reach.svg > /dev/null
	$(BIN) exposure Datasets/medInnovations --adoption toa --never 18 --by city --permutations 99 --plot Renders/medInnovations-exposure.svg > /dev/null

## report-screens: the reports of the case studies (Chalon in French, CUCM in English) and a screenshot of
## each section under Renders/report/, taken by headless Chromium (.ci/report-screens.py)
report-screens: build
	@mkdir -p Renders/report
	$(BIN) report Datasets/chalon-sur-saone --lang fr -o Renders/report/chalon-sur-saone-fr.html
	$(BIN) report Datasets/cucm-plie --lang en -o Renders/report/cucm-plie-en.html
	python3 .ci/report-screens.py Renders/report/chalon-sur-saone-fr.html Renders/report chalon-sur-saone-fr
	python3 .ci/report-screens.py Renders/report/cucm-plie-en.html Renders/report cucm-plie-en

## bench: IntersticeBench suites as JSON lines (reads ../shared/bench graphs)
bench: setup
	$(SWIFT) build -c release --product IntersticeBench
	.build/release/IntersticeBench

## fuzz: libFuzzer over every reader (text formats, DOT, the batch manifest), FUZZ_SECONDS each
## (default 60); stats as JSON lines, findings in Fuzz/findings/ (kept out of `make test`)
fuzz: setup
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) Fuzz/run.sh

## fuzz-smoke: every reader fuzzed briefly (FUZZ_SECONDS=6 each), failing on any finding (CI)
fuzz-smoke: setup
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),6) Fuzz/run.sh

clean:
	rm -rf .build
