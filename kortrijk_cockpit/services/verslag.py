"""Finalising the minutes of an overleg into a versioned verslag (v1, v2, ...).

Each version keeps a snapshot of what it was made from (`MinutesVersion.snapshot`) and
six files under `verslagen/<meeting id>/`: the verslag, the besluitenlijst and the copy
for the wider list (confidential items left out entirely), each as Word and PDF. Files of
earlier versions are never touched, so what was sent stays readable. Making a version also
puts "Goedkeuring verslag" first on the series' next meeting (once), and a meeting that
has a verslag was held.

Qt-free; the PDFs need a QGuiApplication (fonts), so the UI calls `finalise` on the task
runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kortrijk_cockpit.changes import Changes, Kind
from kortrijk_cockpit.clock import BRUSSELS, Clock
from kortrijk_cockpit.documents import verslag_docx, verslag_pdf
from kortrijk_cockpit.documents.verslag_model import (
    ActionLine,
    FollowupLine,
    ItemLine,
    Verslag,
    dutch_day,
    made_at_text,
)
from kortrijk_cockpit.domain import ActionPointEvent, MinutesVersion
from kortrijk_cockpit.domain.meetings import (
    ActionPoint,
    AgendaItem,
    AgendaItemKind,
    Meeting,
    MeetingSeries,
    MeetingStatus,
)
from kortrijk_cockpit.domain.minutes import ActionEventKind, AttendanceStatus
from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.action_events import due_text
from kortrijk_cockpit.services.agenda_document import KIND_TEXT
from kortrijk_cockpit.services.carry_over import STATUS_LABELS
from kortrijk_cockpit.services.lookup import existing
from kortrijk_cockpit.services.minutes import Minutes, MinutesService

APPROVAL_MINUTES = 5


@dataclass(frozen=True)
class VersionFiles:
    docx: Path
    pdf: Path
    decisions_docx: Path
    decisions_pdf: Path
    wider_docx: Path
    wider_pdf: Path


@dataclass(frozen=True)
class VersionRow:
    id: int
    number: int
    created_at: datetime
    created_by: str
    approved_at: datetime | None
    approved_in: str  # "MAT 12/01/2027", "" while not approved
    files: VersionFiles


@dataclass(frozen=True)
class VerslagOverview:
    meeting_id: int
    title: str  # "MAT van dinsdag 5 januari 2027"
    locked: bool
    banner: str  # "Goedgekeurd op 12/01/2027 in MAT 12/01/2027", "" while open
    versions: tuple[VersionRow, ...]  # newest first


@dataclass(frozen=True)
class VersionMade:
    version_id: int
    number: int
    files: VersionFiles
    approval_meeting_id: int | None  # where "Goedkeuring verslag" stands (new or not)
    changes: Changes


class VerslagService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, folder: Path,
                 template: Callable[[], Path | None], actor: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._folder = folder
        self._template = template  # the office's own verslag template, read when used
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def versions(self, meeting_id: int) -> tuple[VersionRow, ...]:
        return self.overview(meeting_id).versions

    def overview(self, meeting_id: int) -> VerslagOverview:
        with self._sessions() as s:
            meeting = existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")
            rows = list(s.scalars(select(MinutesVersion)
                                  .where(MinutesVersion.meeting_id == meeting_id)
                                  .order_by(MinutesVersion.number.desc())))
            versions = tuple(VersionRow(
                v.id, v.number, v.created_at, v.created_by, v.approved_at,
                _short(s, v.approved_in_meeting_id), _files(v)) for v in rows)
            banner = ""
            if meeting.minutes_locked_at is not None:
                approved = next((v for v in versions if v.approved_at is not None), None)
                where = f" in {approved.approved_in}" if approved and approved.approved_in \
                    else ""
                banner = (f"Goedgekeurd op {_day(meeting.minutes_locked_at)}{where}. "
                          "Het verslag kan niet meer wijzigen.")
            name = _name(s, meeting)
            title = f"{name} van {dutch_day(meeting.starts_at.astimezone(BRUSSELS).date())}"
            return VerslagOverview(meeting.id, title, meeting.minutes_locked_at is not None,
                                   banner, versions)

    def open_paths(self, version_id: int) -> VersionFiles:
        with self._sessions() as s:
            version = existing(s, MinutesVersion, version_id,
                               "Deze versie van het verslag bestaat niet meer.")
            return _files(version)

    def snapshot(self, version_id: int) -> Verslag:
        """What a version was made from, as it was then."""
        with self._sessions() as s:
            version = existing(s, MinutesVersion, version_id,
                               "Deze versie van het verslag bestaat niet meer.")
            return Verslag.from_json(version.snapshot)

    # -- writing -----------------------------------------------------------------------

    def finalise(self, meeting_id: int) -> VersionMade:
        """The next version of the verslag, its files and its snapshot."""
        now = self._clock.now()
        minutes = MinutesService(self._sessions, self._clock, self._actor).load(meeting_id)
        if minutes.locked:
            raise UserFacingError(f"Het verslag van {minutes.title} is goedgekeurd; er kan "
                                  "geen nieuwe versie meer bij.")
        with self._sessions() as s:
            last = s.scalar(select(func.max(MinutesVersion.number))
                            .where(MinutesVersion.meeting_id == meeting_id)) or 0
            verslag = _verslag(s, minutes, last + 1, now, self._actor)
        files = self._write(verslag)
        try:
            with self._sessions.begin() as s:
                meeting = existing(s, Meeting, meeting_id, "Deze vergadering bestaat niet meer.")
                if meeting.minutes_locked_at is not None:
                    raise UserFacingError(f"Het verslag van {minutes.title} werd intussen "
                                          "goedgekeurd; er kan geen nieuwe versie meer bij.")
                version = MinutesVersion(
                    meeting_id=meeting.id, number=verslag.version, created_at=now,
                    created_by=self._actor, docx_path=str(files.docx), pdf_path=str(files.pdf),
                    decisions_docx_path=str(files.decisions_docx),
                    decisions_pdf_path=str(files.decisions_pdf),
                    snapshot={**verslag.to_json(), "wider_docx": str(files.wider_docx),
                              "wider_pdf": str(files.wider_pdf),
                              # What the sending names as left out of the wider copy.
                              "confidential_titles": [i.title for i in verslag.items
                                                      if i.confidential]})
                s.add(version)
                if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_SENT):
                    meeting.status = MeetingStatus.HELD
                approval = _ensure_approval_item(s, meeting)
                s.flush()
                changed = [meeting.id] + ([approval] if approval is not None else [])
                return VersionMade(version.id, verslag.version, files, approval,
                                   Changes.of(Kind.MEETING, updated=changed))
        except IntegrityError as exc:  # someone else made this number first (team mode)
            for path in _all(files):
                path.unlink(missing_ok=True)
            raise UserFacingError(
                f"Iemand anders maakte intussen versie {verslag.version} van dit verslag. "
                "Probeer opnieuw.", detail=repr(exc)) from exc
        except BaseException:
            for path in _all(files):
                path.unlink(missing_ok=True)
            raise

    def _write(self, verslag: Verslag) -> VersionFiles:
        folder = self._folder / str(verslag.meeting_id)
        folder.mkdir(parents=True, exist_ok=True)
        template = self._template()
        wider = verslag.for_wider_list()
        files = VersionFiles(
            folder / f"{verslag.file_stem()}.docx", folder / f"{verslag.file_stem()}.pdf",
            folder / f"{verslag.file_stem('Besluitenlijst')}.docx",
            folder / f"{verslag.file_stem('Besluitenlijst')}.pdf",
            folder / f"{verslag.file_stem('Verslag verdeellijst')}.docx",
            folder / f"{verslag.file_stem('Verslag verdeellijst')}.pdf")
        contents = (verslag_docx.render(verslag, template), verslag_pdf.to_pdf(verslag),
                    verslag_docx.render_decisions(verslag, template),
                    verslag_pdf.decisions_pdf(verslag),
                    verslag_docx.render(wider, template), verslag_pdf.to_pdf(wider))
        written: list[Path] = []
        try:
            for path, content in zip(_all(files), contents, strict=True):
                # "x": an earlier version's file is never overwritten.
                with path.open("xb") as out:
                    written.append(path)
                    out.write(content)
        except FileExistsError as exc:
            for path in written:
                path.unlink(missing_ok=True)
            raise UserFacingError(
                f"Versie {verslag.version} van dit verslag bestaat al als bestand "
                f"({exc.filename}). Probeer opnieuw.") from exc
        except OSError as exc:
            for path in written:
                path.unlink(missing_ok=True)
            raise UserFacingError(f"Het verslag kan niet worden bewaard in {folder}: "
                                  f"{exc.strerror or exc}.", detail=repr(exc)) from exc
        return files


def _all(files: VersionFiles) -> tuple[Path, ...]:
    return (files.docx, files.pdf, files.decisions_docx, files.decisions_pdf,
            files.wider_docx, files.wider_pdf)


def _files(version: MinutesVersion) -> VersionFiles:
    snapshot = version.snapshot or {}
    return VersionFiles(Path(version.docx_path), Path(version.pdf_path),
                        Path(version.decisions_docx_path), Path(version.decisions_pdf_path),
                        Path(str(snapshot.get("wider_docx", ""))),
                        Path(str(snapshot.get("wider_pdf", ""))))


def _day(moment: datetime) -> str:
    return f"{moment.astimezone(BRUSSELS):%d/%m/%Y}"


def _name(s: Session, meeting: Meeting) -> str:
    series = s.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    return series.code if series is not None and series.code else meeting.title


def _short(s: Session, meeting_id: int | None) -> str:
    """'MAT 12/01/2027'."""
    meeting = s.get(Meeting, meeting_id) if meeting_id is not None else None
    if meeting is None:
        return ""
    return f"{_name(s, meeting)} {_day(meeting.starts_at)}"


def _verslag(s: Session, minutes: Minutes, number: int, now: datetime,
             actor: str) -> Verslag:
    meeting = existing(s, Meeting, minutes.meeting_id, "Deze vergadering bestaat niet meer.")
    start, end = minutes.starts_at.astimezone(BRUSSELS), meeting.ends_at.astimezone(BRUSSELS)
    series = s.get(MeetingSeries, meeting.series_id) if meeting.series_id else None

    def who(status: AttendanceStatus) -> tuple[str, ...]:
        return tuple(a.name for a in minutes.attendance if a.status is status)

    items = tuple(ItemLine(
        i.number, i.title, KIND_TEXT.get(i.kind, ""), i.is_confidential, i.decision, i.notes,
        tuple(ActionLine(a.title, a.owner_name, due_text(a.due_date), STATUS_LABELS[a.status])
              for a in i.actions)) for i in minutes.items)
    return Verslag(
        meeting_id=meeting.id, name=_name(s, meeting), day=start.date().isoformat(),
        time_text=f"{start:%H:%M}–{end:%H:%M}",
        location=meeting.location or (series.location if series else ""),
        version=number, wider=False, present=who(AttendanceStatus.PRESENT),
        excused=who(AttendanceStatus.EXCUSED), absent=who(AttendanceStatus.ABSENT),
        items=items, followup=_followup(s, meeting, minutes),
        made_at=made_at_text(now.astimezone(BRUSSELS)), made_by=actor)


def _followup(s: Session, meeting: Meeting, minutes: Minutes) -> tuple[FollowupLine, ...]:
    """The points that came back here: still open ones, and the ones settled or talked
    about at this meeting (no longer open, so `open_points_for` leaves them out)."""
    ids = [p.id for p in minutes.followup]
    touched = s.scalars(
        select(ActionPointEvent.action_point_id).join(
            ActionPoint, ActionPoint.id == ActionPointEvent.action_point_id)
        .where(ActionPointEvent.meeting_id == meeting.id,
               ActionPointEvent.kind != ActionEventKind.CREATED,
               (ActionPoint.origin_meeting_id.is_(None))
               | (ActionPoint.origin_meeting_id != meeting.id))
        .order_by(ActionPointEvent.at, ActionPointEvent.id))
    for point_id in touched:
        if point_id not in ids:
            ids.append(point_id)
    lines: list[FollowupLine] = []
    for point_id in ids:
        point = s.get(ActionPoint, point_id)
        if point is None:
            continue
        note = s.scalar(select(ActionPointEvent.new_value).where(
            ActionPointEvent.action_point_id == point.id,
            ActionPointEvent.meeting_id == meeting.id,
            ActionPointEvent.kind == ActionEventKind.DISCUSSED)
            .order_by(ActionPointEvent.at.desc(), ActionPointEvent.id.desc()).limit(1))
        outcome = STATUS_LABELS[point.status] + (f" – {note}" if note else "")
        origin_item = s.get(AgendaItem, point.origin_agenda_item_id) \
            if point.origin_agenda_item_id else None
        lines.append(FollowupLine(
            point.title, point.owner_name, due_text(point.due_date),
            _short(s, point.origin_meeting_id), outcome,
            origin_item is not None and origin_item.is_confidential))
    return tuple(lines)


def _ensure_approval_item(s: Session, meeting: Meeting) -> int | None:
    """"Goedkeuring verslag <MAT 05/01/2027>" first on the series' next meeting that is
    not cancelled (also one the year plan made long before); never twice."""
    already = s.scalar(select(AgendaItem.meeting_id)
                       .where(AgendaItem.approves_meeting_id == meeting.id).limit(1))
    if already is not None:
        return already
    if meeting.series_id is None:
        return None
    following = s.scalar(
        select(Meeting).where(Meeting.series_id == meeting.series_id,
                              Meeting.starts_at > meeting.starts_at,
                              Meeting.status != MeetingStatus.CANCELLED)
        .order_by(Meeting.starts_at, Meeting.id).limit(1))
    if following is None:
        return None
    series = s.get(MeetingSeries, meeting.series_id)
    first = s.scalar(select(func.min(AgendaItem.position))
                     .where(AgendaItem.meeting_id == following.id))
    sections = series.agenda_sections if series is not None else []
    # Before every item without renumbering them (a renumber would bump each item's
    # version under someone editing the agenda). No added_at: a standing item is never
    # "late", even when the verslag is made after the agenda closed.
    s.add(AgendaItem(meeting_id=following.id, position=(first if first is not None else 1) - 1,
                     title=f"Goedkeuring verslag {_short(s, meeting.id)}",
                     kind=AgendaItemKind.APPROVAL, duration_minutes=APPROVAL_MINUTES,
                     section=sections[0] if sections else "", approves_meeting_id=meeting.id))
    return following.id
