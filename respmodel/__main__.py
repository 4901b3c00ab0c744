"""``python -m respmodel``: the same command as the ``respmodel`` console script."""

from __future__ import annotations

import sys

from ._cli import main

if __name__ == "__main__":  # spawned worker processes import this module too
    sys.exit(main())
