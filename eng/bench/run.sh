#!/usr/bin/env bash
# Benchmarks CoffeeShop with wrk on loopback and, when ../shared/bench is present, the reference peers
# (FastAPI and the bare-Kestrel ceiling) in the same run, so the ratios share one machine state.
#
#   apt-get install -y wrk          (and, for the FastAPI peer: python3-fastapi python3-uvicorn python3-jinja2)
#   eng/bench/run.sh                 prints the table; raw results in artifacts/bench/<time>/
#
# Environment: PEERS (default "fastapi-w1 ceiling"; "" for CoffeeShop alone), SHARED_BENCH (the harness
# folder, default ../shared/bench), and every BENCH_* variable of the harness (duration, connections…);
# LIVE_WATCHERS (default 1000) for the live-updates measure; gRPC rows (h2load, Debian's nghttp2-client):
# BENCH_GRPC_DURATION (seconds, default 10). BENCH_ONLY=live, redis or grpc runs only that measure.
# ROUTE_SECONDS (default 10) for CoffeeShop's own routes, and ROUTES to pick them when there are no peers.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED_BENCH:-$root/../shared/bench}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$root/artifacts/bench/$stamp
app=$out/app
data=$out/data
mkdir -p "$app" "$data"

command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }

echo "== building CoffeeShop (Release)" >&2
dotnet publish "$root/CoffeeShop.Web" -c Release -o "$app" --nologo -v quiet >&2

# Production settings, with the rate limits raised out of the load's reach (the limiter still runs on every
# request) and request logs at Warning.
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__CoffeeShop="Data Source=$data/coffeeshop.db"
export Jwt__SigningKey=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
export Security__RequireHttps=false
export RateLimiting__Enabled=true
export RateLimiting__Anonymous__PermitLimit=1000000000
export RateLimiting__Authenticated__PermitLimit=1000000000
export Serilog__MinimumLevel__Default=Warning
export Bootstrap__AdminEmail=bench-admin@coffeeshop.local
export Bootstrap__AdminPassword=$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')Aa1
export DOTNET_TieredPGO=1
# No gRPC port unless a row needs one: every instance below would otherwise take the default 5081.
export Grpc__Url=

# A string field of a one-line JSON object (tokens and keys are base64url: no quotes or escapes inside).
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# First start: migrate, seed, create the admin, and issue an API key for the order POSTs.
port=18199
dotnet "$app/CoffeeShop.Web.dll" --urls "http://127.0.0.1:$port" > "$out/setup.log" 2>&1 &
setup_pid=$!
trap 'kill $setup_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.5
done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$Bootstrap__AdminEmail\",\"password\":\"$Bootstrap__AdminPassword\"}" \
  | json_field accessToken)
key=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/api-keys" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name":"benchmark","role":"Customer"}' \
  | json_field key)
kill "$setup_pid"; wait "$setup_pid" 2>/dev/null || true
trap - EXIT

export BENCH_AUTH_HEADER="X-Api-Key: $key"

# CoffeeShop's own routes that the shared harness does not load, measured with the same wrk settings.
bench_routes() {  # bench_routes ROUTE...  (ORDER: the order POST, a large oat latte: a size and an option on its line; GRAPHQL: the menu query through /graphql; BENCH_LABEL names the target)
  local port=18190 pid label=${BENCH_LABEL:-coffeeshop}
  dotnet "$app/CoffeeShop.Web.dll" --urls "http://127.0.0.1:$port" > "$out/server-extra.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  printf '%-16s %-26s %10s %8s %8s %7s\n' target route req/s p50_ms p99_ms non2xx | tee -a "$out/table.txt"
  for route in "$@"; do
    local target=http://127.0.0.1:$port$route script=() warm=3 name="GET $route"
    if [[ $route == ORDER ]]; then
      target=http://127.0.0.1:$port/api/v1/orders; script=(-s "$root/eng/bench/post-order.lua"); warm=20; name="POST /api/v1/orders"
    elif [[ $route == GRAPHQL ]]; then
      target=http://127.0.0.1:$port/graphql; script=(-s "$root/eng/bench/graphql-menu.lua"); warm=20; name="POST /graphql menuItems"
    fi
    local raw=$out/wrk$(echo "$route" | tr '/?=&' '____').txt
    wrk -t1 -c32 -d${warm}s --timeout 5s "${script[@]}" "$target" >/dev/null 2>&1 || true
    wrk -t1 -c32 -d${ROUTE_SECONDS:-10}s --timeout 5s --latency "${script[@]}" "$target" > "$raw" 2>&1 || true
    awk -v name="$name" -v label="$label" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%-16s %-26s %10s %8s %8s %7s\n", label, name, rps, p50, p99, bad+0}' \
      "$raw" | tee -a "$out/table.txt"
  done
  echo "$label peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)" | tee -a "$out/table.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# Scale-out on Redis: the same routes without and then with Redis:Configuration (a throwaway redis-server, no
# persistence), back to back, so the cost of the shared rate limits reads as a ratio of one run. With Redis, twice:
# the output cache in each instance's memory with evictions over pub/sub (coffeeshop+redis, the default), and the
# output cache stored in Redis (coffeeshop+rcache, Redis:OutputCacheStore=Redis); docs/operations.md keeps the faster.
bench_redis() {
  command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install -y redis-server (Redis rows skipped)" >&2; return 0; }
  local redis_port=18379 redis_pid routes=(/coffee/hot /api/v1/menu-items /menu ORDER)
  redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$out/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 50); do redis-cli -p $redis_port ping >/dev/null 2>&1 && break; sleep 0.1; done
  BENCH_LABEL=coffeeshop bench_routes "${routes[@]}"
  BENCH_LABEL=coffeeshop+redis Redis__Configuration=127.0.0.1:$redis_port bench_routes "${routes[@]}"
  BENCH_LABEL=coffeeshop+rcache Redis__Configuration=127.0.0.1:$redis_port Redis__OutputCacheStore=Redis bench_routes "${routes[@]}"
  kill "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
}

# Live updates: LIVE_WATCHERS (default 1000) SignalR watchers of orders receiving status changes, with the delivery
# latency (change to receipt) and the server's peak RSS. The load client is eng/bench/LiveLoad (its own project).
bench_live() {
  local port=18191 pid watchers=${LIVE_WATCHERS:-1000}
  dotnet build "$root/eng/bench/LiveLoad" -c Release -o "$out/liveload" --nologo -v quiet >&2
  Live__MaxConnectionsPerCaller=1000000 Live__ConnectAttempts__PermitLimit=1000000 \
    dotnet "$app/CoffeeShop.Web.dll" --urls "http://127.0.0.1:$port" > "$out/server-live.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  dotnet "$out/liveload/LiveLoad.dll" "http://127.0.0.1:$port" "$Bootstrap__AdminEmail" "$Bootstrap__AdminPassword" \
    "$watchers" "$(( watchers < 100 ? watchers : 100 ))" 3 2>&1 | tee -a "$out/table.txt" || true
  echo "coffeeshop live peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)" | tee -a "$out/table.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# gRPC on its own cleartext HTTP/2 port, loaded with h2load at wrk's concurrency (32 connections, one stream each).
# h2load counts HTTP statuses only, and a refused gRPC call is still HTTP 200: one curl call per row checks grpc-status 0
# first. h2load reports no percentiles: the columns are the mean and the maximum time per request.
bench_grpc() {
  command -v h2load >/dev/null || { echo "h2load not found: apt-get install -y nghttp2-client (gRPC rows skipped)" >&2; return 0; }
  local port=18191 grpc_port=18192 pid payloads=$out/grpc-payloads duration=${BENCH_GRPC_DURATION:-10}
  bash "$root/eng/bench/grpc-payloads.sh" "$payloads"
  Grpc__Url=http://127.0.0.1:$grpc_port dotnet "$app/CoffeeShop.Web.dll" --urls "http://127.0.0.1:$port" > "$out/server-grpc.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  printf '%-12s %-34s %10s %8s %8s %7s\n' target grpc-method req/s mean_ms max_ms failed | tee -a "$out/table.txt"
  local row method payload auth raw
  for row in "coffeeshop.v1.Menu/ListMenuItems list-menu-items.bin -" "coffeeshop.v1.Orders/PlaceOrder place-order.bin $BENCH_AUTH_HEADER"; do
    read -r method payload auth <<< "$row"
    local headers=(-H 'content-type: application/grpc' -H 'te: trailers')
    [[ $auth == - ]] || headers+=(-H "$BENCH_AUTH_HEADER")
    local url=http://127.0.0.1:$grpc_port/$method
    if ! curl -s --http2-prior-knowledge -X POST "${headers[@]}" --data-binary "@$payloads/$payload" -o /dev/null -D - "$url" \
        | tr -d '\r' | grep -qx 'grpc-status: 0'; then
      echo "gRPC $method did not answer grpc-status 0: row skipped (see $out/server-grpc.log)" | tee -a "$out/table.txt"
      continue
    fi
    raw=$out/h2load_${method//[\/.]/_}.txt
    h2load -t1 -c32 -m1 -D 3 -d "$payloads/$payload" "${headers[@]}" "$url" >/dev/null 2>&1 || true
    h2load -t1 -c32 -m1 -D "$duration" -d "$payloads/$payload" "${headers[@]}" "$url" > "$raw" 2>&1 || true
    awk -v name="gRPC $method" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /^finished in/ {rps=$4}
      /^requests:/ {failed=$(NF-5) + $(NF-3) + $(NF-1)}
      /^status codes:/ {non2xx=$5 + $7 + $9}
      /^time for request:/ {mean=ms($6); max=ms($5)}
      END {printf "%-12s %-34s %10s %8.2f %8.2f %7s\n", "coffeeshop", name, rps, mean, max, failed + non2xx}' "$raw" | tee -a "$out/table.txt"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

case ${BENCH_ONLY:-} in
  redis | live | grpc)
    "bench_$BENCH_ONLY"
    echo "results: $out" >&2
    exit 0
    ;;
esac

if [[ -f $shared/run-peers.sh ]]; then
  echo "== CoffeeShop and the peers from $shared" >&2
  # The harness builds the ceiling beside its sources; work on a copy so the shared folder stays untouched
  # (as root, the harness's own read-only check passes). The copy lives outside this repository, whose
  # Directory.Build.props would otherwise impose our analyzers on the ceiling; it still seeds from the shared menu.
  harness=$(mktemp -d "${TMPDIR:-/tmp}/coffeeshop-harness.XXXXXX")
  trap 'rm -rf "$harness"' EXIT
  (cd "$shared" && tar --exclude=./results --exclude=bin --exclude=obj -cf - .) | (cd "$harness" && tar -xf -)
  [[ -f $shared/../data/coffee-menu.json && -z ${MENU_JSON:-} ]] && export MENU_JSON=$(realpath "$shared/../data/coffee-menu.json")
  shared=$harness
  PEERS=${PEERS-"fastapi-w1 ceiling"} RESULTS_DIR="$out/peers" \
    EXTRA_NAME=coffeeshop EXTRA_CMD="dotnet $app/CoffeeShop.Web.dll" \
    bash "$shared/run-peers.sh" | tee "$out/table.txt" || true
  echo "== CoffeeShop routes the harness does not cover" >&2
  bench_routes /api/v1/menu-items GRAPHQL /menu/1
  echo "== CoffeeShop without and with Redis" >&2
  bench_redis
  echo "== CoffeeShop gRPC" >&2
  bench_grpc
  echo "== Live updates" >&2
  bench_live
else
  echo "== CoffeeShop alone ($shared not found: no peers to compare with)" >&2
  # shellcheck disable=SC2086 # ROUTES is a list of routes
  bench_routes ${ROUTES:-/coffee/hot /api/v1/menu-items GRAPHQL /menu /menu/1 ORDER}
  bench_redis
  bench_grpc
  bench_live
fi
echo "results: $out" >&2
