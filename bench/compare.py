#!/usr/bin/env python3
"""rectrack beside the tools a user would otherwise pick, in the same run.

    bench/compare.py BUILD_DIR [--sizes 10000,100000] [--runs 5] [--smoke] [--require-peers]

Generates, from a fixed seed, one history of status changes at each size
(events): a rectrack dataset, a ledger journal (one transaction per change)
and a taskwarrior task list (one task per recommendation, one annotation per
change), with the same dates and statuses. Then runs each workload and its
peer in turn and prints a table: median (min-max) wall time over --runs, the
ratio, and peak RSS of one more run under /usr/bin/time -v. A peer that is
not installed (scripts/install-deps.sh --bench) is shown as "-".

--smoke runs one small size once: the test suite uses it to keep the
script working, and it never fails on a timing.
"""
import argparse
import datetime
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

STATUSES = ["announced", "proposed", "partial", "substantial"]
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = 5 * 365  # changes fall in 2021-2025
QUARTER = ("2024-Q3", "2024-07-01", "2024-10-01")


def history(events, seed=2026):
    """(rec number, status, date) for each change, in date order, and the
    number of recs. A change never repeats the status it replaces."""
    rng = random.Random(seed)
    recs = max(10, events // 10)
    days = sorted(rng.randrange(DAYS) for _ in range(events))
    last = {}
    changes = []
    for day in days:
        rec = rng.randrange(1, recs + 1)
        status = rng.choice([s for s in STATUSES if s != last.get(rec)])
        last[rec] = status
        changes.append((rec, status, FIRST_DAY + datetime.timedelta(days=day)))
    return changes, recs


def write_dataset(path, changes, recs):
    with open(path, "w") as f:
        f.write("[report]\nkey = 'bench'\ntitle = 'Bench report'\nissued = 2020-01-01\n")
        for r in range(1, recs + 1):
            f.write(f"[[recommendation]]\nkey = 'R{r}'\nnumber = {r}\ntitle = 'Rec {r}'\n")
        f.write("[[evidence]]\nurl = 'https://example.org/e'\ntitle = 'E'\n"
                "published = 2020-06-01\n")
        for rec, status, day in changes:
            f.write(f"[[status_change]]\nrec = 'R{rec}'\nstatus = '{status}'\ndate = {day}\n"
                    "evidence = ['https://example.org/e']\n")


def ledger_entry(rec, status, day):
    return f"{day:%Y/%m/%d} R{rec} {status}\n    Recs:R{rec}:{status}    1\n    Equity:Changes\n\n"


def write_ledger(path, changes):
    with open(path, "w") as f:
        for change in changes:
            f.write(ledger_entry(*change))


def write_tasks(folder, changes, recs, seed=2026):
    """taskwarrior 2.6's own data file: one task per recommendation."""
    rng = random.Random(seed)
    notes = {r: [] for r in range(1, recs + 1)}
    for n, (rec, status, day) in enumerate(changes):
        stamp = int(datetime.datetime.combine(day, datetime.time()).timestamp()) + n % 86400
        notes[rec].append((stamp, status))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "pending.data"), "w") as f:
        for r in range(1, recs + 1):
            fields = [f'description:"R{r} Rec {r}"', 'entry:"1577836800"',
                      'modified:"1577836800"', 'status:"pending"',
                      f'uuid:"{uuid.UUID(int=rng.getrandbits(128), version=4)}"']
            seen = set()
            for stamp, status in notes[r]:
                while stamp in seen:
                    stamp += 1
                seen.add(stamp)
                fields.append(f'annotation_{stamp}:"{status}"')
            f.write("[" + " ".join(fields) + "]\n")
    for name in ("completed.data", "undo.data", "backlog.data"):
        open(os.path.join(folder, name), "a").close()


class Runner:
    def __init__(self, runs, work, limit):
        self.runs, self.work, self.limit = runs, work, limit
        self.time_v = os.path.exists("/usr/bin/time")

    def measure(self, cmd, env=None, before=None, runs=None):
        """Median, min and max wall seconds, and peak RSS in MB (or None);
        a run longer than the limit is stopped: (limit, None, None, None)."""
        times = []
        for _ in range(runs or self.runs):
            if before:
                before()
            start = time.perf_counter()
            try:
                done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, cwd=self.work, timeout=self.limit)
            except subprocess.TimeoutExpired:
                return self.limit, None, None, None
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n"
                                 + done.stderr.decode(errors="replace"))
        rss = None
        if self.time_v:
            if before:
                before()
            out = os.path.join(self.work, "time.txt")
            subprocess.run(["/usr/bin/time", "-v", "-o", out] + cmd, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.work)
            for line in open(out):
                if "Maximum resident set size" in line:
                    rss = int(line.split(":")[1]) / 1024
        return statistics.median(times), min(times), max(times), rss


def ms(t):
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def cell(m):
    if m is None:
        return "-"
    med, lo, hi, _ = m
    if lo is None:
        return f"stopped after {ms(med)}"
    return f"{ms(med)} ({ms(lo)}-{ms(hi)})"


def rss(m):
    return "-" if m is None or m[3] is None else f"{m[3]:.0f} MB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=float, default=300,
                    help="seconds after which one run is stopped and reported as such")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--require-peers", action="store_true",
                    help="fail when ledger, taskwarrior or /usr/bin/time is missing")
    a = ap.parse_args()
    sizes = [200] if a.smoke else [int(s) for s in a.sizes.split(",")]
    runs = 1 if a.smoke else a.runs
    rectrack = os.path.abspath(os.path.join(a.build, "cli", "rectrack"))
    ledger, task, sqlite = shutil.which("ledger"), shutil.which("task"), shutil.which("sqlite3")
    if a.require_peers and not (ledger and task and os.path.exists("/usr/bin/time")):
        raise SystemExit("compare.py: ledger, task and /usr/bin/time are needed "
                         "(scripts/install-deps.sh --bench)")
    work = tempfile.mkdtemp(prefix="rectrack-compare-")
    env = dict(os.environ, RECTRACK_AUTHOR="bench", RECTRACK_NOW="2026-06-30T12:00:00Z")
    for k in list(env):
        if k.startswith("RECTRACK_DB") or k == "TASKRC" or k == "TASKDATA":
            del env[k]
    r = Runner(runs, work, a.limit)
    # taskwarrior reads its own settings file, never the user's (and, without
    # one, it would write one into $HOME).
    taskrc = os.path.join(work, "taskrc")
    open(taskrc, "w").close()
    task_env = dict(env, TASKRC=taskrc)
    rows = []  # workload, size, rectrack, peer name, peer

    def rt(db, *args):
        return [rectrack, "--db", db, *args]

    def task_cmd(folder, *args):
        return [task, f"rc.data.location={folder}", "rc.confirmation=off", "rc.verbose=nothing",
                "rc.hooks=off", "rc.gc=off", *args]

    counter = iter(range(10**9))

    def status_call(db):
        day = FIRST_DAY + datetime.timedelta(days=DAYS + next(counter) % 500)
        return rt(db, "status", "R1", STATUSES[next(counter) % 4], "--date", str(day),
                  "--evidence", "E1")

    try:
        # The floor: a process that does nothing, and the insert-and-commit
        # a status change is, done by SQLite's own shell.
        rows.append(("process start (/bin/true)", "-", r.measure(["/bin/true"], runs=max(runs, 20)),
                     "", None))
        if sqlite:
            floor_db = os.path.join(work, "floor.db")
            subprocess.run([sqlite, floor_db, "PRAGMA journal_mode=WAL; CREATE TABLE t(x);"],
                           check=True, stdout=subprocess.DEVNULL)
            rows.append(("insert and commit (sqlite3 shell)", "-",
                         r.measure([sqlite, floor_db, "INSERT INTO t VALUES(1);"],
                                   runs=max(runs, 20)), "", None))
        small = os.path.join(work, "small.toml")
        changes, recs = history(20)
        write_dataset(small, changes, recs)
        small_db = os.path.join(work, "small.db")
        subprocess.run(rt(small_db, "import", small), env=env, check=True,
                       stdout=subprocess.DEVNULL)
        peer = None
        if task:
            folder = os.path.join(work, "tasks-small")
            write_tasks(folder, [(1, 'partial', FIRST_DAY)], 1)
            peer = r.measure(task_cmd(folder, "1", "annotate", "bench"), env=task_env,
                             runs=max(runs, 20))
        rows_floor = (status_rows_floor(r, work, small_db, status_call, env, max(runs, 20))
                      if sqlite else None)
        mine = r.measure(status_call(small_db), env=env, runs=max(runs, 20))
        rows.append(("one `status` call, empty database", "20", mine, "taskwarrior annotate",
                     peer))
        if rows_floor:
            rows.append(("one `status` call, empty database", "20", mine,
                         "sqlite3 writing the rows it writes", rows_floor))

        for size in sizes:
            rows.extend(compare_size(size, r, work, env, task_env, rt, status_call, task_cmd,
                                     ledger, task, runs))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"| workload | size (events) | rectrack median (min-max) | rectrack RSS | peer "
          f"| peer median (min-max) | peer RSS | ratio |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for name, size, mine, peer_name, peer in rows:
        stopped = (mine and mine[1] is None) or (peer and peer[1] is None)
        ratio = f"{mine[0] / peer[0]:.2f}" if mine and peer and not stopped else "-"
        print(f"| {name} | {size} | {cell(mine)} | {rss(mine)} | {peer_name or '-'} "
              f"| {cell(peer)} | {rss(peer)} | {ratio} |")


def rows_written(before, after):
    """The SQL that turns database `before` into `after`: each row a command
    added, changed or removed, table by table. The search index's own tables
    are left to the triggers that fill them, as in rectrack's writes."""
    old_db, new_db = sqlite3.connect(before), sqlite3.connect(after)
    tables = new_db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND "
                            "name NOT LIKE 'sqlite_%'").fetchall()
    virtual = [n for n, sql in tables if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    out = []
    for name, sql in tables:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        cols = [c[1] for c in new_db.execute(f'PRAGMA table_info("{name}")')]
        names = ", ".join(f'"{c}"' for c in cols)
        has_rowid = "WITHOUT ROWID" not in sql.upper()
        select = (f'SELECT {"rowid, " if has_rowid else ""}'
                  + ", ".join(f'quote("{c}")' for c in cols) + f' FROM "{name}"')
        old = set(old_db.execute(select))
        new = set(new_db.execute(select))
        if not has_rowid:  # a row is its key: removed, then added
            for row in sorted(old - new):
                out.append(f'DELETE FROM "{name}" WHERE '
                           + " AND ".join(f'"{c}" IS {v}' for c, v in zip(cols, row)) + ";")
            out += [f'INSERT INTO "{name}"({names}) VALUES ({", ".join(row)});'
                    for row in sorted(new - old)]
            continue
        kept = {row[0] for row in new}
        out += [f'DELETE FROM "{name}" WHERE rowid = {row[0]};'
                for row in sorted(old - new) if row[0] not in kept]
        had = {row[0] for row in old}
        for row in sorted(new - old):
            if row[0] in had:
                out.append(f'UPDATE "{name}" SET '
                           + ", ".join(f'"{c}" = {v}' for c, v in zip(cols, row[1:]))
                           + f" WHERE rowid = {row[0]};")
            else:
                out.append(f'INSERT INTO "{name}"(rowid, {names}) '
                           f'VALUES ({row[0]}, {", ".join(row[1:])});')
    return "BEGIN;\n" + "\n".join(out) + "\nCOMMIT;\n"


def status_rows_floor(r, work, db, call, env, runs):
    """SQLite's own shell writing, into a copy of `db`, exactly the rows one
    `status` call writes there (found by comparing the database before and
    after one), in one transaction: the database part of the call on the
    same schema, indexes and triggers, without rectrack's own work."""
    sqlite = shutil.which("sqlite3")
    before, target = os.path.join(work, "status-before.db"), os.path.join(work, "status.db")
    shutil.copy(db, before)

    def restore():
        for suffix in ("-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
        shutil.copy(before, target)

    restore()
    subprocess.run(call(target), env=env, check=True, capture_output=True)
    sql = rows_written(before, target)
    return r.measure([sqlite, target, sql], before=restore, runs=runs)


def import_floor(r, work, imported_db, runs):
    """SQLite's own shell writing the rows an import left in `imported_db`
    into a new database with the same schema: each table from CSV (.import,
    one prepared insert per row) in one transaction, then its indexes and
    the search index built, as import does. Neither JSON nor hashing: what
    SQLite alone needs to write those rows. CSV reads NULL back as '', which
    changes no row's size much."""
    sqlite = shutil.which("sqlite3")
    folder = os.path.join(work, "floor")
    os.makedirs(folder, exist_ok=True)

    def query(sql, *flags):
        return subprocess.run([sqlite, *flags, imported_db, sql], check=True,
                              capture_output=True, text=True).stdout

    tables = [t for t in query("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                               "name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'").split()]
    script = ["PRAGMA journal_mode = WAL;", "PRAGMA cache_size = -32768;"]
    script += [query(f"SELECT sql || ';' FROM sqlite_master WHERE name = '{t}'") for t in tables]
    script.append("BEGIN;")
    for t in tables:
        csv = os.path.join(folder, f"{t}.csv")
        with open(csv, "w") as out:
            subprocess.run([sqlite, "-csv", imported_db, f'SELECT * FROM "{t}"'], check=True,
                           stdout=out)
        if os.path.getsize(csv) > 0 and t != "search_index":
            script.append(f".import --csv {csv} {t}")
    script.append(query("SELECT sql || ';' FROM sqlite_master WHERE type IN "
                        "('index', 'trigger', 'view') AND sql IS NOT NULL"))
    script += ["INSERT INTO search_index(search_index) VALUES ('rebuild');", "COMMIT;"]
    load = os.path.join(folder, "load.sql")
    with open(load, "w") as out:
        out.write("\n".join(script) + "\n")
    target = os.path.join(folder, "floor.db")

    def remove_target():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)

    return r.measure([sqlite, target, f".read {load}"], before=remove_target, runs=runs)


# What SQLite's own shell takes to read, and print as text, the rows a
# command reads (valid at any time: '9999' is after every recording): the
# floor under rectrack's own work of turning them into a listing or report.
VALID = "{a}.recorded_at <= '9999' AND ({a}.retracted_at IS NULL OR {a}.retracted_at > '9999')"
RECS_READ = (
    "SELECT r.key, r.report, r.number, r.parent, "
    "COALESCE((SELECT a.value FROM amendments a WHERE a.subject = 'rec:' || r.key AND "
    "a.field = 'title' ORDER BY a.event_id DESC LIMIT 1), r.title), "
    "COALESCE((SELECT a.value FROM amendments a WHERE a.subject = 'rec:' || r.key AND "
    "a.field = 'text' ORDER BY a.event_id DESC LIMIT 1), r.text), r.addressees, r.themes, "
    "(SELECT e.effective FROM events e WHERE e.id = r.event_id) FROM recommendations r "
    "ORDER BY r.report, r.number, r.parent <> '', r.key;"
    "SELECT s.event_id, s.rec, s.status, s.effective FROM status_changes s WHERE "
    + VALID.format(a="s") + " ORDER BY s.rec, s.effective, s.event_id;"
    "SELECT event_id, evidence_id FROM citations ORDER BY event_id, evidence_id;"
    "SELECT f.event_id, f.rec FROM follow_ups f WHERE " + VALID.format(a="f") + ";")


def report_read(begin, end):
    """RECS_READ and the events of the period, as a report reads them."""
    return RECS_READ + (
        "SELECT id, kind, subjects, payload, effective, recorded_at, author, hash, "
        "(SELECT c.recorded_at FROM corrections c WHERE c.retracts = events.id) FROM events "
        f"WHERE effective BETWEEN '{begin}' AND '{end}' OR recorded_at BETWEEN '{begin}' AND "
        f"'{end}T23:59:59Z' ORDER BY id;")


def compare_size(size, r, work, env, task_env, rt, status_call, task_cmd, ledger, task, runs):
    rows = []
    label = f"{size:,}"
    sqlite = shutil.which("sqlite3")
    changes, recs = history(size)
    data, journal = os.path.join(work, f"data-{size}.toml"), os.path.join(work, f"j-{size}.json")
    led = os.path.join(work, f"j-{size}.ledger")
    write_dataset(data, changes, recs)
    write_ledger(led, changes)
    db = os.path.join(work, f"full-{size}.db")
    subprocess.run(rt(db, "import", data), env=env, check=True, stdout=subprocess.DEVNULL)
    with open(journal, "w") as out:
        subprocess.run(rt(db, "export", "--format", "json"), env=env, check=True, stdout=out)
    heavy = max(1, runs if size <= 100000 else 1)

    # Import: a new database each run; ledger reads the same history.
    fresh = os.path.join(work, f"fresh-{size}.db")

    def remove_fresh():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(fresh + suffix):
                os.remove(fresh + suffix)

    # ledger's nearest to reading a whole journal, the peer of import and verify alike.
    ledger_reads = r.measure([ledger, "-f", led, "stats"], runs=heavy) if ledger else None
    imported = r.measure(rt(fresh, "import", journal), env=env, before=remove_fresh, runs=heavy)
    rows.append(("import (JSON journal)", label, imported, "ledger stats (parses it all)",
                 ledger_reads))
    if sqlite:
        rows.append(("import (JSON journal)", label, imported,
                     "sqlite3 .import of the rows it writes", import_floor(r, work, fresh, heavy)))

    # One write on the full journal; ledger appends and checks the file.
    def append_ledger():
        with open(led, "a") as f:
            f.write(ledger_entry(1, "partial", datetime.date(2026, 1, 5)))

    mine = r.measure(status_call(db), env=env, runs=max(runs, 10))
    if ledger:
        rows.append(("one `status` call", label, mine, "ledger append + stats",
                     r.measure([ledger, "-f", led, "stats"], before=append_ledger, runs=heavy)))
    if task:
        folder = os.path.join(work, f"tasks-{size}")
        write_tasks(folder, changes, recs)
        rows.append(("one `status` call", label, mine, "taskwarrior annotate",
                     r.measure(task_cmd(folder, "1", "annotate", "bench"), env=task_env,
                               runs=heavy)))
    if not ledger and not task:
        rows.append(("one `status` call", label, mine, "", None))

    shown = f"R{min(42, recs)}"
    rows.append((f"`show {shown}`", label, r.measure(rt(db, "show", shown), env=env,
                                                     runs=max(runs, 10)), "", None))
    listed = r.measure(rt(db, "recs"), env=env, runs=heavy)
    rows.append((f"`recs` ({recs:,} recommendations)", label, listed, "", None))
    if sqlite:
        rows.append((f"`recs` ({recs:,} recommendations)", label, listed,
                     "sqlite3 reading the rows it reads", r.measure([sqlite, db, RECS_READ],
                                                                    runs=heavy)))
    q, begin, end = QUARTER
    peer = r.measure([ledger, "-f", led, "-b", begin, "-e", end, "bal"], runs=heavy) \
        if ledger else None
    for fmt in ("json", "csv", "md"):  # md last: the floor row below reuses it
        reported = r.measure(rt(db, "report", "--quarter", q, "--format", fmt), env=env,
                             runs=heavy)
        rows.append((f"quarterly report {q} ({fmt})", label, reported,
                     "ledger bal for the quarter", peer))
    if sqlite:
        last_day = (datetime.date.fromisoformat(end) - datetime.timedelta(days=1)).isoformat()
        rows.append((f"quarterly report {q} (md)", label, reported,
                     "sqlite3 reading the rows it reads",
                     r.measure([sqlite, db, report_read(begin, last_day)], runs=heavy)))
    rows.append(("`verify`", label, r.measure(rt(db, "verify"), env=env, runs=heavy),
                 "ledger stats (parses it all)", ledger_reads))
    rows.append(("`verify --full` (rebuilds every table)", label,
                 r.measure(rt(db, "verify", "--full"), env=env, runs=heavy),
                 "ledger stats (parses it all)", ledger_reads))
    rows.append(("`export --format json`", label,
                 r.measure(rt(db, "export", "--format", "json"), env=env, runs=heavy), "", None))
    return rows


if __name__ == "__main__":
    sys.exit(main())
