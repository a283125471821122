"""A string -> list-of-ints index: a memory-mapped marisa trie for the keys and
flat arrays for the values (and an optional small tag per value).

The trie gives each key a dense id; ``offsets[id]:offsets[id + 1]`` slices the
key's values out of ``values`` (and their tags out of ``tags``). Opening maps
the trie and reads the arrays, so it costs milliseconds; a lookup costs a trie
walk and a slice (1-2 us).
"""

from __future__ import annotations

from array import array
from pathlib import Path

import marisa_trie


class KeyIndex:
    def __init__(self, trie: marisa_trie.Trie, offsets: array, values: array, tags: bytes):
        self.trie = trie
        self.offsets = offsets
        self.values = values
        self.tags = tags
        self._trie_get = trie.get

    @classmethod
    def build(cls, items: dict[str, dict[int, int]]) -> KeyIndex:
        """``items``: key -> {value: tag (0-255)}."""
        trie = marisa_trie.Trie(items.keys())
        by_id = [None] * len(trie)
        for key, vals in items.items():
            by_id[trie[key]] = vals
        offsets, values, tags = array("I", [0]), array("I"), bytearray()
        for vals in by_id:
            values.extend(vals.keys())
            tags.extend(vals.values())
            offsets.append(len(values))
        return cls(trie, offsets, values, bytes(tags))

    def save(self, stem: Path) -> None:
        self.trie.save(str(stem.with_suffix(".marisa")))
        with open(stem.with_suffix(".arrays"), "wb") as fh:
            fh.write(len(self.offsets).to_bytes(8, "little"))
            self.offsets.tofile(fh)
            self.values.tofile(fh)
            fh.write(self.tags)

    @classmethod
    def open(cls, stem: Path) -> KeyIndex:
        trie = marisa_trie.Trie()
        trie.mmap(str(stem.with_suffix(".marisa")))
        data = stem.with_suffix(".arrays").read_bytes()
        n = int.from_bytes(data[:8], "little")
        offsets = array("I")
        offsets.frombytes(data[8 : 8 + 4 * n])
        if len(offsets) != n or len(trie) + 1 != n:
            raise ValueError(f"{stem} is inconsistent")
        m = offsets[-1]
        values = array("I")
        values.frombytes(data[8 + 4 * n : 8 + 4 * n + 4 * m])
        tags = data[8 + 4 * n + 4 * m :]
        if len(values) != m or len(tags) != m:
            raise ValueError(f"{stem} is inconsistent")
        return cls(trie, offsets, values, tags)

    def get(self, key: str) -> array | tuple:
        """The values of ``key`` (empty when absent)."""
        i = self._trie_get(key)
        if i is None:
            return ()
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def get_tagged(self, key: str) -> list[tuple[int, int]]:
        """``[(value, tag)]`` of ``key``."""
        i = self._trie_get(key)
        if i is None:
            return []
        lo, hi = self.offsets[i], self.offsets[i + 1]
        if hi - lo == 1:  # most keys: no slices to copy
            return [(self.values[lo], self.tags[lo])]
        return list(zip(self.values[lo:hi], self.tags[lo:hi]))

    def keys(self, prefix: str) -> list[str]:
        return self.trie.keys(prefix)

    def __len__(self) -> int:
        return len(self.trie)
