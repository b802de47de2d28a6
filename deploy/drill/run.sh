#!/usr/bin/env bash
# The maprule failover drill (deploy/drill/README.md): HAProxy STANDS IN FOR THE CDN (CloudFront),
# two local `maprule serve` processes stand for AWS and Azure, and a paced stream of CE requests
# runs through HAProxy while origins are killed, serve an invalid rule set, and the traffic mode
# is switched. Prints a figures table; exit 0 when every counted scenario had 0 failed CE
# requests, 0 wrong bodies and every check ok, 1 when not, 2 when it cannot run.
#
#   deploy/drill/run.sh [--rate N] [--phase N] [--seed S]     (defaults 200 requests/s, 600, 1)
#
# Needs Java 17+, deploy/target/maprule.jar and deploy/drill/target/maprule-drill.jar
# (./mvnw -q -DskipTests package -pl deploy,deploy/drill -am) and haproxy on the PATH (Debian:
# apt-get install -y haproxy). Loopback only; ports are chosen free; every process it starts is
# stopped on exit. DRILL_KEEP=1 keeps the work folder (logs). MAPRULE_JAR and MAPRULE_DRILL_JAR
# point at other builds of the two jars.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${MAPRULE_JAR:-$root/deploy/target/maprule.jar}"
drill_jar="${MAPRULE_DRILL_JAR:-$root/deploy/drill/target/maprule-drill.jar}"

for f in "$jar" "$drill_jar"; do
  if [[ ! -f "$f" ]]; then
    echo "drill: $f is missing; build it first: ./mvnw -q -DskipTests package -pl deploy,deploy/drill -am" >&2
    exit 2
  fi
done
if ! command -v haproxy >/dev/null 2>&1; then
  echo "drill: haproxy is not installed (Debian: apt-get install -y haproxy)" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/maprule-drill.XXXXXX")"
drill_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$drill_pid" ]] && kill -0 "$drill_pid" 2>/dev/null; then
    kill "$drill_pid" 2>/dev/null || true   # its shutdown hook stops HAProxy and the origins
    wait "$drill_pid" 2>/dev/null || true
  fi
  # Anything still running that the drill started: by pid, and only when its command line names
  # this drill's own work folder (a recycled pid belongs to someone else).
  if [[ -f "$work/pids" ]]; then
    while read -r pid; do
      if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$work"; then
        kill -9 "$pid" 2>/dev/null || true
      fi
    done <"$work/pids"
  fi
  if [[ -n "${DRILL_KEEP:-}" ]]; then
    echo "drill: work folder kept: $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The drill (org.maprule.drill, built by Maven) with maprule's classes from maprule.jar; the
# user's options come last, and the last value of a repeated option wins (--config FILE).
java -cp "$drill_jar:$jar" org.maprule.drill.Drill --jar "$jar" --work "$work" \
  --config "$here/haproxy.cfg" --invalid-rules "$here/invalid-rules.json" "$@" &
drill_pid=$!
set +e
wait "$drill_pid"
status=$?
set -e
drill_pid=""
exit "$status"
