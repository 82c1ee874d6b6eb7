"""``python -m wirewatch``: the same as the ``wirewatch`` command."""

from .cli import main

main()
