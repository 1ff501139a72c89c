// @ts-check
// Display settings (the State design system's « Paramètres d'affichage » pattern, without its branding): light,
// dark or the system's choice, kept in this browser. Loaded as its own module so the theme applies before the
// sections load; the dialog's texts are filled by the page's messages like any other element (data-i18n).

const KEY = "cap-libre.display";
const CHOICES = ["system", "light", "dark"];
const dark = window.matchMedia("(prefers-color-scheme: dark)");

/** The person's choice: « system » unless they picked light or dark in this browser. */
export function displayChoice() {
  try {
    const saved = localStorage.getItem(KEY);
    return saved && CHOICES.includes(saved) ? saved : "system";
  } catch {
    return "system";
  }
}

/** Applies a choice to the document (`data-theme` is always « light » or « dark », for the style sheet). */
export function applyDisplay(choice = displayChoice()) {
  const theme = choice === "system" ? (dark.matches ? "dark" : "light") : choice;
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  document.dispatchEvent(new CustomEvent("cap-libre:theme", { detail: { theme } }));
}

function setup() {
  applyDisplay();
  dark.addEventListener("change", () => {
    if (displayChoice() === "system") applyDisplay("system");
  });
  const dialog = /** @type {HTMLDialogElement | null} */ (document.getElementById("display-dialog"));
  const open = document.getElementById("display-open");
  if (!dialog || !open) return;
  open.hidden = false;
  open.addEventListener("click", () => {
    const current = displayChoice();
    for (const input of dialog.querySelectorAll('input[name="theme"]')) {
      const radio = /** @type {HTMLInputElement} */ (input);
      radio.checked = radio.value === current;
    }
    dialog.showModal();
  });
  dialog.addEventListener("change", (event) => {
    const radio = /** @type {HTMLInputElement} */ (event.target);
    if (radio.name !== "theme" || !CHOICES.includes(radio.value)) return;
    try {
      localStorage.setItem(KEY, radio.value);
    } catch {
      // Private browsing without storage: the choice holds for this page only.
    }
    applyDisplay(radio.value);
  });
  dialog.querySelector(".display-close")?.addEventListener("click", () => dialog.close());
  // Focus returns to the button that opened the dialog (showModal/close do it in current browsers; made explicit).
  dialog.addEventListener("close", () => open.focus());
}

setup();
