-- wrk script: GET PATH_PREFIX..id for ids in [FIRST_USER, FIRST_USER + USER_COUNT), uniformly at random
-- (each thread its own seed), or each id once in turn with SEQUENTIAL=1 (ids striped over the threads; a thread
-- stops sending once its share is answered, though wrk still waits out -d).
-- Who calls: with CALLER_SECRET, straight to a service as the gateway would, with a caller assertion for the
-- user signed with that secret; with TOKENS_FILE (line i: a bearer token for user FIRST_USER + i - 1), through
-- the gateway as the app user, GET PATH_PREFIX.."me".
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = dir .. "?.lua;" .. package.path
local hmac = require("hmac")
local caller_secret = os.getenv("CALLER_SECRET")
if caller_secret == "" then caller_secret = nil end
local tokens_file = os.getenv("TOKENS_FILE")
if tokens_file == "" then tokens_file = nil end
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
local tokens = {}
function init(args)
  math.randomseed(42 + id)
  if tokens_file then
    for token in io.lines(tokens_file) do tokens[#tokens + 1] = token end
  end
end

local function build(offset)
  if tokens_file then
    return wrk.format("GET", prefix .. "me", { ["Authorization"] = "Bearer " .. tokens[offset % #tokens + 1] })
  end
  local path = prefix .. (first + offset)
  if caller_secret then
    local assertion = "sub=" .. (first + offset) .. ";admin=false;ts=" .. os.time()
    return wrk.format("GET", path, {
      ["X-Wallet-Caller"] = assertion,
      ["X-Wallet-Caller-Signature"] = "v1=" .. hmac.hmac_sha256_hex(caller_secret, "GET\n" .. path .. "\n" .. assertion),
    })
  end
  return wrk.format("GET", path)
end

-- Each id's request is built once and reused for 30 s (a caller assertion is valid for 60 s): signing it in pure
-- Lua cost wrk about 31 us of CPU per request against 15 us unsigned, on the same two cores as the service, so the
-- load generator took a larger share of the box for signed targets than for the bare app. The service still
-- verifies every assertion it gets.
local built = {}
request = function()
  local offset
  if sequential then
    offset = (turn * 2 + id) % count
    turn = turn + 1
  else
    offset = math.random(0, count - 1)
  end
  local now = os.time()
  local entry = built[offset]
  if entry == nil or now - entry[1] >= 30 then
    entry = { now, build(offset) }
    built[offset] = entry
  end
  return entry[2]
end

-- SEQUENTIAL: stop once this thread's share of the ids is answered (the ids are striped over 2 threads: wrk -t2)
local answered = 0
if sequential then
  response = function()
    answered = answered + 1
    if answered >= math.ceil(count / 2) then wrk.thread:stop() end
  end
end

if pace > 0 then
  delay = function()
    return pace
  end
end
