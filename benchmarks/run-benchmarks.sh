#!/usr/bin/env bash
# Runs the shaded JMH jar with the given JMH arguments, saving the JSON result as
# benchmarks/results/<name>-<UTC date>.json and the machine description next to it as .txt.
# Usage: benchmarks/run-benchmarks.sh <name> [JMH arguments...]
# e.g.   benchmarks/run-benchmarks.sh arithmetic -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc ArithmeticBenchmark
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <name> [JMH arguments...]" >&2
  exit 2
fi
name=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -B package -DskipTests -pl benchmarks -am" >&2; exit 1; }
stamp=$(date -u +%Y%m%dT%H%MZ)
out="$here/results/$name-$stamp"
mkdir -p "$here/results"
describe() {
  echo "date (UTC): $(date -u +%FT%TZ)"
  echo "git commit: $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$here" diff --quiet 2>/dev/null || echo ' (dirty)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | tr '\n' ' ')"
  echo "jmh arguments: $*"
}
describe "$@" > "$out.txt.tmp"
java -jar "$jar" "$@" -rf json -rff "$out.json.tmp" | tee "$out.log.tmp"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out.txt.tmp"
mv "$out.json.tmp" "$out.json"
mv "$out.txt.tmp" "$out.txt"
mv "$out.log.tmp" "$out.log"
echo "wrote $out.json, $out.txt and $out.log"
