"""`mockloop practice` driven through a pseudo-terminal (80x24), the way a person types it: the
brief, the live status line, answers ended by a blank line, :hint, :pause, :run in the real
sandbox, :done, the result and the retrospective; quitting; and plain output when piped."""
import json
import os
import re
import shutil
import subprocess
import tempfile

import pexpect
import pytest

from conftest import BIN

SOLUTION = """def is_balanced(s):
    pairs = {')': '(', ']': '[', '}': '{'}
    stack = []
    for ch in s:
        if ch in '([{':
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack"""


@pytest.fixture
def data_dir():
    path = tempfile.mkdtemp(prefix="mockloop-pty-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def env():
    e = dict(os.environ)
    e.pop("DATABASE_URL", None)
    e["TERM"] = "xterm"
    return e


def spawn(data_dir, *args):
    return pexpect.spawn(BIN, ["practice", "--data-dir", data_dir, *args], env=env(), dimensions=(24, 80),
                         encoding="utf-8", timeout=90)


def log_entries(data_dir):
    out = subprocess.run([BIN, "log", "list", "--json", "--data-dir", data_dir], env=env(), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["entries"]


def answer(child, text):
    child.sendline(text)
    child.sendline("")


def test_a_coding_mock_in_the_terminal(data_dir):
    c = spawn(data_dir, "--type", "coding", "--question", "balanced-brackets", "--seed", "3", "--minutes", "30")
    c.expect("You will be scored on")
    c.expect("Press Enter to start the clock")
    c.sendline("")
    c.expect("Ask me anything before you start")
    c.expect(r"\x1b\[7m(\d\d):(\d\d) left . Phase 1/5: Clarify")  # the live status line, top row
    answer(c, "I would push each opening bracket on a stack and pop on a closing one, checking that the pair matches.")
    c.expect("Noted: no clarifying questions")
    c.expect("time and space complexity")
    c.sendline(":hint")
    c.expect("Hint 1 of 3")
    c.sendline(":pause")
    c.expect("PAUSED")
    c.sendline(":run")
    c.expect("end with a line ':end'")
    for line in SOLUTION.splitlines():
        c.sendline(line)
    c.sendline(":end")
    c.expect(r"Run: (\d+)/(\d+) passed \(accepted\)")
    assert c.match.group(1) == c.match.group(2)
    answer(c, "It runs in O(n) time and O(n) space. I would test an empty string and a lone closing bracket.")
    c.expect("Interviewer:")
    c.sendline(":done")
    c.expect(r"Result \(AI score")
    c.expect("Coding execution +3 +2.5")
    c.expect("Paused 1 time: real interviews don't pause")
    c.expect("Retrospective: press Enter")
    for _ in range(5):
        c.expect(r"\]:")
        c.sendline("")
    c.expect("Saved to the log")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0
    [entry] = log_entries(data_dir)
    assert entry["mode"] == "ai" and entry["status"] == "completed"
    assert entry["scores"]["interviewerScores"]["coding_execution"]["score"] == 3
    assert entry["scores"]["hintsUsed"] == 1 and entry["scores"]["pauses"] == 1
    assert entry["retro"]["priorityFix"]["dimension"] in {"approach_verbalization", "clarification", "testing_edge_cases",
                                                          "optimization_discussion", "communication", "coding_execution"}


def test_quitting_asks_first_and_keeps_the_session(data_dir):
    c = spawn(data_dir, "--type", "behavioral", "--seed", "5")
    c.expect("Press Enter to start the clock")
    c.sendline("")
    c.expect("Story 1 of 3")
    answer(c, "At my last job we kept missing release dates, so we sat down together and we changed the plan.")
    c.expect("Interviewer:")
    c.sendline(":quit")
    c.expect(r"\[y/N\]")
    c.sendline("n")
    c.sendline(":quit")
    c.expect(r"\[y/N\]")
    c.sendline("y")
    c.expect("Saved as abandoned")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0
    [entry] = log_entries(data_dir)
    assert entry["status"] == "abandoned" and entry["mode"] == "ai"


def test_piped_it_prints_plain_lines_and_finishes_at_end_of_input(data_dir):
    script = "\nHow long can the string be?\n\nA stack of open brackets, O(n) time.\n\n"
    out = subprocess.run([BIN, "practice", "--question", "balanced-brackets", "--seed", "1", "--data-dir", data_dir],
                         input=script, env=env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "\x1b" not in out.stdout, "no escape sequences when stdout is not a terminal"
    assert re.search(r"-- \d\d:\d\d left . Phase 1/5: Clarify", out.stdout)
    assert "Up to 100,000 characters." in out.stdout, "the clarification comes from the question's own facts"
    assert "Result (AI score" in out.stdout
    assert "Retrospective not saved" in out.stdout
    assert all(len(line) <= 80 for line in out.stdout.splitlines()), "fits an 80-column terminal"


def test_bad_options_exit_non_zero_with_the_reason(data_dir):
    out = subprocess.run([BIN, "practice", "--type", "api-design", "--data-dir", data_dir], input="", env=env(),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode != 0
    assert "--type" in out.stderr and "coding, system-design or behavioral" in out.stderr
