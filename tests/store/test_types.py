"""UTC datetimes: what bulk inserts write is exactly what SQLAlchemy writes and reads back."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select

from desktop.store.types import UtcDateTime, from_utc_text, utc_text

_ENGINE = create_engine("sqlite://")
_TABLE = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("at", UtcDateTime))
_TABLE.create(_ENGINE)

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2199, 12, 31), timezones=offsets
)


@given(moments)
def test_utc_text_is_what_sqlalchemy_stores(moment):
    with _ENGINE.begin() as conn:
        row_id = conn.execute(insert(_TABLE).values(at=moment)).inserted_primary_key[0]
        stored = conn.exec_driver_sql("SELECT at FROM t WHERE id = ?", (row_id,)).scalar()
        conn.exec_driver_sql("INSERT INTO t (at) VALUES (?)", (utc_text(moment),))
        read = conn.execute(select(_TABLE.c.at).order_by(_TABLE.c.id.desc())).scalar()
    assert utc_text(moment) == stored  # the same text SQLAlchemy writes
    assert read == moment and read.tzinfo == UTC  # and it reads back as the same instant
    assert from_utc_text(stored) == read


def test_utc_text_refuses_naive_and_passes_none():
    assert utc_text(None) is None
    with pytest.raises(ValueError, match="naive"):
        utc_text(datetime(2024, 1, 1))
