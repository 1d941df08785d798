"""Abstracts are stored as published and become Markdown only when shown."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.core import abstracts


def test_clean_keeps_html_but_not_invisible_characters_or_carriage_returns():
    assert abstracts.clean(" <p>a\u00adb\u200b</p>\r\nc\r ") == "<p>ab</p>\nc"
    assert abstracts.clean(None) == ""


def test_to_markdown_converts_html_and_passes_markdown_through():
    assert abstracts.to_markdown("<p>One &amp; <em>two</em></p>") == "One & *two*"
    markdown = "# Title\n\n* keep *this* as it is\n\n    code"
    assert abstracts.to_markdown(markdown) == markdown
    assert abstracts.to_markdown("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"


def test_combine_falls_back_and_does_not_repeat():
    assert abstracts.combine("", "<p>d</p>") == "<p>d</p>"
    assert abstracts.combine("<p>a</p>", "") == "<p>a</p>"
    assert abstracts.combine("<p>a</p>", "<p>a</p><p>b</p>") == "<p>a</p><p>b</p>"
    assert abstracts.combine("a", "b") == "a\n\nb"


def test_combine_of_plain_text_and_html_is_all_markdown():
    combined = abstracts.combine("Short *plain* text", "<p>Long <b>HTML</b></p>")
    assert combined == "Short *plain* text\n\nLong **HTML**"
    assert abstracts.to_markdown(combined) == combined


def test_search_text_drops_markup_and_decodes_entities():
    text = abstracts.search_text('<p class="x">Caf&eacute; <a href="/u">link</a></p>')
    assert "Café" in text and "link" in text and "href" not in text and "<" not in text
    assert len(abstracts.search_text("word " * 2000, limit=100)) <= 100


@given(st.text(max_size=300))
def test_to_markdown_never_shows_a_tag_it_converted(text):
    html = f"<p>{text}</p>"
    shown = abstracts.to_markdown(html)
    assert "<p>" not in shown and "</p>" not in shown
