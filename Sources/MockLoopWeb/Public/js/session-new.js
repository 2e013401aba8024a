// Switching the interview type reloads the form for that type (its rubrics and questions);
// what was already typed goes along so nothing has to be entered twice.
const switcher = document.getElementById("switch-type");
const plan = document.getElementById("plan-session");
const kept = ["mode", "interviewer", "company", "tier", "level", "difficulty", "questionTitle"];

if (switcher && plan) {
  switcher.addEventListener("submit", () => {
    for (const name of kept) {
      const field = plan.elements.namedItem(name);
      if (!field || !field.value) continue;
      const carry = document.createElement("input");
      carry.type = "hidden";
      carry.name = name;
      carry.value = field.value;
      switcher.appendChild(carry);
    }
  });
  // Choosing a type is the switch: no second click needed.
  document.getElementById("pick-type")?.addEventListener("change", () => switcher.requestSubmit());
}
