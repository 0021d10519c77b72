"""The replay source reads a JSON Lines file as a platform's pages would come."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from bot.sources.replay import ReplaySource
from tests.support.records import account_config


def test_a_file_saved_with_a_byte_order_mark_is_read_from_its_first_line(tmp_path):
    path = tmp_path / "history.jsonl"
    lines = [
        {"id": "c1", "post": "p1", "author": "Ana", "text": "Is it back in stock?", "created_at": "2026-11-04T18:07:24Z"},
        {"id": "c2", "post": "p1", "author": "Acme", "text": "Yes, since Monday!", "brand": True, "parent": "c1",
         "created_at": "2026-11-04T18:09:00+01:00"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8-sig")

    pages = list(ReplaySource(account_config(options={"path": str(path)})).fetch(None))

    records = [record for page in pages for record in page.records]
    assert [(r.external_id, r.author_name, r.is_brand, r.parent_id) for r in records] == [
        ("c1", "Ana", False, None), ("c2", "Acme", True, "c1"),
    ]
    assert [r.created_at for r in records] == [
        datetime(2026, 11, 4, 18, 7, 24, tzinfo=timezone.utc), datetime(2026, 11, 4, 17, 9, tzinfo=timezone.utc),
    ]
    assert pages[-1].cursor == {"offset": path.stat().st_size, "line": 2}
