# The habits of the project: CI runs exactly these targets.
CARGO ?= cargo
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
STEWARD_RELEASE := $(TARGET_DIR)/release/steward
ESTATE := testdata/estates/contoso-health

.PHONY: demo test lint fmt build parity docs bench snapshots sarif-schema clean

## demo: build steward and check the bundled sample estate with the built-in rules
demo: build
	@# Exit status 1 means "failing findings", which is what the sample estate has.
	$(STEWARD_RELEASE) check $(ESTATE); status=$$?; [ $$status -le 1 ]

build:
	$(CARGO) build --release --locked

## test: formatting, lints, the Rust tests, and the Rego tests of the built-in rules
test: lint sarif-schema
	$(CARGO) test --locked
	$(CARGO) run --quiet --locked -- test rules --coverage-threshold 95
	$(MAKE) parity

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
	python3 scripts/bench.py

## docs: regenerate docs/rules/ from the rules' metadata and fixtures
docs:
	$(CARGO) run --quiet --locked -- docs --out docs/rules

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

## snapshots: rewrite the golden outputs after an intended change, then review the diff
snapshots:
	UPDATE_SNAPSHOTS=1 $(CARGO) test --locked --test cli
	git diff --stat tests/snapshots

clean:
	$(CARGO) clean
