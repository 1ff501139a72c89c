/**
 * The collectivité an inventory belongs to, as typed on import (the page's « Collectivité » field, the multipart
 * field or query `collectivite`, the CLI): analyses of one collectivité are compared and followed by a plan, so it is
 * kept whole, with its white space collapsed. Too long a name is a French 400 (`invalid_collectivite`: the page shows
 * it under its field) rather than a name cut short.
 */
import { AppError } from "../core/errors.ts";
import { fold } from "../core/text.ts";
import { message } from "../i18n/messages.ts";
import { wordListSections } from "../i18n/word-lists.ts";

/** The longest name kept (a département's full name with its article is under 60 characters). */
export const COLLECTIVITE_MAX = 200;

/** A typed name (collectivité, analysis) with control characters and runs of white space made one space, or null when nothing is left. */
export function oneLine(raw: string | null | undefined): string | null {
  const v = (raw ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return v ? v : null;
}

/** The collectivité typed on import, checked: null when none was given. */
export function checkCollectivite(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  const value = oneLine(typeof raw === "string" ? raw : String(raw));
  if (value && value.length > COLLECTIVITE_MAX)
    throw new AppError(
      "invalid_collectivite",
      message("inventory.error.collectivite", { max: String(COLLECTIVITE_MAX) }),
      400,
    );
  return value;
}

/** Each kind of collectivité (`collectivity-kinds.txt`), its words folded, the longest first. */
const KINDS = ["commune", "intercommunalité", "département", "région"].flatMap((kind) =>
  (wordListSections("collectivity-kinds.txt").get(kind) ?? []).map((w) => ({ kind, words: words(w).join(" ") })),
);
KINDS.sort((a, b) => b.words.length - a.words.length);
/** Little words between a kind and a name (« Département du Gard », « Ville de l'Isle-Adam »). */
const LINKS = new Set(["de", "du", "des", "d", "la", "le", "les", "l"]);

function words(name: string): string[] {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A name's kind (said first, « Ville de Nîmes », or last, « Nîmes Métropole ») and the words of the name itself. */
function parts(name: string): { kind: string | null; name: string[] } {
  let w = words(name);
  let kind: string | null = null;
  for (const k of KINDS) {
    const kw = k.words.split(" ");
    if (w.length > kw.length && kw.every((x, i) => w[i] === x)) {
      kind = k.kind;
      w = w.slice(kw.length);
      while (w.length > 1 && LINKS.has(w[0]!)) w = w.slice(1);
      break;
    }
    if (w.length > kw.length && kw.every((x, i) => w[w.length - kw.length + i] === x)) {
      kind = k.kind;
      w = w.slice(0, -kw.length);
      break;
    }
  }
  if (!kind) while (w.length > 1 && LINKS.has(w[0]!)) w = w.slice(1);
  return { kind, name: w };
}

/**
 * Whether two names say one collectivité — the one rule of the import, the comparison and the plan's checkpoints:
 * compared folded (case, accents, punctuation), its kind aside (« Commune de Lanvéoc » and « commune de lanveoc »,
 * « Gard » and « Département du Gard », « Mairie de Nîmes » and « Ville de Nîmes »), one name a run of the other's
 * words (« Haut-Couserans » for the Communauté de communes du Haut-Couserans et des Trois Vallées), but never two
 * kinds (« Ville de Lyon » and « Métropole de Lyon », « Ville de Nîmes » and « Nîmes Métropole »).
 */
export function sameCollectivite(a: string, b: string): boolean {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa.name.length || !pb.name.length) return fold(a).trim() === fold(b).trim();
  if (pa.kind && pb.kind && pa.kind !== pb.kind) return false;
  const within = (short: string[], long: string[]) => ` ${long.join(" ")} `.includes(` ${short.join(" ")} `);
  return within(pa.name, pb.name) || within(pb.name, pa.name);
}

/** Abbreviations of a kind an export's publisher field uses (« CC Coteaux de l'Ourcelle »): `own-publisher.txt`. */
let abbreviations: Set<string> | null = null;

/**
 * Whether an inventory line's publisher is the collectivité itself (« CC Coteaux de l'Ourcelle » for the Communauté
 * de communes des Coteaux de l'Ourcelle): its own internal application, under its own control. Stricter than
 * `sameCollectivite`: the names, kind and abbreviation aside, must be the same words — « Saint-Pierre Informatique »
 * is not the Commune de Saint-Pierre.
 */
export function isOwnPublisher(publisher: string | null | undefined, collectivite: string | null | undefined): boolean {
  if (!publisher || !collectivite) return false;
  abbreviations ??= new Set(
    wordListSections("own-publisher.txt")
      .get("abréviations")
      ?.map((w) => fold(w)) ?? [],
  );
  const lead = words(publisher);
  while (lead.length > 1 && abbreviations.has(lead[0]!)) lead.shift();
  const pa = parts(lead.join(" "));
  const pb = parts(collectivite);
  if (!pa.name.length || !pb.name.length) return false;
  if (pa.kind && pb.kind && pa.kind !== pb.kind) return false;
  return pa.name.join(" ") === pb.name.join(" ");
}
