/**
 * The same attribute of the sentence's subject, given another name (faithful-blind-21): « Bleu … suit le même modèle
 * avec la technologie de Google » where the passage's clause on Bleu writes « fondée sur la technologie Microsoft » (and
 * Google's technology is S3NS's, in another sentence); « Harmonica OS 3.0 est dérivé de Debian » where its clause
 * writes « dérivé d'Ubuntu ». The attribute is a common word right before the name (« technologie de Google »,
 * « dérivé de Debian »); the subject is the sentence's first name, opening it.
 *
 * Flagged when the cited clauses the subject opens write the same attribute word (by stem) with another name, and
 * none of them writes the sentence's name at all, which the passages give with the same attribute word elsewhere (of
 * another subject): what the passage gives the subject, the sentence gives another, the attributes swapped.
 * A clause ends at a sentence's end, a semicolon, a colon, a dash or a line (a parenthesis is part of it: « sous Linux
 * (Ubuntu) »).
 */
import { NUMBER_WORDS } from "../core/number-words.ts";
import { escapeRegExp, fold } from "../core/text.ts";
import { stem } from "../retrieval/french.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { contentWords, words } from "./words.ts";

/** « technologie de Google », « dérivé d'Ubuntu », « technologie Microsoft »: a common word, then a name. */
const ATTRIBUTE =
  /(?<![\p{L}-])(\p{Ll}[\p{L}-]{3,})\s+(?:(?:de|du|des)\s+(?:la\s+|l['’]\s*)?|d['’]\s*)?(?=\p{Lu})([\p{L}\p{N}&-]+)/gu;
const CLAUSE_END = /[.!?](?=\s|$)|[;:\n]|\s[—–]\s/u;
/** What may come before a subject opening a sentence or a clause: list marks, emphasis, an article. */
const OPENING = /^[\s*_-]*(?:(?:le|la|les)\s+|l['’]\s*)?$/iu;
const OPENING_PREFIX = /^[\s*_-]*(?:(?:le|la|les)\s+|l['’]\s*)?/iu;

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

/** Whether the capitalised words of a text spell an acronym from their initials (« Territoire Numérique Ouvert », TNO). */
function spelledOut(text: string, acronym: string): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return false;
  const initials = (text.match(/\p{Lu}[\p{L}-]*/gu) ?? []).map((w) => w[0]).join("");
  return initials.startsWith(acronym);
}

/** The subject, the attribute's name the passage gives it, and the sentence's; or null. */
export function attributeNameSwapped(
  stated: string,
  pool: Source[],
): { name: string; other: string; partner: string } | null {
  const bare = withoutReferences(stated).replace(/\[\d+\]/g, " ");
  const subject = namesAt(bare)[0];
  // The subject opens the sentence (« L'agence AP a rapporté … le procureur de la CPI » is not about AP's attributes).
  // A count opening the sentence (« Deux briques de … ») is no name.
  if (!subject || !OPENING.test(bare.slice(0, subject.at)) || NUMBER_WORDS[fold(subject.name)] !== undefined)
    return null;
  const own = subject.folded.split(" ")[0]!;
  // The clauses the subject opens: what they give it (« migration imposée vers le cloud d'Atlassian ou l'édition Data
  // Center » gives Atlassian no edition).
  const body = pool.flatMap((s) => s.sentences.filter((ss) => !ss.inHeading).map((ss) => withoutReferences(ss.text)));
  const clauses = body
    .flatMap((t) => t.split(CLAUSE_END))
    .filter((c) => words(c.replace(OPENING_PREFIX, ""))[0] === own);
  // A capitalised word the passages also write in lower case is a common word opening a sentence (« Deux briques »).
  const lower = subject.name.toLowerCase();
  if (!clauses.length || body.some((c) => new RegExp(`(?<!\\p{L})${escapeRegExp(lower)}(?!\\p{L})`, "u").test(c)))
    return null;
  for (const a of attributes(bare)) {
    if (a.at < subject.at || a.name === own) continue;
    // A swap: the passages give the sentence's name the same attribute, of another subject (« Gooroom Cloud OS, dérivé
    // de Debian »), not merely write it (« Publik, logiciel libre de la SCOP » beside « édité par la SCOP »).
    if (
      clauses.some((c) => words(c).includes(a.name)) ||
      !body.some((t) => attributes(t).some((b) => b.stem === a.stem && b.name === a.name))
    )
      continue;
    for (const c of clauses) {
      const other = attributes(c).find((b) => b.stem === a.stem && b.name !== a.name && b.name !== own);
      if (other && !spelledOut(bare.slice(a.at), other.raw))
        return { name: subject.name, other: other.raw, partner: a.raw };
    }
  }
  return null;
}
