-- Counts every response's status, in each wrk thread, and prints the totals when wrk is done, one line
-- each ("status 200: 123456"). bench/run.sh fails the benchmark when any status is not the one expected:
-- a rate of errors is no result. A script loads this with dofile and calls track(thread) in its setup.
local threads = {}

function track(thread)
  table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
