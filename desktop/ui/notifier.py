"""Telling the user: the message boxes that report an outcome (imported, exported, failed).

The parts of the window that report get a Notifier (made by the window, or given to it);
tests give one that records the messages instead of showing them. QMessageBox is imported
when a box is first shown: its enums cost a start ~4 ms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QWidget


class Notifier:
    """Message boxes, modal to `parent`."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        """A yes/no question; True for Yes."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: list[str]
    ) -> str | None:
        """Ask with one button per choice (the first is the destructive one) and Cancel; the
        choice, or None when cancelled."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        roles = [QMessageBox.ButtonRole.DestructiveRole] + [QMessageBox.ButtonRole.AcceptRole] * (
            len(choices) - 1
        )
        buttons: dict[QAbstractButton, str] = {
            box.addButton(c, role): c for c, role in zip(choices, roles, strict=True)
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())
