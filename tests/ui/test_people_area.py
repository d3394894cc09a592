"""Personen: search (Ctrl+F) and filters over a lazy list, edit in place and save with
Ctrl+S, a stale save keeps what was typed and says why in Dutch, the timeline with the
last contact, "Nieuwe persoon" (Ctrl+N), a CSV import with its summary, and the hooks
for the duplicates and privacy dialogs."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kortrijk_cockpit.clock import BRUSSELS, FixedClock
from kortrijk_cockpit.config import Settings
from kortrijk_cockpit.domain import Mail, MailFolder, Person
from kortrijk_cockpit.domain.mail import FolderKind
from kortrijk_cockpit.services.people import PersonFields
from kortrijk_cockpit.services.people_area import PeopleServices, build_people_services
from kortrijk_cockpit.store import Store
from kortrijk_cockpit.ui.change_feed import ChangeFeed
from kortrijk_cockpit.ui.tasks import TaskRunner
from kortrijk_cockpit.ui.views.people.area import EXTERNAL, PeopleArea
from kortrijk_cockpit.ui.views.people.model import PeopleModel

NOW = datetime(2026, 11, 20, 10, tzinfo=BRUSSELS)


def fill(store: Store) -> PeopleServices:
    with store.session_factory.begin() as s:
        inbox = MailFolder(exchange_id="inbox", display_name="Postvak IN", kind=FolderKind.INBOX)
        s.add(inbox)
        s.flush()
        s.add_all([Mail(folder_id=inbox.id, subject=f"Vraag {n}", sender_name=name,
                        sender_email=address, received_at=NOW - timedelta(days=n + 1))
                   for n, (name, address) in enumerate([
                       ("Jan Peeters", "jan.peeters@voka.be"),
                       ("Els Vermeulen", "els.vermeulen@kortrijk.be"),
                       ("Lien Desmet", "lien@leiedal.be")])])
        s.add_all([Person(full_name=f"Contact {n:04}", email=f"c{n}@example.org",
                          purpose="test", tags=[]) for n in range(600)])
    services = build_people_services(store.session_factory, FixedClock(NOW), Settings())
    services.harvest.run()
    return services


def names(area: PeopleArea) -> list[str]:
    return [area.model.index(r, PeopleModel.NAME).data() for r in range(area.model.rowCount())]


def choose(qtbot, area: PeopleArea, name: str) -> int:  # type: ignore[no-untyped-def]
    row = names(area).index(name)
    person_id = area.model.index(row, 0).data(PeopleModel.IdRole)
    with qtbot.waitSignals([area.person_shown, area.details.timeline_shown],
                           check_params_cbs=[lambda p: p == person_id] * 2):
        area.table.setCurrentIndex(area.model.index(row, 0))
    return int(person_id)


def test_search_edit_save_and_a_stale_save_keeps_the_text(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,
        qtmodeltester) -> None:
    services = fill(sqlite_store)
    feed = ChangeFeed()
    area = PeopleArea(services, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    qtbot.waitUntil(lambda: area.model.rowCount() == 603)
    assert area.model.cached_count() < 603  # lazy: only what was painted
    qtmodeltester.check(area.model)

    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert area.search.hasFocus()
    with qtbot.waitSignal(area.loaded):
        qtbot.keyClicks(area.search, "voka")
    qtbot.waitUntil(lambda: names(area) == ["Jan Peeters"])
    area.search.clear()
    with qtbot.waitSignal(area.loaded):
        area.kind.setCurrentIndex(EXTERNAL)
    qtbot.waitUntil(lambda: area.model.rowCount() == 602)  # not Els of the city

    with qtbot.waitSignal(area.loaded):
        area.search.setText("peeters")
    qtbot.waitUntil(lambda: names(area) == ["Jan Peeters"])
    jan = choose(qtbot, area, "Jan Peeters")
    assert area.details.glance.text() == "Laatste contact met Kortrijk: 19/11/2026 (mail)"
    assert area.details.timeline_model.rowCount() == 1
    assert area.model.index(0, PeopleModel.LAST).data() == "19/11/2026"
    area.details.timeline.setCurrentIndex(area.details.timeline_model.index(0, 0))
    with qtbot.waitSignal(area.record_requested) as opened:  # Enter opens the mail
        qtbot.keyClick(area.details.timeline, Qt.Key.Key_Return)
    assert opened.args[0] == "mail"

    qtbot.keyClick(area.table, Qt.Key.Key_F2)
    assert area.details.name.hasFocus()
    area.details.function.setFocus()
    qtbot.keyClicks(area.details.function, "Gedelegeerd bestuurder")
    assert area.details.save_button.isEnabled()
    with qtbot.waitSignal(area.saved):
        qtbot.keyClick(area.details.function, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not area.details.is_dirty()
    assert services.people.get(jan).fields.function == "Gedelegeerd bestuurder"
    qtbot.waitUntil(lambda: area.model.index(0, PeopleModel.FUNCTION).data()
                    == "Gedelegeerd bestuurder")

    # Someone else saves first; her typing stays, with the Dutch reason.
    stored = services.people.get(jan)
    services.people.save(jan, stored.version, PersonFields(
        "Jan Peeters", function="Voorzitter", email="jan.peeters@voka.be"))
    area.details.notes.setFocus()
    qtbot.keyClicks(area.details.notes, "Ontmoet op de netwerkavond.")
    qtbot.keyClick(area.details.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(area.details.banner.isVisible)
    assert "iemand anders" in area.details.banner.text().lower() or \
        "gewijzigd" in area.details.banner.text().lower()
    assert area.details.notes.toPlainText() == "Ontmoet op de netwerkavond."
    assert area.details.is_dirty()
    assert services.people.get(jan).fields.notes == ""

    # "Opnieuw laden": what is stored now, her typing dropped by her own choice.
    assert area.details.reload_button.isVisible()
    with qtbot.waitSignal(area.person_shown):
        area.details.reload_button.click()
    assert area.details.function.text() == "Voorzitter" and not area.details.is_dirty()
    assert not area.details.banner.isVisible()


def test_new_person_import_and_the_part_two_hooks(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner,
        tmp_path: Path) -> None:
    services = fill(sqlite_store)
    feed = ChangeFeed()
    area = PeopleArea(services, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.search.setFocus()
    with qtbot.waitSignal(area.loaded):
        area.search.setText("Zoë Claeys")
    with qtbot.waitSignal(area.person_shown, timeout=5000):
        qtbot.keyClick(area.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: area.details.name.text() == "Zoë Claeys")
    assert area.details.name.hasFocus() and area.details.purpose.text()
    qtbot.waitUntil(lambda: "Zoë Claeys" in names(area))

    csv = tmp_path / "mandatarissen.csv"
    csv.write_bytes(b"\xef\xbb\xbfVoornaam;Naam;Mandaat;E-mail\n"
                    b"Ruth;Vandenberghe;Burgemeester;ruth@kortrijk.be\n"
                    b";;Schepen;\n")
    with qtbot.waitSignal(area.imported) as done:
        area.import_csv(csv)
    assert done.args[0].created == 1
    assert area.notice.text() == ("Import: 1 nieuw, 0 bijgewerkt, 1 overgeslagen: "
                                  "regel 3: geen naam")
    area.search.clear()
    qtbot.waitUntil(lambda: "Ruth Vandenberghe" in names(area))
    with sqlite_store.session() as s:
        assert s.scalars(select(Person.function).where(Person.email == "ruth@kortrijk.be")
                         ).one() == "Burgemeester"

    bad = tmp_path / "adressen.csv"
    bad.write_text("Adres;Gemeente\nMarkt 1;Kortrijk\n", encoding="utf-8")
    with qtbot.waitSignal(area.message) as refused:
        area.import_csv(bad)
    assert "geen kolom met een naam" in refused.args[0]

    with qtbot.waitSignal(area.duplicates_requested):
        area.duplicates_button.click()
    with qtbot.waitSignal(area.privacy_requested) as privacy:
        area.privacy_button.click()
    assert privacy.args[0] == area.details.person_id() != 0


def test_the_window_shows_personen_instead_of_the_placeholder(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner, paths,
        unexpected) -> None:
    from dataclasses import replace

    from kortrijk_cockpit.ui.main_window import MainWindow
    from tests.ui.conftest import make_services

    services = replace(make_services(sqlite_store), people=fill(sqlite_store))
    window = MainWindow(runner, paths.config, report_unexpected=unexpected.append,
                        services=services)
    qtbot.addWidget(window)
    window.show()
    window.show_area("people")
    area = window.views["people"]
    assert isinstance(area, PeopleArea)
    qtbot.waitUntil(lambda: area.model.rowCount() == 603)
    with sqlite_store.session() as s:
        lien = s.scalars(select(Person.id).where(Person.email == "lien@leiedal.be")).one()
    area.search.setText("peeters")
    qtbot.waitUntil(lambda: area.model.rowCount() == 1)
    with qtbot.waitSignal(area.person_shown) as shown:
        window.open_record("person", lien)  # a search hit: the person, filters cleared
    assert shown.args == [lien] and area.search.text() == ""
    qtbot.waitUntil(lambda: area.model.rowCount() == 603)
    assert area.table.currentIndex().data(PeopleModel.IdRole) == lien
    assert unexpected == []


def test_a_change_elsewhere_moves_rows_in_place_keeping_the_choice(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    services = fill(sqlite_store)
    feed = ChangeFeed()
    area = PeopleArea(services, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    qtbot.waitUntil(lambda: area.model.rowCount() == 603)
    jan = choose(qtbot, area, "Jan Peeters")
    resets: list[bool] = []
    area.model.modelReset.connect(lambda: resets.append(True))
    made = services.people.create(PersonFields("Aline Aerts", email="aline@unizo.be"))
    with qtbot.waitSignal(area.loaded):
        feed.publish(made.changes)  # another workstation's new person
    assert names(area)[0] == "Aline Aerts" and area.model.rowCount() == 604
    assert resets == []
    assert area.table.currentIndex().data(PeopleModel.IdRole) == jan
    assert area.details.person_id() == jan

    # Her edit of Jan arrives while nothing is typed here: the pane shows it.
    stored = services.people.get(jan)
    changed = services.people.save(jan, stored.version, PersonFields(
        "Jan Peeters", function="Voorzitter", email="jan.peeters@voka.be"))
    feed.publish(changed.changes)
    qtbot.waitUntil(lambda: area.details.function.text() == "Voorzitter")
    assert area.model.index(names(area).index("Jan Peeters"), PeopleModel.FUNCTION).data() \
        == "Voorzitter"

    # Erased elsewhere (the privacy dialog): its row and the pane go.
    from kortrijk_cockpit.changes import Changes, Kind

    with sqlite_store.session_factory.begin() as s:
        s.delete(s.get(Person, jan))
    with qtbot.waitSignal(area.loaded):
        feed.publish(Changes.of(Kind.PERSON, removed=[jan]))
    assert "Jan Peeters" not in names(area) and area.model.rowCount() == 603
    assert area.details.person_id() is None and not area.details.isEnabled()


def test_a_sync_round_brings_its_correspondents_into_personen(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    from kortrijk_cockpit.changes import Changes, Kind
    from kortrijk_cockpit.ui.views.people.harvest_hook import PeopleHarvestHook

    services = fill(sqlite_store)
    feed = ChangeFeed()
    area = PeopleArea(services, runner, feed)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    hook = PeopleHarvestHook(services.harvest, runner, feed)
    with sqlite_store.session_factory.begin() as s:
        inbox = s.scalars(select(MailFolder)).one()
        mail = Mail(folder_id=inbox.id, subject="Uitnodiging", sender_name="Karel Maes",
                    sender_email="karel@unizo.be", received_at=NOW - timedelta(hours=2),
                    to_recipients=["Hilde <hilde@kortrijk.be>"])
        s.add(mail)
        s.flush()
        page = Changes.of(Kind.MAIL, created=[mail.id])
    hook.collect(page)
    hook.collect(Changes.of(Kind.FOLDER, updated=[inbox.id]))
    with qtbot.waitSignal(hook.harvested) as done:
        hook.round_finished(None)
    assert (done.args[0].created, done.args[0].updated) == (2, 0)
    qtbot.waitUntil(lambda: "Karel Maes" in names(area))


def test_choosing_another_person_with_unsaved_changes_asks_first(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication, sqlite_store: Store, runner: TaskRunner) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    services = fill(sqlite_store)
    area = PeopleArea(services, runner, ChangeFeed())
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.loaded):
        area.show()
    jan = choose(qtbot, area, "Jan Peeters")
    area.details.phone.setFocus()
    qtbot.keyClicks(area.details.phone, "0470 12 34 56")
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(button).click()

    # Cancel: stay on Jan, the number still typed.
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    area.table.setCurrentIndex(area.model.index(names(area).index("Lien Desmet"), 0))
    assert asked == ["Jan Peeters has unsaved changes. Save them first?"] or \
        asked == ["Jan Peeters heeft niet-bewaarde wijzigingen. Eerst bewaren?"]
    assert area.details.person_id() == jan and area.details.phone.text() == "0470 12 34 56"
    assert area.table.currentIndex().data(PeopleModel.IdRole) == jan

    # Save: Jan's number is stored, then Lien is shown.
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Save))
    with qtbot.waitSignals([area.saved, area.person_shown]):
        area.table.setCurrentIndex(area.model.index(names(area).index("Lien Desmet"), 0))
    assert services.people.get(jan).fields.phone == "0470 12 34 56"
    assert area.details.name.text() == "Lien Desmet"

    # A search hit for someone else asks as well: Cancel keeps what was typed.
    lien = area.details.person_id()
    qtbot.keyClicks(area.details.phone, "056 27 00 00")
    asked.clear()
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    area.reveal(jan)
    assert len(asked) == 1
    assert area.details.person_id() == lien and area.details.phone.text().endswith("056 27 00 00")


def test_a_person_without_a_keep_date_says_so(  # type: ignore[no-untyped-def]
        qtbot, app: QApplication) -> None:
    from kortrijk_cockpit.ui.views.people.details import PersonDetailsPane

    details = PersonDetailsPane()
    qtbot.addWidget(details)
    details.retain_until.setDate(details.retain_until.minimumDate())
    assert details.retain_until.text() == "niet ingesteld"  # not 01/01/2000
