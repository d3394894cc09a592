"""The search box's filter syntax, parsed without a database."""

from __future__ import annotations

from datetime import date

import pytest

from kortrijk_cockpit.errors import UserFacingError
from kortrijk_cockpit.services.mail_filter import MailFilter, parse

TODAY = date(2026, 11, 23)


def test_filters_and_free_text_are_told_apart() -> None:
    found = parse('van:"Els Vandamme" aan:jan bijlage:ja personeelsplan map:Archief '
                  'categorie:"Actie AD" 2027', TODAY)

    assert found == MailFilter(text="personeelsplan 2027", senders=("Els Vandamme",),
                               recipients=("jan",), has_attachments=True,
                               categories=("Actie AD",), folders=("Archief",))


@pytest.mark.parametrize(("typed", "day"), [
    ("1-12-2026", date(2026, 12, 1)), ("1/12", date(2026, 12, 1)),
    ("2026-12-01", date(2026, 12, 1)), ("01.12.2025", date(2025, 12, 1)),
    ("vandaag", TODAY), ("Gisteren", date(2026, 11, 22)),
])
def test_dates_in_the_ways_the_office_writes_them(typed: str, day: date) -> None:
    assert parse(f"voor:{typed}", TODAY).before == day
    assert parse(f"na:{typed}", TODAY).after == day


@pytest.mark.parametrize(("typed", "message"), [
    ("voor:31-02", "Onbekende datum bij 'voor:': 31-02"),
    ("na:morgen?", "Onbekende datum bij 'na:': morgen?"),
    ("bijlage:misschien", "Bij 'bijlage:' hoort ja of nee, niet 'misschien'."),
    ("budget van:", "Na 'van:' ontbreekt wat je zoekt."),
])
def test_an_unusable_part_is_named_in_dutch(typed: str, message: str) -> None:
    with pytest.raises(UserFacingError) as caught:
        parse(typed, TODAY)
    assert caught.value.user_message == message


def test_unknown_keys_and_odd_quotes_stay_free_text() -> None:
    assert parse('http://x.be "half open', TODAY).text == "http://x.be half open"
    assert parse("bijlage:NEE", TODAY).has_attachments is False
