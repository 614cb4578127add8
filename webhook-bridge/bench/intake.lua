-- Signed GitHub workflow_job deliveries for wrk, a fresh X-GitHub-Delivery per request.
-- Env: BODY (file to send), SIG (its hex HMAC-SHA256 with the server's secret).
local f = assert(io.open(os.getenv("BODY"), "rb"))
local body = f:read("*a")
f:close()
local signature = "sha256=" .. assert(os.getenv("SIG"), "set SIG")
local counter = 0
local prefix = ""
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  prefix = tostring(tid) .. "-" .. tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
  n = 0
end
function request()
  n = n + 1
  return wrk.format("POST", "/webhooks/github", {
    ["Content-Type"] = "application/json",
    ["X-GitHub-Event"] = "workflow_job",
    ["X-Hub-Signature-256"] = signature,
    ["X-GitHub-Delivery"] = prefix .. "-" .. n
  }, body)
end
local codes = {}
function response(status, headers, body)
  if status ~= 202 then codes[status] = (codes[status] or 0) + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("requests=%d rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms non2xx=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50)/1000, latency:percentile(90)/1000,
    latency:percentile(99)/1000, latency.max/1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
