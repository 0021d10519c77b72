"""A real WordPress for tests: Debian's `wordpress` package served by `php -S`, on the machine's MariaDB.

`scripts/install-wordpress-deps` (run by `make test`) installs the packages and starts MariaDB. Each test session
gets its own database and a throwaway document root that copies WordPress's entry scripts and links its code, with
our own wp-config.php (Debian's looks for a config under /etc/wordpress). Setup runs PHP against wp-load.php, since
wp-cli is not packaged: install the site, create a post and an Application Password, change options.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import textwrap
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

WORDPRESS = Path("/usr/share/wordpress")
DB = {"host": "127.0.0.1", "port": 3306, "user": "root", "password": ""}
BRAND_USER = "acme"

WP_CONFIG = """<?php
define('DB_NAME', '{db}');
define('DB_USER', '{user}');
define('DB_PASSWORD', '{password}');
define('DB_HOST', '{host}:{port}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');  // Application Passwords without HTTPS
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""

# Visitors all come from 127.0.0.1 and write faster than people do; nothing is mailed.
MU_PLUGIN = """<?php
add_filter('wp_is_comment_flood', '__return_false', 99);
add_filter('pre_wp_mail', '__return_false');
"""

ROUTER = """<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && file_exists(__DIR__ . $path) && !is_dir(__DIR__ . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
"""

PHP_PRELUDE = """<?php
$_SERVER['HTTP_HOST'] = '{hostport}';
$_SERVER['REQUEST_URI'] = '/';
{defines}
require '{root}/wp-load.php';
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _mysql(statement: str) -> None:
    php = f"$db = mysqli_connect('{DB['host']}', '{DB['user']}', '{DB['password']}', '', {DB['port']}); " \
          f"if (!$db || !mysqli_query($db, {json.dumps(statement)})) {{ fwrite(STDERR, mysqli_connect_error() ?: " \
          f"mysqli_error($db)); exit(1); }}"
    subprocess.run(["php", "-r", php], check=True, capture_output=True, timeout=30)


@dataclass
class RealWordPress:
    root: Path
    url: str
    database: str
    process: subprocess.Popen | None = None
    post_id: int = 0
    app_password: str = ""

    @classmethod
    def start(cls, workdir: Path) -> "RealWordPress":
        missing = [name for name in ("php",) if shutil.which(name) is None] + (
            [] if (WORDPRESS / "wp-load.php").exists() else ["wordpress"]
        )
        if missing:
            raise RuntimeError(f"{', '.join(missing)} missing: run scripts/install-wordpress-deps (make test does)")
        port = _free_port()
        site = cls(root=workdir / "wordpress", url=f"http://127.0.0.1:{port}", database=f"rn_wp_{uuid.uuid4().hex[:12]}")
        site._lay_out_files()
        _mysql(f"CREATE DATABASE `{site.database}` CHARACTER SET utf8mb4")
        setup = site.php("""
            require_once ABSPATH . 'wp-admin/includes/upgrade.php';
            wp_install('Acme Coffee Blog', 'acme', 'brand@example.com', true, '', wp_generate_password(24));
            update_option('timezone_string', 'Europe/Berlin');  // local dates differ from GMT ones
            update_option('comment_previously_approved', 0);
            update_option('comments_notify', 0);
            update_option('moderation_notify', 0);
            update_option('thread_comments_depth', 10);
            $user = get_user_by('login', 'acme');
            wp_update_user(['ID' => $user->ID, 'display_name' => 'Acme Coffee']);
            $post = wp_insert_post(['post_title' => 'Brewing with a moka pot', 'post_content' => 'Grind fine.',
                                    'post_status' => 'publish', 'post_author' => $user->ID, 'comment_status' => 'open']);
            [$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'replynudge']);
            echo json_encode(['post' => $post, 'password' => $password]);
        """, installing=True)
        site.post_id, site.app_password = setup["post"], setup["password"]
        site.process = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{port}", "-t", str(site.root), str(site.root / "router.php")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
            start_new_session=True,  # its workers share the group, so stop() ends them all
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(site.url + "/", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or site.process.poll() is not None:
                    site.stop()
                    raise RuntimeError(f"php -S did not start serving {site.url}") from None
                time.sleep(0.1)
        return site

    def _lay_out_files(self) -> None:
        self.root.mkdir(parents=True)
        for entry in WORDPRESS.iterdir():
            if entry.suffix == ".php" and entry.name != "wp-config.php":
                shutil.copy(entry, self.root / entry.name)  # copied: wp-load.php finds wp-config.php next to itself
            elif entry.name in ("wp-admin", "wp-includes"):
                (self.root / entry.name).symlink_to(entry)
        content = self.root / "wp-content"
        (content / "mu-plugins").mkdir(parents=True)
        (content / "themes").symlink_to(WORDPRESS / "wp-content" / "themes")
        (content / "mu-plugins" / "replynudge-test.php").write_text(MU_PLUGIN)
        (self.root / "router.php").write_text(ROUTER)
        (self.root / "wp-config.php").write_text(WP_CONFIG.format(db=self.database, url=self.url, **DB))

    def php(self, code: str, *, installing: bool = False) -> dict:
        """Runs PHP inside WordPress (wp-load.php) and returns the JSON it echoes."""
        script = self.root / f"script-{uuid.uuid4().hex[:8]}.php"
        defines = "define('WP_INSTALLING', true);" if installing else ""
        script.write_text(
            PHP_PRELUDE.format(hostport=self.url.removeprefix("http://"), root=self.root, defines=defines)
            + textwrap.dedent(code)
        )
        try:
            result = subprocess.run(["php", str(script)], capture_output=True, text=True, timeout=120)
        finally:
            script.unlink()
        if result.returncode != 0:
            raise RuntimeError(f"PHP failed ({result.returncode}): {result.stderr[-2000:]}{result.stdout[-2000:]}")
        output = result.stdout.strip().splitlines()
        return json.loads(output[-1]) if output else {}

    def visitor_comment(self, author: str, text: str, *, parent: int = 0) -> int:
        """Posts a comment the way a visitor's browser does, through wp-comments-post.php."""
        response = requests.post(
            f"{self.url}/wp-comments-post.php",
            data={"comment_post_ID": self.post_id, "author": author, "email": f"{author.lower()}@example.org",
                  "url": "", "comment": text, "comment_parent": parent, "submit": "Post Comment"},
            allow_redirects=False, timeout=30,
        )
        if response.status_code != 302:
            raise RuntimeError(f"wp-comments-post.php answered {response.status_code}: {response.text[:500]}")
        return int(response.headers["Location"].rsplit("#comment-", 1)[1])

    def brand_reply(self, text: str, parent: int) -> int:
        """A reply the brand writes itself, through the REST API with its Application Password."""
        response = requests.post(
            f"{self.url}/?rest_route=/wp/v2/comments", auth=(BRAND_USER, self.app_password),
            json={"post": self.post_id, "parent": parent, "content": text}, timeout=30,
        )
        response.raise_for_status()
        return response.json()["id"]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        _mysql(f"DROP DATABASE IF EXISTS `{self.database}`")
