/**
 * A product's licence stated as its opposite (faithful-blind-9): « Pixa Viewer, gratuit, est un logiciel libre »
 * where its card says « Gratuit mais propriétaire », « Gwenview est propriétaire » where its card says « logiciel libre
 * sous licence GPL-2.0 ». The words are data (`server/i18n/fr/licence-words.txt`); `server/verify/index.ts` turns
 * what it finds into a reason.
 */
import { escapeRegExp } from "../core/text.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";

const SECTIONS = wordListSections("licence-words.txt");
const FREE = wordAlternation(SECTIONS.get("free") ?? []);
const PROPRIETARY = wordAlternation(SECTIONS.get("proprietary") ?? []);
/** « est un logiciel libre », « est gratuit mais propriétaire », « , libre, »: a licence said of the subject. */
const SAID = new RegExp(
  `(?<!\\p{L})(?:est|sont|reste|restent)\\s+(?:(?:un|une|des)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(${FREE}|${PROPRIETARY})(?!\\p{L})`,
  "iu",
);
const IS_PROPRIETARY = new RegExp(`^(?:${PROPRIETARY})$`, "iu");
/** The card of a product: its passage heading (« Produit : Pixa Viewer (2026-08) — »). */
const CARD_HEADING = /^(?:Produit|Alternative)\s*:\s*(.+?)\s*(?:\(\d{4}(?:-\d{2})?\)\s*)?—/u;

type Licence = "free" | "proprietary";

/** What a product's card says of its licence, with the sentence saying it; null when it says neither. */
function cardLicence(src: Source, product: string): { licence: Licence; quote: string } | null {
  const head = new RegExp(`^${escapeRegExp(product)}\\s*\\([^)]*\\)\\s*:\\s*logiciel\\s+(non\\s+)?libre`, "iu");
  for (const ss of src.sentences) {
    const m = head.exec(ss.text.trim());
    if (m) return { licence: m[1] ? "proprietary" : "free", quote: short(ss.text) };
  }
  const own = src.sentences.find(
    (ss) =>
      !ss.inHeading &&
      !/^\s*Alternatives?\s*:/u.test(ss.text) &&
      new RegExp(`(?<!\\p{L})(?:${PROPRIETARY})(?!\\p{L})`, "iu").test(ss.text),
  );
  return own ? { licence: "proprietary", quote: short(own.text) } : null;
}

/**
 * The licence the sentence gives a product whose cited card gives the other one: the card's sentence, or null.
 */
export function licenceOpposite(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  const m = SAID.exec(text);
  if (!m || NEGATION.test(text)) return null;
  const claimed: Licence = IS_PROPRIETARY.test(m[1]!) ? "proprietary" : "free";
  // The subject: the last product with a cited card named before the licence.
  const cards = pool.flatMap((src) => {
    const heading = src.sentences[0]?.heading ?? "";
    const name = CARD_HEADING.exec(heading)?.[1]?.trim();
    return name ? [{ src, name }] : [];
  });
  const before = text.slice(0, m.index);
  const subject = cards
    .map((c) => ({ ...c, at: before.lastIndexOf(c.name) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (!subject) return null;
  const card = cardLicence(subject.src, subject.name);
  return card && card.licence !== claimed ? card.quote : null;
}
