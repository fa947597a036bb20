# SPDX-License-Identifier: GPL-2.0
"""The values of the uapi header uapi/linux/hnv.h, read from its enums and
#defines: U.HNV_A_VSID, U.commands(), U.name("hnv_cmd", 3), ..."""

import functools
import re


def parse_uapi(path):
    """{enum name: [(NAME, value), ...]} and {NAME: value} of the header."""
    with open(path) as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    enums, values = {}, {}
    for m in re.finditer(r"enum\s+(\w+)\s*\{(.*?)\}", text, re.S):
        cur, members = -1, []
        for item in m.group(2).split(","):
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                name, expr = (s.strip() for s in item.split("=", 1))
                cur = int(eval(expr, {}, dict(values)))  # noqa: S307
            else:
                name, cur = item, cur + 1
            members.append((name, cur))
            values[name] = cur
        enums[m.group(1)] = members
    for m in re.finditer(r"#define\s+(HNV_\w+)\s+(\(?[\w\s+\-<>]+\)?)\s*$",
                         text, re.M):
        try:
            values[m.group(1)] = int(eval(m.group(2), {}, dict(values)))
        except Exception:  # noqa: BLE001 - strings such as the family name
            pass
    return enums, values


class U:
    """The uapi values, as class attributes once load() has run."""

    enums = {}

    @classmethod
    def load(cls, path):
        cls.enums, values = parse_uapi(path)
        for k, v in values.items():
            setattr(cls, k, v)
        cls.name.cache_clear()

    @classmethod
    def commands(cls):
        """(name, value) of every request/event command but UNSPEC."""
        return [(n, v) for n, v in cls.enums["hnv_cmd"]
                if not n.startswith("__") and n != "HNV_CMD_UNSPEC"]

    @classmethod
    @functools.lru_cache(maxsize=None)
    def name(cls, enum, value):
        """The name of @value in @enum (the number if it has none)."""
        return next((n for n, v in cls.enums[enum] if v == value),
                    str(value))
