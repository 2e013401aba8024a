// Plays a room's code back: the text after the first n changes, with the time it was typed.
const root = document.getElementById("replay");
const steps = JSON.parse(root.dataset.steps || "[]");
const pos = document.getElementById("replay-pos");
const view = document.getElementById("replay-code");
const time = document.getElementById("replay-time");
const play = document.getElementById("replay-play");

function codeAt(n) {
  let code = "";
  for (const s of steps.slice(0, n)) code = code.slice(0, s.at) + s.ins + code.slice(s.at + s.del);
  return code;
}

function mmss(s) { s = Math.max(0, Math.floor(s)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; }

function show() {
  const n = Number(pos.value);
  view.textContent = codeAt(n);
  time.textContent = n === 0 ? "before the first change" : `change ${n} of ${steps.length}, at ${mmss(steps[n - 1].t)}`;
}

let timer = null;
if (pos) {
  pos.addEventListener("input", show);
  play.addEventListener("click", () => {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
    if (Number(pos.value) >= steps.length) pos.value = "0";
    play.textContent = "Pause";
    timer = setInterval(() => {
      if (Number(pos.value) >= steps.length) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
      pos.value = String(Number(pos.value) + 1);
      show();
    }, 150);
  });
  show();
}
