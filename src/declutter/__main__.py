"""``python -m declutter``: the command-line filter."""

import sys

from .cli import main

sys.exit(main())
