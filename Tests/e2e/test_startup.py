"""Several `mockloop serve` started at the same moment on one empty PostgreSQL database all come up,
with the schema migrated once and one local owner; a database that cannot be used is a start-up
error that says what failed in the server's words, without the password."""
import os
import subprocess
import threading
import urllib.parse

import pytest

from conftest import BIN, Server, free_port, postgres_database

pytestmark = pytest.mark.skipif(not os.environ.get("MOCKLOOP_TEST_POSTGRES_URL"), reason="needs the test PostgreSQL")


def psql(url, sql):
    parts = urllib.parse.urlsplit(url)
    env = dict(os.environ)
    if parts.password is not None:
        env["PGPASSWORD"] = urllib.parse.unquote(parts.password)
        userinfo, host = parts.netloc.rsplit("@", 1)
        url = urllib.parse.urlunsplit(parts._replace(netloc=userinfo.split(":", 1)[0] + "@" + host))
    out = subprocess.run(["psql", "-X", "-At", url, "-c", sql], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_three_instances_started_together_on_an_empty_database_all_come_up():
    url = postgres_database()
    servers, errors = [], []
    start = threading.Barrier(3)

    def launch():
        start.wait()  # released together, so the three migrate at the same moment
        try:
            servers.append(Server(database_url=url))
        except Exception as e:  # noqa: BLE001 - reported below with the server's log
            errors.append(str(e))

    threads = [threading.Thread(target=launch) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == [], errors
        assert len(servers) == 3
        for s in servers:
            assert '"status":"ok"' in s.get("/healthz").replace(" ", "")
        assert psql(url, "SELECT count(*) FROM _fluent_migrations") == psql(
            url, "SELECT count(DISTINCT name) FROM _fluent_migrations"), "each migration recorded once"
        assert int(psql(url, "SELECT count(*) FROM _fluent_migrations")) >= 16
        assert psql(url, "SELECT count(*) FROM users WHERE is_owner") == "1", "one local owner"
        assert psql(url, "SELECT count(*) FROM questions WHERE built_in") == psql(
            url, "SELECT count(DISTINCT id) FROM questions WHERE built_in")
    finally:
        for s in servers:
            s.stop()


def test_a_database_that_cannot_be_used_says_what_failed_without_the_password():
    admin = os.environ["MOCKLOOP_TEST_POSTGRES_URL"]
    missing = admin.rsplit("/", 1)[0] + "/mockloop_no_such_database"
    env = dict(os.environ, DATABASE_URL=missing)
    out = subprocess.run([BIN, "serve", "--port", str(free_port())], env=env, capture_output=True, text=True, timeout=60)
    said = out.stdout + out.stderr
    assert out.returncode != 0
    assert 'database "mockloop_no_such_database" does not exist' in said, said
    assert "Generic description" not in said
    password = urllib.parse.urlsplit(admin).password
    assert password and password not in said, "the password is never printed"

    # A migration the database refuses names the migration and the statement.
    url = postgres_database()
    psql(url, "CREATE TABLE users (id integer)")  # in the way of the first migration
    out = subprocess.run([BIN, "migrate"], env=dict(os.environ, DATABASE_URL=url), capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "migrating (migration M001CreateUsers) failed" in out.stderr, out.stderr
    assert 'relation "users" already exists (SQLSTATE 42P07)' in out.stderr and "statement: CREATE TABLE" in out.stderr
    assert password not in out.stderr
