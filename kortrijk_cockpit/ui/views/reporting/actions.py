"""The Rapportering area's toolbar beyond the year: request and reminder mails, the MAT/DC
milestones onto the agenda, and the matrix to Excel or PDF (all on the task runner)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from kortrijk_cockpit.services.reporting_export import ReportingExportService, file_name
from kortrijk_cockpit.services.reporting_requests import MailKind
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.reporting.area import ReportingArea
from kortrijk_cockpit.ui.views.reporting_mail import ReportingMailActions


class ReportingToolbar(QObject):
    """Adds the actions to `area` (its toolbar, with their keys)."""

    def __init__(self, area: ReportingArea, runner: TaskRunner,
                 mail: ReportingMailActions | None,
                 export: ReportingExportService | None) -> None:
        super().__init__(area)
        self._area, self._runner, self._export = area, runner, export
        if mail is not None:
            mail.setParent(self)
            mail.message.connect(area.message)
            mail.failed.connect(area.failed)
            area.add_action(self.tr("Request parts…"), "Ctrl+Shift+R",
                            lambda: mail.mail(MailKind.REQUEST))
            area.add_action(self.tr("Remind owners…"), "Ctrl+Shift+H",
                            lambda: mail.mail(MailKind.REMINDER))
            area.add_action(self.tr("Put milestones on the MAT/DC"), "Ctrl+Shift+A",
                            mail.place_milestones)
        if export is not None:
            area.add_action(self.tr("Export to Excel…"), "Ctrl+E", lambda: self._save(".xlsx"))
            area.add_action(self.tr("Export to PDF…"), "Ctrl+Shift+E", lambda: self._save(".pdf"))

    def _save(self, suffix: str) -> None:
        export, year = self._export, self._area.year.value()
        assert export is not None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = str(Path(folder) / file_name(year, suffix))
        kind = "Excel (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self._area, self.tr("Export the matrix"), name,
                                              kind)
        if not path:
            return
        target = Path(path)
        label = self.tr("Exporting the matrix")
        write = export.write_xlsx if suffix == ".xlsx" else export.write_pdf
        self._runner.run(label, lambda _ctx: write(year, target), owner=self,
                         on_success=lambda _matrix: self._area.message.emit(
                             self.tr("The matrix is saved as {name}.").format(name=target.name)),
                         on_failure=lambda exc: self._area.failed.emit(label, exc))
