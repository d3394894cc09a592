"""People from each sync round: the round's mail and appointment changes are gathered
page by page, and once the round is over the harvest runs for just those rows on the
store lane; the people it made or updated go out on the change feed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.ui.tasks import Lane

if TYPE_CHECKING:
    from kortrijk_cockpit.services.people_harvest import HarvestReport, PeopleHarvest
    from kortrijk_cockpit.ui.change_feed import ChangeFeed
    from kortrijk_cockpit.ui.tasks import TaskRunner


class PeopleHarvestHook(QObject):
    harvested = Signal(object)  # the HarvestReport

    def __init__(self, harvest: PeopleHarvest, runner: TaskRunner, feed: ChangeFeed,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._harvest = harvest
        self._runner = runner
        self._feed = feed
        self._pending = Changes()

    def collect(self, changes: Changes) -> None:
        """A sync page's changes (connect to the sync controller's `changed`)."""
        if changes.touches_any((Kind.MAIL, Kind.EVENT)):
            self._pending = self._pending | changes

    def round_finished(self, *_args: object) -> None:
        """The round is over (connect to `round_finished`): harvest what it brought."""
        pending, self._pending = self._pending, Changes()
        if not pending.touches_any((Kind.MAIL, Kind.EVENT)):
            return
        harvest, feed = self._harvest, self._feed
        self._runner.run(self.tr("Updating people from mail and calendar"),
                         lambda _c: harvest.after_sync(pending), owner=self, lane=Lane.STORE,
                         on_landed=lambda report: feed.publish(report.changes, None),
                         on_success=self._done)

    def _done(self, report: HarvestReport) -> None:
        self.harvested.emit(report)
