"""Two people in two real browsers hold a live mock: one clock, the code mirrored as it is typed,
a run both see, follow-ups, notes the candidate never sees, the interviewer's scores landing in
the candidate's log and the candidate's retrospective starting from them. Once on one instance
on SQLite with a guest interviewer, once with each person on their own instance over one
PostgreSQL. Then voice and video between the two browsers, over loopback only."""
import json
import os
import pathlib
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, _close, _driver, postgres_database
from pages import fill, submit

SOLUTION = (ROOT / "Tests" / "ReferenceSolutions" / "balanced-brackets.py").read_text()
NOTE_CANARY = "NOTE-CANARY-4410 jumped to code"


def until(d, fn, timeout=30):
    return WebDriverWait(d, timeout).until(lambda d: fn(d))


def text_of(d, element_id):
    return d.execute_script("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", element_id)


def sign_up(d, url, email, name):
    d.get(url + "/sign-up")
    fill(d, "u-email", email)
    fill(d, "u-name", name)
    fill(d, "u-password", "violet harbour kite 42")
    submit(d, "form[action='/sign-up']")


def open_and_join(cand, cand_url, iv, iv_url, guest_name=None, question="balanced-brackets"):
    cand.get(cand_url + "/rooms/new")
    cand.find_element(By.CSS_SELECTOR, f"#questionId option[value='{question}']").click()
    submit(cand, "#open-room")
    link = until(cand, lambda d: d.find_element(By.ID, "join-link").get_attribute("value"))
    assert "/join/mlj_" in link
    iv.get(link.replace(cand_url, iv_url))
    if guest_name:
        fill(iv, "name", guest_name)
    submit(iv, "#join-room")
    until(iv, lambda d: "Connected as the interviewer" in text_of(d, "status"))
    until(cand, lambda d: "(interviewer)" in text_of(d, "present"))


def whole_mock(cand, cand_url, iv, iv_url, guest_name=None):
    open_and_join(cand, cand_url, iv, iv_url, guest_name)
    key_points = iv.execute_script("return [...document.querySelectorAll('#key-points li')].map(li => li.textContent)")
    assert key_points, "the interviewer has the key points"
    iv.find_element(By.ID, "start").click()
    until(cand, lambda d: d.find_element(By.ID, "prompt-card").is_displayed())
    until(cand, lambda d: text_of(d, "clock") not in ("", "0:00"))

    area = cand.find_element(By.ID, "code")
    area.send_keys(Keys.CONTROL, "a")
    area.send_keys(Keys.DELETE)
    area.send_keys(SOLUTION.replace("    ", "\t").replace("\t", "    "))
    until(iv, lambda d: text_of(d, "code-view") == SOLUTION, timeout=40)
    # Typed while nothing reaches the server (the socket's sends dropped), then a reload: the
    # tab keeps what was never acknowledged, sends it after the reload, the room stores it once
    # and the editor opens on the room's text with it.
    cand.execute_script("WebSocket.prototype.send = function () {}")
    area.send_keys(Keys.CONTROL, Keys.END)
    area.send_keys("# last words\n")
    until(cand, lambda d: d.execute_script("return window.mockloopRoom.pending") > 0)
    cand.refresh()
    final = SOLUTION + "# last words\n"
    until(iv, lambda d: text_of(d, "code-view") == final, timeout=40)
    until(cand, lambda d: d.execute_script(
        "const a = document.getElementById('code'); return !a.readOnly && a.value === arguments[0]", final), timeout=40)
    assert cand.execute_script("return window.mockloopRoom.code") == final
    until(cand, lambda d: d.find_element(By.ID, "prompt-card").is_displayed())

    cand.find_element(By.ID, "run").click()
    for d in (cand, iv):
        until(d, lambda d: "passed (accepted)" in text_of(d, "runs"), timeout=90)

    iv.find_element(By.CSS_SELECTOR, "#follow-ups button").click()
    until(cand, lambda d: "Follow-up:" in text_of(d, "chat"))
    fill(iv, "note-text", NOTE_CANARY)
    iv.find_element(By.CSS_SELECTOR, "#note-form button").click()
    until(iv, lambda d: NOTE_CANARY in text_of(d, "notes"))
    fill(cand, "chat-text", "Can the input be empty?")
    cand.find_element(By.CSS_SELECTOR, "#chat-form button").click()
    until(iv, lambda d: "Can the input be empty?" in text_of(d, "chat"))

    dims = iv.execute_script("return [...document.querySelectorAll('#score-dims fieldset')].map(f => f.querySelector('input').name.slice(6))")
    for n, key in enumerate(dims):
        iv.find_element(By.CSS_SELECTOR, f"input[name='score-{key}'][value='{1 if n == 0 else 3}']").click()
        fill(iv, f"note-{key}", "Jumped to code at minute one" if n == 0 else "Solid")
    fill(iv, "fb-stronger", "State the complexity before coding.")
    fill(iv, "fb-communication", "Clear and steady.")
    fill(iv, "fb-concerns", "Did not test the empty string.")
    iv.find_element(By.CSS_SELECTOR, "#end-form button[type=submit]").click()
    until(cand, lambda d: d.find_element(By.ID, "ended").is_displayed())
    until(iv, lambda d: d.find_element(By.ID, "ended").is_displayed())
    # The interviewer's own retrospective starts from what they did in the room.
    assert text_of(iv, "reflect-facts") == "You asked 1 follow-up, gave 0 hints and wrote 1 note."
    fill(iv, "reflect-well", "REFLECT-CANARY let the silence work")
    fill(iv, "reflect-next", "Ask for the complexity before the code")
    iv.find_element(By.CSS_SELECTOR, "#reflect-form button[type=submit]").click()
    until(iv, lambda d: text_of(d, "reflected").startswith("Saved"))

    # Nothing of the interviewer's side ever reached the candidate's page or socket.
    frames = cand.execute_script("return JSON.stringify(window.mockloopRoom.frames)")
    for secret in [NOTE_CANARY, "REFLECT-CANARY"] + key_points:
        assert secret not in frames and secret not in cand.page_source, secret
    assert NOTE_CANARY in iv.execute_script("return JSON.stringify(window.mockloopRoom.frames)")

    cand.find_element(By.ID, "to-session").click()
    until(cand, lambda d: d.find_elements(By.ID, "retro-form"))
    first = dims[0]
    assert cand.find_element(By.ID, f"score_{first}").get_attribute("value") == "1"
    assert cand.find_element(By.ID, "fixDimension").get_attribute("value") == first, "the fix starts on the lowest score"
    assert cand.find_element(By.ID, "wentWrong").get_attribute("value") == "The interviewer noted: Jumped to code at minute one"
    fill(cand, "wentWell", "Working code on the first run")
    fill(cand, "fix", "Say the approach and its complexity before typing")
    fill(cand, "drill", "Three problems: approach out loud first, then code")
    submit(cand, "form[action$='/retro']")
    assert "Say the approach and its complexity before typing" in text_of(cand, "retro")
    return dims


def test_a_live_mock_with_a_guest_interviewer(server, browser, other_browser):
    whole_mock(browser, server.url, other_browser, server.url, guest_name="Grace Hopper")
    browser.get(server.url + "/log")
    row = browser.find_element(By.CSS_SELECTOR, "table.log tbody tr").text
    assert "Grace Hopper" in row and "Completed" in row


def test_a_live_mock_across_two_instances(make_server, browser, other_browser):
    url = postgres_database()
    if not url:
        pytest.skip("no PostgreSQL for this run (MOCKLOOP_TEST_POSTGRES_URL)")
    a, b = make_server(database_url=url, accounts=True), make_server(database_url=url, accounts=True)
    sign_up(browser, a.url, "ann@example.org", "Ann")
    sign_up(other_browser, b.url, "bob@example.org", "Bob")
    whole_mock(browser, a.url, other_browser, b.url)
    browser.get(a.url + "/log")
    assert "Bob" in browser.find_element(By.CSS_SELECTOR, "table.log tbody tr").text
    other_browser.get(b.url + "/log")
    assert "You have interviewed 1 live mock for others." in text_of(other_browser, "mocks-given")


def tiny_video():
    """A 64×48 Y4M clip at 10 frames a second, so two fake cameras fit on two cores."""
    path = pathlib.Path(tempfile.mkdtemp(prefix="mockloop-video-")) / "tiny.y4m"
    w, h = 64, 48
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n".encode())
        for n in range(20):
            f.write(b"FRAME\n" + bytes([(n * 12 + x) % 256 for x in range(w)]) * h + bytes([128]) * (w * h // 2))
    return str(path)


@pytest.fixture
def media_browsers(request):
    video = tiny_video()
    args = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", f"--use-file-for-fake-video-capture={video}",
            "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required"]
    drivers = [_driver(args), _driver(args)]
    yield drivers
    for n, d in enumerate(drivers):
        _close(request, d, f"-media{n}")


STATS = """
const done = arguments[arguments.length - 1];
const pc = window.mockloopRoom.call;
if (!pc) { done(null); return; }
pc.getStats().then(report => {
  const out = {state: pc.connectionState, decoded: 0, local: [],
  sdp: (pc.localDescription.sdp.match(/^a=candidate:.*$/gm) || []).map(l => l.split(' ')[4])};
  report.forEach(s => {
    if (s.type === 'inbound-rtp' && s.kind === 'video') out.decoded += s.framesDecoded || 0;
    if (s.type === 'local-candidate') out.local.push(s.address);
  });
  done(out);
});
"""


def test_voice_and_video_between_two_browsers_over_loopback(server, media_browsers):
    cand, iv = media_browsers
    open_and_join(cand, server.url, iv, server.url, guest_name="Grace Hopper")
    # The lobby's check: the camera's picture and the microphone's level, then let go.
    iv.find_element(By.ID, "check-devices").click()
    until(iv, lambda d: d.execute_script(
        "return document.getElementById('check-video').videoWidth > 0 && (window.mockloopRoom.micPeak || 0) > 0"), timeout=30)
    iv.find_element(By.ID, "check-devices").click()
    assert not iv.find_element(By.ID, "check-video").is_displayed()
    cand.find_element(By.ID, "call").click()

    def connected_with_frames(d):
        stats = d.execute_async_script(STATS)
        return stats if stats and stats["state"] == "connected" and stats["decoded"] > 0 else None

    for d in (cand, iv):
        stats = until(d, connected_with_frames, timeout=60)
        # Every ICE candidate: this side's own, and those the other side sent through the room.
        signalled = d.execute_script(
            "return window.mockloopRoom.frames.filter(f => f.kind === 'signal' && f.body.candidate)"
            ".map(f => f.body.candidate.candidate.split(' ')[4])")
        for where, addresses in (("local", stats["local"]), ("sdp", stats["sdp"]), ("signalled", signalled)):
            assert addresses and set(addresses) == {"127.0.0.1"}, (where, addresses)
    # The call is signalled through the room's own socket: the offer and answer went that way.
    sent = cand.execute_script("return JSON.stringify(window.mockloopRoom.frames.filter(f => f.kind === 'signal'))")
    assert '"type":"answer"' in sent
