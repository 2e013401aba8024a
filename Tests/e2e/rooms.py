"""Helpers for live-room tests: open a room as its candidate, join it as the interviewer, and
talk to its socket the way room.js does (hello with the last number seen, numbered commands)."""
import http.cookiejar
import json
import re
import urllib.parse
import urllib.request

from websockets.sync.client import connect


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Person:
    """A browser-like HTTP client with its own cookies (and the form token the pages carry)."""

    def __init__(self, server, account=None):
        self.server = server
        self.jar = account.jar if account else http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, path):
        try:
            with self.opener.open(self.server.url + path, timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def form(self, page, action, fields):
        status, html = self.get(page)
        assert status == 200, (page, status, html[:300])
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode({"csrf": token, **fields}).encode()
        req = urllib.request.Request(self.server.url + action, data=data, method="POST")
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.headers.get("Location"), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location"), e.read().decode()

    def cookie_header(self, path):
        req = urllib.request.Request(self.server.url + path)
        self.jar.add_cookie_header(req)
        return req.get_header("Cookie") or ""

    def api(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.server.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
        with self.opener.open(req, timeout=60) as r:
            return json.loads(r.read().decode() or "null")


def open_room(candidate, question_id, **fields):
    status, location, body = candidate.form("/rooms/new", "/rooms", {"questionId": question_id, "showFix": "on", **fields})
    assert status == 303 or status == 302, (status, body[:500])
    path, _, fragment = location.partition("#join=")
    return path.rsplit("/", 1)[1], fragment


def join_room(interviewer, token, name="Ada Guest"):
    status, location, body = interviewer.form(f"/join/{token}", f"/join/{token}", {"name": name})
    assert status in (302, 303), (status, body[:500])
    return location


class Seat:
    """One socket to a room, recording every frame it receives."""

    def __init__(self, person, room, client="c1", after=0, origin=None):
        self.room, self.person = room, person
        url = person.server.url.replace("http://", "ws://") + f"/rooms/{room}/socket"
        headers = {"Cookie": person.cookie_header(f"/rooms/{room}/socket"), "Origin": origin or person.server.url}
        self.ws = connect(url, additional_headers=headers, max_size=None, open_timeout=10, ping_interval=None)
        self.frames = []
        self.cid = 0
        self.client = client
        self.send({"t": "hello", "after": after, "client": client})
        self.welcome = self.until(lambda f: f["t"] == "welcome")
        self.synced = self.until(lambda f: f["t"] == "synced")

    def send(self, obj):
        self.ws.send(json.dumps(obj) if not isinstance(obj, (str, bytes)) else obj)

    def recv(self, timeout=15):
        frame = json.loads(self.ws.recv(timeout=timeout))
        self.frames.append(frame)
        return frame

    def until(self, predicate, timeout=15):
        for f in self.frames:
            if predicate(f) and not f.get("_taken"):
                f["_taken"] = True
                return f
        while True:
            f = self.recv(timeout)
            if predicate(f):
                f["_taken"] = True
                return f

    def cmd(self, kind, wait=True, **fields):
        self.cid += 1
        cid = self.cid
        self.send({"t": "cmd", "cid": cid, "kind": kind, **fields})
        if not wait:
            return cid
        return self.until(lambda f: f.get("cid") == cid and f["t"] in ("ack", "error"))

    def event(self, kind, timeout=15, where=lambda b: True):
        return self.until(lambda f: f["t"] == "event" and f["kind"] == kind and where(f["body"]), timeout)

    def text(self):
        return json.dumps(self.frames)

    def close(self):
        self.ws.close()
