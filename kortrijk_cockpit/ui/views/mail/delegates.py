"""How the list paints categories (coloured chips) and attachments (a paperclip)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kortrijk_cockpit.ui.models.mail_list import MailListModel

Index = QModelIndex | QPersistentModelIndex

DEFAULT_CHIP = "#6b7280"  # a category that is not one of the office's outcomes


def readable_text_on(colour: QColor) -> QColor:
    """Black or white, whichever reads better on this background."""
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#111827") if luminance > 150 else QColor("white")


class CategoryChipDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours: dict[str, str] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(MailListModel.RowRole)
        categories = row.categories if row is not None else ()
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""  # the background and selection only
        style = plain.widget.style() if plain.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        if not categories:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        x = rect.left()
        for name in categories:
            width = metrics.horizontalAdvance(name) + 12
            if x + width > rect.right():
                width = max(rect.right() - x, 0)
                if width < 16:
                    break
            chip = QRectF(x, rect.top(), width, rect.height())
            colour = QColor(self.colours.get(name, DEFAULT_CHIP))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(readable_text_on(colour))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width) - 8)
            painter.drawText(chip.adjusted(6, 0, -2, 0),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
            x += width + 4
        painter.restore()


class PaperclipDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        row = index.data(MailListModel.RowRole)
        if row is None or not row.has_attachments:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else QColor("#4b5563")
        painter.setPen(QPen(colour, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        centre = QRectF(option.rect).center()
        painter.drawPath(_paperclip(centre))
        painter.restore()


def paperclip_icon() -> QIcon:
    """The paperclip as a 16 px icon (the attachment column's header)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#4b5563"), 1.4))
    painter.drawPath(_paperclip(QPointF(8, 8)))
    painter.end()
    return QIcon(pixmap)


def _paperclip(centre: QPointF) -> QPainterPath:
    """A paperclip about 12 px tall: two nested loops."""
    x, y = centre.x(), centre.y()
    path = QPainterPath(QPointF(x + 2.5, y - 2))
    path.lineTo(x + 2.5, y + 4)
    path.arcTo(QRectF(x - 2.5, y + 1.5, 5, 5), 0, -180)
    path.lineTo(x - 2.5, y - 4)
    path.arcTo(QRectF(x - 2.5, y - 6.5, 5, 5), 180, -180)
    path.lineTo(x + 2.5, y + 1)
    path.moveTo(x, y - 3)
    path.lineTo(x, y + 3)
    return path
