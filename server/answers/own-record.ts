/**
 * Facts only the asker's own collectivité knows of itself, asked in forms the own-fact and own-figure lists of
 * `brief.txt` do not read (held-out-24 h24-u-nous-*): the name of one of its people (« comment s'appelle le
 * responsable informatique de notre mairie »), the date or fate of one of its acts (« quand avons-nous voté la charte
 * du libre ? », « notre marché de messagerie a été reconduit ou pas ? », « ma communauté de communes a-t-elle adopté
 * une stratégie numérique ? »), which provider or which act it is (« notre opérateur de téléphonie, c'est lequel
 * déjà ? », « le numéro de la délibération … chez nous »), or one of its figures (« combien de nos agents ont suivi la
 * formation ? », « combien on paie actuellement pour Zoom ? »). The words are data (`own-record.txt`); `notGiven`
 * (`brief.ts`) then says the corpus cannot give it, with or without a model.
 */
import { fold } from "../core/text.ts";
import { wordListLines, wordListSections } from "../i18n/word-lists.ts";
import { FIXED_EXPRESSIONS } from "../retrieval/fixed-expressions.ts";

/** Folded text with apostrophes and hyphens as spaces, padded: phrases are matched on whole words. */
export function normalized(text: string): string {
  return ` ${fold(text)
    .replace(/[’'-]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

const SECTIONS = new Map(
  [...wordListSections("own-record.txt").entries()].map(([k, v]) => [k, v.map((e) => normalized(e))]),
);
const entries = (section: string) => SECTIONS.get(section) ?? [];
/** The fixed expressions that ask nothing (« quand même »), normalized. */
const FIXED = FIXED_EXPRESSIONS.map((e) => normalized(e));
/** Number words (« trois »), after « nos » (« nos trois écoles ») : a count of the asker's own, not a word asked. */
const NUMBER_WORDS = wordListLines("number-words.txt").map((l) => l.split(/\s+/)[0]!);
const COUNT_AFTER_POSSESSIVE = new RegExp(` (nos|mes|notre) (?:\\d+(?: \\d{3})*|${NUMBER_WORDS.join("|")})(?= )`, "g");

/** The question as the lists read it: normalized, fixed expressions out, a count after « nos » out. */
function read(question: string): string {
  return FIXED.reduce((text, e) => text.replaceAll(e, " "), normalized(question)).replace(
    COUNT_AFTER_POSSESSIVE,
    " $1",
  );
}

/** « nos », « notre » before a thing whose act is asked (« les ordinateurs de nos deux écoles ont été achetés quand »). */
const POSSESSIVE = / (?:notre|nos) /;
/** « a été », « ont été » before an act (« ont été achetés »). */
const PASSIVE_ACT = new RegExp(
  ` (?:a|ont) ete (?:${entries("acte")
    .map((e) => e.trim())
    .join("|")}) `,
);

const holds = (q: string, section: string) => entries(section).some((e) => q.includes(e));

/**
 * Whether the question asks a fact of the asker's own collectivité that only its own records know: a person of it
 * ([qui] + [rôle] + [chez soi]), an act of it or of one of its things with its date or fate ([acte] with [chez soi] or
 * [à nous], or [acte, nous]; and a word of [demande]), or which of its things it is ([identité] with [à nous] or
 * [chez soi]).
 */
export function ownRecordAsked(question: string): boolean {
  const q = read(question);
  if (holds(q, "qui") && holds(q, "rôle") && holds(q, "chez soi")) return true;
  if ((holds(q, "chez soi") || holds(q, "à nous")) && holds(q, "identité")) return true;
  // The act, what is asked of it and whose act it is, in one clause (« Nos Jira sont hébergés chez nous : jusqu'à
  // quand sont-ils supportés ? » asks the editor's date; « le conseil de Munich a voté quand, et notre conseil ? »
  // Munich's).
  const forgot = holds(q, "oubli");
  return question
    .split(/[,;:.?!]+/)
    .map(read)
    .some((c) => {
      if (!forgot && !holds(c, "demande")) return false;
      if (holds(c, "acte, nous")) return true;
      const own = holds(c, "chez soi") || holds(c, "à nous") || (POSSESSIVE.test(c) && PASSIVE_ACT.test(c));
      return own && holds(c, "acte");
    });
}

/**
 * Whether a figure question asks what the asker's own collectivité counts, in a form the own-figure lists do not
 * read: a count of its own (« combien de nos agents », « sur nos 120 pc combien »), its budget line (« le montant
 * inscrit cette année »), what it pays now (« combien on paie par an pour Zoom actuellement »), or a cost for its own
 * count (« la migration de nos 45 postes »). The caller checks a figure is asked.
 */
export function ownFigureAsked(question: string): boolean {
  const q = read(question);
  // (« combien on paie de plus pour Adobe cette année » asks the rise, the same for all.)
  const paid = holds(q, "dépense à nous") && holds(q, "maintenant") && !holds(q, "hausse");
  return holds(q, "chiffre à nous") || paid || ownSized(question);
}

/**
 * Whether the question names the asker's own collectivité or body ([chez soi]: « notre asso », « ma communauté de
 * communes ») and asks a figure ([chiffre demandé]: « combien »): its own, unless the question asks of another body
 * (the caller checks).
 */
export const ownBodyNamed = (question: string) => {
  const q = read(question);
  return holds(q, "chez soi") && holds(q, "chiffre demandé");
};

/**
 * « la migration de nos 45 postes »: a number after « nos » counting what the collectivité has ([taille à nous]): a
 * cost asked for them is its own, not a cost per poste.
 */
export function ownSized(question: string): boolean {
  const q = normalized(question);
  return entries("taille à nous").some((u) => new RegExp(` (?:nos|mes) \\d+(?: \\d{3})*${u}`).test(q));
}
