"""Errors every layer raises; the CLI prints them as `error: <what>: <why>`."""


class TalknotesError(Exception):
    """A failure the user can act on: `what` names the file or object, `why` the problem."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")
        self.what = what
        self.why = why


class NotFoundError(TalknotesError):
    pass


# SQLite's primary result codes (sqlite3.h), as `sqlite_errorcode & 0xFF`
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26

DAMAGE_CODES = frozenset({_SQLITE_CORRUPT, _SQLITE_NOTADB})


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind `exc` (an sqlite3 error, or one wrapped by
    SQLAlchemy as `.orig`); None when it is no SQLite error."""
    for error in (exc, getattr(exc, "orig", None)):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    return None


def plain_reason(exc: BaseException) -> str:
    """What went wrong, in words a user can act on: no SQL, no traceback, no web links."""
    import errno

    if isinstance(exc, TalknotesError):
        return exc.why
    if isinstance(exc, OSError) and exc.errno is not None:
        return {
            errno.ENOSPC: "the disk is full",
            errno.EDQUOT: "the disk quota is used up",
            errno.EFBIG: "the file is too large for this disk (or the disk is full)",
            errno.EROFS: "the folder is read-only",
            errno.EACCES: "permission denied (the folder or file is read-only)",
            errno.EPERM: "permission denied (the folder or file is read-only)",
            errno.ENOENT: "no such file or folder",
            errno.EIO: "the disk could not be read or written (input/output error)",
        }.get(exc.errno, exc.strerror or str(exc))
    code = sqlite_code(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "the library database is locked by another program; try again when it is done"
    if code == _SQLITE_FULL:
        return "the disk is full"
    if code == _SQLITE_IOERR:
        return "the disk could not be read or written (is it full, or was it removed?)"
    if code in (_SQLITE_READONLY, _SQLITE_PERM):
        return "the library is read-only (its folder or database file cannot be written)"
    if code == _SQLITE_CANTOPEN:
        return "the library database cannot be opened (no permission, or its folder is gone)"
    if code in DAMAGE_CODES:
        return "the library database is damaged"
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0] if str(original) else type(original).__name__
