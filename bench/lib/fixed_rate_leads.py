#!/usr/bin/env python3
"""Open-loop lead intake for bench/load.sh (Python standard library only).

POSTs a new lead to http://127.0.0.1:<port>/api/leads at a fixed rate, whether or not earlier requests were answered
(unlike wrk, which waits for each answer and so slows down with the server). Latency is counted from the moment a
request was *due*, so a server that falls behind shows it in the latency instead of in a lower request rate.
Every lead is new: its externalId, email, phone and company are unique, so de-duplication never merges two.

While the load runs, a full GC is forced (jcmd GC.run) every --heap-every seconds and the heap after it is read from
the JVM's GC log. Exit status 0 only
if every request got 201 and the mean heap after GC of the last third of the run is at most 20 % + 8 MB above the
mean of the first third. Stops by itself: --warmup + --seconds of sending, then at most --timeout for the last answers.
"""
import argparse
import base64
import http.client
import json
import math
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

SOURCES = ["REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER"]
REGIONS = ["EAST", "SOUTH", "NORTH", "SOUTHWEST"]
INDUSTRIES = ["HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"]
PRODUCT_LINES = ["DEVICES", "CONSUMABLES", "OTC", "PRESCRIPTION"]
VISITS = [12, 7, 3, 0]
DWELL_SECONDS = [700, 400, 120, 10]
HEAP_GROWTH_FACTOR = 1.20
HEAP_GROWTH_SLACK_MB = 8.0


def lead(run, n):
    """The n-th lead of a run: a fixed mix of sources, regions and visit/dwell values, i.e. of grades A–D."""
    tag = f"load{run}n{n}"
    return {
        "externalId": tag,
        "name": f"压测 {tag}",
        "company": f"Load Co {tag}",
        "email": f"{tag}@load.example",
        "phone": f"+86 1{run % 100:02d}{n:08d}",
        "source": SOURCES[n % len(SOURCES)],
        "region": REGIONS[n // 2 % len(REGIONS)],
        "industry": INDUSTRIES[n // 3 % len(INDUSTRIES)],
        "productLine": PRODUCT_LINES[n // 5 % len(PRODUCT_LINES)],
        "visits30d": VISITS[n // 7 % len(VISITS)],
        "dwellSeconds": DWELL_SECONDS[n // 11 % len(DWELL_SECONDS)],
    }


class Client:
    """One keep-alive connection per worker thread."""

    def __init__(self, port, user, timeout):
        self.port = port
        self.timeout = timeout
        self.headers = {
            "Content-Type": "application/json",
            "Authorization": "Basic " + base64.b64encode(user.encode()).decode(),
        }
        self.local = threading.local()
        self.reconnects = 0
        self.reconnects_lock = threading.Lock()

    def post(self, body):
        while True:
            connection = getattr(self.local, "connection", None)
            reused = connection is not None
            if connection is None:
                connection = self.local.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                connection.request("POST", "/api/leads", body=json.dumps(body).encode(), headers=self.headers)
                response = connection.getresponse()
                text = response.read()
                return response.status, text[:300].decode(errors="replace")
            except (OSError, http.client.HTTPException) as failure:
                connection.close()
                self.local.connection = None
                # A kept-alive connection that the server closed while it was idle fails on its next use, before the
                # server read anything: that request goes again, once, on a new connection. (Were it delivered twice,
                # the second answer would be 200 for the same externalId and count as an error.)
                if not (reused and isinstance(failure, (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected))):
                    return None, f"{type(failure).__name__}: {failure}"
                with self.reconnects_lock:
                    self.reconnects += 1


FULL_GC = re.compile(r"Pause Full \(Diagnostic Command\) (\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\) ([\d.]+)ms")
UNIT_MB = {"K": 1 / 1024, "M": 1, "G": 1024}


def heap_after_gc_mb(pid, gc_log):
    """A full GC (jcmd GC.run), read back from the JVM's own GC log (-Xlog:gc): heap after it and its pause."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True, timeout=120)
    with open(gc_log) as log:
        full = [match for match in map(FULL_GC.search, log) if match]
    after_mb = int(full[-1].group(3)) * UNIT_MB[full[-1].group(4)]
    with open(f"/proc/{pid}/status") as status:
        rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return after_mb, rss_kb / 1024, float(full[-1].group(5)) / 1000


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, max(0, math.ceil(p / 100 * len(sorted_values)) - 1))]


def summary(latencies):
    values = sorted(latencies)
    return {"count": len(values), "p50_ms": percentile(values, 50), "p90_ms": percentile(values, 90),
            "p99_ms": percentile(values, 99), "max_ms": values[-1] if values else float("nan")}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the application's JVM, for the heap samples")
    parser.add_argument("--gc-log", required=True, help="that JVM's -Xlog:gc file")
    parser.add_argument("--rate", type=float, default=20.0, help="leads per second")
    parser.add_argument("--seconds", type=int, default=300, help="measured duration")
    parser.add_argument("--warmup", type=int, default=30, help="seconds at the same rate before measuring")
    parser.add_argument("--heap-every", type=int, default=60, help="seconds between heap samples")
    parser.add_argument("--user", default="mia:mia")
    parser.add_argument("--run", type=int, default=int(time.time()) % 100, help="makes leads unique across runs")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds a request may take")
    parser.add_argument("--workers", type=int, default=64, help="requests in flight at most")
    parser.add_argument("--report", help="write the results as JSON here")
    options = parser.parse_args()

    client = Client(options.port, options.user, options.timeout)
    total = int(round(options.rate * (options.warmup + options.seconds)))
    warmup_requests = int(round(options.rate * options.warmup))
    results = [None] * total  # (due offset s, latency ms, status, detail)
    heap = []

    def send(n, due):
        status, detail = client.post(lead(options.run, n))
        results[n] = (due - start, (time.monotonic() - due) * 1000, status, detail)

    def sample_heap():
        for k in range(options.seconds // options.heap_every + 1):
            at = measure_start + k * options.heap_every
            time.sleep(max(0.0, at - time.monotonic()))
            used, rss, gc_seconds = heap_after_gc_mb(options.pid, options.gc_log)
            heap.append({"t_s": round(time.monotonic() - measure_start, 1), "heap_after_gc_mb": round(used, 1),
                         "rss_mb": round(rss, 1), "full_gc_pause_s": round(gc_seconds, 3)})
            print(f"heap t={heap[-1]['t_s']:.0f}s after full GC {used:.1f} MB (pause {gc_seconds:.2f} s), RSS {rss:.0f} MB", flush=True)

    start = time.monotonic()
    measure_start = start + options.warmup
    sampler = threading.Thread(target=sample_heap, daemon=True)
    sampler.start()
    pending = []
    worst_send_lag = 0.0
    with ThreadPoolExecutor(max_workers=options.workers) as pool:
        for n in range(total):
            due = start + n / options.rate
            lag = time.monotonic() - due
            if lag < 0:
                time.sleep(-lag)
            worst_send_lag = max(worst_send_lag, lag)
            pending.append(pool.submit(send, n, due))
        sending_ended = time.monotonic()
        wait(pending, timeout=options.timeout + 5)
        sampler.join(timeout=options.heap_every + 60)
        unanswered = sum(1 for future in pending if not future.done())
        pool.shutdown(wait=False, cancel_futures=True)

    measured = [r for r in results[warmup_requests:] if r is not None]
    ok = [r for r in measured if r[2] == 201]
    errors = [r for r in measured if r[2] != 201]
    warmup_errors = [r for r in results[:warmup_requests] if r is not None and r[2] != 201]
    last_answer = max((r[0] + r[1] / 1000 for r in measured), default=0.0) - options.warmup
    per_minute = []
    for minute in range(math.ceil(options.seconds / 60)):
        in_minute = [r[1] for r in ok if minute * 60 <= r[0] - options.warmup < (minute + 1) * 60]
        per_minute.append({"minute": minute + 1, **summary(in_minute)})

    third = options.seconds / 3
    first = [s["heap_after_gc_mb"] for s in heap if s["t_s"] < third]
    last = [s["heap_after_gc_mb"] for s in heap if s["t_s"] >= 2 * third]
    first_mean = sum(first) / len(first) if first else float("nan")
    last_mean = sum(last) / len(last) if last else float("nan")
    heap_bound = first_mean * HEAP_GROWTH_FACTOR + HEAP_GROWTH_SLACK_MB
    heap_ok = bool(first and last and last_mean <= heap_bound)

    report = {
        "target_rate": options.rate, "seconds": options.seconds, "warmup_seconds": options.warmup,
        "sent": total - warmup_requests, "created": len(ok), "errors": len(errors) + unanswered,
        "warmup_errors": len(warmup_errors), "unanswered": unanswered,
        "throughput_per_s": round(len(ok) / max(options.seconds, last_answer), 2),
        "latency": summary([r[1] for r in ok]), "per_minute": per_minute,
        "worst_send_lag_ms": round(worst_send_lag * 1000, 1), "sending_took_s": round(sending_ended - start, 1),
        "stale_connections_replaced": client.reconnects,
        "error_samples": [{"status": r[2], "detail": r[3]} for r in (warmup_errors + errors)[:5]],
        "heap": heap, "heap_first_third_mean_mb": round(first_mean, 1), "heap_last_third_mean_mb": round(last_mean, 1),
        "heap_bound_mb": round(heap_bound, 1), "heap_ok": heap_ok,
    }
    if options.report:
        with open(options.report, "w") as out:
            json.dump(report, out, indent=2)

    latency = report["latency"]
    for m in per_minute:
        print(f"minute {m['minute']}: {m['count']} created, p50 {m['p50_ms']:.0f} ms, p99 {m['p99_ms']:.0f} ms, max {m['max_ms']:.0f} ms")
    print(f"RESULT rate={options.rate:g}/s seconds={options.seconds} sent={report['sent']} created={len(ok)} "
          f"throughput={report['throughput_per_s']}/s p50_ms={latency['p50_ms']:.0f} p90_ms={latency['p90_ms']:.0f} "
          f"p99_ms={latency['p99_ms']:.0f} max_ms={latency['max_ms']:.0f} errors={report['errors']} "
          f"(warm-up errors {len(warmup_errors)}) worst_send_lag_ms={report['worst_send_lag_ms']} "
          f"stale_connections_replaced={client.reconnects}")
    print(f"HEAP after GC: first third {first_mean:.1f} MB, last third {last_mean:.1f} MB, bound "
          f"{HEAP_GROWTH_FACTOR:.2f} × first + {HEAP_GROWTH_SLACK_MB:g} MB = {heap_bound:.1f} MB: {'ok' if heap_ok else 'EXCEEDED'}")
    for sample in report["error_samples"]:
        print(f"error: {sample['status']} {sample['detail']}")
    return 0 if report["errors"] == 0 and not warmup_errors and heap_ok else 1


if __name__ == "__main__":
    sys.exit(main())
