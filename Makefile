# KPI Structure: the two commands a newcomer runs are `make serve` and `make test`.
# Every target installs what it needs on a fresh Debian machine and skips what is already
# there at the pinned version. Nothing is downloaded at build time.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Where `cargo install` puts pinned tools (override with TOOLS_ROOT=/some/dir).
TOOLS_ROOT ?= $(or $(CARGO_HOME),$(HOME)/.cargo)
export PATH := $(CURDIR)/node_modules/.bin:$(TOOLS_ROOT)/bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

TRUNK_VERSION := 0.21.14
# The wasm splitter of cargo-leptos --split (code splitting, .ci/wasm.mjs).
WASM_SPLIT_VERSION := 0.2.4
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
PORT ?= 8080
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
# Smaller target/ and faster cold test builds (no debug info).
export CARGO_PROFILE_DEV_DEBUG := 0
export CARGO_PROFILE_TEST_DEBUG := 0
export CARGO_TERM_COLOR := never

.PHONY: help serve build size lighthouse lighthouse-deps bench-ui bench-model slides-check test test-native test-wasm test-e2e lint fmt tools tools-build tools-test \
        wasm-target trunk wasm-bindgen wasm-split node-deps chromium fetch clean

help:
	@echo "make serve   build and serve the app with live reload at http://127.0.0.1:$(PORT)/"
	@echo "make test    run every test: lint, native, wasm (headless chromium), end-to-end"
	@echo "make build   write a release dist/ that works from any static host and sub-path"
	@echo "make size    print raw, gzip and brotli bytes of the release wasm and JS (first load, total)"
	@echo "make lighthouse  Lighthouse (performance) on the release build, 3 runs mobile and desktop, medians"
	@echo "make slides-check  open the exported slides with LibreOffice headless (where installed)"

# ---- tools ---------------------------------------------------------------------------------

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@if trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then :; else \
	  echo "Installing trunk $(TRUNK_VERSION) (about 10 minutes, once)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked --root "$(TOOLS_ROOT)"; fi

# Not --locked: its lock pins a webpki-roots the registry no longer has.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock"; exit 1; }
	@grep -q 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml \
	  || { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION) (Cargo.lock)"; exit 1; }
	@if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then :; else \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 6 minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root "$(TOOLS_ROOT)"; fi

wasm-split:
	@if cargo install --list --root "$(TOOLS_ROOT)" | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then :; else \
	  echo "Installing wasm-split-cli $(WASM_SPLIT_VERSION) (about 5 minutes, once)"; \
	  cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked \
	    --root "$(TOOLS_ROOT)"; fi

# playwright-core (e2e), ajv (schema test), binaryen 132 (wasm-opt) and terser (release JS), from package-lock.json.
node-deps:
	@if [ node_modules/.package-lock.json -nt package-lock.json ]; then :; else \
	  npm ci --no-audit --no-fund --loglevel=error; fi

chromium:
	@if [ -x "$(CHROMIUM)" ] && [ -x "$(CHROMEDRIVER)" ]; then :; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; fi

fetch:
	@cargo fetch --locked -q

tools-build: wasm-target trunk wasm-bindgen wasm-split node-deps fetch
tools-test: tools-build chromium
tools: tools-test

# ---- build and serve -----------------------------------------------------------------------

serve: tools-build
	@echo "Serving KPI Structure at http://127.0.0.1:$(PORT)/ (live reload; Ctrl+C stops)"
	trunk serve --port $(PORT)

build: tools-build
	trunk build --release

size: build
	@node tests/e2e/size.mjs

# Lighthouse, pinned, in .tools/lighthouse: not in package-lock.json (it is large and `make test`
# does not need it).
LIGHTHOUSE_VERSION := 12.2.3
lighthouse-deps:
	@if grep -qs '"version": "$(LIGHTHOUSE_VERSION)"' .tools/lighthouse/node_modules/lighthouse/package.json; then :; else \
	  echo "Installing lighthouse $(LIGHTHOUSE_VERSION) into .tools/lighthouse (once)"; \
	  npm install --prefix .tools/lighthouse --no-save --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION); fi

# Lighthouse (performance only) on dist/ served with gzip and cache headers: 3 runs mobile and 3
# desktop in Debian chromium, each run's figures and the medians (RUNS=5 for more).
lighthouse: build chromium lighthouse-deps
	CHROMIUM=$(CHROMIUM) node tests/e2e/lighthouse.mjs

# ---- tests ---------------------------------------------------------------------------------

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

# Keystroke-to-paint in headless chromium on the coffee template and a 3,000-KPI model.
bench-ui: build tools-test
	CHROMIUM=$(CHROMIUM) node tests/e2e/perf.mjs

# The model core and storage: check, edits, undo, save and load on a 200-chain / 3,000-KPI model.
bench-model:
	cargo run --locked --release --example model_bench

test-native:
	cargo test --locked

# "Export slides" opened by LibreOffice: the coffee template's slides (EN and NL) converted to
# PDF headless, then the page count and the texts checked (pdfinfo, pdftotext). Not part of
# `make test` (LibreOffice is large); skipped where soffice is not installed.
slides-check:
	@if ! command -v soffice >/dev/null; then \
	  echo "slides-check: skipped, LibreOffice (soffice) is not installed (apt-get install libreoffice-impress poppler-utils)"; \
	  exit 0; fi; \
	out=$$(mktemp -d); \
	cargo run --locked -q --example slides -- "$$out" >/dev/null; \
	for pptx in "$$out"/*.pptx; do \
	  stem="$${pptx%.pptx}"; \
	  soffice --headless -env:UserInstallation=file://$$out/profile --convert-to pdf --outdir "$$out" "$$pptx" >/dev/null 2>&1; \
	  test -s "$$stem.pdf" || { echo "slides-check: LibreOffice could not convert $$(basename $$pptx)"; exit 1; }; \
	  want=$$(head -n 1 "$$stem.expect"); \
	  pages=$$(pdfinfo "$$stem.pdf" | sed -n 's/^Pages: *//p'); \
	  test "$$pages" = "$$want" || { echo "slides-check: $$(basename $$pptx): $$pages pages, expected $$want"; exit 1; }; \
	  pdftotext "$$stem.pdf" - | tr -s ' \n' ' ' > "$$stem.txt"; \
	  tail -n +2 "$$stem.expect" | while IFS= read -r text; do \
	    grep -qF -- "$$text" "$$stem.txt" \
	      || { echo "slides-check: $$(basename $$pptx): \"$$text\" not in the PDF"; exit 1; }; \
	  done; \
	  echo "slides-check: $$(basename $$pptx): $$pages pages, texts found"; \
	done; \
	rm -rf "$$out"

test-wasm: tools-test
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --locked --target wasm32-unknown-unknown --test wasm_storage --test wasm_ui

test-e2e: build tools-test
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 tests/e2e/

test: tools-test
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory lint test-native test-wasm test-e2e; \
	echo "make test: all layers passed in $$(( $$(date +%s) - start )) s"

fmt:
	cargo fmt

clean:
	rm -rf dist target
