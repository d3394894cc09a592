"""What the user's web browser does during an interactive sign-in, for tests.

Pass an instance where the app expects `webbrowser.open`. `SigningInBrowser`
loads the authorize page, then submits its auto-posting form (Entra ID's
response_mode=form_post) to the app's loopback listener. It does that on a
thread of its own, because the app's listener has to be serving while the
browser posts; `join()` waits for it and re-raises what went wrong.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests


@dataclass(frozen=True)
class Page:
    """A response the browser showed: status and text."""

    url: str
    status: int
    text: str


class _FormParser(HTMLParser):
    """The first form of a page: its action, method and named inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.method = "get"
        self.fields: dict[str, str] = {}
        self._in_form = False
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and not self._done:
            self._in_form = True
            self.action = values.get("action", "")
            self.method = values.get("method", "get").lower()
        elif tag == "input" and self._in_form and values.get("name"):
            self.fields[values["name"]] = values.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._in_form:
            self._in_form = False
            self._done = True


class SigningInBrowser:
    """A browser in which the user is signed in already: the form posts straight back."""

    def __init__(self, ca_bundle: str) -> None:
        self.ca_bundle = ca_bundle
        self.opened: list[str] = []
        # The page shown last: the app listener's answer to the form post, or the
        # authority's error page when there was nothing to post.
        self.last_page: Page | None = None
        self.error: BaseException | None = None
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def __call__(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        """Same contract as `webbrowser.open`: True means a browser window opened."""
        with self._lock:
            self.opened.append(url)
            thread = threading.Thread(target=self._visit, args=(url,),
                                      name=f"fake-browser-{len(self.opened)}")
            self._threads.append(thread)
        thread.start()
        return True

    def join(self, timeout: float | None = None) -> None:
        """Wait until every page has been handled; re-raise a failure of the browser."""
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)
            if thread.is_alive():
                raise TimeoutError(f"{thread.name} is still busy")
        if self.error is not None:
            raise self.error

    def _visit(self, url: str) -> None:
        try:
            with requests.Session() as session:
                session.trust_env = False  # a loopback sign-in never goes through a proxy
                page = session.get(url, verify=self.ca_bundle, timeout=30)
                self._show(url, page)
                if page.status_code != 200:
                    return  # an error page: the user reads it and nothing is posted
                form = _FormParser()
                form.feed(page.text)
                form.close()
                if form.action is None or form.method != "post":
                    raise AssertionError(f"The sign-in page has no form to post: {page.text!r}")
                target = urljoin(page.url, form.action)
                answer = session.post(target, data=form.fields, verify=self.ca_bundle,
                                      timeout=30)
                self._show(target, answer)
        except BaseException as exc:  # noqa: BLE001 - join() re-raises it on the test's thread
            self.error = exc

    def _show(self, url: str, response: requests.Response) -> None:
        self.last_page = Page(url, response.status_code, response.text)


class ClosedBrowser:
    """The user closes the sign-in window: the URL is opened and nothing more happens."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True
