-- wrk script: POST one order per request, with the API key from BENCH_AUTH_HEADER ("X-Api-Key: ...").
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local auth = os.getenv("BENCH_AUTH_HEADER")
if auth then
  local name, value = auth:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
wrk.body = '{"customerName":"Ann","notes":"","lines":[{"menuItemId":1,"quantity":2}]}'
