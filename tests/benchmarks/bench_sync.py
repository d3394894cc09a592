"""Sync benchmark: initial sync of 5,000 mails and 1,000 events from the sandbox.

Run on demand:  python tests/benchmarks/bench_sync.py [--backend ews|graph] [--mails N] [--events N]
                [--latency-ms MS]

The sandbox answers at loopback speed; `--latency-ms` adds a round trip to every request
(Microsoft 365 is tens of milliseconds away), for both the baseline and ours.

The sandbox serves from this process; each client runs in a fresh child
process, so its time and peak memory are its own:
- baseline: exchangelib alone, syncing the same folders with the same fields,
  fetching the same bodies in the same batches and reading the same calendar
  window;
- baseline over Graph (--backend graph): plain `requests` calls for the same items: the
  mail folders' delta pages with the same `$select`/`$expand` and page size, the bodies of
  the non-private mails in `$batch` requests of 20, the calendarView delta and the
  calendar view of the same window;
- ours: SyncEngine into a fresh SQLite store, then a second sync with no changes (over
  EwsBackend, or GraphBackend with --backend graph).

Printed, each on its own line:
    sync_ratio=<ours / baseline>        target: at most 1.3
    incremental_noop_s=<seconds>        target: at most 0.5
    sync_peak_rss_mb=<ours, peak>
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

COMMON = """
import json, sys, time, resource
from datetime import datetime, timedelta, UTC
from kortrijk_cockpit.exchange.ews import (EwsBackend, EwsSettings, SUMMARY_FIELDS, BODY_FIELDS,
                                           EVENT_FIELDS)
url, owner, user, password, basedir = sys.argv[1:6]
settings = EwsSettings(endpoint=url, mailbox=owner, username=user, auth="basic",
                       server_build=(15, 2))
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

BASELINE = COMMON + """
from exchangelib.folders import Inbox, SentItems, DeletedItems, Calendar
from exchangelib.properties import ItemId
backend = EwsBackend(settings, password)  # same Account configuration as ours
account, root = backend._account, backend._root
start = time.perf_counter()
# The folders ours syncs by default (custom folders are opt-in), and the same
# bodies: ours never fetches private mail, so neither does the baseline.
folders = [cls.get_distinguished(root=root) for cls in (Inbox, SentItems, DeletedItems)]
ids = []
for folder in folders:
    for change, item in folder.sync_items(only_fields=SUMMARY_FIELDS, max_changes_returned=100):
        if item.sensitivity != "Private":
            ids.append(item.id)
for i in range(0, len(ids), 50):
    list(account.fetch(ids=[ItemId(id=x) for x in ids[i:i + 50]], only_fields=BODY_FIELDS))
calendar = Calendar.get_distinguished(root=root)
list(calendar.sync_items(only_fields=["subject"], max_changes_returned=512))
now = datetime.now(UTC)
events = list(calendar.view(start=now - timedelta(days=90), end=now + timedelta(days=365)).only(*EVENT_FIELDS))
print(json.dumps({"seconds": time.perf_counter() - start, "mails": len(ids), "events": len(events),
                  "peak_mb": peak_mb()}))
"""

OURS = COMMON + """
from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.exchange.sync import SyncEngine
from kortrijk_cockpit.clock import SystemClock
from kortrijk_cockpit.store import open_store
from kortrijk_cockpit.store.database import sqlite_url
from pathlib import Path
paths = Paths.for_basedir(Path(basedir)); paths.ensure()
store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
backend = EwsBackend(settings, password)
engine = SyncEngine(store.session_factory, backend, SystemClock())
start = time.perf_counter()
report = engine.sync()
first = time.perf_counter() - start
start = time.perf_counter()
again = engine.sync()
noop = time.perf_counter() - start
print(json.dumps({"seconds": first, "noop": noop, "mails": report.created,
                  "events": report.events, "changed_on_noop": again.created + again.updated,
                  "peak_mb": peak_mb()}))
"""


GRAPH_COMMON = """
import json, sys, time, resource
from datetime import datetime, timedelta, UTC
from kortrijk_cockpit.exchange.graph.settings import GraphSettings, StaticToken
url, owner, user, token, basedir = sys.argv[1:6]
settings = GraphSettings(mailbox=owner, username=user, endpoint=url)
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

GRAPH_BASELINE = GRAPH_COMMON + """
import requests
from urllib.parse import quote
from kortrijk_cockpit.exchange.graph.client import PREFER
from kortrijk_cockpit.exchange.graph.convert import (ATTACHMENTS, BODY_SELECT, EVENT_SELECT,
                                                     EXTENDED, SENSITIVITY_ID, SUMMARY_SELECT)
from kortrijk_cockpit.exchange.sync import SyncOptions
http = requests.Session()
auth = {"Authorization": "Bearer " + token}
base = url + "/users/" + quote(owner, safe="@")
def get(link, params=None, prefer=()):
    answer = http.get(link, params=params, headers={**auth, "Prefer": ", ".join([*PREFER, *prefer])})
    answer.raise_for_status()
    return answer.json()
start = time.perf_counter()
page_size = "odata.maxpagesize=%d" % SyncOptions().page_size
ids = []
for folder in ("inbox", "sentitems", "deleteditems"):
    page = get(base + "/mailFolders/" + folder + "/messages/delta",
               {"$select": SUMMARY_SELECT, "$expand": EXTENDED}, [page_size])
    while True:
        for item in page.get("value", []):
            props = {p["id"].lower(): p.get("value")
                     for p in item.get("singleValueExtendedProperties", [])}
            if props.get(SENSITIVITY_ID.lower()) != "2":  # ours never fetches private mail
                ids.append(item["id"])
        link = page.get("@odata.nextLink")
        if not link:
            break
        page = get(link, prefer=[page_size])
for i in range(0, len(ids), 20):
    asked = [{"id": str(n), "method": "GET",
              "url": "/users/" + quote(owner, safe="@") + "/messages/" + quote(x, safe="")
                     + "?$select=" + BODY_SELECT + "&$expand=" + ATTACHMENTS}
             for n, x in enumerate(ids[i:i + 20])]
    answer = http.post(url + "/$batch", json={"requests": asked},
                       headers={**auth, "Prefer": ", ".join(PREFER)})
    answer.raise_for_status()
    assert all(r["status"] == 200 for r in answer.json()["responses"])
now = datetime.now(UTC)
window = {"startDateTime": (now - timedelta(days=90)).isoformat(),
          "endDateTime": (now + timedelta(days=365)).isoformat()}
page = get(base + "/calendarView/delta", {**window, "$select": "subject"},
           ["odata.maxpagesize=512"])
while page.get("@odata.nextLink"):
    page = get(page["@odata.nextLink"], prefer=["odata.maxpagesize=512"])
text = ['outlook.body-content-type="text"']
events = []
page = get(base + "/calendarView", {**window, "$select": EVENT_SELECT, "$top": "500"}, text)
while True:
    events.extend(page.get("value", []))
    if not page.get("@odata.nextLink"):
        break
    page = get(page["@odata.nextLink"], prefer=text)
print(json.dumps({"seconds": time.perf_counter() - start, "mails": len(ids), "events": len(events),
                  "peak_mb": peak_mb()}))
"""

GRAPH_OURS = GRAPH_COMMON + OURS.split(COMMON, 1)[1].replace(
    "backend = EwsBackend(settings, password)",
    "from kortrijk_cockpit.exchange.graph.backend import GraphBackend\n"
    "backend = GraphBackend(settings, StaticToken(token))")


def run_child(script: str, args: list[str]) -> dict[str, float]:
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=1800, check=False)
    if result.returncode != 0:
        raise SystemExit(f"child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=5000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend", choices=["ews", "graph"], default="ews")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="answer every request this much later (a network round trip)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kortrijk_cockpit.sandbox import SandboxServer, demo_mailbox

    mailbox = demo_mailbox(mails=args.mails, events=args.events, seed=7)
    with SandboxServer(mailbox) as server, tempfile.TemporaryDirectory() as tmp:
        server.faults.latency_s = args.latency_ms / 1000
        if args.backend == "graph":
            common = [server.graph_url, mailbox.owner, mailbox.delegate, server.graph_token]
            baseline_script, ours_script = GRAPH_BASELINE, GRAPH_OURS
        else:
            common = [server.url, mailbox.owner, server.username, server.password]
            baseline_script, ours_script = BASELINE, OURS
        baselines, ours = [], []
        for run in range(args.runs):  # interleaved, so drift hits both alike
            baselines.append(run_child(baseline_script, [*common, tmp]))
            ours.append(run_child(ours_script, [*common, str(Path(tmp) / f"run{run}")]))
        assert server.errors == [], server.errors[:1]
    base_s = sorted(b["seconds"] for b in baselines)[len(baselines) // 2]
    ours_s = sorted(o["seconds"] for o in ours)[len(ours) // 2]
    print(f"backend={args.backend} latency_ms={args.latency_ms:g}")
    print(f"mails={int(ours[0]['mails'])} events={int(ours[0]['events'])} "
          f"baseline_mails={int(baselines[0]['mails'])} baseline_events={int(baselines[0]['events'])}")
    print(f"baseline_s={base_s:.2f}")
    print(f"sync_s={ours_s:.2f}")
    print(f"sync_ratio={ours_s / base_s:.2f}")
    print(f"incremental_noop_s={sorted(o['noop'] for o in ours)[len(ours) // 2]:.3f}")
    print(f"sync_peak_rss_mb={max(o['peak_mb'] for o in ours):.1f}")


if __name__ == "__main__":
    main()
