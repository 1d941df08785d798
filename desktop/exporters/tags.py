"""Tags for a post in the blog's own vocabulary: the blog's tags that fit, plus the conference."""

from __future__ import annotations

import re

from desktop.core.models import Conference, Talk
from desktop.exporters.profile import BlogProfile

# Tags a blog puts on every recap whatever the conference is about.
GENERIC = {"conference", "conferences", "recap", "recaps", "event", "events"}
# Blog tags too common as words to say a post is about them when a talk mentions the word.
COMMON = {"talk", "talks", "blog", "my blog", "news", "update", "updates", "misc", "thoughts"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w+#.-]+", text) if len(w) > 1}


def conference_name(conf: Conference) -> str:
    """'FOSDEM' from 'fosdem-2024' / 'FOSDEM 2024': the conference without its year."""
    for text in (conf.title, conf.acronym):
        name = re.sub(r"[\s_-]*\b(19|20)\d\d\b", "", text).strip(" -_")
        if name:
            return name
    return conf.acronym or conf.title


def propose_tags(profile: BlogProfile, conf: Conference, chosen: list[Talk]) -> list[str]:
    """The blog's generic recap tags, the conference (in the blog's casing when it has that tag
    already), and the blog's tags that the talks' titles, tracks or abstracts mention; most
    used first. Without a vocabulary: the conference and the talks' tracks."""
    vocabulary = profile.tag_vocabulary
    name = conference_name(conf)
    if not vocabulary:
        tags = [name]
        for t in chosen:
            if t.track and t.track not in tags and len(tags) < 6:
                tags.append(t.track)
        return tags
    by_lower = {tag.lower(): tag for tag in vocabulary}
    words = _words(" ".join(f"{t.title} {t.track} {t.abstract}" for t in chosen))
    words |= _words(conf.title)
    ranked = sorted(vocabulary, key=lambda tag: -vocabulary[tag])
    tags = [tag for tag in ranked if tag.lower() in GENERIC]
    conference_tag = by_lower.get(name.lower())
    if conference_tag is None:  # a new tag, written the way the blog writes its tags
        if all(tag == tag.lower() for tag in vocabulary):
            name = name.lower()
        if not any(" " in tag for tag in vocabulary):
            name = "-".join(name.split())
        conference_tag = name
    tags.append(conference_tag)
    for tag in ranked:
        if tag not in tags and tag.lower() in words - COMMON and len(tags) < 8:
            tags.append(tag)
    return tags
