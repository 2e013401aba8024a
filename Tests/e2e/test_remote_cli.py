"""The CLI against a server: `mockloop login URL` takes a personal access token at a prompt that
does not echo it, checks it and keeps it 0600; then practice, log, report, questions and archive
work on that server's data (what the server's API answers is what the terminal prints), --local
uses this machine's again, a revoked token is a clear error, and logout forgets the server."""
import json
import os
import shutil
import stat
import subprocess
import tempfile

import pexpect
import pytest

from conftest import BIN, Account


@pytest.fixture
def home():
    path = tempfile.mkdtemp(prefix="mockloop-home-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def env(home):
    e = dict(os.environ)
    e.pop("DATABASE_URL", None)
    e.pop("MOCKLOOP_DATA_DIR", None)
    e["HOME"] = home
    e["TERM"] = "xterm"
    return e


def cli(home, *args, stdin=""):
    return subprocess.run([BIN, *args], input=stdin, env=env(home), capture_output=True, text=True, timeout=120)


def test_the_cli_works_against_a_server_after_login(make_server, home):
    server = make_server(accounts=True)
    ann = Account(server, "ann@example.org", "Ann")
    bob = Account(server, "bob@example.org", "Bob")
    bob.api("POST", "/api/v1/sessions", {"type": "coding", "mode": "peer", "interviewer": "Bob's partner"})

    # The token is typed at a prompt that does not echo it, and it is never on the command line.
    token = ann.token()
    c = pexpect.spawn(BIN, ["login", server.url], env=env(home), encoding="utf-8", timeout=60)
    c.expect("Token: ")
    c.sendline(token)
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0, c.before
    assert token not in c.before, "the pasted token is not echoed"
    assert "Logged in to " + server.url + " as Ann <ann@example.org>" in c.before
    saved = os.path.join(home, ".mockloop", "credentials")
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(saved)).st_mode) == 0o700
    assert json.load(open(saved)) == {"url": server.url, "token": token}

    # log add and list: the session lands in Ann's log on the server, not in a local store.
    out = cli(home, "log", "add", "--type", "coding", "--mode", "friend", "--interviewer", "Sam", "--date", "2026-11-20",
              "--score", "clarification=1", "--score", "communication=3", "--fix-dimension", "clarification",
              "--fix", "Ask two clarifying questions first", "--drill", "Five problems: two questions out loud first",
              "--went-well", "Clean code because I planned", "--went-wrong", "Never asked about input size", "--json")
    assert out.returncode == 0, out.stderr
    added = json.loads(out.stdout)
    served = ann.api("GET", "/api/v1/sessions/" + added["id"])
    assert served["interviewer"] == "Sam" and served["retro"]["priorityFix"]["text"] == "Ask two clarifying questions first"
    listed = json.loads(cli(home, "log", "list", "--json").stdout)
    assert [e["interviewer"] for e in listed["entries"]] == ["Sam"], "only Ann's sessions, none of Bob's"
    table = cli(home, "log", "list", "--type", "coding").stdout
    assert "Sam" not in table and "Ask two clarifying" in table and "1 of 1 session" in table
    shown = cli(home, "log", "show", added["id"][:8])
    assert shown.returncode == 0 and "Priority fix (Clarification): Ask two clarifying questions first" in shown.stdout

    # log export / import round trip through the server
    exported = cli(home, "log", "export")
    assert exported.returncode == 0 and "Ask two clarifying questions first" in exported.stdout
    csv_path = os.path.join(home, "old-log.csv")
    with open(csv_path, "w") as f:
        f.write("date,type,mode,interviewer,clarification\n2026-11-10,coding,peer,Kai,2\n2026-11-11,codng,peer,Lee,2\n")
    imported = cli(home, "log", "import", csv_path)
    assert imported.returncode == 1, "a refused row is a non-zero exit"
    assert "Imported 1, already present 0, refused 1." in imported.stdout and "line 3:" in imported.stdout
    assert ann.api("GET", "/api/v1/sessions?q=kai")["total"] == 1

    # questions: the server's bank, and a question added from a file lands there
    listed = cli(home, "questions", "list", "--type", "coding", "--difficulty", "easy")
    assert listed.returncode == 0 and "balanced-brackets" in listed.stdout
    yaml_path = os.path.join(home, "mine.yaml")
    with open(yaml_path, "w") as f:
        f.write("questions:\n  - id: rate-limiter-for-the-billing-api\n    title: Rate limiter for the billing API\n    type: api_design\n"
                "    difficulty: medium\n    prompt: Design it.\n")
    added_q = cli(home, "questions", "import", yaml_path)
    assert added_q.returncode == 0, added_q.stderr
    assert ann.api("GET", "/api/v1/questions/rate-limiter-for-the-billing-api")["title"] == "Rate limiter for the billing API"
    picked = json.loads(cli(home, "questions", "pick", "--type", "coding", "--seed", "4", "--json").stdout)
    assert picked["question"]["type"] == "coding"

    # report: the server's insights, printed as the local command prints them
    report = cli(home, "report", "--type", "coding")
    assert report.returncode == 0, report.stderr
    assert "Clarification" in report.stdout and all(len(line) <= 80 for line in report.stdout.splitlines())
    md_dir = os.path.join(home, "report")
    assert cli(home, "report", "--type", "coding", "--format", "md", "--out", md_dir).returncode == 0
    assert any(name.endswith(".svg") for name in os.listdir(md_dir)), "the charts are written beside the Markdown"

    # practice: a whole mock against the server, piped
    script = "\nHow long can the string be?\n\nA stack of open brackets, O(n) time and space.\n\n"
    practice = cli(home, "practice", "--question", "balanced-brackets", "--seed", "1", stdin=script)
    assert practice.returncode == 0, practice.stderr
    assert "You will be scored on" in practice.stdout and "Result (AI score" in practice.stdout
    assert any(e["mode"] == "ai" for e in ann.api("GET", "/api/v1/sessions?limit=50")["entries"])

    # archive: everything of Ann's from the server
    # partners: the suggestions the server makes for Ann, with their reasons, as a table and as JSON.
    refused = cli(home, "partners")
    assert refused.returncode == 1 and "Make your partner profile first" in refused.stderr
    def profile(handle, wants, offers):
        return {"handle": handle, "tier": "tier1", "level": "senior", "wants": wants, "offers": offers,
                "timeZone": "Europe/Berlin", "availability": "Mon-Fri 18:00-20:00"}
    ann.api("PUT", "/api/v1/partners/profile", profile("ann-cli", ["system_design"], ["coding"]))
    bob.api("PUT", "/api/v1/partners/profile", profile("bob-cli", ["coding"], ["system_design"]))
    listed = json.loads(cli(home, "partners", "--json").stdout)
    assert [p["handle"] for p in listed["partners"]] == ["bob-cli"]
    assert "offers system design, which you want" in listed["partners"][0]["reasons"]
    table = cli(home, "partners")
    assert table.returncode == 0 and "1. bob-cli" in table.stdout and "- 20 h free together in the next 14 days" in table.stdout
    assert "Bob" not in table.stdout.replace("bob-cli", ""), "handles only, never names"

    archive = json.loads(cli(home, "archive", "export").stdout)
    assert archive["profile"]["email"] == "ann@example.org" and len(archive["sessions"]) == 3

    # --local uses this machine's store, which has none of it
    local = cli(home, "log", "list", "--local", "--json")
    assert local.returncode == 0 and json.loads(local.stdout)["total"] == 0

    # a revoked token is a clear error with what to do, and a non-zero exit
    [made] = [t for t in ann.api("GET", "/api/v1/account/tokens") if t["name"] == "fuzzer"]
    ann.api("DELETE", "/api/v1/account/tokens/" + made["id"])
    refused = cli(home, "log", "list")
    assert refused.returncode == 1
    assert "refused the token" in refused.stderr and "mockloop login " + server.url in refused.stderr
    assert token not in refused.stderr

    out = cli(home, "logout")
    assert out.returncode == 0 and not os.path.exists(saved)
    assert json.loads(cli(home, "log", "list", "--json").stdout)["total"] == 0, "after logout: this machine's data"


def test_login_refuses_what_it_cannot_use(make_server, home):
    solo = make_server()
    out = cli(home, "login", solo.url, stdin="mlt_" + "x" * 43 + "\n")
    assert out.returncode == 1 and "runs without accounts" in out.stderr

    group = make_server(accounts=True)
    out = cli(home, "login", group.url, stdin="mlt_" + "x" * 43 + "\n")
    assert out.returncode == 1 and "refused the token" in out.stderr
    out = cli(home, "login", group.url, stdin="password123\n")
    assert out.returncode == 1 and "not a MockLoop personal access token" in out.stderr
    out = cli(home, "login", "http://mocks.example.org", stdin="mlt_x\n")
    assert out.returncode == 1 and "use https://" in out.stderr
    assert not os.path.exists(os.path.join(home, ".mockloop", "credentials")), "nothing saved from a refused login"
