"""Title lines, deck furniture, text agreement, near-duplicate groups and slide text as
Markdown, on lines laid out as an OCR engine reports them."""

from desktop.core.slide_text import (
    Shot,
    TextLine,
    agreement,
    as_markdown,
    deck_furniture,
    group_duplicates,
    paragraphs,
    suggest_caption,
    tallest_line,
)


def line(text, x, y, h, w=None, confidence=0.99):
    w = w if w is not None else h * 0.55 * len(text)
    return TextLine(text, confidence, ((x, y), (x + w, y), (x + w, y + h), (x, y + h)))


def test_title_is_the_top_large_confident_line_not_the_tallest():
    lines = [
        line("Conclusion", 100, 40, 118),
        line("Networking is hard", 850, 370, 156),
        line("K8s Networking is not Magic", 550, 970, 164),
    ]
    assert suggest_caption(lines, image_height=1540) == "Conclusion"
    assert tallest_line(lines) == "K8s Networking is not Magic"  # the naive rule


def test_title_continues_on_the_next_line_of_the_same_size():
    lines = [
        line("Shouldn't be (too) scared about", 90, 210, 75),
        line("making the wrong decision", 82, 290, 80),
        line("http://example.com/type-1-and-type-2-decisions", 80, 400, 42),
        line("@speaker", 75, 645, 39),
    ]
    assert suggest_caption(lines) == "Shouldn't be (too) scared about making the wrong decision"


def test_a_subtitle_of_another_size_is_not_part_of_the_title():
    lines = [line("Clusters as Cattle", 846, 197, 116), line("How to Migrate Apps", 844, 318, 87)]
    assert suggest_caption(lines) == "Clusters as Cattle"


def test_low_confidence_handles_logos_and_small_print_are_never_titles():
    lines = [
        line("H", 2700, 90, 168),  # a logo letter
        line("Blurry Words", 100, 50, 120, confidence=0.5),
        line("@sarahjwells", 100, 640, 40),
        line("Metrics for success:", 107, 217, 49),
    ]
    assert suggest_caption(lines) == "Metrics for success"
    crowd = [line("AFETY", 229, 1167, 22)]  # a sign in a party photo, not a slide
    assert suggest_caption(crowd, image_height=1265) == ""


def test_deck_furniture_is_left_out_of_titles():
    footer = "KubeCon Europe 2018"
    topics = ["Sandboxed containers", "Operator framework", "Monitoring at scale", "Costs"]
    slides = [[topic, f"why {topic.lower()} matter today", footer] for topic in topics]
    furniture = deck_furniture(slides)
    assert furniture == {"kubecon europe 2018"}
    lines = [line(footer, 900, 20, 60), line("Operator framework", 100, 200, 50)]
    assert suggest_caption(lines, furniture) == "Operator framework"
    assert suggest_caption(lines) == footer  # without knowing the deck: the logo line


def test_three_shots_of_one_slide_are_not_furniture():
    shots = [["Same Title", "same bullet", "Footer"]] * 3 + [["Other", "x y z", "Footer"]]
    assert deck_furniture(shots) == set()  # two distinct slides: too few to tell


def test_agreement_survives_merged_words_and_column_order():
    assert agreement("Distributed Computing\nRaft", "DistributedComputing Raft") > 0.9
    assert agreement("Pros listed here Cons over here", "Cons over here Pros listed here") > 0.9
    assert agreement("Distributed Computing", "Why Offline First") < 0.3


def test_duplicates_group_by_picture_and_text_and_keep_the_sharpest():
    template = 0x0F0F0F0F0F0F0F0F
    shots = [
        Shot(1, template, "Distributed Computing Raft leader", 450.0),
        Shot(2, template ^ 0b111, "DistributedComputing Raft leader", 80.0),  # blurred
        Shot(3, template ^ 0b1, "Why Offline First wifi fails", 400.0),  # same template
        Shot(4, template ^ 0xFFFF_FFFF, "Distributed Computing Raft leader", 460.0),
        Shot(5, None, "", 0.0),  # not read yet
    ]
    keepers = group_duplicates(shots)
    assert keepers == {1: None, 2: 1, 3: None, 4: None, 5: None}
    pinned = [*shots[:2], Shot(2, template ^ 0b111, "DistributedComputing Raft leader", 80, True)]
    assert group_duplicates(pinned[::2]) == {1: 2, 2: None}


def test_slide_text_as_quote_or_list_in_reading_order():
    lines = [
        line("• Leader election", 100, 300, 40),
        line("Distributed Computing", 100, 80, 90),
        line("• Consensus with Raft", 100, 220, 40),
    ]
    assert as_markdown(lines) == (
        "> **Distributed Computing**\n>\n> - Consensus with Raft\n> - Leader election"
    )
    assert as_markdown(lines, leave_out={"leader election"}).endswith("> - Consensus with Raft")
    assert as_markdown(lines, "list") == (
        "**Distributed Computing**\n\n- Consensus with Raft\n- Leader election"
    )
    assert as_markdown([]) == ""


def test_wrapped_sentences_join_and_columns_stay_apart():
    lines = [
        line("Title Here", 100, 20, 90),
        line("An open source toolkit to help", 100, 200, 40),
        line("developers build new apps", 100, 245, 40),
        line("• Left point", 100, 400, 40),
        line("• Right point", 700, 400, 40),
        line("continues left", 100, 445, 40),
    ]
    assert paragraphs(lines) == [
        "Title Here",
        "An open source toolkit to help developers build new apps",
        "• Left point continues left",
        "• Right point",
    ]
