from sqlalchemy import text


def test_fresh_database_is_migrated(session_factory):
    with session_factory() as session:
        assert session.execute(text("SELECT count(*) FROM comments")).scalar_one() == 0
