-- GET /customers (the first page) with the key in CHACHING_BENCH_KEY; with CHACHING_BENCH_PACE_MS set, each
-- connection waits that long between requests (a client keeping within its budget), else it sends as fast as
-- it can (a client flooding). bench/rate-limit.sh runs one of each.
local key = os.getenv("CHACHING_BENCH_KEY")
local pace = tonumber(os.getenv("CHACHING_BENCH_PACE_MS") or "0")
dofile("bench/statuses.lua")

function setup(thread)
  track(thread)
end

request = function()
  return wrk.format("GET", "/customers", { ["Authorization"] = "Bearer " .. key })
end

function delay()
  return pace
end
