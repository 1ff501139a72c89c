// @ts-check
// A saved draft as the server's document model (`model` beside the draft: server/export/model.ts, documentJson),
// built as DOM nodes: the blocks, the verification marks (« [non vérifié] », « [à vérifier] », « [fait local, attesté
// par …] ») and the note
// numbers are the ones the ODT, DOCX, PDF and Markdown exports print. Nothing is parsed again here.
import { markEnglish, sourceTitle } from "./lang.js";
import { el, inferenceLabel, t } from "./lib.js";

/** @typedef {import("../server/export/types.ts").InlineJson} InlineJson */
/** @typedef {import("../server/export/types.ts").BlockJson} BlockJson */
/** @typedef {import("../server/export/types.ts").Note} Note */
/** @typedef {import("../server/export/types.ts").DocumentJson} DocumentJson */
/** @typedef {DocumentJson["sections"][number]} SectionJson */

/** Said to screen readers after a link that opens a new tab (RGAA 13.2). */
export const newTab = () => el("span", { class: "visually-hidden" }, ` ${t("web.newTab")}`);

/** Only web addresses become links: nothing the model or a user wrote can open anything else. */
const isWebAddress = (/** @type {string | null} */ url) => !!url && /^https?:\/\/\S+$/i.test(url);

/**
 * Inline content: bold, italic, line breaks, flagged words and marks, and note calls linking to their note.
 * @param {InlineJson[]} inlines
 * @param {(n: number) => string} noteId the id of note `n` on the page
 * @returns {(Node | string)[]}
 */
export function renderInlines(inlines, noteId) {
  return inlines.map((i) => {
    if (i.kind === "break") return el("br");
    if (i.kind === "note")
      return el(
        "a",
        { class: "cite", href: `#${noteId(i.n)}`, "aria-label": t("web.citeLabel", { n: i.n }) },
        `[${i.n}]`,
      );
    if (i.flagged) return el("strong", { class: "flag-label" }, i.text);
    // The label of a conclusion the model draws from what it cites: the page's own, with what it means.
    if (i.inference) return inferenceLabel();
    // A sentence attested as a local fact: the server's label (who, when), and what it means said too.
    if (i.attested)
      return el(
        "span",
        { class: "attested-label", title: t("verify.attestedExplained") },
        i.text,
        el("span", { class: "visually-hidden" }, ` : ${t("verify.attestedExplained")}`),
      );
    if (i.bold && i.italic) return el("strong", {}, el("em", {}, i.text));
    if (i.bold) return el("strong", {}, i.text);
    if (i.italic) return el("em", {}, i.text);
    return i.text;
  });
}

/**
 * A table of the text, its cells already built: a header row of column headings, then the rows.
 * @param {(Node | string)[][]} header
 * @param {(Node | string)[][][]} rows
 */
export const dataTable = (header, rows) =>
  el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { class: "data-table" },
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          header.map((c) => el("th", { scope: "col" }, c)),
        ),
      ),
      el(
        "tbody",
        {},
        rows.map((r) =>
          el(
            "tr",
            {},
            r.map((c) => el("td", {}, c)),
          ),
        ),
      ),
    ),
  );

/**
 * One block; a section's own heading is the page's, so a sub-heading (level 2) is one level below `headingLevel`.
 * @param {BlockJson} b
 * @param {(n: number) => string} noteId
 * @param {number} headingLevel the level of the section's heading on the page
 * @returns {HTMLElement}
 */
export function renderBlock(b, noteId, headingLevel = 3) {
  const inline = (/** @type {InlineJson[]} */ list) => renderInlines(list, noteId);
  switch (b.kind) {
    case "heading":
      return el(`h${Math.min(headingLevel + b.level, 6)}`, {}, inline(b.inlines));
    case "list":
      return el(
        b.ordered ? "ol" : "ul",
        {},
        b.items.map((item) => el("li", {}, inline(item))),
      );
    case "table":
      return dataTable(
        b.header.map(inline),
        b.rows.map((r) => r.map(inline)),
      );
    default:
      return b.style === "quote"
        ? el("blockquote", {}, el("p", {}, inline(b.inlines)))
        : el("p", {}, inline(b.inlines));
  }
}

/**
 * A note as the exports print it (the corpus page and its date, each source with its date), each source that has
 * an address a link to it, and each English title marked `lang="en"`.
 * @param {Note} note
 * @returns {(Node | string)[]}
 */
export const noteContent = (note) =>
  note.parts.map((p) =>
    isWebAddress(p.url)
      ? el("a", { href: p.url, rel: "noreferrer noopener", target: "_blank" }, sourceTitle(p.text), newTab())
      : markEnglish(p.text),
  );

/**
 * The text of a section and the list of the notes first called in it, numbered as in the exports.
 * @param {SectionJson} section
 * @param {(n: number) => string} noteId
 * @returns {{ text: HTMLElement, notes: HTMLElement | null }}
 */
export function renderSection(section, noteId) {
  return {
    text: el(
      "div",
      { class: "draft-text" },
      section.blocks.map((b) => renderBlock(b, noteId)),
    ),
    notes: section.notes.length
      ? el(
          "ol",
          { class: "notes", "aria-label": t("draft.notes") },
          section.notes.map((n) => el("li", { id: noteId(n.n), value: n.n }, noteContent(n))),
        )
      : null,
  };
}
