"""The review TUI (`cleaner review`): a Textual app over `cleaner.review.ReviewSession`.

Laid out like toolong: `app.py` (the App), `screens.py` (main screen and modal dialogs),
`widgets.py` (the virtual proposal list, the detail view, the counters), `alignment.py`
(pure character alignment for the diff view) and `workspace.py` (opening a review,
autosaving decisions to the log, saving the output).
"""
