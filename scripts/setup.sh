#!/usr/bin/env bash
# setup.sh installs what the tests and `make reproduce` need, idempotently.
# Debian packages: wabt (wasm-validate), OpenBLAS, Jupyter, Chromium; npm: echarts,
# node-llama-cpp (llama.cpp, the reference of the GGUF encoder's tests).
# It runs apt-get update at most once, and only when a package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(wabt libopenblas-dev jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel chromium chromium-driver wrk)
if [ "${WITH_TORCH:-0}" = 1 ]; then pkgs+=(python3-torch); fi

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}" >&2
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq </dev/null
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

# echarts for offline charts: installed from npm into web/node_modules (git-ignored);
# never loaded from a CDN.
if [ ! -f web/node_modules/echarts/dist/echarts.min.js ]; then
	(cd web && npm ci --no-audit --no-fund --silent </dev/null)
fi
# ... and copied where `go build` embeds it (lib/plots/assets, git-ignored), so
# binaries draw charts from any working directory.
if ! cmp -s web/node_modules/echarts/dist/echarts.min.js lib/plots/assets/echarts.min.js; then
	cp web/node_modules/echarts/dist/echarts.min.js lib/plots/assets/echarts.min.js.tmp
	mv lib/plots/assets/echarts.min.js.tmp lib/plots/assets/echarts.min.js
fi

# llama.cpp as the GGUF encoder's test reference: node-llama-cpp's prebuilt
# CPU build, from npm into scripts/llamaref/node_modules (git-ignored). Its
# postinstall (which would download or build llama.cpp) is not run; the
# prebuilt binary loads offline. --omit=optional skips the GPU builds.
if [ ! -d scripts/llamaref/node_modules/@node-llama-cpp/linux-x64 ] && [ "$(uname -sm)" = "Linux x86_64" ]; then
	(cd scripts/llamaref && npm install --no-save --no-audit --no-fund --silent --ignore-scripts --omit=optional </dev/null)
fi

# The tools the tests and `make` call: fail here, naming the fix, rather than
# deep inside a test (on CI a missing wabt tool fails the wasmrt tests anyway).
for tool in go wasm-validate wasm2wat wat2wasm; do
	if ! command -v "$tool" >/dev/null; then
		echo "setup: $tool not found on PATH (go: https://go.dev/dl, the rest: Debian's wabt)" >&2
		exit 1
	fi
done
want_go=$(awk '/^go /{print $2; exit}' go.mod)
have_go=$(go env GOVERSION | sed 's/^go//')
if [ "$(printf '%s\n%s\n' "$want_go" "$have_go" | sort -V | head -n1)" != "$want_go" ]; then
	echo "setup: go.mod wants Go $want_go, found $have_go" >&2
	exit 1
fi
