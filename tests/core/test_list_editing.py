"""What Enter does on list and quote lines, and which lines a new line would join."""

from desktop.core import list_editing


def test_a_line_under_a_quote_line_joins_the_quote():
    assert list_editing.joins_quote("> \\- Eitan Cohen")
    assert list_editing.joins_quote('> "Plain files win"')
    assert list_editing.joins_quote("  >> nested")
    assert not list_editing.joins_quote("Plain text")
    assert not list_editing.joins_quote("")
    assert not list_editing.joins_quote("- an item")
