# irsynth: the front door.
#
#   make reproduce   set up, run every phase into results/, export the notebooks
#                    to HTML, take screenshots, then serve the dashboard on
#                    http://127.0.0.1:8080 (SERVE=0 to skip serving)
#   make test        set up, go test ./..., then each fuzz target briefly
#   make bench       Go benchmarks (compile, call, batch, the Collatz question; wazero vs native Go vs V8)
#   make check       go vet, gofmt, go test -race on every package that runs goroutines
#
# Variables: RESULTS (results directory), SERVE (0 to skip serving),
# ADDR (dashboard address), FUZZTIME (per fuzz target; unset, each target
# runs its own count of inputs), TESTTIMEOUT.

SHELL       := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO          ?= go
RESULTS     ?= results
SERVE       ?= 1
ADDR        ?= 127.0.0.1:8080
FUZZTIME    ?=
TESTTIMEOUT ?= 15m
BIN         := bin
IRSYNTH     := $(BIN)/irsynth
KERNEL      := $(BIN)/irsynth-kernel

# The race detector in `make check`: every package that runs goroutines
# (the dashboard, the kernel, synthesis, the WebAssembly runtime, training)
# and the fast ones beside them. RACE_SHORT packages run with -short under
# -race (their long tests, e.g. the kill -9 of training, are slow with the
# detector's 5-10x overhead and exercise no goroutines the short ones
# miss). lib/synth's whole suite takes over 10 minutes under -race on two
# cores (its searches are CPU-bound, and the detector slows them 5-10x), so only its tests
# that run goroutines (cancellation, budgets, parallel task evaluation, the
# examples) run there: SYNTH_RACE.
RACE_PKGS   := ./web/... ./lib/wasmrt/... ./lib/ir/... ./lib/results/... ./lib/plots/... ./lib/dataset/...
RACE_SHORT  := ./kernel/... ./lib/models/... ./cmd/irsynth/...
SYNTH_RACE  := Cancel|EvalTasks|Budget|Hostile|Shard|Example|Underdetermined|HeldOut
# Fuzz targets as PACKAGE:NAME:COUNT (`go test -fuzz` takes one target at a
# time). Each runs COUNT inputs (-fuzztime=COUNTx), about 10 s on this
# 2-core machine. A count rather than a duration: Go 1.26's coordinator
# can report a bare "context deadline exceeded" failure when a duration
# runs out while a worker is mid-input (go.dev/issue/75804, fixed in Go
# 1.27); a count has no deadline to race, so a loaded runner only runs
# slower. FUZZTIME=30s (or 1000x) overrides every count.
FUZZ        := ./lib/ir:FuzzParse:300000 ./lib/ir:FuzzValidate:300000 ./lib/ir:FuzzCompile:200000 \
               ./lib/synth:FuzzMask:1500 ./lib/synth/internal/formula:FuzzCandidates:20000 \
               ./lib/synth/internal/fit:FuzzSequence:60000

.PHONY: all build setup reproduce phases reports screenshots serve test fuzz bench check clean

all: build

# The binaries embed echarts (lib/plots/assets), which setup copies from npm:
# build after it, so that charts draw from any working directory.
ECHARTS     := lib/plots/assets/echarts.min.js

build: $(ECHARTS)
	$(GO) build -o $(IRSYNTH) ./cmd/irsynth
	$(GO) build -o $(KERNEL) ./kernel/cmd/irsynth-kernel

$(ECHARTS):
	scripts/setup.sh

setup:
	scripts/setup.sh

reproduce: setup build phases reports screenshots serve

# Every phase through the command line; each writes its record in $(RESULTS).
phases: build
	$(IRSYNTH) phase1 --results $(RESULTS)
	$(IRSYNTH) dataset --results $(RESULTS)
	$(IRSYNTH) train classifier --results $(RESULTS)
	$(IRSYNTH) train decoder --results $(RESULTS)
	# Phase 5: leave-one-out synthesis of every library program (60 s budget each,
	# guided and unguided) and the decoder with and without the validity mask.
	$(IRSYNTH) eval synth --workers 2 --results $(RESULTS)
	# OEIS phase: the 40 committed sequence tasks of testdata/oeis (CC BY-SA, see its
	# README), 3 s per task on 2 workers (about a minute), and the guesser on the same tasks.
	$(IRSYNTH) eval tasks testdata/oeis/train40.json --budget 3s --workers 2 --quiet --results $(RESULTS)
	$(IRSYNTH) eval tasks testdata/oeis/train40.json --system guess --results $(RESULTS)
	# The guide's self-training loop, small: dreams, then the 40 committed tasks at
	# 50,000 candidates per search, one guided round (a few minutes); writes
	# synth_training.json and a guide checkpoint (the shipped guide is lib/synth/guide.json).
	$(IRSYNTH) train synth --tasks testdata/oeis/train40.json --sample 40 --rounds 1 --candidates 50000 --dreams 1000 --quiet --results $(RESULTS)

# The notebooks, executed headless with the Go kernel, as HTML in $(RESULTS)/reports.
reports: build
	$(KERNEL) report --results $(RESULTS) --out $(RESULTS)/reports

# One PNG per dashboard page in $(RESULTS)/screenshots (headless Chromium).
screenshots: build
	$(IRSYNTH) serve --results $(RESULTS) --screenshots $(RESULTS)/screenshots

serve: build
	@if [ "$(SERVE)" = 0 ]; then echo "SERVE=0: not serving the dashboard"; \
	else echo "dashboard on http://$(ADDR) (Ctrl-C to stop)"; $(IRSYNTH) serve --results $(RESULTS) --addr $(ADDR); fi

test: setup
	$(GO) test -timeout $(TESTTIMEOUT) ./...
	$(MAKE) --no-print-directory fuzz

fuzz:
	@for pf in $(FUZZ); do \
		IFS=: read -r p f n <<<"$$pf"; t="$(FUZZTIME)"; t=$${t:-$${n}x}; \
		echo "go test -run='^$$' -fuzz='^'$$f'$$' -fuzztime=$$t $$p"; \
		$(GO) test -run='^$$' -fuzz="^$$f\$$" -fuzztime=$$t $$p; \
	done

bench: build
	$(GO) test -run='^$$' -bench=. -benchmem ./lib/wasmrt/ ./lib/ir/
	$(IRSYNTH) bench collatz
	$(GO) run ./scripts/bench/v8cmp
	$(GO) test -run='^$$' -bench=. -benchtime=1x ./lib/synth/
	$(GO) test -run='^$$' -bench=DecoderTrainStep ./lib/models/
	$(GO) test -run='^$$' -bench='ForwardVsLlamaCpp|TinyLlamaEstimate|LoadPeakRSS' -benchtime=1x ./lib/models/internal/llama/
	$(GO) test -run='^$$' -bench=APIRun -benchtime=5s ./web/
	$(GO) test -run='^$$' -bench=Kernel -benchtime=1x ./kernel/
	@echo "gorgonia vs PyTorch (needs WITH_TORCH=1 scripts/setup.sh): scripts/bench/compare.sh"

check:
	$(GO) vet ./...
	@out=$$(find . -name '*.go' -not -path './web/node_modules/*' -not -path './.git/*' -print0 | xargs -0 gofmt -l); \
	if [ -n "$$out" ]; then echo "gofmt -l reports:"; echo "$$out"; exit 1; fi
	$(GO) test -race -timeout $(TESTTIMEOUT) $(RACE_PKGS)
	$(GO) test -race -short -timeout $(TESTTIMEOUT) $(RACE_SHORT)
	$(GO) test -race -short -timeout $(TESTTIMEOUT) -run '$(SYNTH_RACE)' ./lib/synth/...

clean:
	rm -rf $(BIN)
