"""Small helpers the browser tests share."""
import itertools

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def wait_for(driver, css, timeout=15):
    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


_marks = itertools.count(1)


def _replaced(mark):
    """True once the document carrying `mark` is gone and its successor has loaded.

    Chrome can answer a query about a node of the departing document with a generic
    "does not belong to the document" error instead of a stale-element one, so any
    driver error mid-navigation counts as "not yet" and the wait polls again.
    """
    def check(driver):
        try:
            return driver.execute_script(
                "return document.readyState === 'complete' && "
                "document.documentElement.getAttribute('data-e2e-mark') !== arguments[0];", mark)
        except WebDriverException:
            return False
    return check


def submit(driver, form_css):
    """Submits a form by its submit button and waits for the next page to load."""
    mark = str(next(_marks))
    driver.execute_script("document.documentElement.setAttribute('data-e2e-mark', arguments[0]);", mark)
    button = WebDriverWait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, form_css + " button[type=submit]")))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 30).until(_replaced(mark))


def choose(driver, select_id, value):
    Select(driver.find_element(By.ID, select_id)).select_by_value(value)


def fill(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def score_session(driver, self_scores=False):
    """Scores a started session as its interviewer would: clarification 1 with a note,
    communication 3 (and the candidate's self-scores when asked), 45 minutes."""
    choose(driver, "score_clarification", "1")
    fill(driver, "note_clarification", "Started coding at minute one")
    choose(driver, "score_communication", "3")
    if self_scores:
        choose(driver, "self_clarification", "2")
        fill(driver, "confidence", "3")
    fill(driver, "duration", "45")
    submit(driver, "form[action$='/scores']")


def write_retro(driver):
    """The retro of a scored session, with its one fix on clarification."""
    fill(driver, "wentWell", "Clean code, because I named things first")
    fill(driver, "wentWrong", "Never asked about input size")
    choose(driver, "fixDimension", "clarification")
    fill(driver, "fix", "Ask two clarifying questions before coding")
    fill(driver, "drill", "5 problems: two clarifying questions out loud first")
    submit(driver, "form[action$='/retro']")
