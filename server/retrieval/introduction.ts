/** A question's introduction of its asker (« Je suis maire de … »), set aside before the question is read. */
import { readFileSync } from "node:fs";
import { fold } from "../core/text.ts";

/** The asker introducing themself (« Nous sommes une petite commune de l'Ariège », « Je suis élu à Foix »). */
const INTRODUCTION =
  /(?<=^|[.!?]\s+)(?:bonjour[,!]?\s+)?(?:je suis|nous sommes|on est|j'habite|nous habitons)\s[^,;:?!.]*/giu;
/**
 * The asker introducing themself by their role in an unnamed collectivité, before a comma (« Maire d'une petite
 * commune de la Creuse, … », « Adjointe d'un village du Cantal, … »): the indefinite article says it is who asks,
 * not whom the question is about (« Le maire de Lyon, … »). Role nouns from `person-roles.txt`.
 */
const ROLE_INTRODUCTION = new RegExp(
  `^(?:bonjour[,!]?\\s+)?(?:${readFileSync(new URL("../i18n/fr/person-roles.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.split(/\s+/))
    .filter((w) => w && !/^(?:personne|personnes|homme|femme|fils|fille)$/.test(w))
    .join("|")})\\s+(?:d'|d’|de\\s+)(?:une?|la\\s+petite|un\\s+petit)\\s[^,;:?!.]*`,
  "giu",
);
/** The asker's own collectivité named (« Notre commune de Saint-Girons », « ma ville, Foix »). */
const OWN_PLACE =
  /(?<![\p{L}])(?:[Nn]otre|[Mm]a|[Mm]on)\s+(?:commune|ville|village|mairie|collectivit[ée]|communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|d[ée]partement|r[ée]gion|territoire|syndicat|ccas)\s+(?:de\s+|d'|d’|du\s+|des\s+)(?:l'|l’|la\s+|le\s+|les\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;

/** The asker's collectivité as the subject of what is asked (« notre agglomération a-t-elle … », « ma commune est-elle … »). */
export const OWN_SUBJECT =
  /(?<![\p{L}])(?:[Nn]otre|[Mm]a|[Mm]on)\s+(?:commune|ville|village|mairie|collectivit[ée]|communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|d[ée]partement|r[ée]gion|territoire)\s+(?:[\p{L}'’]+\s+)?[\p{L}]+-(?:t-)?(?:elle|il)\b/u;

/**
 * The same asked by « est-ce que » (« est-ce que notre mairie utilise LibreOffice ? »), not what any commune may or must
 * do (« est-ce que notre commune peut utiliser Nextcloud ? »).
 */
export const OWN_SUBJECT_ASKED =
  /(?<![\p{L}])est-ce\s+qu(?:e\s+|['’])(?:notre|ma|mon)\s+(?:commune|ville|village|mairie|collectivit[ée]|communaut[ée]|agglom[ée]ration|agglo|intercommunalit[ée]|interco|d[ée]partement|r[ée]gion|territoire)\s+(?!peu|pourr|doi|devr|a\s+le\s+droit|a\s+int[ée]r[êe]t|est\s+oblig[ée]e|est\s+tenue)/iu;

/**
 * What is asked pointing back at the asker's place (« chez nous », « dans notre département », « près de chez moi »),
 * or at what serves it (« notre syndicat départemental », « quel syndicat nous couvre »), or at what surrounds it (« un
 * syndicat du département », « la commune voisine » after « On est à Brignoles dans le Var, … »).
 */
export const OWN_REFERENCE =
  /(?<![\p{L}])(?:chez\s+(?:nous|moi)|(?:notre|nos|mon|ma)\s+(?:d[ée]partement|r[ée]gion|territoire|secteur|coin|canton|c[ôo]t[ée]|environs|syndicats?|centre\s+de\s+gestion|opsn)|nous\s+(?:couvre|couvrent|dessert|desservent|h[ée]berge|h[ée]bergent)|du\s+d[ée]partement|de\s+la\s+r[ée]gion|du\s+coin|voisin(?:e|s|es)?)(?![\p{L}])/iu;

/** What the asker's collectivité pays or spends itself (`own-figures.txt`), folded. */
const OWN_FIGURE = new RegExp(
  `(?<![a-z])(?:${readFileSync(new URL("../i18n/fr/own-figures.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => fold(l).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|")})(?![a-z])`,
);
/**
 * An introduction naming the asker's town (« Je suis élu à Bannalec », « Nous sommes la mairie de Quimperlé »), or typed in
 * lower case before a comma (« je suis adjointe à cusset, … »).
 */
const NAMED_HOME =
  /(?:^|[.!?]\s+)(?:bonjour[,!]?\s+)?(?:je suis|nous sommes|on est|j'habite|nous habitons)\s[^,;:?!.]*?(?:\s[àa]|\sde|\sd'|\sdu)\s*(?:\p{Lu}|\p{Ll}[\p{Ll}-]{2,}\s*[,;:.])/u;

/**
 * The question without the asker's introduction of themself and their collectivité, when it comes before what is
 * asked and apart from it (a comma, a colon or a full stop between them): « Nous sommes une petite commune de
 * l'Ariège : par où commencer pour sortir de Microsoft ? » asks where to start, not about the Ariège; « Notre commune
 * de Saint-Girons a-t-elle le label ? » asks about Saint-Girons. `null` when it has none; `removed`, what was taken out.
 */
export function withoutIntroduction(question: string): { question: string; removed: string } | null {
  // « Je suis adjoint à Rodez : notre agglomération a-t-elle déjà un plan … ? » asks about the asker's collectivité
  // itself, which the introduction names: it is not only who asks.
  if (OWN_SUBJECT.test(question) || OWN_SUBJECT_ASKED.test(question)) return null;
  // « Maire d'un village du Cantal, existe-t-il un syndicat départemental chez nous … ? »: what is asked points back
  // at the place the introduction names (« chez nous », « notre département »): it is what the question is about.
  if (OWN_REFERENCE.test(question)) return null;
  // « Je suis élu à Bannalec, on paie combien de licences … ? »: the sum asked is the named town's own.
  if (OWN_FIGURE.test(fold(question)) && NAMED_HOME.test(question)) return null;
  const spans: [number, number][] = [];
  for (const re of [INTRODUCTION, ROLE_INTRODUCTION, OWN_PLACE])
    for (const m of question.matchAll(re)) {
      const end = m.index + m[0].length;
      const ask = question.indexOf("?", end);
      if (ask > 0 && /[,;:.]/.test(question.slice(end, ask))) spans.push([m.index, end]);
    }
  if (!spans.length) return null;
  let rest = question;
  let removed = "";
  for (const [a, b] of spans.sort((x, y) => y[0] - x[0])) {
    removed += ` ${question.slice(a, b)}`;
    rest = `${rest.slice(0, a)}${" ".repeat(b - a)}${rest.slice(b)}`;
  }
  return { question: rest, removed };
}
