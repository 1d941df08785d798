"""Restoring a version: which lines come back and which go."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text_changes import Line, counts, restore_changes

lines = st.lists(st.sampled_from(["# Talk", "", "> quote", "one", "two", "three", "- item"]))


@given(lines, lines)
def test_the_changes_hold_both_texts(now, version):
    changes = restore_changes("\n".join(now), "\n".join(version))
    assert [x.text for x in changes if x.kind != "back"] == "\n".join(now).splitlines()
    assert [x.text for x in changes if x.kind != "gone"] == "\n".join(version).splitlines()


def test_a_rewritten_line_goes_and_its_old_form_comes_back():
    now = "# Keynote\n\nThey said it was fast.\nMore notes."
    version = "# Keynote\n\nThey said it was slow."
    assert restore_changes(now, version) == [
        Line("same", "# Keynote"),
        Line("same", ""),
        Line("gone", "They said it was fast."),
        Line("gone", "More notes."),
        Line("back", "They said it was slow."),
    ]
    assert counts(restore_changes(now, version)) == (1, 2)


def test_the_same_text_changes_nothing():
    assert counts(restore_changes("a\nb", "a\nb")) == (0, 0)


def test_blank_lines_are_not_counted():
    assert counts(restore_changes("a\n\nb\n\n", "a")) == (0, 1)
