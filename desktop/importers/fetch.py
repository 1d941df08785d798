"""Download a schedule from a URL: timeout, size cap, optional bearer token."""

from __future__ import annotations

import urllib.error
import urllib.request

from desktop import __version__
from desktop.core.errors import TalknotesError
from desktop.importers.detect import MAX_SCHEDULE_BYTES

TIMEOUT_SECONDS = 30


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def download(url: str, token: str | None = None, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The body at `url`, refusing anything over MAX_SCHEDULE_BYTES."""
    headers = {"User-Agent": f"Talknotes/{__version__}", "Accept": "*/*"}
    if token:
        headers["Authorization"] = f"Token {token}"  # pretalx API style
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_SCHEDULE_BYTES:
                raise TalknotesError(url, f"the server announces {int(length)} bytes, too large")
            data = response.read(MAX_SCHEDULE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        hint = " (a token may be needed: --token-from-keyring)" if exc.code in (401, 403) else ""
        raise TalknotesError(url, f"HTTP {exc.code} {exc.reason}{hint}") from exc
    except urllib.error.URLError as exc:
        raise TalknotesError(url, f"cannot download ({exc.reason})") from exc
    except TimeoutError as exc:
        raise TalknotesError(url, f"no answer within {timeout:.0f} s") from exc
    if len(data) > MAX_SCHEDULE_BYTES:
        raise TalknotesError(url, f"larger than {MAX_SCHEDULE_BYTES // 2**20} MB, refused")
    return data
