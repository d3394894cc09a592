"""A mail body made safe to show: nh3 keeps the formatting and drops the rest.

Nothing in the result can make the reading pane reach the network by itself:
no scripts, forms, frames, objects, styles' `url()`/`@import`, `<base>`,
`<meta refresh>`, `srcset`, `background=`, and no remote image unless the
user allowed images for this sender (otherwise its `src` becomes a
`cockpit-blocked:` placeholder). Inline `cid:` images stay; the reading pane
resolves them to the mail's own attachments. Qt-free.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

TOO_BIG_NOTE = "Deze mail is erg groot; ingekort weergegeven."
NO_CONTENT = "(geen inhoud)"
BLOCKED_SCHEME = "cockpit-blocked"
# Beyond this the pane would spend seconds laying out; cut (at a character) before nh3 sees it.
MAX_HTML_CHARS = 2_000_000
# html5ever and Qt's layout slow down sharply on very deep trees; deeper tags are flattened.
MAX_DEPTH = 100

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup",
    "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "li", "ol", "p", "pre", "s", "small", "span", "strike", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
}
# Removed with their content (the rest of the unknown tags keep their text).
_DROP_WITH_CONTENT = {"script", "style", "title", "head", "template", "noscript", "iframe",
                      "object", "embed", "svg", "math", "select", "textarea", "button"}
_CELL = {"align", "valign", "width", "height", "colspan", "rowspan", "bgcolor", "nowrap"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"style", "title", "dir", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "face", "size"},
    "table": {"align", "width", "border", "cellpadding", "cellspacing", "bgcolor"},
    "td": _CELL, "th": _CELL, "tr": {"align", "valign", "bgcolor"},
    "col": {"width", "span"}, "colgroup": {"width", "span"},
    "p": {"align"}, "div": {"align"}, "h1": {"align"}, "h2": {"align"}, "h3": {"align"},
    "ol": {"start", "type"}, "li": {"value"},
}
_CSS_PROPERTIES = {
    "color", "background-color", "font-weight", "font-style", "font-size", "font-family",
    "text-decoration", "text-align", "vertical-align", "white-space",
}
# A declaration value: words, numbers, colours, quotes and rgb()/rgba() only. No url(),
# expression(), escapes or comments, which is how CSS smuggles in a request.
_CSS_VALUE = re.compile(r"(?:[#\w\s.,%'\"+-]|rgba?\(\s*[\d.%\s,]+\))+", re.ASCII)
_LINK_SCHEMES = ("http:", "https:", "mailto:")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Tags for the depth guard: (close slash, name, self-closing slash).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^<>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr", "o:p"}


@dataclass(frozen=True)
class SafeBody:
    html: str  # ready for QTextBrowser.setHtml
    blocked_images: int = 0  # remote images replaced by a placeholder
    remote_images: tuple[str, ...] = ()  # the remote image addresses (kept only when allowed)
    truncated: bool = False


def safe_body(body_html: str | None, body_text: str, *, allow_remote_images: bool) -> SafeBody:
    """The mail's HTML sanitised, else its text as HTML, else "(geen inhoud)"."""
    if body_html and body_html.strip():
        result = sanitise_html(body_html, allow_remote_images=allow_remote_images)
        if _has_content(result.html):
            return result
    if body_text.strip():
        return SafeBody(text_to_html(body_text))
    return SafeBody(_empty())


def sanitise_html(body: str, *, allow_remote_images: bool) -> SafeBody:
    body = clean_text(body)
    truncated = len(body) > MAX_HTML_CHARS
    if truncated:
        body = body[:MAX_HTML_CHARS]
    body = flatten_deep(body)
    remote: list[str] = []
    blocked = 0

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        # Never raises: nh3 would report the error through sys.unraisablehook.
        nonlocal blocked
        if attribute == "style":
            return _safe_style(value)
        if tag == "a" and attribute == "href":
            return value if value.strip().lower().startswith(_LINK_SCHEMES) else None
        if tag == "img" and attribute == "src":
            lowered = value.strip().lower()
            if lowered.startswith("cid:"):
                return value.strip()
            if lowered.startswith(("http:", "https:")):
                if allow_remote_images:
                    remote.append(value.strip())
                    return value.strip()
                blocked += 1
                return f"{BLOCKED_SCHEME}:{blocked}"
            return None
        return value

    cleaned = nh3.clean(
        body, tags=_TAGS, clean_content_tags=_DROP_WITH_CONTENT, attributes=_ATTRIBUTES,
        attribute_filter=attribute_filter, url_schemes={"http", "https", "mailto", "cid"},
        url_relative="deny", link_rel="noopener noreferrer", strip_comments=True)
    if truncated:
        cleaned = f"<p><i>{TOO_BIG_NOTE}</i></p>{cleaned}"
    return SafeBody(cleaned, blocked, tuple(remote), truncated)


def text_to_html(text: str) -> str:
    """Plain text with its line breaks kept and its web and mail addresses clickable."""
    text = clean_text(text)
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(html.escape(text[last:match.start()]))
        shown = match.group(0)
        target = shown if "://" in shown or shown.startswith("mailto:") else (
            f"mailto:{shown}" if "@" in shown and not shown.startswith("www.") else f"https://{shown}")
        parts.append(f'<a href="{html.escape(target)}">{html.escape(shown)}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return f'<div style="white-space: pre-wrap">{"".join(parts)}</div>'


_URL = re.compile(
    r"(?:https?://|mailto:|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def clean_text(value: str) -> str:
    """No NULs, no lone surrogates (nh3 and Qt take valid Unicode only)."""
    return _SURROGATES.sub("\ufffd", value.replace("\x00", ""))


def flatten_deep(body: str, limit: int = MAX_DEPTH) -> str:
    """Drop the tags that sit deeper than `limit` (their text stays).

    A cheap count over the raw markup, only to keep pathological nesting from
    costing seconds; the safety comes from nh3 afterwards.
    """
    depth = deepest = 0
    for match in _TAG.finditer(body):
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(3) and match.group(2).lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if deepest <= limit:
        return body
    depth = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(1):
            depth = max(0, depth - 1)
            return match.group(0) if depth < limit else ""
        if match.group(3) or match.group(2).lower() in _VOID:
            return match.group(0)
        depth += 1
        return match.group(0) if depth <= limit else ""

    return _TAG.sub(keep_or_drop, body)


def _safe_style(value: str) -> str | None:
    kept: list[str] = []
    for declaration in value.split(";"):
        name, colon, val = declaration.partition(":")
        name, val = name.strip().lower(), val.strip()
        if colon and name in _CSS_PROPERTIES and val and _CSS_VALUE.fullmatch(val) \
                and "url" not in val.lower() and "expression" not in val.lower():
            kept.append(f"{name}: {val}")
    return "; ".join(kept) or None


def _has_content(cleaned: str) -> bool:
    return bool(re.sub(r"<[^>]*>|&nbsp;|\s", "", cleaned)) or "<img" in cleaned


def _empty() -> str:
    return f"<p><i>{NO_CONTENT}</i></p>"
