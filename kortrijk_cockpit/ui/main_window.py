"""The main window: navigation on the left, one view per area, tasks in the status bar.

It only wires views to services and the task runner; no logic of its own.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from kortrijk_cockpit import APP_NAME, __version__
from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.ui.areas import AREA_OF_KIND, areas
from kortrijk_cockpit.ui.change_feed import ChangeFeed, StaleWatch
from kortrijk_cockpit.ui.dialogs.messages import show_failure
from kortrijk_cockpit.ui.models.navigation import NavigationModel
from kortrijk_cockpit.ui.tasks import TaskContext, TaskRunner
from kortrijk_cockpit.ui.views.area import AreaView
from kortrijk_cockpit.ui.views.today import OUTBOX, TodayView
from kortrijk_cockpit.ui.widgets.task_status import TaskStatus

if TYPE_CHECKING:  # these pull in SQLAlchemy, which loads only after the window shows
    from datetime import date

    from kortrijk_cockpit.clock import Clock
    from kortrijk_cockpit.config import Settings
    from kortrijk_cockpit.services.action_points import ActionPointService
    from kortrijk_cockpit.services.agenda import AgendaService
    from kortrijk_cockpit.services.agenda_document import AgendaDocumentService
    from kortrijk_cockpit.services.agenda_sending import AgendaSendingService
    from kortrijk_cockpit.services.appointment_context import AppointmentContextService
    from kortrijk_cockpit.services.appointment_details import AppointmentDetailsService
    from kortrijk_cockpit.services.brief_editing import BriefEditing
    from kortrijk_cockpit.services.brief_prefill import BriefPrefill
    from kortrijk_cockpit.services.brief_publish import BriefPublisher
    from kortrijk_cockpit.services.briefs import BriefService
    from kortrijk_cockpit.services.calendar import CalendarService
    from kortrijk_cockpit.services.carry_over import CarryOverService
    from kortrijk_cockpit.services.compose import ComposeService, Draft
    from kortrijk_cockpit.services.dashboard import DashboardService, DashboardSnapshot
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
    from kortrijk_cockpit.services.search import SearchHit, SearchService
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
    from kortrijk_cockpit.ui.day_overview import DayOverviewDialog, DayOverviewMailer
    from kortrijk_cockpit.ui.dialogs.agenda_settings import AgendaSettingsDialog
    from kortrijk_cockpit.ui.dialogs.connection import ConnectionDialog
    from kortrijk_cockpit.ui.dialogs.find_time import FindTimeDialog
    from kortrijk_cockpit.ui.dialogs.folders import FoldersDialog
    from kortrijk_cockpit.ui.dialogs.outbox import OutboxDialog
    from kortrijk_cockpit.ui.dialogs.outcomes import OutcomesDialog
    from kortrijk_cockpit.ui.dialogs.quick_search import QuickSearchDialog
    from kortrijk_cockpit.ui.dialogs.templates import TemplatesDialog
    from kortrijk_cockpit.ui.import_task import ImportTask
    from kortrijk_cockpit.ui.sync_worker import SyncController
    from kortrijk_cockpit.ui.views.agenda.area import AgendaArea
    from kortrijk_cockpit.ui.views.followup.area import FollowupArea
    from kortrijk_cockpit.ui.views.mail.area import MailArea
    from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea

WINDOW_STATE_FILE = "window.ini"
D = TypeVar("D", bound=QDialog)


@dataclass(frozen=True)
class MainWindowServices:
    dashboard: DashboardService
    search: SearchService
    records: RecordService
    clock: Clock
    store_dialect: str
    store_location: str
    outbox: OutboxService | None = None
    folders: FolderService | None = None
    settings: Settings | None = None
    save_settings: Callable[[Settings], None] | None = None
    # The Mail area (without mail_list, triage and outcomes it stays a placeholder):
    mail_list: MailListService | None = None
    triage: TriageService | None = None
    outcomes: OutcomeService | None = None
    handing_on: HandOnService | None = None
    suggestions: SuggestionService | None = None
    trusted_senders: TrustedSenders | None = None
    compose: ComposeService | None = None  # replies, forwards, meeting answers, standard texts
    importer: MailImporter | None = None  # files dropped on the window
    agenda: AgendaService | None = None  # the Agenda area (a placeholder without it)
    calendar: CalendarService | None = None  # appointments made and changed from the app
    appointments: AppointmentContextService | None = None  # what the office has for one
    appointment_details: AppointmentDetailsService | None = None  # the Agenda's details panel
    find_time: FindTimeService | None = None  # "Zoek een moment"
    day_overview: DayOverviewService | None = None  # the Dagoverzicht: PDF, print, daily mail
    visits: VisitService | None = None  # Opvolging and the visit checklists
    stukken: StukkenService | None = None  # requested stukken: requests, reminders, links
    series: SeriesService | None = None  # Overlegreeksen and their themes
    year_plan: YearPlanService | None = None  # a year of meetings for a series
    themes: ThemeCalendarService | None = None  # themes placed on the year's meetings
    agenda_documents: AgendaDocumentService | None = None  # the agenda as Word/PDF, bundle
    agenda_sending: AgendaSendingService | None = None  # the agenda to its members
    meeting_agenda: MeetingAgendaService | None = None  # Overleg: the weekly agenda
    carry_over: CarryOverService | None = None  # open points back at the right overleg
    minutes: MinutesService | None = None  # the minutes mode of a meeting
    action_points: ActionPointService | None = None  # status, owner, deadline, history
    verslag_sending: VerslagSendingService | None = None  # the verslag to its readers
    briefs: BriefService | None = None  # Fiches: external appointments and the review
    brief_prefill: BriefPrefill | None = None  # Fiches: a new fiche filled from its event
    brief_editing: BriefEditing | None = None  # Fiches: the editor's loads and saves
    brief_publisher: BriefPublisher | None = None  # Fiches: Word/PDF onto the appointment
    person_merge: PersonMergeService | None = None  # Personen: duplicates and merge
    privacy: PrivacyService | None = None  # Personen: retention, export, erasure
    people: PeopleServices | None = None  # Personen (a placeholder without it)
    followup_points: FollowupPointsService | None = None  # "Agenderen op" choices
    verslag: VerslagService | None = None  # versioned verslag files, approval item
    reporting: ReportingService | None = None  # Rapportering: cycles, milestones, parts
    reporting_requests: ReportingRequestService | None = None  # request/reminder mails
    reporting_agenda: ReportingAgendaService | None = None  # milestones onto the MAT/DC
    reporting_export: ReportingExportService | None = None  # the matrix to Excel and PDF
    reporting_hand_on: ReportingHandOn | None = None  # Mail: a received part
    projects: ProjectService | None = None  # Projecten (a placeholder without it)


class MainWindow(QMainWindow):
    """Shown before the store is open (start-up is staged); `attach` hands it
    the services once they are ready."""

    dashboard_loaded = Signal(object)  # DashboardSnapshot
    area_changed = Signal(str)
    connection_saved = Signal(object, object)  # EwsSettings, the secret (password or M365Session)
    settings_changed = Signal(object)  # Settings, saved and updated in place (Agenda settings)

    def __init__(
        self,
        runner: TaskRunner,
        config_dir: Path,
        *,
        report_unexpected: Callable[[BaseException], None],
        services: MainWindowServices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services: MainWindowServices | None = None
        self._snapshot: DashboardSnapshot | None = None  # the latest, for views built later
        self._runner = runner
        self._verslag_windows: dict[int, QWidget] = {}  # one verslag window per meeting
        self._report_unexpected = report_unexpected
        self._state = QSettings(str(config_dir / WINDOW_STATE_FILE), QSettings.Format.IniFormat)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")

        self._areas = areas()
        self.nav_model = NavigationModel(self._areas, self)
        self.nav = QListView()
        self.nav.setObjectName("navigation")
        self.nav.setModel(self.nav_model)
        self.nav.setFixedWidth(200)
        self.nav.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.stack = QStackedWidget()
        self.feed = ChangeFeed(self)
        self.today = TodayView()
        self.today.area_requested.connect(self._open_from_tile)
        self.today.day_requested.connect(self.open_agenda_on)
        self.today.followup_series_requested.connect(self.open_followup_on)
        self.day_overview_mailer: DayOverviewMailer | None = None
        self.stukken_question: QMessageBox | None = None
        self.year_plan_window: QDialog | None = None
        self.meeting_dialog: QDialog | None = None  # move or cancel one meeting
        # Vandaag counts a bit of everything: any change makes it reload, once
        # per burst, and only while it is shown.
        self.today_watch = StaleWatch(self.today, self.feed, Kind, self.refresh)
        self._watches = [self.today_watch]
        # Other areas are built on first visit (placeholders until then):
        # nothing of them shows at start-up, and the window appears sooner.
        self.views: dict[str, QWidget] = {"today": self.today}
        self.stack.addWidget(self.today)
        for _area in self._areas[1:]:
            self.stack.addWidget(QWidget())
        self.nav.selectionModel().currentChanged.connect(
            lambda current, _prev: self._on_nav(current.row())
        )

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.task_status = TaskStatus(runner)
        self.statusBar().addPermanentWidget(self.task_status)
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncLabel")
        # The way in for a first start, and back after a failed sign-in.
        self.sync_label.linkActivated.connect(lambda _link: self.open_connection())
        self._set_sync_text(self.tr("Not connected to Exchange"), link=True)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.sync_cancel = QToolButton()
        self.sync_cancel.setText(self.tr("Cancel"))
        self.sync_cancel.setToolTip(self.tr("Stop the synchronisation (it resumes later)"))
        self.sync_cancel.hide()
        self.statusBar().addPermanentWidget(self.sync_cancel)
        self._sync: SyncController | None = None
        self._file_drop: ImportTask | None = None
        self.compose_dialog: QDialog | None = None  # the latest reply window (tests reach it)
        # A throttling wait counts down in the status bar, so it is clearly not stuck.
        self._throttle_until = 0.0
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setInterval(1000)
        self._throttle_timer.timeout.connect(self._show_throttle_wait)
        self.protocol_label = QLabel()
        self.protocol_label.setObjectName("protocolLabel")
        self.protocol_label.hide()  # until a mailbox is connected
        self.statusBar().addPermanentWidget(self.protocol_label)
        self.store_label = QLabel(self.tr("Opening the database…"))
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addPermanentWidget(self.store_label)
        runner.error.connect(self.show_task_error)

        self._shortcuts: list[tuple[str, str]] = []
        self._build_actions()
        self._restore_state()
        if services is not None:
            self.attach(services)

    # -- Exchange ----------------------------------------------------------------
    def attach_sync(self, controller: SyncController) -> None:
        from kortrijk_cockpit.ui.sync_worker import SyncState

        self._sync = controller
        mail = self.mail_area()
        if mail is not None:
            mail.controller.set_sync(controller)  # type: ignore[attr-defined]
        labels = {
            SyncState.SYNCING: self.tr("Synchronising…"),
            SyncState.OFFLINE: self.tr("Offline: changes are kept and sent later"),
            SyncState.SIGN_IN: self.tr("Sign-in to Exchange failed"),
        }

        self.sync_cancel.clicked.connect(controller.cancel)
        self._show_protocol(controller.profile)

        def on_state(state: str, detail: str, wait: float) -> None:
            self.sync_cancel.setVisible(state in (SyncState.SYNCING, SyncState.THROTTLED))
            self._throttle_timer.stop()
            if state == SyncState.THROTTLED:
                self._throttle_until = time.monotonic() + wait
                self._show_throttle_wait()
                self._throttle_timer.start()
                self.sync_label.setToolTip(detail)
                return
            if state == SyncState.IDLE:
                return  # round_finished sets the time
            self._set_sync_text(detail if state == SyncState.ERROR
                                else labels.get(SyncState(state), detail),
                                link=state == SyncState.SIGN_IN)
            self.sync_label.setToolTip(detail)

        def on_progress(_done: int, _total: int, message: str) -> None:
            if message:
                self._set_sync_text(self.tr("Synchronising: {folder}").format(folder=message))

        def on_round(_result: object) -> None:
            from kortrijk_cockpit.ui.formatting import local

            assert self._services is not None
            when = local(self._services.clock.now()).strftime("%H:%M")
            self._set_sync_text(self.tr("Synchronised at {time}").format(time=when))

        controller.state_changed.connect(on_state)
        controller.progress.connect(on_progress)
        controller.round_finished.connect(on_round)
        # What the round writes reaches the views page by page, through the one feed.
        controller.changed.connect(lambda changes: self.feed.publish(changes, controller))
        if self._services is not None and self._services.people is not None:
            from kortrijk_cockpit.ui.views.people.harvest_hook import PeopleHarvestHook

            # Personen grows from each round's senders, recipients and attendees.
            hook = PeopleHarvestHook(self._services.people.harvest, self._runner, self.feed,
                                     self)
            controller.changed.connect(hook.collect)
            controller.round_finished.connect(hook.round_finished)

    def _show_throttle_wait(self) -> None:
        left = max(0, math.ceil(self._throttle_until - time.monotonic()))
        self._set_sync_text(self.tr("Exchange is busy: trying again in {seconds} s")
                            .format(seconds=left))
        if left == 0:
            self._throttle_timer.stop()

    def _set_sync_text(self, text: str, *, link: bool = False) -> None:
        """The sync state in the status bar; with `link`, a way to the connection dialog."""
        if link:
            action = self.tr("Connection…")
            self.sync_label.setTextFormat(Qt.TextFormat.RichText)
            self.sync_label.setText(f'{escape(text)} · <a href="connection">{escape(action)}</a>')
        else:
            self.sync_label.setTextFormat(Qt.TextFormat.PlainText)
            self.sync_label.setText(text)

    def _sync_now(self) -> None:
        if self._sync is not None:
            self._sync.sync_now()

    def sync_and_refresh(self) -> None:
        self._sync_now()
        self.refresh()

    def _not_ready(self) -> None:
        self.statusBar().showMessage(self.tr("Still opening the database…"), 3000)

    def _show(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        before = QApplication.focusWidget()
        dialog.finished.connect(lambda _result: self._return_focus(before))
        dialog.open()
        return dialog

    def _return_focus(self, widget: QWidget | None) -> None:
        """Back to where she was: the window active again and the widget she worked in
        focused, so her keys (the triage keys on the mail list) work at once. Not every
        platform reactivates the parent when a dialog closes."""
        self.activateWindow()
        if widget is not None and shiboken6.isValid(widget) and widget.window() is self:
            widget.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def open_outbox(self) -> OutboxDialog | None:
        from kortrijk_cockpit.ui.dialogs.outbox import OutboxDialog

        if self._services is None or self._services.outbox is None:
            self._not_ready()
            return None
        dialog = OutboxDialog(self._services.outbox, self._runner, self.feed, self)
        dialog.changed.connect(self._sync_now)  # retried or discarded: send it now
        return self._show(dialog)

    def open_folders(self) -> FoldersDialog | None:
        from kortrijk_cockpit.ui.dialogs.folders import FoldersDialog

        if self._services is None or self._services.folders is None:
            self._not_ready()
            return None
        dialog = FoldersDialog(self._services.folders, self._runner, self)
        dialog.finished.connect(self.sync_and_refresh)
        return self._show(dialog)

    def open_connection(self) -> ConnectionDialog | None:
        from kortrijk_cockpit.ui.dialogs.connection import ConnectionDialog

        services = self._services
        if services is None or services.settings is None or services.save_settings is None:
            self._not_ready()
            return None
        in_use = self._sync.profile if self._sync is not None else None
        dialog = ConnectionDialog(services.settings, self._runner,
                                  save_settings=services.save_settings, in_use=in_use,
                                  parent=self)
        dialog.saved.connect(self.connection_saved)
        return self._show(dialog)

    def open_find_time(self) -> FindTimeDialog | None:
        from kortrijk_cockpit.clock import BRUSSELS
        from kortrijk_cockpit.ui.dialogs.find_time import FindTimeDialog

        services = self._services
        if services is None or services.find_time is None:
            self._not_ready()
            return None

        def announce(changes: Changes) -> None:  # the booking landed: show it, send it
            self.feed.publish(changes, None)
            self._sync_now()

        today = services.clock.now().astimezone(BRUSSELS).date()
        return self._show(FindTimeDialog(services.find_time, self._runner, self._sync,
                                         today=today, announce=announce, parent=self))

    def open_agenda_settings(self) -> AgendaSettingsDialog | None:
        from kortrijk_cockpit.ui.dialogs.agenda_settings import AgendaSettingsDialog

        services = self._services
        if services is None or services.settings is None or services.save_settings is None:
            self._not_ready()
            return None
        dialog = AgendaSettingsDialog(services.settings, services.save_settings, self)
        dialog.saved.connect(self.settings_changed)
        return self._show(dialog)

    def open_templates(self) -> TemplatesDialog | None:
        from kortrijk_cockpit.ui.dialogs.templates import TemplatesDialog

        if self._services is None or self._services.compose is None:
            self._not_ready()
            return None
        return self._show(TemplatesDialog(self._services.compose, self._runner, self))

    def open_outcomes(self) -> OutcomesDialog | None:
        from kortrijk_cockpit.ui.dialogs.outcomes import OutcomesDialog

        if self._services is None or self._services.outcomes is None:
            self._not_ready()
            return None
        dialog = OutcomesDialog(self._services.outcomes, self._runner, self)
        # Every mail's chips, the tree's views and the keys follow the new list.
        dialog.saved.connect(lambda _outcomes: self.feed.publish(Changes.everything(Kind.MAIL),
                                                                 dialog))
        return self._show(dialog)

    def open_visit_templates(self) -> QDialog | None:
        from kortrijk_cockpit.ui.dialogs.checklist_template import ChecklistTemplateDialog

        if self._services is None or self._services.visits is None:
            self._not_ready()
            return None
        return self._show(ChecklistTemplateDialog(self._services.visits, self._runner, self))

    def open_series_editor(self, series_id: int | None = None) -> QDialog | None:
        """Overlegreeksen (File menu; the Overleg area's series_edit_requested)."""
        from kortrijk_cockpit.ui.dialogs.series_editor import SeriesEditorDialog

        if self._services is None or self._services.series is None:
            self._not_ready()
            return None
        return self._show(SeriesEditorDialog(self._services.series, self._runner, self.feed,
                                             series_id, self))

    def open_send_agenda(self, meeting_id: int) -> QDialog | None:
        """The agenda as Word and PDF to the series' members, through the outbox."""
        from kortrijk_cockpit.ui.dialogs.send_agenda import open_send_agenda, template_path

        services = self._services
        if services is None or services.agenda_documents is None \
                or services.agenda_sending is None:
            self._not_ready()
            return None
        dialog = open_send_agenda(self, self._runner, services.agenda_documents,
                                  services.agenda_sending, meeting_id,
                                  template=template_path(services.settings)
                                  if services.settings is not None else None)
        dialog.sent.connect(lambda changes: self.feed.publish(changes, dialog))
        dialog.sent.connect(self._sync_now)
        dialog.failed.connect(self.show_task_error)
        return dialog

    def save_bundle(self, meeting_id: int) -> None:
        """The agendabundel: the agenda, then every received stuk, one PDF."""
        from kortrijk_cockpit.ui.dialogs.send_agenda import save_bundle

        services = self._services
        if services is None or services.agenda_documents is None:
            self._not_ready()
            return
        save_bundle(self, self._runner, services.agenda_documents, meeting_id,
                    on_saved=lambda saved: self.statusBar().showMessage(
                        self.tr("Agendabundel saved: {path}").format(path=saved.path), 8000),
                    on_failure=self.show_task_error)

    def open_year_plan(self, series_id: int) -> None:
        """The series' year plan in its own window: 52 weeks with themes and warnings;
        make the meetings, place the themes, book them, export them."""
        from kortrijk_cockpit.ui.dialogs.year_plan_window import (
            YearPlanServices,
            YearPlanWindow,
        )

        services = self._services
        if services is None or services.year_plan is None or services.themes is None:
            self._not_ready()
            return
        plan, label = services.year_plan, self.tr("Reading the year plan")
        today = services.clock.now()
        year = today.year + (1 if today.month >= 10 else 0)  # autumn: next year's plan

        def show(name: str) -> None:
            window = YearPlanWindow(
                YearPlanServices(plan, services.themes, services.calendar),  # type: ignore[arg-type]
                self._runner, self.feed, series_id, name, year, self)
            window.failed.connect(self.show_task_error)
            window.written.connect(lambda _changes: self._sync_now())
            window.exported.connect(lambda path, count: self.statusBar().showMessage(
                self.tr("{count} meetings written to {path}").format(count=count, path=path),
                8000))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.show()  # not modal: the Overleg area stays usable beside it
            self.year_plan_window = window

        self._runner.run(label, lambda _ctx: plan.series_name(series_id), owner=self,
                         on_success=show, on_failure=lambda exc: self.show_task_error(label, exc))

    def open_compose(self, mail_id: int, mode: str) -> None:
        """Reply, reply all or forward: the draft is read off the GUI thread, then
        the dialog opens; what it queues is announced on the feed."""
        from kortrijk_cockpit.services.compose import ComposeMode
        from kortrijk_cockpit.ui.dialogs.compose import ComposeDialog

        services = self._services
        if services is None or services.compose is None:
            self._not_ready()
            return
        compose = services.compose

        def opened(draft: Draft) -> None:
            dialog = ComposeDialog(compose, self._runner, draft, self)
            dialog.sent.connect(lambda changes: self.feed.publish(changes, dialog))
            dialog.sent.connect(self._sync_now)
            self.compose_dialog = self._show(dialog)

        self._runner.run(self.tr("Preparing the reply"),
                         lambda _ctx: compose.draft(mail_id, ComposeMode(mode)), owner=self,
                         on_success=opened)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def open_in_background(
        self,
        open_core: Callable[[TaskContext], object],
        *,
        on_ready: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run the slow part of start-up on the task runner, with progress shown."""
        self._runner.run(self.tr("Opening the database"), open_core, owner=self,
                         on_success=on_ready, on_failure=on_failure)

    def _show_protocol(self, profile: object) -> None:
        """Which way the mailbox is reached, beside where the store is: the office sees
        at a glance whether the Microsoft 365 switch (EWS ends 1 April 2027) is made."""
        from kortrijk_cockpit.exchange.graph.settings import GraphSettings

        if profile is None:
            self.protocol_label.hide()
            return
        if isinstance(profile, GraphSettings):
            self.protocol_label.setText(self.tr("Microsoft 365 (Graph)"))
        else:
            self.protocol_label.setText(self.tr("Exchange (EWS)"))
        self.protocol_label.setToolTip(getattr(profile, "mailbox", ""))
        self.protocol_label.show()

    def attach(self, services: MainWindowServices) -> None:
        """The store is open: show where it lives and load the current area."""
        self._services = services
        # A file path means nothing to the office and a long one crowds the status
        # bar: "Local database", the path on hover. A shared one names its server.
        if services.store_dialect == "sqlite":
            self.store_label.setText(self.tr("Local database"))
        else:
            self.store_label.setText(self.tr("Shared database: {where}")
                                     .format(where=services.store_location))
        self.store_label.setToolTip(services.store_location)
        if services.importer is not None and self._file_drop is None:
            from kortrijk_cockpit.ui.import_task import install_file_drop

            self._file_drop = install_file_drop(self, self._runner, services.importer)
        for key in ("mail", "calendar", "followup", "meetings", "people", "reporting",
                    "projects"):
            self._replace_placeholder(key)
        self._start_day_overview_mailer(services)
        if services.minutes is not None:  # minutes open when the app stopped: reopen there
            from kortrijk_cockpit.ui.views.minutes.window import reopen_minutes

            reopen_minutes(self, services.minutes, self._runner, self.feed, self._state,
                           on_failure=self.show_task_error,
                           action_points=services.action_points, today=self._today)
        self.refresh()

    def _start_day_overview_mailer(self, services: MainWindowServices) -> None:
        if services.day_overview is None or self.day_overview_mailer is not None:
            return
        from kortrijk_cockpit.ui.day_overview import DayOverviewMailer

        mailer = DayOverviewMailer(services.day_overview, services.clock,
                                   lambda: services.settings, self._runner, self)
        mailer.queued.connect(lambda changes: self.feed.publish(changes, mailer))
        mailer.failed.connect(self.show_task_error)
        self.day_overview_mailer = mailer
        self.settings_changed.connect(lambda _settings: mailer.check())  # a new time or address
        mailer.check()

    def open_day_overview(self) -> DayOverviewDialog | None:
        if self._services is None or self._services.day_overview is None:
            self._not_ready()
            return None
        from kortrijk_cockpit.ui.day_overview import DayOverviewDialog

        dialog = DayOverviewDialog(self._services.day_overview, self._runner, self)
        dialog.failed.connect(self.show_task_error)
        return self._show(dialog)

    def open_followup_on(self, code: str) -> None:
        """A Vandaag "comes back" tile: Opvolging filtered on that series."""
        self.show_area("followup")
        area = self.views.get("followup")
        if area is not None and hasattr(area, "show_series"):
            area.show_series(code)

    def open_agenda_on(self, day: date) -> None:
        """A Vandaag day tile: the Agenda's day view on that day."""
        from kortrijk_cockpit.ui.views.agenda.period import ViewMode

        self.show_area("calendar")
        area = self.agenda_area()
        if area is not None:
            controller = area.controller  # type: ignore[attr-defined]
            controller.anchor = day
            controller.show_mode(ViewMode.DAY)

    def _replace_placeholder(self, key: str) -> None:
        """An area shown before the store opened (the remembered area): now the real one."""
        placeholder = self.views.get(key)
        if not isinstance(placeholder, AreaView):
            return
        row = self.nav_model.row_of(key)
        del self.views[key]
        self._watches = [w for w in self._watches if w.parent() is not placeholder]
        view = self._view(row)  # takes the placeholder's place in the stack
        if self.current_area() == key:
            self.stack.setCurrentWidget(view)

    # -- actions ---------------------------------------------------------------
    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # Bound methods without parameters only: PySide then drops triggered's bool.
        action.triggered.connect(slot)
        self.addAction(action)
        self._shortcuts.append((action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                                text.replace("&", "")))
        return action

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.search_action = self._action(self.tr("Quick search"), "Ctrl+K", self.open_quick_search)
        file_menu.addAction(self.search_action)
        self.refresh_action = self._action(self.tr("Synchronise and refresh"), "F5",
                                           self.sync_and_refresh)
        file_menu.addAction(self.refresh_action)
        self.outbox_action = self._action(self.tr("Outgoing…"), "Ctrl+Shift+U", self.open_outbox)
        file_menu.addAction(self.outbox_action)
        self.connection_action = self._action(self.tr("Connection with Exchange…"), "Ctrl+,",
                                              self.open_connection)
        file_menu.addAction(self.connection_action)
        self.folders_action = self._action(self.tr("Folders to synchronise…"), "Ctrl+Shift+M",
                                           self.open_folders)
        file_menu.addAction(self.folders_action)
        self.day_overview_action = self._action(self.tr("Day overview…"), "Ctrl+P",
                                                self.open_day_overview)
        file_menu.addAction(self.day_overview_action)
        self.templates_action = QAction(self.tr("Standard texts…"), self)
        self.templates_action.triggered.connect(self.open_templates)
        file_menu.addAction(self.templates_action)
        self.outcomes_action = QAction(self.tr("Outcomes…"), self)
        self.outcomes_action.triggered.connect(self.open_outcomes)
        file_menu.addAction(self.outcomes_action)
        self.find_time_action = self._action(self.tr("Find a time…"), "Ctrl+Shift+T",
                                             self.open_find_time)
        file_menu.addAction(self.find_time_action)
        self.agenda_settings_action = QAction(self.tr("Agenda settings…"), self)
        self.agenda_settings_action.triggered.connect(self.open_agenda_settings)
        file_menu.addAction(self.agenda_settings_action)
        self.visit_templates_action = QAction(self.tr("Checklist for visits and tours…"), self)
        self.visit_templates_action.triggered.connect(self.open_visit_templates)
        file_menu.addAction(self.visit_templates_action)
        self.series_action = QAction(self.tr("Meeting series…"), self)
        self.series_action.triggered.connect(lambda: self.open_series_editor())
        file_menu.addAction(self.series_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        for row, area in enumerate(self._areas):
            action = self._action(area.label, f"Ctrl+{row + 1}", self._area_action)
            action.setData(area.key)
            view_menu.addAction(action)
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts))
        about = QAction(self.tr("About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- navigation ------------------------------------------------------------
    @Slot()
    def _area_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_area(str(action.data()))

    def _open_from_tile(self, key: str) -> None:
        if key == OUTBOX:
            self.open_outbox()
        else:
            self.show_area(key)

    def show_area(self, key: str) -> None:
        row = self.nav_model.row_of(key)
        self.nav.selectionModel().setCurrentIndex(
            self.nav_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def current_area(self) -> str:
        return self.nav_model.key_at(self.nav.currentIndex().row())

    def _view(self, row: int) -> QWidget:
        area = self._areas[row]
        if area.key not in self.views:
            placeholder = self.stack.widget(row)
            view: QWidget
            built: QWidget | None = (self._mail_area() if area.key == "mail"
                                     else self._agenda_area() if area.key == "calendar"
                                     else self._followup_area() if area.key == "followup"
                                     else self._meetings_area() if area.key == "meetings"
                                     else self._fiches_area() if area.key == "briefs"
                                     else self._people_area() if area.key == "people"
                                     else self._reporting_area() if area.key == "reporting"
                                     else self._projects_area() if area.key == "projects"
                                     else None)
            if built is not None:
                self.stack.insertWidget(row, built)
                if placeholder is not None:
                    self.stack.removeWidget(placeholder)
                    placeholder.deleteLater()
                self.views[area.key] = built
                return built
            view = AreaView(area)
            view.record_requested.connect(self.open_record)  # its card's mails and records
            if self._snapshot is not None:
                view.show_local_copy(self._snapshot)
            # Its counts of synchronised mail and appointments come with the overview.
            self._watches.append(StaleWatch(view, self.feed, (Kind.MAIL, Kind.EVENT),
                                            self.refresh))
            self.stack.insertWidget(row, view)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.views[area.key] = view
        return self.views[area.key]

    def _mail_area(self) -> MailArea | None:
        """The Mail area, once the store is open (a placeholder before that)."""
        services = self._services
        if (services is None or services.mail_list is None or services.triage is None
                or services.outcomes is None):
            return None
        from kortrijk_cockpit.ui.views.mail.area import MailArea
        from kortrijk_cockpit.ui.views.mail.controller import MailController, MailServices

        area = MailArea()
        controller = MailController(area, MailServices(
            mail_list=services.mail_list, triage=services.triage, outcomes=services.outcomes,
            clock=services.clock, folders=services.folders, handing_on=services.handing_on,
            suggestions=services.suggestions, trusted_senders=services.trusted_senders,
            reporting_hand_on=services.reporting_hand_on,
        ), self._runner, self.feed, self._state)
        area.controller = controller  # type: ignore[attr-defined]
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        controller.record_requested.connect(self.open_record)
        controller.set_sync(self._sync)
        if services.stukken is not None:  # "Koppel als stuk" on mails that bring one
            controller.set_stukken(services.stukken)
        if services.compose is not None:
            controller.set_compose(services.compose)
            controller.compose_requested.connect(self.open_compose)
        if self._snapshot is not None:
            controller.show_local_copy(self._snapshot)
        return area

    def _agenda_area(self) -> AgendaArea | None:
        """The Agenda area, once the store is open (a placeholder before that)."""
        services = self._services
        if services is None or services.agenda is None:
            return None
        from kortrijk_cockpit.ui.views.agenda.area import AgendaArea
        from kortrijk_cockpit.ui.views.agenda.controller import AgendaController, AgendaServices

        settings = services.settings
        hours = ((settings.working_hours_start, settings.working_hours_end)
                 if settings is not None else ("08:00", "18:00"))
        area = AgendaArea()
        controller = AgendaController(area, AgendaServices(
            agenda=services.agenda, outcomes=services.outcomes, working_hours=hours,
            calendar=services.calendar,
        ), self._runner, self.feed)
        area.controller = controller  # type: ignore[attr-defined]
        controller.failed.connect(self.show_task_error)
        area.find_time.clicked.connect(self.open_find_time)
        if controller.editor is not None:
            controller.editor.visit_requested.connect(self.open_visit_checklist)
            controller.editor.fiche_requested.connect(self.make_fiche)
        area.overview.clicked.connect(self.open_day_overview)
        self.settings_changed.connect(lambda new: controller.set_working_hours(
            new.working_hours_start, new.working_hours_end))
        if services.appointment_details is not None:
            from kortrijk_cockpit.ui.views.agenda.details_controller import DetailsController

            details = DetailsController(area.details, services.appointment_details,
                                        self._runner, self.feed)
            area.details_controller = details  # type: ignore[attr-defined]
            details.open_record.connect(self.open_record)
            details.visit_requested.connect(self.open_visit_checklist)
            area.canvas.selected.connect(details.show_event)
            details.failed.connect(self.show_task_error)
            area.restore_layout(self._state)
            area.splitter.splitterMoved.connect(lambda *_: area.save_layout(self._state))
        return area

    def _followup_area(self) -> FollowupArea | None:
        """Opvolging, once the store is open (a placeholder before that)."""
        services = self._services
        if services is None or services.visits is None:
            return None
        from kortrijk_cockpit.ui.views.followup.area import FollowupArea

        area = FollowupArea(services.visits, self._runner, self.feed,
                            points=services.action_points, carry_over=services.carry_over,
                            targets=services.followup_points, state=self._state)
        area.failed.connect(self.show_task_error)
        area.checklist_requested.connect(self.open_visit_checklist)
        area.gone_checklist_requested.connect(self._open_gone_visit_checklist)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return area

    def _projects_area(self) -> QWidget | None:
        """Projecten, once the store is open (a placeholder before that)."""
        services = self._services
        if services is None or services.projects is None:
            return None
        from kortrijk_cockpit.ui.views.projects.area import ProjectsArea

        area = ProjectsArea(services.projects, self._runner, self.feed)
        area.failed.connect(self.show_task_error)
        area.record_requested.connect(self.open_record)
        return area

    def _fiches_area(self) -> QWidget | None:
        """Fiches, once the store is open (a placeholder before that)."""
        services = self._services
        if services is None or services.briefs is None or services.brief_prefill is None \
                or services.brief_editing is None:
            return None
        from kortrijk_cockpit.ui.views.briefs.area import FichesArea

        area = FichesArea(services.briefs, services.brief_prefill, services.brief_editing,
                          self._runner, self.feed, services.clock)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.publish_requested.connect(self.publish_brief)
        return area

    def make_fiche(self, event_id: int) -> None:
        """An appointment marked external by hand gets its fiche (prefilled), shown in
        Fiches."""
        from kortrijk_cockpit.ui.tasks import Lane

        services = self._services
        if services is None or services.briefs is None or services.brief_prefill is None:
            self._not_ready()
            return
        briefs, prefill = services.briefs, services.brief_prefill
        label = self.tr("Making the brief")

        def make(_ctx: object) -> tuple[int, Changes]:
            changes = briefs.mark_external(event_id, True)
            brief_id, made = briefs.create_for_event(event_id)
            changes |= made
            if made:
                changes |= prefill.prefill(brief_id).changes
            return brief_id, changes

        def made(result: tuple[int, Changes]) -> None:
            self.feed.publish(result[1], self)
            self.show_area("briefs")
            from kortrijk_cockpit.ui.views.briefs.area import FichesArea

            fiches = self.views.get("briefs")
            if isinstance(fiches, FichesArea):
                fiches.show_brief(result[0])

        self._runner.run(label, make, owner=self, lane=Lane.STORE, on_success=made,
                         on_failure=lambda exc: self.show_task_error(label, exc))

    def publish_brief(self, brief_id: int) -> QDialog | None:
        """Word and PDF of a fiche; the PDF onto the director's appointment (outbox)."""
        from kortrijk_cockpit.ui.dialogs.publish_brief import publish_brief

        publisher = self._services.brief_publisher if self._services is not None else None
        if publisher is None:
            self._not_ready()
            return None
        dialog = publish_brief(self, self._runner, self.feed, publisher, brief_id)
        dialog.published.connect(lambda _published: self._sync_now())  # to Exchange now
        dialog.failed.connect(self.show_task_error)
        return dialog

    def _people_area(self) -> QWidget | None:
        """Personen, once the store is open. Part 2 connects `duplicates_requested` and
        `privacy_requested(person_id | 0)` to its dialogs."""
        services = self._services
        if services is None or services.people is None:
            return None
        from kortrijk_cockpit.ui.views.people.area import PeopleArea

        area = PeopleArea(services.people, self._runner, self.feed)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.failed.connect(lambda exc: self.show_task_error("", exc))
        area.record_requested.connect(self.open_record)
        area.duplicates_requested.connect(self.show_duplicates)
        area.privacy_requested.connect(self.show_privacy)
        return area

    def show_duplicates(self) -> QDialog | None:
        """People who look like one person, to merge (every link kept)."""
        from kortrijk_cockpit.ui.dialogs.duplicates import show_duplicates

        merge = self._services.person_merge if self._services is not None else None
        if merge is None:
            self._not_ready()
            return None
        dialog = show_duplicates(self, self._runner, self.feed, merge)
        dialog.failed.connect(self.show_task_error)
        return dialog

    def show_privacy(self, person_id: int = 0) -> QDialog | None:
        """Retention: expired people, export of one person, erasure everywhere."""
        from kortrijk_cockpit.ui.dialogs.privacy import show_privacy

        privacy = self._services.privacy if self._services is not None else None
        if privacy is None:
            self._not_ready()
            return None
        dialog = show_privacy(self, self._runner, self.feed, privacy, person_id)
        dialog.failed.connect(self.show_task_error)
        return dialog

    def _meetings_area(self) -> MeetingsArea | None:
        """Overleg, once the store is open (a placeholder before that). Its requests for
        stukken, reminders, sending, the bundle, the year plan and the series settings
        are signals the other parts of Overleg connect to."""
        services = self._services
        if services is None or services.meeting_agenda is None:
            return None
        from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea

        area = MeetingsArea(services.meeting_agenda, self._runner, self.feed)
        area.record_requested.connect(self.open_record)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.failed.connect(self.show_task_error)
        area.remind_requested.connect(self.remind_late_stukken)
        area.request_stukken_requested.connect(self.request_stukken)
        area.send_agenda_requested.connect(self.open_send_agenda)
        area.bundle_requested.connect(self.save_bundle)
        area.year_plan_requested.connect(self.open_year_plan)
        area.series_edit_requested.connect(self.open_series_editor)
        area.move_meeting_requested.connect(self.move_meeting)
        area.cancel_meeting_requested.connect(self.cancel_meeting)
        area.remind_owners_requested.connect(self.remind_action_owners)
        area.minutes_requested.connect(self.open_minutes)
        area.verslag_requested.connect(self.open_verslag)
        return area

    def _reporting_area(self) -> QWidget | None:
        """Rapportering, once the store is open (a placeholder before that)."""
        services = self._services
        if services is None or services.reporting is None:
            return None
        from kortrijk_cockpit.ui.views.reporting.area import ReportingArea

        area = ReportingArea(services.reporting, self._runner, self.feed, self._today().year)
        area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        area.failed.connect(self.show_task_error)
        from kortrijk_cockpit.ui.views.reporting.actions import ReportingToolbar
        from kortrijk_cockpit.ui.views.reporting_mail import ReportingMailActions

        mail = ReportingMailActions(self._runner, self.feed, services.reporting_requests,
                                    services.reporting_agenda, area) \
            if services.reporting_requests is not None and services.reporting_agenda is not None \
            else None
        ReportingToolbar(area, self._runner, mail, services.reporting_export)
        return area

    def _today(self) -> date:
        """Today in Brussels by the services' clock (deadlines typed as "vr" or "15/3")."""
        from kortrijk_cockpit.clock import BRUSSELS

        clock = self._services.clock if self._services is not None else None
        return clock.now().astimezone(BRUSSELS).date() if clock is not None else date.today()

    def open_minutes(self, meeting_id: int) -> None:
        """The minutes mode of a meeting in its own window (the open one when there is one)."""
        from kortrijk_cockpit.ui.views.minutes.window import open_minutes_window

        minutes = self._services.minutes if self._services is not None else None
        if minutes is None:
            self._not_ready()
            return
        open_minutes_window(self, minutes, self._runner, self.feed, meeting_id, self._state,
                            on_failure=self.show_task_error,
                            action_points=self._services.action_points if self._services
                            else None, today=self._today)

    def open_verslag(self, meeting_id: int) -> QWidget | None:
        """The meeting's verslag versions in their own window, one per meeting; sending a
        version and its send log open from there."""
        from kortrijk_cockpit.ui.dialogs.verslag import VerslagWindow

        services = self._services
        if services is None or services.verslag is None:
            self._not_ready()
            return None
        window = self._verslag_windows.get(meeting_id)
        if window is None:
            window = VerslagWindow(services.verslag, self._runner, self.feed, meeting_id,
                                   parent=self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.failed.connect(self.show_task_error)
            window.send_requested.connect(lambda version_id, w=window: self.send_verslag(
                version_id, w))
            window.log_requested.connect(lambda meeting, w=window: self.show_send_log(meeting, w))
            window.destroyed.connect(lambda *_: self._verslag_windows.pop(meeting_id, None))
            self._verslag_windows[meeting_id] = window
        # Asked again: the open window comes back (un-minimised) rather than a second one.
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.activateWindow()
        return window

    def send_verslag(self, version_id: int, parent: QWidget | None = None) -> QDialog | None:
        """Confirm who gets which copy of a verslag version, then queue it."""
        from kortrijk_cockpit.ui.dialogs.send_verslag import send_verslag

        sending = self._services.verslag_sending if self._services is not None else None
        if sending is None:
            self._not_ready()
            return None
        dialog = send_verslag(parent or self, self._runner, sending, version_id)
        dialog.sent.connect(lambda changes: (self.feed.publish(changes, dialog),
                                             self._sync_now()))
        dialog.failed.connect(self.show_task_error)
        return dialog

    def show_send_log(self, meeting_id: int, parent: QWidget | None = None) -> QDialog | None:
        """Who got which version of the verslag, when, and whether it went out."""
        from kortrijk_cockpit.ui.dialogs.send_log import show_send_log

        sending = self._services.verslag_sending if self._services is not None else None
        if sending is None:
            self._not_ready()
            return None
        dialog = show_send_log(parent or self, self._runner, self.feed, sending, meeting_id)
        dialog.failed.connect(self.show_task_error)
        return dialog

    def remind_action_owners(self, meeting_id: int) -> None:
        """One mail per owner with all their open points that come back at this meeting."""
        from kortrijk_cockpit.ui.tasks import Lane

        carry = self._services.carry_over if self._services is not None else None
        if carry is None:
            self._not_ready()
            return
        label = self.tr("Reminding the owners")

        def landed(reminded: Any) -> None:
            self.feed.publish(reminded.changes, self)
            text = (self.tr("Reminders queued: {count}.").format(count=len(reminded.owners))
                    if reminded.owners else
                    self.tr("No owner to remind (or reminded today already)."))
            if reminded.without_address:
                text += " " + self.tr("No address for: {names}.").format(
                    names=", ".join(reminded.without_address))
            self.statusBar().showMessage(text, 10000)
            self._sync_now()
        self._runner.run(label, lambda _ctx: carry.remind_owners(meeting_id), owner=self,
                         lane=Lane.STORE, on_success=landed,
                         on_failure=lambda exc: self.show_task_error(label, exc))

    def move_meeting(self, meeting_id: int) -> QDialog | None:
        """One meeting to another day or hour (its agenda goes with it)."""
        from kortrijk_cockpit.ui.dialogs.move_meeting import MoveMeetingDialog

        plan = self._services.year_plan if self._services is not None else None
        if plan is None:
            self._not_ready()
            return None
        label = self.tr("Moving the meeting")

        def opened(found: tuple[str, Any]) -> None:
            title, start = found
            dialog = MoveMeetingDialog(title, start, self)

            def accepted() -> None:
                wanted = dialog.new_start()  # read here: the dialog is gone by the write
                self._write_meeting(label, lambda: plan.move(meeting_id, wanted))
            dialog.accepted.connect(accepted)
            self.meeting_dialog = self._show(dialog)

        self._runner.run(label, lambda _ctx: plan.meeting_start(meeting_id), owner=self,
                         on_success=opened, on_failure=lambda exc: self.show_task_error(label, exc))
        return None

    def cancel_meeting(self, meeting_id: int) -> None:
        """Cancel one meeting after she confirmed; its items stay on it, to move on."""
        plan = self._services.year_plan if self._services is not None else None
        if plan is None:
            self._not_ready()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel meeting"),
                          self.tr("Cancel this meeting? Its agenda items stay with it, so you "
                                  "can move them to another meeting."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        box.accepted.connect(lambda: self._write_meeting(
            self.tr("Cancelling the meeting"), lambda: plan.cancel(meeting_id)))
        self.meeting_dialog = box
        box.open()

    def _write_meeting(self, label: str, work: Callable[[], Changes]) -> None:
        from kortrijk_cockpit.ui.tasks import Lane

        self._runner.run(label, lambda _ctx: work(), owner=self, lane=Lane.STORE,
                         on_success=lambda changes: self.feed.publish(changes, self),
                         on_failure=lambda exc: self.show_task_error(label, exc))

    def remind_late_stukken(self, meeting_id: int) -> None:
        """One reminder mail per owner whose stukken are late, through the outbox."""
        from kortrijk_cockpit.ui.tasks import Lane

        stukken = self._services.stukken if self._services is not None else None
        if stukken is None:
            self._not_ready()
            return
        label = self.tr("Sending reminders")

        def landed(changes: Changes) -> None:
            self.feed.publish(changes, self)
            count = len(changes.outbox.created)
            self.statusBar().showMessage(
                self.tr("Reminders queued: {count}.").format(count=count) if count
                else self.tr("Nobody is late with a stuk (or was reminded today already)."),
                8000)
            self._sync_now()
        self._runner.run(label, lambda _ctx: stukken.remind_late(meeting_id), owner=self,
                         lane=Lane.STORE, on_success=landed,
                         on_failure=lambda exc: self.show_task_error(label, exc))

    def request_stukken(self, meeting_id: int) -> None:
        """Ask the owners of the agenda's items for their stukken: one mail per owner,
        after she confirmed who gets what."""
        from kortrijk_cockpit.ui.tasks import Lane

        stukken = self._services.stukken if self._services is not None else None
        if stukken is None:
            self._not_ready()
            return
        label = self.tr("Requesting stukken")

        def ask(drafts: list[Any]) -> None:
            if not drafts:
                self.statusBar().showMessage(
                    self.tr("Every item with an owner has its stukken requested already."), 8000)
                return
            owners = sorted({f"{d.owner_name} <{d.owner_email}>" if d.owner_email
                             else d.owner_name for d in drafts})
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Request stukken"),
                              self.tr("Request {items} stukken from {owners} people "
                                      "(one mail each)?\n\n{names}").format(
                                  items=len(drafts), owners=len(owners),
                                  names="\n".join(owners)),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                              self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.Yes)
            box.finished.connect(box.deleteLater)
            box.accepted.connect(lambda: self._runner.run(
                label, lambda _ctx: stukken.request(meeting_id, drafts), owner=self,
                lane=Lane.STORE, on_success=lambda changes: (
                    self.feed.publish(changes, self), self._sync_now()),
                on_failure=lambda exc: self.show_task_error(label, exc)))
            self.stukken_question = box
            box.open()

        self._runner.run(label, lambda _ctx: stukken.proposals(meeting_id), owner=self,
                         on_success=ask, on_failure=lambda exc: self.show_task_error(label, exc))

    def meetings_area(self) -> MeetingsArea | None:
        from kortrijk_cockpit.ui.views.meetings.area import MeetingsArea

        view = self.views.get("meetings")
        return view if isinstance(view, MeetingsArea) else None

    def open_visit_checklist(self, event_id: int) -> None:
        """A visit's or tour's checklist (Opvolging, and the Agenda's appointment)."""
        if self._services is None or self._services.visits is None:
            return
        from kortrijk_cockpit.ui.dialogs.visit_checklist import open_visit_checklist

        open_visit_checklist(self, self._services.visits, self._runner, self.feed, event_id)

    def _open_gone_visit_checklist(self, visit_id: int) -> None:
        if self._services is None or self._services.visits is None:
            return
        from kortrijk_cockpit.ui.dialogs.visit_checklist import open_visit_checklist

        open_visit_checklist(self, self._services.visits, self._runner, self.feed, None,
                             visit_id=visit_id)

    def agenda_area(self) -> AgendaArea | None:
        from kortrijk_cockpit.ui.views.agenda.area import AgendaArea

        view = self.views.get("calendar")
        return view if isinstance(view, AgendaArea) else None

    def mail_area(self) -> MailArea | None:
        from kortrijk_cockpit.ui.views.mail.area import MailArea

        view = self.views.get("mail")
        return view if isinstance(view, MailArea) else None

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self._view(row))
        key = self.nav_model.key_at(row)
        if key == "today":
            self.refresh()
        self.area_changed.emit(key)

    # -- work ------------------------------------------------------------------
    def refresh(self) -> None:
        services = self._services
        if services is None:
            return  # attach() refreshes once the store is open
        from kortrijk_cockpit.clock import BRUSSELS

        for watch in self._watches:  # one overview serves them all
            watch.mark_fresh()
        self.today.set_day(services.clock.now().astimezone(BRUSSELS).date())
        self._runner.run(
            self.tr("Loading the overview"),
            lambda _ctx: services.dashboard.snapshot(),
            owner=self,
            on_success=self._dashboard_ready,
            on_failure=self._dashboard_failed,
        )

    def _dashboard_ready(self, snapshot: DashboardSnapshot) -> None:
        self.today.set_snapshot(snapshot)
        self._snapshot = snapshot
        for view in self.views.values():
            if isinstance(view, AreaView):
                view.show_local_copy(snapshot)
        mail = self.mail_area()
        if mail is not None:
            mail.controller.show_local_copy(snapshot)  # type: ignore[attr-defined]
        self.dashboard_loaded.emit(snapshot)

    def _dashboard_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            self.today.show_error(exc.user_message)
        else:
            self.today.show_error(self.tr("The overview could not be loaded."))
            self._report_unexpected(exc)

    def open_quick_search(self) -> QuickSearchDialog | None:
        from kortrijk_cockpit.ui.dialogs.quick_search import QuickSearchDialog

        if self._services is None:
            self._not_ready()
            return None
        dialog = QuickSearchDialog(self._services.search, self)
        dialog.hit_chosen.connect(self.open_hit)
        return self._show(dialog)

    def open_hit(self, hit: SearchHit) -> None:
        self.open_record(hit.kind, hit.ref_id)

    def open_record(self, kind: str, ref_id: int) -> None:
        """A search hit or a mail's link: the record in its area (a mail in the Mail area)."""
        assert self._services is not None, "records are opened only once attached"
        area = AREA_OF_KIND.get(kind, "today")
        if kind == "mail":
            self.show_area("mail")
            mail = self.mail_area()
            if mail is not None:
                if not mail.controller.reveal(ref_id):  # type: ignore[attr-defined]
                    self.statusBar().showMessage(self.tr("This item no longer exists."), 5000)
                return
        detail = self._services.records.detail(kind, ref_id)
        self.show_area(area)
        view = self.views[area]
        if detail is not None and isinstance(view, AreaView):
            view.show_record(detail)
        elif detail is not None and kind == "person" and hasattr(view, "reveal"):
            view.reveal(ref_id)  # Personen chooses the person
        elif detail is None:
            self.statusBar().showMessage(self.tr("This item no longer exists."), 5000)

    def show_task_error(self, label: str, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            # A stale save offers "Reload": the overview then shows the newest data.
            show_failure(self, label or APP_NAME, exc, reload=self.refresh)
        else:
            self._report_unexpected(exc)

    def show_shortcuts(self) -> None:
        from kortrijk_cockpit.ui.dialogs.shortcuts import ShortcutsDialog
        from kortrijk_cockpit.ui.views.agenda.canvas import agenda_shortcuts
        from kortrijk_cockpit.ui.views.followup.area import followup_shortcuts
        from kortrijk_cockpit.ui.views.mail.shortcut_overlay import mail_shortcuts
        from kortrijk_cockpit.ui.views.meetings.area import meetings_shortcuts
        from kortrijk_cockpit.ui.views.people.area import people_shortcuts
        from kortrijk_cockpit.ui.views.projects.area import projects_shortcuts
        from kortrijk_cockpit.ui.views.reporting.area import reporting_shortcuts

        people = [(keys, self.tr("People: {what}").format(what=what))
                  for keys, what in people_shortcuts()]
        people += [(keys, self.tr("Projects: {what}").format(what=what))
                   for keys, what in projects_shortcuts()]
        meetings = [(keys, self.tr("Meetings: {what}").format(what=what))
                    for keys, what in meetings_shortcuts()]
        mail = [(keys, self.tr("Mail list: {what}").format(what=what))
                for keys, what in mail_shortcuts()]
        agenda = [(keys, self.tr("Agenda: {what}").format(what=what))
                  for keys, what in agenda_shortcuts()]
        followup = [(keys, self.tr("Follow-up: {what}").format(what=what))
                    for keys, what in followup_shortcuts()]
        reporting = [(keys, self.tr("Reporting: {what}").format(what=what))
                     for keys, what in reporting_shortcuts()]
        self._show(ShortcutsDialog(self._shortcuts + mail + agenda + followup + meetings
                                   + people + reporting, self))

    def show_about(self) -> None:
        QMessageBox.about(
            self, APP_NAME,
            self.tr("{app} {version}\nThe cockpit of the office of the general director, "
                    "Stad en OCMW Kortrijk.").format(app=APP_NAME, version=__version__),
        )

    # -- state -----------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._state.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._first_run_size()
        state = self._state.value("state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        area = self._state.value("area", "today")
        keys = {a.key for a in self._areas}
        self.show_area(area if area in keys else "today")

    def _first_run_size(self) -> None:
        """Most of the screen the first time: the Mail area needs its three panes."""
        screen = self.screen()
        if screen is None:
            self.resize(1440, 900)
            return
        free = screen.availableGeometry()
        width, height = int(free.width() * 0.92), int(free.height() * 0.92)
        self.setGeometry(free.x() + (free.width() - width) // 2,
                         free.y() + (free.height() - height) // 2, width, height)

    def save_state(self) -> None:
        self._state.setValue("geometry", self.saveGeometry())
        self._state.setValue("state", self.saveState())
        self._state.setValue("area", self.current_area())
        mail = self.mail_area()
        if mail is not None:
            mail.controller.save_state(self._state)  # type: ignore[attr-defined]
        self._state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        # Its own windows (minutes, verslag, year plan) go with it, so the app quits; open
        # minutes save and open again at the next start.
        from kortrijk_cockpit.ui.views.minutes.window import MinutesWindow

        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible():
                if isinstance(child, MinutesWindow):
                    child.close_with_app()
                else:
                    child.close()
        super().closeEvent(event)
