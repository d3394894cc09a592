"""Ctrl+K on the demo office: coming meetings first, a date on each row, and "stukken"."""

from __future__ import annotations

import re

from kortrijk_cockpit.ui.main_window import MainWindow

DATED = re.compile(r" · (\d\d)/(\d\d)/(\d{4})( \d\d:\d\d)?$")


def rows_for(qtbot, window: MainWindow, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    dialog = window.open_quick_search()
    assert dialog is not None
    qtbot.keyClicks(dialog.query, query)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    rows = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    dialog.close()
    return rows


def day(row: str) -> tuple[int, int, int]:
    match = DATED.search(row)
    assert match, row
    dd, mm, yyyy, _time = match.groups()
    return int(yyyy), int(mm), int(dd)


def test_coming_meetings_are_listed_first_with_their_date(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    meetings = [r for r in rows_for(qtbot, window, "MAT") if r.startswith("Overleg: ")]
    assert meetings[0].startswith("Overleg: MAT 24/11/2026 — ")  # the coming one first
    assert meetings[0].endswith(" · 24/11/2026 09:00")
    coming = [day(r) for r in meetings if day(r) >= (2026, 11, 23)]
    assert coming == sorted(coming) and len(coming) >= 2
    past = [day(r) for r in meetings[len(coming):]]
    assert past and all(d < (2026, 11, 23) for d in past) and past == sorted(past, reverse=True)


def test_stukken_finds_requested_documents_and_dates_tell_look_alike_mails_apart(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    rows = rows_for(qtbot, window, "stukken")
    assert rows[0].startswith("Stukken: Nota: ")  # the office's records before mail
    requests = [day(r) for r in rows if r.startswith("Stukken: ")]
    coming = [d for d in requests if d >= (2026, 11, 23)]
    assert coming and requests[:len(coming)] == sorted(coming)  # nearest deadline first
    past = requests[len(coming):]
    assert all(d < (2026, 11, 23) for d in past) and past == sorted(past, reverse=True)
    mails = [r for r in rows_for(qtbot, window, "zelfevaluatie")
             if r.startswith("Mail: Organisatiebeheersing: zelfevaluatie")]
    assert len(mails) > len({m.rsplit(" · ", 1)[0] for m in mails})  # the same title and sender…
    assert len(set(mails)) == len(mails)  # …told apart by their date
