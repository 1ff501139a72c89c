/**
 * The same attribute of the sentence's subject, given another name (faithful-blind-21): « Bleu … suit le même modèle
 * avec la technologie de Google » where the passage's clause on Bleu writes « fondée sur la technologie Microsoft » (and
 * Google's technology is S3NS's, in another sentence); « Harmonica OS 3.0 est dérivé de Debian » where its clause
 * writes « dérivé d'Ubuntu ». The attribute is a common word right before the name (« technologie de Google »,
 * « dérivé de Debian »); the subject is the sentence's first name, before it.
 *
 * Flagged when the cited clauses that name the subject write the same attribute word (by stem) with another name, and
 * none of them writes the sentence's name at all: what the passage gives the subject, the sentence gives another.
 * A clause ends at a sentence's end, a semicolon, a colon, a parenthesis, a dash or a line.
 */
import { fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, words } from "./words.ts";

/** « technologie de Google », « dérivé d'Ubuntu », « technologie Microsoft »: a common word, then a name. */
const ATTRIBUTE =
  /(?<![\p{L}-])(\p{Ll}[\p{L}-]{3,})\s+(?:(?:de|du|des)\s+(?:la\s+|l['’]\s*)?|d['’]\s*)?(?=\p{Lu})([\p{L}\p{N}&-]+)/gu;
const CLAUSE_END = /[.!?](?=\s|$)|[;:\n()]|\s[—–]\s/u;

/** The attributes of a clause: the attribute word and its stem, the name's first word (folded) and as written. */
function attributes(text: string): { word: string; stem: string; name: string; raw: string; at: number }[] {
  return [...text.matchAll(ATTRIBUTE)].flatMap((m) => {
    const word = fold(m[1]!);
    const name = words(m[2]!)[0];
    // A common word only (not « plus », « selon »): what the name is an attribute of.
    if (!name || contentWords(m[1]!).length === 0) return [];
    return [{ word, stem: stem(word), name, raw: m[2]!, at: m.index! }];
  });
}

/** The subject, the attribute's name the passage gives it, and the sentence's; or null. */
export function attributeNameSwapped(
  stated: string,
  pool: Source[],
): { name: string; other: string; partner: string } | null {
  const bare = withoutReferences(stated).replace(/\[\d+\]/g, " ");
  const subject = namesAt(bare)[0];
  if (!subject) return null;
  const own = subject.folded.split(" ")[0]!;
  const clauses = pool
    .flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)))
    .flatMap((t) => t.split(CLAUSE_END))
    .filter((c) => words(c).includes(own));
  if (!clauses.length) return null;
  for (const a of attributes(bare)) {
    if (a.at < subject.at || a.name === own) continue;
    if (clauses.some((c) => words(c).includes(a.name))) continue;
    for (const c of clauses) {
      const other = attributes(c).find((b) => b.stem === a.stem && b.name !== a.name && b.name !== own);
      if (other) return { name: subject.name, other: other.raw, partner: a.raw };
    }
  }
  return null;
}
