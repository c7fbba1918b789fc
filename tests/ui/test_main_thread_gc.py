"""Cyclic garbage holding a Qt object is collected on the GUI thread, never in a worker."""

import gc
import threading

from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from app.ui.main_thread_gc import MainThreadCollector


def _cyclic_qobject(deleted_in: list[int]) -> None:
    """A Python-owned QObject reachable only through a reference cycle."""
    orphan = QObject()
    orphan.setObjectName("orphan")
    orphan.cycle = [orphan]  # type: ignore[attr-defined]
    # Direct: the slot runs in the thread that deletes the object, wherever that is.
    orphan.destroyed.connect(
        lambda: deleted_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )


def _allocate_cycles(count: int) -> None:
    for _ in range(count):
        pair: list[object] = []
        pair.append(pair)


def test_a_worker_allocating_never_collects_the_qt_object(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    gc.enable()  # as in a plain interpreter: the worker's allocations would trigger collection
    collector = MainThreadCollector(interval_ms=20)
    collector.start()
    try:
        assert not gc.isenabled()
        deleted_in: list[int] = []
        _cyclic_qobject(deleted_in)
        worker = threading.Thread(target=_allocate_cycles, args=(100_000,))
        worker.start()
        worker.join()
        assert deleted_in == []  # 100,000 cycles later, the worker collected nothing
        qtbot.waitUntil(lambda: deleted_in != [], timeout=5_000)
        assert deleted_in == [threading.get_ident()]  # the GUI thread's timer did
    finally:
        collector.stop()
    assert gc.isenabled()  # handed back as found
    if not was_enabled:
        gc.disable()


class _Node:
    """A weak-referenceable object to put in a cycle."""

    def __init__(self) -> None:
        self.me = self


def test_below_the_thresholds_nothing_is_collected_yet() -> None:
    import weakref

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        node = _Node()
        alive = weakref.ref(node)
        del node  # garbage now, but only one allocation since the last collection
        assert MainThreadCollector().collect_due() == 0
        assert alive() is not None  # left for a later tick, as the interpreter would
        gc.collect()
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()
