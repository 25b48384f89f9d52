#!/usr/bin/env bash
# compare.sh trains the same decoder (embedding 256, 4 heads, 3 layers,
# feed-forward 1024, dropout 0.1, Adam, batch 32) with irsynth's gorgonia
# code and with PyTorch on the CPU, alternating ROUNDS times so both see the
# same machine load, and prints each run and the ratios of the medians.
# Each engine runs with one thread (Go: GOMAXPROCS=1 OPENBLAS_NUM_THREADS=1;
# torch: set_num_threads(1)) and with every core (nproc), and the ratios
# compare like with like and best with best (on a busy machine more threads
# can be slower). Both use the same OpenBLAS, and the same OPENBLAS_CORETYPE
# if the environment sets one. Each run reports tokens per second of wall
# time and per second of its own process CPU time (getrusage /
# time.process_time); on a loaded machine the CPU figure is the steadier one,
# so the script prints both ratios and the load average before and after.
# Needs Debian's python3-torch: WITH_TORCH=1 scripts/setup.sh
# Usage: scripts/bench/compare.sh [--steps N] [--seq L] [--rounds R]
set -euo pipefail
cd "$(dirname "$0")/../.."

steps=20 seq=32 rounds=3
while [ $# -gt 0 ]; do
	case "$1" in
	--steps) steps=$2; shift 2 ;;
	--seq) seq=$2; shift 2 ;;
	--rounds) rounds=$2; shift 2 ;;
	*) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
PY=/usr/bin/python3
if ! $PY -c 'import torch' 2>/dev/null; then
	echo "compare.sh: $PY has no torch; run WITH_TORCH=1 scripts/setup.sh" >&2
	exit 1
fi
threads=$(nproc)
bin=$(mktemp -d)/gobench
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./scripts/bench/gobench

tps() { $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["tokens_per_sec"], d["cpu_tokens_per_sec"])'; }
g1_runs=() gn_runs=() t1_runs=() tn_runs=()
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
	g1=$(GOMAXPROCS=1 OPENBLAS_NUM_THREADS=1 "$bin" --steps "$steps" --seq "$seq")
	gn=$("$bin" --steps "$steps" --seq "$seq")
	t1=$($PY scripts/bench/torch_decoder.py --steps "$steps" --seq "$seq" --threads 1)
	tn=$($PY scripts/bench/torch_decoder.py --steps "$steps" --seq "$seq" --threads "$threads")
	echo "round $r gorgonia 1 thread:  $g1"
	echo "round $r gorgonia $threads threads: $gn"
	echo "round $r pytorch 1 thread:   $t1"
	echo "round $r pytorch $threads threads:  $tn"
	g1_runs+=("$(echo "$g1" | tps)")
	gn_runs+=("$(echo "$gn" | tps)")
	t1_runs+=("$(echo "$t1" | tps)")
	tn_runs+=("$(echo "$tn" | tps)")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
$PY - "${g1_runs[*]}" "${gn_runs[*]}" "${t1_runs[*]}" "${tn_runs[*]}" "$threads" <<'PYEOF'
import statistics, sys
n = sys.argv[5]
for col, what in ((0, "tokens/s (wall)"), (1, "tokens per CPU second")):
    med = lambda s: statistics.median(float(x) for x in s.split()[col::2])
    g1, gn, t1, tn = med(sys.argv[1]), med(sys.argv[2]), med(sys.argv[3]), med(sys.argv[4])
    print(f"median {what}: gorgonia {g1:.0f} (1 thread), {gn:.0f} ({n} threads); pytorch {t1:.0f} (1 thread), {tn:.0f} ({n} threads)")
    print(f"  ratio gorgonia/pytorch: 1 thread {g1/t1:.2f}, {n} threads {gn/tn:.2f}, best vs best {max(g1, gn)/max(t1, tn):.2f}")
PYEOF
