// The running clock of a mock run by people: elapsed time from the server's start time, the
// phase the plan puts it in, a nudge when the time is up, and the duration field kept in step
// (unless the user typed their own) so finishing records how long it really took.
const card = document.getElementById("session-clock");

function mmss(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  return String(m).padStart(2, "0") + ":" + String(r).padStart(2, "0");
}

if (card) {
  const startedAt = Number(card.dataset.startedAt);
  const minutes = Number(card.dataset.minutes);
  const elapsedText = document.getElementById("clock-elapsed");
  const phaseText = document.getElementById("clock-phase");
  const nudge = document.getElementById("clock-nudge");
  const phases = [...document.querySelectorAll(".session-clock .phase-list li")];
  const duration = document.getElementById("duration");
  let durationTyped = false;
  duration?.addEventListener("input", () => { durationTyped = true; });

  function tick() {
    const elapsed = (Date.now() - startedAt) / 1000;
    elapsedText.textContent = mmss(elapsed);
    let current = phases.findIndex((li) => elapsed < Number(li.dataset.end));
    if (current < 0) current = phases.length - 1;
    phases.forEach((li, i) => {
      li.classList.toggle("current", i === current);
      li.classList.toggle("done", i < current);
      if (i === current) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
    });
    const li = phases[current];
    if (li) {
      const title = li.querySelector("strong")?.textContent ?? "";
      phaseText.textContent = title + " (" + mmss(Number(li.dataset.start)) + "–" + mmss(Number(li.dataset.end)) + ")";
    }
    if (elapsed >= minutes * 60) {
      nudge.hidden = false;
      nudge.textContent = "Time is up: wrap up, then score each dimension.";
    }
    if (duration && !durationTyped) duration.value = String(Math.max(1, Math.floor(elapsed / 60)));
  }

  tick();
  setInterval(tick, 1000);
}
