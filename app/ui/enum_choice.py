"""Combo boxes whose items stand for members of a string enum, and that give the member back.

PySide6 (6.12) hands a ``StrEnum`` stored as item data back as a plain ``str``
(``addItem("Access", CaseKind.ACCESS)`` then ``currentData()`` is ``'access'``), so a service
that reads ``.value`` or compares identity breaks. These helpers store the member's value and
convert it back with the enum type the caller names, whatever the binding returns.
"""

from collections.abc import Sequence
from enum import StrEnum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=StrEnum)


def enum_combo(items: Sequence[tuple[str, E | None]], current: E | None = None) -> QComboBox:
    """Return a combo box of (label, member) pairs, ``current`` selected (the first when it is
    not among them). A ``None`` member stands for "no value" (e.g. "As answered")."""
    box = QComboBox()
    for label, member in items:
        box.addItem(label, None if member is None else member.value)
        if member is not None and member == current:
            box.setCurrentIndex(box.count() - 1)
    return box


def chosen_member(box: QComboBox, enum_type: type[E]) -> E:
    """Return the member of ``enum_type`` chosen in ``box``.

    Raises:
        ValueError: the box holds no member (empty, or its current item stands for none).
    """
    member = optional_member(box, enum_type)
    if member is None:
        raise ValueError(f"no {enum_type.__name__} chosen")
    return member


def optional_member(box: QComboBox, enum_type: type[E]) -> E | None:
    """Return the member of ``enum_type`` chosen in ``box``, or ``None`` when the current item
    stands for no value or nothing is chosen.

    Raises:
        ValueError: the item's data is no value of ``enum_type`` (a programming error).
    """
    data = box.currentData()
    if data is None:
        return None
    return enum_type(str(data))


def select_member(box: QComboBox, member: StrEnum) -> None:
    """Make the item of ``member`` current in ``box`` (nothing changes when it is absent)."""
    index = box.findData(member.value)
    if index >= 0:
        box.setCurrentIndex(index)
