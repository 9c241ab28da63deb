#!/usr/bin/env bash
# bench/intake.sh with the lead's score decided by business rule tasks on Camunda 7's own DMN engine (the same
# rules/lead-score.dmn) instead of Drools; benchmark-only profile bench-camunda-dmn, see
# src/test/java/io/crmflow/lead/CamundaDmnIntakeBench.java. Usage as bench/intake.sh.
CRMFLOW_BENCH_SCORING=camunda-dmn exec "$(dirname "$0")/intake.sh" "$@"
