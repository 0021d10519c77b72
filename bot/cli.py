"""The `replynudge` console script (also `python -m bot`)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path
from typing import Sequence

from bot import __version__
from bot.config import ConfigError, Settings, format_duration, parse_duration, process_environment, read_log_format
from bot.config_file import load_settings
from sqlalchemy.exc import SQLAlchemyError

from bot.db import check_connection, make_engine, session_factory, sqlite_file_missing, upgrade
from bot.db.copy import FROM, copy_database
from bot.db.models import utcnow
from bot.db.queries import (UnansweredResult, comments_after, known_names, newest_comment_id, polling_states,
                             unanswered)
from bot.db.stats import team_stats
from bot.engine import trail
from bot.engine.hours import business_waits_of
from bot.engine.poller import sync_accounts
from bot.engine.schedule import PAUSED
from bot.logs import configure_logging
from bot.progress import LogProgress, TerminalProgress, summary
from bot.setup.questions import Questions
from bot.setup.slack_check import slack_status
from bot.setup.wizard import OPTION_KEYS, PLATFORM_KEYS, SETUP_PLATFORMS, flag as setup_flag, run_init
from bot.service import open_database, poll_cycle, make_notifier, run_service
from bot.sources import PLATFORMS, build_source
from bot.slack.preview import builder_url, nudge_payload
from bot.slack.terminal import printable
from bot.sources.base import HELD_QUEUE, headroom
from bot.engine.comment_text import read_comment
from bot.suggest import NO_SUGGESTION, llm_provider, suggest_for, suggestions
from bot.engine.situation import read_situation
from bot.suggest.voice import Voice, brand_voice


SEVERAL_SECRETS = [platform for platform in SETUP_PLATFORMS
                   if sum(key.endswith("_env") for key in PLATFORM_KEYS[platform]) > 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        configure_logging(read_log_format(process_environment()), verbose=args.verbose)
        return args.handler(args)
    except ConfigError as error:
        print(f"replynudge: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="replynudge",
        description="Nudges your team in Slack when someone engaged with your brand has gone unanswered.",
    )
    parser.add_argument("--version", action="version", version=f"replynudge {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    demo = commands.add_parser("demo", help="run the whole pipeline on a bundled replay, nudges in the terminal")
    demo.set_defaults(handler=cmd_demo)

    run = commands.add_parser("run", help="the service: Slack app plus the polling loop, until SIGTERM")
    run.add_argument("--http", action="store_true", help="serve HTTP even when SLACK_APP_TOKEN is set")
    run.add_argument("--port", type=int, help="HTTP port (default $PORT or 3000)")
    run.set_defaults(handler=cmd_run)

    poll = commands.add_parser("poll", help="fetch new comments of every account and post the nudges that are due")
    poll.add_argument("--once", action="store_true", required=True, help="one cycle, then exit")
    poll.set_defaults(handler=cmd_poll)

    listing = commands.add_parser("unanswered", help="what /unanswered shows, in the terminal")
    listing.add_argument("--account", help="only this account")
    listing.add_argument("--platform", choices=PLATFORMS, metavar="PLATFORM", help="only this platform")
    listing.add_argument("--older-than", type=_duration, metavar="DURATION", help="e.g. 2h, 1d")
    listing.add_argument("--limit", type=_positive, help="at most N comments")
    listing.add_argument("--json", action="store_true", help="a JSON array, oldest first")
    listing.add_argument("--all", action="store_true", help="also comments that do not deserve a nudge")
    listing.set_defaults(handler=cmd_unanswered)

    suggest = commands.add_parser("suggest", help="the follow-up questions a comment would get, to try them out")
    suggest.add_argument("text", help="the comment, in quotes")
    suggest.add_argument("--account", help="in this account's voice: its [[questions]], voice and past replies")
    suggest.add_argument("--author", help="the commenter's display name (e.g. \"Priya Patel\")")
    suggest.add_argument("--json", action="store_true", help="a JSON object with each question's source")
    suggest.set_defaults(handler=cmd_suggest)

    export = commands.add_parser("export", help="the team's stats (what /nudge stats shows) as CSV or JSON")
    export.add_argument("--since", type=_duration, default=timedelta(days=30), metavar="DURATION",
                        help="the window, back from now (default 30d)")
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="csv: metric,scope,value rows")
    export.add_argument("--account", action="append", help="only this account (repeatable)")
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    export.add_argument("--audit", action="store_true",
                        help="the audit trail instead: every reply and triage action from Slack since --since")
    export.set_defaults(handler=cmd_export)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    db_upgrade = db_commands.add_parser("upgrade", help="apply the migrations")
    db_upgrade.set_defaults(handler=cmd_db_upgrade)
    db_copy = db_commands.add_parser("copy", help="copy every row of another database into DATABASE_URL (empty)")
    db_copy.add_argument("--from", dest="source", required=True, metavar="URL",
                         help="the database to copy, e.g. sqlite:///replynudge.db")
    db_copy.set_defaults(handler=cmd_db_copy)

    check = commands.add_parser("check", help="validate the config and every account's credentials")
    check.set_defaults(handler=cmd_check)

    preview = commands.add_parser("preview", help="a link that opens a nudge in Slack's Block Kit Builder")
    preview.add_argument("--comment", type=_positive, metavar="ID",
                         help="this comment (an id from replynudge unanswered); default: the oldest waiting")
    preview.add_argument("--json", action="store_true", help='print {"blocks": …} instead of the link')
    preview.set_defaults(handler=cmd_preview)

    init = commands.add_parser("init", help="set up an account and its Slack channel: writes replynudge.toml and .env",
                               description="Asks for what the platform needs, checks the credentials with the call "
                               "`check` makes, and adds the account; with --yes the flags are the answers. A "
                               "platform's keys are flags (the platforms that have each are listed after it).")
    init.add_argument("--platform", choices=SETUP_PLATFORMS, metavar="PLATFORM", help=", ".join(SETUP_PLATFORMS))
    init.add_argument("--name", help="the account's name (default: the platform's)")
    for key in OPTION_KEYS:
        init.add_argument(setup_flag(key), dest=key, metavar="VARIABLE" if key.endswith("_env") else "VALUE",
                          help=", ".join(platform for platform in SETUP_PLATFORMS if key in PLATFORM_KEYS[platform]))
    init.add_argument("--secret-env", metavar="VARIABLE",
                      help="the environment variable holding the platform's secret (e.g. WP_APP_PASSWORD); with "
                           f"several secrets ({', '.join(SEVERAL_SECRETS)}), name each with its own flag above")
    init.add_argument("--nudge-after", metavar="DURATION",
                      help="how long a comment may wait before its nudge (default 1h, or [defaults]' value)")
    init.add_argument("--channel", help="the Slack channel id for the nudges (C…)")
    init.add_argument("--yes", "-y", action="store_true", help="ask nothing: the flags and the environment are the answers")
    init.add_argument("--force", action="store_true", help="replace an account or a .env variable that exists")
    init.add_argument("--no-check", action="store_true", help="call neither the platform nor Slack to check the credentials")
    init.set_defaults(handler=cmd_init)
    return parser


def _duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def _with_accounts(settings: Settings) -> Settings:
    """A config file without accounts polls nothing, silently: said instead."""
    if not settings.accounts:
        raise ConfigError(f"{settings.config_path}: no [[accounts]] (replynudge init adds one)")
    return settings


def cmd_poll(args) -> int:
    settings = _with_accounts(load_settings())
    for account in settings.accounts:  # every account's settings are checked before anything is fetched
        build_source(account)
    factory = open_database(settings)
    with factory.begin() as session:
        sync_accounts(session, settings.accounts)  # the demo's accounts go first: SQLite gives their ids out again
        newest = newest_comment_id(session)
    watcher = TerminalProgress(sys.stderr) if sys.stderr.isatty() else LogProgress()
    outcomes = poll_cycle(settings, factory, make_notifier(settings), watchers=[watcher])
    with factory() as session:
        new = comments_after(session, newest)
    print(summary(outcomes, new), file=sys.stderr)
    return 0 if all(outcome.ok for outcome in outcomes) else 1


def cmd_run(args) -> int:
    settings = load_settings()
    return run_service(settings, force_http=args.http, port=args.port)


def cmd_db_upgrade(args) -> int:
    settings = load_settings(require_config=False)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    print(f"database {engine.url.render_as_string(hide_password=True)} is up to date")
    return 0


def cmd_db_copy(args) -> int:
    settings = load_settings(require_config=False)
    source, target = make_engine(args.source, FROM), make_engine(settings.database_url)
    if source.url == target.url:
        raise ConfigError(f"{FROM}: the same database as DATABASE_URL")
    counts = copy_database(source, target)
    copied = ", ".join(f"{count} {table}" for table, count in counts.items())
    print(f"copied {copied} into {target.url.render_as_string(hide_password=True)}")
    return 0


def cmd_unanswered(args) -> int:
    settings = load_settings(require_config=False)
    factory = open_database(settings)
    configured = {account.name: account for account in settings.accounts}
    _known_accounts(factory, settings, [args.account] if args.account else [])
    now = utcnow()
    with factory() as session:
        result = unanswered(
            session,
            now=now,
            account=args.account,
            platform=args.platform,
            accounts=settings.current_accounts(),
            older_than=args.older_than,
            limit=args.limit,
            include_all=args.all,
            business_waits=business_waits_of(settings.accounts),
        )
    if args.json:
        items = []
        for item in result.items:
            data = item.as_json()
            data["suggestions"] = list(item.suggestions or suggest_for(factory, item, configured.get(item.account)))
            items.append(data)
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        print(render_unanswered(result))
    return 0


def cmd_suggest(args) -> int:
    """Questions for a comment typed on the command line: in an account's voice with --account (its config, and its
    answered conversations when the database has them), from the LLM when LLM_BASE_URL is set."""
    settings = load_settings(require_config=False)
    comment = read_comment(args.text)
    voice = Voice()
    if args.account:
        config = next((account for account in settings.accounts if account.name == args.account), None)
        if config is None and settings.accounts:
            raise ConfigError(f"--account: {args.account!r} is not an account in {settings.config_path}")
        if missing := sqlite_file_missing(settings.database_url):  # read only: no database is created
            print(f"replynudge: no database at {missing} yet, so no past replies of {args.account} to draw on "
                  "(replynudge poll --once stores them)", file=sys.stderr)
        with nullcontext() if missing else open_database(settings)() as session:
            voice = brand_voice(session, args.account, config, comment, args.author)
    chosen = suggestions(args.text, author=args.author, llm=llm_provider(settings), voice=voice)
    if args.json:
        print(json.dumps({
            "language": comment.language.code,
            "situation": read_situation(comment).situation,
            "suggestions": [{"text": s.text, "source": s.source} for s in chosen],
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{comment.language.name}, {read_situation(comment).situation}:")
    for number, suggestion in enumerate(chosen, 1):
        print(f"{number}. {suggestion.text}  ({suggestion.source})")
    if not chosen:
        print(NO_SUGGESTION)
    return 0


def cmd_export(args) -> int:
    settings = load_settings(require_config=False)
    factory = open_database(settings)
    _known_accounts(factory, settings, args.account or [])
    now = utcnow()
    if args.audit:
        with factory() as session:
            rows = [(entry.at.isoformat(), entry.actor, entry.action, entry.account, entry.comment_id, entry.detail)
                    for entry in trail.entries(session, now - args.since)
                    if not args.account or entry.account in args.account]
        header = ("at", "actor", "action", "account", "comment_id", "detail")
        text, what = _table(header, rows, args.format), f"{len(rows)} audit entries"
    else:
        with factory() as session:
            chosen = settings.current_accounts()
            if args.account:
                chosen = [name for name in args.account if chosen is None or name in chosen]
            stats = team_stats(session, since=now - args.since, until=now, accounts=chosen,
                               business_waits=business_waits_of(settings.accounts))
        if args.format == "json":
            text = json.dumps(stats.as_json(), indent=2) + "\n"
        else:
            text = _table(("metric", "scope", "value"), stats.rows(), "csv")
        what = f"{stats.received} comments' figures"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"--output {args.output}: cannot write: {error.strerror}") from None
    print(f"wrote {what} to {args.output}", file=sys.stderr)
    return 0


def _known_accounts(factory, settings, wanted: Sequence[str]) -> None:
    """An --account that names no account is a typo, never an empty answer (as /unanswered answers with its usage)."""
    if not wanted:
        return
    with factory() as session:
        names = known_names(session)[0] | {account.name for account in settings.accounts}
    for name in wanted:
        if name not in names:
            raise ConfigError(f"--account: {name!r} is not an account (known: {', '.join(sorted(names)) or 'none'})")


def _table(header: Sequence[str], rows, format: str) -> str:
    """Rows as CSV, or as a JSON array of objects. A CSV cell that a spreadsheet would run as a formula (it starts
    with =, +, -, @, a tab or a carriage return: a commenter's text or name can) is prefixed with an apostrophe."""
    if format == "json":
        return json.dumps([dict(zip(header, row)) for row in rows], indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render_unanswered(result: UnansweredResult) -> str:
    if not result.items:
        return "Nobody is waiting for an answer. 🎉" if result.total == 0 else f"{result.total} waiting (none shown)."
    waits = [item.waited() for item in result.items]
    width = max(8, *map(len, waits))  # business-hours waits are longer: "9h of business hours (2d 16h in all)"
    lines = [f"{'ID':>6}  {'WAITING':<{width}} {'ACCOUNT':<16} {'AUTHOR':<18} {'SCORE':>5}  COMMENT"]
    for item, waited in zip(result.items, waits):
        text = " ".join(item.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        lines.append(
            f"{item.id:>6}  {waited:<{width}} {item.account[:16]:<16} {item.author[:18]:<18} {item.score or 0:>5}  {text}"
        )
    shown = len(result.items)
    if result.total > shown:
        lines.append(f"{shown} of {result.total} shown, oldest first; use --limit or filters to see the rest.")
    else:
        lines.append(f"{result.total} waiting, oldest first.")
    return printable("\n".join(lines))


def cmd_check(args) -> int:
    """One cheap authenticated call per account, then a table of how each account's polling stands."""
    settings = _with_accounts(load_settings())
    engine = make_engine(settings.database_url)
    try:
        check_connection(engine)
        database = "ok"
    except ConfigError as error:
        database = str(error)
    failed = database != "ok"
    states = {} if failed else _polling_states(engine)
    now = utcnow()
    rows = [("ACCOUNT", "PLATFORM", "HEADROOM", "LAST POLL", "NEXT POLL", "COMPLETE", "CHECK"),
            ("(database)", engine.dialect.name, "", "", "", "", database)]
    for account in settings.accounts:
        state = states.get(account.name)
        source = None
        try:
            source = build_source(account)
            status = "ok: " + source.check()
        except ConfigError:
            raise
        except Exception as error:
            status, failed = f"FAILED: {error}", True
        if failing := _failing(state, account.alert_after, now):
            status, failed = f"FAILED: {failing}; {status}", True
        rows.append((account.name, account.platform, _headroom_of(source, state), _last_poll(state, now),
                     _next_poll(state, now), _completeness(state), status))
    mode, status, slack_failed = slack_status(settings)
    failed = failed or slack_failed
    rows.append(("(slack)", mode, "", "", "", "", status))
    if llm := llm_provider(settings):
        status = llm.check()
        failed = failed or not status.startswith("ok")
        rows.append(("(llm)", settings.llm.model, "", "", "", "", status))
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 1 if failed else 0


def _headroom_of(source, state) -> str:
    """The rate-limit headroom the check's answer reported, or a daily quota's use as the last poll stored it."""
    if source is None:
        return "-"
    if hasattr(source, "usage"):
        return source.usage(state.cursor if state else None)
    reported = headroom(source)
    return reported.describe() if reported else "-"


def _last_poll(state, now) -> str:
    if state is None or state.polled_at is None:
        return "never"
    when = f"{format_duration(now - state.polled_at)} ago"
    return f"{when}, {state.error_kind}" if state.error_kind else f"{when}, ok"


def _failing(state, alert_after: timedelta, now) -> str | None:
    """Polls failing longer than alert_after: the reason and the last success."""
    if state is None or state.failing_since is None or state.failing_since + alert_after > now:
        return None
    last = f"{state.succeeded_at:%Y-%m-%d %H:%M} UTC" if state.succeeded_at else "never"
    return (f"polls failing for {format_duration(now - state.failing_since)} ({state.error_kind}: {state.error}), "
            f"last success {last}")


def _completeness(state) -> str:
    """The completeness audit: since when every count matched the store, or the open gap."""
    if state is None or state.audited_at is None:
        return "-"
    if state.gaps:
        gap = state.gaps[0]
        more = f" (+{len(state.gaps) - 1} more)" if len(state.gaps) > 1 else ""
        if gap.post_external_id == HELD_QUEUE:
            return f"gap: the moderation queue is longer than a poll reads{more}"
        where = f"post {gap.post_external_id}" if gap.post_external_id else "account"
        return f"gap: {where} counts {gap.counted}, {gap.stored} stored{more}"
    if state.complete_at is None:
        return "-"
    return f"complete as of {state.complete_at:%Y-%m-%d %H:%M} UTC"


def _next_poll(state, now) -> str:
    if state is None:
        return "due"
    paused = state.paused_until if state.paused_until and state.paused_until > now else None
    due = max(filter(None, (state.next_poll_at, paused)), default=None)
    if due is None or due <= now:
        return "due"
    reason = state.next_poll_reason if due == state.next_poll_at else PAUSED
    return f"in {format_duration(due - now)}" + (f" ({reason})" if reason else "")


def _polling_states(engine) -> dict:
    try:
        with session_factory(engine)() as session:
            return polling_states(session)
    except SQLAlchemyError:  # not migrated yet: nothing was polled
        return {}


def cmd_preview(args) -> int:
    settings = load_settings(require_config=False)
    try:
        payload = nudge_payload(settings, open_database(settings), args.comment)
    except LookupError as nobody:
        print(f"replynudge: {nobody}", file=sys.stderr)
        return 1
    print(json.dumps(payload, ensure_ascii=False, indent=2) if args.json else builder_url(payload))
    return 0


def cmd_init(args) -> int:
    questions = Questions(interactive=not args.yes)
    try:
        return run_init(args, questions)
    except (EOFError, KeyboardInterrupt):
        print("\nreplynudge: init: stopped before the end; nothing written", file=sys.stderr)
        return 130


def cmd_demo(args) -> int:
    from bot.demo import run_demo

    return run_demo(load_settings(require_config=False))
