#!/usr/bin/env python3
"""Time from navigation to a fully drawn dashboard in Debian's headless Chromium, through chromedriver's WebDriver HTTP API.

Usage: bench/dashboard-load.py BASE_URL USER PASSWORD [RUNS]
Logs in once, then opens /dashboard RUNS times; each time reports navigation start → all three charts drawn (the page sets
body[data-loaded] when funnel, forecast and leaderboard are rendered), plus the time to the load event.
"""
import json
import subprocess
import sys
import tempfile
import time
import urllib.request

base, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
port = 19515
driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def call(method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["value"]


try:
    for _ in range(50):
        try:
            call("GET", "/status")
            break
        except OSError:
            time.sleep(0.2)
    session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1200", "--user-data-dir=" + tempfile.mkdtemp()]}}}})["sessionId"]
    script = lambda source: call("POST", f"/session/{session}/execute/sync", {"script": source, "args": []})
    call("POST", f"/session/{session}/url", {"url": base + "/login"})
    script(f"document.getElementById('username').value = {json.dumps(user)}; document.getElementById('password').value = {json.dumps(password)};"
           " document.querySelector('button[type=submit]').click();")
    drawn, loaded = [], []
    for run in range(runs + 1):
        call("POST", f"/session/{session}/url", {"url": base + "/dashboard"})
        deadline = time.time() + 60
        while script("return document.body && document.body.dataset.loaded || null") is None:
            if time.time() > deadline:
                sys.exit("the dashboard did not finish drawing within 60 s")
            time.sleep(0.05)
        timing = script("const n = performance.getEntriesByType('navigation')[0];"
                        " return [Number(document.body.dataset.loaded) - performance.timeOrigin, n.loadEventEnd];")
        if run > 0:  # the first visit fills the browser's cache with echarts.min.js, as any returning user has it
            drawn.append(timing[0])
            loaded.append(timing[1])
    median = lambda values: sorted(values)[len(values) // 2]
    print(f"dashboard as {user}: drawn after {', '.join(f'{v:.0f}' for v in drawn)} ms (median {median(drawn):.0f} ms); "
          f"load event median {median(loaded):.0f} ms")
    call("DELETE", f"/session/{session}")
finally:
    driver.terminate()
