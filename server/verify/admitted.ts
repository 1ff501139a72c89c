/**
 * An admission (« Microsoft a reconnu avoir coupé la messagerie de la Cour entière [3] ») of an act that a passage
 * given to the model has the same actor contest (« Microsoft conteste avoir coupé ses services à la Cour », trial23
 * T-H1), or report a negation of (« a déclaré que l'entreprise n'avait ni cessé ni suspendu … »), while no given
 * passage has them confirm it. The cited passage may report the act itself (the AP dispatch): the admission is what
 * the other passage denies. The verbs are data (`overstated.txt`: [confirm], [deny], [say]). The actor is a name the
 * sentence writes before its admission verb; the act is the first content word after it that is not a name nor an
 * auxiliary, and the passage's denial must write it (same stem) after its own denying or saying verb.
 */
import { stem } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { NEGATED, overstatedSection } from "./overstated.ts";
import { namesWithEnds, SENTENCE_START_COMMON } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, WEAK, words } from "./words.ts";

const CONFIRM = overstatedSection("confirm");
const DENY = overstatedSection("deny");
const SAY = overstatedSection("say");
/** Auxiliaries and links between an admission verb and its act (« avoir coupé », « que Lyon avait renoncé »). */
const LINKS = new Set(
  "avoir etre a ont avait avaient est sont etait etaient que qu bien deja effectivement lui elle il ils elles".split(
    " ",
  ),
);

/** Names of a text without the common words that open a sentence (« Un audit a confirmé »: no name). */
function namesIn(text: string): { name: string; list: string[] }[] {
  return namesWithEnds(text)
    .map((n) => {
      const parts = n.name.split(/\s+/);
      while (parts.length > 0 && SENTENCE_START_COMMON.test(parts[0]!)) parts.shift();
      const name = parts.join(" ");
      return { name, list: words(name) };
    })
    .filter((n) => n.list.length > 0);
}

/** Where the admission verb is, said by its subject (not « a été confirmé par »): its index, or -1. */
function admissionAt(list: string[]): number {
  const at = list.findIndex((w) => CONFIRM.has(w));
  return at > 0 && list[at - 1] === "ete" ? -1 : at;
}

/** The act an admission states: the stem of its first content word after the verb, not a name nor a link. */
function actOf(after: string[], names: Set<string>): string | null {
  for (const w of after.slice(0, 6)) {
    if (LINKS.has(w) || names.has(w)) continue;
    if (contentWords(w).length === 0 || WEAK.has(w)) continue;
    return stem(w);
  }
  return null;
}

/** The given passage's sentence in which the admitting actor contests the act: a short quote, or null. */
export function admittedContested(stated: string, sources: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATED.test(text) || NEGATION.test(text)) return null;
  const list = words(text);
  const at = admissionAt(list);
  if (at < 0) return null;
  const named = namesIn(text).map((n) => n.list);
  const nameWords = new Set(named.flat());
  // The actor: a name the sentence writes before its admission verb.
  const before = new Set(list.slice(0, at));
  const actors = named.filter((n) => n.length > 0 && n.every((w) => before.has(w)));
  if (actors.length === 0) return null;
  const act = actOf(list.slice(at + 1), nameWords);
  if (!act) return null;
  // Headings last: a body sentence says it in full.
  const sentences = sources
    .flatMap((src) => src.sentences)
    .sort((a, b) => Number(a.inHeading || a.text === a.heading) - Number(b.inHeading || b.text === b.heading))
    .flatMap((ss) => withoutReferences(ss.text).split(/\s;\s/));
  const naming = sentences.filter((t) => {
    const theirs = words(t);
    return actors.some((n) => n.every((w) => theirs.includes(w)));
  });
  // A given passage has them confirm something: their admission may be written there.
  if (naming.some((t) => words(t).some((w) => CONFIRM.has(w)) && !NEGATED.test(t))) return null;
  const denying = naming.find((t) => {
    const theirs = words(t);
    const d = theirs.findIndex((w) => DENY.has(w));
    if (d >= 0 && theirs.slice(d + 1).some((w) => stem(w) === act)) return true;
    if (!theirs.some((w) => SAY.has(w))) return false;
    const that = t.search(/(?<!\p{L})(?:que|qu['’])/iu);
    if (that < 0 || !NEGATED.test(t.slice(that))) return false;
    return words(t.slice(that)).some((w) => stem(w) === act);
  });
  return denying ? short(denying.trim().replace(/\s+([.;,])/g, "$1")) : null;
}

/**
 * An admission (« Jehan Monnier a reconnu que Lyon avait renoncé à changer d'échelle [1] ») of an act no cited
 * sentence naming the actor writes, when none has them confirm or admit anything (trial23 T-H1, second form: the
 * passage has him describe Lyon « en train de « changer d'échelle » »). The actor and the act as `admittedContested`
 * reads them. The actor's name, or null.
 */
export function admissionUnwritten(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATED.test(text) || NEGATION.test(text)) return null;
  const list = words(text);
  const at = admissionAt(list);
  if (at < 0) return null;
  const named = namesIn(text);
  const before = new Set(list.slice(0, at));
  const actors = named.filter((n) => n.list.length > 0 && n.list.every((w) => before.has(w)));
  if (actors.length === 0) return null;
  const act = actOf(list.slice(at + 1), new Set(named.flatMap((n) => n.list)));
  if (!act) return null;
  const naming = pool
    .flatMap((src) => src.sentences)
    .map((ss) => words(withoutReferences(ss.text)))
    .filter((theirs) => actors.some((n) => n.list.every((w) => theirs.includes(w))));
  if (naming.length === 0) return null;
  if (naming.some((theirs) => theirs.some((w) => CONFIRM.has(w) || stem(w) === act))) return null;
  return actors[0]!.name;
}
