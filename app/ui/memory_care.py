"""Memory the desktop app need not keep: PySide6's copies of every module's source text, and
what background work freed.

PySide6 (6.x) wraps ``import``: for each module imported after it, its feature support
(``shibokensupport.feature._mod_uses_pyside``) asks whether the module's source mentions
"PySide6", through ``inspect.getsource``. That reads the file through ``linecache``, which
keeps every line of every module imported after PySide6 for the rest of the process and is
never cleared. Measured with ``benchmarks/memory.py`` at 1,000,000 cases: 14 million
characters of source for about 850 modules.

``stop_keeping_module_sources`` puts in a check that answers the same question from the
file's bytes and keeps nothing: called as the app starts, the peak goes from 235 to 200 MiB
(and imports are faster). ``forget_module_sources`` also drops what is kept already; called
once the window's tools are imported it gives back less (235 to 228 MiB: the freed lines lie
between other objects, so little of that memory returns to the system). A traceback reads the
lines it shows from the files again.

``give_back_freed_memory`` hands what a background task freed (a connection's page cache,
``Database.release_cache``) back to the system: glibc keeps it in that thread's malloc arena.
"""

import ctypes
import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

# PySide6's feature module and its check; both are private to PySide6, so when a release
# renames them nothing is replaced (the memory is then kept, nothing breaks).
FEATURE_MODULE = "shibokensupport.feature"
FEATURE_CHECK = "_mod_uses_pyside"
PYSIDE_MARK = b"PySide6"  # what PySide6's own check looks for in the source text
SOURCE_SUFFIX = ".py"


def stop_keeping_module_sources() -> bool:
    """Make PySide6 stop keeping the source of each module imported from now on.

    Safe to call more than once, and before PySide6 is imported (it then does nothing).

    Returns:
        True when PySide6's check is (now or already) the one that keeps nothing; False when
        PySide6 is not imported yet or has no such check.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, FEATURE_CHECK, None)
    if feature is None or not callable(check):
        return False
    if not isinstance(check, _SourceBytesCheck):
        setattr(feature, FEATURE_CHECK, _SourceBytesCheck(check))
    return True


def forget_module_sources() -> None:
    """Stop keeping module sources (``stop_keeping_module_sources``) and drop every source
    kept so far (``linecache.clearcache``)."""
    stop_keeping_module_sources()
    linecache.clearcache()


def give_back_freed_memory() -> bool:
    """Return memory the C allocator keeps free to the system (glibc's ``malloc_trim``).

    Call it after a background task freed much (e.g. a connection's page cache): glibc gives
    each thread a malloc arena of its own, and what a worker thread frees stays resident in
    that arena, where the GUI thread's allocations never reuse it, until it is trimmed.

    Returns:
        True when memory was given back; False when none was, or the C library is not glibc.
    """
    trim = getattr(_c_library(), "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = [ctypes.c_size_t]
    return bool(trim(0))


def _c_library() -> ctypes.CDLL | None:
    """The C library this process runs on (``None`` where it cannot be loaded by name)."""
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def mentions_pyside(module: ModuleType) -> bool | None:
    """Whether ``module``'s source file mentions "PySide6", read as bytes and kept nowhere.

    Args:
        module: an imported module.

    Returns:
        True or False for a module loaded from a ``.py`` file; False for one without a file
        (built in, an extension module, bytecode only); None when its ``.py`` file cannot be
        read (e.g. inside a zip archive: only its loader can give its source).
    """
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(SOURCE_SUFFIX):
        return False
    try:
        return PYSIDE_MARK in Path(path).read_bytes()
    except OSError:
        return None


class _SourceBytesCheck:
    """PySide6's "does this module use PySide6?" check, answered from the file's bytes.

    "PySide6" is ASCII, so finding it in the bytes of a source file in any encoding Python
    reads (UTF-8, GBK, Latin-1...) is finding it in the decoded text, as PySide6 does.
    A module whose file cannot be read is asked of PySide6's own check, whose lines are
    then dropped from ``linecache`` again.
    """

    def __init__(self, original: Callable[[ModuleType], bool]) -> None:
        self.original = original

    def __call__(self, module: ModuleType) -> bool:
        found = mentions_pyside(module)
        if found is not None:
            return found
        kept = set(linecache.cache)
        try:
            return bool(self.original(module))
        finally:
            for name in set(linecache.cache) - kept:
                linecache.cache.pop(name, None)
