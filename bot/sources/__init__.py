"""Platform sources. `build_source` turns an account's config into the Source for its platform; `options_of` gives
the keys a platform's source reads, as its module declares them (`OPTIONS`)."""

from __future__ import annotations

from importlib import import_module

from bot.config import AccountConfig, ConfigError
from bot.config_keys import Option
from bot.sources.base import AuthError, CommentRecord, Page, RateLimited, Source, SourceError, TemporaryError

# platform -> "module:class", in the order messages and the reference list them; modules are imported only when an
# account uses them.
REGISTRY = {
    "wordpress": "bot.sources.wordpress:WordPressSource",
    "mastodon": "bot.sources.mastodon:MastodonSource",
    "bluesky": "bot.sources.bluesky:BlueskySource",
    "youtube": "bot.sources.youtube:YouTubeSource",
    "facebook": "bot.sources.facebook:FacebookSource",
    "instagram": "bot.sources.instagram:InstagramSource",
    "threads": "bot.sources.threads:ThreadsSource",
    "linkedin": "bot.sources.linkedin:LinkedInSource",
    "reddit": "bot.sources.reddit:RedditSource",
    "replay": "bot.sources.replay:ReplaySource",
}
PLATFORMS = tuple(REGISTRY)

__all__ = [
    "AuthError",
    "CommentRecord",
    "Page",
    "RateLimited",
    "Source",
    "SourceError",
    "TemporaryError",
    "build_source",
    "options_of",
]


def build_source(account: AccountConfig) -> Source:
    """Raises ConfigError naming the key when the account's platform settings are incomplete."""
    target = REGISTRY.get(account.platform)
    if target is None:
        raise ConfigError(f"{account.where('platform')}: platform {account.platform!r} is not supported yet")
    module_name, class_name = target.split(":")
    return getattr(import_module(module_name), class_name)(account)


def options_of(platform: str) -> tuple[Option, ...]:
    """The keys the platform's source reads, declared in its module; any other key of its accounts is a typo."""
    return import_module(REGISTRY[platform].partition(":")[0]).OPTIONS
