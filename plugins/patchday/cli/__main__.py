"""`python -m patchday.cli` runs the CLI."""

import sys

from patchday.cli import main

sys.exit(main())
