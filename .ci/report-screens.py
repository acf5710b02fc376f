#!/usr/bin/env python3
"""Screenshots of each section of an `interstice report` page, taken with headless Chromium.

Usage: report-screens.py REPORT.html OUTDIR PREFIX [--width 1200]

Writes OUTDIR/PREFIX-<section>.png for every <section id=...> of the page (diagram, brokers,
crossing, reach, method; the reach section also as its parts: reach-robustness, reach-curves).
Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages separated by NUL on file descriptors 3 and 4), so only the Python standard library
is needed. Each picture is the section's bounding box, at device scale 1.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile


class Chromium:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="interstice-screens-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--hide-scrollbars", "--remote-debugging-pipe", f"--user-data-dir={self.profile}"],
            preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        while True:
            m = self.read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m["result"]
            self.events.append(m)

    def wait(self, event):
        for i, m in enumerate(self.events):
            if m.get("method") == event:
                del self.events[i]
                return m
        while True:
            m = self.read()
            if m.get("method") == event:
                return m
            self.events.append(m)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        self.proc.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("outdir")
    ap.add_argument("prefix")
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    browser = Chromium(a.chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Runtime.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": a.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        url = "file://" + os.path.abspath(a.report)
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait("Page.loadEventFired")
        errors = [m for m in browser.events if m.get("method") in ("Runtime.exceptionThrown", "Runtime.consoleAPICalled")]
        if errors:
            print(f"{a.report}: the page wrote to the console: {errors}", file=sys.stderr)
            sys.exit(1)
        boxes = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
            (function(){ var out = [];
              function box(name, el, end){ var r = el.getBoundingClientRect(); var bottom = r.bottom;
                if (end) { bottom = end.getBoundingClientRect().top; }
                out.push({name: name, x: r.left + window.scrollX - 8, y: r.top + window.scrollY - 8,
                          width: r.width + 16, height: bottom - r.top + 16}); }
              document.querySelectorAll('section[id]').forEach(function(s){ box(s.id, s, null); });
              var rob = document.getElementById('robustness'), cur = document.getElementById('curves');
              if (rob) { box('reach-robustness', rob, cur); }
              if (cur) { var s = document.getElementById('reach'); var r = cur.getBoundingClientRect(), e = s.getBoundingClientRect();
                out.push({name: 'reach-curves', x: e.left + window.scrollX - 8, y: r.top + window.scrollY - 8,
                          width: e.width + 16, height: e.bottom - r.top + 16}); }
              return out; })()"""}, session=session)["result"]["value"]
        for b in boxes:
            clip = {k: max(0, b[k]) for k in ("x", "y", "width", "height")}
            clip["scale"] = 1
            shot = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                                session=session)
            path = os.path.join(a.outdir, f"{a.prefix}-{b['name']}.png")
            with open(path, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print(f"{path}: {int(clip['width'])}x{int(clip['height'])}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
