"""Composition root. Builds the app in a visible order:

1. paths and logging        (config)
2. QApplication             (translations, style)
3. single instance, crash handler
4. store                    (open, back up, migrate)
5. services                 (Qt-free use cases)
6. task runner, main window (ui)

Headless sub-commands use `build_core` and never import Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from kortrijk_cockpit import APP_ID, __version__
from kortrijk_cockpit.config import Paths, Settings, make_temp_basedir
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.logging_setup import setup_logging
from kortrijk_cockpit.services.clock import BRUSSELS, Clock, SystemClock
from kortrijk_cockpit.services.dashboard import DashboardService
from kortrijk_cockpit.services.demo_data import seed_demo
from kortrijk_cockpit.services.records import RecordService
from kortrijk_cockpit.services.search import SearchService
from kortrijk_cockpit.store import Store, open_store
from kortrijk_cockpit.store.database import parse_url, sqlite_url

log = logging.getLogger(__name__)

SMOKE_TEST_MAX_MS = 10_000


@dataclass(frozen=True)
class Options:
    basedir: Path | None = None
    temp_basedir: bool = False
    database: str | None = None
    debug: bool = False
    demo: bool = False
    smoke_test: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Options:
        return cls(
            basedir=Path(args.basedir) if args.basedir else None,
            temp_basedir=args.temp_basedir,
            database=args.database,
            debug=args.debug,
            demo=args.demo,
            smoke_test=args.smoke_test,
        )


@dataclass(frozen=True)
class Core:
    """Everything below the UI, for the GUI and for headless commands alike."""

    paths: Paths
    settings: Settings
    log_file: Path
    store: Store
    clock: Clock
    dashboard: DashboardService
    search: SearchService
    records: RecordService


def resolve_paths(options: Options) -> Paths:
    if options.basedir is not None:
        paths = Paths.for_basedir(options.basedir.expanduser().resolve())
    elif options.temp_basedir or options.demo:
        paths = Paths.for_basedir(make_temp_basedir())
    else:
        paths = Paths.standard()
    paths.ensure()
    return paths


def prepare(options: Options) -> tuple[Paths, Path]:
    paths = resolve_paths(options)
    log_file = setup_logging(paths.logs, debug=options.debug)
    log.info("%s %s starting, data in %s", APP_ID, __version__, paths.data)
    return paths, log_file


def build_core(options: Options, paths: Paths, log_file: Path) -> Core:
    settings = Settings.load(paths)
    url = parse_url(options.database) if options.database else sqlite_url(paths.default_database)
    store = open_store(url, backups=paths.backups)
    log.info("store open: %s", store.display_url)
    clock = SystemClock()
    sessions = store.session_factory
    if options.demo and DashboardService(sessions, clock).snapshot().next_meeting is None:
        seed_demo(sessions, clock.now().astimezone(BRUSSELS).date())
    return Core(
        paths=paths,
        settings=settings,
        log_file=log_file,
        store=store,
        clock=clock,
        dashboard=DashboardService(sessions, clock),
        search=SearchService(sessions),
        records=RecordService(sessions),
    )


def run_gui(options: Options) -> int:
    paths, log_file = prepare(options)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from kortrijk_cockpit.ui.application import create_application
    from kortrijk_cockpit.ui.crash import CrashHandler
    from kortrijk_cockpit.ui.dialogs.crash_dialog import CrashDialog
    from kortrijk_cockpit.ui.main_window import MainWindow, MainWindowServices
    from kortrijk_cockpit.ui.single_instance import SingleInstance
    from kortrijk_cockpit.ui.tasks import TaskRunner

    app = create_application(sys.argv[:1])
    instance = SingleInstance(paths.data)
    if instance.notify_running():
        print(f"{APP_ID}: Kortrijk Cockpit is al geopend voor deze gegevensmap; "
              "dat venster is naar voren gehaald.", file=sys.stderr)
        return 0
    instance.listen()

    crash = CrashHandler(paths.logs, interactive=not options.smoke_test)
    crash.install()
    try:
        try:
            core = build_core(options, paths, log_file)
        except UserFacingError as exc:
            if not options.smoke_test:
                QMessageBox.critical(None, "Kortrijk Cockpit", exc.user_message)
            raise

        runner = TaskRunner(app)
        services = MainWindowServices(
            dashboard=core.dashboard, search=core.search, records=core.records,
            clock=core.clock, store_dialect=core.store.dialect,
            store_location=core.store.location,
        )
        window = MainWindow(
            services, runner, paths.config,
            report_unexpected=lambda exc: crash.handle(
                type(exc), exc, getattr(exc, "__cockpit_traceback__", exc.__traceback__)
            ),
        )

        def show_crash(report: str, path: str) -> None:
            CrashDialog(report, path, str(core.log_file), window).exec()

        crash.crashed.connect(show_crash)
        instance.activation_requested.connect(lambda: (window.showNormal(), window.raise_(),
                                                       window.activateWindow()))
        window.show()
        log.info("main window shown")

        if options.smoke_test:
            # Quit once the first overview has loaded (or failed), or at the latest after a while.
            window.dashboard_loaded.connect(lambda _snap: QTimer.singleShot(200, app.quit))
            runner.task_finished.connect(lambda _id: QTimer.singleShot(200, app.quit))
            QTimer.singleShot(SMOKE_TEST_MAX_MS, app.quit)

        code = app.exec()
        runner.wait_for_done()
        window.save_state()
        core.store.close()
        if options.smoke_test and crash.reports:
            print(f"{APP_ID}: rooktest mislukt: onverwachte fout (zie hierboven).", file=sys.stderr)
            return 1
        return code
    finally:
        instance.close()
        crash.uninstall()
