"""The backend's threads each keep one connection to the library, however many jobs they
run (a Qt pool thread starts each job with empty thread-locals)."""

import threading

from desktop.ui.backend import Backend


def test_each_thread_keeps_one_library_connection(qtbot, library):
    backend = Backend()
    opened = len(library._readers)  # (the test's own thread has one)
    used: list[int] = []
    for done in range(1, 7):
        backend.write(lambda: used.append(id(library.reader())))
        # done, and its thread waiting for the next, as between autosaves (not flush():
        # Qt's waitForDone ends the pool's threads)
        qtbot.waitUntil(lambda n=done: len(used) == n)
    for _ in range(6):
        backend.read(lambda: used.append(id(library.reader())))
    backend.readers.waitForDone()
    assert len(used) == 12
    assert len(set(used)) <= 1 + Backend.READERS  # the writer's, and each reader's
    assert len(library._readers) == opened + len(set(used))
    assert all(  # nor does a pause longer than Qt's 30 s end a thread (and its connection)
        pool.expiryTimeout() < 0 for pool in (backend.writer, backend.readers, backend.compute)
    )
    backend.shut_down()


def test_a_flush_keeps_the_writers_thread_and_its_connection(qtbot, library):
    """flush() waits for the writes before it (before an export, on quitting) and leaves the
    writer's thread as it is: Qt's waitForDone ended it, and each write after a flush opened
    a library connection on a new thread while the old one stayed open."""
    backend = Backend()
    opened = len(library._readers)
    threads: list[int] = []
    for _ in range(4):
        backend.write(lambda: (library.reader(), threads.append(threading.get_native_id())))
        assert backend.flush()
    assert len(set(threads)) == 1  # one writer thread (kernel thread ids are not reused soon)
    assert len(library._readers) == opened + 1
    backend.shut_down()
