# Interstice: the two Quick start commands (`make demo`, `make test`) work on a fresh machine.
SWIFT ?= swift
BIN := .build/release/interstice
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DATASETS := $(sort $(wildcard Datasets/*/nodes.csv))

.PHONY: setup build demo test renders bench clean

## setup: install the system libraries (Graphviz, zlib, fonts) when they are missing
setup:
	@if ! pkg-config --exists libgvc zlib 2>/dev/null; then \
		echo "Installing libgraphviz-dev graphviz fonts-liberation2 zlib1g-dev pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			libgraphviz-dev graphviz fonts-liberation2 zlib1g-dev pkg-config >/dev/null; \
	fi

## build: release build of the `interstice` tool
build: setup
	$(SWIFT) build -c release --product interstice

## demo: set-up, then the main job on the bundled datasets: what each holds, and whether an
## invention started by each case study's collective reaches its organizations
demo: build
	@for f in $(DATASETS); do \
		d=$$(dirname $$f); \
		echo "==================== $$d"; \
		$(BIN) info $$d || exit $$?; \
	done
	@for d in chalon-sur-saone cucm-plie; do \
		echo "==================== reach: $$d"; \
		$(BIN) reach Datasets/$$d --runs 2000 --null-samples 99 --null-runs 300 || exit $$?; \
	done

## test: set-up, then every test
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## renders: the diagrams under Renders/ (filled by the rendering work)
renders: build
	@mkdir -p Renders

## bench: IntersticeBench suites as JSON lines (reads ../shared/bench graphs)
bench: setup
	$(SWIFT) build -c release --product IntersticeBench
	.build/release/IntersticeBench

clean:
	rm -rf .build
