"""A real WordPress (Debian's package, php -S, MariaDB): visitors comment through wp-comments-post.php, the brand
replies through the REST API and through reply(), and the connector keeps reply state right against it."""

from __future__ import annotations

import pytest

from bot.config_file import parse_accounts
from bot.engine.ingest import ingest
from bot.sources.base import Page
from tests.support.connectors import comments, poll, stored_cursor
from tests.support.real_wordpress import BRAND_USER, RealWordPress
from tests.support.records import reply_state

# WordPress dates its comments by PHP's clock, which tests/timeshift cannot move: this runs at today's date only.
pytestmark = pytest.mark.real_clock


@pytest.fixture
def real_wordpress(tmp_path):
    site = RealWordPress.start(tmp_path)
    yield site
    site.stop()


def account(site: RealWordPress, name: str = "blog"):
    entry = {"name": name, "platform": "wordpress", "url": site.url, "username": BRAND_USER,
             "app_password_env": "WP_APP_PASSWORD"}
    return parse_accounts({"accounts": [entry]}, "replynudge.toml", {"WP_APP_PASSWORD": site.app_password})[0]


@pytest.mark.slow
def test_a_real_wordpress_end_to_end(session_factory, real_wordpress):
    site = real_wordpress
    question = site.visitor_comment("Priya", "Which grind for a moka pot?\nAnd how fine & why?")
    praise = site.visitor_comment("Tom", "Love this <b>post</b>")
    rude = site.visitor_comment("Sam", "Rude words")
    outcome, account_id, source = poll(session_factory, account(site))
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert stored[str(question)].text == "Which grind for a moka pot?\nAnd how fine & why?"
    assert stored[str(praise)].text == "Love this post"
    assert "?rest_route=" in stored_cursor(session_factory, account_id)["api_root"]  # plain permalinks

    answer = site.brand_reply("Fine, like table salt.", parent=question)
    outcome, _, _ = poll(session_factory, account(site), source)
    assert outcome.ok and stored_cursor(session_factory, account_id)["after_id"] == answer
    assert comments(session_factory, account_id)[str(answer)].is_brand
    assert reply_state(session_factory, account_id)[str(question)] == str(answer)

    back = site.visitor_comment("Priya", "Thanks! Finer for espresso?", parent=answer)
    poll(session_factory, account(site), source)
    assert reply_state(session_factory, account_id)[str(back)] is None  # the user's new turn waits

    record = next(r for page in source.fetch(None) for r in page.records if r.external_id == str(back))
    posted = source.reply(record, "Yes, a little finer.")
    assert posted.is_brand and posted.parent_id == str(back) and posted.author_handle == BRAND_USER
    with session_factory.begin() as session:
        ingest(session, account_id, Page([posted], None))
    outcome, _, _ = poll(session_factory, account(site), source)
    assert outcome.ok and reply_state(session_factory, account_id)[str(back)] == posted.external_id

    site.php(f"""
        wp_update_comment(['comment_ID' => {praise}, 'comment_content' => 'Love this post, edited']);
        wp_trash_comment({rude});
    """)
    outcome, _, _ = poll(session_factory, account(site), source)
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert stored[str(praise)].text == "Love this post, edited" and stored[str(rude)].deleted
    assert stored[str(rude)].text == "Rude words"

    site.php("update_option('permalink_structure', '/%postname%/'); flush_rewrite_rules();")
    outcome, pretty_id, _ = poll(session_factory, account(site, "blog-pretty"))
    assert outcome.ok, outcome.describe()
    assert stored_cursor(session_factory, pretty_id)["api_root"] == f"{site.url}/wp-json/"
    assert str(posted.external_id) in comments(session_factory, pretty_id)
    assert reply_state(session_factory, pretty_id)[str(back)] == posted.external_id


@pytest.mark.slow
def test_comments_approved_late_all_reach_the_store(session_factory, real_wordpress):
    # 105 comments that appear with dates an hour back (a burst, an import, a slow queue), 11 of them held for
    # approval as WordPress holds a first-time commenter's comment. They are approved after the watermark and
    # the 100-newest recheck window have moved past them.
    site = real_wordpress
    created = site.php(f"""
        wp_delete_comment(1, true);  // the sample comment wp_install() writes
        $ids = [];
        for ($n = 0; $n < 105; $n++) {{
            $ids[] = wp_insert_comment([
                'comment_post_ID' => {site.post_id}, 'comment_author' => "Reader $n",
                'comment_author_email' => "reader$n@example.org", 'comment_content' => "Question $n?",
                'comment_date_gmt' => gmdate('Y-m-d H:i:s', time() - 3600 + $n),
                'comment_date' => get_date_from_gmt(gmdate('Y-m-d H:i:s', time() - 3600 + $n)),
                'comment_approved' => $n < 11 ? 0 : 1,
            ]);
        }}
        echo json_encode($ids);
    """)
    held = [str(n) for n in created[:11]]
    outcome, account_id, source = poll(session_factory, account(site))
    assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(stored) == {str(n) for n in created}
    assert sorted(key for key, row in stored.items() if row.held) == sorted(held)  # shown as held, not lost

    site.php(f"foreach ({created[:10]} as $id) wp_set_comment_status($id, 'approve'); wp_spam_comment({created[10]});")
    for _ in range(2):  # the held ones behind the recheck window by id, and the recheck: they take turns
        outcome, _, _ = poll(session_factory, account(site), source)
        assert outcome.ok, outcome.describe()
    stored = comments(session_factory, account_id)
    assert set(stored) == {str(n) for n in created}
    assert not any(row.held for row in stored.values())
    assert [key for key, row in stored.items() if row.deleted] == [held[10]]
