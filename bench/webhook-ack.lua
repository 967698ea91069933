-- wrk script for bench/webhook.bench.ts: POSTs pre-signed LINE webhook bodies at a steady rate.
-- wrk 4 (Debian) has no -R option, so delay() paces each request to its slot on a schedule;
-- its Lua has no HMAC either, so the bench writes "<signature>\t<body>" lines that this cycles through.
-- Usage: WEBHOOK_ACK_SEND_LOG=<file> wrk -t T -c C -d 10s -s webhook-ack.lua <url> -- <bodies file> <rate> <T>
-- done() prints one JSON line (latency in ms) and writes "<line number> <send time ms>" per request.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_usec; } bench_timeval;
int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local threads = {}
local thread_count = 0
-- done() runs in the main Lua state, which gets no script arguments: the path comes by environment.
local send_log = os.getenv("WEBHOOK_ACK_SEND_LOG")

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

-- Per thread (each has its own Lua state): its share of the bodies, its pace, what it sent.
local requests, cursor, interval, next_at
sent = {}
non2xx = 0

function init(args)
  local file, rate, nthreads = args[1], tonumber(args[2]), tonumber(args[3])
  requests = {}
  local line_number = 0
  for line in io.lines(file) do
    if line_number % nthreads == id then
      local tab = line:find("\t", 1, true)
      local headers = { ["Content-Type"] = "application/json", ["X-Line-Signature"] = line:sub(1, tab - 1) }
      table.insert(requests, { n = line_number, text = wrk.format("POST", nil, headers, line:sub(tab + 1)) })
    end
    line_number = line_number + 1
  end
  cursor = 0
  interval = 1000 * nthreads / rate
end

-- Called before each request on a connection: wait until this thread's next slot. Falling behind
-- (every connection busy) sends at once until the schedule is caught up, as an open-loop load would.
function delay()
  local t = now_ms()
  local slot = next_at or t
  next_at = slot + interval
  if slot <= t then return 0 end
  return math.floor(slot - t)
end

function request()
  cursor = cursor + 1
  local r = requests[(cursor - 1) % #requests + 1]
  sent[#sent + 1] = r.n .. " " .. string.format("%.3f", now_ms())
  return r.text
end

function response(status)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, _)
  local failed = 0
  local out = io.open(send_log, "w")
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("non2xx")
    for _, entry in ipairs(thread:get("sent")) do out:write(entry, "\n") end
  end
  out:close()
  local e = summary.errors
  io.write(string.format(
    '{"responses":%d,"durationMs":%.1f,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,' ..
    '"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}\n',
    summary.requests, summary.duration / 1000, failed, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
