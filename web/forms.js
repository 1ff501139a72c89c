// @ts-check
// Form errors tied to their fields, in French whatever the browser's language: forms are `novalidate`, the page
// checks each control itself (required, trimmed blanks, numbers, dates, addresses, patterns, country codes) and
// shows each message under its field, linked by `aria-describedby`, the field marked `aria-invalid`, and the focus
// on the first one. Validation errors of the server (`{ error: { fields: [{ path, message }] } }`) go to the same
// place when the page knows the field; otherwise they stay in the form's general error box.
import { el, t, tCount } from "./lib.js";

const regionNames = new Intl.DisplayNames(["fr"], { type: "region" });
const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** Turns the browser's own (language-dependent) bubbles off: the page says it in French, under the field. */
export function prepareForm(form) {
  form.noValidate = true;
  return form;
}

/** True when a control takes part in the form: not disabled, not inside a hidden or disabled group. */
function active(control) {
  if (control.disabled || control.closest("[hidden]") || control.closest("fieldset:disabled")) return false;
  return (
    ["INPUT", "SELECT", "TEXTAREA"].includes(control.tagName) &&
    !["button", "submit", "reset", "hidden"].includes(control.type)
  );
}

const frenchDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : iso);
const frenchNumber = (n) => numberFormat.format(Number(n));

/** A two-letter code of a country the browser knows (« ZZ », « XX » are not). */
export const isCountryCode = (code) =>
  /^[A-Za-z]{2}$/.test(code) &&
  code.toUpperCase() !== "ZZ" &&
  regionNames.of(code.toUpperCase()) !== code.toUpperCase();

/** The French message for one control, or null when it is valid. */
export function controlMessage(control) {
  const v = control.validity;
  const value = control.type === "file" ? "" : control.value;
  const blank =
    control.type !== "file" && control.type !== "checkbox" && control.type !== "radio" && value.trim() === "";
  if (v.badInput) return t(control.type === "date" ? "form.error.date" : "form.error.number");
  if (control.required && (v.valueMissing || blank)) {
    if (control.type === "checkbox" && control.dataset.requiredMessage) return t(control.dataset.requiredMessage);
    if (control.type === "file") return t("form.error.file");
    if (control.tagName === "SELECT") return t("form.error.choose");
    return t("form.error.required");
  }
  if (blank) return null;
  const min = control.dataset.minlength;
  if (min && value.trim().length < Number(min)) return t("form.error.tooShort", { min });
  if (v.tooLong || (control.maxLength > 0 && value.length > control.maxLength))
    return t("form.error.tooLong", { max: control.maxLength });
  // A limit the browser does not enforce by cutting (`data-maxlength`): a pasted text stays whole, and the message
  // says how long it is.
  const max = Number(control.dataset.maxlength);
  if (max > 0 && value.trim().length > max)
    return t(control.dataset.tooLongMessage ?? "form.error.tooLongCount", {
      length: frenchNumber(value.trim().length),
      max: frenchNumber(max),
    });
  if (v.typeMismatch && control.type === "url") return t("form.error.url");
  if (v.typeMismatch && control.type === "email") return t("form.error.email");
  if (v.rangeUnderflow)
    return control.type === "date"
      ? t("form.error.dateMin", { min: frenchDate(control.min) })
      : t("form.error.min", { min: frenchNumber(control.min) });
  if (v.rangeOverflow)
    return control.type === "date"
      ? t("form.error.dateMax", { max: frenchDate(control.max) })
      : t("form.error.max", { max: frenchNumber(control.max) });
  if (v.stepMismatch)
    return t(control.step === "1" ? "form.error.integer" : "form.error.step", { step: frenchNumber(control.step) });
  if (v.patternMismatch) return t(control.dataset.patternMessage ?? "form.error.pattern");
  const lineError = linesMessage(control, value);
  if (lineError) return lineError;
  if (control.dataset.check === "country" && !isCountryCode(value.trim())) return t("form.error.country");
  return null;
}

/**
 * A list typed one item per line (`data-max-lines`, `data-line-minlength`, `data-line-maxlength`): too many
 * lines, or a line too short or too long once trimmed.
 */
function linesMessage(control, value) {
  const { maxLines, lineMinlength, lineMaxlength } = control.dataset;
  if (!maxLines && !lineMinlength && !lineMaxlength) return null;
  const lines = value
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (maxLines && lines.length > Number(maxLines)) return t("form.error.tooManyLines", { max: maxLines });
  if (lineMinlength && lines.some((l) => l.length < Number(lineMinlength)))
    return t("form.error.lineTooShort", { min: lineMinlength });
  if (lineMaxlength && lines.some((l) => l.length > Number(lineMaxlength)))
    return t("form.error.lineTooLong", { max: lineMaxlength });
  return null;
}

/** The form's own checks: `[{ control, message }]`, in the order of the form. */
export function checkForm(form) {
  const errors = [];
  for (const control of form.querySelectorAll("input, select, textarea")) {
    if (!active(control)) continue;
    const message = controlMessage(control);
    if (message) errors.push({ control, message });
  }
  return errors;
}

/** Removes every field error of the form (messages, `aria-invalid`, added descriptions). */
export function clearErrors(form) {
  for (const node of form.querySelectorAll(".field-error")) node.remove();
  for (const control of form.querySelectorAll('[aria-invalid="true"]')) {
    control.removeAttribute("aria-invalid");
    restoreDescription(control);
  }
}

function restoreDescription(control) {
  if (!("describedby" in control.dataset)) return;
  if (control.dataset.describedby) control.setAttribute("aria-describedby", control.dataset.describedby);
  else control.removeAttribute("aria-describedby");
  delete control.dataset.describedby;
}

let counter = 0;

/**
 * Shows each message under its field and moves the focus to the first invalid field; true when there was any.
 * A control may be named twice (form check and server): one message per control, the first.
 */
export function showErrors(form, errors, { focus = true } = {}) {
  clearErrors(form);
  const seen = new Set();
  for (const { control, message } of errors) {
    if (!control || seen.has(control)) continue;
    seen.add(control);
    const id = `${control.id || `field-${++counter}`}-error`;
    const note = el(
      "p",
      { class: "field-error", id },
      el("span", { class: "visually-hidden" }, t("form.error.prefix")),
      message,
    );
    const place = control.closest(".field, fieldset.requests, .check") ?? control.parentElement;
    // Under the control (and its hint), inside the field's own box.
    place.append(note);
    control.setAttribute("aria-invalid", "true");
    control.dataset.describedby = control.getAttribute("aria-describedby") ?? "";
    control.setAttribute("aria-describedby", [id, control.dataset.describedby].filter(Boolean).join(" "));
  }
  const first = errors.find((e) => e.control)?.control;
  if (first && focus) first.focus();
  return seen.size > 0;
}

/**
 * Runs the form's own checks and shows their messages; true when the form may be sent. `extra(form)` may add
 * checks of its own (`[{ control, message }]`).
 */
/**
 * @param {HTMLElement} form
 * @param {(form: HTMLElement) => { control: HTMLElement, message: string }[]} [extra]
 */
export function validate(form, extra = () => []) {
  const errors = [...checkForm(form), ...extra(form)];
  if (errors.length) {
    showErrors(form, errors);
    return false;
  }
  clearErrors(form);
  return true;
}

/**
 * The server's field errors (`err.fields`) under the fields `find(path)` names; returns true when at least one was
 * placed (the general message is then not needed), false otherwise.
 */
export function showServerErrors(form, err, find) {
  const errors = (err?.fields ?? [])
    .map((f) => ({ control: find(f.path) ?? null, message: f.message }))
    .filter((e) => e.control);
  if (!errors.length) return false;
  showErrors(
    form,
    errors.map((e) => ({ control: e.control, message: capitalize(e.message) })),
  );
  return true;
}

/** The line under the submit button when fields are in error (the fields themselves say what is wrong). */
export const errorSummary = (count) => el("p", { class: "error form-summary" }, tCount("form.error.summary", count));

const capitalize = (s) => (s ? s[0].toLocaleUpperCase("fr") + s.slice(1) + (/[.…!?)]$/.test(s) ? "" : ".") : s);

/**
 * A destructive action asked twice on the same place, without a dialog to miss: `ask` hides itself and shows
 * `confirm` (focused) and `cancel`; `cancel` brings `ask` back. Returns the three buttons, in that order.
 * @param {HTMLButtonElement} ask
 * @param {HTMLButtonElement} confirm
 * @param {HTMLButtonElement} cancel
 */
export function askTwice(ask, confirm, cancel) {
  const show = (asking) => {
    ask.hidden = !asking;
    confirm.hidden = asking;
    cancel.hidden = asking;
    (asking ? ask : confirm).focus();
  };
  confirm.hidden = true;
  cancel.hidden = true;
  ask.addEventListener("click", () => show(false));
  cancel.addEventListener("click", () => show(true));
  return [ask, confirm, cancel];
}
