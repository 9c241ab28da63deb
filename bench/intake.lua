-- wrk script for bench/intake.sh: every request is a new lead (unique email, phone and company, so de-duplication never
-- merges two of them) with a fixed, deterministic mix of sources, regions, product lines and visit/dwell values, i.e.
-- of grades A–D (D goes to nurturing) and of assigned and pooled leads. Same mix for both scoring variants.
local threads = {}
local sources = {"REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER"}
local regions = {"EAST", "SOUTH", "NORTH", "SOUTHWEST"}
local industries = {"HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"}
local lines = {"DEVICES", "CONSUMABLES", "OTC", "PRESCRIPTION"}
local visits = {12, 7, 3, 0}
local dwells = {700, 400, 120, 10}
local run = tonumber(os.getenv("BENCH_RUN") or "0") -- 0–99, one per wrk run on the same database

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic bWlhOm1pYQ==" -- mia:mia, a sales manager (any sales user may submit)
end

function request()
  n = n + 1
  local tag = "r" .. run .. "t" .. tid .. "n" .. n
  local body = string.format(
    '{"name":"压测 %s","company":"Bench Co %s","email":"%s@bench.example","phone":"+86 1%02d%02d%06d",' ..
    '"source":"%s","region":"%s","industry":"%s","productLine":"%s","visits30d":%d,"dwellSeconds":%d}',
    tag, tag, tag, run, tid, n,
    sources[n % 8 + 1], regions[(n + tid) % 4 + 1], industries[n % 3 + 1], lines[math.floor(n / 2) % 2 + 1],
    visits[n % 4 + 1], dwells[math.floor(n / 4) % 4 + 1])
  return wrk.format(nil, "/api/leads", nil, body)
end

dofile("bench/lib/wrk_result.lua") -- done(): the RESULT line (wrk runs from the repository root)
