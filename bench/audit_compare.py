#!/usr/bin/env python3
"""The online audit beside linkchecker, on local hosts only.

    bench/audit_compare.py BUILD_DIR [--links 1000] [--hosts 20] [--smoke]

Serves LINKS evidence URLs spread evenly over HOSTS loopback addresses
(127.0.0.1, 127.0.0.2, ...; nothing leaves the machine): about 15% broken
(404 or 410), 10% slow (half a second), the rest small pages. Then times, in
the same run:

- rectrack audit --online at the documented politeness (2 at once and 1 s
  between request starts per host), against its bound: links on the
  busiest host times the interval;
- rectrack with --min-interval-ms 100 and 10 requests at once, and
  linkchecker with 10 threads (its default rate is about that), each link
  classified;
- a second rectrack audit right after, which fetches nothing it checked
  within --recheck-after.

--smoke serves 40 links on 2 hosts and skips the slow default-politeness
run and linkchecker: the suite uses it to keep the script working; it
never fails on a timing.
"""
import argparse
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle's algorithm the body
    # waits for the client's delayed ACK (40 ms), which would time the
    # server, not the checkers.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        kind = self.path.split("/")[1]
        if kind == "slow":
            time.sleep(0.5)
        status = {"missing": 404, "gone": 410}.get(kind, 200)
        # No number from the path in the page: "404" in a working page's
        # title would rightly read as a soft 404.
        body = b"<html><head><title>A page</title></head><body><p>Text.</p></body></html>"
        if self.path == "/index.html":
            body = self.server.index
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up early is no news


def serve(hosts):
    """One server per loopback address; returns their base URLs."""
    bases = []
    for h in range(1, hosts + 1):
        server = Server((f"127.0.0.{h}", 0), Handler)
        server.index = b""
        threading.Thread(target=server.serve_forever, daemon=True).start()
        bases.append((server, f"http://127.0.0.{h}:{server.server_address[1]}"))
    return bases


def links(bases, count):
    """Every link, spread evenly over the hosts: 15% broken, 10% slow."""
    out = []
    for n in range(count):
        i = n // len(bases)  # the link's place on its host: each host gets the same mix
        kind = "missing" if i % 20 in (3, 11) else "gone" if i % 20 == 17 else \
               "slow" if i % 10 == 5 else "ok"
        out.append(f"{bases[n % len(bases)][1]}/{kind}/{n}")
    return out


def timed(cmd, env=None, cwd=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - start, done


def classes(out):
    counts = {}
    for r in json.loads(out)["results"]:
        counts[r["result"]] = counts.get(r["result"], 0) + 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--links", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--smoke", action="store_true")
    a = ap.parse_args()
    if a.smoke:
        a.links, a.hosts = 40, 2
    rectrack = os.path.abspath(os.path.join(a.build, "cli", "rectrack"))
    bases = serve(a.hosts)
    urls = links(bases, a.links)
    index = "".join(f'<a href="{u}">{n}</a>\n' for n, u in enumerate(urls))
    bases[0][0].index = f"<html><body>{index}</body></html>".encode()
    expected = {"ok": 0, "broken": 0, "gone": 0}
    for u in urls:
        kind = u.split("/")[3]
        expected["broken" if kind == "missing" else "gone" if kind == "gone" else "ok"] += 1
    busiest = (a.links + a.hosts - 1) // a.hosts

    work = tempfile.mkdtemp(prefix="rectrack-audit-compare-")
    try:
        data = os.path.join(work, "links.toml")
        with open(data, "w") as f:
            f.write("[report]\nkey = 'b'\ntitle = 'Bench'\nissued = 2020-01-01\n"
                    "[[recommendation]]\nkey = 'R1'\nnumber = 1\ntitle = 'One'\n")
            for n, u in enumerate(urls):
                f.write(f"[[evidence]]\nurl = '{u}'\ntitle = 'Link {n}'\npublished = 2021-01-01\n")
        env = dict(os.environ, RECTRACK_AUTHOR="bench", RECTRACK_NOW="2026-06-30T12:00:00Z",
                   RECTRACK_DB=os.path.join(work, "audit.db"))
        subprocess.run([rectrack, "init", "--data", data], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        audit = [rectrack, "audit", "--online", "--allow-private", "--format", "json",
                 "--recheck-after", "0", "--retries", "1"]
        rows = []

        def run(name, cmd, bound=None):
            seconds, done = timed(cmd, env=env, cwd=work)
            got = classes(done.stdout) if done.stdout.startswith(b"{") else {}
            same = all(got.get(k, 0) == v for k, v in expected.items())
            rows.append((name, seconds, bound, "yes" if same else f"no: {got}"))
            return done

        if not a.smoke:
            run("rectrack, default politeness (2 per host, 1 s apart)", audit,
                bound=busiest * 1.0)
        run("rectrack, --min-interval-ms 100, 10 at once",
            audit + ["--min-interval-ms", "100", "--max-requests", "10"], bound=busiest * 0.1)
        fresh = run("rectrack again right after (--recheck-after 24)",
                    [c for c in audit if c not in ("--recheck-after", "0")] +
                    ["--min-interval-ms", "100", "--max-requests", "10"])
        skipped = sum(1 for r in json.loads(fresh.stdout)["results"] if r["checked_at"])
        linkchecker = None if a.smoke else shutil.which("linkchecker")
        if linkchecker:
            seconds, done = timed([linkchecker, "--threads", "10", "--check-extern", "-r", "1",
                                   "--no-status", "-o", "none", f"{bases[0][1]}/index.html"],
                                  cwd=work, env=dict(os.environ, HOME=work))
            rows.append(("linkchecker, 10 threads", seconds, None, "-"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{a.links} links on {a.hosts} local hosts ({busiest} on the busiest): "
          f"{expected['ok']} working, {expected['broken']} 404, {expected['gone']} 410; "
          f"the second run skipped {skipped}")
    print("| run | wall time | per-host bound | ratio to bound | every link classified as expected |")
    print("|---|---:|---:|---:|---|")
    for name, seconds, bound, same in rows:
        print(f"| {name} | {seconds:.2f} s | {f'{bound:.1f} s' if bound else '-'} "
              f"| {f'{seconds / bound:.2f}' if bound else '-'} | {same} |")


if __name__ == "__main__":
    sys.exit(main())
