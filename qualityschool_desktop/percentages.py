"""Shares of a whole in per cent that add up to the 100 printed under them.

Rounding each share on its own can print 5.6 + 11.1 + 50.0 + 22.2 + 5.6 + 5.6 = 100.1 under a
total row of 100.0 (TEST34 T7). :func:`shares` uses the largest-remainder rule instead; the
progress report (two places) and the inspection summary's colour bands (one place) both call it.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["shares"]


def shares(counts: list[int], places: int = 2) -> list[Decimal]:
    """The shares of ``counts`` (one pie's slices) in per cent as Decimals with ``places`` decimal
    places, adding up to exactly 100: each share rounded down to the last place, the units of that
    place left over going one each to the largest remainders, the earlier slice first on a tie
    (the largest-remainder rule). 2 and 15 of 17 -> 11.76, 88.24; 2, 3, 3 -> 25.00, 37.50, 37.50;
    1, 1, 1 -> 33.34, 33.33, 33.33; with ``places=1``, 1, 2, 9, 4, 1, 1 of 18 -> 5.6, 11.1, 50.0,
    22.2, 5.6, 5.5. All zero when every count is 0. Raises ValueError for a negative count or
    negative ``places``."""
    if any(c < 0 for c in counts):
        raise ValueError(f"negative count in {counts}")
    if places < 0:
        raise ValueError(f"negative places {places}")
    whole = 100 * 10 ** places  # 100 per cent in units of the last place shown
    total = sum(counts)
    if total == 0:
        return [Decimal(0).scaleb(-places) for _ in counts]
    units = [whole * c // total for c in counts]
    left = whole - sum(units)
    by_remainder = sorted(range(len(counts)), key=lambda i: (-(whole * counts[i] % total), i))
    for index in by_remainder[:left]:
        units[index] += 1
    return [Decimal(u).scaleb(-places) for u in units]
