# dossier — build, demo, test and benchmark. Every target installs the Debian packages it needs first.
SWIFT ?= swift
APT_PACKAGES := libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libgcrypt20-dev libyaml-dev zlib1g-dev libgraphviz-dev git gnupg openssh-client libjemalloc-dev
DEMO_DIR := .demo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: bench-instructions all deps build release demo screenshots test bench clean fuzz

all: build

# Installs what is missing (and nothing when everything is there).
deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Builds the sample project's history, its newest release's SUF bundle, a diff, and the DHF over all three releases.
demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@sample-project/make-history.sh $(DEMO_DIR)/pd-remote-monitor
	@.build/debug/dossier evidence add v1.1.0 sample-project/evidence/v1.1.0-junit.xml --repo $(DEMO_DIR)/pd-remote-monitor | tail -n 1
	@.build/debug/dossier evidence add v2.0.0 sample-project/evidence/v2.0.0-junit.xml --artifact sample-project/evidence/pdrm-hub-2.0.0.img --provenance sample-project/evidence/pdrm-hub-2.0.0.provenance.json --repo $(DEMO_DIR)/pd-remote-monitor | tail -n 1
	@.build/debug/dossier suf --repo $(DEMO_DIR)/pd-remote-monitor --out $(DEMO_DIR)/dist/dossier
	@.build/debug/dossier check --repo $(DEMO_DIR)/pd-remote-monitor \
	    --format sarif --output $(DEMO_DIR)/dist/check-v2.0.0.sarif | tail -n 1
	@.build/debug/dossier diff v1.1.0 v2.0.0 --repo $(DEMO_DIR)/pd-remote-monitor --format html \
	    --out $(DEMO_DIR)/dist/diff-v1.1.0-v2.0.0.html
	@.build/debug/dossier attach v1.1.0 --repo $(DEMO_DIR)/pd-remote-monitor
	@.build/debug/dossier approve v1.1.0 --role "Quality Assurance" --meaning approved --name "Martin Keller" \
	    --sign-key sample-project/keys/martin-keller_ed25519 --repo $(DEMO_DIR)/pd-remote-monitor | head -n 1
	@.build/debug/dossier dhf --repo $(DEMO_DIR)/pd-remote-monitor --out $(DEMO_DIR)/dist/dossier
	@echo
	@echo "The sample repository is $(CURDIR)/$(DEMO_DIR)/pd-remote-monitor"
	@echo "Its test reports are stored with v1.1.0 and v2.0.0 at refs/dossier/evidence/<tag> (dossier evidence list v2.0.0); every command reads them from there"
	@echo "Its SUF bundle is       $(CURDIR)/$(DEMO_DIR)/dist/dossier/v2.0.0/"
	@echo "Open SUF-v2.0.0.html in a browser, or read SUF-v2.0.0.md; check it with: .build/debug/dossier verify $(DEMO_DIR)/dist/dossier/v2.0.0"
	@echo "The gap check as SARIF:  $(CURDIR)/$(DEMO_DIR)/dist/check-v2.0.0.sarif"
	@echo "What changed since v1.1.0: $(CURDIR)/$(DEMO_DIR)/dist/diff-v1.1.0-v2.0.0.html"
	@echo "The Design History File:  $(CURDIR)/$(DEMO_DIR)/dist/dossier/dhf/DHF.html (v1.1.0's bundle, attached to its tag, copied as is, and Martin Keller's approval of it)"

# Screenshots of the demo's SUF, DHF and diff and of its pictures, taken by headless Chromium, in .demo/screenshots/.
screenshots: EXTRA_PACKAGES = chromium
screenshots: demo
	@scripts/screenshots.sh $(DEMO_DIR)

# The browser tests open the HTML in headless Chromium and read the PDFs with pdftotext.
test: EXTRA_PACKAGES = chromium poppler-utils python3-cryptography mender-artifact openssl
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Times suf, check, dhf and signatures beside git on synthetic repositories (built once in .bench/, reused) and ends
# with issue 18's targets table (bench/table.sh); BENCH_STRICT=1 makes a missed target fail the build.
bench: EXTRA_PACKAGES = hyperfine time
bench: deps release
	@rm -f $${BENCH_DIR:-.bench}/results/figures-*.json $${BENCH_DIR:-.bench}/results/timings*.txt
	BENCH_STRICT=0 bench/run.sh .build/release/dossier uniform
	bench/digests.sh .build/release/dossier
	BENCH_STRICT=0 bench/run.sh .build/release/dossier spread
	BENCH_STRICT=0 bench/run.sh .build/release/dossier 80k
	BENCH_STRICT=0 bench/dhf.sh .build/release/dossier uniform
	BENCH_STRICT=0 bench/dhf.sh .build/release/dossier spread
	BENCH_STRICT=0 bench/signatures.sh .build/release/dossier rsa4096
	BENCH_STRICT=0 bench/signatures.sh .build/release/dossier mixed
	@bench/table.sh

# Instruction counts by component under valgrind's callgrind, beside the git command each figure is measured against
# (bench/instructions.sh; about 5 minutes a figure). FIGURES: suf-cached suf-cold dhf-attached.
FIGURES ?= suf-cached suf-cold
bench-instructions: EXTRA_PACKAGES = valgrind gcc binutils
bench-instructions: deps release
	bench/instructions.sh .build/release/dossier $(FIGURES)

# Fuzzes each reader (SSHSIG, OpenPGP, allowed_signers, YAML, JUnit, JSON, CSV, templates) for FUZZ_SECONDS with
# libFuzzer and the address sanitizer, seeded from the test fixtures; findings are kept in Tests/Fixtures/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= sshsig openpgp allowed-signers yaml junit json csv template
fuzz: deps
	$(SWIFT) build -c release --product dossier-fuzz --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING
	Fuzz/run.sh .build-fuzz/release/dossier-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build $(DEMO_DIR) dist .bench
