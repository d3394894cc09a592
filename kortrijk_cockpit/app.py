"""Composition root. Builds the app in a visible order:

1. paths and logging        (config)
2. QApplication             (translations, style)
3. single instance, crash handler
4. main window, shown       (only Qt and light modules are loaded so far)
5. store and services       (on the task runner: SQLAlchemy, migrations,
                             backup; the window stays responsive meanwhile)
6. window.attach(services)

Headless sub-commands use `build_core` and never import Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kortrijk_cockpit import APP_ID, __version__
from kortrijk_cockpit.config import Paths, Settings, make_temp_basedir
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.logging_setup import setup_logging

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.exchange.ews import EwsSettings, Secret
    from kortrijk_cockpit.exchange.graph.settings import GraphSettings
    from kortrijk_cockpit.sandbox import SandboxServer
    from kortrijk_cockpit.services.action_points import ActionPointService
    from kortrijk_cockpit.services.agenda import AgendaService
    from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
    from kortrijk_cockpit.services.agenda_sending import AgendaSendingService
    from kortrijk_cockpit.services.appointment_context import AppointmentContextService
    from kortrijk_cockpit.services.appointment_details import AppointmentDetailsService
    from kortrijk_cockpit.services.brief_editing import BriefEditing
    from kortrijk_cockpit.services.brief_prefill import BriefPrefill
    from kortrijk_cockpit.services.brief_publish import BriefPublisher
    from kortrijk_cockpit.services.briefings import BriefingService
    from kortrijk_cockpit.services.briefs import BriefService
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.services.carry_over import CarryOverService
    from kortrijk_cockpit.services.compose import ComposeService
    from kortrijk_cockpit.services.dashboard import DashboardService
    from kortrijk_cockpit.services.day_overview import DayOverviewService
    from kortrijk_cockpit.services.find_time import FindTimeService
    from kortrijk_cockpit.services.folders import FolderService
    from kortrijk_cockpit.services.followup_points import FollowupPointsService
    from kortrijk_cockpit.services.handing_on import HandOnService
    from kortrijk_cockpit.services.mail_import import MailImporter
    from kortrijk_cockpit.services.mail_list import MailListService
    from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
    from kortrijk_cockpit.services.minutes import MinutesService
    from kortrijk_cockpit.services.outbox import OutboxService
    from kortrijk_cockpit.services.outcomes import OutcomeService
    from kortrijk_cockpit.services.people_area import PeopleServices
    from kortrijk_cockpit.services.person_merge import PersonMergeService
    from kortrijk_cockpit.services.privacy import PrivacyService
    from kortrijk_cockpit.services.projects import ProjectService
    from kortrijk_cockpit.services.records import RecordService
    from kortrijk_cockpit.services.reporting import ReportingService
    from kortrijk_cockpit.services.reporting_agenda import ReportingAgendaService
    from kortrijk_cockpit.services.reporting_export import ReportingExportService
    from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn
    from kortrijk_cockpit.services.reporting_requests import ReportingRequestService
    from kortrijk_cockpit.services.search import SearchService
    from kortrijk_cockpit.services.series import SeriesService
    from kortrijk_cockpit.services.stukken import StukkenService
    from kortrijk_cockpit.services.suggestions import SuggestionService
    from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
    from kortrijk_cockpit.services.triage import TriageService
    from kortrijk_cockpit.services.trusted_senders import TrustedSenders
    from kortrijk_cockpit.services.verslag import VerslagService
    from kortrijk_cockpit.services.verslag_sending import VerslagSendingService
    from kortrijk_cockpit.services.visits import VisitService
    from kortrijk_cockpit.services.year_plan import YearPlanService
    from kortrijk_cockpit.store import Store
    from kortrijk_cockpit.ui.main_window import MainWindowServices
    from kortrijk_cockpit.ui.sync_worker import SyncController

log = logging.getLogger(__name__)

SMOKE_TEST_MAX_MS = 20_000


@dataclass(frozen=True)
class Options:
    basedir: Path | None = None
    temp_basedir: bool = False
    database: str | None = None
    debug: bool = False
    demo: bool = False
    smoke_test: bool = False
    briefings: bool = False  # the director's read-only Briefings window
    graph: bool = False  # --demo --graph: the demo syncs through the sandbox's Graph front-end

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Options:
        return cls(
            basedir=Path(args.basedir) if args.basedir else None,
            temp_basedir=args.temp_basedir,
            database=args.database,
            debug=args.debug,
            demo=args.demo,
            smoke_test=args.smoke_test,
            briefings=getattr(args, "briefings", False),
            graph=getattr(args, "graph", False),
        )


@dataclass(frozen=True)
class Core:
    """Everything below the UI, for the GUI and for headless commands alike."""

    paths: Paths
    settings: Settings
    store: Store
    clock: Clock
    dashboard: DashboardService
    search: SearchService
    records: RecordService
    triage: TriageService
    outbox: OutboxService
    folders: FolderService
    mail_list: MailListService
    outcomes: OutcomeService
    trusted_senders: TrustedSenders
    handing_on: HandOnService
    suggestions: SuggestionService
    compose: ComposeService
    importer: MailImporter
    agenda: AgendaService
    calendar: CalendarService
    appointments: AppointmentContextService
    appointment_details: AppointmentDetailsService
    day_overview: DayOverviewService
    visits: VisitService
    stukken: StukkenService
    series: SeriesService
    year_plan: YearPlanService
    themes: ThemeCalendarService
    agenda_documents: AgendaDocumentService
    agenda_sending: AgendaSendingService
    find_time: FindTimeService | None = None
    exchange: ExchangeConnection | None = None
    meeting_agenda: MeetingAgendaService | None = None  # Overleg: the weekly agenda
    carry_over: CarryOverService | None = None
    minutes: MinutesService | None = None  # the minutes as they are typed
    action_points: ActionPointService | None = None  # status, owner, deadline, history
    verslag_sending: VerslagSendingService | None = None  # the verslag to members and list
    briefs: BriefService | None = None  # external appointments, their fiches and review
    brief_prefill: BriefPrefill | None = None  # a new fiche filled from its appointment
    brief_editing: BriefEditing | None = None  # the fiche editor's loads and saves
    brief_publisher: BriefPublisher | None = None  # a fiche's files onto the appointment
    briefings: BriefingService | None = None  # what the director reads (--briefings, Vandaag)
    person_merge: PersonMergeService | None = None  # duplicate people and their merge
    privacy: PrivacyService | None = None  # retention, export and erasure of one person
    people: PeopleServices | None = None  # Personen: list, harvest, CSV import, timeline
    followup_points: FollowupPointsService | None = None  # "Agenderen op" choices, Vandaag
    verslag: VerslagService | None = None  # versioned verslag: Word, PDF, besluitenlijst
    reporting: ReportingService | None = None  # reporting cycles planned back from the council
    reporting_requests: ReportingRequestService | None = None  # request/reminder mails
    reporting_agenda: ReportingAgendaService | None = None  # milestones onto the MAT/DC
    reporting_export: ReportingExportService | None = None  # the matrix to Excel and PDF
    reporting_hand_on: ReportingHandOn | None = None  # a received part linked from Mail
    projects: ProjectService | None = None  # Projecten: milestones, links, timeline


@dataclass(frozen=True)
class ExchangeConnection:
    """Where to sync from, with the secret kept in memory only."""

    settings: EwsSettings | GraphSettings
    secret: Secret = field(repr=False)  # the password, or the Microsoft 365 sign-in
    sandbox: SandboxServer | None = None  # --demo: the in-process sandbox to stop at exit

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()


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


def build_core(options: Options, paths: Paths) -> Core:
    """Open the store and build the services (slow imports live here)."""
    from kortrijk_cockpit.clock import BRUSSELS, SystemClock
    from kortrijk_cockpit.services.action_points import ActionPointService
    from kortrijk_cockpit.services.agenda import AgendaService, WorkingHours
    from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
    from kortrijk_cockpit.services.agenda_sending import AgendaSendingService
    from kortrijk_cockpit.services.appointment_context import AppointmentContextService
    from kortrijk_cockpit.services.appointment_details import AppointmentDetailsService
    from kortrijk_cockpit.services.brief_editing import BriefEditing
    from kortrijk_cockpit.services.brief_prefill import BriefPrefill, PrefillRules
    from kortrijk_cockpit.services.brief_publish import BriefPublisher
    from kortrijk_cockpit.services.briefings import BriefingService
    from kortrijk_cockpit.services.briefs import BriefService, ExternalRules
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.services.carry_over import CarryOverService
    from kortrijk_cockpit.services.compose import ComposeService
    from kortrijk_cockpit.services.dashboard import DashboardService
    from kortrijk_cockpit.services.day_overview import DayOverviewService
    from kortrijk_cockpit.services.demo_data import seed_demo
    from kortrijk_cockpit.services.find_time import FindTimeService
    from kortrijk_cockpit.services.folders import FolderService
    from kortrijk_cockpit.services.followup_points import FollowupPointsService
    from kortrijk_cockpit.services.handing_on import HandOnService
    from kortrijk_cockpit.services.mail_import import MailImporter
    from kortrijk_cockpit.services.mail_list import MailListService
    from kortrijk_cockpit.services.meeting_agenda import MeetingAgendaService
    from kortrijk_cockpit.services.minutes import MinutesService
    from kortrijk_cockpit.services.outbox import OutboxService
    from kortrijk_cockpit.services.outcomes import OutcomeService
    from kortrijk_cockpit.services.people_area import build_people_services
    from kortrijk_cockpit.services.person_merge import PersonMergeService
    from kortrijk_cockpit.services.preparation import PreparationService
    from kortrijk_cockpit.services.privacy import PrivacyService
    from kortrijk_cockpit.services.projects import ProjectService
    from kortrijk_cockpit.services.records import RecordService
    from kortrijk_cockpit.services.reporting_agenda import ReportingAgendaService
    from kortrijk_cockpit.services.reporting_export import ReportingExportService
    from kortrijk_cockpit.services.reporting_hand_on import ReportingHandOn
    from kortrijk_cockpit.services.reporting_requests import ReportingRequestService
    from kortrijk_cockpit.services.search import SearchService
    from kortrijk_cockpit.services.series import SeriesService
    from kortrijk_cockpit.services.stukken import StukkenService
    from kortrijk_cockpit.services.suggestions import SuggestionService
    from kortrijk_cockpit.services.theme_calendar import ThemeCalendarService
    from kortrijk_cockpit.services.triage import TriageService
    from kortrijk_cockpit.services.trusted_senders import TrustedSenders
    from kortrijk_cockpit.services.verslag import VerslagService
    from kortrijk_cockpit.services.verslag_sending import VerslagSendingService
    from kortrijk_cockpit.services.visits import VisitService
    from kortrijk_cockpit.services.year_plan import YearPlanService
    from kortrijk_cockpit.store import open_store
    from kortrijk_cockpit.store.database import parse_url, sqlite_url

    settings = Settings.load(paths)
    url = parse_url(options.database) if options.database else sqlite_url(paths.default_database)
    store = open_store(url, backups=paths.backups)
    log.info("store open: %s", store.display_url)
    clock = SystemClock()
    sessions = store.session_factory
    # Read once here (Vandaag, the Dagoverzicht); the Agenda and the preparation
    # blocks follow the settings dialog at once through `hours()`.
    working = WorkingHours.parse(settings.working_hours_start, settings.working_hours_end)

    def external_rules() -> ExternalRules:
        return ExternalRules(tuple(settings.city_domains), tuple(settings.external_categories))

    actor = current_user()  # who saved, shown when a shared store refuses a stale save
    briefs = BriefService(sessions, clock, external_rules, actor)
    briefings = BriefingService(sessions, clock, briefs, lambda: settings.fiche_sections)
    dashboard = DashboardService(sessions, clock, working, briefings.outlook)
    exchange = demo_exchange(graph=options.graph) if options.demo else saved_exchange(settings)
    seeded = options.demo and dashboard.snapshot().next_meeting is None
    if seeded:
        seed_demo(sessions, clock.now().astimezone(BRUSSELS).date(), with_mailbox=False)
    mailbox, director = settings.exchange_mailbox, settings.director_name
    if exchange is not None:
        mailbox = exchange.settings.mailbox
    if options.demo:
        from kortrijk_cockpit.demo_office.cast import OWNER

        director = director or OWNER.name
    outcomes = OutcomeService(sessions)
    outcomes.outcomes()  # a new store's default outcomes, written here, off the GUI thread
    agenda, calendar = AgendaService(sessions, clock), CalendarService(sessions)
    appointments = AppointmentContextService(sessions, clock)
    visits = VisitService(sessions, clock)

    def hours() -> tuple[str, str]:
        return settings.working_hours_start, settings.working_hours_end

    verslag = VerslagService(sessions, clock, paths.verslagen,
                             lambda: verslag_template(settings), actor)
    if seeded:  # the last MAT and DC have their verslag v1, as the office would by now
        from kortrijk_cockpit.services.demo_data import seed_demo_verslagen

        seed_demo_verslagen(sessions, verslag, clock.now())
    reporting = build_reporting(sessions, clock, settings)
    return Core(paths=paths, settings=settings, store=store, clock=clock, dashboard=dashboard,
                search=SearchService(sessions), records=RecordService(sessions),
                triage=TriageService(sessions, clock), outbox=OutboxService(sessions),
                folders=FolderService(sessions),
                mail_list=MailListService(sessions, clock), outcomes=outcomes,
                trusted_senders=TrustedSenders(sessions),
                handing_on=HandOnService(sessions, clock),
                suggestions=SuggestionService(sessions),
                compose=ComposeService(sessions, clock, mailbox, director_name=director),
                importer=MailImporter(sessions, clock, paths.attachments,
                                      days_back=settings.calendar_days_back,
                                      days_ahead=settings.calendar_days_ahead),
                agenda=agenda, calendar=calendar, appointments=appointments,
                appointment_details=AppointmentDetailsService(
                    sessions, agenda, appointments,
                    PreparationService(sessions, calendar, appointments,
                                       minutes=lambda: settings.preparation_minutes,
                                       working_hours=hours),
                    hours, visits),
                # The settings object itself: the Agenda settings dialog updates it in place.
                find_time=FindTimeService(sessions, clock, calendar, lambda: settings, mailbox),
                day_overview=DayOverviewService(sessions, clock, working),
                visits=visits,
                stukken=StukkenService(sessions, clock, paths.stukken, director),
                series=SeriesService(sessions), year_plan=YearPlanService(sessions),
                themes=ThemeCalendarService(sessions, clock),
                agenda_documents=AgendaDocumentService(sessions, clock),
                agenda_sending=AgendaSendingService(sessions),
                meeting_agenda=MeetingAgendaService(sessions, clock),
                carry_over=CarryOverService(sessions, clock, director),
                minutes=MinutesService(sessions, clock, actor),
                action_points=ActionPointService(sessions, clock, actor),
                verslag_sending=VerslagSendingService(sessions, clock, director),
                followup_points=FollowupPointsService(sessions, clock),
                reporting=reporting,
                reporting_requests=ReportingRequestService(sessions, clock, reporting.days,
                                                           director),
                reporting_agenda=ReportingAgendaService(sessions, clock),
                reporting_export=ReportingExportService(sessions, clock, reporting),
                reporting_hand_on=ReportingHandOn(sessions, reporting),
                projects=ProjectService(sessions, clock),
                verslag=verslag, briefs=briefs, briefings=briefings,
                brief_publisher=BriefPublisher(
                    sessions, clock, paths.fiches, lambda: fiche_template(settings), actor,
                    sections=lambda: settings.fiche_sections, director=mailbox),
                brief_prefill=BriefPrefill(sessions, clock, lambda: PrefillRules(
                    tuple(settings.city_domains), settings.person_retention_months)),
                brief_editing=BriefEditing(sessions, clock, lambda: settings.fiche_sections),
                person_merge=PersonMergeService(sessions, clock, actor),
                privacy=PrivacyService(sessions, clock,
                                       lambda: settings.person_retention_months, actor),
                people=build_people_services(sessions, clock, settings,
                                             (mailbox,) if mailbox else ()),
                exchange=exchange)


def fiche_template(settings: Settings) -> Path | None:
    """The office's own fiche template when the setting names one, else ours (None)."""
    text = settings.fiche_template_path.strip()
    return Path(text) if text else None


def verslag_template(settings: Settings) -> Path | None:
    """The office's own verslag template when the setting names one, else ours (None)."""
    text = settings.verslag_template_path.strip()
    return Path(text) if text else None


def current_user() -> str:
    """The Windows (or Linux) user name, or "" when the system cannot tell."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def demo_exchange(*, graph: bool = False) -> ExchangeConnection:
    """The demo's Exchange: a sandbox server on a free loopback port, reached over EWS or,
    with `graph`, over its Microsoft Graph front-end (same mailbox)."""
    from kortrijk_cockpit.exchange.ews import EwsSettings
    from kortrijk_cockpit.sandbox import SandboxServer, demo_mailbox

    mailbox = demo_mailbox()
    server = SandboxServer(mailbox)
    server.start()
    if graph:
        from kortrijk_cockpit.exchange.graph.settings import GraphSettings, StaticToken

        log.info("demo sandbox at %s (Microsoft Graph)", server.graph_url)
        return ExchangeConnection(
            GraphSettings(mailbox=mailbox.owner, username=mailbox.delegate,
                          endpoint=server.graph_url),
            StaticToken(server.graph_token), sandbox=server)
    log.info("demo sandbox at %s", server.url)
    settings = EwsSettings(endpoint=server.url, mailbox=mailbox.owner, username=server.username,
                           auth="basic", server_build=(15, 2))
    return ExchangeConnection(settings, server.password, sandbox=server)


def saved_exchange(settings: Settings) -> ExchangeConnection | None:
    """The saved profile with its secret from the keyring, if both are there."""
    from kortrijk_cockpit.exchange.profile import load_saved

    saved = load_saved(settings)
    return ExchangeConnection(*saved) if saved is not None else None


def start_sync(core: Core, exchange: ExchangeConnection) -> SyncController:
    """The sync worker thread; its mailbox round owns the EWS session."""
    from kortrijk_cockpit.exchange.backends import open_backend
    from kortrijk_cockpit.exchange.round import MailboxRound
    from kortrijk_cockpit.exchange.sync import SyncOptions
    from kortrijk_cockpit.ui.sync_worker import SyncController, SyncWorker

    mailbox_round = MailboxRound(lambda: open_backend(exchange.settings, exchange.secret),
                                 core.store.session_factory, core.clock,
                                 SyncOptions.from_settings(core.settings),
                                 attachments_root=core.paths.attachments)
    return SyncController(SyncWorker(mailbox_round),
                          interval_minutes=core.settings.sync_interval_minutes,
                          profile=exchange.settings)


def build_reporting(sessions: sessionmaker[Session], clock: Clock,
                    settings: Settings) -> ReportingService:
    """Reporting with the office's rhythm; closing days that do not read are left out (and
    logged) rather than stopping the app: the settings dialog says which one."""
    from kortrijk_cockpit.services.reporting import ReportingService, Team
    from kortrijk_cockpit.services.reporting_plan import PlanRules

    try:
        rules = PlanRules.from_settings(settings)
    except UserFacingError as exc:
        log.warning("closing days ignored: %s", exc.user_message)
        rules = PlanRules()
    return ReportingService(sessions, clock, rules,
                            [Team.from_setting(t) for t in settings.reporting_teams])


def window_services(built: Core, paths: Paths) -> MainWindowServices:
    """What the main window gets from the core (also for tests that start the real app)."""
    from kortrijk_cockpit.ui.main_window import MainWindowServices

    return MainWindowServices(
        dashboard=built.dashboard, search=built.search, records=built.records,
        clock=built.clock, store_dialect=built.store.dialect,
        store_location=built.store.location, outbox=built.outbox,
        folders=built.folders,
        settings=built.settings, save_settings=lambda s: s.save(paths),
        mail_list=built.mail_list, triage=built.triage, outcomes=built.outcomes,
        trusted_senders=built.trusted_senders, handing_on=built.handing_on,
        suggestions=built.suggestions, compose=built.compose,
        importer=built.importer, agenda=built.agenda, calendar=built.calendar,
        appointments=built.appointments, appointment_details=built.appointment_details,
        find_time=built.find_time, day_overview=built.day_overview,
        visits=built.visits, stukken=built.stukken, series=built.series,
        year_plan=built.year_plan, themes=built.themes,
        agenda_documents=built.agenda_documents, agenda_sending=built.agenda_sending,
        meeting_agenda=built.meeting_agenda, carry_over=built.carry_over,
        minutes=built.minutes, action_points=built.action_points,
        verslag_sending=built.verslag_sending, followup_points=built.followup_points,
        verslag=built.verslag, briefs=built.briefs, reporting=built.reporting,
        reporting_requests=built.reporting_requests, reporting_agenda=built.reporting_agenda,
        reporting_export=built.reporting_export, reporting_hand_on=built.reporting_hand_on,
        projects=built.projects,
        brief_prefill=built.brief_prefill, brief_editing=built.brief_editing,
        brief_publisher=built.brief_publisher,
        person_merge=built.person_merge, privacy=built.privacy,
        people=built.people,
    )


def run_gui(options: Options) -> int:
    paths, log_file = prepare(options)
    if options.briefings or Settings.load(paths).role == "director":
        return run_briefings(options, paths)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from kortrijk_cockpit.ui.application import create_application, route_qt_messages_to_log
    from kortrijk_cockpit.ui.crash import CrashHandler
    from kortrijk_cockpit.ui.dialogs.crash_dialog import CrashDialog
    from kortrijk_cockpit.ui.main_window import MainWindow
    from kortrijk_cockpit.ui.single_instance import SingleInstance
    from kortrijk_cockpit.ui.tasks import TaskContext, TaskRunner

    route_qt_messages_to_log()
    app = create_application(sys.argv[:1])
    instance = SingleInstance(paths.data)
    if not instance.acquire():
        instance.notify_running()
        print(f"{APP_ID}: Kortrijk Cockpit is al geopend voor deze gegevensmap; "
              "dat venster is naar voren gehaald.", file=sys.stderr)
        return 0

    crash = CrashHandler(paths.logs, interactive=not options.smoke_test)
    crash.install()
    runner = TaskRunner(app)
    core: Core | None = None
    sync: SyncController | None = None
    startup_error: list[UserFacingError] = []
    try:
        window = MainWindow(
            runner, paths.config,
            report_unexpected=lambda exc: crash.handle(
                type(exc), exc, getattr(exc, "__cockpit_traceback__", exc.__traceback__)
            ),
        )
        crash.crashed.connect(
            lambda report, path: CrashDialog(report, path, str(log_file), window).exec()
        )
        instance.activation_requested.connect(window.bring_to_front)
        window.show()
        log.info("main window shown")
        QTimer.singleShot(0, instance.listen)

        def core_ready(built: Core) -> None:
            nonlocal core, sync
            core = built
            window.attach(window_services(built, paths))
            if built.exchange is not None:
                connect(built.exchange)

        def connect(exchange: ExchangeConnection) -> None:
            nonlocal sync
            assert core is not None
            if sync is not None:
                sync.shutdown()
            sync = start_sync(core, exchange)
            core.compose.set_mailbox(exchange.settings.mailbox)  # reply all leaves him out
            if window.day_overview_mailer is not None:  # the Dagoverzicht's default address
                window.day_overview_mailer.set_mailbox(exchange.settings.mailbox)
            window.attach_sync(sync)
            if exchange.sandbox is not None:
                seed_visits_after_first_round(sync)
            sync.start()

        def seed_visits_after_first_round(controller: SyncController) -> None:
            """--demo: the bezoek and rondleiding arrive with the first sync; then
            their checklists are made (once), on the store lane."""
            from kortrijk_cockpit.clock import BRUSSELS
            from kortrijk_cockpit.services.demo_data import seed_demo_visits
            from kortrijk_cockpit.ui.tasks import Lane

            def seed(_outcome: object) -> None:
                controller.round_finished.disconnect(seed)
                assert core is not None
                sessions, today = core.store.session_factory, core.clock.now().astimezone(
                    BRUSSELS).date()
                runner.run("Demo: bezoeken", lambda _c: seed_demo_visits(sessions, today),
                           lane=Lane.STORE, on_landed=window.feed.publish)

            controller.round_finished.connect(seed)

        def connection_saved(settings: EwsSettings | GraphSettings, secret: Secret) -> None:
            connect(ExchangeConnection(settings, secret))

        window.connection_saved.connect(connection_saved)

        def core_failed(exc: BaseException) -> None:
            if not isinstance(exc, UserFacingError):
                raise exc  # a bug: the crash handler takes it from here
            startup_error.append(exc)
            if not options.smoke_test:
                QMessageBox.critical(window, "Kortrijk Cockpit", exc.user_message)
            app.exit(1)

        def open_core(_ctx: TaskContext) -> Core:
            return build_core(options, paths)

        window.open_in_background(open_core, on_ready=core_ready, on_failure=core_failed)

        if options.smoke_test:
            # Quit once the first overview has loaded, or at the latest after a while.
            window.dashboard_loaded.connect(lambda _snap: QTimer.singleShot(100, app.quit))
            QTimer.singleShot(SMOKE_TEST_MAX_MS, lambda: app.exit(4))

        code = app.exec()
        if sync is not None:
            sync.shutdown()
        runner.wait_for_done()
        window.save_state()
        if core is not None:
            if core.exchange is not None:
                core.exchange.close()
            core.store.close()
        if startup_error:
            raise startup_error[0]
        if options.smoke_test and crash.reports:
            print(f"{APP_ID}: rooktest mislukt: onverwachte fout (zie hierboven).", file=sys.stderr)
            return 1
        if options.smoke_test and code == 4:
            print(f"{APP_ID}: rooktest mislukt: het overzicht werd niet geladen.", file=sys.stderr)
        return code
    finally:
        instance.close()
        crash.uninstall()


def run_briefings(options: Options, paths: Paths) -> int:
    """The director's read-only Briefings window instead of the full app."""
    from PySide6.QtCore import QTimer

    from kortrijk_cockpit.ui.application import create_application, route_qt_messages_to_log
    from kortrijk_cockpit.ui.briefings.window import BriefingsServices, BriefingsWindow
    from kortrijk_cockpit.ui.crash import CrashHandler
    from kortrijk_cockpit.ui.tasks import TaskRunner

    route_qt_messages_to_log()
    app = create_application(sys.argv[:1])
    crash = CrashHandler(paths.logs, interactive=not options.smoke_test)
    crash.install()
    runner = TaskRunner(app)
    built: list[Core] = []
    startup_error: list[UserFacingError] = []
    try:
        window = BriefingsWindow(runner, report_unexpected=lambda exc: crash.handle(
            type(exc), exc, getattr(exc, "__cockpit_traceback__", exc.__traceback__)))

        def core_ready(core: Core) -> None:
            built.append(core)
            assert core.briefings is not None and core.briefs is not None
            window.attach(BriefingsServices(core.briefings, core.briefs))

        def core_failed(exc: BaseException) -> None:
            if not isinstance(exc, UserFacingError):
                raise exc  # a bug: the crash handler takes it from here
            startup_error.append(exc)
            if not options.smoke_test:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(window, "Kortrijk Cockpit", exc.user_message)
            app.exit(1)

        runner.run("Gegevens openen", lambda _c: build_core(options, paths),
                   on_success=core_ready, on_failure=core_failed)
        window.show()
        log.info("briefings window shown")
        window.rows_loaded.connect(lambda n: log.info("briefings: %d external appointment(s)", n))
        if options.smoke_test:
            window.rows_loaded.connect(lambda _n: QTimer.singleShot(100, app.quit))
            QTimer.singleShot(SMOKE_TEST_MAX_MS, lambda: app.exit(4))
        code = app.exec()
        runner.wait_for_done()
        for core in built:
            if core.exchange is not None:
                core.exchange.close()
            core.store.close()
        if startup_error:
            raise startup_error[0]
        if options.smoke_test and crash.reports:
            print(f"{APP_ID}: rooktest mislukt: onverwachte fout (zie hierboven).", file=sys.stderr)
            return 1
        return code
    finally:
        crash.uninstall()
