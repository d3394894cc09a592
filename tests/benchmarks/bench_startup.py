"""Start-up benchmark: process start to main window shown, with 100,000 mails.

Run on demand:  python tests/benchmarks/bench_startup.py [--mails N] [--runs N]

Both the app and a bare PySide6 window are started as fresh processes in the
same run; each reports once its window is shown and the event loop has
turned once. Printed, each on its own line:

    startup_ratio=<app median / bare median>   target: at most 2.0
    startup_rss_mb=<app's peak resident memory at that moment>
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Both children print "shown <peak rss in MB>" right after their window is
# shown and the first event-loop pass has run, then quit.
REPORT = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def peak_rss_mb():
    try:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:
        return float("nan")

def report_then_quit():
    print(f"shown {peak_rss_mb():.1f}", flush=True)
    QApplication.instance().quit()
"""

BARE = REPORT + """
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 900)
window.show()
QTimer.singleShot(0, report_then_quit)
sys.exit(app.exec())
"""

APP = REPORT + """
from kortrijk_cockpit.ui import main_window
_show = main_window.MainWindow.show
def show(self):
    _show(self)
    QTimer.singleShot(0, report_then_quit)
main_window.MainWindow.show = show
from kortrijk_cockpit.__main__ import main
sys.exit(main(["--basedir", sys.argv[1], "--smoke-test"]))
"""


def prepare_store(basedir: Path, mails: int) -> None:
    from kortrijk_cockpit.config import Paths
    from kortrijk_cockpit.services.demo_data import bulk_insert_mails
    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import sqlite_url

    paths = Paths.for_basedir(basedir)
    paths.ensure()
    store = open_store(sqlite_url(paths.default_database), backups=paths.backups)
    bulk_insert_mails(store.session_factory, mails)
    store.close()


def time_once(script: str, *args: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed or frozen app always has bytecode, and so does PySide6 here:
    # let the warm-up run write ours instead of compiling on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.communicate(timeout=120)
    if not line.startswith("shown"):
        raise SystemExit(f"child did not report its window (exit {proc.returncode})")
    return elapsed, float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cockpit-bench-") as tmp:
        basedir = Path(tmp)
        t0 = time.perf_counter()
        prepare_store(basedir, args.mails)
        print(f"store_prepared_s={time.perf_counter() - t0:.1f} mails={args.mails}")
        time_once(APP, str(basedir))  # warm the OS file cache and .pyc files for both
        time_once(BARE)
        app_times, bare_times, rss = [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare_times.append(time_once(BARE)[0])
            elapsed, peak = time_once(APP, str(basedir))
            app_times.append(elapsed)
            rss.append(peak)
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    print(f"bare_window_s={bare_s:.3f}")
    print(f"startup_s={app_s:.3f}")
    print(f"startup_ratio={app_s / bare_s:.2f}")
    print(f"startup_rss_mb={statistics.median(rss):.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
