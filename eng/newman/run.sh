#!/usr/bin/env bash
# Runs the Postman collection (docs/CoffeeShop.postman_collection.json) with newman against a running CoffeeShop,
# RUNS times in a row on the same server (default 2: the second run shows the collection runs again cleanly).
#
#   eng/newman/run.sh BASE_URL [RUNS]        e.g. eng/newman/run.sh http://localhost:5080
#
# The server must have the Development demo accounts (`dotnet run --project CoffeeShop.Web`), or pass their
# emails and passwords to the collection through NEWMAN_ARGS (e.g. "--env-var adminPassword=...").
# Installs newman from eng/newman/package-lock.json (`npm ci`) when node_modules is missing or older than the lockfile.
# Leaves newman's full output and a JUnit report per run in TestResults/ci/ (NEWMAN_RESULTS_DIR overrides):
# newman-run-N.txt and newman-run-N.xml. Prints each run's summary and its failures.
# Exits 0 when every assertion of every run passed, 1 when one failed or a request could not be sent, 2 on bad usage.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if (( $# < 1 || $# > 2 )); then
  echo "usage: eng/newman/run.sh BASE_URL [RUNS]" >&2
  exit 2
fi
base_url=$1
runs=${2:-2}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, not '$runs'" >&2; exit 2; }
results_dir=${NEWMAN_RESULTS_DIR:-$repo/TestResults/ci}
collection=$repo/docs/CoffeeShop.postman_collection.json
read -r -a extra_args <<<"${NEWMAN_ARGS:-}"

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (Debian: apt-get install nodejs npm)" >&2; exit 2; }
done

newman=$here/node_modules/.bin/newman
if [[ ! -x $newman || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
  echo "Installing newman (npm ci in eng/newman)..."
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
fi

mkdir -p "$results_dir"
status=0
for run in $(seq 1 "$runs"); do
  output=$results_dir/newman-run-$run.txt
  report=$results_dir/newman-run-$run.xml
  code=0
  timeout --kill-after=10 600 "$newman" run "$collection" \
    --env-var "baseUrl=$base_url" \
    --reporters cli,junit --reporter-junit-export "$report" \
    --color off --timeout-request 30000 "${extra_args[@]}" </dev/null >"$output" 2>&1 || code=$?

  echo "newman run $run of $runs against $base_url: exit $code (full output: ${output#"$repo"/})"
  # The summary table and the numbered failures come last in the CLI reporter's output.
  summary=$(sed -n '/^┌/,$p' "$output" | sed 's/\x1b\[[0-9;]*m//g')
  if [[ -n $summary ]]; then
    echo "$summary"
  else
    tail -n 40 "$output" | sed 's/\x1b\[[0-9;]*m//g'
  fi
  (( code == 0 )) || status=1
done

exit "$status"
