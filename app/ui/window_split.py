"""How the main window's Cases page shares its width between the case list and the detail pane
(``app.ui.main_window``, once the pane is added to a splitter already on screen).
"""

from PySide6.QtWidgets import QSplitter

from app.ui.case_browser import CaseBrowser

DETAIL_MIN_SHARE = 0.3  # of the window's width: the pane gives way to the list's columns


def share_width(splitter: QSplitter, case_list: CaseBrowser) -> None:
    """Share ``splitter``'s width between ``case_list`` (its first widget) and the detail pane:
    3:2, or more for the list when its columns need it (at 150 % scaling), the pane keeping at
    least ``DETAIL_MIN_SHARE`` of the width."""
    width = splitter.width() - splitter.handleWidth()
    # Not yet on screen, the width is not the window's: its columns cannot be weighed.
    wanted = case_list.wanted_width() if splitter.isVisible() else 0
    most = width - int(width * DETAIL_MIN_SHARE)
    listed = max(width * 3 // 5, min(wanted, most))
    splitter.setSizes([listed, width - listed])
