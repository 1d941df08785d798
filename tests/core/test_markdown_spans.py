"""line_spans finds the Markdown marks of a line as the editor colours them."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.core import markdown_spans
from desktop.core.markdown_spans import line_spans


def _kinds(text: str, in_fence: bool = False) -> list[tuple[str, str]]:
    spans, _ = line_spans(text, in_fence)
    return [(text[start : start + length], kind) for start, length, kind in spans]


def test_inline_marks():
    assert _kinds("a **bold** and *it* with `code`, [link](https://x.org) at [12:34]") == [
        ("**bold**", "bold"),
        ("*it*", "italic"),
        ("`code`", "code"),
        ("[link](https://x.org)", "link"),
        ("[12:34]", "timestamp"),
    ]
    assert _kinds("at [14:03 CEST] and [9:05 UTC+01:00]") == [
        ("[14:03 CEST]", "timestamp"),
        ("[9:05 UTC+01:00]", "timestamp"),
    ]


def test_headings_take_the_whole_line_and_nothing_inside():
    assert _kinds("## A **talk**") == [("## A **talk**", "heading")]
    assert _kinds("#hashtag") == []


def test_a_quote_keeps_its_colour_around_inline_marks():
    assert _kinds('> "A **bold** claim"') == [
        ('> "A ', "quote"),
        ("**bold**", "bold"),
        (' claim"', "quote"),
    ]


def test_list_marks_and_photos():
    assert _kinds("- item") == [("-", "list_mark")]
    assert _kinds("12. item") == [("12.", "list_mark")]
    assert _kinds("![Slide](photo:7)") == [("![Slide](photo:7)", "photo")]


def test_fences_open_and_close_across_lines():
    spans, open_after = line_spans("```python", False)
    assert open_after and spans == [(0, 9, "code_block")]
    spans, still_open = line_spans("x = **1**", True)
    assert still_open and spans == [(0, 9, "code_block")]
    assert line_spans("```", True) == ([(0, 3, "code_block")], False)
    assert line_spans("", True) == ([(0, 0, "code_block")], True)


def _reference(text: str) -> list[markdown_spans.Span]:
    """Colour character by character, later marks over earlier ones (the slow, plain way)."""
    kinds: list[str | None] = [None] * len(text)
    if text.lstrip().startswith(">"):
        kinds[:] = ["quote"] * len(text)
    elif mark := markdown_spans._LIST_MARK.match(text):
        kinds[mark.start(1) : mark.end(1)] = ["list_mark"] * len(mark.group(1))
    for pattern, kind in markdown_spans._INLINE:
        for m in pattern.finditer(text):
            kinds[m.start() : m.end()] = [kind] * (m.end() - m.start())
    return markdown_spans._runs(kinds)


@given(st.text(alphabet="ab *_`[]()!:>-1.#~ph/tos", max_size=60))
def test_spans_equal_colouring_character_by_character(text):
    if markdown_spans._HEADING.match(text) or text.lstrip().startswith(("```", "~~~")):
        return  # whole-line kinds, covered above
    spans, in_fence = line_spans(text, False)
    assert not in_fence
    assert spans == _reference(text)


def test_bold_is_not_taken_for_italic_and_shows_inside_it():
    assert _kinds("**bold** and __also__") == [("**bold**", "bold"), ("__also__", "bold")]
    assert _kinds("*a **b** c*") == [("*a ", "italic"), ("**b**", "bold"), (" c*", "italic")]


def _as_shown(text: str, in_fence: bool) -> tuple[list[markdown_spans.Span], bool]:
    """Spans as the highlighter sets them (a line-wide kind reaching the end reaches any
    end), and the fence state after the line."""
    spans, fence_after = line_spans(text, in_fence)
    line_wide = {"heading", "quote", "code_block"}
    if spans and spans[-1][2] in line_wide and sum(spans[-1][:2]) == len(text):
        spans[-1] = (spans[-1][0], -1, spans[-1][2])
    return spans, fence_after


@given(
    st.text(alphabet="ab *_`[]()!:>-1.#~ph/tos\t", max_size=40),
    st.text(alphabet="ab1 é", min_size=1, max_size=8),
    st.booleans(),
)
def test_an_append_said_to_change_nothing_changes_no_mark(line, typed, in_fence):
    if markdown_spans.unchanged_by_append(line + typed, len(line)):
        assert _as_shown(line + typed, in_fence) == _as_shown(line, in_fence)


def test_appends_that_can_change_marks_are_not_skipped():
    cases = [
        ("see https://", "x"),
        ("*it*", "a"),
        ("##", " "),
        ("#", " 1"),
        ("1.", " "),
        ("```", "p"),
    ]
    for line, typed in cases:
        assert not markdown_spans.unchanged_by_append(line + typed, len(line))
    assert markdown_spans.unchanged_by_append("a **b** word", len("a **b** wo"))
