-- wrk script: GET PATH_PREFIX..id for ids in [FIRST_USER, FIRST_USER + USER_COUNT), uniformly at random
-- (each thread its own seed), or each id once in turn with SEQUENTIAL=1 (ids striped over the threads)
local prefix = os.getenv("PATH_PREFIX") or "/v1/wallet/"
local first = tonumber(os.getenv("FIRST_USER") or "1")
local count = tonumber(os.getenv("USER_COUNT") or "10000")
local sequential = os.getenv("SEQUENTIAL") == "1"
-- PACE_MS > 0: each connection waits that long before each request (a paced, not saturating, load)
local pace = tonumber(os.getenv("PACE_MS") or "0")

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local turn = 0
function init(args)
  math.randomseed(42 + id)
end

request = function()
  local offset
  if sequential then
    offset = (turn * 2 + id) % count
    turn = turn + 1
  else
    offset = math.random(0, count - 1)
  end
  return wrk.format("GET", prefix .. (first + offset))
end

if pace > 0 then
  delay = function()
    return pace
  end
end
