"""Several people on one instance, in two real browsers: sign up, sign in, a whole loop, a partner
kit scored from a browser with no account, sign out and back in to the page asked for; a second
person reaches nothing of the first's."""
import json
import re
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By

from pages import choose, fill, h1, score_session, submit, wait_for, write_retro

PASSWORD = "violet harbour kite 42"


def sign_up(d, url, email, name):
    d.get(url + "/")
    assert "/sign-in" in d.current_url, "an anonymous visitor is sent to sign in"
    d.find_element(By.LINK_TEXT, "Create an account").click()
    wait_for(d, "#u-email")
    fill(d, "u-email", email)
    fill(d, "u-name", name)
    fill(d, "u-password", "short")
    submit(d, "form[action='/sign-up']")
    assert d.find_element(By.ID, "err-password").is_displayed(), "a short password is refused beside its field"
    assert d.find_element(By.ID, "u-email").get_attribute("value") == email, "what was typed is kept"
    fill(d, "u-password", PASSWORD)
    submit(d, "form[action='/sign-up']")
    assert h1(d) == "Your practice loop"
    assert f"Sign out {name}" in d.find_element(By.CSS_SELECTOR, "form.sign-out button").text


def whole_loop(d, url):
    d.get(url + "/sessions/new")
    wait_for(d, "#mode")
    choose(d, "mode", "peer")
    fill(d, "interviewer", "Priya Rao")
    submit(d, "form[action='/sessions']")
    session_url = d.current_url
    submit(d, "form[action$='/start']")
    score_session(d)
    write_retro(d)
    d.get(url + "/log")
    rows = d.find_elements(By.CSS_SELECTOR, "table.log tbody tr")
    assert len(rows) == 1 and "Priya Rao" in rows[0].text and "Completed" in rows[0].text, [r.text for r in rows]
    return session_url


def partner_scores_through_the_kit(ann, partner, url):
    """Ann plans a peer mock and shares its partner kit; her partner, with no account, opens it in
    another browser, scores every dimension and answers the three questions; the scores are Ann's."""
    ann.get(url + "/sessions/new")
    wait_for(ann, "#mode")
    choose(ann, "mode", "peer")
    submit(ann, "form[action='/sessions']")
    kit_session = ann.current_url
    choose(ann, "share-kind", "partner_kit")
    submit(ann, "form#share-session")
    link = ann.find_element(By.ID, "share-link").text
    assert "/shared/mls_" in link

    partner.get(link)
    assert "Partner kit: you interview Ann" in h1(partner)
    assert "Sign out" not in partner.page_source, "no account in this browser"
    radios = partner.find_elements(By.CSS_SELECTOR, "#partner-scores input[type=radio][value='2']")
    assert len(radios) >= 5
    for radio in radios:
        partner.execute_script("arguments[0].click()", radio)
    fill(partner, "fb_stronger", "Say the brute force first")
    fill(partner, "fb_communication", "Clear and calm")
    fill(partner, "fb_concerns", "Testing came late")
    fill(partner, "fb_name", "Noor")
    submit(partner, "form#partner-scores")
    assert "your scores and answers are in Ann's log" in partner.find_element(By.CSS_SELECTOR, "[role=status]").text

    ann.get(kit_session)
    assert "Noor scored this session" in ann.page_source
    assert "Testing came late" in ann.page_source
    ann.get(url + "/log")
    assert "Noor" in ann.find_element(By.CSS_SELECTOR, "table.log").text, "the partner's scores are in the owner's log"
    ann.get(url + "/shares")
    # Two openings: the kit, and the kit again after the scores were sent.
    assert "Opened 2 times" in ann.page_source and "someone without an account" in ann.page_source


def test_two_people_on_one_instance(make_server, browser, other_browser):
    server = make_server(accounts=True)
    ann, bob = browser, other_browser
    sign_up(ann, server.url, "ann@example.org", "Ann")
    session_url = whole_loop(ann, server.url)
    session_id = session_url.rstrip("/").rsplit("/", 1)[1]
    partner_scores_through_the_kit(ann, bob, server.url)

    sign_up(bob, server.url, "bob@example.org", "Bob")
    bob.get(session_url)
    assert h1(bob) == "Page not found", "another person's session is not found"
    assert "Priya Rao" not in bob.page_source
    bob.get(server.url + "/log")
    assert not bob.find_elements(By.CSS_SELECTOR, "table.log tbody tr"), "Bob's log is his own: empty"
    assert "Noor" not in bob.page_source
    assert "Priya Rao" not in bob.page_source
    bob.get(server.url + f"/api/v1/sessions/{session_id}")
    assert json.loads(bob.find_element(By.TAG_NAME, "body").text)["error"] == "not_found"

    # Signed out, Ann's pages ask her to sign in and then bring her to the page she asked for.
    submit(ann, "form.sign-out")
    assert "/sign-in" in ann.current_url
    ann.get(server.url + "/log?type=coding")
    assert re.search(r"/sign-in\?next=%2Flog%3Ftype%3Dcoding$", ann.current_url), ann.current_url
    fill(ann, "s-email", "ann@example.org")
    fill(ann, "s-password", "not the password at all")
    submit(ann, "form[action='/sign-in']")
    assert "do not match an account" in ann.find_element(By.ID, "err-password").text
    fill(ann, "s-password", PASSWORD)
    submit(ann, "form[action='/sign-in']")
    assert ann.current_url.endswith("/log?type=coding")
    assert "Priya Rao" in ann.find_element(By.CSS_SELECTOR, "table.log").text

    # Without a cookie or a token, the API says 401.
    try:
        urllib.request.urlopen(server.url + "/api/v1/sessions", timeout=10)
        raise AssertionError("the API answered an anonymous call")
    except urllib.error.HTTPError as e:
        assert e.code == 401
