"""Real-browser tests: a real `mockloop serve` on a free loopback port, driven by headless Chromium."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(os.environ.get("MOCKLOOP_E2E_ARTIFACTS", ROOT / "e2e-artifacts"))
BIN = os.environ.get("MOCKLOOP_BIN", str(ROOT / ".build" / "debug" / "mockloop"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `mockloop serve` with its own data directory (or its own PostgreSQL database)."""

    def __init__(self, database_url=None, accounts=False, env=None, data_dir=None, port=None):
        """`data_dir` and `port`: start again on what an earlier server left (a restart)."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="mockloop-e2e-")
        extra = env or {}
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        if accounts:  # several people: a cheap hash for speed, and a sign-in limit no test reaches by accident
            env.update(MOCKLOOP_ACCOUNTS="on", MOCKLOOP_BCRYPT_COST="4", MOCKLOOP_SIGNIN_LIMIT="1000")
        env.update(extra)
        self.log = open(os.path.join(self.data_dir, "server.log"), "a")
        self.proc = subprocess.Popen(
            [BIN, "serve", "--port", str(self.port), "--data-dir", self.data_dir],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 60
        while True:  # readiness: poll /healthz until it answers, fail if the process dies
            if self.proc.poll() is not None:
                raise RuntimeError(f"mockloop serve exited: {open(self.log.name).read()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if json.load(r)["status"] == "ok":
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return r.read().decode("utf-8")

    def kill(self):
        """Dies at once, as in a crash: nothing is finished or flushed."""
        self.proc.kill()
        self.proc.wait(timeout=20)
        self.log.close()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class Account:
    """A user of an instance run with accounts, over plain HTTP: signed up through the form, with
    the sign-in cookie kept in its own cookie jar."""

    def __init__(self, server, email, name, password="violet harbour kite 42"):
        import http.cookiejar
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(server.url + "/sign-up", timeout=10).read().decode()
        token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        form = urllib.parse.urlencode({"csrf": token, "email": email, "name": name, "password": password}).encode()
        self.opener.open(server.url + "/sign-up", data=form, timeout=10)
        assert any(c.name == "mockloop_signin" for c in self.jar), "sign-up did not sign in"

    def api(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.server.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
        with self.opener.open(req, timeout=10) as r:
            return json.loads(r.read().decode() or "null")

    def token(self, scope="read-write"):
        return self.api("POST", "/api/v1/account/tokens", {"name": "fuzzer", "scope": scope, "days": 7})["token"]


def postgres_database():
    """A fresh database on the test PostgreSQL server, or None when there is none."""
    admin = os.environ.get("MOCKLOOP_TEST_POSTGRES_URL")
    if not admin:
        return None
    name = "mockloop_e2e_" + uuid.uuid4().hex[:12]
    # The password goes to psql in its environment, not on its command line (where ps shows it).
    parts = urllib.parse.urlsplit(admin)
    psql_url, env = admin, dict(os.environ)
    if parts.password is not None:
        env["PGPASSWORD"] = urllib.parse.unquote(parts.password)
        userinfo, host = parts.netloc.rsplit("@", 1)
        psql_url = urllib.parse.urlunsplit(parts._replace(netloc=userinfo.split(":", 1)[0] + "@" + host))
    subprocess.run(["psql", "-X", psql_url, "-qc", f"CREATE DATABASE {name}"], check=True, env=env)
    return admin.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite"] + (["postgres"] if os.environ.get("MOCKLOOP_TEST_POSTGRES_URL") else []))
def server(request):
    s = Server(postgres_database() if request.param == "postgres" else None)
    yield s
    s.stop()


@pytest.fixture
def make_server():
    made = []

    def make(**kwargs):
        s = Server(**kwargs)
        made.append(s)
        return s
    yield make
    for s in made:
        s.stop()


def _driver(extra_args=()):
    options = Options()
    for arg in extra_args:
        options.add_argument(arg)
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--window-size=1280,800")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    download_dir = tempfile.mkdtemp(prefix="mockloop-dl-")
    options.add_experimental_option("prefs", {"download.default_directory": download_dir})
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.download_dir = download_dir
    return driver


def _close(request, driver, suffix=""):
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        out = ARTIFACTS / "failures"
        out.mkdir(parents=True, exist_ok=True)
        name = request.node.name.replace("/", "_") + suffix
        driver.save_screenshot(str(out / f"{name}.png"))
        (out / f"{name}.html").write_text(driver.page_source)
        print(f"\nE2E failure artifacts: {out}/{name}.png and .html")
    driver.quit()
    shutil.rmtree(driver.download_dir, ignore_errors=True)


@pytest.fixture
def browser(request):
    driver = _driver()
    yield driver
    _close(request, driver)


@pytest.fixture
def other_browser(request):
    """A second, separate browser (its own profile and cookies): another person."""
    driver = _driver()
    yield driver
    _close(request, driver, "-other")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)
