"""Side by side, like Outlook: columns for the appointments of one day that overlap.

Pure and Qt-free. Appointments that overlap, directly or through others, form a
cluster; each takes the first column free at its start, and every member of a
cluster is drawn as wide as the cluster has columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Placed:
    column: int  # 0 = leftmost
    columns: int  # how many columns its cluster shares


def layout_day(items: Iterable[tuple[int, datetime, datetime]]) -> dict[int, Placed]:
    """(id, start, end) of one day's timed appointments -> where each goes.

    An appointment that ends when another starts does not overlap it. One of
    zero length still takes a column (it is drawn with a minimum height)."""
    ordered = sorted(items, key=lambda item: (item[1], item[1] - item[2], item[0]))
    placed: dict[int, Placed] = {}
    cluster: list[tuple[int, int]] = []  # (id, column) of the open cluster
    column_ends: list[datetime] = []  # per column, when its last appointment ends
    cluster_end: datetime | None = None

    def close() -> None:
        width = len(column_ends)
        for item_id, column in cluster:
            placed[item_id] = Placed(column, width)

    for item_id, start, end in ordered:
        end = max(end, start)
        if cluster_end is not None and start >= cluster_end:
            close()
            cluster, column_ends, cluster_end = [], [], None
        for column, column_end in enumerate(column_ends):
            if column_end <= start:
                column_ends[column] = end if end > start else _just_after(start)
                break
        else:
            column = len(column_ends)
            column_ends.append(end if end > start else _just_after(start))
        cluster.append((item_id, column))
        last = column_ends[column]
        cluster_end = last if cluster_end is None else max(cluster_end, last)
    close()
    return placed


def _just_after(moment: datetime) -> datetime:
    return moment + timedelta(microseconds=1)
