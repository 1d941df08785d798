"""Drive the real app by keys alone on a virtual screen, and take screenshots.

    python scripts/walkthrough.py keys OUTDIR [--size 1366x768] [--scale 1]
        Xvfb + openbox; the app on a throw-away library with the sample conference, its clock
        inside a talk; then only keys (xdotool): Ctrl+J (and a digit among parallel talks), a
        list, a time stamp, a quote, a pasted photo, a star, focus mode. A screenshot after
        each step; at the end the note is read back with `talknotes note` and checked.
    python scripts/walkthrough.py layout OUTDIR
        The window with a talk open at 1024x600, 1366x768, 1920x1080 and 1920x1080 at 200 %.
    python scripts/walkthrough.py looks OUTDIR
        At 1366x768 and 1024x600: a FOSDEM talk's header (its long track and room), the export
        dialog with a blog chosen, and in the dark theme the photo strip (a white, a blue and
        a near-black slide) with the focus ring on it.
    python scripts/walkthrough.py remove OUTDIR
        At 1366x768: words typed into a note with a photo, then File → Remove Conference… by
        keys (Alt+F, M; Alt+R in the dialog), the sidebar's menu on the other conference; then
        `talknotes restore` of the backup, and the note and its photo checked back.

Needs Xvfb, xauth, openbox, xdotool, xclip and ImageMagick's `import`:
    apt-get install -y --no-install-recommends xvfb xauth xdotool openbox imagemagick xclip
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK = "2026-05-14T09:10:00+00:00"  # 10:10 in Lisbon: two talks run in parallel
TOOLS = ("Xvfb", "openbox", "xdotool", "xclip", "import")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    keys = sub.add_parser("keys")
    keys.add_argument("out", type=Path)
    keys.add_argument("--size", default="1366x768")
    keys.add_argument("--scale", default="1")
    layout = sub.add_parser("layout")
    layout.add_argument("out", type=Path)
    remove = sub.add_parser("remove")
    remove.add_argument("out", type=Path)
    looks = sub.add_parser("looks")
    looks.add_argument("out", type=Path)
    app = sub.add_parser("app")  # the app under test (started by the commands above)
    app.add_argument("library")
    app.add_argument("--open", default="")
    app.add_argument("--theme", default="")
    app.add_argument("--blog", default="")
    app.add_argument("--unfold-photos", action="store_true")
    args = parser.parse_args()
    if args.command == "app":
        return run_app(args.library, args.open, args.theme, args.blog, args.unfold_photos)
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print(
            f"error: missing tools: {', '.join(missing)} (see this script's help)", file=sys.stderr
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    if args.command == "keys":
        return walk_by_keys(args.out, args.size, args.scale)
    if args.command == "remove":
        return walk_removal(args.out)
    if args.command == "looks":
        return look_shots(args.out)
    return layout_shots(args.out)


# --- the app under test ------------------------------------------------------------------


def run_app(
    library: str, open_title: str, theme: str = "", blog: str = "", unfold_photos: bool = False
) -> int:
    """The app as desktop.app builds it, on `library`, with the clock at CLOCK (and the theme
    and export blog given, as if chosen in an earlier run)."""
    from datetime import datetime

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_window
    from desktop.store.library import open_library
    from desktop.ui.runtime import prepare_qt

    prepare_qt()
    QCoreApplication.setOrganizationName("Talknotes-walkthrough")
    QCoreApplication.setApplicationName("Talknotes")
    app = QApplication(sys.argv[:1])
    from PySide6.QtCore import QSettings, QTimer

    QSettings().clear()  # the default layout for this screen, not the last run's
    if theme:
        QSettings().setValue("appearance/theme", theme)
    if blog:
        QSettings().setValue("export/blog", blog)
    now = datetime.fromisoformat(CLOCK)
    window = build_window(open_library(library), clock=lambda: now)
    window.show()

    def open_note() -> None:  # once the schedule is read (off the GUI thread)
        if not window.settled():
            QTimer.singleShot(20, open_note)
            return
        talk = next(t for t in window.model.talks() if t.title == open_title)
        window.sidebar.select_talk(talk.id)  # type: ignore[arg-type]
        window.when_open(window.editor.move_to_end)
        if unfold_photos:
            window.when_open(lambda: window.editor.photos_button.setChecked(True))

    if open_title:
        open_note()
    code = app.exec()
    window.lib.close()  # type: ignore[union-attr]
    return code


# --- the X session ----------------------------------------------------------------------------


@contextlib.contextmanager
def x_session(size: str) -> Iterator[dict[str, str]]:
    """Xvfb with openbox: the environment to run X clients in."""
    display = f":{90 + os.getpid() % 9}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"])
    env = {**os.environ, "DISPLAY": display, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    wm = None
    try:
        _wait(
            lambda: (
                subprocess.run(
                    ["xdotool", "getmouselocation"], env=env, capture_output=True
                ).returncode
                == 0
            ),
            "Xvfb",
        )
        wm = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
        time.sleep(0.5)  # openbox takes the screen (no client to wait for yet)
        yield env
    finally:
        for process in (wm, xvfb):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)


def _wait(ready, what: str, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > end:
            raise SystemExit(f"error: {what} did not come up in {timeout:.0f} s")
        time.sleep(0.1)


def _xdo(env, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _shot(env, path: Path) -> None:
    time.sleep(0.8)  # the preview renders after a pause in typing
    subprocess.run(["import", "-window", "root", str(path)], env=env, check=True)
    print(f"screenshot {path}")


def _library() -> Path:
    lib = Path(tempfile.mkdtemp(prefix="talknotes-walk-")) / "library"
    talknotes = [sys.executable, "-m", "desktop"]
    subprocess.run(
        [*talknotes, "--library", str(lib), "import", "--sample"],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    return lib


def _start_app(
    env, lib: Path, scale: str = "1", open_title: str = "", extra: tuple[str, ...] = ()
) -> subprocess.Popen:
    env = {**env, "QT_SCALE_FACTOR": scale}
    args = [sys.executable, __file__, "app", str(lib), *extra]
    if open_title:
        args += ["--open", open_title]
    app = subprocess.Popen(args, env=env)
    _wait(
        lambda: (
            subprocess.run(
                ["xdotool", "search", "--name", "^Talknotes$"], env=env, capture_output=True
            ).returncode
            == 0
        ),
        "the window",
    )
    window = _xdo(env, "search", "--name", "^Talknotes$").split()[0]
    _xdo(env, "windowactivate", "--sync", window)
    time.sleep(1.5)  # the schedule shows
    return app


def _slide(lib: Path) -> Path:
    from PIL import Image, ImageDraw

    path = lib.parent / "slide.png"
    slide = Image.new("RGB", (1600, 900), "#1f5fbf")
    draw = ImageDraw.Draw(slide)
    draw.rectangle((80, 80, 1520, 820), outline="white", width=12)
    draw.text((160, 380), "Sync is a feature", fill="white", font_size=140)
    slide.save(path)
    return path


# --- the walkthrough ----------------------------------------------------------------------------


def walk_by_keys(out: Path, size: str, scale: str) -> int:
    lib = _library()
    with x_session(size) as env:
        app = _start_app(env, lib, scale)
        try:
            _shot(env, out / "01-start.png")

            def keys(*names: str) -> None:
                _xdo(env, "key", "--delay", "60", *names)

            def type_(text: str) -> None:
                _xdo(env, "type", "--delay", "25", "--", text)

            keys("ctrl+j")  # two talks run: the chooser
            time.sleep(0.8)
            _shot(env, out / "02-ctrl-j-chooser.png")
            keys("1")
            type_("Key points:")
            keys("Return")
            type_("- offline first")
            keys("Return")
            type_("sync later")
            keys("Return", "Return")  # the empty item ends the list
            keys("ctrl+shift+t")
            type_("demo starts")
            keys("Return", "Return")
            _shot(env, out / "03-list-and-stamp.png")
            keys("ctrl+shift+q")  # two speakers: who said it (Enter takes the first)
            time.sleep(0.8)
            _shot(env, out / "04-quote-who.png")
            keys("Return")
            type_("Sync is a feature")
            subprocess.run(
                ["xclip", "-selection", "clipboard", "-t", "image/png", "-i", str(_slide(lib))],
                env=env,
                check=True,
            )
            keys("ctrl+v")
            time.sleep(2.0)  # stored off the GUI thread, then its thumbnail
            keys("ctrl+d")
            _shot(env, out / "05-quote-photo-star.png")
            keys("F11")
            time.sleep(1.0)
            _shot(env, out / "06-focus-mode.png")
            keys("F11")
            keys("ctrl+q")
            app.wait(timeout=20)
        finally:
            if app.poll() is None:
                app.terminate()
                app.wait(timeout=10)
    return _check_note(lib)


def _check_note(lib: Path) -> int:
    talknotes = [sys.executable, "-m", "desktop", "--library", str(lib)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str):
        done = subprocess.run(
            [*talknotes, *args, "--json"], env=env, check=True, capture_output=True, text=True
        )
        return json.loads(done.stdout)

    starred = run("talks", "--starred")
    if len(starred) != 1:
        print(f"error: expected one starred talk, found {len(starred)}", file=sys.stderr)
        return 1
    note = run("note", str(starred[0]["id"]))
    body = note["body"]
    print(f"note of {starred[0]['title']!r}:\n{body}")
    wanted = [
        "Key points:\n- offline first\n- sync later\n\n[",
        "] demo starts",
        '> "Sync is a feature"\n> \\- ',
        "](photo:",
    ]
    missing = [w for w in wanted if w not in body]
    if missing:
        print(f"error: the note lacks {missing}", file=sys.stderr)
        return 1
    print("ok: list, time stamp, quote, photo and star, by keys alone")
    return 0


def layout_shots(out: Path) -> int:
    lib = _library()
    for size, scale, name in (
        ("1024x600", "1", "layout-1024x600.png"),
        ("1366x768", "1", "layout-1366x768.png"),
        ("1920x1080", "1", "layout-1920x1080.png"),
        ("1920x1080", "2", "layout-1920x1080-200pct.png"),
    ):
        with x_session(size) as env:
            app = _start_app(env, lib, scale, open_title="Offline First, Always")
            try:
                _shot(env, out / name)
            finally:
                app.terminate()
                app.wait(timeout=10)
    return 0


def look_shots(out: Path) -> int:
    """What a stranger's walkthrough found in the layout, to look at: a long track and room
    in a talk's details, the export dialog's commit checkbox, slides the colour of the photo
    strip and the focus ring on it in the dark theme."""
    from PIL import Image

    lib = _library()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    talknotes = [sys.executable, "-m", "desktop", "--library", str(lib)]
    fixtures = ROOT.parent / "shared" / "fixtures"
    fosdem = fixtures / "schedules" / "xml" / "fosdem-2024-schedule.xml"
    if fosdem.exists():
        subprocess.run([*talknotes, "import", str(fosdem)], env=env, check=True)
    for name, colour in (("white", "white"), ("blue", "#1f5fbf"), ("black", "#1e1f22")):
        slide = lib.parent / f"{name}.png"
        Image.new("RGB", (1600, 900), colour).save(slide)
        subprocess.run([*talknotes, "attach", "2", str(slide)], env=env, check=True)
    blog = lib.parent / "blog"
    shutil.copytree(fixtures / "blogs" / "jaxxstorm+leebriggs.co.uk", blog)
    for size in ("1366x768", "1024x600"):
        runs = [
            ("dark-strip-focus", "Offline First, Always", ("--theme", "dark", "--unfold-photos")),
            ("export", "Offline First, Always", ("--blog", str(blog))),
        ]
        if fosdem.exists():
            runs.insert(0, ("fosdem-header", "You too could have made curl!", ()))
        for name, title, extra in runs:
            with x_session(size) as xenv:
                app = _start_app(xenv, lib, open_title=title, extra=extra)
                try:
                    if name == "dark-strip-focus":
                        _xdo(xenv, "key", "ctrl+Tab")  # note → photo strip
                    if name == "export":
                        _xdo(xenv, "key", "ctrl+e")
                        time.sleep(3.0)  # the blog is read (off the GUI thread)
                    _shot(xenv, out / f"looks-{name}-{size}.png")
                finally:
                    app.terminate()
                    app.wait(timeout=10)
    return 0


def walk_removal(out: Path) -> int:
    """Remove a conference whose open note was just typed into; restore it from its backup."""
    lib = _library()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    talknotes = [sys.executable, "-m", "desktop", "--library", str(lib)]
    democon = ROOT.parent / "shared" / "fixtures" / "schedules" / "json" / "pretalx-democon.json"
    if democon.exists():  # a second conference, which stays
        subprocess.run([*talknotes, "import", str(democon)], env=env, check=True)
    subprocess.run([*talknotes, "attach", "2", str(_slide(lib))], env=env, check=True)
    typed = "typed right before removing"
    with x_session("1366x768") as xenv:
        app = _start_app(xenv, lib, open_title="Offline First, Always")
        try:
            _xdo(xenv, "type", "--delay", "25", "--", f" {typed}")
            _shot(xenv, out / "01-typed.png")
            _xdo(xenv, "key", "--delay", "80", "alt+f", "m")  # File → Remove Conference…
            time.sleep(1.0)
            _shot(xenv, out / "02-dialog.png")
            _xdo(xenv, "key", "alt+r")
            time.sleep(2.0)
            _shot(xenv, out / "03-removed.png")
            _xdo(xenv, "key", "Return")
            _xdo(xenv, "mousemove", "80", "175")  # the first row: the other conference
            _xdo(xenv, "click", "3")
            time.sleep(0.8)
            _shot(xenv, out / "04-conference-menu.png")
            _xdo(xenv, "key", "Escape", "ctrl+q")
            app.wait(timeout=20)
        finally:
            if app.poll() is None:
                app.terminate()
                app.wait(timeout=10)
    backup = next((lib / "backups").glob("*-before-remove-conference-1.sqlite3"))
    subprocess.run([*talknotes, "restore", str(backup)], env=env, check=True)
    note = subprocess.run(
        [*talknotes, "note", "2"], env=env, check=True, capture_output=True, text=True
    ).stdout
    photos = subprocess.run(
        [*talknotes, "photos", "list", "2", "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if typed not in note or len(json.loads(photos)) != 1:
        print(f"error: not restored as typed: {note!r}, photos {photos}", file=sys.stderr)
        return 1
    print(f"restored: the note holds {typed!r} and its photo")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
