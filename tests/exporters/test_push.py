"""--push: the blog's branch goes to its remote with the user's own git setup, and a refusal
is reported clearly (against local bare repositories)."""

import subprocess
from datetime import date

import pytest

from desktop.core.errors import TalknotesError
from desktop.exporters.compose import ExportRequest
from desktop.services.exporting import export
from tests.exporters.conftest import copy_blog

DAY1 = ExportRequest("day", conference_id=1, day=date(2026, 5, 14))
GIT_ENV = {
    "GIT_AUTHOR_NAME": "T",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "T",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(*args, cwd=None):
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def blog_with_remote(tmp_path, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", "-b", "main", str(remote))
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    git("init", "-q", "-b", "main", cwd=blog)
    git("add", "-A", cwd=blog)
    git("commit", "-qm", "blog", cwd=blog)
    git("remote", "add", "origin", str(remote), cwd=blog)
    git("push", "-q", "-u", "origin", "main", cwd=blog)
    return blog, remote


def test_push_sends_the_export_to_the_remote(recap_library, blog_with_remote):
    blog, remote = blog_with_remote
    result = export(recap_library, DAY1, blog, push=True)
    assert result.committed and result.pushed
    assert git("log", "-1", "--format=%s", "main", cwd=remote) == (
        "Talknotes: Harbour Notes Conference 2026 - Day 1 Recap"
    )
    files = git("ls-tree", "-r", "--name-only", "main", cwd=remote).splitlines()
    assert result.plan.post_path in files


def test_refused_push_says_why_and_keeps_the_local_commit(recap_library, blog_with_remote):
    blog, remote = blog_with_remote
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch: no direct pushes' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = git("rev-parse", "main", cwd=remote)
    with pytest.raises(TalknotesError) as refused:
        export(recap_library, DAY1, blog, push=True)
    assert "refused" in refused.value.why and "protected branch" in refused.value.why
    assert git("rev-parse", "main", cwd=remote) == before
    assert git("log", "-1", "--format=%s", cwd=blog).startswith("Talknotes:")


def test_push_without_a_remote_is_refused_clearly(recap_library, tmp_path, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    blog = copy_blog("jaxxstorm+leebriggs.co.uk", tmp_path)
    git("init", "-q", "-b", "main", cwd=blog)
    git("add", "-A", cwd=blog)
    git("commit", "-qm", "blog", cwd=blog)
    with pytest.raises(TalknotesError, match="no remote"):
        export(recap_library, DAY1, blog, push=True)


def test_credentials_in_a_remote_url_are_not_repeated(recap_library, blog_with_remote):
    blog, _ = blog_with_remote
    git("remote", "set-url", "origin", "https://user:s3cret-token@127.0.0.1:9/blog.git", cwd=blog)
    with pytest.raises(TalknotesError) as refused:
        export(recap_library, DAY1, blog, push=True)
    assert "s3cret-token" not in str(refused.value.why)
