"""Secrets (API tokens) in the OS keyring only: never in SQLite, settings, logs or exports.

When no usable keyring exists (the `fail` or `null` backend, as on a headless machine), calls
raise SecretsUnavailable, and callers tell the user instead of storing the secret elsewhere.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

import keyring
import keyring.errors

from desktop.config import APP_ID
from desktop.core.url_secrets import UrlSecret

_UNUSABLE = ("fail", "null", "keyrings.alt")  # plaintext backends count as unusable


class SecretsUnavailable(Exception):
    """No secure keyring backend is available."""


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def available() -> bool:
    name = backend_name().lower()
    if any(part in name for part in _UNUSABLE):
        return False
    chainer = getattr(keyring.get_keyring(), "backends", None)
    return chainer is None or bool(chainer)


def _check() -> None:
    if not available():
        raise SecretsUnavailable(
            f"no secure keyring is available ({backend_name()}); the token was not stored. "
            "Start a desktop keyring (GNOME Keyring, KWallet, macOS Keychain, Windows "
            "Credential Locker) and try again."
        )


def key_for_url(url: str) -> str:
    """Tokens are kept per host: one pretalx instance, one token."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def get_token(key: str) -> str | None:
    if not available():
        return None
    try:
        return keyring.get_password(APP_ID, key)
    except keyring.errors.KeyringError:
        return None


def set_token(key: str, token: str) -> None:
    _check()
    try:
        keyring.set_password(APP_ID, key, token)
    except keyring.errors.KeyringError as exc:
        raise SecretsUnavailable(f"the keyring refused the token ({exc})") from exc


def delete_token(key: str) -> None:
    _check()
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(APP_ID, key)


def _url_key(url: str) -> str:
    return f"url:{url}"


def get_url_secret(url: str) -> UrlSecret | None:
    """The credentials kept for a schedule URL (stored without them), if any."""
    text = get_token(_url_key(url))
    if not text:
        return None
    try:
        return UrlSecret.from_json(text)
    except (ValueError, TypeError, AttributeError):
        return None


def set_url_secret(url: str, secret: UrlSecret) -> None:
    """Keep the credentials a schedule URL carried; raises SecretsUnavailable."""
    set_token(_url_key(url), secret.to_json())
