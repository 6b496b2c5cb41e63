-- wrk script: POST one order per request, with the API key from BENCH_AUTH_HEADER ("X-Api-Key: ...").
-- The line is a drink as people order it (issue 12): a large latte with oat milk, so the row prices a size and an
-- option (and the latte's milk group) on every request. The FastAPI peer's row stays its plain POST, for comparison.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH_HEADER")
if auth then
  local name, value = auth:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
wrk.body = '{"customerName":"Ann","notes":"","lines":[{"menuItemId":2,"quantity":1,"size":"large","options":[{"code":"oat-milk"}]}]}'
