/**
 * A question whose subject is the asker's own collectivité, its people or its things, asking a state, a value, a date,
 * a count, a name or an act of that subject (held-out-27 h27-u-nous-*: « le conseil municipal de chez nous a voté quoi
 * sur le numérique en mars dernier », « mon ordinateur portable d'élu est-il à jour », « les syndicats du personnel de
 * la mairie ont donné leur avis sur la migration ? », « on a candidaté au label … l'an dernier ? »). No passage of the
 * corpus is about the asker's collectivité: `notGiven` (`brief.ts`) then says the corpus cannot give it.
 *
 * Read on the form of the clause that asks, not on topic words (the lists of wordings of `own-record.ts` and
 * `own-value.ts` held on the sets they were written on and barely moved the next ones):
 * 1. the clause asks: an interrogative on a value (« quand », « combien », « quel … », « … quoi » after the verb), or a
 *    closed question (« ? » ending it, « ou pas », the subject inverted: « est-il »);
 * 2. its subject is the asker's own: « on », « je », « nous » before a verb of the first person, or a group opening on
 *    a possessive (« notre contrat Microsoft »), or a group of a common noun whose complements hold the asker's own
 *    (« le conseil municipal de chez nous », « les syndicats du personnel de la mairie », « la sauvegarde de cette
 *    nuit ») — not a name, nor « ça », « il », « c' » (« Orphée, le logiciel de notre médiathèque, c'est français ? »
 *    asks of Orphée); « nous » after another subject is an object (« la loi nous oblige … ? »);
 * 3. its predicate is not advice, a forecast, a rule, a cause, a manner or an existence — what holds for any commune
 *    (« on peut utiliser LibreOffice ? », « nos agents vont galérer … ? », « notre commune est concernée par … ? »,
 *    « comment on fait … », « il y a une alternative ? »): a modal before an infinitive, or a word of `[pas une
 *    valeur]`.
 * A closed question in the present on a state asks the state of the asker's own thing only when its subject opens on
 * a possessive or holds the collectivité (« notre registre est à jour ? »); an act in the past (« a voté », « ont
 * donné ») or a value asked needs only an own subject. The words are data (`own-subject.txt`).
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { STOPWORDS } from "../retrieval/lexicon.ts";
import { normalized } from "./own-record.ts";
import { namesThing } from "./own-value.ts";

const SECTIONS = new Map(
  [...wordListSections("own-subject.txt").entries()].map(([k, v]) => [k, v.map((e) => normalized(e).trim())]),
);
const entries = (section: string) => SECTIONS.get(section) ?? [];
const set = (section: string) => new Set(entries(section));

const OPENERS = entries("entrée").sort((a, b) => b.length - a.length);
const VALUE_FIRST = entries("valeur en tête").sort((a, b) => b.length - a.length);
const PRONOUNS = set("pronom à soi");
const POSSESSIVES = set("possessif");
const NOT_THINGS = set("pas une chose");
const DETERMINERS = entries("déterminant").sort((a, b) => b.length - a.length);
const SUBJECT_ENDS = set("fin du sujet");
const PARTITIVES = entries("partitif");
const INDIRECT = entries("si");
const ROLES = entries("rôle à soi");
const AUXILIARIES = set("auxiliaire");
const MODALS = set("modal");
const NOT_INFINITIVES = set("pas un infinitif");
/** Phrases of a section as a test on a padded, normalized text (« … chez nous … »). */
const phrases = (section: string) => {
  const list = entries(section).map((e) => ` ${e} `);
  return (text: string) => list.some((e) => text.includes(e));
};
const holdsOwnPlace = phrases("chez soi");
const holdsNow = phrases("maintenant");
const holdsValue = phrases("valeur");
const holdsClosed = phrases("oui ou non");
const NOT_VALUES = [
  ...entries("pas une valeur"),
  // (Where a thing comes from, who makes it: its maker's fact, `own-value.txt` [origine].)
  ...(wordListSections("own-value.txt").get("origine") ?? []).map((e) => normalized(e).trim()),
].map((e) => ` ${e} `);
const holdsNotValue = (c: string) => NOT_VALUES.some((e) => c.includes(e));
/** The collectivité said with the definite article and no name after it (`own-value.txt` [collectivité]). */
const COLLECTIVITY = wordListSections("own-value.txt").get("collectivité") ?? [];
const DEFINITE_COLLECTIVITY = new RegExp(
  ` (?:la|l|de la|de l|a la|a l) (?:${COLLECTIVITY.map((c) => normalized(c).trim()).join("|")})(?= (?:est|a|ont|sont|qui|en|pour|sur|dans|cette|ce|[a-z]+(?:ait|aient|erait|era)) | ?$)`,
);

/** An infinitive, by its ending (« utiliser », « choisir », « mettre »), not a word of `[pas un infinitif]`. */
const isInfinitive = (w: string) => /^[a-z]{2,}(?:er|ir|oir|re)$/.test(w) && !NOT_INFINITIVES.has(w);
/** Whether a modal stands before an infinitive in the words (« peut utiliser », « va falloir », « faut »). */
function modalBeforeInfinitive(words: string[]): boolean {
  return words.some((w, i) => {
    if (!MODALS.has(w)) return false;
    if (w.startsWith("fau")) return true;
    // (Clitics, the inverted subject and a short adverb may stand between: « devra-t-il un jour héberger ».)
    return words.slice(i + 1, i + 6).some(isInfinitive);
  });
}

/** The clause without what opens it and asks nothing (« est-ce que », « tu sais si », « et »). */
function withoutOpeners(c: string): string {
  let text = c;
  for (let changed = true; changed; ) {
    changed = false;
    for (const o of OPENERS)
      if (text.startsWith(` ${o} `)) {
        text = text.slice(o.length + 1);
        changed = true;
      }
  }
  return text;
}

/** A verb, a preposition, then a group of the asker's own (« siège dans notre comité … »). */
const PREPOSITION_THEN_OWN = new RegExp(
  `^ [a-z]+ (?:${entries("préposition").join("|")}) ((?:${[...POSSESSIVES].join("|")}) .*)$`,
);

/** « de licences copilot on … » (after « combien »): the thing counted, then the asker as the subject. */
const COUNTED_THEN_ASKER = /^ (?:de|d)(?: (?!t )[a-z]+){1,5}? (?=(?:on|je|j) )/;

/**
 * `held`: the group holds a possessive, the asker's place or the collectivité; `definite`: only the collectivité with
 * the definite article (« la mairie »), which may be a collectivité the question names elsewhere.
 */
type Subject = { kind: "pronoun" | "group"; held: boolean; definite: boolean } | null;

/**
 * The clause's subject when it is the asker's own (see the module's comment), its words after what opens the clause
 * and a leading interrogative; `held`: it opens on a possessive or holds the collectivité or the asker's place.
 */
function ownSubject(c: string, written: string, texts: string[], object = false): Subject {
  let text = withoutLead(c);
  // (« combien d'agents de la mairie ont … »: the group counted is the subject.)
  const counting = withoutOpeners(c).startsWith(" combien ");
  // (« combien de licences on a achetées »: the thing counted, then the asker as the subject.)
  const countedThenAsker = counting && COUNTED_THEN_ASKER.exec(text);
  const partitive = counting && !countedThenAsker && PARTITIVES.find((p) => text.startsWith(` ${p} `));
  if (countedThenAsker) text = text.slice(countedThenAsker[0].length - 1);
  if (partitive) text = ` le ${text.slice(partitive.length + 2)}`;
  // (« quel logiciel d'état civil on utilise déjà à la mairie »: the thing asked, then the asker as the subject.)
  // (Not « quels acteurs croise-t-on … »: an inverted « on » is anyone.)
  const which = /^ (?:quel|quelle|quels|quelles)(?: (?!t )[a-z]+){1,5}? (?=(?:on|je|j) )/.exec(text);
  if (which) text = text.slice(which[0].length - 1);
  // (« qu'est-ce que pense notre DGS de … »: the verb before its subject, after an interrogative.)
  // (« qui siège dans notre comité »: a preposition between, after a verb that is no infinitive — « qui contacter
  // pour notre projet » asks whom to call.)
  const inverted =
    text !== withoutOpeners(c) &&
    (/^ [a-z]+ ((?:notre|nos|ma|mon|mes) .*)$/.exec(text) ??
      (PREPOSITION_THEN_OWN.test(text) && !isInfinitive(text.trim().split(" ")[0]!)
        ? PREPOSITION_THEN_OWN.exec(text)
        : null));
  if (inverted && !DETERMINERS.includes(text.trim().split(" ")[0]!)) {
    text = ` ${inverted[1]}`;
    object = true;
  }
  const words = text.trim().split(" ");
  const first = words[0] ?? "";
  if (PRONOUNS.has(first)) return { kind: "pronoun", held: false, definite: false };
  if (first === "nous" && /^(?:[a-z]+ons|sommes)$/.test(words[1] ?? ""))
    return { kind: "pronoun", held: false, definite: false };
  const det = [...DETERMINERS, ...POSSESSIVES].find((d) => text.startsWith(` ${d} `));
  if (!det || (POSSESSIVES.has(det) && NOT_THINGS.has(words[1] ?? ""))) return null;
  // The group runs to the first word that ends it (a verb, an auxiliary, an interrogative, a pronoun).
  const rest = text
    .slice(det.length + 1)
    .trim()
    .split(" ");
  const end = rest.findIndex((w, i) => i > 0 && SUBJECT_ENDS.has(w) && rest[i - 1] !== "chez");
  // (A group with no predicate after it is no subject: « …, une boîte ou la mairie ? ».)
  if (end < 0 && !object) return null;
  const head = end < 0 ? rest : rest.slice(0, end);
  const group = ` ${det} ${head.join(" ")} `;
  // (A name in the group asks of that thing — « Copilot est activé … », « nos NAS QNAP ont été visés … » —, unless
  // the asker's own comes after it: « les dossiers du CCAS de ma ville » are the asker's.)
  const all = [det, ...head];
  const ownAt = Math.max(
    all.findLastIndex((w, i) => POSSESSIVES.has(w) && !!all[i + 1] && !NOT_THINGS.has(all[i + 1]!)),
    all.findLastIndex((w, i) => w === "chez" && ["nous", "moi"].includes(all[i + 1] ?? "")),
    all.findLastIndex(
      (_, i) => DEFINITE_COLLECTIVITY.test(` ${all.slice(i, i + 4).join(" ")} `) && ["la", "l"].includes(all[i]!),
    ),
  );
  const after = all.slice(ownAt + 1);
  if (after.some((w) => typedName(w, written)) || namesThing(` ${after.join(" ")} `, texts)) return null;
  const possessed = all.some((w, i) => POSSESSIVES.has(w) && !!all[i + 1] && !NOT_THINGS.has(all[i + 1]!));
  if (possessed || holdsOwnPlace(group)) return { kind: "group", held: true, definite: false };
  if (DEFINITE_COLLECTIVITY.test(group) || ROLES.some((r) => group === ` ${r} `))
    return { kind: "group", held: true, definite: true };
  return holdsNow(group) ? { kind: "group", held: false, definite: false } : null;
}

/** Whether the typed clause writes a folded word with a capital past its start (« Copilot », « FortiAP »): a name. */
function typedName(word: string, written: string): boolean {
  const typed = (written.match(/[\p{L}\p{N}]+/gu) ?? []).slice(1);
  return typed.some((w) => fold(w) === word && /^\p{Lu}/u.test(w));
}

/** Whether a clause names a place or a body after « à », « en », « chez », « dans » (« à Grenoble »). */
function placeNamed(c: string, written: string, texts: string[]): boolean {
  return [...c.matchAll(/ (?:a|en|chez|au|aux|dans) ([a-z]+)(?= )/g)].some(
    ([, w = ""]) => w !== "nous" && w !== "moi" && (typedName(w, written) || namesThing(w, texts)),
  );
}

/**
 * Whether a typed clause is a closed question: « ? » ends it, « ou pas », its subject is inverted (« est-il »), or it
 * is asked indirectly (« tu sais si … »).
 */
const closed = (written: string, c: string, question: boolean) =>
  question ||
  holdsClosed(c) ||
  INDIRECT.some((o) => c.startsWith(` ${o} `)) ||
  /[-‑](?:t[-‑])?(?:il|elle|ils|elles|on|nous)\b/iu.test(written);

/** A participle, by its ending (« voté », « donné », « suivi », « dit », « fait », « plaint », « reçu »). */
const PARTICIPLE = /^[a-z]{2,}(?:e|es|ee|ees|i|is|it|u|us|t|ts)$/;
/** Whether a clause holds an act in the past: an auxiliary then a participle (« a voté », « s'est plaint »). */
const pastAct = (words: string[]) =>
  words.some((w, i) => {
    if (!AUXILIARIES.has(w)) return false;
    // (The subject inverted, « a-t-elle déjà fait », stands between the auxiliary and its participle.)
    let j = i + 1;
    while (INVERTED_SUBJECT.has(words[j] ?? "")) j++;
    const next = words[j] === "bien" || words[j] === "deja" ? words[j + 1] : words[j];
    return !!next && PARTICIPLE.test(next) && (!STOPWORDS.has(next) || SHORT_PARTICIPLES.has(next));
  });
/** The subject inverted after an auxiliary (« a-t-elle », « ont-ils »), as normalized. */
const INVERTED_SUBJECT = new Set(["t", "il", "elle", "ils", "elles", "on"]);
/** Participles the stopwords hold (« a été », « a fait », « a dit »). */
const SHORT_PARTICIPLES = new Set(["ete", "fait", "dit", "eu", "pris", "mis"]);

const NOT_BEFORE_WHAT = set("pas devant quoi");
/** « où » after a verb, closing the clause or before a word of now (« … stockées où », « … hébergé où actuellement »). */
const WHERE_AT_END = new RegExp(
  ` (?!(?:ou|et|a|de|d|par|pour) )[a-z]+ ou (?:(?:${[...entries("à soi maintenant"), "exactement"].join("|")}) )?$`,
);
/**
 * Whether a clause asks a value: an interrogative of `[valeur]` or one opening it — « quoi » only after a verb that
 * says what the thing holds or what was done (« a voté quoi »), not what it is or what to do with it (« on en fait
 * quoi », « on met quoi »).
 */
function valueAsked(c: string, words: string[]): boolean {
  if (VALUE_FIRST.some((v) => withoutOpeners(c).startsWith(` ${v} `))) return true;
  // (« … est hébergé où actuellement »: « où » closing the clause, a word of now after it.)
  if (WHERE_AT_END.test(c)) return true;
  // (« qui » after a noun opens a relative clause: « un agent qui vit à … », « l'outil qui s'appelait … ».)
  const asking = (w: string, i: number) =>
    w === "quoi"
      ? i > 0 && !NOT_BEFORE_WHAT.has(words[i - 1]!)
      : w !== "qui" || i === words.length - 1 || QUI_AFTER.has(words[i - 1] ?? "");
  return holdsValue(` ${words.filter((w, i) => !["quoi", "qui"].includes(w) || asking(w, i)).join(" ")} `);
}
/** Words after which « qui » asks a person (« chez qui », « c'est qui »), not a relative pronoun. */
const QUI_AFTER = new Set(["a", "avec", "chez", "par", "pour", "de", "sur", "est", "sont", "c"]);

const holdsNowOwn = phrases("à soi maintenant");
const REQUESTS = entries("demande").sort((a, b) => b.length - a.length);

/** Whether a clause holds the asker's own thing or place anywhere (a possessive, « chez nous », « de la mairie »). */
const anchored = (c: string) =>
  holdsOwnPlace(c) ||
  DEFINITE_COLLECTIVITY.test(c) ||
  c
    .trim()
    .split(" ")
    .some((w, i, all) => POSSESSIVES.has(w) && !!all[i + 1] && !NOT_THINGS.has(all[i + 1]!));

/**
 * Whether the question asks a state, a value or an act of the asker's own subject (see the module's comment);
 * `texts`: the passages, whose names (« Zyxel », « ADULLACT ») say when the question asks of a named thing.
 */
export function ownSubjectAsked(question: string, texts: string[]): boolean {
  // (A sentence typed after a question without its « ? » starts on a capital: « … en mars dernier Je dois en parler … ».)
  const sentences = question.replace(
    /(?<=[\p{Ll}\d]) (?=(?:Je|J['’]|On|Nous|Il|Elle|Ils|Elles|Vous|Tu|Merci|Bonjour)\b)/gu,
    ". ",
  );
  const pieces = [...sentences.matchAll(/([^,;:.?!]+)([,;:.?!]*)/g)].map((m) => ({
    written: m[1] ?? "",
    asks: (m[2] ?? "").includes("?"),
  }));
  // (Each piece on its own: a capital opening a sentence names nothing.)
  const namedIn = (list: typeof pieces) => list.some((p) => !!p.written.trim() && namesThing(p.written.trim(), texts));
  // (« si on fait tourner … sur notre serveur, nos données partent aux USA ? »: a consequence of a case, for all.)
  const supposed = (i: number) =>
    pieces.slice(0, i).some((p) => / si /.test(` ${withoutOpeners(normalized(p.written))}`.slice(0, 5)));
  return pieces.some(({ written, asks }, i) => {
    const c = normalized(written);
    if (!c.trim() || holdsNotValue(c) || supposed(i)) return false;
    // (« quand on passe à Linux, … », « si … , »: a clause of time or condition before the question.)
    if (!asks && i < pieces.length - 1 && / (?:quand|si|lorsqu|lorsque) /.test(withoutOpeners(c).slice(0, 9)))
      return false;
    const words = c.trim().split(" ");
    if (modalBeforeInfinitive(words)) return false;
    const before = pieces.slice(0, i);
    const others = pieces.filter((_, k) => k !== i);
    // « sors-moi la liste des logiciels installés dans notre GLPI »: what is asked for is read as a subject.
    const request = REQUESTS.find((r) => withoutOpeners(c).startsWith(` ${r} `));
    if (request) {
      const object = withoutOpeners(c).slice(request.length + 1);
      const subject = ownSubject(object, written, texts, true);
      return !!subject?.held && !namedIn(others);
    }
    // (« l'ANSSI nous a classés entité essentielle ou pas »: an act done to the asker, asked as a fact.)
    const actedOn = / (?!qui |que |qu |on )[a-z]+ (?:nous|m) (?:a|ont|avait|avaient) ([a-z]+) /.exec(c);
    if (actedOn && PARTICIPLE.test(actedOn[1]!) && !STOPWORDS.has(actedOn[1]!) && !namedIn(before))
      if (valueAsked(c, words) || closed(written, c, asks)) return true;
    const subject = ownSubject(c, written, texts);
    if (!subject) return false;
    const value = valueAsked(c, words);
    if (!value && !closed(written, c, asks)) return false;
    // (« combien on a économisé à Grenoble », « la mairie a voté quoi à Lyon »: a place named is where the act was.)
    if ((subject.kind === "pronoun" || subject.definite) && placeNamed(c, written, texts)) return false;
    if (subject.kind === "pronoun") {
      // (« health data hub : on a annoncé sa sortie … quand » asks of the thing named before; « le label …, on est
      // noté sur quoi » of the thing set before it.)
      if (namedIn(before) || pieces.slice(0, i).some((p) => topicBefore(normalized(p.written)))) return false;
      // (The asker's own act in the past, « on a signé », « on l'a votée »; not « on est évalués sur … », « on est
      // touchés par … », a state under a rule, nor an act in a relative clause, « … auxquelles FNL a participé ».)
      const own = ownSubjectWords(c);
      if (
        /^ (?:(?:l|les|en|y|nous|m|ne|n|lui|leur) )*(?:a|ai|avons|avait|avions) /.test(own) &&
        pastAct(own.trim().split(" "))
      )
        return true;
      if (!value) return holdsNowOwn(c) && (anchored(c) || !namedIn(pieces));
      // (« qu'est-ce qu'on vérifie dans nos contrats » asks what to do.)
      if (/^ qu est ce qu/.test(withoutOpeners(c)) && !holdsValue(` ${words.slice(4).join(" ")} `)) return false;
      return anchored(c) || holdsNowOwn(c) || / on [a-z]+ nous /.test(c);
    }
    // (« suite du courrier de Linux Quimper : l'agglomération a lancé l'étude ou pas » asks of Quimper's.)
    if (subject.definite && namedIn(others)) return false;
    if (pastAct(words)) return true;
    if (value) return !namedIn(others);
    return subject.held && !namedIn(pieces);
  });
}

/** The words after the asker as the subject (« on l'a votée … » → « l'a votée … »), or the clause if none opens it. */
function ownSubjectWords(c: string): string {
  const text = withoutLead(c);
  const which =
    /^ (?:quel|quelle|quels|quelles)(?: [a-z]+){1,5}? (?=(?:on|je|j) )/.exec(text) ??
    (withoutOpeners(c).startsWith(" combien ") ? COUNTED_THEN_ASKER.exec(text) : null);
  const rest = which ? text.slice(which[0].length - 1) : text;
  return rest.replace(/^ (?:on|je|j|nous) /, " ");
}

/**
 * A clause setting a thing apart before the question (« le label territoire numérique libre, on … », « health data
 * hub : on a annoncé … »): words with no verb nor pronoun, none of them the asker's own.
 */
const topicBefore = (c: string) => {
  const words = withoutOpeners(c).trim().split(" ").filter(Boolean);
  return words.length > 0 && !anchored(c) && !words.some((w) => SUBJECT_ENDS.has(w) || AUXILIARIES.has(w));
};

/** The clause without its openers and a leading interrogative (« combien on … » → « on … »). */
function withoutLead(c: string): string {
  const text = withoutOpeners(c);
  const lead = VALUE_FIRST.find((v) => text.startsWith(` ${v} `));
  return lead ? withoutOpeners(text.slice(lead.length + 1)) : text;
}
