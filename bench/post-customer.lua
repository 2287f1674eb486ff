-- POST /customers with a new customer each time (the id becomes its key).
local key = os.getenv("CHACHING_BENCH_KEY")
local counter = 0
dofile("bench/statuses.lua")

function setup(thread)
  track(thread)
  thread:set("tag", tostring(math.random(1, 1000000000)))
end

request = function()
  counter = counter + 1
  local body = '{"name":"Load ' .. tag .. '-' .. counter .. '","email":"load' .. tag .. '-' .. counter .. '@bench.test"}'
  return wrk.format("POST", "/customers", {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json"
  }, body)
end
