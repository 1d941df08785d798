"""What Enter does on list and quote lines, and which lines a new line would join."""

from desktop.core import list_editing


def test_a_line_under_a_quote_line_joins_the_quote():
    assert list_editing.joins_quote("> \\- Eitan Cohen")
    assert list_editing.joins_quote('> "Plain files win"')
    assert list_editing.joins_quote("  >> nested")
    assert not list_editing.joins_quote("Plain text")
    assert not list_editing.joins_quote("")
    assert not list_editing.joins_quote("- an item")


def test_enter_steps_over_a_quotes_closing_mark_alone():
    line = '> "Plain files win"'
    assert list_editing.closes_quote(line, len(line) - 1)
    assert list_editing.closes_quote(line + "  ", len(line) - 1)
    assert not list_editing.closes_quote(line, len(line))  # already past it
    assert not list_editing.closes_quote('> "a" b', 4)  # more text after the mark
    assert not list_editing.closes_quote('- say "hi"', 9)  # an item, not a quote
    assert not list_editing.closes_quote('say "hi"', 7)  # plain text


def test_enter_on_a_quote_line_continues_it_and_on_an_empty_one_ends_it():
    assert list_editing.on_enter('> "Plain files win"') == list_editing.Enter(continuation="> ")
    assert list_editing.on_enter("> ") == list_editing.Enter(end_line="")
    assert list_editing.on_enter("plain") is None


def test_an_attribution_is_the_quote_commands_last_line():
    assert list_editing.is_attribution("> \\- Eitan Cohen")
    assert not list_editing.is_attribution('> "Plain files win"')
    assert not list_editing.is_attribution("\\- Eitan Cohen")
