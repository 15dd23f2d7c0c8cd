"""Frozen records without generated code, for the dataclasses made on the way to the first school list.

``@dataclass(frozen=True)`` writes the source of six small functions per class (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and compiles it when the
module is imported: ~6.7 M instructions for a 13-field class, ~1 ms of CPU on the 2-core test
machine, paid at every launch by each of the eleven core classes the school list reads before
"ready" (issue 16, branch rc30). A class here is declared

    @dataclass(init=False, repr=False, eq=False)
    class School(Frozen):
        __slots__ = (...)           # where the dataclass had slots=True
        def __init__(self, ...): ...  # written out, in the fields' order, with their defaults

so that it stays a dataclass to :func:`dataclasses.fields`, :func:`~dataclasses.replace`,
:func:`~dataclasses.asdict` and printable's walk of a report's data (nothing is compiled: ~0.8 M
instructions), and inherits from :class:`Frozen` what ``frozen=True`` (with ``eq=True``) gave it:
equality and hash over the fields compared, the same ``repr``, assignment and deletion refused with
:class:`dataclasses.FrozenInstanceError`, and copies and pickles (from :class:`Record`, a dataclass
that may change: equality and ``repr``, no hash). ``tests/test_records.py`` holds each such class to a
real dataclass with the same fields; a field added to the class must be added to its ``__init__`` (and its
``__slots__``) too, and those tests fail until it is.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from operator import attrgetter
from typing import Any, Callable

_Values = Callable[[Any], tuple[Any, ...]]
_COMPARED: dict[type, _Values] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _getter(names: tuple[str, ...]) -> _Values:
    """A function giving the values of ``names`` of an object as a tuple (attrgetter's own for two or more)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda value: (one(value),)
    return lambda _value: ()


def _compared(cls: type) -> _Values:
    """The values ``__eq__`` and ``__hash__`` of ``cls`` compare (its fields but those with
    ``compare=False``), worked out at the first comparison rather than when the class is made."""
    getter = _COMPARED.get(cls)
    if getter is None:
        getter = _COMPARED[cls] = _getter(tuple(f.name for f in fields(cls) if f.compare))
    return getter


def _shown(cls: type) -> tuple[str, ...]:
    """The fields ``repr`` shows (those without ``repr=False``), in order."""
    names = _SHOWN.get(cls)
    if names is None:
        names = _SHOWN[cls] = tuple(f.name for f in fields(cls) if f.repr)
    return names


class _Compared:
    """Equal to an object of the very same class whose compared fields are equal (``NotImplemented``
    for any other class); shown as ``Name(field=value, …)`` with the fields ``repr`` shows."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            values = _COMPARED.get(self.__class__) or _compared(self.__class__)
            return bool(values(self) == values(other))
        return NotImplemented

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(self.__class__))
        return f"{self.__class__.__qualname__}({shown})"


class Record(_Compared):
    """The behaviour of ``@dataclass`` (``eq=True``, not frozen) for a dataclass declared with
    ``init=False, repr=False, eq=False`` that writes its own ``__init__`` (see the module's
    docstring): its equality and ``repr``, and no hash (it may change)."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]


class Frozen(_Compared):
    """The behaviour of ``@dataclass(frozen=True)`` (with ``eq=True``) for a dataclass declared with
    ``init=False, repr=False, eq=False`` that writes its own ``__init__`` (see the module's docstring):
    the equality and ``repr`` of a :class:`Record`, hashed as the tuple of its compared fields,
    refusing to set or delete any attribute (:class:`dataclasses.FrozenInstanceError`, an
    ``AttributeError``), copied and pickled field by field. The ``__init__`` sets its fields with
    ``object.__setattr__``."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash((_COMPARED.get(self.__class__) or _compared(self.__class__))(self))

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    # Copies and pickles set the fields again without __setattr__ (as a frozen dataclass with slots does).
    def __getstate__(self) -> list[Any]:
        return [getattr(self, f.name) for f in fields(self)]  # type: ignore[arg-type]

    def __setstate__(self, state: list[Any] | dict[str, Any]) -> None:
        # A dict: the state of a frozen dataclass without slots (its __dict__), as pickled before.
        names = (f.name for f in fields(self))  # type: ignore[arg-type]
        for name, value in state.items() if isinstance(state, dict) else zip(names, state):
            object.__setattr__(self, name, value)
