-- Shared by the wrk scripts of bench/: one line "RESULT requests=… tps=… p50_ms=… p99_ms=… …" that the scripts parse.
function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.1f tps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d non2xx=%d\n",
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
