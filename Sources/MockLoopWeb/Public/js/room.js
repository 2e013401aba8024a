// A live room: one socket to the server, which numbers every event. The page keeps the last
// number it applied and, after a dropped connection, asks for what came after it; commands
// wait in `pending` until the server acknowledges them and are resent after a reconnect (the
// server stores a resent command once). A reload in the same tab keeps the page's client id and
// its unacknowledged commands (sessionStorage), so what was typed just before it is sent after
// it and stored once. All text from people goes in with textContent.
const root = document.getElementById("room");
const roomId = root.dataset.room;
const role = root.dataset.role;
const $ = (id) => document.getElementById(id);
const keptAs = `mockloop-room-${roomId}`;
const kept = (() => { try { return JSON.parse(sessionStorage.getItem(keptAs)) || {}; } catch { return {}; } })();
const client = kept.client || (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));

let socket = null;
let lastSeq = 0;
let nextCid = kept.nextCid || 1;
const pending = new Map((kept.pending || []).map((c) => [c.cid, c]));
// The highest number an acknowledgement named: the editor opens once the page has applied it.
let ackedSeq = 0;
let backlogIn = false;
// Call signalling is not kept: a reloaded page starts its call afresh, and an old offer would
// only confuse the partner's.
function keep() {
  const resendable = [...pending.values()].filter((c) => c.kind !== "signal");
  try { sessionStorage.setItem(keptAs, JSON.stringify({ client, nextCid, pending: resendable })); } catch { /* private mode: reconnects still resend */ }
}
let welcome = null;
let clockOffset = 0;
let clock = null;
let code = "";
let sentCode = null;
let ended = false;
let retryMs = 250;
const present = new Map();

// Exposed for tests and for people debugging their own room: what the page has applied.
window.mockloopRoom = { get lastSeq() { return lastSeq; }, get code() { return code; }, get pending() { return pending.size; }, frames: [] };

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(`${scheme}//${location.host}/rooms/${roomId}/socket`);
  socket.onopen = () => {
    retryMs = 250;
    socket.send(JSON.stringify({ t: "hello", after: lastSeq, client }));
  };
  socket.onmessage = (m) => receive(JSON.parse(m.data));
  socket.onclose = (e) => {
    if (e.code === 1008) { status("This room is closed to you: it ended, expired, or your seat was taken back."); return; }
    status("Connection lost: reconnecting…");
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  };
}

function send(kind, fields = {}) {
  const cmd = { t: "cmd", cid: nextCid++, kind, ...fields };
  pending.set(cmd.cid, cmd);
  keep();
  if (socket && socket.readyState === WebSocket.OPEN && welcome) socket.send(JSON.stringify(cmd));
  return cmd.cid;
}

function receive(frame) {
  window.mockloopRoom.frames.push(frame);
  switch (frame.t) {
    case "welcome": onWelcome(frame); break;
    case "event": apply(frame); settle(); break;
    case "ack": pending.delete(frame.cid); keep(); ackedSeq = Math.max(ackedSeq, frame.seq || 0); settle(); break;
    case "synced": onSynced(frame.seq); break;
    case "error": onError(frame); break;
    case "closed": status(frame.message); break;
  }
}

function onWelcome(w) {
  const first = !welcome;
  welcome = w;
  clockOffset = Date.parse(w.serverTime) - Date.now();
  status(`Connected as the ${role}.`);
  if (first) setUp(w);
  // What the server had not acknowledged goes again, in order; it keeps each once.
  for (const cid of [...pending.keys()].sort((a, b) => a - b)) socket.send(JSON.stringify(pending.get(cid)));
}

let synced = false;
function onSynced(seq) {
  lastSeq = Math.max(lastSeq, seq);
  backlogIn = true;
  settle();
}

// The editor opens once the backlog is in and, after a reload, once the changes the page had
// not had acknowledged are stored and back: its text is then the room's, offsets and all.
function settle() {
  if (synced || !backlogIn) return;
  if ([...pending.values()].some((c) => c.kind === "code") || lastSeq < ackedSeq) { status("Restoring your last edits…"); return; }
  synced = true;
  const area = $("code");
  if (area && sentCode === null) { area.value = code; sentCode = code; area.readOnly = false; }
  if (welcome) status(`Connected as the ${role}.`);
}

function onError(frame) {
  if (frame.cid) { pending.delete(frame.cid); keep(); settle(); }
  if (frame.kind === "reflect") {
    const fields = Object.entries(frame.fields || {}).map(([f, p]) => `${f === "wentWell" ? "what went well" : "what you will do differently"} ${p}`).join("; ");
    $("reflected").textContent = fields || frame.message;
    return;
  }
  if (frame.kind === "end") {
    const box = $("end-error");
    box.hidden = false;
    const fields = Object.entries(frame.fields || {}).map(([f, p]) => `${f}: ${p}`).join("; ");
    box.textContent = frame.message + (fields ? ` (${fields})` : "");
    return;
  }
  status(frame.message);
}

function status(text) { $("status").textContent = text; }

function setUp(w) {
  $("room-title").textContent = `${w.title} · ${w.candidate}${w.interviewer ? " with " + w.interviewer : ""}`;
  $("clock-total").textContent = mmss(w.minutes * 60);
  const link = location.hash.startsWith("#join=") ? `${location.origin}/join/${location.hash.slice(6)}` : null;
  if (link && $("join-link-box")) { $("join-link-box").hidden = false; $("join-link").value = link; }
  const rubric = $("rubric");
  for (const d of w.rubric.dimensions) {
    const dt = document.createElement("dt"); dt.textContent = d.name;
    const dd = document.createElement("dd"); dd.textContent = `${d.question} A 3: ${d.score3}`;
    rubric.append(dt, dd);
  }
  if (w.lastFix) {
    $("fix").hidden = false;
    $("fix-h").textContent = `Today, watch: ${w.lastFix.dimension}`;
    $("fix-text").textContent = w.lastFix.text;
    $("fix-drill").textContent = w.lastFix.drill ? `Drill: ${w.lastFix.drill}` : "";
  }
  if ($("language") && w.language) $("language").textContent = `(${w.language})`;
  if (!w.canRun && $("run")) $("run").hidden = true;
  if (w.brief) setUpBrief(w);
}

function setUpBrief(w) {
  $("brief-prompt").textContent = w.brief.prompt;
  w.brief.followUps.forEach((text, index) => $("follow-ups").append(item(text, "Ask", () => send("followup", { index }))));
  w.brief.hints.forEach((text) => $("hint-list").append(item(text, "Give", () => send("hint", { text }))));
  for (const k of w.brief.keyPoints) { const li = document.createElement("li"); li.textContent = k; $("key-points").append(li); }
  const dims = $("score-dims");
  for (const d of w.rubric.dimensions) {
    const fs = document.createElement("fieldset");
    const lg = document.createElement("legend"); lg.textContent = d.name; fs.append(lg);
    for (const n of [1, 2, 3]) {
      const label = document.createElement("label"); label.className = "check";
      const input = document.createElement("input");
      Object.assign(input, { type: "radio", name: `score-${d.key}`, value: String(n) });
      input.addEventListener("change", () => send("score", { dimension: d.key, score: n }));
      label.append(input, ` ${n}: ${d[`score${n}`]}`);
      fs.append(label);
    }
    const note = document.createElement("textarea");
    Object.assign(note, { rows: 2, maxLength: 2000, id: `note-${d.key}` });
    note.setAttribute("aria-label", `Note on ${d.name}`);
    fs.append(note);
    dims.append(fs);
  }
}

function item(text, action, onClick) {
  const li = document.createElement("li");
  const span = document.createElement("span"); span.textContent = text + " ";
  const b = document.createElement("button"); b.type = "button"; b.className = "secondary small"; b.textContent = action;
  b.addEventListener("click", onClick);
  li.append(span, b);
  return li;
}

function apply(e) {
  if (e.seq <= lastSeq) return;
  lastSeq = e.seq;
  const b = e.body;
  switch (e.kind) {
    case "clock": clock = b; drawClock(); break;
    case "prompt":
      $("prompt-card").hidden = false;
      $("prompt-title").textContent = b.title;
      $("prompt").textContent = b.prompt;
      break;
    case "code": applyCode(b, e.by); break;
    case "mark": line($("marks"), `Line ${b.line}: ${b.text}`, b.clock); break;
    case "note": noted++; line($("notes"), b.text, b.clock); break;
    case "hint": $("hints").textContent = b.n; line($("chat"), `Hint: ${b.text}`, b.clock, "hint"); break;
    case "followup": asked++; line($("chat"), `Follow-up: ${b.text}`, b.clock, "note"); break;
    case "chat": line($("chat"), `${e.by === role ? "You" : nameOf(e.by)}: ${b.text}`, b.clock, e.by); break;
    case "run": showRun(b); break;
    case "score": { const r = document.querySelector(`input[name="score-${b.dimension}"][value="${b.score}"]`); if (r) r.checked = true; break; }
    case "joined": present.set(e.by, b.name); drawPresent(); break;
    case "left": present.delete(e.by); drawPresent(); break;
    case "signal": onSignal(b); break;
    case "draw": onDraw(b); break;
    case "ended": ended = true; $("ended").hidden = false; $("swap-box").hidden = !welcome?.canSwap; describeOwnPart(); break;
    case "reflected":
      $("reflect-well").value = b.wentWell; $("reflect-next").value = b.nextTime;
      $("reflected").textContent = welcome?.canSwap ? "Saved: it stays with this mock in the list of mocks you gave, on your log." : "Saved with the room until it closes (with an account it stays in your log).";
      break;
    case "rated": if ($("rated")) $("rated").textContent = `Rated: specific ${b.specific}, honest ${b.honest}.`; break;
    case "swapped": location.assign(`/rooms/${b.room}`); break;
  }
}

// What the interviewer did, from the room's own events, to start their retrospective from.
let asked = 0, noted = 0;
function describeOwnPart() {
  if (!$("reflect-facts")) return;
  const hints = Number($("hints").textContent) || 0;
  $("reflect-facts").textContent = `You asked ${asked} follow-up${asked === 1 ? "" : "s"}, gave ${hints} hint${hints === 1 ? "" : "s"} and wrote ${noted} note${noted === 1 ? "" : "s"}.`;
}

function nameOf(r) { return present.get(r) || (r === "interviewer" ? welcome?.interviewer || "Interviewer" : welcome?.candidate || "Candidate"); }

function drawPresent() {
  const others = [...present.entries()].filter(([r]) => r !== role).map(([r, n]) => `${n} (${r})`);
  $("present").textContent = others.length ? `you and ${others.join(", ")}` : "only you so far";
}

function line(list, text, at, cls) {
  if (!list) return;
  const li = document.createElement("li");
  if (cls) li.className = cls;
  if (at !== undefined) { const t = document.createElement("time"); t.textContent = mmss(at) + " "; li.append(t); }
  li.append(document.createTextNode(text));
  list.append(li);
}

// The editor: the candidate's textarea is theirs; every 200 ms what changed since the last
// send goes as one change (the common prefix and suffix left out).
function applyCode(b) {
  code = code.slice(0, b.at) + b.ins + code.slice(b.at + b.del);
  if (role === "interviewer") drawCode(b.cursor);
  else if (!synced) $("code").value = code;
}

function drawCode(cursor) {
  const view = $("code-view");
  view.textContent = "";
  const lines = code.slice(0, cursor).split("\n");
  view.append(document.createTextNode(code.slice(0, cursor)));
  const caret = document.createElement("span"); caret.className = "caret"; caret.title = `line ${lines.length}`; view.append(caret);
  view.append(document.createTextNode(code.slice(cursor)));
}

function flushCode() {
  const area = $("code");
  if (!area || !synced) return;
  const now = area.value;
  if (now === sentCode) return;
  let start = 0;
  while (start < now.length && start < sentCode.length && now[start] === sentCode[start]) start++;
  let endOld = sentCode.length, endNew = now.length;
  while (endOld > start && endNew > start && now[endNew - 1] === sentCode[endOld - 1]) { endOld--; endNew--; }
  send("code", { at: start, del: endOld - start, ins: now.slice(start, endNew), cursor: area.selectionStart });
  sentCode = now;
}

function showRun(b) {
  const text = `${b.passed}/${b.total} passed (${String(b.verdict).replaceAll("_", " ")})` + (b.message ? ` ${b.message}` : "") +
    (b.failure ? ` First failing case: input ${b.failure.input}, expected ${b.failure.expected}, got ${b.failure.actual}.` : "");
  line($("runs"), text, b.clock);
  if ($("run-status")) $("run-status").textContent = "";
}

function mmss(s) { s = Math.max(0, Math.floor(s)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; }

function elapsed() {
  if (!clock || !clock.startedAt) return 0;
  const until = clock.endedAt ? Date.parse(clock.endedAt) : clock.pausedAt ? Date.parse(clock.pausedAt) : Date.now() + clockOffset;
  return Math.max(0, (until - Date.parse(clock.startedAt)) / 1000 - clock.pausedSeconds);
}

function drawClock() {
  if (!clock) return;
  const s = elapsed();
  $("clock").textContent = mmss(s);
  $("paused").hidden = !clock.pausedAt;
  const p = clock.phases[clock.phase];
  if (clock.startedAt && p) $("phase").textContent = `${p.title} (${mmss(p.start)}–${mmss(p.end)}): ${p.goal}`;
  const over = clock.startedAt && !clock.endedAt && p && s > p.end;
  $("nudge").hidden = !over;
  if (over) $("nudge").textContent = s > clock.minutes * 60 ? "Past the planned end: wrap up." : `Over time in ${p.title}: time to move on.`;
  if (role === "interviewer") {
    $("start").hidden = !!clock.startedAt;
    $("pause").hidden = !clock.startedAt || !!clock.endedAt;
    $("pause").textContent = clock.pausedAt ? "Resume" : "Pause";
    $("next-phase").hidden = !clock.startedAt || !!clock.endedAt || clock.phase >= clock.phases.length - 1;
  }
}

// The lobby's check: the camera's picture and the microphone's level, before any call.
let checkStream = null;
async function checkDevices() {
  if (checkStream) { stopCheck(); return; }
  try {
    checkStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    $("check-video").srcObject = checkStream;
    $("check-video").hidden = false;
    $("mic-box").hidden = false;
    const listening = new AudioContext();
    await listening.resume();
    const analyser = listening.createAnalyser();
    analyser.fftSize = 512;
    listening.createMediaStreamSource(checkStream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    window.mockloopRoom.micPeak = 0;
    const tick = () => {
      if (!checkStream) { listening.close(); return; }
      analyser.getFloatTimeDomainData(samples);
      let peak = 0;
      for (const v of samples) peak = Math.max(peak, Math.abs(v));
      $("mic-level").value = Math.min(1, peak);
      window.mockloopRoom.micPeak = Math.max(window.mockloopRoom.micPeak, peak);
      setTimeout(tick, 50);
    };
    tick();
    $("check-devices").textContent = "Stop the check";
    $("check-status").textContent = "Speak: the bar moves when your microphone hears you.";
  } catch (err) {
    checkStream = null;
    $("check-status").textContent = `No camera or microphone (${err.name || "error"}): the room and the chat work without them.`;
  }
}

function stopCheck() {
  if (!checkStream) return;
  for (const t of checkStream.getTracks()) t.stop();
  checkStream = null;
  $("check-video").hidden = true;
  $("mic-box").hidden = true;
  $("check-devices").textContent = "Check camera and microphone";
  $("check-status").textContent = "";
}

// Voice and video: signalled through the room (offer, answer, ICE candidates). If media fails
// the room goes on: the chat is there.
let peer = null, localStream = null;
async function startCall(initiator) {
  stopCheck();
  try {
    peer = new RTCPeerConnection({ iceServers: welcome.iceServers });
    peer.onicecandidate = (ev) => { if (ev.candidate) send("signal", { data: { candidate: ev.candidate.toJSON() } }); };
    peer.ontrack = (ev) => {
      const remote = $("remote-video");
      remote.srcObject = ev.streams[0];
      // Where the browser wants a click before sound plays, ask for one.
      remote.play().catch(() => { $("hear").hidden = false; });
    };
    peer.onconnectionstatechange = () => { $("call-status").textContent = peer.connectionState; window.mockloopRoom.call = peer; };
    localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    $("local-video").srcObject = localStream;
    for (const t of localStream.getTracks()) peer.addTrack(t, localStream);
    $("mute").hidden = false; $("camera").hidden = false; $("call").hidden = true;
    if (initiator) {
      await peer.setLocalDescription(await peer.createOffer());
      send("signal", { data: { description: peer.localDescription.toJSON() } });
    }
  } catch (err) {
    $("call-status").textContent = `No call (${err.name || "error"}): the room and the chat still work.`;
  }
}

async function onSignal(data) {
  try {
    if (data.description) {
      if (!peer) await startCall(false);
      await peer.setRemoteDescription(data.description);
      if (data.description.type === "offer") {
        await peer.setLocalDescription(await peer.createAnswer());
        send("signal", { data: { description: peer.localDescription.toJSON() } });
      }
    } else if (data.candidate && peer) {
      await peer.addIceCandidate(data.candidate);
    }
  } catch (err) {
    $("call-status").textContent = `Call trouble (${err.name || "error"}): the chat still works.`;
  }
}

// The whiteboard: shapes are events; both draw; the SVG is the board.
const shapes = [];
let tool = null, dragFrom = null;
function onDraw(s) {
  const board = $("board");
  if (!board) return;
  shapes.push(s);
  const ns = "http://www.w3.org/2000/svg";
  let el;
  if (s.shape === "box") { el = document.createElementNS(ns, "rect"); Object.entries({ x: s.x, y: s.y, width: s.w, height: s.h, class: "shape" }).forEach(([k, v]) => el.setAttribute(k, v)); }
  else if (s.shape === "arrow") { el = document.createElementNS(ns, "line"); Object.entries({ x1: s.x, y1: s.y, x2: s.x2, y2: s.y2, class: "arrow", "marker-end": "url(#head)" }).forEach(([k, v]) => el.setAttribute(k, v)); }
  else if (s.shape === "text") { el = document.createElementNS(ns, "text"); el.setAttribute("x", s.x); el.setAttribute("y", s.y); el.textContent = s.text; }
  if (el) board.append(el);
  const svg = `<svg xmlns="${ns}" viewBox="0 0 960 540">${board.innerHTML}</svg>`;
  $("board-svg").href = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
}

function boardPoint(ev) {
  const r = $("board").getBoundingClientRect();
  return { x: Math.round((ev.clientX - r.left) * 960 / r.width), y: Math.round((ev.clientY - r.top) * 540 / r.height) };
}

function wire() {
  const on = (id, ev, f) => { const el = $(id); if (el) el.addEventListener(ev, f); };
  on("start", "click", () => send("start"));
  on("pause", "click", () => send(clock && clock.pausedAt ? "resume" : "pause"));
  on("next-phase", "click", () => send("phase", { index: (clock?.phase ?? 0) + 1 }));
  on("run", "click", () => { flushCode(); send("run"); $("run-status").textContent = "Running…"; });
  on("copy-link", "click", () => navigator.clipboard?.writeText($("join-link").value));
  on("chat-form", "submit", (ev) => { ev.preventDefault(); const t = $("chat-text"); if (t.value.trim()) send("chat", { text: t.value }); t.value = ""; });
  on("note-form", "submit", (ev) => { ev.preventDefault(); const t = $("note-text"); if (t.value.trim()) send("note", { text: t.value }); t.value = ""; });
  on("mark-form", "submit", (ev) => { ev.preventDefault(); send("mark", { index: Number($("mark-line").value), text: $("mark-text").value }); $("mark-text").value = ""; });
  on("ask-form", "submit", (ev) => { ev.preventDefault(); const t = $("ask-text"); if (t.value.trim()) send("followup", { text: t.value }); t.value = ""; });
  on("give-hint", "click", () => { const t = $("ask-text"); if (t.value.trim()) send("hint", { text: t.value }); t.value = ""; });
  on("end-form", "submit", (ev) => {
    ev.preventDefault();
    const scores = {};
    for (const d of welcome.rubric.dimensions) {
      const picked = document.querySelector(`input[name="score-${d.key}"]:checked`);
      if (picked) scores[d.key] = { score: Number(picked.value), note: $(`note-${d.key}`).value || null };
    }
    const feedback = { name: welcome.interviewer || "Interviewer", stronger: $("fb-stronger").value, communication: $("fb-communication").value, concerns: $("fb-concerns").value };
    $("end-error").hidden = true;
    send("end", { scores, feedback });
  });
  on("call", "click", () => startCall(true));
  on("check-devices", "click", checkDevices);
  on("hear", "click", () => { $("remote-video").play().then(() => { $("hear").hidden = true; }).catch(() => {}); });
  on("swap", "click", () => send("swap"));
  on("reflect-form", "submit", (ev) => { ev.preventDefault(); send("reflect", { wentWell: $("reflect-well").value, nextTime: $("reflect-next").value }); });
  on("rate-form", "submit", (ev) => { ev.preventDefault(); send("rate", { specific: Number($("rate-specific").value), honest: Number($("rate-honest").value) }); });
  on("mute", "click", () => { const a = localStream?.getAudioTracks()[0]; if (a) { a.enabled = !a.enabled; $("mute").textContent = a.enabled ? "Mute" : "Unmute"; } });
  on("camera", "click", () => { const v = localStream?.getVideoTracks()[0]; if (v) { v.enabled = !v.enabled; $("camera").textContent = v.enabled ? "Camera off" : "Camera on"; } });
  // Tab indents in the editor; Esc first lets the next Tab leave it (no keyboard trap).
  const area = $("code");
  // Read-only until the room's text is in (see settle), so nothing typed early is overwritten.
  if (area) area.readOnly = true;
  // Leaving or reloading: the last changes join the kept, unacknowledged ones.
  window.addEventListener("pagehide", () => { if (role === "candidate" && !ended) flushCode(); keep(); });
  let leaving = false;
  if (area) area.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { leaving = true; return; }
    if (ev.key === "Tab" && !ev.shiftKey && !ev.altKey && !leaving) {
      ev.preventDefault();
      const s = area.selectionStart;
      area.setRangeText("    ", s, area.selectionEnd, "end");
    }
    leaving = false;
  });
  document.querySelectorAll("[data-tool]").forEach((b) => b.addEventListener("click", () => { tool = b.dataset.tool; }));
  const board = $("board");
  if (board) {
    board.innerHTML = '<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>';
    board.addEventListener("pointerdown", (ev) => { dragFrom = boardPoint(ev); });
    board.addEventListener("pointerup", (ev) => {
      if (!dragFrom || !tool) return;
      const to = boardPoint(ev);
      if (tool === "box") send("draw", { data: { shape: "box", x: Math.min(dragFrom.x, to.x), y: Math.min(dragFrom.y, to.y), w: Math.max(20, Math.abs(to.x - dragFrom.x)), h: Math.max(20, Math.abs(to.y - dragFrom.y)) } });
      if (tool === "arrow") send("draw", { data: { shape: "arrow", x: dragFrom.x, y: dragFrom.y, x2: to.x, y2: to.y } });
      if (tool === "text") { const text = prompt("Text"); if (text) send("draw", { data: { shape: "text", x: to.x, y: to.y, text: text.slice(0, 200) } }); }
      dragFrom = null;
    });
  }
}

wire();
connect();
setInterval(() => { drawClock(); if (role === "candidate" && !ended) flushCode(); }, 200);
