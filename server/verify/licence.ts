/**
 * A product's licence stated as its opposite (faithful-blind-9): « Pixa Viewer, gratuit, est un logiciel libre »
 * where its card says « Gratuit mais propriétaire », « Gwenview est propriétaire » where its card says « logiciel libre
 * sous licence GPL-2.0 ». The words are data (`server/i18n/fr/licence-words.txt`); `server/verify/index.ts` turns
 * what it finds into a reason.
 */

import { NUMBER_WORD_PATTERN } from "../core/number-words.ts";
import { escapeRegExp } from "../core/text.ts";
import { wordAlternation, wordListSections } from "../i18n/word-lists.ts";
import { NEGATION, short } from "./negation.ts";
import { namesItem } from "./replacement.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, contentWords, inBag, WEAK } from "./words.ts";

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
  // What the subject's own words are given in the cited passages, when they are (« l'édition Enterprise propriétaire »).
  const qualified = qualifiedLicence(text.slice(0, m.index), pool, claimed);
  if (qualified !== undefined) return qualified;
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

/** A licence word in a part of a sentence: « non libre » and « propriétaire » before « libre » (which « non libre » holds). */
const PROPRIETARY_IN = new RegExp(`(?<!\\p{L})(?:${PROPRIETARY})(?!\\p{L})`, "iu");
const PROPRIETARY_ALL = new RegExp(`(?<!\\p{L})(?:${PROPRIETARY})(?!\\p{L})`, "giu");
const FREE_IN = new RegExp(`(?<!\\p{L})(?:${FREE})(?!\\p{L})`, "iu");
const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORD_PATTERN})$`, "iu");

/**
 * The licence the cited passages give the words a sentence names its subject by, in a part of their sentences (between
 * commas or semicolons) holding all of them and a licence word (faithful-blind-14, -15: « Son édition Enterprise est
 * libre » where the card says « l'édition Community est libre, l'édition Enterprise propriétaire »; « Ces deux
 * antivirus sont des logiciels libres » where each card says « (antivirus et sécurité) : logiciel non libre »). Parts
 * are cut at « mais », « tandis que » too (« VirtualBox est libre (GPL) mais l'Extension Pack est … propriétaire »); a
 * part saying both licences is left. Null when a part gives the subject the licence the sentence claims (one passage says it), the first part giving it the
 * other licence when none does, undefined when no part names the subject with a licence.
 */
function qualifiedLicence(before: string, pool: Source[], claimed: Licence): string | null | undefined {
  const subject = [...new Set(contentWords(before))].filter(
    (w) => !WEAK.has(w) && !NUMBER_WORD.test(w) && !/^\d/.test(w),
  );
  if (subject.length === 0) return undefined;
  let other: string | undefined;
  for (const src of pool)
    for (const ss of src.sentences.filter((x) => !x.inHeading))
      for (const part of ss.text.split(/[,;]\s|\n|\s(?:mais|tandis que|alors que)\s/u)) {
        // « non libre » holds « libre »: a part is proprietary by its words, free by « libre » without them.
        const licence: Licence | null = PROPRIETARY_IN.test(part) ? "proprietary" : FREE_IN.test(part) ? "free" : null;
        if (licence === "proprietary" && FREE_IN.test(part.replace(PROPRIETARY_ALL, " "))) continue;
        if (!licence || !subject.every((w) => inBag(w, bagOf(part)))) continue;
        if (licence === claimed) return null;
        other ??= short(part.trim());
      }
  return other;
}

/** A licence's name (« LGPL », « AGPL-3.0-only », « Apache-2.0 »): its family, the letters before its version. */
const LICENCE_NAME = /(?<![\p{L}\p{N}-])(AGPL|LGPL|GPL|MPL|EUPL|MIT|BSD|Apache|CeCILL)(?![\p{L}])/giu;
/** A card's own licence: « Matomo (autres) : logiciel libre sous licence GPL-3.0-or-later ». */
const CARD_OWN = /^(.+?)\s*\([^()]*\)\s*:\s*logiciel\s+libre\s+sous\s+licence\s+([\p{L}]+)/u;

/**
 * The licence families the cited cards give each name: a list's item (« SuiteCRM (remplacement partiel, Royaume-Uni,
 * libre AGPL-3.0-only, …) ») and a card's own product (« Odoo Community (…) : logiciel libre sous licence LGPL-3.0 »).
 */
function licencesByName(pool: Source[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, family: string) =>
    out.set(name, new Set([...(out.get(name) ?? []), family.toUpperCase()]));
  for (const src of pool)
    for (const ss of src.sentences) {
      // Each item of a list up to its first parenthesis, whose asides may nest (« (…, relation client seulement (CRM)) »).
      for (const list of ss.text.matchAll(/(?:^|\n)\s*(?:Alternatives|Remplace)\s*:\s*([^\n]+)/gu))
        for (const item of list[1]!.split(/\s+;\s+/)) {
          const name = item.split(/\s+\(/)[0]!.trim();
          const m = /[(,]\s*libre\s+([\p{L}]+)/u.exec(item);
          if (name && m) add(name, m[1]!);
        }
      const m = CARD_OWN.exec(ss.text.trim());
      if (m) add(m[1]!.trim(), m[2]!);
    }
  return out;
}

/**
 * A licence named for a product the cited cards give another licence (faithful-blind-14: « SuiteCRM est publié sous
 * licence LGPL » where the card's item says « SuiteCRM (…, libre AGPL-3.0-only, …) », the LGPL being Odoo's): the
 * product is the last one with a licence on the cards named before the licence; compared by family (« AGPL », « GPL »).
 * The product, the sentence's licence and the card's; or null.
 */
export function licenceNameSwapped(
  stated: string,
  pool: Source[],
): { name: string; licence: string; other: string } | null {
  const text = withoutReferences(stated);
  const m = [...text.matchAll(LICENCE_NAME)][0];
  if (!m || NEGATION.test(text)) return null;
  const family = m[1]!.toUpperCase();
  const before = text.slice(0, m.index);
  const named = [...licencesByName(pool)]
    .map(([name, families]) => ({ name, families, at: namesItem(before, name) ? before.lastIndexOf(name) : -1 }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (!named || named.families.has(family)) return null;
  return { name: named.name, licence: m[0], other: [...named.families].join(", ") };
}
