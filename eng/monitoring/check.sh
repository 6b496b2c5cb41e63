#!/usr/bin/env bash
# Checks the monitoring files with Prometheus's own promtool (Debian package `prometheus`) and jq:
#   1. alerts.yml parses and every expression is valid PromQL (promtool check rules);
#   2. every alert fires where it must and stays silent where it must not (promtool test rules);
#   3. every query of the Grafana dashboard is valid PromQL (checked as recording rules, dashboard
#      variables replaced by a match-all).
set -euo pipefail
cd "$(dirname "$0")"

promtool check rules alerts.yml
promtool test rules alerts.test.yml

queries=$(mktemp --suffix=.yml)
trap 'rm -f "$queries"' EXIT
{
  echo 'groups:'
  echo '  - name: dashboard'
  echo '    rules:'
  jq -r '[.. | objects | select(has("expr")) | .expr] | to_entries[]
         | "      - record: dashboard:query\(.key)\n        expr: \(.value | gsub("\\$instance"; ".*") | @json)"' dashboard.json
} > "$queries"
count=$(grep -c 'record:' "$queries")
promtool check rules "$queries" >/dev/null
echo "dashboard.json: $count queries are valid PromQL"
