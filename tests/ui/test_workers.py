"""A job run off the GUI thread reports back, and then lets go of what it was given: an
autosave's job holds the note's text (~1 MB for a 100,000-word note)."""

import gc
import weakref

from PySide6.QtCore import QThreadPool

from desktop.ui import workers


class Payload:
    """Stands for a note's text (a str cannot be weakly referenced)."""


def test_a_finished_or_failed_job_keeps_nothing_alive(qtbot):
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    done, failed, kept = [], [], []

    def fails(_payload):
        raise ValueError("no")

    for fn, on_error in ((id, None), (fails, failed.append)):
        payload = Payload()
        kept.append(weakref.ref(payload))
        workers.submit(pool, fn, payload, on_done=done.append, on_error=on_error)
        del payload
    qtbot.waitUntil(lambda: len(done) == 1 and len(failed) == 1)
    assert isinstance(failed[0], ValueError)
    failed.clear()  # (the exception's traceback holds the payload)

    def released() -> bool:
        gc.collect()
        return all(ref() is None for ref in kept)

    qtbot.waitUntil(released, timeout=2000)
    assert not workers._in_flight
    pool.waitForDone()


def test_jobs_done_at_once_keep_nothing_alive_either(qtbot):
    """Jobs done before the pool's start() returns (quick ones, such as a word count of
    paragraphs counted before): each is let go too."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    done: list[object] = []
    kept = []
    for _ in range(1000):
        payload = Payload()
        kept.append(weakref.ref(payload))
        workers.submit(pool, id, payload, on_done=done.append)
        del payload
    qtbot.waitUntil(lambda: len(done) == 1000 and not workers._in_flight)

    def released() -> bool:
        gc.collect()
        return all(ref() is None for ref in kept)

    qtbot.waitUntil(released, timeout=2000)
    pool.waitForDone()


def test_a_callback_that_waits_in_a_dialog_while_other_jobs_report(qtbot):
    """A callback may open a modal dialog (its own event loop) while other jobs report and
    are let go meanwhile: every callback runs once, whole, and every job is let go."""
    from PySide6.QtCore import QEventLoop, QTimer

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    log: list[tuple[str, int]] = []

    def modal(result: int) -> None:
        log.append(("opened", result))
        loop = QEventLoop()
        QTimer.singleShot(30, loop.quit)
        for i in range(3):
            workers.submit(pool, int, i, on_done=lambda r: log.append(("meanwhile", r)))
        loop.exec()
        gc.collect()
        log.append(("closed", result))

    for n in range(4):
        workers.submit(pool, int, n, on_done=modal)
    qtbot.waitUntil(lambda: len(log) == 4 * 5 and not workers._in_flight, timeout=5000)
    assert sorted(r for kind, r in log if kind == "closed") == [0, 1, 2, 3]
    pool.waitForDone()
