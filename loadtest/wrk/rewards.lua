-- wrk script: POSTs reward issuances to TARGET_PATH, each with a new order number: rain id RAIN (unique to the
-- run), act ids striped over the threads. The same body serves the bare order app (baselines/order-app).
local path = os.getenv("TARGET_PATH") or "/v1/rewards"
local rain = os.getenv("RAIN") or "bench"
local scene = os.getenv("SCENE") or "gala-coupon"
local award = os.getenv("AWARD") or "coupon"
local activity = os.getenv("ACTIVITY") or "gala"

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local n = 0
request = function()
  n = n + 1
  local body = string.format('{"actId":%d,"activityId":"%s","sceneId":"%s","rainId":"%s","awardType":"%s",'
    .. '"stage":1,"amountMinor":1}', id * 1000000000 + n, activity, scene, rain, award)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
