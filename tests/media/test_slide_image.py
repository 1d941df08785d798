"""Hashes and sharpness of rendered slides and their degraded shots: each slide's shots group
exactly, other slides of the same template never join, the sharpest shot is kept."""

from desktop.core.slide_text import Shot, group_duplicates
from desktop.media.slide_image import dhash, sharpness
from tests.slides import DECK, SHOTS, render


def test_shots_of_each_slide_group_exactly_and_the_sharpest_is_kept():
    shots, slide_of, names = [], {}, {}
    for number, slide in enumerate(DECK):
        clean = render(slide, (600, 450))
        for name, degrade in {"clean": lambda image: image, **SHOTS}.items():
            picture = degrade(clean)
            shot_id = len(shots) + 1
            text = "\n".join(slide.lines)  # the slide's words, as a perfect reading gives them
            shots.append(Shot(shot_id, dhash(picture), text, sharpness(picture)))
            slide_of[shot_id], names[shot_id] = number, name
    keepers = group_duplicates(shots)
    groups: dict[int, set[int]] = {}
    for shot_id, keeper in keepers.items():
        groups.setdefault(keeper or shot_id, set()).add(shot_id)
    expected = {
        frozenset(i for i in slide_of if slide_of[i] == number) for number in range(len(DECK))
    }
    assert {frozenset(members) for members in groups.values()} == expected
    sharp = {shot.id: shot.sharpness for shot in shots}
    for keeper, members in groups.items():
        assert names[keeper] != "blurred"
        assert sharp[keeper] == max(sharp[m] for m in members)


def test_blur_lowers_sharpness_and_size_does_not_change_it_much():
    clean = render(DECK[0], (1200, 900))
    assert sharpness(SHOTS["blurred"](clean)) < sharpness(clean) / 3
    small = render(DECK[0], (800, 600))
    assert abs(sharpness(small) - sharpness(clean)) < sharpness(clean) * 0.5
