"""Front matter written with real serializers (PyYAML safe dump, tomli-w), never by hand."""

from __future__ import annotations

import re
import tomllib
from datetime import datetime
from typing import Any

import frontmatter
import tomli_w
import yaml
from frontmatter.default_handlers import BaseHandler


class _Dumper(yaml.SafeDumper):
    pass


def _datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(datetime, _datetime)


def dump(meta: dict[str, Any], fmt: str) -> str:
    """The front matter block, delimiters included."""
    if fmt == "toml":
        return "+++\n" + tomli_w.dumps(meta) + "+++\n"
    text = yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return "---\n" + text + "---\n"


class TomlHandler(BaseHandler):
    """TOML front matter (+++) read with the standard library's tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> Any:
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        return tomli_w.dumps(metadata)


def read(text: str) -> frontmatter.Post:
    """Parse a post's front matter, YAML or TOML (python-frontmatter's TOML needs `toml`)."""
    if text.lstrip().startswith("+++"):
        return frontmatter.loads(text.lstrip(), handler=TomlHandler())
    return frontmatter.loads(text)
