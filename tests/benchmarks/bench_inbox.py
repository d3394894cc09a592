"""Inbox benchmark: the mail list's queries with 100,000 mails in the store.

Run on demand:  python tests/benchmarks/bench_inbox.py [--mails N] [--runs N] [--pg]

The store is seeded once (tests/benchmarks/inbox_data.py); the measuring
runs in a fresh child process, so its memory is its own. Medians of --runs.

Printed, each on its own line:
    inbox_sort_ms=<all ids, sorted by sender>                       target: 300
    inbox_filter_ms=<one category>                                  target: 50
    inbox_search_ms=<full text plus a filter>                       target: 50
    search_ratio=<ours / the bare SQL query for the same hits>      target: 2.0
    inbox_rss_mb=<peak of the query process and the Mail area's>      target: 400
    bulk_triage_ms=<an outcome on 1,000 mails, one step>            target: 2000
    bulk_undo_ms=<undo of that step>                                target: 2000
With --pg the same store is also made on a throwaway PostgreSQL server
(tests/pg_server.py) and the list's queries measured there:
    inbox_sort_pg_ms=  inbox_filter_pg_ms=  inbox_search_pg_ms=     targets as above
The Mail area's own figures come from tests/benchmarks/inbox_ui.py, run on the
same store in a child process (offscreen):
    inbox_open_ms=<show the Mail area until the first rows are painted>  target: 300
    triage_next_ms=<outcome key to the next mail in the reading pane>   target: 50
    triage_stall_ms=<longest the window stops answering meanwhile>
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATEGORY = "Agenderen MAT"
SEARCH_WORDS = "personeelsplan"
SEARCH = f"{SEARCH_WORDS} categorie:\"{CATEGORY}\""

MEASURE = """
import json, resource, sqlite3, statistics, sys, time
from pathlib import Path
from kortrijk_cockpit.clock import SystemClock
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView, SortKey
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import sqlite_url
path, runs, category, search, words = sys.argv[1], int(sys.argv[2]), *sys.argv[3:6]
store = open_store(sqlite_url(Path(path)), backups=Path(path).parent / "backups")
service = MailListService(store.session_factory, SystemClock())
bare = sqlite3.connect(path)
BARE = ("SELECT m.id FROM mails m WHERE m.id IN (SELECT rowid FROM mails_fts "
        "WHERE mails_fts MATCH ?) AND CAST(m.categories AS TEXT) LIKE ? "
        "ORDER BY m.received_at DESC, m.id DESC")

def timed(work):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result

service.ids(MailQuery(MailView.SEARCH))  # warm the page cache alike for all
sort_ms, everything = timed(lambda: service.ids(
    MailQuery(MailView.SEARCH, sort=SortKey.SENDER, descending=False)))
filter_ms, in_category = timed(lambda: service.ids(MailQuery(MailView.CATEGORY, category=category)))
search_ms, ours = timed(lambda: service.ids(MailQuery(MailView.SEARCH, text=search)))
bare_ms, theirs = timed(lambda: [r[0] for r in bare.execute(
    BARE, (f'"{words}"*', f'%"{category}"%'))])
assert ours == theirs, (len(ours), len(theirs))

# Bulk triage last (it writes): each run a fresh 1,000 mails, an outcome, then the undos.
from kortrijk_cockpit.services.triage import TriageService
triage = TriageService(store.session_factory, SystemClock())
slices = iter([everything[i:i + 1000] for i in range(0, 1000 * runs, 1000)])
steps = []
triage_ms, _ = timed(lambda: steps.append(triage.apply_outcome(next(slices), "Actie DM")))
undo_ms, _ = timed(lambda: triage.undo(steps.pop()))
print(json.dumps({"sort_ms": sort_ms, "filter_ms": filter_ms, "search_ms": search_ms,
                  "bare_ms": bare_ms, "mails": len(everything), "in_category": len(in_category),
                  "hits": len(ours), "triage_ms": triage_ms, "undo_ms": undo_ms,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

MEASURE_PG = """
import json, statistics, sys, time
from kortrijk_cockpit.clock import SystemClock
from kortrijk_cockpit.services.mail_list import MailListService, MailQuery, MailView, SortKey
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import parse_url
url, runs, category, search = sys.argv[1], int(sys.argv[2]), *sys.argv[3:5]
store = open_store(parse_url(url))
service = MailListService(store.session_factory, SystemClock())

def timed(work):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result

service.ids(MailQuery(MailView.SEARCH))  # warm the buffer cache alike for all
sort_ms, _ = timed(lambda: service.ids(
    MailQuery(MailView.SEARCH, sort=SortKey.SENDER, descending=False)))
filter_ms, in_category = timed(lambda: service.ids(MailQuery(MailView.CATEGORY, category=category)))
search_ms, hits = timed(lambda: service.ids(MailQuery(MailView.SEARCH, text=search)))
print(json.dumps({"sort_ms": sort_ms, "filter_ms": filter_ms, "search_ms": search_ms,
                  "in_category": len(in_category), "hits": len(hits)}))
"""


def run_child(script: str, args: list[str]) -> dict[str, float]:
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=1800, check=False)
    if result.returncode != 0:
        raise SystemExit(f"child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_ui_child(store: Path, runs: int) -> dict[str, float]:
    """tests/benchmarks/inbox_ui.py on the seeded store; its key=value lines as a dict."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "tests/benchmarks/inbox_ui.py", "--store", str(store), "--runs", str(runs)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Mail area child failed:\n{result.stderr[-3000:]}")
    pairs = (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return {key: float(value) for key, value in pairs}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pg", action="store_true",
                        help="also measure the list's queries on PostgreSQL")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import sqlite_url
    from tests.benchmarks.inbox_data import seed_inbox

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inbox.sqlite3"
        store = open_store(sqlite_url(path), backups=Path(tmp) / "backups")
        seed_inbox(store, args.mails)
        store.close()
        ui = run_ui_child(path, args.runs)  # first: the queries' child ends with bulk writes
        got = run_child(MEASURE, [str(path), str(args.runs), CATEGORY, SEARCH, SEARCH_WORDS])
    print(f"mails={int(got['mails'])} in_category={int(got['in_category'])} "
          f"hits={int(got['hits'])}")
    print(f"inbox_sort_ms={got['sort_ms']:.1f}")
    print(f"inbox_filter_ms={got['filter_ms']:.1f}")
    print(f"inbox_search_ms={got['search_ms']:.1f}")
    print(f"search_ratio={got['search_ms'] / max(got['bare_ms'], 0.01):.2f}")
    # The Mail area on the same store, in a child process of its own (offscreen).
    print(f"inbox_open_ms={ui['inbox_open_ms']:.1f}")
    print(f"triage_next_ms={ui['triage_next_ms']:.1f}")
    print(f"triage_stall_ms={ui['triage_stall_ms']:.1f}")
    # The larger of the two processes: the queries alone, and the area showing the list.
    print(f"inbox_rss_mb={max(got['rss_mb'], ui['ui_rss_mb']):.1f}")
    print(f"bulk_triage_ms={got['triage_ms']:.1f}")
    print(f"bulk_undo_ms={got['undo_ms']:.1f}")
    if args.pg:
        measure_pg(args.mails, args.runs)


def measure_pg(mails: int, runs: int) -> None:
    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import parse_url
    from tests.benchmarks.inbox_data import seed_inbox
    from tests.pg_server import PostgresServer

    server = PostgresServer.start()
    try:
        url = server.create_database("inbox_bench")
        store = open_store(parse_url(url))
        seed_inbox(store, mails)
        with store.engine.begin() as conn:  # fresh statistics, as autovacuum would leave them
            conn.exec_driver_sql("ANALYZE")
        store.close()
        got = run_child(MEASURE_PG, [url, str(runs), CATEGORY, SEARCH])
    finally:
        server.stop()
    print(f"pg_in_category={int(got['in_category'])} pg_hits={int(got['hits'])}")
    print(f"inbox_sort_pg_ms={got['sort_ms']:.1f}")
    print(f"inbox_filter_pg_ms={got['filter_ms']:.1f}")
    print(f"inbox_search_pg_ms={got['search_ms']:.1f}")


if __name__ == "__main__":
    main()
