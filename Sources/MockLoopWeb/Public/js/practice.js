// The live timed mock in the browser. The server keeps the session (clock, turns, code); this
// page only shows it and sends what the candidate does, so a reload resumes where it was.
// User text is only ever set with textContent.
import { highlightInto } from './highlight.js';

const root = document.getElementById('practice');
let state = JSON.parse(root.dataset.state);
const api = `/api/v1/practice/${state.id}`;
const $ = (id) => document.getElementById(id);
const draftKey = `mockloop-practice-draft-${state.id}`;
const codeKey = `mockloop-practice-code-${state.id}`;

// The clock runs locally between server updates, from the last elapsed figure the server sent.
let base = { elapsed: state.clock.elapsedSeconds, at: performance.now() };
let answerStartedAt = null; // clock seconds at the first keystroke or speech result of this answer
let spoken = false, typed = false;
// One id per answer until it is kept, so a resend after a dropped connection is not doubled.
let answerId = null;
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

function clockAt(t = performance.now()) {
  if (state.status !== 'active') return state.clock.elapsedSeconds;
  return Math.min(state.clock.totalSeconds, base.elapsed + (t - base.at) / 1000);
}

function mmss(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function labelOf(turn) {
  if (turn.speaker === 'candidate') return turn.kind === 'run' ? 'Run' : 'You';
  return { note: 'Interviewer (note)', hint: 'Hint', clarification: 'Interviewer', curveball: 'Interviewer' }[turn.kind] || 'Interviewer';
}

function renderChat() {
  const chat = $('chat');
  chat.replaceChildren(...state.turns.map((t) => {
    const li = document.createElement('li');
    li.className = `${t.speaker} ${t.kind}`;
    const time = document.createElement('time');
    time.textContent = mmss(t.at);
    const who = document.createElement('strong');
    who.textContent = ` ${labelOf(t)}: `;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = t.text;
    li.append(time, who, text);
    return li;
  }));
  const last = chat.lastElementChild;
  if (last) last.scrollIntoView({ block: 'nearest' });
}

const failureText = (f) => `First failing visible case: input ${f.input}, expected ${f.expected}, got ${f.actual}`;

function renderRuns() {
  const runs = $('runs');
  if (!runs) return;
  runs.replaceChildren(...state.runs.map((r, i) => {
    const li = document.createElement('li');
    li.className = `verdict-${r.verdict}`;
    li.textContent = `${mmss(r.at)} ${r.language}: ${r.passed}/${r.total} passed (${r.verdict.replace('_', ' ')})`;
    // The first failing visible case of the latest run (older runs keep only their counts).
    if (r.failure && i === state.runs.length - 1) {
      const failure = document.createElement('pre');
      failure.className = 'failure';
      failure.textContent = failureText(r.failure);
      li.append(failure);
    }
    return li;
  }));
}

function tick() {
  const left = state.clock.totalSeconds - clockAt();
  $('clock').textContent = mmss(left);
  const phase = state.phase;
  $('phase').textContent = `Phase ${state.phaseIndex + 1}/${state.phases.length}: ${phase.title} (until ${mmss(phase.end)}) · ${phase.goal}`;
  const over = clockAt() - phase.end;
  const nudge = $('nudge');
  // The server's nudge is as of its last answer; between answers the same 30 s rule runs here.
  const text = state.nudge || (over >= 30 ? `${Math.ceil(over / 60)} min over on ${phase.title}.` : '');
  nudge.hidden = !text;
  nudge.textContent = text;
  if (left <= 0 && state.status === 'active' && !busy) {
    // Time is up: text typed but not sent goes in as the last answer (the server keeps it).
    if ($('answer').value.trim()) sendAnswer(); else refresh();
  }
}

function render() {
  base = { elapsed: state.clock.elapsedSeconds, at: performance.now() };
  if (state.status === 'finished' || state.status === 'abandoned') { location.reload(); return; }
  renderChat();
  renderRuns();
  $('prompt-of').textContent = state.prompts > 1 ? `Story ${state.promptIndex + 1} of ${state.prompts}` : `${state.phases.length} phases, ${state.minutes} minutes`;
  $('hints-left').textContent = String(state.hintsLeft);
  $('paused').hidden = state.status !== 'paused';
  const pause = $('pause');
  pause.textContent = state.status === 'paused' ? 'Resume' : 'Pause';
  pause.dataset.action = state.status === 'paused' ? 'resume' : 'pause';
  tick();
}

let busy = false;
async function call(path, body) {
  const res = await fetch(`${api}${path}`, {
    method: body === undefined && path === '' ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? (path === '' ? undefined : '{}') : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.message || `HTTP ${res.status}`);
  return json;
}

function showError(message) {
  const el = $('send-error');
  el.hidden = !message;
  el.textContent = message || '';
}

async function act(path, body) {
  if (busy) return null;
  busy = true;
  try {
    state = await call(path, body);
    showError('');
    render();
    return state;
  } catch (e) {
    showError(`${e.message}. Nothing you typed is lost: try again.`);
    return null;
  } finally {
    busy = false;
  }
}

async function refresh() {
  try { state = await call(''); render(); } catch (e) { showError(e.message); }
}

// Answers: a draft survives a reload in this browser; sent text is on the server.
const answer = $('answer');
answer.value = localStorage.getItem(draftKey) || '';
answer.addEventListener('input', () => {
  if (answerStartedAt === null) answerStartedAt = clockAt();
  typed = true;
  localStorage.setItem(draftKey, answer.value);
});
async function sendAnswer() {
  const text = answer.value.trim();
  if (!text) { showError('Type an answer first (or skip the question).'); return; }
  const source = spoken && !typed ? 'speech' : 'typed';
  answerId = answerId || newId();
  const sent = await act('/answers', { text, startedAt: answerStartedAt, source, clientId: answerId });
  if (sent) {
    answer.value = '';
    localStorage.removeItem(draftKey);
    answerStartedAt = null; spoken = false; typed = false; answerId = null;
  }
}
$('answer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sendAnswer();
});

document.querySelectorAll('[data-action]').forEach((button) => {
  button.addEventListener('click', async () => {
    const action = button.dataset.action;
    if (action === 'quit' && !confirm('Quit this mock? It is saved as abandoned, with everything said so far.')) return;
    if (action === 'finish' && !confirm('Finish now and see the result?')) return;
    await act(`/${action}`);
  });
});

// Speech: the browser's Web Speech API where there is one; timings come from the result events.
const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
if (Recognition) {
  const speak = $('speak');
  speak.hidden = false;
  let recognition = null;
  speak.addEventListener('click', () => {
    if (recognition) { recognition.stop(); return; }
    recognition = new Recognition();
    recognition.continuous = true;
    recognition.interimResults = false;
    recognition.onresult = (event) => {
      if (answerStartedAt === null) answerStartedAt = clockAt(event.timeStamp);
      for (let i = event.resultIndex; i < event.results.length; i += 1) {
        if (event.results[i].isFinal) answer.value += (answer.value ? ' ' : '') + event.results[i][0].transcript.trim();
      }
      spoken = true;
      localStorage.setItem(draftKey, answer.value);
    };
    recognition.onend = () => { recognition = null; speak.textContent = 'Speak'; };
    recognition.onerror = (e) => showError(`Speech recognition stopped (${e.error}); type instead.`);
    recognition.start();
    speak.textContent = 'Stop speaking';
  });
}

// The code editor: monospace, Tab indents (Esc first to leave the editor with Tab), line numbers,
// and a highlighted copy of the code (#code-view) under the textarea, whose own text is transparent.
const code = $('code');
if (code) {
  const gutter = $('gutter');
  const view = $('code-view');
  const language = $('language');
  // Starter code per language the question's tests support; the others can't be picked.
  const starters = state.starters || {};
  const hasStarter = (lang) => typeof starters[lang] === 'string';
  const restricted = Object.keys(starters).length > 0;
  if (restricted) for (const option of language.options) option.disabled = !hasStarter(option.value);
  language.value = state.language;
  code.value = state.code || localStorage.getItem(codeKey) || '';
  if (!code.value && restricted && !hasStarter(language.value)) {
    language.value = [...language.options].find((o) => hasStarter(o.value))?.value || Object.keys(starters)[0];
  }
  if (!code.value) code.value = starters[language.value] || '';
  let previousLanguage = language.value;
  const sync = () => {
    gutter.scrollTop = code.scrollTop;
    view.scrollTop = code.scrollTop;
    view.scrollLeft = code.scrollLeft;
  };
  const numbers = () => {
    const n = code.value.split('\n').length;
    gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join('\n');
    gutter.style.width = `calc(${Math.max(2, String(n).length)}ch + .8rem)`;
  };
  // The extra line keeps a trailing newline visible and leaves the view room to scroll as far as the textarea.
  const paint = () => { highlightInto(view, `${code.value}\n `, language.value); sync(); };
  let escaped = false, saveTimer = null;
  code.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { escaped = true; return; }
    if (event.key === 'Tab' && !escaped) {
      event.preventDefault();
      const { selectionStart: s, selectionEnd: e } = code;
      code.setRangeText('    ', s, e, 'end');
      code.dispatchEvent(new Event('input'));
    }
    escaped = false;
  });
  code.addEventListener('scroll', sync);
  code.addEventListener('input', () => {
    numbers();
    paint();
    localStorage.setItem(codeKey, code.value);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => call('/code', { code: code.value, language: language.value }).catch(() => {}), 1500);
  });
  // A new language replaces the code only while it is empty or still the previous starter.
  language.addEventListener('change', () => {
    if (!code.value.trim() || code.value === starters[previousLanguage]) {
      code.value = starters[language.value] || '';
      code.scrollTop = 0;
      code.scrollLeft = 0;
    }
    previousLanguage = language.value;
    code.dispatchEvent(new Event('input')); // repaint, renumber, and save with the new language
  });
  numbers();
  paint();
  $('run').addEventListener('click', async () => {
    const status = $('run-status');
    status.textContent = 'Running…';
    const done = await act('/run', { code: code.value, language: language.value });
    const last = done && done.runs[done.runs.length - 1];
    status.textContent = last
      ? `${last.passed}/${last.total} passed (${last.verdict.replace('_', ' ')})${last.failure ? `. ${failureText(last.failure)}` : ''}`
      : 'Not run.';
  });
  // "Run with my input": the server answers with the whole view; the output is its latest run turn.
  $('run-custom').addEventListener('click', async () => {
    const output = $('custom-output');
    output.hidden = false;
    output.textContent = 'Running…';
    const done = await act('/run', { code: code.value, language: language.value, input: $('custom-input').value });
    const turn = done && [...done.turns].reverse().find((t) => t.kind === 'run');
    output.textContent = turn ? turn.text : 'Not run.';
  });
}

render();
setInterval(tick, 1000);
// The server is the clock's authority (pauses from another window, time up): check it now and then.
setInterval(() => { if (!busy) refresh(); }, 20000);
