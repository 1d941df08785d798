"""What the sidebar's filter matches: case and accents ignored, words at their starts, all of
them in any order."""

from desktop.core.text_match import fold, word_starts


def _matches(query: str, text: str) -> bool:
    folded = fold(text)
    return all(word.search(folded) for word in word_starts(query))


def test_case_and_accents_are_ignored():
    assert fold("Zoë GARCÍA") == "zoe garcia"
    assert fold("Straße") == "strasse"  # (casefold, not lower)
    assert _matches("garcia", "María García") and _matches("ZOE", "Zoë")


def test_words_match_at_their_starts_in_any_order():
    assert _matches("rust", "Rust in the kernel") and _matches("rust", "rustc internals")
    assert not _matches("rust", "Trust and safety")  # not inside a word
    assert _matches("perplexed zones", "Time Zones for the Perplexed")
    assert not _matches("zones cats", "Time Zones for the Perplexed")  # every word


def test_a_query_s_punctuation_is_text_not_a_pattern():
    assert _matches("c++", "Modern C++ in practice")
    assert not _matches("a.b", "axb")
