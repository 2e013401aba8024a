"""Mail through the outbox to a real SMTP server on loopback (aiosmtpd, STARTTLS with a
certificate made for the test, AUTH): a booking mails both people its invite, a mock within a day
its reminder, a cancellation its CANCEL; mails queued while the SMTP server is away are sent
once after a restart; a crash after the server took a mail but before it was recorded sends it
again with the same Message-ID; a refusing server is retried with backoff, then the mail is
marked failed and shown to the person and the admins."""
import email
import email.policy
import os
import ssl
import subprocess
import tempfile
import threading
import time

import icalendar
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from conftest import Account, Server, free_port


def wait_until(check, what, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class Catcher:
    """Records every message the SMTP server accepts; can hold its answer or refuse."""

    def __init__(self):
        self.messages = []
        self.refuse = None  # e.g. "451 4.3.0 Try again later"
        self.hold = None  # an Event: DATA waits for it before answering
        self.holding = threading.Event()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), msg, session.authenticated))
        if self.hold is not None:
            hold, self.hold = self.hold, None
            self.holding.set()
            import asyncio
            await asyncio.get_running_loop().run_in_executor(None, hold.wait)
        return "250 Message accepted for delivery"

    def count(self):
        with self.lock:
            return len(self.messages)


def certificate(directory):
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


MECHANISMS = []


def authenticator(server, session, envelope, mechanism, auth_data):
    MECHANISMS.append(mechanism)
    return AuthResult(success=auth_data.login == b"mock" and auth_data.password == b"s3cret pass")


class SMTP:
    def __init__(self, port=None, same_as=None, implicit_tls=False, mechanisms_left_out=()):
        """`same_as`: the same port and certificate as an earlier server (it comes back)."""
        if same_as:
            self.dir, port = same_as.dir, same_as.port
            self.cert, key = os.path.join(self.dir, "cert.pem"), os.path.join(self.dir, "key.pem")
        else:
            self.dir = tempfile.mkdtemp(prefix="mockloop-smtp-")
            self.cert, key = certificate(self.dir)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, key)
        self.catcher = Catcher()
        self.port = port or free_port()
        self.implicit_tls = implicit_tls
        tls = {"ssl_context": context} if implicit_tls else {"tls_context": context, "require_starttls": True}
        self.controller = Controller(self.catcher, hostname="127.0.0.1", port=self.port, authenticator=authenticator,
                                     auth_require_tls=not implicit_tls, auth_required=True, server_hostname="localhost",
                                     auth_exclude_mechanism=list(mechanisms_left_out), **tls)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def url(self, **query):
        q = "&".join(f"{k}={v}" for k, v in {"ca": self.cert, "from": "mocks@example.org", **query}.items())
        return f"{'smtps' if self.implicit_tls else 'smtp'}://mock:s3cret%20pass@localhost:{self.port}?{q}"


def confirm(smtp, account, address):
    """Opens the confirmation link mailed to `address` at sign-up, then forgets the mails so far."""
    def mailed():
        with smtp.catcher.lock:
            return [m for _, r, m, _ in smtp.catcher.messages if r == [address] and "Confirm your e-mail" in m["Subject"]]
    [msg] = wait_until(mailed, f"the confirmation mail to {address}")
    link = next(line for line in msg.get_body(("plain",)).get_content().splitlines() if "/verify/mlv_" in line).strip()
    page = account.opener.open(link, timeout=10).read().decode()
    assert "is confirmed" in page


def profile(handle):
    return {"handle": handle, "visible": True, "companies": ["Google"], "tier": "tier1", "level": "senior",
            "wants": ["coding"], "offers": ["coding"], "timeZone": "UTC", "availability": "Mon-Sun 00:00-24:00",
            "languages": ["English"]}


def people(server, smtp):
    """Ann (the first account: an admin) and Bob, each with a partner profile and a confirmed
    address; the mails so far are forgotten."""
    ann = Account(server, "ann@example.org", "Ann Lovelace")
    bob = Account(server, "bob@example.org", "Bob Hopper")
    confirm(smtp, ann, "ann@example.org")
    confirm(smtp, bob, "bob@example.org")
    with smtp.catcher.lock:
        smtp.catcher.messages.clear()
    ann.api("PUT", "/api/v1/partners/profile", profile("ann-c"))
    bob.api("PUT", "/api/v1/partners/profile", profile("bob-i"))
    return ann, bob


def book(server, smtp, slot_index=0):
    """Ann asks Bob; Bob accepts. Returns both and the booking."""
    ann, bob = people(server, smtp)
    return (ann, bob) + (ask_and_accept(server, ann, bob, slot_index),)


def ask_and_accept(server, ann, bob, slot_index):
    page = ann.opener.open(server.url + "/partners/bob-i/request", timeout=10).read().decode()
    slots = [p.split('"', 1)[0] for p in page.split('name="slot_')[1:]]
    asked = ann.api("POST", "/api/v1/partners/bob-i/requests", {"type": "coding", "slots": [slots[slot_index]]})
    return bob.api("POST", f"/api/v1/requests/{asked['id']}/accept", {"slot": slots[slot_index]})


def outbox(admin, server):
    page = admin.opener.open(server.url + "/admin/mail", timeout=10).read().decode()
    counts = {}
    for label, key in (("Waiting", "pending"), ("Being sent", "sending"), ("Sent", "sent"), ("Failed", "failed")):
        counts[key] = int(page.split(f"<dt>{label}</dt><dd", 1)[1].split(">", 1)[1].split("<", 1)[0])
    return counts, page


def test_a_booking_mails_both_with_the_invite_and_a_reminder(tmp_path):
    smtp = SMTP().start()
    server = Server(accounts=True, env={"MOCKLOOP_SMTP_URL": smtp.url(retry="0.5")})
    try:
        ann, bob, booking = book(server, smtp)
        # Booked within a day: each gets the booking and the reminder.
        wait_until(lambda: smtp.catcher.count() >= 4, "four mails")
        mails = smtp.catcher.messages
        assert all(auth for *_, auth in mails), "sent after AUTH over STARTTLS"
        assert sorted(rcpts[0] for _, rcpts, _, _ in mails) == ["ann@example.org"] * 2 + ["bob@example.org"] * 2
        ids = {m["Message-ID"] for _, _, m, _ in mails}
        assert len(ids) == 4
        for sender, rcpts, msg, _ in mails:
            assert sender == "mocks@example.org" and msg["To"].addresses[0].addr_spec == rcpts[0]
            text = msg.get_body(("plain",)).get_content()
            [invite] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
            assert invite.get_param("method") == "REQUEST"
            cal = icalendar.Calendar.from_ical(invite.get_content())
            [event] = cal.walk("VEVENT")
            assert str(event["URL"]) in text, "the room link in the text and in the invite"
            if rcpts[0] == "bob@example.org":
                assert "Ann Lovelace" not in text and "ann@example.org" not in invite.get_content()
            assert msg["Subject"].startswith(("Mock booked: Coding with", "Reminder: mock within a day: Coding with"))
        bob.api("POST", f"/api/v1/bookings/{booking['id']}/cancel")
        wait_until(lambda: smtp.catcher.count() >= 6, "the cancellations")
        cancels = [m for _, _, m, _ in smtp.catcher.messages[4:]]
        for msg in cancels:
            [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
            assert part.get_param("method") == "CANCEL"
            [event] = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")
            assert int(event["SEQUENCE"]) == 1 and str(event["STATUS"]) == "CANCELLED"
        counts, _ = outbox(ann, server)
        assert counts == {"pending": 0, "sending": 0, "sent": 8, "failed": 0}, "two confirmations and six mails about the mock"
    finally:
        server.stop()
        smtp.stop()


def test_mails_queued_while_the_server_is_away_are_sent_once_after_a_restart():
    smtp = SMTP().start()
    env = {"MOCKLOOP_SMTP_URL": smtp.url(retry="0.3", attempts="50")}
    server = Server(accounts=True, env=env)
    ann, bob = people(server, smtp)
    smtp.stop()  # the SMTP server goes away
    ask_and_accept(server, ann, bob, slot_index=3)  # more than a day ahead: no reminders
    counts, _ = outbox(ann, server)
    assert counts["pending"] + counts["sending"] == 2 and counts["sent"] == 2, "queued with the booking, not sent"
    server.kill()  # committed, not sent
    back = SMTP(same_as=smtp).start()
    server = Server(accounts=True, env=env, data_dir=server.data_dir, port=server.port)
    try:
        wait_until(lambda: outbox(ann, server)[0]["sent"] == 4, "both sent after the restart")
        assert back.catcher.count() == 2, "each sent once"
        assert sorted(r[0] for _, r, _, _ in back.catcher.messages) == ["ann@example.org", "bob@example.org"]
    finally:
        server.stop()
        back.stop()


def test_a_crash_after_the_server_took_a_mail_sends_it_again_with_the_same_message_id():
    smtp = SMTP().start()
    release = threading.Event()
    env = {"MOCKLOOP_SMTP_URL": smtp.url(retry="0.3", lease="2")}
    server = Server(accounts=True, env=env)
    try:
        ann, bob = people(server, smtp)
        smtp.catcher.hold = release
        ask_and_accept(server, ann, bob, slot_index=3)
        assert smtp.catcher.holding.wait(60), "the first mail reached the SMTP server"
        server.kill()  # the server took it; the outbox never heard
        release.set()
        server = Server(accounts=True, env=env, data_dir=server.data_dir, port=server.port)
        wait_until(lambda: outbox(ann, server)[0]["sent"] == 4, "both recorded as sent (and the two confirmations)")
        ids = [m["Message-ID"] for _, _, m, _ in smtp.catcher.messages]
        assert len(ids) == 3 and len(set(ids)) == 2, ids
        first = smtp.catcher.messages[0][2]
        again = [m for _, _, m, _ in smtp.catcher.messages[1:] if m["Message-ID"] == first["Message-ID"]]
        assert len(again) == 1 and again[0].as_bytes() == first.as_bytes(), "the same mail, byte for byte"
    finally:
        release.set()
        server.stop()
        smtp.stop()


def test_a_refusing_server_is_retried_then_the_mail_is_marked_failed_and_shown():
    smtp = SMTP().start()
    server = Server(accounts=True, env={"MOCKLOOP_SMTP_URL": smtp.url(retry="0.2", attempts="3")})
    try:
        ann, bob = people(server, smtp)
        smtp.catcher.refuse = "451 4.3.0 Mailbox busy, try again later"
        ask_and_accept(server, ann, bob, slot_index=3)
        counts, page = wait_until(lambda: (lambda c: c if c[0]["failed"] == 2 else None)(outbox(ann, server)), "both failed")
        assert counts["sent"] == 2 and counts["pending"] == 0, "only the confirmations went"
        assert page.count("451 4.3.0 Mailbox busy, try again later") == 2, page
        assert page.count('data-label="Attempts">3<') == 2, "three attempts each"
        mine = bob.opener.open(server.url + "/bookings", timeout=10).read().decode()
        assert 'id="mail-failures"' in mine and "Mock booked: Coding with ann-c" in mine
        assert smtp.catcher.count() == 0
    finally:
        server.stop()
        smtp.stop()


def test_tls_from_the_first_byte_and_auth_login():
    """smtps:// (TLS before any SMTP) to a server that offers AUTH LOGIN only."""
    smtp = SMTP(implicit_tls=True, mechanisms_left_out=("PLAIN",)).start()
    server = Server(accounts=True, env={"MOCKLOOP_SMTP_URL": smtp.url()})
    try:
        MECHANISMS.clear()
        ann = Account(server, "ann@example.org", "Ann Lovelace")
        confirm(smtp, ann, "ann@example.org")
        [(sender, rcpts, msg, authenticated)] = smtp.catcher.messages
        assert authenticated and MECHANISMS == ["LOGIN"]
        assert msg["Subject"] == "Confirm your e-mail address for MockLoop"
    finally:
        server.stop()
        smtp.stop()
