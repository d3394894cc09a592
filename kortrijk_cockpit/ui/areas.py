"""The areas of the main window and where each kind of record lives."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    empty_title: str
    empty_text: str


def areas() -> list[Area]:
    """The areas in navigation order, with translated labels.

    The calls are spelled out in full because lupdate only recognises
    `QCoreApplication.translate(...)` literally.
    """
    return [
        Area("today", QCoreApplication.translate("Areas", "Today"), "", ""),
        Area(
            "mail",
            QCoreApplication.translate("Areas", "Mail"),
            QCoreApplication.translate("Areas", "No mail here yet"),
            QCoreApplication.translate(
                "Areas",
                "The director's mailbox appears here once the connection to Exchange is set "
                "up: triage with categories, flags and action points.",
            ),
        ),
        Area(
            "calendar",
            QCoreApplication.translate("Areas", "Calendar"),
            QCoreApplication.translate("Areas", "No appointments here yet"),
            QCoreApplication.translate(
                "Areas",
                "The director's calendar appears here after the first synchronisation with "
                "Exchange.",
            ),
        ),
        Area(
            "meetings",
            QCoreApplication.translate("Areas", "Meetings"),
            QCoreApplication.translate("Areas", "Meeting work is on its way"),
            QCoreApplication.translate(
                "Areas",
                "The year plan of MAT and DC, agendas, requested documents and minutes will be "
                "kept here.",
            ),
        ),
        Area(
            "followup",
            QCoreApplication.translate("Areas", "Follow-up"),
            QCoreApplication.translate("Areas", "Follow-up is on its way"),
            QCoreApplication.translate(
                "Areas",
                "Action points per meeting, with owner and deadline, carried to the right next "
                "meeting.",
            ),
        ),
        Area(
            "briefs",
            QCoreApplication.translate("Areas", "Briefs"),
            QCoreApplication.translate("Areas", "Briefs are on their way"),
            QCoreApplication.translate(
                "Areas",
                "Briefs for external networking events, with the people worth meeting, for the "
                "director to read and approve.",
            ),
        ),
        Area(
            "people",
            QCoreApplication.translate("Areas", "People"),
            QCoreApplication.translate("Areas", "People are on their way"),
            QCoreApplication.translate(
                "Areas",
                "Contacts inside and outside the city, with why and until when their data is "
                "kept.",
            ),
        ),
        Area(
            "reporting",
            QCoreApplication.translate("Areas", "Reporting"),
            QCoreApplication.translate("Areas", "Reporting is on its way"),
            QCoreApplication.translate(
                "Areas",
                "BBC and management reporting flows with the teams: who delivers what, and when.",
            ),
        ),
        Area(
            "projects",
            QCoreApplication.translate("Areas", "Projects"),
            QCoreApplication.translate("Areas", "Projects are on their way"),
            QCoreApplication.translate(
                "Areas",
                "The office's projects with their owner, goal, milestones and timeline.",
            ),
        ),
    ]


# Where a search hit of each kind is shown.
AREA_OF_KIND = {
    "mail": "mail",
    "person": "people",
    "meeting": "meetings",
    "agenda_item": "meetings",
    "document_request": "meetings",
    "action_point": "followup",
    "brief": "briefs",
}


def kind_label(kind: str) -> str:
    labels = {
        "mail": QCoreApplication.translate("Areas", "Mail"),
        "person": QCoreApplication.translate("Areas", "Person"),
        "meeting": QCoreApplication.translate("Areas", "Meeting"),
        "agenda_item": QCoreApplication.translate("Areas", "Agenda item"),
        "document_request": QCoreApplication.translate("Areas", "Requested documents"),
        "action_point": QCoreApplication.translate("Areas", "Action point"),
        "brief": QCoreApplication.translate("Areas", "Brief"),
    }
    return labels.get(kind, kind)
