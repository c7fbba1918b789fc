"""benchmarks/memory_imports.py: each part's resident growth, measured in this process."""

from collections.abc import Callable

from benchmarks.memory_imports import PARTS, growth_per_part, resident_mib

MIB = 1024 * 1024
_kept: list[bytearray] = []


def _hold(mib: int) -> Callable[[], None]:
    """A part that keeps ``mib`` MiB of touched memory for the rest of the test process."""

    def load() -> None:
        _kept.append(bytearray(mib * MIB))  # zero-filled by calloc: touched page by page below
        block = _kept[-1]
        block[::4096] = b"\x01" * len(range(0, len(block), 4096))

    return load


def test_a_part_that_keeps_16_mib_grows_the_resident_memory_by_16_mib() -> None:
    figures = growth_per_part((("nothing", lambda: None), ("16 MiB kept", _hold(16))))
    assert list(figures) == ["before", "nothing", "16 MiB kept"]
    assert 15.5 <= figures["16 MiB kept"] <= 17.0
    assert abs(figures["nothing"]) <= 0.5
    assert figures["before"] > 0


def test_resident_memory_counts_what_this_process_holds() -> None:
    before = resident_mib()
    _hold(8)()
    assert resident_mib() - before >= 7.5


def test_the_parts_follow_the_walk_keyring_first_window_tools_last() -> None:
    names = [name for name, _load in PARTS]
    assert names[0].startswith("keyring lookup")
    assert names[-1].startswith("the rest of the window's tools")
    assert len(set(names)) == len(names)
