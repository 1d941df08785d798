"""Writing safely: paths stay inside the blog, failures restore it, photos are clean."""

import os
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from desktop.core.errors import TalknotesError
from desktop.exporters import writer
from desktop.exporters.compose import ExportRequest
from desktop.exporters.writer import safe_target
from desktop.services.exporting import export
from tests.exporters.conftest import copy_blog
from tests.imagegen import BODY_SERIAL, EXIF_IFD, GPS_IFD

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "relative",
    ["../evil.md", "/etc/passwd", "a/../../x", "content/CON.md", "a/./b", "nul\x00.md", ""],
)
def test_unsafe_paths_refused(tmp_path, relative):
    with pytest.raises(TalknotesError):
        safe_target(tmp_path, relative)


def test_symlink_out_of_the_blog_refused(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "content").symlink_to(tmp_path)
    with pytest.raises(TalknotesError, match="outside the blog"):
        safe_target(blog, "content/post.md")


def test_hostile_title_stays_inside(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    request = ExportRequest(
        "day",
        conference_id=1,
        day=date(2026, 5, 14),
        title="../../../etc/passwd\x00 /CON: {{< x >}}",
    )
    result = export(recap_library, request, blog)
    for rel in result.written:
        assert (blog / rel).resolve().is_relative_to(blog.resolve())
    assert not (tmp_path / "etc").exists()


def test_disk_full_midway_restores_blog(recap_library, tmp_path, monkeypatch):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    export(recap_library, DAY1, blog)  # a first export, so the second replaces files
    save = recap_library.path / "exports.json"
    before, manifest = snapshot(blog), save.read_bytes()
    recap_library.talks  # noqa: B018
    from desktop.store.notes import append_to_talk_note

    append_to_talk_note(recap_library, recap_library.talks["Offline First, Always"].id, "more")
    real_replace, calls = os.replace, {"n": 0}

    def failing_replace(src, dst):
        if ".talknotes-new-" in str(src):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    from desktop.services.exporting import blog_profile

    profile = blog_profile(recap_library, blog)
    profile.max_width = 1000  # every photo is written again, then the post
    monkeypatch.setattr(writer.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        export(recap_library, DAY1, blog, profile=profile, overwrite=True)
    assert calls["n"] == 3
    monkeypatch.setattr(writer.os, "replace", real_replace)
    assert snapshot(blog) == before
    assert save.read_bytes() == manifest


def test_exported_photos_are_upright_and_clean(recap_library, tmp_path):
    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    result = export(recap_library, DAY1, blog)
    photos = [blog / p for p in result.written if p.endswith(".jpg")]
    assert len(photos) == 3
    for path in photos:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and BODY_SERIAL not in exif.get_ifd(EXIF_IFD)
            assert image.width <= 1600
        assert b"SN-123456" not in path.read_bytes() and b"TestCam" not in path.read_bytes()


def test_git_commit(recap_library, tmp_path):
    import subprocess

    blog = copy_blog("galexrt+www.edenmal.moe", tmp_path)
    git = ["git", "-C", str(blog), "-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run(["git", "init", "-q", str(blog)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "blog"], check=True)
    os.environ.setdefault("GIT_AUTHOR_NAME", "T")
    os.environ.setdefault("GIT_AUTHOR_EMAIL", "t@example.org")
    os.environ.setdefault("GIT_COMMITTER_NAME", "T")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "t@example.org")
    result = export(recap_library, DAY1, blog, commit=True)
    assert result.committed
    log = subprocess.run(
        ["git", "-C", str(blog), "log", "--oneline", "-1", "--name-only"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Talknotes: Harbour Notes Conference 2026 - Day 1" in log  # the blog's title form
    assert result.plan.post_path in log
