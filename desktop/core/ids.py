"""The id of a domain object read from the library: only an object not yet saved has none."""

from __future__ import annotations


class UnsavedError(ValueError):
    """An object that is not in the library yet was used where a saved one is needed."""


def saved_id(value: int | None) -> int:
    """`value`, the id of an object that was read from (or written to) the library."""
    if value is None:
        raise UnsavedError("not saved in the library yet: it has no id")
    return value
