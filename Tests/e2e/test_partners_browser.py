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


def calendar_text(driver, path):
    """A calendar file as the signed-in browser downloads it."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t])))",
        path)


def test_a_mock_is_requested_accepted_and_in_both_calendars(request, make_server, browser, other_browser):
    """Ann asks Bob for a mock at two of the times they are both free (each shown in both zones);
    Bob accepts the second; both download the same invite, which Python's icalendar reads back
    field by field; Bob's room link opens his seat; the reminder a day ahead reaches both at the
    local SMTP server; Ann's calendar feed is read by a second parser (vobject) without signing in."""
    import urllib.request
    from datetime import datetime, timedelta, timezone

    import icalendar
    import vobject
    from test_mail import SMTP, wait_until

    smtp = SMTP().start()
    request.addfinalizer(smtp.stop)
    server = make_server(accounts=True, env={"MOCKLOOP_SMTP_URL": smtp.url(retry="0.5")})
    ann, bob = browser, other_browser
    sign_up(ann, server.url, "ann@example.org", "Ann Lovelace")
    sign_up(bob, server.url, "bob@example.org", "Bob Hopper")
    # Each confirms the address the confirmation mail was sent to, in their own browser.
    for d, address in ((ann, "ann@example.org"), (bob, "bob@example.org")):
        [msg] = wait_until(lambda: [m for _, r, m, _ in list(smtp.catcher.messages) if r == [address]], f"mail to {address}")
        link = next(line for line in msg.get_body(("plain",)).get_content().splitlines() if "/verify/mlv_" in line).strip()
        d.get(link)
        assert h1(d) == "E-mail address confirmed"
    smtp.catcher.messages.clear()
    make_profile(ann, server.url, "ann-c", "Europe/Berlin", ["coding"], ["system_design"], "Mon-Sun 17:00-21:00")
    make_profile(bob, server.url, "bob-i", "America/Los_Angeles", ["system_design"], ["coding"], "Mon-Sun 08:00-12:00")

    ann.get(server.url + "/partners/bob-i")
    ann.find_element(By.ID, "request-link").click()
    wait_for(ann, "#slots")
    boxes = ann.find_elements(By.CSS_SELECTOR, "#slots input[type=checkbox]")
    assert len(boxes) >= 2
    labels = [b.find_element(By.XPATH, "..").text for b in boxes[:2]]
    assert all("Europe/Berlin" in t and "America/Los_Angeles" in t for t in labels), labels
    values = [b.get_attribute("name")[len("slot_"):] for b in boxes[:2]]
    fill(ann, "q-note", "Graphs, please")
    submit(ann, "form[action='/partners/bob-i/request']")
    assert "choose at least one time" in ann.find_element(By.ID, "slots").text, "the problem is beside the times"
    assert ann.find_element(By.ID, "q-note").get_attribute("value") == "Graphs, please", "what was typed is kept"
    for box in ann.find_elements(By.CSS_SELECTOR, "#slots input[type=checkbox]")[:2]:
        box.click()
    submit(ann, "form[action='/partners/bob-i/request']")
    assert "Request sent" in ann.page_source

    bob.get(server.url + "/bookings")
    [request] = bob.find_elements(By.CSS_SELECTOR, "#to-answer .request")
    assert "Graphs, please" in request.text and "ann-c" in request.text and "Ann Lovelace" not in bob.page_source
    accept = request.find_elements(By.CSS_SELECTOR, "form[action$='/accept']")
    assert len(accept) == 2
    submit(bob, f"#{request.get_attribute('id')} form[action$='/accept']:nth-of-type(2)")
    assert "Booked:" in bob.page_source
    [booking] = bob.find_elements(By.CSS_SELECTOR, "#upcoming .booking")
    assert "you interview" in booking.text
    invite_path = booking.find_element(By.PARTIAL_LINK_TEXT, "Calendar invite").get_attribute("href")
    room_url = booking.find_element(By.LINK_TEXT, "Room").get_attribute("href")

    status, kind, bob_ics = calendar_text(bob, invite_path)
    assert status == 200 and kind.startswith("text/calendar")
    status, _, ann_ics = calendar_text(ann, invite_path)
    assert status == 200
    chosen = datetime.strptime(values[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    for text, mine in ((bob_ics, "you interview ann-c"), (ann_ics, "bob-i interviewing you")):
        cal = icalendar.Calendar.from_ical(text)
        assert str(cal["METHOD"]) == "REQUEST" and str(cal["VERSION"]) == "2.0"
        [event] = cal.walk("VEVENT")
        assert event.decoded("DTSTART") == chosen
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=45)
        assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
        assert mine in str(event["SUMMARY"])
        assert str(event["URL"]) == room_url
        assert room_url in str(event["DESCRIPTION"])
        alarms = [a.decoded("TRIGGER") for a in event.walk("VALARM")]
        assert sorted(alarms) == [timedelta(hours=-24), timedelta(minutes=-15)]
        assert len(event.get("ATTENDEE")) == 2 and "partners.invalid" in str(event["ORGANIZER"]) + "".join(map(str, event.get("ATTENDEE")))
    assert "ann@example.org" not in bob_ics and "Ann Lovelace" not in bob_ics, "a handle until both agree to show names"
    assert "bob@example.org" not in ann_ics and "Bob Hopper" not in ann_ics
    assert icalendar.Calendar.from_ical(ann_ics).walk("VEVENT")[0]["UID"] == icalendar.Calendar.from_ical(bob_ics).walk("VEVENT")[0]["UID"]

    # The mock is within a day: each gets the booking mail and the reminder, the invite attached.
    wait_until(lambda: smtp.catcher.count() >= 4, "the booking and reminder mails")
    subjects = sorted((rcpts[0], msg["Subject"].split(":")[0]) for _, rcpts, msg, _ in smtp.catcher.messages)
    assert subjects == [("ann@example.org", "Mock booked"), ("ann@example.org", "Reminder"),
                        ("bob@example.org", "Mock booked"), ("bob@example.org", "Reminder")]
    for _, rcpts, msg, _ in smtp.catcher.messages:
        [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
        [event] = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")
        assert event.decoded("DTSTART") == chosen and str(event["URL"]) == room_url

    bob.get(room_url)
    wait_for(bob, "#room")
    assert "not found" not in bob.page_source.lower()

    ann.get(server.url + "/bookings")
    submit(ann, "form[action='/bookings/feed']")
    feed_url = ann.find_element(By.ID, "feed-url").get_attribute("value")
    with urllib.request.urlopen(feed_url) as r:
        assert r.headers.get_content_type() == "text/calendar"
        feed = r.read().decode()
    [parsed] = list(vobject.readComponents(feed))
    [event] = parsed.vevent_list
    assert event.dtstart.value == chosen and event.sequence.value == "0"
    assert event.uid.value == icalendar.Calendar.from_ical(ann_ics).walk("VEVENT")[0]["UID"]
