"""Projects on SQLite and PostgreSQL: create and edit, milestones (add, move, done,
delete), links to action points and mails, the list's next milestone and overdue count."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kortrijk_cockpit.changes import Kind
from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.domain import Mail, MailFolder, ProjectStatus
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.domain.meetings import ActionPoint
from kortrijk_cockpit.errors import ConcurrentEditError, UserFacingError
from kortrijk_cockpit.services.projects import (
    ACTION_POINT,
    MAIL,
    ProjectDraft,
    ProjectService,
)
from kortrijk_cockpit.store import Store

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=BRUSSELS)


def service(store: Store) -> ProjectService:
    return ProjectService(store.session_factory, FixedClock(NOW))


def test_a_project_lists_its_next_milestone_and_what_is_overdue(store: Store) -> None:
    projects = service(store)
    own, changes = projects.create(ProjectDraft(
        "Digitale parafeerroute", goal="Geen papieren parafen meer", owner_name="Sarah",
        status=ProjectStatus.RUNNING, starts_on=date(2026, 1, 5), ends_on=date(2026, 6, 30),
        is_own=True))
    other, _ = projects.create(ProjectDraft("Stadsvisie 2035", owner_name="Bart"))
    assert changes.rows(Kind.PROJECT).created == {own}

    late, _ = projects.add_milestone(own, "Analyse klaar", date(2026, 2, 27))
    projects.add_milestone(own, "Pilot met twee diensten", date(2026, 4, 15))
    kickoff, added = projects.add_milestone(own, "Startvergadering", date(2026, 1, 12))
    assert added.rows(Kind.PROJECT).updated == {own}
    projects.set_done(kickoff)

    rows = {r.id: r for r in projects.list()}
    assert list(rows) == [own, other]  # her own projects first
    row = rows[own]
    assert (row.overdue, row.milestones, row.done) == (1, 3, 1)
    assert row.next_milestone is not None and row.next_milestone.id == late
    assert rows[other].next_milestone is None
    assert [r.id for r in projects.list(own_only=True)] == [own]

    projects.move_milestone(late, date(2026, 3, 20))  # moved past today: no longer overdue
    detail = projects.detail(own)
    assert detail is not None
    assert [m.title for m in detail.milestones] == [
        "Startvergadering", "Analyse klaar", "Pilot met twee diensten"]
    assert detail.milestones[0].done_on == date(2026, 3, 10)
    assert detail.row.overdue == 0

    projects.set_done(kickoff, done=False)
    projects.edit_milestone(late, "Analyse afgerond", date(2026, 3, 1))
    assert projects.rows([own])[own].overdue == 2  # type: ignore[union-attr]
    projects.delete_milestone(late)
    detail = projects.detail(own)
    assert detail is not None and [m.title for m in detail.milestones] == [
        "Startvergadering", "Pilot met twee diensten"]


def test_an_edit_on_a_stale_version_is_refused(store: Store) -> None:
    projects = service(store)
    project_id, _ = projects.create(ProjectDraft("Onthaal nieuwe medewerkers"))
    first = projects.detail(project_id)
    assert first is not None
    projects.add_milestone(project_id, "Draaiboek", date(2026, 5, 1))  # moves the version on
    with pytest.raises(ConcurrentEditError):
        projects.update(project_id, ProjectDraft("Onthaal"), first.version)
    fresh = projects.detail(project_id)
    assert fresh is not None
    projects.update(project_id, ProjectDraft("Onthaal", status=ProjectStatus.DONE,
                                             notes="Afgerond in mei"), fresh.version)
    assert projects.rows([project_id])[project_id].status == ProjectStatus.DONE  # type: ignore[union-attr]
    assert projects.list(with_done=False) == []
    with pytest.raises(UserFacingError, match="eindigen voor het begint"):
        projects.update(project_id, ProjectDraft("Onthaal", starts_on=date(2026, 5, 1),
                                                 ends_on=date(2026, 4, 1)))


def test_action_points_and_mails_are_linked_once_and_shown_by_title(store: Store) -> None:
    with store.session_factory.begin() as s:
        inbox = MailFolder(display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(inbox)
        s.flush()
        mail = Mail(folder_id=inbox.id, subject="Offerte parafeerplatform",
                    sender_name="Leverancier NV", received_at=NOW)
        point = ActionPoint(title="Budget parafeerroute vragen", owner_name="Els",
                            due_date=date(2026, 3, 31))
        s.add_all([mail, point])
        s.flush()
        mail_id, point_id = mail.id, point.id
    projects = service(store)
    project_id, _ = projects.create(ProjectDraft("Digitale parafeerroute", is_own=True))

    assert [c.ref_id for c in projects.link_choices(ACTION_POINT)] == [point_id]
    assert projects.link(project_id, ACTION_POINT, point_id)
    assert projects.link(project_id, MAIL, mail_id)
    assert not projects.link(project_id, MAIL, mail_id)  # twice: nothing changes

    detail = projects.detail(project_id)
    assert detail is not None
    assert [(v.kind, v.title, v.detail) for v in detail.links] == [
        (ACTION_POINT, "Budget parafeerroute vragen", "Els, tegen 31/03/2026"),
        (MAIL, "Offerte parafeerplatform", "Leverancier NV, 10/03/2026")]

    projects.unlink(project_id, MAIL, mail_id)
    detail = projects.detail(project_id)
    assert detail is not None and [v.kind for v in detail.links] == [ACTION_POINT]
    changes = projects.delete(project_id)
    assert changes.rows(Kind.PROJECT).removed == {project_id}
    assert projects.detail(project_id) is None
