"""A timed AI mock in a real browser: rubric and checklist before the clock, the live countdown,
answers and follow-ups as chat (user text as text), a reload that resumes with nothing lost,
the code editor (Tab indents, line numbers) with Run tests in the sandbox, a hint, and the
result with its AI scores and a prefilled retrospective that lands in the log."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pages import choose, fill, submit, wait_for

SOLUTION_LINES = [
    "def is_balanced(s):",
    "\tpairs = {')': '(', ']': '[', '}': '{'}",
    "\tstack = []",
    "\tfor ch in s:",
    "\t\tif ch in '([{':",
    "\t\t\tstack.append(ch)",
    "\t\telif ch in pairs:",
    "\t\t\tif not stack or stack.pop() != pairs[ch]:",
    "\t\t\t\treturn False",
    "\treturn not stack",
]


def chat_text(d):
    # Read in one script call: the page re-renders the chat after every answer.
    return d.execute_script("const c = document.getElementById('chat'); return c ? c.innerText : '';")


def wait_chat(d, text, timeout=30):
    WebDriverWait(d, timeout).until(lambda drv: text in chat_text(drv))


def test_a_timed_mock_in_the_browser(server, browser):
    d = browser
    d.get(server.url + "/practice?type=coding")
    assert "You will be scored on" in d.find_element(By.ID, "rubric-h").text
    assert "Before you start" in d.page_source
    choose(d, "questionId", "balanced-brackets")
    fill(d, "seed", "3")
    submit(d, "#practice-setup")

    wait_chat(d, "Ask me anything before you start")
    WebDriverWait(d, 10).until(lambda drv: re.fullmatch(r"\d\d:\d\d", drv.find_element(By.ID, "clock").text))
    assert d.find_element(By.ID, "phase").text.startswith("Phase 1/5: Clarify")

    fill(d, "answer", "I would push each opening bracket on a stack <img src=x onerror=alert(1)> and pop on a closing one, checking the pair.")
    d.find_element(By.ID, "send").click()
    wait_chat(d, "Noted: no clarifying questions")
    wait_chat(d, "time and space complexity")
    assert "<img src=x onerror=alert(1)>" in chat_text(d), "the answer is shown as text"
    assert not d.find_elements(By.CSS_SELECTOR, "#chat img")

    # A draft typed but not sent survives a reload; everything sent is back from the server.
    fill(d, "answer", "half-typed thought")
    d.refresh()
    wait_chat(d, "time and space complexity")
    assert d.find_element(By.ID, "answer").get_attribute("value") == "half-typed thought"

    code = d.find_element(By.ID, "code")
    assert code.get_attribute("value").startswith("def is_balanced(s):"), "the editor starts with the signature"
    code.click()
    code.send_keys(Keys.CONTROL, "a")
    code.send_keys(Keys.DELETE)
    code.send_keys("\n".join(SOLUTION_LINES))
    value = code.get_attribute("value")
    assert "\n    pairs = " in value and "\t" not in value, "Tab indents with spaces"
    assert d.find_element(By.ID, "gutter").text.split("\n")[-1] == str(len(SOLUTION_LINES))
    d.find_element(By.ID, "run").click()
    WebDriverWait(d, 60).until(lambda drv: "passed" in drv.find_element(By.ID, "run-status").text)
    status = d.find_element(By.ID, "run-status").text
    passed, total = re.match(r"(\d+)/(\d+) passed", status).groups()
    assert passed == total and "accepted" in status

    d.find_element(By.CSS_SELECTOR, "[data-action=hint]").click()
    wait_chat(d, "Hint 1 of")
    fill(d, "answer", "It is O(n) time and O(n) space; I would test an empty string and a lone closing bracket.")
    d.find_element(By.ID, "send").click()
    WebDriverWait(d, 30).until(lambda drv: drv.find_element(By.ID, "answer").get_attribute("value") == "")

    d.find_element(By.CSS_SELECTOR, "[data-action=finish]").click()
    d.switch_to.alert.accept()
    wait_for(d, "#result", timeout=30)
    table = d.find_element(By.CSS_SELECTOR, "table.scores").text
    assert "AI score" in table and "Calibrated" in table
    assert re.search(r"Coding execution\s+3\s+2\.5", table)
    assert "over-score" in d.page_source
    assert d.find_element(By.ID, "wentWell").get_attribute("value").strip()
    assert d.find_element(By.ID, "fix").get_attribute("value").strip()
    submit(d, "#retro-form")
    assert "/sessions/" in d.current_url
    assert "AI interviewer" in d.page_source
    assert d.find_element(By.CSS_SELECTOR, "dd.fix-text").text.strip()


BUGGY_LINES = ["def is_balanced(s):", "\treturn s.count('(') == s.count(')')"]


def replace_code(d, lines):
    code = d.find_element(By.ID, "code")
    code.click()
    code.send_keys(Keys.CONTROL, "a")
    code.send_keys(Keys.DELETE)
    code.send_keys("\n".join(lines))


def send(d, text):
    fill(d, "answer", text)
    d.find_element(By.ID, "send").click()
    WebDriverWait(d, 30).until(lambda drv: drv.find_element(By.ID, "answer").get_attribute("value") == "")


def test_a_coding_mock_that_asks_fails_a_visible_case_and_fixes_it(server, browser):
    d = browser
    d.get(server.url + "/practice?type=coding")
    choose(d, "questionId", "balanced-brackets")
    fill(d, "seed", "4")
    submit(d, "#practice-setup")
    wait_chat(d, "Ask me anything before you start")
    assert not d.find_element(By.ID, "paused").is_displayed(), "the paused badge shows only when paused"
    assert d.find_element(By.CSS_SELECTOR, ".question .prompt code"), "the prompt's inline code is rendered, not backticks"

    # Two short clarifying questions, answered from the problem's own facts.
    send(d, "How long can the string be?")
    wait_chat(d, "Up to 100,000 characters.")
    send(d, "Is an empty string balanced?")
    wait_chat(d, "An empty string is balanced")
    assert "10^5" not in chat_text(d)

    # An approach with its complexity moves the mock to coding.
    send(d, "I'd keep a stack of opening brackets and pop on each closing one, checking the kinds match. O(n) time and O(n) space.")
    WebDriverWait(d, 10).until(lambda drv: drv.find_element(By.ID, "phase").text.startswith("Phase 3/5: Code"))

    code = d.find_element(By.ID, "code")
    assert code.get_attribute("value").startswith("def is_balanced(s):"), "starter code with the signature"
    assert d.find_elements(By.CSS_SELECTOR, "#code-view .tok-keyword"), "the editor is highlighted"

    replace_code(d, BUGGY_LINES)
    d.find_element(By.CSS_SELECTOR, "#custom-run summary").click()
    fill(d, "custom-input", '["([)]"]')
    d.find_element(By.ID, "run-custom").click()
    WebDriverWait(d, 60).until(lambda drv: "output true" in drv.find_element(By.ID, "custom-output").text)

    d.find_element(By.ID, "run").click()
    WebDriverWait(d, 60).until(lambda drv: "First failing visible case" in drv.find_element(By.ID, "run-status").text)
    assert "expected" in d.find_element(By.ID, "run-status").text

    replace_code(d, SOLUTION_LINES)
    d.find_element(By.ID, "run").click()
    WebDriverWait(d, 60).until(lambda drv: "accepted" in drv.find_element(By.ID, "run-status").text)
    WebDriverWait(d, 10).until(lambda drv: drv.find_element(By.ID, "phase").text.startswith("Phase 4/5: Test"))

    d.find_element(By.CSS_SELECTOR, "[data-action=finish]").click()
    d.switch_to.alert.accept()
    wait_for(d, "#result", timeout=30)
    assert "No clarifying questions" not in d.find_element(By.ID, "result").text, "no flag contradicts the quoted questions"
    scores = {}
    for row in d.find_elements(By.CSS_SELECTOR, "table.scores tbody tr"):
        name = row.find_element(By.TAG_NAME, "th").text
        score = row.find_elements(By.TAG_NAME, "td")[0].text
        if score.isdigit():
            scores[name] = int(score)
    assert scores.get("Clarification", 0) >= 2, scores
    fix = d.find_element(By.CSS_SELECTOR, "#fixDimension option:checked").text
    if not d.find_elements(By.CSS_SELECTOR, "ul.flags"):
        assert scores[fix] == min(scores.values()), f"the fix names the weakest dimension: {fix} in {scores}"
    assert d.find_element(By.ID, "model-answer"), "the model answer is shown after the mock"
