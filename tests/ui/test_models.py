"""Every item model passes Qt's model tester, plus what the user sees in it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kortrijk_cockpit.services.search import SearchHit
from kortrijk_cockpit.ui.areas import areas
from kortrijk_cockpit.ui.models.navigation import NavigationModel
from kortrijk_cockpit.ui.models.search_results import SearchResultsModel


def test_navigation_model(qtmodeltester, app) -> None:  # type: ignore[no-untyped-def]
    model = NavigationModel(areas())
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    assert model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole) == "Overleg (Ctrl+4)"
    assert model.index(3, 0).data(NavigationModel.KeyRole) == "meetings"
    assert model.row_of("reporting") == 7
    assert model.row_of("projects") == 8


def test_search_results_model(qtmodeltester, app) -> None:  # type: ignore[no-untyped-def]
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_hits([
        SearchHit("agenda_item", 4, "Personeelsplan 2027", "Koen Maes"),
        SearchHit("mail", 9, "Stukken MAT", ""),
    ])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Agendapunt: Personeelsplan 2027 — Koen Maes"
    assert model.index(1, 0).data() == "Mail: Stukken MAT"
    assert model.index(1, 0).data(SearchResultsModel.HitRole).ref_id == 9
    model.set_hits([])
    assert model.rowCount() == 0
