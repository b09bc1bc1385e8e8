-- wrk script: POSTs reward issuances to TARGET_PATH, each with a new order number: rain id RAIN (unique to the
-- run), act ids striped over the threads, each request signed as business line LINE (default gala, with its
-- development secret) as issuance must be. The same requests serve the bare order app (baselines/order-app),
-- which ignores the signature.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = dir .. "?.lua;" .. package.path
local hmac = require("hmac")
local path = os.getenv("TARGET_PATH") or "/v1/rewards"
local rain = os.getenv("RAIN") or "bench"
local scene = os.getenv("SCENE") or "gala-coupon"
local award = os.getenv("AWARD") or "coupon"
local activity = os.getenv("ACTIVITY") or "gala"
local line = os.getenv("LINE") or "gala"
local secret = os.getenv("LINE_SECRET") or ("dev-secret-" .. line)
-- minor units per order: a bigger amount spends an instance's budget share sooner, so it leases more often
local amount = tonumber(os.getenv("AMOUNT") or "1")

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local n = 0
request = function()
  n = n + 1
  local body = string.format('{"actId":%d,"activityId":"%s","sceneId":"%s","rainId":"%s","awardType":"%s",'
    .. '"stage":1,"amountMinor":%d}', id * 1000000000 + n, activity, scene, rain, award, amount)
  local headers = hmac.signed_headers(line, secret, "POST", path, body, string.format("%s-%02d-%012d", rain, id, n))
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", path, headers, body)
end
