"""Reply Nudge: nudges a social media team in Slack when an engaged commenter has gone unanswered."""

__version__ = "0.1.0"
