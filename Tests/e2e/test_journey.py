"""A new user's first loop, in a real browser: session → rubric first → scores → retro with one
priority fix (a second is refused) → log → CSV export → import into a fresh instance → same log."""
import csv
import io
import os
import re
import time

from selenium.webdriver.common.by import By

from pages import choose, fill, h1, score_session, submit, wait_for, write_retro


def log_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in driver.find_elements(By.CSS_SELECTOR, "table.log tbody tr")]


def test_first_loop_end_to_end(server, browser, make_server):
    d = browser
    d.get(server.url + "/")
    assert h1(d) == "Your practice loop"
    d.find_element(By.LINK_TEXT, "Plan or log a mock").click()
    wait_for(d, "#mode")
    choose(d, "mode", "peer")
    fill(d, "interviewer", "Priya <b>Rao</b>")
    choose(d, "level", "senior")
    submit(d, "form[action='/sessions']")

    # The rubric is on the page before the clock starts.
    assert "Start the clock" in d.page_source
    rubric = d.find_element(By.ID, "rubric-h").text
    assert rubric.startswith("Rubric:")
    assert "Clarification" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=rubric-h] table").text
    assert "Priya <b>Rao</b>" in d.find_element(By.CSS_SELECTOR, ".kicker").text, "user text is shown as text, not HTML"
    session_url = d.current_url
    submit(d, "form[action$='/start']")

    score_session(d, self_scores=True)
    write_retro(d)
    assert "Ask two clarifying questions before coding" in d.find_element(By.CSS_SELECTOR, "dl.retro").text

    # A second priority fix for the same session is refused, with a clear message.
    d.execute_script("document.querySelector(\"form[action$='/retro'] input[name=replace]\").remove()")
    fill(d, "fix", "And also narrate more")
    submit(d, "form[action$='/retro']")
    assert "one priority fix" in d.find_element(By.CSS_SELECTOR, "[role=alert]").text
    d.get(session_url)
    assert "And also narrate more" not in d.page_source

    d.get(server.url + "/log")
    rows = log_rows(d)
    assert len(rows) == 1
    assert "Completed" in rows[0][1], "the status is shown"
    assert "Priya <b>Rao</b>" in rows[0][4] and re.search(r"Clarification\s+1", rows[0][6]) and "Ask two clarifying" in rows[0][8]

    # The next coding session opens with that fix in view.
    d.get(server.url + "/sessions/new?type=coding")
    assert "Today, watch: Clarification" in d.find_element(By.ID, "lastfix-h").text

    exported = server.get("/log/export.csv")
    assert len(list(csv.DictReader(io.StringIO(exported)))) == 1

    fresh = make_server()
    path = os.path.join(browser.download_dir, "log.csv")
    with open(path, "w") as f:
        f.write(exported)
    d.get(fresh.url + "/log/import")
    d.find_element(By.ID, "file").send_keys(path)
    submit(d, "form[action='/log/import']")
    assert "1 session imported" in d.find_element(By.CSS_SELECTOR, "[role=status]").text.replace("\n", " ")
    d.get(fresh.url + "/log")
    assert log_rows(d)[0][1:] == rows[0][1:], "the imported log matches the exported one"


def test_bad_import_rows_are_listed_by_line(server, browser):
    d = browser
    d.get(server.url + "/log/import")
    fill(d, "csv", "date,type,clarification\n2026-11-01,coding,2\n2026-11-02,coding,4\nyesterday,coding,1\n")
    submit(d, "form[action='/log/import']")
    table = d.find_element(By.CSS_SELECTOR, "[role=status] table").text
    assert "3" in table and "1, 2 or 3" in table
    assert "4" in table and "date" in table


def test_transcript_analysis_on_the_session_page(server, browser):
    d = browser
    d.get(server.url + "/sessions/new?type=behavioral")
    submit(d, "form[action='/sessions']")
    fill(d, "transcript-text", "Interviewer: Tell me about a launch you led.\n"
                               "Sam: Um, so, at my last company our team shipped a new checkout. "
                               "My job was to own the rollout. We rewrote the payment step and we added retries. "
                               "In the end it went fine.")
    submit(d, "form[action$='/transcript']")
    card = d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=analysis-h] .card").text
    assert "Fix first:" in card and "no ownership" in card
    assert "AI-suggested scores" in card
