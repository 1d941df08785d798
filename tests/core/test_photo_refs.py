"""The photo reference grammar: whatever the caption, make() writes what find() reads back,
and the renderer shows it as an image."""

import pytest

from desktop.core import photo_refs
from desktop.core.render import render_html

KEY = "0123456789abcdef"
CAPTIONS = [
    "",
    "[Lightning] Intro – 1",
    "two\nlines",
    "ends with a backslash\\",
    "a ] and a [",
    "*stars* and `ticks`",
    "(photo:fedcba9876543210)",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_made_references_are_found_and_rendered(caption):
    made = photo_refs.make(caption, KEY)
    (ref,) = photo_refs.find(f"before {made} after")
    assert ref.key == KEY and ref.caption == photo_refs.clean_caption(caption)
    html = render_html(made, lambda key: f"/thumbs/{key}.jpg")
    assert html.count("<img") == 1 and f'src="/thumbs/{KEY}.jpg"' in html


def test_replace_recaption_and_keys():
    text = f"{photo_refs.make('a', KEY)} and {photo_refs.make('b', 'fedcba9876543210')}"
    assert photo_refs.keys(text + text) == [KEY, "fedcba9876543210"]
    assert photo_refs.recaption(text, KEY, "[new]") == (
        f"![(new)](photo:{KEY}) and ![b](photo:fedcba9876543210)"
    )
    assert photo_refs.replace(text, lambda ref: ref.caption.upper()) == "A and B"
    assert photo_refs.strip(text) == " and "
    assert photo_refs.target(KEY) == f"(photo:{KEY})"
