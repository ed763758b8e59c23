"""plotly's validator parameters, read from its file when a figure needs them (issue 12).

plotly 7 checks every property of a figure with a validator made from parameters kept in one
JSON file (``plotly/validators/_validators.json``: 3.2 MB, 10,118 entries). On the first property
it checks, ``plotly.validator_cache.ValidatorCache`` loads the whole file into a dict and keeps
it: 9.5 MB of Python objects in every kernel, so in every Voila page load, where the Explorer's
figures use 158 entries. :func:`read_on_demand` gives that class a stand-in which reads an entry
from the file when plotly asks for it: the same parameters, about 0.4 MB kept.

The file is written by ``json.dump(..., indent=4)``, so each entry starts on a line of its own
that begins with exactly four spaces and the quoted key (JSON escapes every line break inside a
string). If that ever stops being true, a key is not found where it should be and the stand-in
loads the whole file as plotly does: slower and heavier, never wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

# A key of the file's top-level object, at the start of its line as json.dump(indent=4) writes it
# (written with "\n", not "^" and MULTILINE, which is five times slower on this file).
_TOP_KEY = re.compile(rb'\n {4}"([^"\\\n]+)": ')


class ValidatorParams:
    """What ``ValidatorCache._json_cache`` holds (the file's object), read an entry at a time.

    Entries are grouped by the first part of their key (``layout``, ``scatter``...), and each
    group is contiguous in the file: the first :meth:`get` finds where each group lies, the
    first :meth:`get` in a group finds where its entries start, and every :meth:`get` parses
    one entry. ``get`` is the one method plotly calls.

    Parameters
    ----------
    path : Path
        plotly's ``validators/_validators.json``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._groups: dict[str, list[tuple[int, int]]] | None = None  # group -> byte ranges
        self._starts: dict[str, dict[str, int]] = {}  # group -> key -> where its value starts
        self._longest = 0  # the longest entry's bytes: enough to read any one value
        self._whole: dict[str, Any] | None = None  # the file as plotly loads it, if ever needed

    def _index(self) -> dict[str, list[tuple[int, int]]]:
        data = self.path.read_bytes()
        groups: dict[str, list[tuple[int, int]]] = {}
        group, start, previous = None, 0, 0
        for match in _TOP_KEY.finditer(data):
            self._longest = max(self._longest, match.start() - previous)
            previous = match.start()
            name = match[1].split(b".", 1)[0].decode()
            if name != group:
                if group is not None:
                    groups.setdefault(group, []).append((start, match.start()))
                group, start = name, match.start()
        if group is not None:
            groups.setdefault(group, []).append((start, len(data)))
        self._longest = max(self._longest, len(data) - previous)
        return groups

    def _group_starts(self, ranges: list[tuple[int, int]]) -> dict[str, int]:
        starts: dict[str, int] = {}
        with self.path.open("rb") as f:
            for begin, end in ranges:
                f.seek(begin)
                for match in _TOP_KEY.finditer(f.read(end - begin)):
                    starts[match[1].decode()] = begin + match.end()
        return starts

    def get(self, key: str, default: Any = None) -> Any:
        """The entry ``key`` of the file (a new dict each time), or ``default``."""
        if self._whole is not None:
            return self._whole.get(key, default)
        if self._groups is None:
            self._groups = self._index()
        group = key.split(".", 1)[0]
        if group not in self._starts:
            self._starts[group] = self._group_starts(self._groups.get(group, []))
        start = self._starts[group].get(key)
        if start is None:  # not where the layout above puts it: read the file as plotly does
            with self.path.open(encoding="utf-8") as f:
                self._whole = json.load(f)
            return self._whole.get(key, default)
        with self.path.open("rb") as f:
            f.seek(start)
            # A value ends before the next entry, at most `_longest` bytes on; a character cut
            # in two at the end of the read lies after the value, where the parse never goes.
            text = f.read(self._longest).decode("utf-8", errors="replace")
        return json.JSONDecoder().raw_decode(text)[0]


def read_on_demand() -> bool:
    """Make plotly read its validators' parameters entry by entry (see the module's text).

    Returns
    -------
    bool
        Whether the stand-in is in place: False when plotly had already loaded the file (then it
        is left as it is) or keeps its parameters elsewhere (another plotly version).
    """
    from plotly.validator_cache import ValidatorCache

    if isinstance(ValidatorCache._json_cache, ValidatorParams):
        return True
    import plotly.validator_cache

    path = Path(plotly.validator_cache.__file__).parent / "validators" / "_validators.json"
    if ValidatorCache._json_cache is not None or not path.is_file():
        return False
    ValidatorCache._json_cache = ValidatorParams(path)
    return True
