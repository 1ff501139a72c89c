/**
 * Postes or software the local context says another body equips or decides for (« Les écoles sont équipées par le
 * département »): their replacements are that body's decision, not the collectivité's own (trial24 T-L4: the 18
 * « Microsoft Windows 10 Famille » posts of the schools' file were planned « → Debian … à mener en premier » with the
 * others, the context's sentence unread). The roadmap keeps them in its measure — they are on the map — but marks
 * each « décision du département » and says, after the objective, that it proposes them to that body.
 *
 * Which lines: those the sentence names (`linesNamed`); else, when the sentence's subject (« les écoles ») is what the
 * map is named after (the file « ocs-segalas-ecoles.csv »), every line of the map; else none (nothing is guessed).
 */
import { fold } from "../core/text.ts";
import { BASE_STOPWORDS, wordListLines } from "../i18n/word-lists.ts";
import { contextSentences, linesNamed, type RoadmapLine } from "./roadmap-plan.ts";

const VERBS = wordListLines("other-body-verbs.txt").map(fold);
const BODIES = wordListLines("other-bodies.txt");
const STOP = new Set(BASE_STOPWORDS.map(fold));

export interface OtherBody {
  /** The sentence, as written. */
  text: string;
  /** The body as a document names it, with its article of « décision du … » (« du département », « de la région »). */
  of: string;
  lines: RoadmapLine[];
}

const folded = (s: string) => fold(s).replace(/’/g, "'");
const PATTERN = new RegExp(
  `\\b(?:est|sont)\\s+(?:(?:tous|toutes|entierement|directement)\\s+)?(?:${VERBS.join("|")})\\s+par\\s+(le\\s+|la\\s+|l'|les\\s+)(${BODIES.map((b) => folded(b).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})\\b`,
);

/** « du département », « de la région », « de l'État », « des … ». */
function ofBody(article: string, body: string): string {
  const a = article.trim();
  if (a === "le") return `du ${body}`;
  if (a === "la") return `de la ${body}`;
  if (a === "les") return `des ${body}`;
  return `de l'${body}`;
}

export function otherBodies(
  context: string | undefined,
  lines: RoadmapLine[],
  mapName: string | undefined,
  partsOf: (line: RoadmapLine) => string[] = () => [],
): OtherBody[] {
  if (!context) return [];
  const map = folded(mapName ?? "").replace(/[^a-z0-9]+/g, " ");
  const out: OtherBody[] = [];
  for (const text of contextSentences(context)) {
    const f = folded(text);
    const m = PATTERN.exec(f);
    if (!m) continue;
    const body = BODIES.find((b) => folded(b) === m[2])!;
    const named = linesNamed(text, lines, partsOf).lines;
    let own = named;
    if (!own.length) {
      // The subject's own words (« écoles »), singular or plural, in the map's name.
      const subject = f
        .slice(0, m.index)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4 && !STOP.has(w));
      const inMap = subject.some(
        (w) => ` ${map} `.includes(` ${w} `) || ` ${map} `.includes(` ${w.replace(/[sx]$/, "")} `),
      );
      own = inMap ? lines : [];
    }
    if (own.length)
      out.push({
        text: text.replace(/[\s;,:.]+$/u, ""),
        of: ofBody(m[1]!, body === "état" ? "État" : body),
        lines: own,
      });
  }
  return out;
}
