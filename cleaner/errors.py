"""The one exception hierarchy of cleaner: every user-facing failure is a CleanerError."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class: the CLI prints `str(error)` as one line and exits non-zero."""


class InputError(CleanerError):
    """An input file cannot be read as text (binary, undecodable, missing)."""


class DictionaryError(CleanerError):
    """A dictionary, rule or config file is malformed; the message starts with `file:line:`."""


class ConfigError(CleanerError):
    """A configuration value or command-line combination is invalid."""


class EditMismatchError(CleanerError):
    """An Edit's `before` does not match the text it is applied to, or two Edits overlap."""


class OutputError(CleanerError):
    """An output cannot be written safely (would overwrite the input, not writable, ...)."""


class LogError(CleanerError):
    """A correction log is malformed, tampered with, or does not match the files it names."""
