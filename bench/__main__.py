"""``python -m bench`` (``make bench``): run every benchmark module in this folder with its default settings.

Each benchmark reports ratios against a baseline measured in the same run, so results compare across machines; the
raw tables go to stdout and ``bench/results/<name>.json``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if not m.name.startswith("_"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== bench.{name} ==", flush=True)
        module.main(sys.argv[1:])


if __name__ == "__main__":
    main()
