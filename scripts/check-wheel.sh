#!/usr/bin/env bash
# The package as users get it: build the wheel, install it WITHOUT extras into a fresh
# virtual environment outside the tree, and run the first commands of the README on the
# bundled sample; then the same, in a fresh environment each, for every optional extra.
# `make` installs `.[dev]`, which can bring in what the package forgets to declare; this
# cannot. Any error, or an empty result, fails the script.
#   usage: scripts/check-wheel.sh     (PY: the Python to make the environments with)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-python3}
SAMPLE=$ROOT/samples/rferl-putin-pullout.txt
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PIP_NO_INPUT=1
unset PYTHONPATH  # the checks must import the installed wheel, never src/

step() { printf 'check-wheel: [%4ss] %s\n' "$SECONDS" "$*" >&2; }

fresh_venv() {  # fresh_venv NAME -> the bin folder of a new virtual environment
  "$PY" -m venv "$WORK/$1"
  echo "$WORK/$1/bin"
}

# The wheel, built from a copy so that setuptools' build/ and egg-info stay out of the tree.
mkdir "$WORK/tree"
cp -r pyproject.toml README.md src "$WORK/tree/"
BIN=$(fresh_venv base)
step "building the wheel"
"$BIN/pip" wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$WORK/tree"
WHEEL=$(ls "$WORK"/dist/newsgraph-*.whl)

expect_json() {  # expect_json FILE PYTHON-EXPRESSION-ON-d  (fails unless it is true)
  "$BIN/python" - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as fh:
    d = json.load(fh)
if not eval(sys.argv[2]):
    sys.exit(f"check-wheel: {sys.argv[1]}: expected {sys.argv[2]}")
PY
}

step "installing $(basename "$WHEEL") without extras"
"$BIN/pip" install --quiet "$WHEEL"
cd "$WORK"  # away from the tree, so that nothing can be imported from src/
"$BIN/python" -c 'import newsgraph, sys; sys.exit(0 if "site-packages" in newsgraph.__file__ else 1)'
step "newsgraph analyze, ingest, quotes"
"$BIN/newsgraph" analyze "$SAMPLE" >analyze.json </dev/null
expect_json analyze.json 'd["title"] and d["entities"] and d["quotes"]'
"$BIN/newsgraph" ingest "$SAMPLE" --db base.db --published 2016-03-15 </dev/null
"$BIN/newsgraph" quotes --db base.db --json >quotes.json </dev/null
expect_json quotes.json 'len(d["quotes"]) > 0'
"$BIN/newsgraph" events --db base.db --json >events.json </dev/null
expect_json events.json 'len(d["events"]) > 0'
step "newsgraph serve: the API and a page, with the shipped templates and scripts"
PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/newsgraph" serve --db base.db --port "$PORT" </dev/null >serve.log 2>&1 &
SERVER=$!
"$BIN/python" - "$PORT" <<'PY' || { kill "$SERVER"; cat serve.log >&2; exit 1; }
import json, sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(120):
    try:
        stats = json.load(urllib.request.urlopen(base + "/api/v1/stats", timeout=5))
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("check-wheel: newsgraph serve did not answer")
home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
script = urllib.request.urlopen(base + "/static/vendor/chart.umd.min.js", timeout=10).read()
if stats["articles"] != 1 or "Putin" not in home or len(script) < 10_000:
    sys.exit("check-wheel: newsgraph serve answered, but not with the corpus and its assets")
PY
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true

# Each optional extra: first its absence is one line naming it, then it works once installed.
# An extra with no check here fails the script, so a new extra comes with its check.
EXTRAS=$("$BIN/python" -c '
import sys
from importlib.metadata import metadata
print(" ".join(e for e in metadata("newsgraph").get_all("Provides-Extra") or [] if e != "dev"))')
for extra in $EXTRAS; do
  case $extra in
    ray)
      without=$(cd "$WORK" && "$BIN/newsgraph" ingest "$SAMPLE" --engine ray --db no-ray.db \
        </dev/null 2>&1) && { step "ingest --engine ray worked without ray"; exit 1; }
      [ "$without" = "newsgraph: error: the Ray engine needs the ray package: pip install 'newsgraph[ray]'" ] \
        || { step "without ray, expected one line naming the extra, got: $without"; exit 1; }
      step "installing the wheel with [ray]"
      RAY=$(fresh_venv ray)
      "$RAY/pip" install --quiet "$WHEEL[ray]"
      step "newsgraph ingest --engine ray, quotes"
      "$RAY/newsgraph" ingest "$SAMPLE" --engine ray --workers 1 --db ray.db \
        --shards "$WORK/shards" --published 2016-03-15 </dev/null
      "$RAY/newsgraph" quotes --db ray.db --json >ray-quotes.json </dev/null
      expect_json ray-quotes.json 'len(d["quotes"]) > 0'
      ;;
    *)
      step "no check for the extra '$extra': add one to scripts/check-wheel.sh"
      exit 1
      ;;
  esac
done
step "ok: the wheel works without extras and with each of: ${EXTRAS:-none}"
