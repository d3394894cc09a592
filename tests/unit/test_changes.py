"""What a write touched, merged across the pages of a round."""

from __future__ import annotations

from kortrijk_cockpit.changes import NOTHING, Changes, Kind, Touched


def test_merging_keeps_each_row_in_the_one_bucket_that_matters() -> None:
    first = Changes.of(Kind.MAIL, created=[1, 2], updated=[3])
    later = Changes.of(Kind.MAIL, updated=[1, 4], removed=[2]) | \
        Changes.of(Kind.OUTBOX, created=[9])
    merged = first | later
    # 2 came and went: a list must not insert it; 1 is new, so it is not "updated" as well.
    assert merged.mails == Touched(created=frozenset({1}), updated=frozenset({3, 4}),
                                   removed=frozenset({2}))
    assert merged.outbox.created == {9}
    assert merged.touched(Kind.MAIL) and merged.touched(Kind.OUTBOX)
    assert not merged.touched(Kind.MEETING)


def test_nothing_is_falsy_and_wholesale_touches_a_kind_without_rows() -> None:
    assert not NOTHING and not Changes.of(Kind.MAIL, updated=[None])
    everything = Changes.everything(Kind.MEETING)
    assert everything and everything.touched(Kind.MEETING)
    assert not everything.touched(Kind.MAIL)
    assert (NOTHING | everything).wholesale == {Kind.MEETING}
    assert Changes.everything().touches_any([Kind.BRIEF])
