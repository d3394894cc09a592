"""Writing mail over Graph: PATCH (categories, read, flag) with If-Match, move, sendMail,
drafts, replies and forwards, meeting answers, attachments and upload sessions."""

from __future__ import annotations

from kortrijk_cockpit.sandbox.graph.http import Route

ROUTES: list[Route] = []
