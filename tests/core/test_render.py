"""The incremental renderer gives exactly what rendering the whole note gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.render import IncrementalRenderer, locate, render_html, split_blocks

WORDS = st.sampled_from(
    ["talk", "*slide*", "**bold**", "`code`", "[link](https://x.org)", "it's", '"quoted"', "x_y"]
)
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)

BLOCKS = st.one_of(
    TEXT,
    TEXT.map(lambda t: f"## {t}"),
    TEXT.map(lambda t: f"{t}\n{'=' * 5}"),
    st.lists(TEXT, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(TEXT, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    ),
    TEXT.map(lambda t: f"    continued {t}"),  # a list item's paragraph, or code
    TEXT.map(lambda t: f"  - nested {t}"),
    TEXT.map(lambda t: f"> {t}"),
    TEXT.map(lambda t: f">\n> {t}"),
    TEXT.map(lambda t: f"```\n{t}\n\n\n{t}\n```"),
    TEXT.map(lambda t: f"~~~~python\nx = 1\n\n~~~\n{t}\n~~~~"),
    TEXT.map(lambda t: f"| a | b |\n|---|---|\n| {t} | 2 |"),
    st.just("---"),
    st.just("* * *"),
    TEXT.map(lambda t: f"![{t}](photo:0123456789abcdef)"),
    TEXT.map(lambda t: f"{t}  \nsecond line"),
)
GAPS = st.sampled_from(["\n\n", "\n\n\n", "\n", "\n  \n", "\n\t\n"])


@st.composite
def notes(draw):
    blocks = draw(st.lists(BLOCKS, min_size=1, max_size=12))
    text = blocks[0]
    for block in blocks[1:]:
        text += draw(GAPS) + block
    return text


def _resolve(key: str) -> str:
    return f"/thumbs/{key}.jpg"


@settings(max_examples=300, deadline=None)
@given(notes(), notes())
def test_incremental_render_equals_whole_render(note, addition):
    renderer = IncrementalRenderer()
    assert renderer.render(note, _resolve) == render_html(note, _resolve)
    edited = note + "\n\n" + addition  # the second render reuses the first one's parts
    assert renderer.render(edited, _resolve) == render_html(edited, _resolve)
    shorter = edited[: len(edited) // 2]
    assert renderer.render(shorter, _resolve) == render_html(shorter, _resolve)


def test_parts_are_reused_and_only_the_edited_one_renders(monkeypatch):
    from desktop.core import render

    note = "\n\n".join(f"Paragraph {n} about *talks*." for n in range(50))
    renderer = IncrementalRenderer()
    renderer.render(note)
    rendered = []
    real = render.render_html
    monkeypatch.setattr(render, "render_html", lambda t, *a: rendered.append(t) or real(t, *a))
    html = renderer.render(note + " More.")
    assert rendered == ["Paragraph 49 about *talks*. More."]
    assert html == real(note + " More.")


def test_notes_with_references_or_footnotes_render_whole():
    note = "See [the docs][d].\n\n[d]: https://x.org\n\nA claim[^1].\n\n[^1]: Source."
    assert IncrementalRenderer().render(note) == render_html(note)
    assert 'href="https://x.org"' in IncrementalRenderer().render(note)


def test_a_reference_added_to_a_note_rendered_in_parts_makes_it_render_whole():
    note = "\n\n".join(f"See [the docs][d] {n}." for n in range(30))
    renderer = IncrementalRenderer()
    assert isinstance(renderer.render_parts(note), list)  # no definition yet: in parts
    defined = note + "\n\n[d]: https://x.org"
    assert renderer.render(defined) == render_html(defined)
    assert renderer.render(defined).count('href="https://x.org"') == 30


def test_split_keeps_fences_lists_and_quotes_together():
    note = "a\n\n```\nx\n\ny\n```\n\n- one\n\n- two\n\n> q\n\n> r\n\nb"
    # a list or quote after a blank line may belong to what is above: it is never split off
    blocks = ["a\n", "```\nx\n\ny\n```\n\n- one\n\n- two\n\n> q\n\n> r\n", "b"]
    assert split_blocks(note) == blocks


@settings(max_examples=200, deadline=None)
@given(notes(), st.data())
def test_locate_names_the_part_that_holds_a_position(note, data):
    blocks = split_blocks(note)
    assert "\n".join(blocks) == note  # parts and their separators give the note back
    position = data.draw(st.integers(0, len(note)))
    index, count, within = locate(note, position)
    assert count == len(blocks) and 0 <= within <= 1
    start = len("\n".join(blocks[:index])) + (1 if index else 0)
    assert start <= position <= start + len(blocks[index])
    assert locate(note, min(len(note), position + 1))[0] >= index  # later text, later part


def test_locate_in_a_three_part_note():
    note = "# One\n\nTwo words\n\nThree"
    assert split_blocks(note) == ["# One\n", "Two words\n", "Three"]
    assert locate(note, 0) == (0, 3, 0.0)
    assert locate(note, note.index("words")) == (1, 3, 4 / len("Two words\n"))
    assert locate(note, len(note)) == (2, 3, 1.0)


def test_a_long_texts_words_are_counted_as_a_whole_text_is():
    """Counted paragraph by paragraph (only those that changed are counted again): the same
    count as the whole text's, however it is edited."""
    from desktop.core import render

    paragraph = 'Words, ![a photo](photo:0123) [a link](https://x.org "t") <b>x</b> - 42 ¿qué?'
    text = "\n\n".join(f"## Part {i}\n\n{paragraph}" for i in range(400))
    assert len(text) > 20_000
    whole = render._count(text)
    assert render.word_count(text) == whole
    edited = text.replace("Part 7\n", "Part 7 with three words\n")
    assert render.word_count(edited) == render._count(edited) == whole + 3
    assert render.word_count(text[:-30]) == render._count(text[:-30])


def test_a_stamp_a_paragraph_apart_from_a_quote_is_outside_it_in_each_flavor():
    """What the editor writes for a time stamp after a quote: the preview and the blogs show
    the stamp after the quote, not in it (a line right under it is the quote's, lazily)."""
    quote = '> "Plain files win"\n> \\- Eitan Cohen\n'
    for flavor in ("hugo", "jekyll"):
        apart = render_html(quote + "\n[19:34 WEST] demo time", flavor=flavor)
        assert apart.index("</blockquote>") < apart.index("demo time")
        glued = render_html(quote + "[19:34 WEST] demo time", flavor=flavor)
        assert glued.index("demo time") < glued.index("</blockquote>")
