# The habits of the project: CI runs exactly these targets.
CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
STEWARD_RELEASE := $(TARGET_DIR)/release/steward
ESTATE := testdata/estates/contoso-health

.PHONY: demo test lint fmt build parity docs bench snapshots sarif-schema size install browser report-screenshot fuzz clean

FUZZ_SECONDS ?= 600

PREFIX ?= /usr/local
# The release binary must stay small enough to download in a CI step.
MAX_BINARY_BYTES := 26214400

## demo: build steward and check the bundled sample estate with the built-in rules
demo: build
	@# Exit status 1 means "failing findings", which is what the sample estate has.
	$(STEWARD_RELEASE) check $(ESTATE); status=$$?; [ $$status -le 1 ]

build:
	$(CARGO) build --release --locked

## test: formatting, lints, the Rust tests, the Rego tests of the built-in rules, OPA parity, binary size
test: lint sarif-schema
	$(CARGO) test --locked
	$(CARGO) run --quiet --locked -- test rules --coverage-threshold 95
	$(MAKE) parity
	$(MAKE) browser
	$(MAKE) size

## size: build the release binary and fail if it is larger than 25 MiB
size: build
	@size=$$(wc -c < $(STEWARD_RELEASE)); \
	echo "release binary: $$size bytes (limit $(MAX_BINARY_BYTES))"; \
	[ $$size -le $(MAX_BINARY_BYTES) ]

## install: the binary, the manual pages and shell completions under PREFIX (default /usr/local)
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(STEWARD_RELEASE) $(DESTDIR)$(PREFIX)/bin/steward
	$(STEWARD_RELEASE) man --out $(DESTDIR)$(PREFIX)/share/man/man1 > /dev/null
	$(STEWARD_RELEASE) completions bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/steward
	$(STEWARD_RELEASE) completions zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_steward
	$(STEWARD_RELEASE) completions fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/steward.fish

## browser: open the sample estate's HTML report in headless Chromium and check it as a person would
browser:
	bash scripts/browser_deps.sh
	$(CARGO) build --quiet --locked
	python3 scripts/browser_check.py --steward $(TARGET_DIR)/debug/steward --estate $(ESTATE)

## report-screenshot: refresh docs/report.png, the picture of the sample report in the README
report-screenshot:
	bash scripts/browser_deps.sh
	$(CARGO) build --quiet --locked
	python3 scripts/browser_check.py --steward $(TARGET_DIR)/debug/steward --estate $(ESTATE) --screenshot docs/report.png

## fuzz: run each cargo-fuzz target (inventory loader, configuration loader) for FUZZ_SECONDS (default 600)
# Stable Rust, no sanitizer (-s none): the targets look for panics, hangs and runaway memory.
# Crashes land in fuzz/artifacts/; keep each one as a case in testdata/bad/corpus/.
fuzz:
	command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz --version 0.13.2
	mkdir -p fuzz/corpus/inventory fuzz/corpus/config
	cp testdata/bad/corpus/*.yaml testdata/bad/corpus/*.json testdata/estates/contoso-health/*/*.yaml fuzz/corpus/inventory/
	cp src/starter/steward.yaml fuzz/corpus/config/
	cd fuzz && $(CARGO) fuzz run -s none -O inventory corpus/inventory -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=65536
	cd fuzz && $(CARGO) fuzz run -s none -O config corpus/config -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=65536

## sarif-schema: fetch the official SARIF 2.1.0 schema (checksum-pinned) for the SARIF validation test
sarif-schema:
	python3 scripts/sarif_schema.py

## parity: run every built-in rule with OPA v1.20.2 itself and fail on any difference from steward
parity:
	$(CARGO) build --quiet --locked
	python3 scripts/parity.py --steward $(TARGET_DIR)/debug/steward $(ESTATE)

## bench: steward vs the parse floor and OPA on generated 1k/10k/100k estates -> BENCHMARKS.md
bench:
	$(CARGO) build --release --locked --bin steward --example parse_floor
	python3 scripts/bench.py --opa-timeout 100

## docs: regenerate docs/rules/ from the rules' metadata and fixtures
docs:
	$(CARGO) run --quiet --locked -- docs --out docs/rules

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	python3 scripts/rego_style.py --self-test
	python3 scripts/rego_style.py rules

fmt:
	$(CARGO) fmt --all

## snapshots: rewrite the golden outputs (report, bad-input corpus) after an intended change, then review the diff
snapshots:
	UPDATE_SNAPSHOTS=1 $(CARGO) test --locked --test cli
	UPDATE_SNAPSHOTS=1 $(CARGO) test --locked --test hostile every_corpus_case
	git diff --stat tests/snapshots testdata/bad/corpus

clean:
	$(CARGO) clean
