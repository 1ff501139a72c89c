/**
 * A body said to preside or direct something no cited passage says anyone presides (faithful-blind-9): « Framasoft
 * préside le jury » where the passage says « décerné par un jury ; Framasoft fait partie de ce jury ». The acts and
 * the roles they belong to are data (`server/i18n/fr/roles-held.txt`, sections « acts » and « roles »);
 * `server/verify/index.ts` turns what it finds into a reason.
 */
import { wordListSections } from "../i18n/word-lists.ts";
import { fold } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { bagOf, inBag, words } from "./words.ts";

const SECTIONS = wordListSections("roles-held.txt");
const lineWords = (l: string) => l.split(/\s+/).map((w) => fold(w));
/** Act lines (« préside présidait … »), each as its folded forms. */
const ACT_LINES = (SECTIONS.get("acts") ?? []).map(lineWords);
/** Role lines (« président présidente … préside »), each as its folded words. */
const ROLE_LINES = (SECTIONS.get("roles") ?? []).map(lineWords);

/** The words of an act's family: its forms and the role line holding it (« préside » → « président », « présidence »). */
const familyOf = (act: string) =>
  new Set([...ACT_LINES.filter((l) => l.includes(act)), ...ROLE_LINES.filter((l) => l.includes(act))].flat());

/** An act verb, then the thing acted on (« préside le jury », « dirige la commission »). */
const ACT_OBJECT = /(?<!\p{L})(\p{L}+)\s+(?:le|la|les|l['’]|du|des|au|aux)\s*(\p{Ll}{3,})(?!\p{L})/gu;

/**
 * A named subject acting (« préside », « dirige ») on a thing the cited passages name (« le jury ») where no cited
 * sentence naming that thing holds a word of the act's family (« présidé », « président »): the act, the thing and
 * the first cited sentence naming it; or null.
 */
export function actNotGiven(stated: string, pool: Source[]): { act: string; object: string; quote: string } | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text)) return null;
  const texts = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)));
  const all = bagOf(texts.join(" "));
  for (const m of text.matchAll(ACT_OBJECT)) {
    const act = fold(m[1]!);
    if (!ACT_LINES.some((l) => l.includes(act))) continue;
    // The one who acts is a name of the passages, written before the act.
    const subject = namesAt(text.slice(0, m.index!));
    if (subject.length === 0 || !subject.some((n) => inBag(n.folded, all, false))) continue;
    const object = words(m[2]!)[0]!;
    const naming = texts.filter((t) => inBag(object, bagOf(t), false));
    if (naming.length === 0) continue;
    const family = familyOf(act);
    const prefix = act.slice(0, 5);
    const held = naming.some((t) => words(t).some((w) => family.has(w) || w.startsWith(prefix)));
    if (!held) return { act: m[1]!, object: m[2]!, quote: short(naming[0]!) };
  }
  return null;
}
