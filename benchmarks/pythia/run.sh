#!/usr/bin/env bash
# Side-by-side CPU time per event: Pythia 8.312 vs our Lund generator, one u-ubar string at
# 100 GeV, pions only, decays off (settings: /work/shared/reference/pythia/README.md).
#
#   benchmarks/pythia/run.sh PYTHIA_SOURCE_TREE [ROUNDS] [PYTHIA_EVENTS] [JAVA_CHUNK]
#
# PYTHIA_SOURCE_TREE is an unpacked Pythia 8.312 source tree (e.g. the public snapshot
# gaudu/pythia8312). If it has no lib/libpythia8.a yet, it is configured and built there with its
# own ./configure && make (this takes a while). Nothing of Pythia is copied into this repository.
# The driver (string_timing.cc, ours) is compiled -O2 against it into benchmarks/pythia/build/.
# Then ROUNDS rounds run, each: Pythia (PYTHIA_EVENTS events), then our runner
# (org.stochad.benchmarks.LundTiming: every mode JAVA_CHUNK events, interleaved), so both see the
# same machine load. Prints CPU µs/event of each and the ratios, and writes
# benchmarks/results/pythia-side-by-side-<UTC>.json with the machine description and load.
set -euo pipefail
PY=${1:?usage: run.sh PYTHIA_SOURCE_TREE [ROUNDS] [PYTHIA_EVENTS] [JAVA_CHUNK]}
ROUNDS=${2:-3}
PYN=${3:-200000}
CHUNK=${4:-50000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY=$(cd "$PY" && pwd)
BUILD="$HERE/build"
mkdir -p "$BUILD" "$ROOT/benchmarks/results"

if [ ! -f "$PY/lib/libpythia8.a" ]; then
  echo "building Pythia in $PY (configure + make) ..." >&2
  (cd "$PY" && ./configure > "$BUILD/pythia-configure.log" 2>&1 && make -j"$(nproc)" > "$BUILD/pythia-make.log" 2>&1)
fi
g++ -O2 -std=c++11 -I"$PY/include" "$HERE/string_timing.cc" -o "$BUILD/string_timing" "$PY/lib/libpythia8.a" -ldl -pthread

JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -o package -DskipTests -pl benchmarks -am)
fi

STAMP=$(date -u +%Y%m%dT%H%MZ)
OUT="$ROOT/benchmarks/results/pythia-side-by-side-$STAMP.json"
LOADS=()
PYS=()
JAS=()
for r in $(seq 1 "$ROUNDS"); do
  LOADS+=("\"$(cut -d' ' -f1-3 /proc/loadavg)\"")
  P=$("$BUILD/string_timing" "$PYN" $((12345 + r)) "$PY/share/Pythia8/xmldoc")
  J=$(java -cp "$JAR" org.stochad.benchmarks.LundTiming "$CHUNK" 3 20000)
  echo "round $r pythia: $P" >&2
  echo "round $r ours:   $J" >&2
  PYS+=("$P")
  JAS+=("$J")
done
LOADS+=("\"$(cut -d' ' -f1-3 /proc/loadavg)\"")

python3 - "$OUT" "$(IFS=,; echo "${PYS[*]}")" "$(IFS=,; echo "${JAS[*]}")" "$(IFS=,; echo "${LOADS[*]}")" <<'PYEOF'
import json, platform, statistics, subprocess, sys
out, pys, jas, loads = sys.argv[1], json.loads("[" + sys.argv[2] + "]"), json.loads("[" + sys.argv[3] + "]"), json.loads("[" + sys.argv[4] + "]")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
modes = list(jas[0]["modes"].keys())
rows = []
for r, (p, j) in enumerate(zip(pys, jas)):
    row = {"round": r + 1, "pythia_us": p["cpu_us_per_event"]}
    for m in modes:
        row[m + "_us"] = j["modes"][m]["median_us"]
        row[m + "_over_pythia"] = j["modes"][m]["median_us"] / p["cpu_us_per_event"]
    rows.append(row)
med = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k != "round"}
med["rsaSample_over_fast"] = statistics.median(r["rsaSample_us"] / r["fast_us"] for r in rows)
med["scoreSample_over_fast"] = statistics.median(r["scoreSample_us"] / r["fast_us"] for r in rows)
if "scoreTriples_us" in rows[0]:
    med["scoreTriples_over_fast"] = statistics.median(r["scoreTriples_us"] / r["fast_us"] for r in rows)
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
gxx = subprocess.run(["g++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
res = {"what": "CPU time per event, one u-ubar string at 100 GeV, pions only, decays off; Pythia 8.312 "
               "(process CPU clock around event.reset + 2 appends + next()) vs our generator (thread CPU time); "
               "rounds interleave Pythia and Java runs; medians over rounds",
       "machine": {"cpu": cpu, "cores": int(subprocess.run(["nproc"], capture_output=True, text=True).stdout),
                   "kernel": platform.release(), "java": java, "gxx": gxx,
                   "load_average_before_each_round_and_after": loads},
       "pythia": {"rounds": pys}, "ours": {"rounds": jas}, "per_round": rows, "median": med}
json.dump(res, open(out, "w"), indent=1)
print("\n%-32s %10s %10s" % ("", "µs/event", "/ Pythia"))
print("%-32s %10.2f %10s" % ("Pythia 8.312", med["pythia_us"], "1.00"))
for m in modes:
    print("%-32s %10.2f %10.2f" % (m, med[m + "_us"], med[m + "_over_pythia"]))
print("rsaSample / fast = %.2f, scoreSample / fast = %.2f%s" % (med["rsaSample_over_fast"], med["scoreSample_over_fast"],
      ", scoreTriples / fast = %.2f" % med["scoreTriples_over_fast"] if "scoreTriples_over_fast" in med else ""))
print("load average per round:", loads)
print("wrote", out)
PYEOF
