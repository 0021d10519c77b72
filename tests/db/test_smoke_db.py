from sqlalchemy import text


def test_fresh_database_is_migrated(session_factory):
    with session_factory() as session:
        assert session.execute(text("SELECT count(*) FROM comments")).scalar_one() == 0


def test_times_are_stored_as_utc_and_read_back_aware(session_factory):
    from datetime import datetime, timedelta, timezone

    import pytest
    from sqlalchemy import select
    from sqlalchemy.exc import StatementError

    from bot.db.models import Account

    paris_noon = datetime(2026, 7, 1, 12, 0, 0, 5, tzinfo=timezone(timedelta(hours=2)))
    with session_factory.begin() as session:
        session.add_all([Account(name="a", platform="replay", created_at=paris_noon),
                         Account(name="b", platform="replay", created_at=datetime(2026, 7, 1, 10, tzinfo=timezone.utc))])
    with session_factory() as session:
        times = session.scalars(select(Account.created_at).order_by(Account.name)).all()
        stored = session.scalars(select(text("CAST(created_at AS TEXT)")).select_from(Account).order_by(Account.name))
        if session.get_bind().dialect.name == "sqlite":  # naive UTC text, as SQLAlchemy's DATETIME writes it
            assert stored.all() == ["2026-07-01 10:00:00.000005", "2026-07-01 10:00:00.000000"]
    assert times == [datetime(2026, 7, 1, 10, 0, 0, 5, tzinfo=timezone.utc), datetime(2026, 7, 1, 10, tzinfo=timezone.utc)]
    assert all(moment.tzinfo == timezone.utc for moment in times)
    with pytest.raises(StatementError, match="naive datetime"), session_factory.begin() as session:
        session.add(Account(name="c", platform="replay", created_at=datetime(2026, 7, 1, 12)))
