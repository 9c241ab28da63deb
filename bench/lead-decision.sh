#!/usr/bin/env bash
# Score + assign one lead (BENCHMARKS.md "Score + assign one lead", issue 25): LeadDecisionBenchmark alone, the decision
# before and after the per-rule-set-version caches in one JMH run, in-process (no database, no port):
#   *BeforeCaches  lead-score.dmn evaluated every time, then the assignment DRL of before the caches
#                  (src/test/resources/bench/lead-assignment-before.drl: the team as one fact walked with `from`) in a new
#                  KIE session per decision
#   *Rules         the product: the score remembered per class of inputs and version (RuleSet.evaluateRemembered), the
#                  assignment in a pooled session of the version that keeps the team and updates only changed reps
#                  (RuleSet.fire)
#   *PlainJava     docs/product.md §3.2/§3.3 hand-written (the target: *Rules within 2× of it)
# over three workloads: same* (one lead again and again, team unchanged: the floor), rotating* (4 096 random leads in
# turn, team unchanged), intake* (fresh random leads, and after every decision the winner gets one open lead more and
# another rep one fewer, so the pooled session updates two reps per decision; the score inputs are fresh, but fall into
# the table's few hundred classes, which the score cache keys by), plus
# the score table alone on Drools (uncached) and on Camunda's DMN engine.
# Usage: bench/lead-decision.sh [forks] [warm-up iterations] [measured iterations]   (defaults 1 3 5, 2 s each: ≈ 5 min)
# Prints JMH's table (µs per lead) and each workload's ratios to plain Java; JSON in target/jmh-lead-decision.json.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
forks=${1:-1}
warmups=${2:-3}
iterations=${3:-5}
./mvnw -q -B -DskipTests test-compile
classpath=$(./mvnw -q -B exec:exec -Dexec.executable=echo -Dexec.classpathScope=test -Dexec.args='%classpath')
java -cp "$classpath" org.openjdk.jmh.Main 'io\.crmflow\.bench\.LeadDecisionBenchmark\.' -f "$forks" -wi "$warmups" -i "$iterations" \
    -w 2 -r 2 -rf json -rff target/jmh-lead-decision.json | grep -vE '^[0-9:.]+ \[.*\] (INFO|WARN) '
echo "uptime: $(uptime)"
python3 - <<'PY'
import json
scores = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open("target/jmh-lead-decision.json"))}
print("\nworkload   before-caches  rules   plain-java  (µs per lead)   rules/java  before/java  before/rules")
for workload in ("same", "rotating", "intake"):
    before, rules, java = (scores.get(workload + name) for name in ("BeforeCaches", "Rules", "PlainJava"))
    if None not in (before, rules, java):
        print(f"{workload:<10} {before:13.1f} {rules:7.1f} {java:11.2f} {'':16} {rules / java:9.1f}× {before / java:10.1f}× {before / rules:11.1f}×")
PY
