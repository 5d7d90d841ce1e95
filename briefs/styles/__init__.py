"""Citation styles beside the house style: CSL files formatted by citeproc-py."""
