"""The damaged-library box: what the damaged library and the newest good backup each hold,
and the choices. Quitting (changing nothing) is the default; restoring and salvaging keep the
damaged file beside the new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from desktop.services.maintenance import Backup, Contents

QUIT, RESTORE, SALVAGE = "quit", "restore", "salvage"


class RecoveryBox(QMessageBox):
    """Ask what to do with a damaged library; `choice` is set once a button is clicked."""

    def __init__(
        self,
        parent: QWidget | None,
        damage: str,
        damaged: Contents,
        good: Backup | None,
        good_holds: Contents | None,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Talknotes — library damaged")
        self.setText(f"The library database is damaged:\n{damage}")
        lines = [f"This library: {damaged.describe()} (what can still be read)."]
        if good is not None and good_holds is not None:
            lines.append(
                f"Newest good backup, from {good.created:%A} {good.created.day} "
                f"{good.created:%B %Y, %H:%M}: {good_holds.describe()}."
            )
        else:
            lines.append("No good backup was found.")
        lines.append(
            "\nRestoring puts the backup in the library's place; salvaging rebuilds the library "
            "from the rows that can still be read. Either way the damaged file is kept beside "
            "it. Quitting changes nothing."
        )
        self.setInformativeText("\n".join(lines))
        self.buttons_by_choice = {}
        if good is not None:
            self.buttons_by_choice[RESTORE] = self.addButton(
                "Restore the backup", QMessageBox.ButtonRole.AcceptRole
            )
        self.buttons_by_choice[SALVAGE] = self.addButton(
            "Salvage readable notes", QMessageBox.ButtonRole.ActionRole
        )
        quit_button = self.addButton("Quit, change nothing", QMessageBox.ButtonRole.RejectRole)
        self.buttons_by_choice[QUIT] = quit_button
        self.setDefaultButton(quit_button)
        self.setEscapeButton(quit_button)
        self.choice = QUIT

    def choose(self, choice: str) -> None:
        """What clicking that button does (for keyboard-less callers, e.g. tests)."""
        self.buttons_by_choice[choice].click()

    def chosen(self) -> str:
        clicked = self.clickedButton()
        return next((c for c, b in self.buttons_by_choice.items() if b is clicked), QUIT)
