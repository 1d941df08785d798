"""A blog's own configuration as its engine reads it: where posts live (Jekyll `source` and
`collections_dir`, Hugo `contentDir`), whether a post dated in the future is built (Jekyll
`future`, Hugo `buildFuture`), the site's time zone, and what a post's address is made of
(`permalink`/`permalinks`, `baseurl`/`baseURL`, `url`). A configuration that cannot be read
is told, with its file and why, as a NotRead."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import yaml

HUGO_CONFIGS = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
# Jekyll reads the first of these that exists (Jekyll::Configuration#config_files)
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")


@dataclass(frozen=True)
class NotRead:
    """A blog file that could not be read: its path in the blog and why."""

    path: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}: {self.why}"


@dataclass
class SiteConfig:
    """What of a blog's configuration decides where a post goes, whether it is built and its
    address. The defaults are the engines' own."""

    generator: str
    config_file: str = ""  # the file read ("" when none, or not read)
    source: str = ""  # Jekyll: the site's files are under this folder ("" = the blog's root)
    collections_dir: str = ""  # Jekyll: _posts and _drafts are under this folder
    content_dir: str = "content"  # Hugo
    future: bool = False  # Jekyll `future`, Hugo `buildFuture`
    timezone: str = ""  # Jekyll `timezone`, Hugo `timeZone` ("" = the build machine's)
    permalink: str = ""  # Jekyll: a style name or a template ("" = "date")
    permalinks: dict[str, str] = field(default_factory=dict)  # Hugo: section → template
    defaults: list[dict[str, Any]] = field(default_factory=list)  # Jekyll front matter defaults
    site_url: str = ""  # Jekyll `url`, Hugo baseURL's scheme and host
    baseurl: str = ""  # the path the site is served under ("" or "/blog")
    ugly_urls: bool = False  # Hugo uglyURLs
    path_to_lower: bool = True  # Hugo: disablePathToLower not set

    def site_folder(self) -> PurePosixPath:
        """Where the site's own files are (Jekyll `source`), relative to the blog."""
        return PurePosixPath(self.source or ".")

    def posts_folder(self) -> PurePosixPath:
        """Jekyll: the folder _posts and _drafts are in, relative to the blog."""
        return self.site_folder() / (self.collections_dir or ".")


def read_config(blog: Path, generator: str, problems: list[NotRead] | None = None) -> SiteConfig:
    """The blog's configuration; one that cannot be read teaches nothing (the engine's
    defaults), and is told in `problems`."""
    site = SiteConfig(generator)
    if generator == "hugo":
        name, values = _first_config(blog, HUGO_CONFIGS, problems)
        values = {str(k).lower(): v for k, v in values.items()}
        name = _hugo_config_dir(blog, values, problems) or name
        _read_hugo(site, values, blog, problems, name)
    elif generator == "jekyll":
        name, values = _first_config(blog, JEKYLL_CONFIGS, problems)
        _read_jekyll(site, values, blog, problems, name)
    else:
        return site
    site.config_file = name if values else ""
    return site


def _first_config(
    blog: Path, names: tuple[str, ...], problems: list[NotRead] | None
) -> tuple[str, dict[str, Any]]:
    for name in names:
        if (blog / name).is_file():
            return name, _load(blog, name, problems)
    return "", {}


def _load(blog: Path, name: str, problems: list[NotRead] | None) -> dict[str, Any]:
    """A config file's settings: {} for one that cannot be read (told) or holds none."""
    text = (blog / name).read_text(encoding="utf-8", errors="replace")
    try:
        if name.endswith(".toml"):
            config: Any = tomllib.loads(text)
        elif name.endswith(".json"):
            config = json.loads(text)
        else:
            config = yaml.safe_load(text)
    except Exception as exc:  # noqa: BLE001 (a config we can't read just teaches nothing)
        _tell(problems, name, f"not read, learned without it ({reason(exc)})")
        return {}
    # a list or a lone value is not a configuration: it teaches nothing either
    if not isinstance(config, dict):
        if config is not None:  # (an empty file is no problem)
            _tell(problems, name, "not read, learned without it (no settings in it)")
        return {}
    return config


HUGO_CONFIG_DIR = "config/_default"


def _hugo_config_dir(blog: Path, values: dict[str, Any], problems: list[NotRead] | None) -> str:
    """Hugo's configuration directory (`config/_default/`): `hugo.*` or `config.*` holds
    settings, any other file the settings of the key it is named after (`permalinks.toml`).
    What the root config file says wins. Returns the folder when it had settings."""
    folder = blog / HUGO_CONFIG_DIR
    if not folder.is_dir():
        return ""
    found = False
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".toml", ".yaml", ".yml", ".json") or not path.is_file():
            continue
        settings = _load(blog, f"{HUGO_CONFIG_DIR}/{path.name}", problems)
        found = found or bool(settings)
        if path.stem in ("hugo", "config"):
            for key, value in settings.items():
                values.setdefault(str(key).lower(), value)
        elif settings:
            values.setdefault(path.stem.lower(), settings)
    return HUGO_CONFIG_DIR if found else ""


def _tell(problems: list[NotRead] | None, path: str, why: str) -> None:
    if problems is not None:
        problems.append(NotRead(path, why))


def reason(exc: Exception) -> str:
    """A parser's complaint on one line, with where it is (YAML, TOML and JSON say it their
    own way; YAML's own text spans several lines and names no file)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"{exc.problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(exc).split()) or type(exc).__name__


def _folder(blog: Path, value: object, key: str, name: str, problems: list[NotRead] | None) -> str:
    """A folder setting, relative to the blog: one leading out of it (or not a string) is
    told and left at the default (Talknotes writes inside the blog only)."""
    if value is None or value == "":
        return ""
    raw = value.strip() if isinstance(value, str) else ""
    text = raw.rstrip("/")
    inside = bool(text) and (blog / text).resolve().is_relative_to(blog.resolve())
    if not inside or PurePosixPath(raw).is_absolute():
        _tell(problems, name, f"{key}: {value!r} is not a folder inside the blog; ignored")
        return ""
    return PurePosixPath(text).as_posix()


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _read_jekyll(
    site: SiteConfig,
    values: dict[str, Any],
    blog: Path,
    problems: list[NotRead] | None,
    name: str,
) -> None:
    site.source = _folder(blog, values.get("source"), "source", name, problems)
    site.collections_dir = _folder(
        blog / site.source, values.get("collections_dir"), "collections_dir", name, problems
    )
    site.future = values.get("future") is True
    site.timezone = _text(values.get("timezone"))
    site.permalink = _text(values.get("permalink"))
    defaults = values.get("defaults")
    if isinstance(defaults, list):
        site.defaults = [d for d in defaults if isinstance(d, dict)]
    site.site_url = _text(values.get("url")).rstrip("/")
    site.baseurl = _text(values.get("baseurl")).strip("/")
    site.baseurl = f"/{site.baseurl}" if site.baseurl else ""


def _read_hugo(
    site: SiteConfig,
    values: dict[str, Any],
    blog: Path,
    problems: list[NotRead] | None,
    name: str,
) -> None:
    site.content_dir = (
        _folder(blog, values.get("contentdir"), "contentDir", name, problems) or "content"
    )
    site.future = values.get("buildfuture") is True
    site.timezone = _text(values.get("timezone"))
    permalinks = values.get("permalinks")
    if isinstance(permalinks, dict):
        site.permalinks = {str(k): v for k, v in permalinks.items() if isinstance(v, str)}
    base = urlsplit(_text(values.get("baseurl")))
    site.site_url = f"{base.scheme}://{base.netloc}" if base.scheme and base.netloc else ""
    path = base.path.strip("/")
    site.baseurl = f"/{path}" if path else ""
    site.ugly_urls = values.get("uglyurls") is True
    site.path_to_lower = values.get("disablepathtolower") is not True
