"""The Mail area's widgets: views and folders, the list under a search field,
the reading pane under a suggestion bar. Layout only; `MailController` wires
it to the services."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kortrijk_cockpit.ui.models.mail_list import MailListModel
from kortrijk_cockpit.ui.splitter_state import restore_splitter, save_splitter
from kortrijk_cockpit.ui.views.mail.delegates import CategoryChipDelegate, PaperclipDelegate
from kortrijk_cockpit.ui.views.mail.reading_pane import ElidedLabel, ReadingPane
from kortrijk_cockpit.ui.views.mail.shortcut_overlay import ShortcutOverlay
from kortrijk_cockpit.ui.views.mail.view_tree import MailViewTree

STATE_GROUP = "mail"
TREE_WIDTH = 230
SUBJECT_MIN = 100  # the others give way before the subject gets narrower than this


class SortArrowStyle(QProxyStyle):
    """The header's arrow points up for ascending (A to Z, oldest first) and down for
    descending, as in Outlook and Explorer. Qt draws them the other way round: it
    maps AscendingOrder to SortDown."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and \
                isinstance(option, QStyleOptionHeader):
            flipped = QStyleOptionHeader(option)
            flipped.sortIndicator = (QStyleOptionHeader.SortIndicator.SortUp
                                     if option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
                                     else QStyleOptionHeader.SortIndicator.SortDown)
            super().drawPrimitive(element, flipped, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)


class MailArea(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailArea")
        self.tree_model = MailViewTree(self)
        self.tree = QTreeView()
        self.tree.setObjectName("mailViews")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.search = QLineEdit()
        self.search.setObjectName("mailSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: words, van:, aan:, bijlage:ja, voor:, na:, categorie:, map:"))
        self.search_error = QLabel()
        self.search_error.setTextFormat(Qt.TextFormat.PlainText)  # quotes what she typed
        self.search_error.setObjectName("searchError")
        self.search_error.setWordWrap(True)
        self.search_error.hide()
        self.grouping = QToolButton()
        self.grouping.setText(self.tr("Conversations"))
        self.grouping.setToolTip(self.tr("One row per conversation: its newest mail"))
        self.grouping.setCheckable(True)

        self.list = QTableView()
        self.list.setObjectName("mailList")
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSortingEnabled(True)
        self.list.setWordWrap(False)
        self.list.setShowGrid(False)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().hide()
        # Fixed row heights: the view never asks 100,000 rows for their size.
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list.verticalHeader().setDefaultSectionSize(26)
        self.list.horizontalHeader().setHighlightSections(False)
        self.chips = CategoryChipDelegate(self.list)
        self.list.setItemDelegateForColumn(MailListModel.CATEGORIES, self.chips)
        self.list.setItemDelegateForColumn(MailListModel.ATTACHMENT,
                                           PaperclipDelegate(self.list))

        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("emptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        empty = QWidget()
        column = QVBoxLayout(empty)
        column.addStretch(1)
        column.addWidget(self.empty_title)
        column.addWidget(self.empty_text)
        column.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(empty)

        middle = QWidget()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.grouping)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(search_row)
        middle_layout.addWidget(self.search_error)
        middle_layout.addWidget(self.list_stack, 1)

        self.suggestion = QFrame()
        self.suggestion.setObjectName("suggestionBar")
        self.suggestion_text = ElidedLabel()  # one line; the reason names the sender's domain
        self.suggestion_accept = QPushButton(self.tr("Accept"))
        self.suggestion_accept.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keys
        bar = QHBoxLayout(self.suggestion)
        bar.setContentsMargins(10, 6, 10, 6)
        bar.addWidget(self.suggestion_text, 1)
        bar.addWidget(self.suggestion_accept)
        self.suggestion.hide()
        self.pane = ReadingPane()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.suggestion)
        right_layout.addWidget(self.pane, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mailSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self._layout_restored = False  # else the first show gives the default proportions

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.overlay = ShortcutOverlay(self)

    def set_model(self, model: MailListModel) -> None:
        self.list.setModel(model)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MailListModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        # The application's style underneath; the header does not own a style it is given.
        self._sort_style = SortArrowStyle()
        self._sort_style.setParent(header)
        header.setStyle(self._sort_style)
        self.list.viewport().installEventFilter(self)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Subject takes what is left (at least a quarter of the list); the others get
        their content's width, and From, Categories and Status give way down to a
        minimum when the list is narrow: no horizontal scrollbar from 1440 px wide."""
        metrics = self.list.fontMetrics()
        header = self.list.horizontalHeader()

        def text(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + 18  # the cell's margins

        def title(column: int) -> int:
            name = self.list.model().headerData(column, Qt.Orientation.Horizontal)
            return header.fontMetrics().horizontalAdvance(str(name or "")) + 16
        fixed = {MailListModel.RECEIVED: max(text("88/88/8888 88:88"), title(2)),
                 MailListModel.FLAG: max(text("⚑ 88/88"), title(4)),
                 MailListModel.ATTACHMENT: 34}  # a paperclip, also in its header
        # (column, preferred, minimum): what they hold at most and at least readably.
        flexible = [(MailListModel.SENDER, 170, 80), (MailListModel.CATEGORIES, 130, 56),
                    (MailListModel.STATE, max(text("Wacht sinds 88 d."), 110), 64)]
        width = self.list.viewport().width()
        room = width - sum(fixed.values()) - max(SUBJECT_MIN, width // 4)
        preferred = sum(p for _c, p, _m in flexible)
        least = sum(m for _c, _p, m in flexible)
        share = 1.0 if room >= preferred else max(0.0, (room - least) / (preferred - least))
        for column, most in fixed.items():
            self.list.setColumnWidth(column, most)
        for column, most, minimum in flexible:
            self.list.setColumnWidth(column, int(minimum + share * (most - minimum)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return False

    def show_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.list_stack.setCurrentIndex(1)

    def show_list(self) -> None:
        self.list_stack.setCurrentIndex(0)

    def is_empty_shown(self) -> bool:
        return self.list_stack.currentIndex() == 1

    def show_search_error(self, message: str) -> None:
        self.search_error.setText(message)
        self.search_error.setVisible(bool(message))

    # -- remembered between runs ----------------------------------------------------
    def save_layout(self, state: QSettings) -> None:
        save_splitter(state, STATE_GROUP, self.splitter)

    def restore_layout(self, state: QSettings) -> None:
        if restore_splitter(state, STATE_GROUP, self.splitter):
            self._layout_restored = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._layout_restored:  # the first run: the tree, then list 55% / pane 45%
            self._layout_restored = True
            rest = max(0, self.splitter.width() - TREE_WIDTH - 2 * self.splitter.handleWidth())
            self.splitter.setSizes([TREE_WIDTH, round(rest * 0.55), rest - round(rest * 0.55)])

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self.overlay.fit()
