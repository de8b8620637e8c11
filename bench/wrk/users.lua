-- wrk script: GET /api/users/{random user}/recommendations?k=10 over the bench world's user ids.
-- User ids are read from users.txt in the working folder (one id a line),
-- written by: dotnet bench/Encore.Bench.Service/bin/Release/net10.0/Encore.Bench.Service.dll users > bench/wrk/users.txt
-- bench/wrk/run.sh starts the server, runs this script at several connection counts and stops the server.
local users = {}
for line in io.lines("users.txt") do users[#users + 1] = line end
math.randomseed(42)

request = function()
  local user = users[math.random(#users)]
  return wrk.format("GET", "/api/users/" .. user .. "/recommendations?k=10")
end

-- One machine-readable line: latencies in ms from wrk's histogram (microseconds), errors of every kind summed.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("PCT requests=%d rps=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
