"""A live room's socket without a browser: a whole mock, what the candidate's socket may never
carry, bad frames, resends after a cut connection, and two instances on one PostgreSQL."""
import json
import socket
import sqlite3
import threading

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from conftest import Server, postgres_database
from rooms import Person, Seat, join_room, open_room

CANARIES = ["FOLLOWUP-CANARY-7731", "HINT-CANARY-5519", "KEYPOINT-CANARY-2284", "NOTE-CANARY-9902"]


def canary_question(person):
    made = person.api("POST", "/api/v1/questions", {
        "title": "Rate limiter", "type": "coding", "difficulty": "medium", "prompt": "Design a rate limiter function.",
        "followUps": [CANARIES[0]], "hints": [CANARIES[1]], "keyPoints": [CANARIES[2]]})
    return (made[0] if isinstance(made, list) else made)["id"]


def test_a_whole_mock_and_what_the_candidate_never_sees(server):
    cand, iv = Person(server), Person(server)
    room, token = open_room(cand, canary_question(cand), minutes="30")
    join_room(iv, token, name="Grace Interviewer")
    c, i = Seat(cand, room, client="cand-1"), Seat(iv, room, client="int-1")
    assert c.welcome["role"] == "candidate" and i.welcome["role"] == "interviewer"
    assert i.welcome["brief"]["keyPoints"] == [CANARIES[2]] and "brief" not in c.welcome or c.welcome.get("brief") is None

    # The candidate may not run the interviewer's side: refused, and nothing is stored.
    for kind, fields in [("start", {}), ("note", {"text": "x"}), ("hint", {"text": "x"}), ("end", {}),
                         ("score", {"dimension": "x", "score": 2}), ("followup", {"index": 0}), ("mark", {"index": 1})]:
        answer = c.cmd(kind, **fields)
        assert answer["t"] == "error" and "cannot" in answer["message"], (kind, answer)
    assert i.cmd("code", at=0, ins="x", **{"del": 0})["t"] == "error", "only the candidate types"

    assert i.cmd("start")["t"] == "ack"
    prompt = c.event("prompt")["body"]
    assert prompt["prompt"] == "Design a rate limiter function."
    assert c.event("clock")["body"]["startedAt"]

    typed = ""
    for piece in ["def allow(", "user", "):\n", "    return True\n"]:
        assert c.cmd("code", at=len(typed), ins=piece, cursor=len(typed) + len(piece), **{"del": 0})["t"] == "ack"
        typed += piece
    seen = i.event("code", where=lambda b: b["ins"] == "    return True\n")
    assert seen["body"]["cursor"] == len(typed)

    assert i.cmd("note", text=CANARIES[3] + " jumped to code")["t"] == "ack"
    note = i.event("note")["body"]
    assert note["text"].startswith(CANARIES[3]) and note["clock"] >= 0
    assert i.cmd("followup", index=0)["t"] == "ack"
    assert c.event("followup")["body"]["text"] == CANARIES[0], "a follow-up asked is said to the candidate"
    assert i.cmd("hint", text="Think about a sliding window.")["t"] == "ack"
    assert c.event("hint")["body"]["n"] == 1
    assert i.cmd("pause")["t"] == "ack" and i.cmd("resume")["t"] == "ack"
    assert i.cmd("phase", index=2)["t"] == "ack"
    assert i.cmd("phase", index=99)["t"] == "error"
    assert c.cmd("chat", text="Can I assume one process?")["t"] == "ack"
    assert i.event("chat")["body"]["text"] == "Can I assume one process?"
    assert i.cmd("score", dimension="problem_solving", score=2)["t"] == "ack"

    # Scoring at the end needs every dimension: an incomplete sheet is refused and nothing ends.
    dims = [d["key"] for d in i.welcome["rubric"]["dimensions"]]
    partial = i.cmd("end", scores={dims[0]: {"score": 2}}, feedback={"name": "x", "stronger": "a", "communication": "b", "concerns": "c"})
    assert partial["t"] == "error" and any(k.startswith("score_") for k in partial["fields"]), partial

    # A reconnect in the middle: the backlog after the last number seen, and the whole room after 0.
    last = max(f["seq"] for f in c.frames if f["t"] == "event")
    c.close()
    again = Seat(cand, room, client="cand-2", after=last)
    full = Seat(cand, room, client="cand-3", after=0)
    assert full.synced["seq"] >= last
    code_events = [f["body"] for f in full.frames if f["t"] == "event" and f["kind"] == "code"]
    rebuilt = ""
    for b in code_events:
        rebuilt = rebuilt[:b["at"]] + b["ins"] + rebuilt[b["at"] + b["del"]:]
    assert rebuilt == typed

    scores = {d: {"score": 2 if n else 1, "note": "Clarified well" if n else "Quiet while coding"} for n, d in enumerate(dims)}
    feedback = {"name": "ignored", "stronger": "Say the complexity.", "communication": "Clear.", "concerns": "Edge cases."}
    assert i.cmd("end", scores=scores, feedback=feedback)["t"] == "ack"
    ended = again.event("ended")["body"]
    assert i.cmd("hint", text="late")["t"] == "error", "nothing happens after the end"

    session = cand.api("GET", f"/api/v1/sessions/{ended['sessionId']}")
    assert session["status"] == "completed" and session["mode"] == "peer"
    assert session["interviewer"] == "Grace Interviewer"
    assert {k: v["score"] for k, v in session["scores"]["interviewerScores"].items()} == {k: v["score"] for k, v in scores.items()}
    assert session["scores"]["hintsUsed"] == 1 and session["scores"]["pauses"] == 1
    assert session["scores"]["durationMinutes"] >= 1

    # What the interviewer alone saw reached the interviewer, and none of the candidate's sockets.
    interviewer_text = i.text()
    for canary in CANARIES:
        assert canary in interviewer_text, canary
    candidate_text = c.text() + again.text() + full.text()
    for canary in [CANARIES[1], CANARIES[2], CANARIES[3]]:
        assert canary not in candidate_text, canary
    for s in (i, again, full):
        s.close()


def test_bad_frames_are_refused_and_oversize_messages_close_the_socket(server):
    cand, iv = Person(server), Person(server)
    room, token = open_room(cand, "balanced-brackets")
    c = Seat(cand, room)
    c.send("not json")
    assert "not JSON" in c.until(lambda f: f["t"] == "error")["message"]
    c.send(json.dumps({"t": "cmd", "cid": 1, "kind": "chat", "text": "hi", "room": "00000000-0000-0000-0000-000000000000"}))
    assert "another room" in c.until(lambda f: f["t"] == "error")["message"]
    c.send(json.dumps({"t": "cmd", "cid": 2, "kind": "teleport"}))
    assert "malformed" in c.until(lambda f: f["t"] == "error")["message"]
    c.send(json.dumps({"t": "cmd", "cid": 3, "kind": "chat", "text": "x" * 3000}))
    assert c.until(lambda f: f.get("cid") == 3)["fields"]["text"].startswith("is longer")

    # One frame past the bound, then one message past it in small fragments: both close with 1009.
    big = Seat(cand, room, client="big")
    big.send("x" * 200_000)
    with pytest.raises(ConnectionClosed) as closed:
        big.recv(timeout=10)
    assert closed.value.rcvd.code == 1009
    frag = Seat(cand, room, client="frag")
    # The server may close before the last fragment is out: either way it closed with 1009.
    with pytest.raises(ConnectionClosed) as closed:
        frag.ws.send(iter(["[" + "1," * 1000 for _ in range(100)]))
        frag.recv(timeout=10)
    assert closed.value.rcvd.code == 1009
    binary = Seat(cand, room, client="bin")
    binary.ws.send(b"\x00\x01")
    with pytest.raises(ConnectionClosed):
        while True:
            binary.recv(timeout=10)
    assert binary.ws.close_code == 1003

    # Another site's page may not open the room's socket, even with the seat's cookie.
    with pytest.raises(InvalidStatus) as refused:
        Seat(cand, room, origin="http://evil.example")
    assert refused.value.response.status_code == 403
    # Without a seat there is no room at all.
    join_room(iv, token)
    with pytest.raises(InvalidStatus) as missing:
        connect(server.url.replace("http", "ws") + "/rooms/00000000-0000-0000-0000-000000000000/socket",
                additional_headers={"Origin": server.url})
    assert missing.value.response.status_code == 404
    c.close()


class CutProxy:
    """A loopback TCP proxy whose connections can be cut mid-stream."""

    def __init__(self, port):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.target = port
        self.pairs = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                a, _ = self.listener.accept()
            except OSError:
                return
            b = socket.create_connection(("127.0.0.1", self.target))
            self.pairs.append((a, b))
            for x, y in ((a, b), (b, a)):
                threading.Thread(target=self.pump, args=(x, y), daemon=True).start()

    @staticmethod
    def pump(src, dst):
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass

    def cut(self):
        for a, b in self.pairs:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()


def test_nothing_typed_is_lost_when_the_connection_is_cut(server):
    cand, iv = Person(server), Person(server)
    room, token = open_room(cand, "balanced-brackets")
    join_room(iv, token)
    watcher = Seat(iv, room, client="watch")
    start = next(f["body"]["ins"] for f in watcher.frames if f["t"] == "event" and f["kind"] == "code")

    proxy = CutProxy(server.port)

    class ViaProxy:
        url = f"http://127.0.0.1:{proxy.port}"
    typist = Person(ViaProxy, account=cand)
    c = Seat(typist, room, client="typist")
    # Typing without waiting, as the page does; the connection is cut with some unanswered.
    sent, text = [], start
    for n in range(40):
        piece = f"# line {n}\n"
        cmd = {"t": "cmd", "cid": n + 1, "kind": "code", "at": len(text), "del": 0, "ins": piece, "cursor": 0}
        c.send(cmd)
        sent.append(cmd)
        text += piece
    proxy.cut()
    acked = set()
    try:
        while True:
            f = c.recv(timeout=5)
            if f["t"] == "ack":
                acked.add(f["cid"])
    except (ConnectionClosed, TimeoutError):
        pass
    # The page resends everything not acknowledged (and the server stores each command once,
    # so resending some it had stored too is harmless).
    again = Seat(cand, room, client="typist", after=max([0] + [f["seq"] for f in c.frames if f.get("t") == "ack"]))
    for cmd in sent:
        again.send(cmd)
    answers = {again.until(lambda f, n=n: f.get("cid") == n)["t"] for n in range(1, 41)}
    assert answers == {"ack"}
    full = Seat(iv, room, client="check", after=0)
    rebuilt = ""
    for f in full.frames:
        if f["t"] == "event" and f["kind"] == "code":
            b = f["body"]
            rebuilt = rebuilt[:b["at"]] + b["ins"] + rebuilt[b["at"] + b["del"]:]
    assert rebuilt == text, "every change landed exactly once"

    # Twenty reconnects in a row: each resumes from where it was, and the room goes on.
    last = full.synced["seq"]
    for n in range(20):
        s = Seat(cand, room, client=f"re-{n}", after=last)
        assert s.cmd("chat", text=f"again {n}")["t"] == "ack"
        last = s.until(lambda f: f["t"] == "event" and f["kind"] == "chat")["seq"]
        s.close()
    chats = [f for f in Seat(iv, room, client="count", after=0).frames if f["t"] == "event" and f["kind"] == "chat"]
    assert [f["body"]["text"] for f in chats] == [f"again {n}" for n in range(20)]


def test_a_guest_is_shut_out_when_the_room_expires(make_server):
    server = make_server()
    cand, iv = Person(server), Person(server)
    room, token = open_room(cand, "balanced-brackets")
    join_room(iv, token)
    i = Seat(iv, room, client="guest")
    assert i.cmd("start")["t"] == "ack"
    with sqlite3.connect(f"{server.data_dir}/mockloop.sqlite") as db:
        db.execute("UPDATE rooms SET expires_at = '2000-01-01 00:00:00' WHERE id = ? COLLATE NOCASE", (room,))
    i.cmd("note", wait=False, text="after expiry")
    closing = i.until(lambda f: f["t"] == "closed")
    assert "not open" in closing["message"]
    with pytest.raises(ConnectionClosed):
        while True:
            i.recv(timeout=10)
    assert i.ws.close_code == 1008
    status, _ = iv.get(f"/rooms/{room}")
    assert status == 404


def test_an_ended_room_stays_with_the_candidates_session_after_it_closes(make_server):
    server = make_server()
    cand, iv = Person(server), Person(server)
    room, token = open_room(cand, "balanced-brackets")
    join_room(iv, token)
    c, i = Seat(cand, room, client="c"), Seat(iv, room, client="i")
    assert i.cmd("start")["t"] == "ack"
    assert c.cmd("code", at=0, ins="# REPLAY-MARK\n", cursor=0, **{"del": 0})["t"] == "ack"
    end_mock(i)
    session = c.event("ended")["body"]["sessionId"]
    # A room never used, left to expire: it goes with its events.
    unused, _ = open_room(cand, "balanced-brackets")
    # SQLite keeps dates as numbers: 1.0 is long past.
    with sqlite3.connect(f"{server.data_dir}/mockloop.sqlite") as db:
        db.execute("UPDATE rooms SET expires_at = 1.0 WHERE lower(id) IN (?, ?)", (room, unused))
    open_room(cand, "balanced-brackets")  # opening a room sweeps the expired ones
    with sqlite3.connect(f"{server.data_dir}/mockloop.sqlite") as db:
        kept = {r[0].lower() for r in db.execute("SELECT id FROM rooms")}
    assert room in kept and unused not in kept
    # The seats are closed: the room and its socket are gone for both, the record for the guest.
    assert iv.get(f"/rooms/{room}")[0] == 404
    assert cand.get(f"/rooms/{room}")[0] == 404
    assert iv.get(f"/rooms/{room}/replay")[0] == 404
    # The candidate keeps the replay with the session.
    status, page = cand.get(f"/sessions/{session}")
    assert status == 200 and f'href="/rooms/{room}/replay"' in page and "whiteboard.svg" not in page
    status, replay = cand.get(f"/rooms/{room}/replay")
    assert status == 200 and "REPLAY-MARK" in replay


def test_two_instances_on_one_postgres_relay_each_others_events(make_server):
    url = postgres_database()
    if not url:
        pytest.skip("no PostgreSQL for this run (MOCKLOOP_TEST_POSTGRES_URL)")
    a = make_server(database_url=url, accounts=True)
    b = make_server(database_url=url, accounts=True)
    from conftest import Account
    ann = Account(a, "ann@example.org", "Ann")
    bob = Account(b, "bob@example.org", "Bob")
    cand, iv = Person(a, ann), Person(b, bob)
    room, token = open_room(cand, "balanced-brackets")
    join_room(iv, token)
    c, i = Seat(cand, room, client="a"), Seat(iv, room, client="b")
    assert i.welcome["interviewer"] == "Bob"
    assert i.cmd("start")["t"] == "ack"
    assert c.event("prompt")["body"]["title"]
    for n in range(30):
        c.cmd("code", wait=False, at=0, ins=f"{n}\n", cursor=0, **{"del": 0})
    assert i.event("code", where=lambda body: body["ins"] == "29\n")
    seqs = [f["seq"] for f in i.frames if f["t"] == "event"]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs)), "one order, agreed by the database"
    assert i.cmd("note", text=CANARIES[3])["t"] == "ack"
    assert c.cmd("chat", text="done?")["t"] == "ack"
    assert CANARIES[3] not in c.text()


def end_mock(i, feedback_name="x"):
    dims = [d["key"] for d in i.welcome["rubric"]["dimensions"]]
    scores = {d: {"score": 2, "note": f"note on {d}"} for d in dims}
    feedback = {"name": feedback_name, "stronger": "Say the complexity.", "communication": "Clear.", "concerns": "Edge cases."}
    assert i.cmd("end", scores=scores, feedback=feedback)["t"] == "ack"


def test_swap_roles_runs_the_reciprocal_mock_in_each_candidates_log(make_server):
    from conftest import Account
    server = make_server(accounts=True)
    ann, bob = Account(server, "ann@example.org", "Ann"), Account(server, "bob@example.org", "Bob")
    a, b = Person(server, ann), Person(server, bob)
    for person, handle in ((a, "ann-swap"), (b, "bob-swap")):
        person.api("PUT", "/api/v1/partners/profile", {
            "handle": handle, "tier": "tier1", "level": "senior", "wants": ["coding"], "offers": ["coding"],
            "timeZone": "UTC", "availability": "Mon-Sun 10:00-12:00"})
    assert a.api("GET", "/api/v1/partners")["partners"][0]["reasons"][-1] == "Senior, at or above your Senior", "no ledger yet"
    room, token = open_room(a, "balanced-brackets")
    join_room(b, token)
    c, i = Seat(a, room, client="ann"), Seat(b, room, client="bob")
    assert c.welcome["canSwap"] and i.welcome["interviewer"] == "Bob"
    assert c.cmd("swap")["t"] == "error", "swap comes after the end"
    assert i.cmd("start")["t"] == "ack"
    assert i.cmd("note", text=CANARIES[3])["t"] == "ack"
    assert "once the mock has ended" in i.cmd("reflect", wentWell="a", nextTime="b")["message"]
    end_mock(i)
    c.event("ended")
    # The interviewer's own retrospective: theirs alone, both parts required.
    assert i.cmd("reflect", wentWell="Kept to time", nextTime=" ")["fields"]["nextTime"] == "is required"
    assert c.cmd("reflect", wentWell="x", nextTime="y")["t"] == "error", "only the interviewer writes it"
    assert i.cmd("reflect", wentWell="REFLECT-CANARY kept to time", nextTime="Ask for the complexity sooner")["t"] == "ack"
    assert i.event("reflected")["body"]["nextTime"] == "Ask for the complexity sooner"
    assert i.cmd("rate", specific=3, honest=2)["t"] == "error", "only the candidate rates the feedback"
    assert c.cmd("rate", specific=5, honest=2)["fields"]["specific"]
    assert c.cmd("rate", specific=3, honest=2)["t"] == "ack"
    assert i.event("rated")["body"] == {"specific": 3, "honest": 2}
    assert "REFLECT-CANARY" not in c.text()

    assert c.cmd("swap")["t"] == "ack" and i.cmd("swap")["t"] == "ack"
    first, second = c.event("swapped")["body"]["room"], i.event("swapped")["body"]["room"]
    assert first == second, "both presses lead to one reciprocal room"
    # In the new room Bob is the candidate and Ann the interviewer, on another question.
    bob_seat, ann_seat = Seat(b, first, client="bob2"), Seat(a, first, client="ann2")
    assert bob_seat.welcome["role"] == "candidate" and ann_seat.welcome["role"] == "interviewer"
    assert bob_seat.welcome["title"] != c.welcome["title"]
    brief = ann_seat.welcome["brief"]
    assert ann_seat.cmd("start")["t"] == "ack"
    assert ann_seat.cmd("note", text="SWAP-NOTE-CANARY")["t"] == "ack"
    bob_seat.event("prompt")
    assert "SWAP-NOTE-CANARY" not in bob_seat.text() and CANARIES[3] not in bob_seat.text()
    for secret in brief["keyPoints"] + brief["hints"]:
        assert secret not in bob_seat.text(), secret
    end_mock(ann_seat)
    bob_seat.event("ended")

    ann_entries = a.api("GET", "/api/v1/sessions")["entries"]
    bob_entries = b.api("GET", "/api/v1/sessions")["entries"]
    assert [(e["interviewer"], e["status"]) for e in ann_entries] == [("Bob", "completed")]
    assert [(e["interviewer"], e["status"]) for e in bob_entries] == [("Ann", "completed")]
    status, page = b.get("/log")
    assert status == 200 and "You have interviewed 1 live mock for others." in page
    assert f'href="/rooms/{room}/replay"' in page and "with Ann" in page
    # After the room closes, Bob keeps the mock he gave (his retrospective with it), Ann her session's.
    with sqlite3.connect(f"{server.data_dir}/mockloop.sqlite") as db:
        db.execute("UPDATE rooms SET expires_at = 1.0 WHERE lower(id) = ?", (room,))
    assert b.get(f"/rooms/{room}")[0] == 404
    status, replay = b.get(f"/rooms/{room}/replay")
    assert status == 200 and "REFLECT-CANARY kept to time" in replay and "Ask for the complexity sooner" in replay
    status, replay = a.get(f"/rooms/{room}/replay")
    assert status == 200 and "REFLECT-CANARY" not in replay
    status, page = a.get(f"/sessions/{ann_entries[0]['id']}")
    assert "you rated it specific 3, honest 2" in page
    # The partner ledger follows the rooms: each gave one and received one; Ann rated Bob's feedback.
    [bob_card] = a.api("GET", "/api/v1/partners")["partners"]
    assert "gave 1, received 1 here" in bob_card["reasons"]
    assert "their feedback is rated 2.5 of 3 for specific and honest (1 rating)" in bob_card["reasons"]
    assert "you paired today: try someone new" in bob_card["reasons"]


def test_replay_and_whiteboard(server):
    cand, iv = Person(server), Person(server)
    design = cand.api("GET", "/api/v1/questions?type=system_design")[0]["id"]
    room, token = open_room(cand, design)
    join_room(iv, token)
    c, i = Seat(cand, room, client="c"), Seat(iv, room, client="i")
    assert i.cmd("draw", data={"shape": "box", "x": 10, "y": 20, "w": 100, "h": 50})["t"] == "ack"
    assert c.cmd("draw", data={"shape": "text", "x": 15, "y": 40, "text": "<script>alert(1)</script> & cache"})["t"] == "ack"
    assert c.cmd("draw", data={"shape": "arrow", "x": 110, "y": 45, "x2": 300, "y2": 45})["t"] == "ack"
    assert i.event("draw", where=lambda b: b["shape"] == "arrow")
    status, svg = cand.get(f"/rooms/{room}/whiteboard.svg")
    assert status == 200 and svg.count("<rect x=") == 1 and "<line " in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; cache" in svg and "<script>" not in svg

    coding_room, token2 = open_room(cand, "balanced-brackets")
    c2 = Seat(cand, coding_room, client="c2")
    start = c2.event("code")["body"]["ins"]
    assert c2.cmd("code", at=len(start), ins="# done\n", cursor=0, **{"del": 0})["t"] == "ack"
    status, page = cand.get(f"/rooms/{coding_room}/replay")
    steps = json.loads(__import__("html").unescape(page.split('data-steps="', 1)[1].split('"', 1)[0]))
    assert [s["ins"] for s in steps] == [start, "# done\n"]
    assert cand.get("/rooms/00000000-0000-0000-0000-000000000000/replay")[0] == 404
