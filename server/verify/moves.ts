/**
 * A claimed move to a product — « remplacé par Debian », « une partie des postes a migré vers Element », « grâce au
 * déploiement de Vivaldi » — checked against that product's installations in the two inventories a progress note
 * compares: it must have grown from the first to the last. A move to a product no inventory shows, or to one that did
 * not grow, makes the sentence « non vérifié », with a reason naming that product (trial 11: « Une partie des postes
 * Windows 10 a déjà migré vers Debian » was supported by the plan's own line, Debian in neither inventory). A product
 * the inventories do not name is left alone, and so is an intention (« sera remplacé par Debian d'ici 2029 ») or a
 * negated move. Words: `i18n/fr/moves.txt`.
 */
import { fold, foldApostrophes, formatInt } from "../core/text.ts";
import { countText, message } from "../i18n/messages.ts";
import { sectionAlternation, wordListSections } from "../i18n/word-lists.ts";
import { type SentenceCheck, type Verification, verificationOf } from "./index.ts";
import { CLAUSE_BREAK, clauseAround } from "./sentences.ts";

/** A product a move may be claimed to, by its names, with its installations in the first and the last inventory. */
export interface MoveTarget {
  names: string[];
  before: number;
  now: number;
}

const LISTS = wordListSections("moves.txt");
const alternation = (section: string) => sectionAlternation(LISTS, section, fold);
const MOVE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("passage")})\\s*`, "giu");
const INTENTION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation("intention")})(?![\\p{L}\\p{N}])`, "iu");
const NEGATION = /(?<!\p{L})(?:ne|n'|pas|jamais|aucun|aucune|ni|non)(?!\p{L})/u;
const ARTICLE = /^(?:l'|le |la |les |du |des )/u;

/** Each target's names as a sentence may write them, folded, longest first: « Element (protocole Matrix) », « Element ». */
function targetNames(targets: MoveTarget[]) {
  return targets
    .flatMap((target) =>
      target.names.flatMap((name) => {
        const short = name.replace(/\s*\(.*$/u, "").trim();
        return [...new Set([name, short])]
          .filter((n) => n.length >= 2)
          .map((n) => ({ target, name: n, folded: foldApostrophes(n) }));
      }),
    )
    .sort((a, b) => b.folded.length - a.folded.length);
}

/** Why the moves a sentence claims are not what the inventories show (empty when they are, or it claims none). */
export function moveReasons(sentence: string, targets: MoveTarget[]): string[] {
  if (!targets.length) return [];
  const folded = foldApostrophes(sentence);
  const names = targetNames(targets);
  const reasons: string[] = [];
  for (const m of folded.matchAll(MOVE)) {
    let at = m.index! + m[0].length;
    const article = ARTICLE.exec(folded.slice(at));
    if (article) at += article[0].length;
    const found = names.find(
      (n) =>
        folded.startsWith(n.folded, at) &&
        !/[\p{L}\p{N}]/u.test(folded[at + n.folded.length] ?? "") &&
        // A name is written with its capital (« Element », not « élément »), unless it is in lower case itself.
        (!/^\p{Lu}/u.test(n.name) || /[\p{Lu}\p{N}]/u.test(sentence[at] ?? "")),
    );
    if (!found) continue;
    const [start] = clauseAround(sentence, m.index!, at, CLAUSE_BREAK);
    const lead = folded.slice(start, m.index!);
    if (INTENTION.test(lead) || NEGATION.test(lead)) continue;
    const { target } = found;
    if (target.now > target.before) continue;
    const said = sentence.slice(m.index!, at + found.folded.length);
    const count = (n: number) => countText("installation", n, formatInt(n));
    const reason =
      target.now === 0 && target.before === 0
        ? message("verify.moveAbsent", { said, name: found.name })
        : target.now === target.before
          ? message("verify.moveFlat", { said, name: found.name, before: count(target.before) })
          : message("verify.moveDown", {
              said,
              name: found.name,
              before: count(target.before),
              now: formatInt(target.now),
            });
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons;
}

/** A verification where each sentence's claimed moves are also checked against the inventories (`moveReasons`). */
export function checkMoves(verification: Verification, targets: MoveTarget[] | undefined): Verification {
  if (!targets?.length) return verification;
  let changed = false;
  const sentences: SentenceCheck[] = verification.sentences.map((s) => {
    if (/^\s*\|/.test(s.text)) return s;
    const added = moveReasons(s.text, targets).filter((r) => !s.reasons.includes(r));
    if (!added.length) return s;
    changed = true;
    return {
      ...s,
      status: s.status === "invalid-citation" ? s.status : "unsupported",
      reasons: [...s.reasons, ...added],
    };
  });
  return changed ? verificationOf(sentences) : verification;
}
