"""Platform sources. `build_source` turns an account's config into the Source for its platform."""

from __future__ import annotations

from importlib import import_module

from bot.config import AccountConfig, ConfigError
from bot.sources.base import AuthError, CommentRecord, Page, RateLimited, Source, SourceError, TemporaryError

# platform -> "module:class"; modules are imported only when an account uses them.
REGISTRY = {
    "reddit": "bot.sources.reddit:RedditSource",
    "youtube": "bot.sources.youtube:YouTubeSource",
    "replay": "bot.sources.replay:ReplaySource",
    "mastodon": "bot.sources.mastodon:MastodonSource",
    "bluesky": "bot.sources.bluesky:BlueskySource",
    "wordpress": "bot.sources.wordpress:WordPressSource",
    "facebook": "bot.sources.facebook:FacebookSource",
    "instagram": "bot.sources.instagram:InstagramSource",
    "threads": "bot.sources.threads:ThreadsSource",
    "linkedin": "bot.sources.linkedin:LinkedInSource",
}

__all__ = [
    "AuthError",
    "CommentRecord",
    "Page",
    "RateLimited",
    "Source",
    "SourceError",
    "TemporaryError",
    "build_source",
]


def build_source(account: AccountConfig) -> Source:
    """Raises ConfigError naming the key when the account's platform settings are incomplete."""
    target = REGISTRY.get(account.platform)
    if target is None:
        raise ConfigError(f"{account.where('platform')}: platform {account.platform!r} is not supported yet")
    module_name, class_name = target.split(":")
    return getattr(import_module(module_name), class_name)(account)
