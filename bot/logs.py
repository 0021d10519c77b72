"""Where log records go: plain lines on stderr (the default), or with LOG_FORMAT=json one JSON object a line, for a
log collector to index.

A JSON line carries the record's own time (ISO 8601, UTC), level, logger and message, every field a call passed in
`extra=` (such as `account`), and the traceback as `exception` when there is one. Those five names are the record's:
an `extra=` field of the same name is kept as `extra_<name>` instead, so a collector can trust them.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

TEXT_FORMAT = "%(levelname)s %(name)s: %(message)s"
# Loggers whose INFO lines are shown without --verbose: what an operator watching a long first sync needs, where
# the service listens, and readiness, a loop of the service or the LLM coming back after its warning.
ALWAYS_INFO = ("bot.progress", "bot.service", "bot.health", "bot.loops", "bot.suggest.llm")
# The attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime", "taskName"}
RESERVED = ("time", "level", "logger", "message", "exception")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update((f"extra_{key}" if key in RESERVED else key, value)
                    for key, value in record.__dict__.items() if key not in _STANDARD)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(log_format: str, *, verbose: bool = False) -> None:
    """Log to stderr in `log_format` ("text" or "json"); INFO and up with `verbose`, else WARNING and up. Like
    `logging.basicConfig`, it leaves a root logger that already has handlers (an embedding program's) alone."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    for name in ALWAYS_INFO:
        logging.getLogger(name).setLevel(logging.INFO)
