"""The export dialog's "Blog profile" tab: every learned convention, editable."""

from __future__ import annotations

import yaml
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.exporters import registry
from desktop.exporters.profile import BlogProfile

# (attribute, label, kind, choices)
PROFILE_FIELDS = [
    ("generator", "Generator", "choice", registry.names()),
    ("front_matter", "Front matter", "choice", ["yaml", "toml"]),
    ("post_dir", "Posts folder", "text", None),
    ("photos", "Photos", "choice", ["sibling", "bundle", "static", "folder"]),
    ("static_dir", "Photo folder (static)", "text", None),
    ("image_style", "Image markup", "choice", ["figure", "markdown", "relative_url"]),
    ("image_width", "Figure width", "text", None),
    ("caption_title", "Photo title", "text", None),
    ("author", "Author", "text", None),
    ("category_key", "Category key", "choice", ["", "category", "categories"]),
    ("category", "Category", "text", None),
    ("layout", "Layout (Jekyll)", "text", None),
    ("day_title", "Day recap title", "text", None),
    ("conference_title", "Conference recap title", "text", None),
    ("heading_level", "Section heading level", "int", (1, 5)),
    ("heading_form", "Talk heading", "choice", ["plain", "title_speakers", "bold"]),
    ("group_by", "Group talks by", "choice", ["kind", "track", ""]),
    ("keynote_prefix", '"Keynote:" before keynotes', "bool", None),
    ("speakers_line", "Speaker line under headings", "bool", None),
    ("links", "Links from the schedule", "bool", None),
    ("wrapup_heading", "Wrap-up heading", "text", None),
    ("apostrophes", "Apostrophes in file names", "choice", ["drop", "split"]),
    ("draft", "Draft", "bool", None),
    ("max_width", "Photo width (0: original)", "int", (0, 8000)),
    ("quality", "JPEG quality", "int", (30, 100)),
]


class ProfileForm(QWidget):
    """Shows a BlogProfile field by field; edited() writes the user's changes back into it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: BlogProfile | None = None
        self.note = QLabel(wordWrap=True)
        self.form = QFormLayout()
        self.widgets: dict[str, QWidget] = {}
        self.extra = QPlainTextEdit(
            placeholderText="other front matter, as YAML, e.g.\nseries: conferences\nshowToc: true"
        )
        self.extra.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(QLabel("Other front matter keys (YAML):"))
        layout.addWidget(self.extra)
        layout.addStretch(1)

    def show_profile(self, profile: BlogProfile | None) -> None:
        self.profile = profile
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets.clear()
        if profile is None:
            return
        self.extra.setPlainText(
            yaml.safe_dump(profile.extra, allow_unicode=True) if profile.extra else ""
        )
        for name, label, kind, choices in PROFILE_FIELDS:
            value = getattr(profile, name)
            widget: QWidget
            if kind == "choice" and isinstance(choices, list):
                combo = QComboBox()
                combo.addItems(choices)
                combo.setCurrentText(str(value))
                widget = combo
            elif kind == "int" and isinstance(choices, tuple):
                spin = QSpinBox(minimum=choices[0], maximum=choices[1])
                spin.setValue(int(value or 0))
                widget = spin
            elif kind == "bool":
                check = QCheckBox()
                check.setChecked(bool(value))
                widget = check
            else:
                widget = QLineEdit(str(value))
            self.widgets[name] = widget
            self.form.addRow(label, widget)

    def edited(self) -> BlogProfile | None:
        """The profile with every field as the form shows it (None when there is none)."""
        if self.profile is None:
            return None
        for name, _label, _kind, _choices in PROFILE_FIELDS:
            widget = self.widgets[name]
            value: object
            if isinstance(widget, QComboBox):
                value = widget.currentText()
            elif isinstance(widget, QSpinBox):
                value = widget.value() or (None if name == "max_width" else 0)
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                value = widget.text()
            else:
                continue
            setattr(self.profile, name, value)
        try:
            extra = yaml.safe_load(self.extra.toPlainText()) or {}
        except yaml.YAMLError:
            extra = None  # not valid YAML: keep the keys as they were
        if isinstance(extra, dict):
            self.profile.extra = {str(k): v for k, v in extra.items()}
        return self.profile
