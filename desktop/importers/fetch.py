"""Download a schedule from a URL: timeout, size cap, optional token, safe redirects.

Credentials (an API token, a URL's user:password, its secret query parameters) go to the
host they were meant for only: a redirect to another host, or from https to http, drops them.
Every message shows the URL redacted.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from desktop import __version__
from desktop.core.errors import TalknotesError
from desktop.core.url_secrets import UrlSecret, redact_url, with_credentials
from desktop.importers.detect import MAX_SCHEDULE_BYTES

TIMEOUT_SECONDS = 30
_CREDENTIAL_HEADERS = ("Authorization", "Cookie", "Proxy-Authorization")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def same_trust(old: str, new: str) -> bool:
    """Whether credentials for `old` may go to `new`: the same host and port, and never from
    https to http (http → https on the same host is an upgrade and keeps them)."""
    (old_scheme, old_host, old_port), (new_scheme, new_host, new_port) = _origin(old), _origin(new)
    if old_host != new_host:
        return False
    if old_scheme == new_scheme:
        return old_port == new_port
    return old_scheme == "http" and new_scheme == "https"


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """urllib copies every header (Authorization too) to wherever a redirect points."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and not same_trust(req.full_url, new.full_url):
            for name in _CREDENTIAL_HEADERS:
                new.remove_header(name)
                new.remove_header(name.capitalize())
        return new


def download(
    url: str,
    token: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    secret: UrlSecret | None = None,
) -> bytes:
    """The body at `url` (given without credentials; `secret` holds them), refusing anything
    over MAX_SCHEDULE_BYTES."""
    headers = {"User-Agent": f"Talknotes/{__version__}", "Accept": "*/*"}
    if token:
        headers["Authorization"] = f"Token {token}"  # pretalx API style
    if secret is not None:
        url = with_credentials(url, secret)
        if secret.user or secret.password:
            pair = f"{secret.user}:{secret.password}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    shown = redact_url(url)
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_SafeRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_SCHEDULE_BYTES:
                raise TalknotesError(shown, f"the server announces {int(length)} bytes, too large")
            data: bytes = response.read(MAX_SCHEDULE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        hint = ""
        if exc.code in (401, 403):
            hint = " (a token may be needed: talknotes import URL --ask-token)"
        raise TalknotesError(shown, f"HTTP {exc.code} {exc.reason}{hint}") from exc
    except urllib.error.URLError as exc:
        raise TalknotesError(shown, f"cannot download ({exc.reason})") from exc
    except TimeoutError as exc:
        raise TalknotesError(shown, f"no answer within {timeout:.0f} s") from exc
    if len(data) > MAX_SCHEDULE_BYTES:
        raise TalknotesError(shown, f"larger than {MAX_SCHEDULE_BYTES // 2**20} MB, refused")
    return data
