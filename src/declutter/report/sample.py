"""Choosing the documents of a report: the first N, or a seeded sample of N.

>>> picker = Picker(2)
>>> for item in "abcd":
...     picker.offer(item)
>>> picker.items()
['a', 'b']
>>> picker = Picker(2, seed=7)
>>> for item in "abcd":
...     picker.offer(item)
>>> picker.items() == Picker.sample("abcd", 2, seed=7)
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Picker(Generic[T]):
    """Keeps at most ``limit`` of the items offered to it, in the order offered.

    Without a seed, the first ``limit``; with one, a uniform random sample of ``limit``
    (reservoir sampling), the same for the same seed and the same items.

    :param limit: how many items to keep, at least 1.
    :param seed: the seed of the sample, or ``None`` for the first items.
    """

    def __init__(self, limit: int, seed: int | None = None) -> None:
        if limit < 1:
            raise ValueError(f"a report needs room for one document at least, not {limit}")
        self.limit = limit
        self.offered = 0
        self._random = random.Random(seed) if seed is not None else None
        self._kept: list[tuple[int, T]] = []

    @property
    def full(self) -> bool:
        """Whether taking the first items, all are taken: later ones need not be read."""
        return self._random is None and len(self._kept) >= self.limit

    def offer(self, item: T) -> None:
        """Consider ``item``, the next one."""
        position = self.offered
        self.offered += 1
        if len(self._kept) < self.limit:
            self._kept.append((position, item))
        elif self._random is not None:
            slot = self._random.randrange(position + 1)
            if slot < self.limit:
                self._kept[slot] = (position, item)

    def items(self) -> list[T]:
        """The items kept, in the order they were offered."""
        return [item for _, item in sorted(self._kept, key=lambda pair: pair[0])]

    @classmethod
    def sample(cls, items: Iterable[T], limit: int, seed: int | None = None) -> list[T]:
        """The items :meth:`items` keeps of ``items``."""
        picker: Picker[T] = cls(limit, seed)
        for item in items:
            picker.offer(item)
        return picker.items()
