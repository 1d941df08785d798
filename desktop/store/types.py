"""Column types: aware datetimes stored as UTC (SQLite has no time zones)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import types


def _naive_utc(value: datetime | None) -> datetime | None:
    """An aware datetime as naive UTC (what SQLite stores); refuses naive ones."""
    if value is None:
        return None
    if value.utcoffset() is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(UTC).replace(tzinfo=None)


class UtcDateTime(types.TypeDecorator[datetime]):
    """Takes aware datetimes, stores them as UTC, returns them aware in UTC."""

    impl = types.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return _naive_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_text(value: datetime | None) -> str | None:
    """An aware datetime as UtcDateTime stores it: UTC, in SQLAlchemy's SQLite DateTime text.

    For bulk inserts through the DB-API cursor, which skip SQLAlchemy's type processing.
    """
    naive = _naive_utc(value)
    return None if naive is None else naive.isoformat(" ", "microseconds")


def from_utc_text(value: str | None) -> datetime | None:
    """utc_text's inverse: stored text back to an aware datetime in UTC."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None
