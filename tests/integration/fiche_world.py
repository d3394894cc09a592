"""A discussiefiche for the documents and publishing tests: an external evening event
with two people worth meeting, and readers for what was made."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

from kortrijk_cockpit.clock import BRUSSELS
from kortrijk_cockpit.documents.fiche_model import Fiche, FichePerson

TITLE = "Voka netwerkavond Zuid-West-Vlaanderen"
START = datetime(2026, 12, 3, 18, 0, tzinfo=BRUSSELS)
END = datetime(2026, 12, 3, 20, 30, tzinfo=BRUSSELS)
PLACE = "Kortrijk Xpo, Hal 3"
ROLE = "Spreker: welkomstwoord namens de stad (5 minuten)"
OBJECTIVE = "Bedrijven warm maken voor de nieuwe bedrijvenzone in Marke."
SENSITIVE = "De vertraging van de ring R8 niet ter sprake brengen."
BACKGROUND = "Collegebesluit van 14 oktober 2026 over Evolis-Noord."
PERSON = "Annelies Vermeersch"
OTHER = "Bart Desmet"


def fiche(**changes: object) -> Fiche:
    values: dict[str, object] = {
        "brief_id": 7, "version": 2, "title": TITLE, "starts_at": START, "ends_at": END,
        "place": PLACE, "organiser": "Voka West-Vlaanderen <events@voka.be>",
        "director_role": ROLE, "logistics": "Parking P2, badge aan de onthaalbalie.",
        "objective": OBJECTIVE,
        "position": "Kortrijk wil de zone samen met Leiedal ontwikkelen.",
        "key_messages": ("Evolis-Noord is klaar in 2028", "Eén loket voor investeerders",
                         "Duurzaam bouwen wordt beloond"),
        "asks_offers": "Vraag: engagement van drie trekkers. Aanbod: begeleiding door het "
                       "economisch huis.",
        "sensitive_topics": SENSITIVE,
        "people": (FichePerson(PERSON, "Gedelegeerd bestuurder", "Voka West-Vlaanderen", "",
                               "12/10/2026", "Subsidiedossier opleidingscentrum",
                               "Hoe loopt de nieuwe opleidingscampus?"),
                   FichePerson(OTHER, "Burgemeester", "Stad Menen", "burgemeester", "", "",
                               "")),
        "background": BACKGROUND,
        "follow_up": "Lijst van geïnteresseerde bedrijven opvragen.",
        "event_type": "netwerkevent", "status_text": "goedgekeurd"}
    values.update(changes)
    return Fiche(**values)  # type: ignore[arg-type]


def docx_lines(content: bytes) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


def pdf_pages(content: bytes) -> list[str]:
    from pypdf import PdfReader

    # NFKC: Qt writes ligatures ("ﬁ"); split/join: it puts tabs between words.
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in PdfReader(io.BytesIO(content)).pages]
