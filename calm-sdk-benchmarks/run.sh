#!/usr/bin/env bash
# Runs every calm-sdk benchmark (B1-B9) and writes the results into BENCHMARKS.md.
#
#   ./calm-sdk-benchmarks/run.sh            quick mode (a few minutes)
#   ./calm-sdk-benchmarks/run.sh --full     longer measurements, more rounds
#   ./calm-sdk-benchmarks/run.sh --only B1,B3 --no-report
#
# Steps: (1) package the module and the SDK modules it measures (tests skipped) and write each module's
# runtime class path; (2) resolve the runtime closures of the SAP baselines for B7; (3) run
# io.calmsdk.benchmarks.BenchmarkMain, which starts the JMH forks and the child JVMs itself.
# Set MVN_OFFLINE=1 to build offline (every dependency already in the local repository).
# BENCH_JAVA_OPTS adds JVM options to the benchmark JVM and its JMH forks (for what-if experiments).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MVN=(./mvnw -B -ntp -q)
if [[ "${MVN_OFFLINE:-0}" == "1" ]]; then
  MVN+=(-o)
fi
CP_FILE=target/runtime-classpath.txt

echo "[1/3] Building calm-sdk-benchmarks and the modules it measures (tests skipped) ..."
"${MVN[@]}" -pl calm-sdk-benchmarks,calm-sdk-cli -am -DskipTests -Djacoco.skip=true -Denforcer.skip=true \
  -Dcalm.skipJavadoc=true -Dcalm.skipSources=true \
  package dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$CP_FILE"

echo "[2/3] Resolving the SAP baseline stacks for B7 ..."
for stack in sap-token-client sap-cloud-sdk; do
  "${MVN[@]}" -f "calm-sdk-benchmarks/weights/$stack/pom.xml" dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$CP_FILE"
done

echo "[3/3] Running the benchmarks ..."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLASSPATH_ARG="calm-sdk-benchmarks/target/classes:$(cat "calm-sdk-benchmarks/$CP_FILE")"
# shellcheck disable=SC2086
exec "$JAVA" -Xmx1g -Dslf4j.internal.verbosity=ERROR ${BENCH_JAVA_OPTS:-} -cp "$CLASSPATH_ARG" io.calmsdk.benchmarks.BenchmarkMain --root "$ROOT" \
  --command "./calm-sdk-benchmarks/run.sh${*:+ $*}" "$@"
