-- Sets the request headers for wrk from the environment: WRK_TOKEN (Bearer) and WRK_TENANT (X-Tenant-ID).
-- No response() callback on purpose: it would cost wrk CPU on a 2-core machine shared with the server.
-- wrk itself reports "Non-2xx or 3xx responses" (e.g. 429 from the rate limiter), which the scripts record.
-- Optional: WRK_IF_NONE_MATCH (a conditional GET), WRK_BODY_FILE (POST that JSON body), WRK_METHOD (e.g. a
-- body-less POST).
local token = os.getenv("WRK_TOKEN")
local tenant = os.getenv("WRK_TENANT")
wrk.headers["Accept"] = "application/json"
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if tenant and tenant ~= "" then wrk.headers["X-Tenant-ID"] = tenant end
local etag = os.getenv("WRK_IF_NONE_MATCH")
if etag and etag ~= "" then wrk.headers["If-None-Match"] = etag end
local bodyFile = os.getenv("WRK_BODY_FILE")
if bodyFile and bodyFile ~= "" then
  local f = assert(io.open(bodyFile, "r"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
local method = os.getenv("WRK_METHOD")
if method and method ~= "" then wrk.method = method end
