/**
 * A figure of a sentence about a peer, found only in the document's own data (trial15 A14): « Boé a réduit ses coûts
 * de licences de 95 % [4] » where 95 % is the share of a category in the roadmap's own inventory table and the cited
 * passage gives no such figure. The data (a roadmap's shares, its counts, the collectivité's inputs) speak of the
 * collectivité the document is written for: they vouch for no figure of a sentence whose subject is another body.
 * `server/verify/index.ts` holds the figure to the cited passages then.
 */
import { openingName } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import { nameIn, words } from "./words.ts";

/** An article or a preposition, then the subject's name (« La Gendarmerie a … », « À Munich, … »). */
const OPENING_ARTICLE =
  /^[\s>*_#•-]*(?:[Ll]es?|[Ll]a|[Ll]['’]|[ÀàAa]u?|[Ee]n)\s*(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u;

/** The name a sentence opens on as its subject, or null. */
function subjectOf(stated: string): string | null {
  const text = withoutReferences(stated).trim();
  const opening = openingName(text);
  if (opening) return opening;
  const m = OPENING_ARTICLE.exec(text);
  return m ? m[1]!.replace(/['’-]+$/, "") : null;
}

/**
 * Whether the sentence's subject is a body the document's data do not name (a peer, not the collectivité, nor one of
 * its products).
 */
export function aboutPeer(stated: string, facts: Source[]): boolean {
  if (facts.length === 0) return false;
  const subject = subjectOf(stated);
  if (!subject) return false;
  const folded = words(subject).join(" ");
  if (!folded) return false;
  return !facts.some((src) => nameIn(folded, src.bag));
}
