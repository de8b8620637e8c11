-- wrk script: GET /api/users/{random user}/recommendations?k=10 over the bench world's user ids.
-- User ids are read from users.txt in the working folder (one id a line),
-- written by: dotnet bench/Encore.Bench.Service/bin/Release/net10.0/Encore.Bench.Service.dll users > bench/wrk/users.txt
local users = {}
for line in io.lines("users.txt") do users[#users + 1] = line end
math.randomseed(42)

request = function()
  local user = users[math.random(#users)]
  return wrk.format("GET", "/api/users/" .. user .. "/recommendations?k=10")
end
