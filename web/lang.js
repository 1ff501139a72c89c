// @ts-check
// The language of a source's title, for `lang="en"` (RGAA 8.7: a change of language is marked). The corpus keeps
// no language for its sources, so an English title is told by its small words: a title whose words include more
// English function words than French (or German) ones, and at least one, is English. Titles are written « Publisher,
// « Title » »: the quoted part alone is judged and marked (the publisher's name is a name, in no language).

const ENGLISH = new Set(
  "the of and to in for on with is are was were be by from at as an a its it this that what how why who which will has have about into after over new".split(
    " ",
  ),
);
const FRENCH = new Set(
  "le la les l des du de d et un une pour sur dans avec au aux est sont ce cette ces qui que qu en par ne pas plus se sa son ses leur leurs à où".split(
    " ",
  ),
);

/** Told apart too, so that a German title is not taken for English (« Hirschmann … an Belden verkauft »). */
const GERMAN = new Set("der die das und ein eine mit für sich von zu ist im an auf wird verkauft deutsches".split(" "));

/**
 * "en" when the text reads as English, else null.
 * @param {string} text
 */
export function englishOrNull(text) {
  // Acronyms (« IT », « US ») are names, not words of a language.
  const words = text
    .split(/[^\p{L}'’]+/u)
    .flatMap((w) => w.split(/['’]/))
    .filter((w) => w && (w.length === 1 || w !== w.toUpperCase()))
    .map((w) => w.toLowerCase());
  if (words.length < 3) return null;
  let en = text.match(/\w[’']s\b/) ? 1 : 0;
  let other = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    if (FRENCH.has(w) || GERMAN.has(w)) other++;
  }
  return en > 0 && en > other ? "en" : null;
}

/**
 * A text as nodes, each quoted title (« … ») that reads as English in a `<span lang="en">`.
 * @param {string} text
 * @returns {(string | HTMLElement)[]}
 */
export function markEnglish(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/«(\s*)([^«»]+?)(\s*)»/g)) {
    if (!englishOrNull(m[2])) continue;
    const start = (m.index ?? 0) + 1 + m[1].length;
    out.push(text.slice(last, start), english(m[2]));
    last = start + m[2].length;
  }
  out.push(text.slice(last));
  return out.filter((x) => x !== "");
}

/**
 * A source's title as nodes: its quoted title, or the whole title when nothing is quoted, in a `<span lang="en">`
 * when it reads as English.
 * @param {string} title
 * @returns {(string | HTMLElement)[]}
 */
export function sourceTitle(title) {
  if (title.includes("«")) return markEnglish(title);
  return englishOrNull(title) ? [english(title)] : [title];
}

/** @param {string} text */
function english(text) {
  const span = document.createElement("span");
  span.lang = "en";
  span.textContent = text;
  return span;
}
