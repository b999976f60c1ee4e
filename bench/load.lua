-- wrk script for fan-memory. Args: mode mean_delay_ms targets_file run_id calibrate|engagement bulk_size
--   modes: healthz | context | context_query | recall | save | bulk | mix
-- targets_file lines: "<api key> <fan_id>"; done() prints one JSON line of results.
local counter, threads = 0, {}
local targets, mode, delay_ms, run_id, step, current, calibrate = {}, "healthz", 0, "r", 0, nil, "engagement"
local fans_of, bulk_size = {}, 100

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
  table.insert(threads, thread)
end

function init(args)
  mode, delay_ms, run_id, calibrate = args[1], tonumber(args[2]), args[4], args[5] or "engagement"
  bulk_size = tonumber(args[6] or "100")
  for line in io.lines(args[3]) do
    local key, fan = line:match("^(%S+) (%S+)$")
    if key then
      table.insert(targets, {key = key, fan = fan})
      fans_of[key] = fans_of[key] or {}
      table.insert(fans_of[key], fan)
    end
  end
  math.randomseed(os.time() * 1000 + thread_id)
end

function delay()
  if delay_ms <= 0 then return 0 end
  return math.random(0, 2 * delay_ms)  -- Poisson-like spacing around the mean
end

local function pick() return targets[math.random(#targets)] end

local function auth(key)
  return {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
end

local function save(target)
  step = step + 1
  local body = string.format(
    '{"event_id":"%s-%d-%d","fan_id":"%s","type":"message","message":{"content":"hey babe, how was your day? did you go to the gym today? 😍","sender":"fan"}}',
    run_id, thread_id, step, target.fan)
  return wrk.format("POST", "/api/v1/interactions/", auth(target.key), body)
end

local function context(target)
  return wrk.format("GET", "/api/v1/fans/" .. target.fan .. "/context/", auth(target.key))
end

-- Questions the assistant could ask of a long history.
local questions = {"how was the gym", "what is your dog called", "custom video for my birthday",
                   "une journée horrible au travail", "do you like cosplay", "what did I say about my day"}

local function context_query(target)
  local question = questions[math.random(#questions)]:gsub("[^%w]", function(c) return string.format("%%%02X", c:byte()) end)
  return wrk.format("GET", "/api/v1/fans/" .. target.fan .. "/context/?recall=8&query=" .. question, auth(target.key))
end

local function recall(target)
  local body = '{"k":10,"query":"' .. questions[math.random(#questions)] .. '"}'
  return wrk.format("POST", "/api/v1/fans/" .. target.fan .. "/recall/", auth(target.key), body)
end

local function bulk(target)
  -- bulk_size fans of the same creator, as the assistant asks for an inbox page
  local ids, fans = {}, fans_of[target.key]
  for i = 1, bulk_size do table.insert(ids, '"' .. fans[math.random(#fans)] .. '"') end
  return wrk.format("POST", "/api/v1/fans/bulk-context/", auth(target.key), '{"fan_ids":[' .. table.concat(ids, ",") .. ']}')
end

local function recalibrate(target)
  if calibrate == "calibrate" then
    return wrk.format("POST", "/api/v1/fans/" .. target.fan .. "/personality/calibrate/", auth(target.key), "{}")
  end
  return wrk.format("GET", "/api/v1/fans/" .. target.fan .. "/engagement/", auth(target.key))
end

function request()
  if mode == "healthz" then return wrk.format("GET", "/healthz") end
  if mode == "context" then return context(pick()) end
  if mode == "context_query" then return context_query(pick()) end
  if mode == "recall" then return recall(pick()) end
  if mode == "save" then return save(pick()) end
  if mode == "bulk" then return bulk(pick()) end
  -- mix: 70% message flow (save then context of the same fan), 20% bulk, 10% recalibration
  if current then local target = current; current = nil; return context(target) end
  local roll = math.random(100)
  if roll <= 70 then current = pick(); return save(current) end
  if roll <= 90 then return bulk(pick()) end
  return recalibrate(pick())
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"status_errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.timeout, e.status))
end
