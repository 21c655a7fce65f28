"""``python -m diglot`` runs the command line."""

from diglot.cli import main

main()
