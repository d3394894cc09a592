"""Team mode: two sessions (two app instances, each its own connection pool) on one
PostgreSQL store type the minutes of the same item. The stale save is refused, the user
sees both versions side by side, and each choice stores exactly what it says; nothing
is overwritten without being shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kortrijk_cockpit.config import Paths
from kortrijk_cockpit.services.minutes import MinutesConflict, MinutesService
from kortrijk_cockpit.store import Store, open_store
from kortrijk_cockpit.store.database import parse_url
from kortrijk_cockpit.ui.dialogs.minutes_conflict import (
    MERGE_LINE,
    MinutesConflictDialog,
    ask_conflict,
)
from tests.ui.minutes_world import FIRST_DAY, clock_at, make_minutes_world

pytestmark = [pytest.mark.postgres,
              pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)]

BART = ("Toelichting door Sofie. Vraag over de reserves.", "")
MINE = ("Toelichting door Sofie.", "Goedgekeurd.")


@pytest.fixture
def second_session(store_url: str, paths: Paths) -> Iterator[Store]:
    """The colleague's app: the same PostgreSQL database through its own engine."""
    other = open_store(parse_url(store_url), backups=paths.backups)
    yield other
    other.close()


def refused(store: Store, other: Store) -> tuple[MinutesService, int, MinutesConflict]:
    """Both start from v1; Bart saves first, so Annelies's save on v1 is refused."""
    world = make_minutes_world(store)
    clock = clock_at(FIRST_DAY)
    mine = MinutesService(store.session_factory, clock, actor="Annelies")
    bart = MinutesService(other.session_factory, clock, actor="Bart")
    v1 = mine.save_item(world.budget, "Toelichting door Sofie.", "", None).version
    assert bart.load(world.first).items[0].version == v1
    bart.save_item(world.budget, *BART, v1)
    with pytest.raises(MinutesConflict) as caught:
        mine.save_item(world.budget, *MINE, v1)
    # Refused, and Bart's text is what both sessions read now.
    assert (mine.load(world.first).items[0].notes,
            bart.load(world.first).items[0].notes) == (BART[0], BART[0])
    return mine, world.first, caught.value


def stored(minutes: MinutesService, meeting_id: int) -> tuple[str, str]:
    item = minutes.load(meeting_id).items[0]
    return item.notes, item.decision


def shown(qtbot, conflict: MinutesConflict,  # type: ignore[no-untyped-def]
          ) -> MinutesConflictDialog:
    dialog = MinutesConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = dialog.shown_texts()
    assert BART[0] in texts and MINE[0] in texts and MINE[1] in texts  # both, side by side
    assert "Bart" in dialog.theirs_box.title() and "05/01/2027" in dialog.theirs_box.title()
    return dialog


def test_keep_my_text_saves_mine_on_their_version(
        qtbot, app: QApplication, store: Store,  # type: ignore[no-untyped-def]
        second_session: Store) -> None:
    mine, meeting, conflict = refused(store, second_session)
    dialog = shown(qtbot, conflict)
    dialog.keep_mine.click()
    assert dialog.choice == MINE
    mine.save_item(mine.load(meeting).items[0].agenda_item_id, *dialog.choice,
                   conflict.theirs_version)
    assert stored(mine, meeting) == MINE


def test_take_their_text_keeps_theirs(
        qtbot, app: QApplication, store: Store,  # type: ignore[no-untyped-def]
        second_session: Store) -> None:
    mine, meeting, conflict = refused(store, second_session)
    dialog = shown(qtbot, conflict)
    dialog.take_theirs.click()
    assert dialog.choice is None and not dialog.isVisible()
    assert stored(mine, meeting) == BART


def test_merge_puts_theirs_above_mine_and_can_be_edited_first(
        qtbot, app: QApplication, store: Store,  # type: ignore[no-untyped-def]
        second_session: Store) -> None:
    mine, meeting, conflict = refused(store, second_session)
    item_id = mine.load(meeting).items[0].agenda_item_id
    dialog = shown(qtbot, conflict)
    dialog.reject()  # Escape is no choice: the dialog and both texts stay
    assert dialog.isVisible()
    dialog.merge.click()
    assert dialog.merge_notes.toPlainText() == BART[0]  # mine is contained in theirs
    assert dialog.merge_decision.toPlainText() == MINE[1]
    dialog.merge_notes.setPlainText(BART[0] + MERGE_LINE + "Reserves: zie nota.")
    dialog.save_merge.click()
    assert dialog.choice is not None
    mine.save_item(item_id, *dialog.choice, conflict.theirs_version)
    assert stored(mine, meeting) == (BART[0] + MERGE_LINE + "Reserves: zie nota.", MINE[1])


def test_ask_conflict_returns_the_choice(
        qtbot, app: QApplication, store: Store,  # type: ignore[no-untyped-def]
        second_session: Store) -> None:
    mine, meeting, conflict = refused(store, second_session)
    item_id = mine.load(meeting).items[0].agenda_item_id
    seen: list[list[str]] = []

    def choose() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MinutesConflictDialog) and w.isVisible())
        seen.append(dialog.shown_texts())
        dialog.keep_mine.click()
    QTimer.singleShot(0, choose)  # the dialog runs its own loop until a choice is made
    choice = ask_conflict(None, conflict)
    assert seen and BART[0] in seen[0] and MINE[1] in seen[0]
    assert choice == MINE
    mine.save_item(item_id, *choice, conflict.theirs_version)
    assert stored(mine, meeting) == MINE
