"""Sync benchmark: initial sync of 5,000 mails and 1,000 events from the sandbox.

Run on demand:  python tests/benchmarks/bench_sync.py [--mails N] [--events N]

The sandbox serves from this process; each client runs in a fresh child
process, so its time and peak memory are its own:
- baseline: exchangelib alone, syncing the same folders with the same fields,
  fetching the same bodies in the same batches and reading the same calendar
  window;
- ours: SyncEngine into a fresh SQLite store, then a second sync with no changes.

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
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kortrijk_cockpit.sandbox import SandboxServer, demo_mailbox

    mailbox = demo_mailbox(mails=args.mails, events=args.events, seed=7)
    with SandboxServer(mailbox) as server, tempfile.TemporaryDirectory() as tmp:
        common = [server.url, mailbox.owner, server.username, server.password]
        baselines, ours = [], []
        for run in range(args.runs):  # interleaved, so drift hits both alike
            baselines.append(run_child(BASELINE, [*common, tmp]))
            ours.append(run_child(OURS, [*common, str(Path(tmp) / f"run{run}")]))
    base_s = sorted(b["seconds"] for b in baselines)[len(baselines) // 2]
    ours_s = sorted(o["seconds"] for o in ours)[len(ours) // 2]
    print(f"mails={int(ours[0]['mails'])} events={int(ours[0]['events'])} "
          f"baseline_mails={int(baselines[0]['mails'])} baseline_events={int(baselines[0]['events'])}")
    print(f"baseline_s={base_s:.2f}")
    print(f"sync_s={ours_s:.2f}")
    print(f"sync_ratio={ours_s / base_s:.2f}")
    print(f"incremental_noop_s={sorted(o['noop'] for o in ours)[len(ours) // 2]:.3f}")
    print(f"sync_peak_rss_mb={max(o['peak_mb'] for o in ours):.1f}")


if __name__ == "__main__":
    main()
