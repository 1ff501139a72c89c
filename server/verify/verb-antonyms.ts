/**
 * A verb said the other way round on the same thing (trial9 A7, trial10 A8): « Google a intégré Gemini … en baissant
 * leurs prix » where the cited passage says « en relevant leurs prix ». Each verb is compared only with its object,
 * the noun right after it (its determiners skipped): the passage must put the contrary verb before the same noun, and
 * no cited sentence the sentence's own verb. The verbs are data (`server/i18n/fr/verb-antonyms.txt`).
 */
import { fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { short } from "./negation.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, wordLines, words } from "./words.ts";

/** Each entry's two sides, as sets of folded verb forms. */
const ENTRIES: [Set<string>, Set<string>][] = wordLines("verb-antonyms.txt")
  .filter((l) => l.includes("|"))
  .map((l) => {
    const side = (part: string) =>
      new Set(
        part
          .split(",")
          .map((w) => words(w).join(" "))
          .filter(Boolean),
      );
    const [a, b] = l.split("|") as [string, string];
    return [side(a), side(b)];
  });

/** Words between a verb and its object: determiners and possessives. */
const DETERMINERS = new Set(
  "le la les l un une leur leurs ses son sa nos notre vos votre ce cette ces certains certaines plusieurs tous toutes".split(
    " ",
  ),
);
/** Words right after a verb that leave it without an object (« relève du droit américain »). */
const NO_OBJECT = new Set(["de", "du", "des", "d"]);

/** A folded infinitive (« fonctionner », « servir », « produire »). */
const INFINITIVE = /^\p{L}{3,}(?:er|ir|re)$/u;

/** Words after a verb in which a cited sentence's object is looked for when it agrees with the sentence. */
export const AGREE_REACH = 8;

/**
 * The (entry, side, object stems) of each verb of a text: its object, the noun right after it (determiners skipped),
 * or — `loose`, for what a cited sentence may say in agreement (« a baissé de 7,4 % ses prix ») — every content word
 * of the next `AGREE_REACH` words.
 */
function verbsOf(text: string, loose = false): { entry: number; side: number; objects: string[] }[] {
  const list = words(text);
  const out: { entry: number; side: number; objects: string[] }[] = [];
  list.forEach((w, i) => {
    ENTRIES.forEach((entry, e) =>
      entry.forEach((forms, side) => {
        if (!forms.has(w)) return;
        if (loose) {
          const objects = list.slice(i + 1, i + 1 + AGREE_REACH).filter((x) => contentWords(x).length > 0);
          out.push({ entry: e, side, objects: objects.map(stem) });
          return;
        }
        let k = i + 1;
        // « cessent de fonctionner »: the infinitive after « de » is what the verb bears on.
        if ((list[k] === "de" || list[k] === "d") && INFINITIVE.test(list[k + 1] ?? "")) {
          out.push({ entry: e, side, objects: [stem(list[k + 1]!)] });
          return;
        }
        if (NO_OBJECT.has(list[k] ?? "")) return;
        while (k < list.length && k <= i + 3 && DETERMINERS.has(list[k]!)) k++;
        const object = list[k];
        if (object && contentWords(object).length > 0) out.push({ entry: e, side, objects: [stem(object)] });
      }),
    );
  });
  return out;
}

/**
 * The cited sentence that puts the contrary of a verb of the sentence before the same object, while none puts the
 * sentence's own verb there; its short quote, or null.
 */
export function verbReversed(stated: string, pool: Source[]): string | null {
  const mine = verbsOf(fold(stated));
  if (mine.length === 0) return null;
  const cited = pool.flatMap((src) =>
    src.sentences.map((ss) => ({ text: ss.text, strict: verbsOf(fold(ss.text)), loose: verbsOf(fold(ss.text), true) })),
  );
  for (const v of mine) {
    const object = v.objects[0]!;
    const agrees = cited.some((c) =>
      c.loose.some((x) => x.entry === v.entry && x.side === v.side && x.objects.includes(object)),
    );
    if (agrees) continue;
    const against = cited.find((c) =>
      c.strict.some((x) => x.entry === v.entry && x.side !== v.side && x.objects.includes(object)),
    );
    if (against) return short(against.text);
  }
  return null;
}
