"""Credentials inside schedule URLs (`?token=…`, `user:pass@host`): found, taken out, hidden.

A URL with its secret must never be printed, logged or stored: the library stores the URL
without it, the secret goes to the keyring (desktop.secrets), and every message shows the
URL redacted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

REDACTED = "***"
# Query parameters that carry a secret, by how their name ends: token, access_token, key,
# api_key, apikey, secret, pass, password, auth, sig, signature, X-Amz-Credential …
# ("keyword", "author" are not secrets).
_SECRET_PARAM = re.compile(
    r"(token|key|secret|pass|password|auth|sig|signature|credential)s?$", re.I
)


@dataclass(slots=True)
class UrlSecret:
    """What a URL carried besides its address: secret query parameters and userinfo."""

    query: list[tuple[str, str]] = field(default_factory=list)
    user: str = ""
    password: str = ""

    def to_json(self) -> str:
        return json.dumps({"query": self.query, "user": self.user, "password": self.password})

    @classmethod
    def from_json(cls, text: str) -> UrlSecret:
        data = json.loads(text)
        query = [(str(name), str(value)) for name, value in data.get("query", [])]
        return cls(query, str(data.get("user", "")), str(data.get("password", "")))


def _is_secret(name: str) -> bool:
    return bool(_SECRET_PARAM.search(name))


def _host(parts: SplitResult) -> str:
    """host[:port], without userinfo."""
    return parts.netloc.rpartition("@")[2]


def split_credentials(url: str) -> tuple[str, UrlSecret | None]:
    """The URL without its credentials, and the credentials (None when it has none)."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url, None
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    secret = UrlSecret(query=[(k, v) for k, v in pairs if _is_secret(k) and v])
    if parts.username or parts.password:
        secret.user, secret.password = parts.username or "", parts.password or ""
    if not secret.query and not secret.user and not secret.password:
        return url, None
    kept = [(k, v) for k, v in pairs if (k, v) not in secret.query]
    clean = urlunsplit(
        (parts.scheme, _host(parts), parts.path, urlencode(kept, safe="/:@"), parts.fragment)
    )
    return clean, secret


def with_credentials(url: str, secret: UrlSecret) -> str:
    """`url` with the secret query parameters put back (userinfo goes in a header instead)."""
    if not secret.query:
        return url
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True) + list(secret.query)
    return urlunsplit(
        (parts.scheme, parts.netloc, parts.path, urlencode(pairs, safe="/:@"), parts.fragment)
    )


def redact_url(url: str) -> str:
    """The URL as it may be shown: secret query values and userinfo replaced by ***."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{_host(parts)}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(_is_secret(k) for k, _ in pairs) and netloc == parts.netloc:
        return url
    query = urlencode([(k, REDACTED if _is_secret(k) and v else v) for k, v in pairs], safe="/:@*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_text(text: str, url: str) -> str:
    """`text` (a message) with `url`'s secrets hidden wherever they appear."""
    _, secret = split_credentials(url)
    if secret is None:
        return text
    text = text.replace(url, redact_url(url))
    for value in [v for _, v in secret.query] + [secret.password, secret.user]:
        if len(value) >= 3:
            text = text.replace(value, REDACTED)
    return text
