-- Quick sales for wrk: POST /api/v1/orders with the bodies of WRK_BODIES (one JSON a line, as
-- `WorkflowBench bodies` writes them: 3 lines and a cash tender of the total, outlets and customers in
-- turn), cycled, and an Idempotency-Key of its own on every request: a random prefix per wrk thread
-- (from /dev/urandom, so runs and threads never share a key) and a counter. Headers: WRK_TOKEN, WRK_TENANT.
local token = os.getenv("WRK_TOKEN")
local tenant = os.getenv("WRK_TENANT")
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES")) do
  if line ~= "" then bodies[#bodies + 1] = line end
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["X-Tenant-ID"] = tenant

local prefix = "wrk-"
local n = 0

function init(args)
  local f = assert(io.open("/dev/urandom", "rb"))
  local bytes = f:read(8)
  f:close()
  prefix = "wrk-" .. bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end) .. "-"
end

function request()
  n = n + 1
  wrk.headers["Idempotency-Key"] = prefix .. n
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end
