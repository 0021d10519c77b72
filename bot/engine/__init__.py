"""The engine: ingest pages, derive reply state, score comments, decide which nudges fall due, poll accounts."""
