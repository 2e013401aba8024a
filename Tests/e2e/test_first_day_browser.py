"""The first day in a real browser: a type switch keeps what was typed, a peer session's clock runs
and fills the duration, a bad form takes the user to the field, the first visit sets the target,
and marking a drill done returns to its card."""
import itertools
import json
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from pages import _replaced, choose, fill, submit, wait_for

PHONE = (390, 844)

_marks = itertools.count(1)


def navigates(driver, action):
    """Runs `action` (which makes the page navigate on its own, e.g. through a script) and waits
    for the next page to load."""
    mark = f"nav-{next(_marks)}"
    driver.execute_script("document.documentElement.setAttribute('data-e2e-mark', arguments[0]);", mark)
    action()
    WebDriverWait(driver, 30).until(_replaced(mark))


def switch_type(driver, value):
    """Chooses an interview type in the switcher: its change event submits the switch form."""
    navigates(driver, lambda: choose(driver, "pick-type", value))


def value(driver, field_id):
    return driver.find_element(By.ID, field_id).get_attribute("value")


def plan_and_start_peer_session(server, d):
    d.get(server.url + "/sessions/new")
    wait_for(d, "#pick-type")
    switch_type(d, "system_design")
    assert "type=system_design" in d.current_url
    choose(d, "mode", "peer")
    submit(d, "form#plan-session")
    submit(d, "form[action$='/start']")
    return wait_for(d, "#session-clock #clock-elapsed")


def ticks(driver, before, timeout=5):
    """Waits until the clock shows something other than `before`; returns what it shows."""
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        lambda d: (lambda now: now if now and now != before else False)(d.find_element(By.ID, "clock-elapsed").text),
        f"the clock stayed at {before}")


def in_viewport(driver, el):
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;", el)


def uncovered(driver, el):
    """None when `el` is what the user sees at its centre; otherwise what covers it there (e.g. a
    sticky bar)."""
    return driver.execute_script(
        "const el = arguments[0], r = el.getBoundingClientRect();"
        "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "if (hit && (hit === el || el.contains(hit))) return null;"
        "if (!hit) return 'nothing';"
        "const box = hit.closest('[id]');"
        "return hit.tagName.toLowerCase() + (hit.className ? '.' + hit.className : '') + (box ? ' in #' + box.id : '');", el)


def api_post(server, path, body):
    request = urllib.request.Request(
        server.url + path, data=json.dumps(body).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as r:
        assert r.status in (200, 201), f"POST {path}: {r.status}"
        return json.load(r)


def test_switching_type_keeps_what_was_typed(server, browser):
    d = browser
    d.get(server.url + "/sessions/new")
    wait_for(d, "form#plan-session")
    assert value(d, "pick-type") != "behavioral", "the form should not open on the type the test switches to"
    choose(d, "mode", "friend")
    fill(d, "interviewer", "Ana")
    fill(d, "company", "Acme")
    choose(d, "level", "mid")

    switch_type(d, "behavioral")

    assert "type=behavioral" in d.current_url
    assert d.find_element(By.CSS_SELECTOR, "form#plan-session input[name=type]").get_attribute("value") == "behavioral"
    assert value(d, "pick-type") == "behavioral"
    assert value(d, "interviewer") == "Ana"
    assert value(d, "company") == "Acme"
    assert value(d, "mode") == "friend"
    assert value(d, "level") == "mid"


def test_a_peer_session_clock_runs_and_fills_the_duration(server, browser):
    d = browser
    elapsed = plan_and_start_peer_session(server, d)
    assert d.find_element(By.ID, "session-clock").is_displayed()

    ticks(d, elapsed.text)
    current = d.find_elements(By.CSS_SELECTOR, "ol.phase-list li.current")
    assert len(current) == 1, f"expected one current phase, found {[li.text for li in current]}"
    assert "Requirements" in current[0].text
    assert current[0].get_attribute("aria-current") == "step"
    assert value(d, "duration") == "1", "a clock under a minute fills in 1 minute"

    # A duration the user typed is theirs: the clock no longer overwrites it.
    duration = d.find_element(By.ID, "duration")
    duration.send_keys(Keys.CONTROL, "a", Keys.NULL, Keys.BACKSPACE, "37")
    assert value(d, "duration") == "37"
    ticks(d, d.find_element(By.ID, "clock-elapsed").text)
    ticks(d, d.find_element(By.ID, "clock-elapsed").text)
    assert value(d, "duration") == "37", "the clock overwrote the duration the user typed"


def test_a_bad_form_takes_the_user_to_the_field(server, browser):
    d = browser
    plan_and_start_peer_session(server, d)
    first_score = d.find_element(By.CSS_SELECTOR, "form#score-form select[id^='score_']")
    Select(first_score).select_by_value("2")
    confidence = d.find_element(By.ID, "confidence")
    # The browser's own min/max check would stop the post; the server must catch it too.
    d.execute_script("arguments[0].removeAttribute('max'); arguments[0].value = '9';", confidence)
    navigates(d, lambda: confidence.send_keys(Keys.ENTER))  # submits the score form
    assert d.current_url.endswith("/scores"), d.current_url

    WebDriverWait(d, 10).until(
        lambda d: d.execute_script("return document.activeElement && document.activeElement.id") == "confidence",
        "the control at fault did not get the focus")
    problem = d.find_element(By.CSS_SELECTOR, "p.field-error#err-confidence")
    assert problem.is_displayed()
    assert "1 to 5" in problem.text
    active = d.switch_to.active_element
    assert active.get_attribute("aria-invalid") == "true"
    assert active.get_attribute("aria-describedby") == "err-confidence"
    assert in_viewport(d, active), "the focused field is off screen"
    assert d.execute_script("return window.scrollY") > 0, "the page stayed at its top"
    # Nothing else was flagged ahead of it: the user is taken to the one field at fault.
    flagged = d.execute_script("return Array.from(document.querySelectorAll('[aria-invalid=\"true\"]'), e => e.id)")
    assert flagged == ["confidence"]
    covering = uncovered(d, active)
    assert covering is None, f"the focused field is on screen but hidden under {covering}"


def test_first_visit_sets_the_target_then_the_home_page_shows_it(server, browser):
    d = browser
    # The `server` fixture is per test, so this is the instance's first visit: the target form
    # shows (test_first_day_look.py keeps the screenshots of this page at both widths).
    d.set_window_size(*PHONE)
    d.get(server.url + "/")
    wait_for(d, "main h1")
    assert d.find_elements(By.CSS_SELECTOR, "#target-form"), "no target form on the first visit"
    assert not d.find_elements(By.XPATH, "//p[@class='kicker'][starts-with(normalize-space(), 'Target:')]")

    choose(d, "t-level", "staff")
    for box in d.find_elements(By.CSS_SELECTOR, "#target-form input[type=checkbox][name^='round_']"):
        wanted = box.get_attribute("name") == "round_system_design"
        if box.is_selected() != wanted:
            d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
    submit(d, "form#target-form")

    assert d.current_url.rstrip("/") == server.url
    assert not d.find_elements(By.CSS_SELECTOR, "#target-form"), "the target form still shows once the target is set"
    kickers = [p.text for p in d.find_elements(By.CSS_SELECTOR, "main p.kicker") if p.text.startswith("Target:")]
    assert len(kickers) == 1, f"expected one Target: line, found {kickers}"
    assert "Staff" in kickers[0]
    assert "System design" in kickers[0]
    for other in ("Coding", "Behavioral"):
        assert other not in kickers[0], f"unticked round {other} in {kickers[0]}"


def test_marking_a_drill_done_returns_to_its_card(server, browser):
    d = browser
    session = api_post(server, "/api/v1/sessions", {
        "type": "behavioral", "mode": "peer",
        "scores": {"interviewerScores": {"quantified_outcomes": 1}, "selfScores": {}, "hintsUsed": 0, "pauses": 0, "wentEasy": False}})
    sid = session["id"].lower()
    api_post(server, f"/api/v1/sessions/{sid}/retro", {
        "wentWell": "Clear", "wentWrong": "No numbers",
        "priorityFix": {"dimension": "quantified_outcomes", "text": "Lead with the number"},
        "drill": "Rewrite 3 stories with metrics"})

    d.set_window_size(*PHONE)
    d.get(server.url + "/")
    card_css = f"#fix-{sid}"
    card = wait_for(d, card_css)
    assert "Lead with the number" in card.text
    assert not card.find_elements(By.CSS_SELECTOR, ".tag.ok"), "the drill shows done before it was marked"
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
    button = card.find_element(By.CSS_SELECTOR, "button[type=submit]")
    assert button.text == "Mark drill done"
    submit(d, f"{card_css} form")

    assert d.current_url.endswith(f"/#fix-{sid}"), d.current_url
    card = wait_for(d, card_css)
    assert card.find_element(By.CSS_SELECTOR, ".tag.ok").text == "done"
    assert "done" in card.text
    assert card.find_element(By.CSS_SELECTOR, "button[type=submit]").text == "Mark drill not done"
    below_first_screen = d.execute_script(
        "return arguments[0].getBoundingClientRect().top + window.scrollY >= window.innerHeight", card)
    WebDriverWait(d, 10).until(
        lambda d: d.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.top >= 0 && r.top < window.innerHeight && (!arguments[1] || window.scrollY > 0);", card, below_first_screen),
        "the page did not come back to the card")
