"""The OCR worker process: reads the queue, leaves when idle and comes back when woken, and
dies with the process that started it (even one killed outright)."""

import os
import queue
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.services.importing import import_schedule
from desktop.services.ocr_worker import OcrWorker
from desktop.services.photos import attach_to_talk
from desktop.store.talks import list_talks
from tests.conftest import ROOT, SAMPLE
from tests.slides import DECK, render, save_jpeg

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc")


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def _next(events: queue.Queue, kind: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        event = events.get(timeout=max(0.1, deadline - time.monotonic()))
        if event["event"] == kind:
            return event


def test_worker_leaves_when_idle_and_comes_back_for_new_photos(library, tmp_path):
    import_schedule(library, str(SAMPLE))
    talk = list_talks(library)[0]
    events: queue.Queue = queue.Queue()
    worker = OcrWorker(library.path, events.put, idle_exit_seconds=0.3)
    worker.start()
    try:
        assert _next(events, "started")["queued"] == 0
        _next(events, "exit")
        worker.process.join(60)  # (a bound, not a timing: the worker runs niced, and on a
        # busy machine its exit took over 10 s)
        assert not worker.is_alive()  # nothing to read: its memory is given back

        photo = save_jpeg(render(DECK[2], (640, 480)), tmp_path / "code.jpg")
        attach_to_talk(library, talk.id, [photo])
        worker.wake()  # as the window does after an attach
        read = _next(events, "read")
        assert read["lines"] >= 3 and read["queued"] == 0 and not read["error"]
    finally:
        worker.stop()


def test_worker_dies_with_a_killed_parent(library, tmp_path):
    script = textwrap.dedent(
        f"""
        import sys, time
        from desktop.services.ocr_worker import OcrWorker
        if __name__ == "__main__":
            worker = OcrWorker({str(library.path)!r})
            worker.start()
            print(worker.pid, flush=True)
            time.sleep(120)
        """
    )
    path = tmp_path / "parent.py"
    path.write_text(script)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, str(path)], stdout=subprocess.PIPE, env=env)
    try:
        pid = int(parent.stdout.readline())
        assert not _gone(pid)
        parent.send_signal(signal.SIGKILL)  # no clean-up code runs in the parent
        parent.wait(10)
        deadline = time.monotonic() + 10
        while not _gone(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(pid)
    finally:
        parent.kill()
        parent.wait()
