-- GET /customers/{externalKey} for random customers among the seeded ones (bench-1 … bench-N).
local key = os.getenv("CHACHING_BENCH_KEY")
local customers = tonumber(os.getenv("CHACHING_BENCH_CUSTOMERS") or "1000000")
dofile("bench/statuses.lua")

function setup(thread)
  track(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + id)
end

request = function()
  local n = math.random(1, customers)
  return wrk.format("GET", "/customers/bench-" .. n, { ["Authorization"] = "Bearer " .. key })
end
