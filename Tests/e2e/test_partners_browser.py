"""Partners in two real browsers: Ann makes her profile through the form (a bad time zone comes
back beside its field with what she typed kept), Bob makes his; each sees the other suggested with
the reasons, by handle only; names show once both agreed; a block hides them from each other."""
from selenium.webdriver.common.by import By

from pages import choose, fill, h1, submit, wait_for
from test_accounts_browser import sign_up


def make_profile(d, url, handle, zone, wants, offers, free):
    d.get(url + "/partners")
    assert d.find_element(By.ID, "no-profile").is_displayed()
    d.find_element(By.LINK_TEXT, "Make my profile").click()
    wait_for(d, "#p-handle")
    fill(d, "p-handle", handle)
    choose(d, "p-level", "senior")
    for box in d.find_elements(By.CSS_SELECTOR, "input[name^='wants_'], input[name^='offers_']"):
        if box.is_selected():
            box.click()
    for t in wants:
        d.find_element(By.CSS_SELECTOR, f"input[name='wants_{t}']").click()
    for t in offers:
        d.find_element(By.CSS_SELECTOR, f"input[name='offers_{t}']").click()
    fill(d, "p-zone", "Mars/Base")
    fill(d, "p-availability", free)
    submit(d, "#profile-form")
    assert "IANA time zone" in d.find_element(By.ID, "err-timeZone").text, "the problem is beside its field"
    assert d.find_element(By.ID, "p-handle").get_attribute("value") == handle, "what was typed is kept"
    assert d.find_element(By.ID, "p-availability").get_attribute("value") == free
    fill(d, "p-zone", zone)
    submit(d, "#profile-form")
    assert "Your profile is saved." in d.page_source and h1(d) == "Partners"


def test_two_partners_find_each_other(make_server, browser, other_browser):
    server = make_server(accounts=True)
    ann, bob = browser, other_browser
    sign_up(ann, server.url, "ann@example.org", "Ann Lovelace")
    sign_up(bob, server.url, "bob@example.org", "Bob Hopper")
    make_profile(ann, server.url, "ann-sd", "Europe/Berlin", ["system_design"], ["coding"], "Mon-Fri 18:00-20:00")
    make_profile(bob, server.url, "bob-coder", "Europe/London", ["coding"], ["system_design"], "Mon-Fri 17:00-19:00")

    ann.get(server.url + "/partners")
    [card] = ann.find_elements(By.CSS_SELECTOR, "#suggestions .suggestion")
    reasons = [li.text for li in card.find_elements(By.CSS_SELECTOR, ".reasons li")]
    assert card.find_element(By.TAG_NAME, "h3").text == "bob-coder"
    assert "20 h free together in the next 14 days" in reasons
    assert "offers system design, which you want" in reasons
    assert "wants coding, which you offer: give one, get one" in reasons
    assert "Bob Hopper" not in ann.page_source, "a handle, never a name"

    card.find_element(By.LINK_TEXT, "bob-coder").click()
    wait_for(ann, "#match-reasons")
    submit(ann, "form[action='/partners/bob-coder/reveal']")
    assert "Bob Hopper" not in ann.page_source, "not until Bob agrees too"
    bob.get(server.url + "/partners/ann-sd")
    assert "ann-sd agreed to show theirs." in bob.page_source
    submit(bob, "form[action='/partners/ann-sd/reveal']")
    assert h1(bob) == "ann-sd (Ann Lovelace)"
    ann.get(server.url + "/partners/bob-coder")
    assert h1(ann) == "bob-coder (Bob Hopper)"

    submit(ann, "form[action='/partners/bob-coder/block']")
    assert "Blocked:" in ann.page_source and not ann.find_elements(By.ID, "suggestions")
    bob.get(server.url + "/partners")
    assert not bob.find_elements(By.CSS_SELECTOR, "#suggestions .suggestion"), "a block hides both ways"
    bob.get(server.url + "/partners/ann-sd")
    assert "not found" in bob.page_source.lower()
