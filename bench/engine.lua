-- wrk script for bench/engine.sh: the bare engine through /engine-rest as admin (a Camunda administrator, so Camunda
-- skips its authorization queries: the engine's best case).
--   BENCH_ENGINE=version   GET /engine-rest/version (authentication, filters, REST layer; no engine command)
--   BENCH_ENGINE=start     POST /engine-rest/process-definition/key/bench-engine/start with BENCH_VARS variables:
--                          17 (what lead-qualification starts with: ids, names, contact, source, region, grade, score…)
--                          or 2 (leadId and grade); grades A–D in turn, so one in four ends at once like a nurtured lead
local kind = os.getenv("BENCH_ENGINE") or "version"
local nvars = tonumber(os.getenv("BENCH_VARS") or "17")
local run = tonumber(os.getenv("BENCH_RUN") or "0")
local threads = {}
local grades = {"A", "B", "C", "D"}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  wrk.headers["Authorization"] = "Basic YWRtaW46YWRtaW4=" -- admin:admin
  if kind == "start" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
end

local function var(name, value, type)
  if type == "String" then value = '"' .. value .. '"' end
  return string.format('"%s":{"value":%s,"type":"%s"}', name, value, type)
end

function request()
  if kind ~= "start" then return wrk.format("GET", "/engine-rest/version") end
  n = n + 1
  local tag = "r" .. run .. "t" .. tid .. "n" .. n
  local id = run * 100000000 + tid * 10000000 + n
  local vars = {var("leadId", id, "Long"), var("grade", grades[n % 4 + 1], "String")}
  if nvars > 2 then
    local more = {
      var("leadName", "压测 " .. tag, "String"), var("company", "Bench Co " .. tag, "String"),
      var("email", tag .. "@b****.example", "String"), var("phone", "+86 1** **** " .. n % 10000, "String"),
      var("source", "WEBSITE", "String"), var("region", "EAST", "String"), var("industry", "HOSPITAL", "String"),
      var("productLine", "DEVICES", "String"), var("score", 40 + n % 60, "Integer"), var("route", "ASSIGN", "String"),
      var("regionManager", "mia", "String"), var("followUpDue", '"2030-01-01T09:00:00.000+0800"', "Date"),
      var("contactDue", '"2030-01-02T09:00:00.000+0800"', "Date"), var("ruleSetVersion", 1, "Integer"),
      var("submittedBy", "admin", "String")}
    for i = 1, math.min(nvars - 2, #more) do vars[#vars + 1] = more[i] end
  end
  return wrk.format(nil, "/engine-rest/process-definition/key/bench-engine/start", nil,
    '{"variables":{' .. table.concat(vars, ",") .. '}}')
end

dofile("bench/lib/wrk_result.lua")
