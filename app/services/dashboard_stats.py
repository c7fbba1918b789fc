"""Statistics over the small histograms SQL hands back (value → how many cases)."""

from collections.abc import Iterable


def median_of_histogram(histogram: Iterable[tuple[int, int]]) -> float | None:
    """Return the median of values given as (value, how many times) pairs, or ``None`` when
    there are none; with an even count, the mean of the two middle values (as
    ``statistics.median``, which would need every value expanded into a list).

    Pairs with a count of 0 or less are ignored; the pairs need not be sorted.
    """
    pairs = sorted((value, count) for value, count in histogram if count > 0)
    total = sum(count for _, count in pairs)
    if total == 0:
        return None
    lower, upper = _nth(pairs, (total - 1) // 2), _nth(pairs, total // 2)
    return (lower + upper) / 2


def _nth(pairs: list[tuple[int, int]], index: int) -> int:
    """The value at 0-based ``index`` of the sorted expansion of ``pairs``."""
    seen = 0
    for value, count in pairs:
        seen += count
        if index < seen:
            return value
    raise IndexError(index)
