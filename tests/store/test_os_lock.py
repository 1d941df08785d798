"""The library's lock: one holder at a time, a wait that ends, and nothing left behind."""

import os
import time

import pytest

from desktop.store.os_lock import FileLock, LockTimeout


def test_a_second_holder_waits_then_times_out(tmp_path):
    path = str(tmp_path / "x.lock")
    first, second = FileLock(path), FileLock(path)
    first.acquire(timeout=0)
    started = time.monotonic()
    with pytest.raises(LockTimeout):
        second.acquire(timeout=0.2)
    assert time.monotonic() - started >= 0.2
    assert not second.is_locked
    first.release()
    second.acquire(timeout=0)  # free again once released
    assert second.is_locked
    second.release()
    second.release()  # twice is harmless


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_a_failed_wait_leaves_no_descriptor_open(tmp_path):
    path = str(tmp_path / "x.lock")
    holder = FileLock(path)
    holder.acquire(timeout=0)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(LockTimeout):
            FileLock(path).acquire(timeout=0)
    assert len(os.listdir("/proc/self/fd")) == before
    holder.release()


def test_an_unwritable_folder_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        FileLock(str(tmp_path / "missing" / "x.lock")).acquire(timeout=0)


def test_taking_it_twice_through_one_object_is_a_mistake(tmp_path):
    lock = FileLock(str(tmp_path / "x.lock"))
    lock.acquire(timeout=0)
    with pytest.raises(RuntimeError):
        lock.acquire(timeout=0)
    lock.release()
