// A form that came back with problems: take the user to the first field at fault, so a long
// page (a session's scores or retro) does not leave them at the top wondering what happened.
const first = document.querySelector('[aria-invalid="true"]');
if (first) {
  first.scrollIntoView({ block: "center" });
  first.focus({ preventScroll: true });
}
