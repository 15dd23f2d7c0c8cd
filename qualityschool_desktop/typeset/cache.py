"""A least-recently-used cache for functions of a text, bounded by the characters it keeps.

``functools.lru_cache`` counts entries: 65,536 shaped words are a few megabytes, 65,536 shaped
200,000-character follow-ups are far more than any machine has. What the typesetter caches (shapes,
segmentations) costs memory in proportion to the text's length, so its caches count characters, and a
text too long to be worth keeping is computed afresh each time and never kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Generic, Hashable, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class TextCache(Generic[P, R]):
    """``function`` with its results cached by its (positional, hashable) arguments, the first of
    them a text: at most ``characters`` characters of texts kept in all, the least recently used
    dropped first, and no text longer than ``longest`` kept. Thread-safe; a function that raises
    caches nothing."""

    def __init__(self, function: Callable[P, R], characters: int, longest: int) -> None:
        self.function = function
        self.characters = characters
        self.longest = longest
        self._entries: OrderedDict[tuple[Hashable, ...], R] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.__doc__ = function.__doc__
        self.__name__ = getattr(function, "__name__", "cached")

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            raise TypeError(f"{self.__name__} takes positional arguments only")
        text = args[0]
        if not isinstance(text, str):
            raise TypeError(f"{self.__name__}: the first argument must be a text, not {type(text).__name__}")
        key = tuple(args)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        result = self.function(*args, **kwargs)
        if len(text) <= self.longest:
            with self._lock:
                if key not in self._entries:
                    self._entries[key] = result
                    self._size += len(text)
                    while self._size > self.characters:
                        old_key, _old = self._entries.popitem(last=False)
                        self._size -= len(str(old_key[0]))
        return result

    def cached_characters(self) -> int:
        """How many characters of texts the cache holds now (at most ``characters``)."""
        with self._lock:
            return self._size

    def cache_clear(self) -> None:
        """Forget every cached result."""
        with self._lock:
            self._entries.clear()
            self._size = 0


def text_cache(characters: int, longest: int) -> Callable[[Callable[P, R]], TextCache[P, R]]:
    """Decorator: cache a function of a text in a :class:`TextCache` (see there)."""

    def wrap(function: Callable[P, R]) -> TextCache[P, R]:
        return TextCache(function, characters, longest)

    return wrap
