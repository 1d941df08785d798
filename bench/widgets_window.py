"""The first paint of Talknotes' window made of Qt alone: the widgets and actions the real
window shows at its first paint (sidebar, note pane, preview, menus, toolbar, status bar),
no Talknotes code. How close the real first paint can come to the bare window's, PySide
building its Python enums for these classes included. (Keep it like ui/main_window.py.)"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFocusFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

app = QApplication(sys.argv[:1])
window = QMainWindow()

sidebar = QWidget()
column = QVBoxLayout(sidebar)
column.addWidget(QLineEdit(placeholderText="Filter: title, speaker, room, track…"))
quick = QHBoxLayout()
for text in ("★ My agenda", "✎ With notes"):
    button = QToolButton(text=text, checkable=True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    quick.addWidget(button)
column.addLayout(quick)
combos = QHBoxLayout()
for everything in ("All days", "All tracks", "All rooms"):
    box = QComboBox()
    box.addItem(everything)
    combos.addWidget(box)
column.addLayout(combos)
tree = QTreeView()
tree.setHeaderHidden(True)
column.addWidget(tree, 1)

pane = QWidget()
rows = QVBoxLayout(pane)
top = QHBoxLayout()
title = QLabel("<b>No talk open</b>")
title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
top.addWidget(title, 1)
for text in ("☆", "Abstract ▸", "Photos", "Details"):
    top.addWidget(QToolButton(text=text, autoRaise=True))
rows.addLayout(top)
rows.addWidget(QLabel("Pick a talk on the left and press Enter, or press Ctrl+J", wordWrap=True))
editor = QPlainTextEdit()
rows.addWidget(editor, 1)
strip = QListView()
strip.setViewMode(QListView.ViewMode.IconMode)
strip.hide()
rows.addWidget(strip)
rows.addWidget(QLabel("Saved"))

split = QSplitter(Qt.Orientation.Horizontal)
for part in (sidebar, pane, QTextBrowser()):
    split.addWidget(part)
window.setCentralWidget(split)
QFocusFrame(window).setWidget(editor)
tools = window.addToolBar("Talk")
for name in ("&File", "&Edit", "&View", "&Theme", "&Talk", "&Help"):
    menu = window.menuBar().addMenu(name)
    for i in range(8):
        action = QAction(f"{name} {i}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Alt+{chr(65 + i)}"))
        menu.addAction(action)
        if i < 2:
            tools.addAction(action)
window.statusBar().showMessage("Opening the library…")
window.resize(1280, 800)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
