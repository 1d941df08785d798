"""Saved blog profiles (desktop/exporters/profile.py)."""

import pytest

from desktop.core.errors import TalknotesError
from desktop.exporters.profile import profile_path, save_profile, saved_profile
from desktop.exporters.registry import default_profile


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"generator": "hugo", "quality": }'])
def test_a_saved_profile_that_cannot_be_read_is_named_with_why(tmp_path, text):
    """A damaged saved profile raised JSON's bare error ("Expecting value: line 1 column 1"),
    naming no file: it says which file, and how to learn the blog anew."""
    blog = tmp_path / "blog"
    blog.mkdir()
    path = profile_path(tmp_path / "lib", blog)
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(TalknotesError) as raised:
        saved_profile(tmp_path / "lib", blog)
    assert raised.value.what == str(path)
    assert raised.value.why.startswith("not a blog profile Talknotes can read (")
    assert raised.value.why.endswith("); delete it to learn anew")


def test_a_saved_profile_reads_back(tmp_path):
    blog = tmp_path / "blog"
    blog.mkdir()
    profile = default_profile("jekyll")
    profile.author = "Ada"
    save_profile(tmp_path / "lib", blog, profile)
    assert saved_profile(tmp_path / "lib", blog) == profile
    assert saved_profile(tmp_path / "other", blog) is None
