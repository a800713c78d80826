"""Auditing a correction log: summarise it, show its edits, verify the files it names, revert, replay
and export. Every command streams the log in two passes (`scan`, then `events`), so memory stays
proportional to one document's edits (a few columns each: `ledger`) and the number of distinct
documents, not to the log.
"""
