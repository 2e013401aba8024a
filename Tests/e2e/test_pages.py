"""Every main page: accessibility basics, no console errors, and screenshots at desktop and phone sizes."""
import os
import pathlib

import pytest
from selenium.webdriver.common.by import By

from pages import submit

from conftest import ARTIFACTS

PAGES = ["/", "/rubrics", "/rubrics/coding", "/rubrics/coding/print", "/questions", "/questions/new", "/questions/pack",
         "/sessions/new", "/log", "/log/import", "/insights", "/practice", "/practice?type=behavioral", "/settings",
         "/partners", "/partners/profile", "/bookings"]


def page_problems(d):
    problems = []
    if len(d.find_elements(By.TAG_NAME, "h1")) != 1:
        problems.append("not exactly one h1")
    for el in d.find_elements(By.CSS_SELECTOR, "input, select, textarea"):
        if el.get_attribute("type") == "hidden":
            continue
        el_id = el.get_attribute("id")
        labelled = (el_id and d.find_elements(By.CSS_SELECTOR, f"label[for='{el_id}']")) \
            or el.get_attribute("aria-label") \
            or d.execute_script("return arguments[0].closest('label') !== null", el)
        if not labelled:
            problems.append(f"unlabelled {el.tag_name} name={el.get_attribute('name')}")
    for button in d.find_elements(By.CSS_SELECTOR, "button[type=submit]"):
        if button.get_attribute("tabindex") == "-1" or button.get_attribute("disabled"):
            problems.append(f"submit button not keyboard reachable: {button.text}")
    return problems


def session_page(server, d):
    d.get(server.url + "/sessions/new")
    submit(d, "form[action='/sessions']")
    return d.current_url.replace(server.url, "")


def practice_page(server, d):
    d.get(server.url + "/practice?type=system_design")
    submit(d, "#practice-setup")
    return d.current_url.replace(server.url, "")


def test_accessibility_basics_on_every_page(server, browser):
    d = browser
    paths = PAGES + [session_page(server, d), practice_page(server, d)]
    for path in paths:
        d.get(server.url + path)
        assert page_problems(d) == [], path
        errors = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], f"{path}: {errors}"


def test_submit_buttons_are_reachable_by_keyboard(server, browser):
    d = browser
    d.get(server.url + "/sessions/new")
    target = d.find_element(By.CSS_SELECTOR, "form[action='/sessions'] button[type=submit]")
    body = d.find_element(By.TAG_NAME, "body")
    for _ in range(60):
        body = d.switch_to.active_element
        if body == target:
            break
        body.send_keys("\ue004")  # Tab
    assert d.switch_to.active_element == target


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_screenshots_and_no_sideways_scroll(server, browser, size):
    d = browser
    d.set_window_size(*size)
    out = pathlib.Path(ARTIFACTS) / "screens"
    out.mkdir(parents=True, exist_ok=True)
    for path in PAGES + [session_page(server, d)]:
        d.get(server.url + path)
        name = "session" if path.startswith("/sessions/") and path != "/sessions/new" else (path.strip("/").replace("/", "_") or "home")
        d.save_screenshot(str(out / f"{name}-{size[0]}x{size[1]}.png"))
        overflow = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {size}"
