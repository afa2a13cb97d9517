"""`python -m patchday` runs the CLI."""

import sys

from patchday.cli import main

sys.exit(main())
