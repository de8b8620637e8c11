-- wrk script: POST /api/events, one play event per request with a unique event id, random user of the bench world.
-- User ids come from users.txt in the working folder; the write key from ENCORE_BENCH_KEY (default "encore-bench-write-key").
-- Script argument 1: a prefix that makes event ids unique across wrk processes (wrk ... -- prefix).
local users = {}
for line in io.lines("users.txt") do users[#users + 1] = line end
local key = os.getenv("ENCORE_BENCH_KEY") or "encore-bench-write-key"
local threads = 0
local prefix = "e"
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  prefix = (args[1] or "e") .. "-" .. tostring(id)
  math.randomseed(42 + id)
end

request = function()
  counter = counter + 1
  local user = users[math.random(#users)]
  local body = string.format('{"eventId":"%s-%d","user":"%s","track":"bench-track-%d","kind":"play"}',
    prefix, counter, user, math.random(100000))
  return wrk.format("POST", "/api/events", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end
