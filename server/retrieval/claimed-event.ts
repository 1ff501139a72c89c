/**
 * A question that states an event as its premise before asking something else (« nextcloud a ete rachete par
 * microsoft l'an dernier, ca change quoi », « proxmox rachete par broadcom, les prix vont monter de combien »): the
 * corpus answers it only where it says that event of that subject. A passage that says the event of another subject
 * (VMware bought by Broadcom, Munich's return to Windows) or says something else of the subject does not: quoted, it
 * answers a question nobody asked, read aloud as if it confirmed the premise.
 *
 * A general test, not a list of events (`premise.ts` reads a list of them at the level of passages): the subject is
 * the group of words before the premise's auxiliary (« a », « est », « ont été »), the event the participle after it
 * (`claimed-event.txt`), and one sentence must say both, near each other, or a section be about them.
 */
import { fold } from "../core/text.ts";
import { wordListSections } from "../i18n/word-lists.ts";
import { DEMONYMS, stem, synonymsOf, words } from "./french.ts";
import { GENERIC_WORDS, STOPWORDS, wordList } from "./lexicon.ts";
import { DETERMINERS } from "./names-places.ts";
import { occurs, passageWords, SENTENCE, withoutReferences } from "./passage-words.ts";
import { premiseOf } from "./premise.ts";

/** Letters of an event's word that another form of it keeps (« revenu » of « revenue », « revenir »). */
const EVENT_HEAD = 6;

const SECTIONS = wordListSections("claimed-event.txt");
const section = (name: string) => new Set((SECTIONS.get(name) ?? []).map((e) => words(e).join(" ")));
const AUXILIARIES = section("auxiliaires");
const BEEN = section("être");
const BECOME = section("devenir");
/** « devient », « deviennent »: becoming, said in the present, without an auxiliary. */
const BECOMES = section("devient");
const BETWEEN = section("entre-deux");
const RELATIVES = section("relatifs");
/**
 * Events whose premise the test reads (`premise-events.txt`, and `claimed-event.txt` [événements]): a change of an
 * organisation's state the corpus would tell if it had happened. Other participles (« a publié », « a signé »,
 * « fondé par ») are facts the corpus says in other words (« la circulaire Ayrault du 19 septembre 2012 »): reading
 * them all refused 25 answerable questions of the burned sets.
 */
const EVENTS = [...wordList("../i18n/fr/premise-events.txt"), ...section("événements")].map((e) =>
  e.slice(0, EVENT_HEAD),
);
const PRONOUNS = section("pronoms");
/** Endings of a participle, folded (« rachete », « dissous », « perdu », « interdit »). */
const PARTICIPLE = new RegExp(`(?:${[...section("fins de participe")].join("|")})$`);
/** General words of the domain (« commune », « logiciel »): not what names a subject. */
const GENERIC = new Set(GENERIC_WORDS.map(stem));

/** A subject longer than this is not a subject but a sentence (« la mairie de … qui a … »). */
const MAX_SUBJECT_WORDS = 4;

/**
 * The clause of a question that states an event as its premise, folded words: after « depuis que », or before a
 * comma when what follows asks (`premiseOf`: « nextcloud a ete rachete par microsoft, ca change quoi »). Not a
 * question that asks the cause of the event (« pourquoi la region a abandonne office 365 ») nor whether it happened
 * (« le danemark est passe sous linux en 2025 ? »): the corpus answers those where it tells the event in other words
 * (« hausses » for « explosé », « remplacé » for « lâché ») or corrects it (« Windows reste en place »).
 */
function claimedClause(question: string): string[] | null {
  const premise = premiseOf(question);
  // (Not a fact whose date alone is asked, « l'ugap a interdit la vente … depuis quand »: read so, « Aruba Networks a
  // été racheté quand ? » was refused, the corpus telling it « Aruba appartient à HPE depuis 2015 ».)
  return premise ? words(premise) : null;
}

/** The subject and event a clause states (« echirolles » … « revenue »), or null when it states none. */
function eventOf(list: string[], extra: string[] = []): { subject: string[]; event: string } | null {
  // « tchap devient payant »: a verb of becoming in the present is its own auxiliary.
  const aux = list.findIndex((w, i) => i > 0 && (AUXILIARIES.has(w) || BECOMES.has(w)));
  let subjectWords: string[];
  let at: number;
  // « tchap est devenu payant »: what it became is the event, an adjective.
  let become = false;
  if (aux > 0) {
    subjectWords = list.slice(0, aux);
    at = BECOMES.has(list[aux]!) ? aux : aux + 1;
    while (at < list.length && (BEEN.has(list[at]!) || BETWEEN.has(list[at]!))) at++;
    // « a une appli », « est un logiciel »: a thing had or a thing been, not an event.
    if (at >= list.length || DETERMINERS.has(list[at]!)) return null;
    if (BECOME.has(list[at]!) || BECOMES.has(list[at]!)) {
      become = true;
      at++;
      while (at < list.length && (DETERMINERS.has(list[at]!) || BETWEEN.has(list[at]!))) at++;
    }
  } else {
    // « proxmox rachete par broadcom, … combien »: a premise's participle with its agent, no auxiliary (not an
    // infinitive: « peut se faire sanctionner par »).
    const by = list.indexOf("par");
    if (by < 1 || /(?:er|ir|re)$/.test(list[by - 1]!)) return null;
    subjectWords = list.slice(0, by - 1);
    at = by - 1;
  }
  const event = list[at];
  if (!event || event.length < 4 || STOPWORDS.has(event) || /^\d/.test(event)) return null;
  // « la messagerie que la region envisage, … », « passer de vmware a nutanix, … » : a relative clause or « à »
  // typed without its accent, not a subject with its auxiliary; the event is a participle (« rachete », « dissous »).
  if (subjectWords.some((w) => RELATIVES.has(w)) || !(become || PARTICIPLE.test(event))) return null;
  if (![...EVENTS, ...extra].some((e) => event.startsWith(e))) return null;
  // « on passe d'arcgis a qgis », « passer a libreoffice, … »: the asker's own doing, or an infinitive before « à ».
  if (PRONOUNS.has(list[0]!) || /(?:er|ir)$/.test(list[aux > 0 ? aux - 1 : 0]!)) return null;
  const content = subjectWords.filter((w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d+$/.test(w));
  // « la ville de lyon »: its name, not the general word; « france numerique libre »: a name of general words only is
  // all of them.
  const named = content.filter((w) => !GENERIC.has(stem(w)));
  const subject = named.length ? named : content;
  if (!subject.length || subject.length > MAX_SUBJECT_WORDS) return null;
  return { subject, event };
}

/** Whether a word is another form of `word` (same stem, or its first letters with a short ending). */
function formOf(word: string): (x: string) => boolean {
  const own = stem(word);
  const head = word.slice(0, EVENT_HEAD);
  return (x) =>
    x === word || stem(x) === own || (word.length >= EVENT_HEAD && x.startsWith(head) && x.length - head.length <= 4);
}

/** Words apart at most, in one sentence, for a subject and an event said together. */
const NEAR = 10;

/** Whether a sentence's words say each word of a subject within `NEAR` words of its event. */
function near(list: string[], isSubject: ((x: string) => boolean)[], isEvent: (x: string) => boolean): boolean {
  const at = list.flatMap((w, i) => (isEvent(w) ? [i] : []));
  return (
    at.length > 0 && isSubject.every((is) => list.some((w, i) => is(w) && at.some((j) => Math.abs(i - j) <= NEAR)))
  );
}

/**
 * The events a question takes as given, each with its subject (« pourquoi echirolles est revenue a windows » :
 * « revenue », [« echirolles »]).
 */
export const claimedEvents = (
  question: string,
  unused: string[] = [],
): { subject: string[]; event: string; forms?: string[] }[] => {
  const clause = claimedClause(question);
  // A participle the corpus never uses (`unused`: « abrogé ») in a premise stated before what is asked is an event it
  // never tells, whatever its meaning; not in a fact whose date is asked (« le cispe a réagi … quand ? »: the corpus
  // tells « sa réaction »).
  // Only a participle after « été » (« a été abrogé »): something done to the subject, a change of its state; not
  // its own doing (« s'est renseignée », « sont bourrés de … »).
  const passive = (c: { event: string } | null) => !!c && clause?.[clause.indexOf(c.event) - 1] === "ete";
  const unheard = clause && premiseOf(question) ? eventOf(clause, unused) : null;
  // « lyon est revenue chez microsoft …, qu'est-ce qui a motivé ce choix »: a return stated as a premise is taken as
  // given as much as one whose cause is asked (`causedEvent`).
  const claimed =
    (clause && eventOf(clause, ASKED_EVENTS)) ||
    (passive(unheard) ? unheard : null) ||
    nounEventOf(question) ||
    causedEvent(question) ||
    purposedEvent(question);
  return claimed ? [claimed] : [];
};

/**
 * « ow2 a été absorbé par la fondation eclipse, ça change quoi … »: a premise telling what an agent did to its subject
 * (a participle after « été », then « par » and a name), whatever its participle, the corpus would tell with both
 * names. Null when the premise says no agent by its name (« par le nouveau gouvernement »: a general word, as a
 * subject is), or states an event `claimedEvents` reads.
 */
function doneBy(question: string): { subject: string[]; event: string } | null {
  const clause = claimedClause(question);
  if (!clause || claimedEvents(question).length) return null;
  const been = clause.indexOf("ete");
  const event = clause[been + 1] ?? "";
  if (been < 1 || !AGENT.has(clause[been + 2] ?? "")) return null;
  const claimed = eventOf(clause, [event.slice(0, EVENT_HEAD)]);
  if (!claimed || claimed.event !== event) return null;
  const agent: string[] = [];
  for (const w of clause.slice(been + 3)) {
    if (DETERMINERS.has(w) && !agent.length) continue;
    if (STOPWORDS.has(w) || DETERMINERS.has(w) || /^\d/.test(w) || agent.length === 2) break;
    agent.push(w);
  }
  const named = agent.filter((w) => !GENERIC.has(stem(w)));
  if (!named.length || claimed.subject.length + named.length > MAX_SUBJECT_WORDS + 1) return null;
  return { subject: [...claimed.subject, ...named], event };
}

/** Nouns of an event, each with the verb that says it (« rachat » : « racheter »), folded (`claimed-event.txt`). */
const EVENT_NOUNS = new Map(
  (SECTIONS.get("noms d'événements") ?? []).map((e) => {
    const list = words(e);
    return [list[0]!, list] as const;
  }),
);
/**
 * « depuis le rachat d'ovh par amazon, … »: « depuis », an article, a noun of an event, « de » and its subject; an
 * adjective may stand before the noun (« après la grosse panne de visio en mars, … », premises35, held-out-32).
 */
const SINCE_EVENT = new RegExp(
  `\\b(?:${[...section("depuis")].join("|")}) (?:le |la |l'|les )(?:[a-z]+ )?([a-z]+) (?:de |du |des |d')([^,?;:.!]+)[,?;:.!]`,
);

/**
 * A premise told by a noun of an event after « depuis » (« depuis la suppression de la dinum en 2026, … »): its
 * subject is what follows « de » (« dinum ») and its agent what follows « par » (« amazon »), both to be said with the
 * event; a year (« depuis le rachat de 2022 ») is no subject.
 */
function nounEventOf(question: string): { subject: string[]; event: string; forms: string[] } | null {
  const m = SINCE_EVENT.exec(fold(question).replace(/[’]/g, "'"));
  const forms = m && EVENT_NOUNS.get(m[1]!);
  if (!m || !forms) return null;
  const [of, by = ""] = m[2]!.split(/\bpar\b/, 2) as [string, string?];
  const content = (text: string) =>
    words(text).filter((w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d+$/.test(w));
  // The subject by its name, not a general word (« la ville »); the agent whatever it is (« google »).
  const subject = [...content(of).filter((w) => !GENERIC.has(stem(w))), ...content(by)];
  if (!subject.length || subject.length > MAX_SUBJECT_WORDS) return null;
  return { subject, event: m[1]!, forms };
}

type Read = { text: string; section: string; document: { title: string; kind?: string } };

/**
 * The event and subject of an event the question takes as given that no sentence of the passages read says together
 * (« revenue », « echirolles »); empty when the question takes none as given, or a sentence says it.
 */
export function unpairedEvent(question: string, passages: Read[], unused: string[] = []): string[] {
  for (const claimed of claimedEvents(question, unused))
    if (!saysEvent(claimed, passages)) return [claimed.event, ...claimed.subject];
  // … an agent and its subject, by any words (« GendBuntu », « la gendarmerie » : « développé » or not), in one sentence,
  // or the subject named by the heading (the corpus never writes OW2 and Eclipse together).
  const done = doneBy(question);
  if (done && !saysTogether(done.subject, passages)) return [done.event, ...done.subject];
  const apposed = apposedPremise(question);
  if (apposed && !saysEvent(apposed, passages)) return [apposed.event, ...apposed.subject];
  const possessed = possessedEvent(question);
  if (possessed && !possessed.candidates.some((w) => saysEvent({ ...possessed, subject: [w] }, passages)))
    return [possessed.event, ...possessed.candidates];
  const status = statusSince(question) ?? passedInto(question);
  if (status && !saysStatus(status, passages)) return [status.event, ...status.subject];
  return [];
}

/** What opens a premise before its subject (« maintenant que », « depuis que »), folded words (`claimed-event.txt`). */
const OPENERS = [...section("ouvre une prémisse")].map((e) => e.split(" "));
/** A participle apposed to a premise's subject (« ayant », « étant », « appartenant », « devenu »). */
const APPOSED = section("apposition");
/** Events such a premise states that the corpus would tell with each of its names, as heads. */
const APPOSED_EVENTS = [...section("événements apposés")].map((e) => e.slice(0, EVENT_HEAD));
/** What makes « passé » a change of owner (« sous le contrôle de », « chez »), folded (`[passé, propriétaire]`). */
const TAKEN_OVER = section("passé, propriétaire");
/** Names after an apposed premise's event that it must be said with (« citrix », « ovhcloud »). */
const MAX_OBJECT_WORDS = 2;

/**
 * « l'anssi ayant retiré sa qualification secnumcloud à ovhcloud, où migrer … », « vates étant passée sous le contrôle
 * de citrix, … », « maintenant que microsoft a racheté nextcloud, … » (premises36, held-out-33): a premise stating a
 * change of owner, seat or status by an apposed participle, or after « maintenant que » / « depuis que » with its
 * auxiliary, takes it as given of every name it cites; one sentence must say the event with the subject and with up
 * to two names after it. Null when the premise states no event of [événements apposés] (« maintenant que l'état a
 * choisi visio »: the corpus tells it in other words), or has no subject by its name.
 */
export function apposedPremise(question: string): { subject: string[]; event: string } | null {
  const premise = premiseOf(question);
  if (!premise) return null;
  const folded = fold(question).replace(/[’]/g, "'");
  const head = words(folded.slice(0, folded.indexOf(",") < 0 ? folded.length : folded.indexOf(",")));
  const opener = OPENERS.find((o) => head.join(" ").includes(o.join(" ")));
  let list = words(premise);
  const own = opener && OPENERS.find((o) => list.slice(0, o.length).join(" ") === o.join(" "));
  if (own) list = list.slice(own.length);
  const mark = list.findIndex((w, i) => i > 0 && (APPOSED.has(w) || (!!opener && AUXILIARIES.has(w))));
  if (mark < 1) return null;
  const before = list.slice(0, mark);
  if (before.some((w) => RELATIVES.has(w) || PRONOUNS.has(w))) return null;
  let at = mark;
  if (!list[mark]!.startsWith("appart")) {
    at = mark + 1;
    while (at < list.length && (BEEN.has(list[at]!) || BETWEEN.has(list[at]!))) at++;
  }
  const event = list[at] ?? "";
  // « nicolas vivant devenu directeur de la dinum »: what the subject became is the event.
  const becoming = BECOME.has(list[mark]!);
  if (BECOME.has(event)) return null;
  const said = becoming ? list[mark]! : event;
  if (!APPOSED_EVENTS.some((e) => said.startsWith(e))) return null;
  if (!becoming && !(PARTICIPLE.test(event) || event.startsWith("appart"))) return null;
  if (!event || event.length < 4 || STOPWORDS.has(event) || DETERMINERS.has(event)) return null;
  const plain = (w: string) => w.length > 1 && !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d/.test(w);
  const content = before.filter(plain);
  const named = content.filter((w) => !GENERIC.has(stem(w)));
  const subject = named.length ? named : content;
  if (!subject.length || subject.length > MAX_SUBJECT_WORDS) return null;
  // « passée sous linux » is a migration, told in other words; « passée sous le contrôle de citrix » a takeover.
  if (said.startsWith("pass") && !list.slice(at + 1).some((w) => TAKEN_OVER.has(w))) return null;
  const objects = list
    .slice(at + 1)
    .filter((w) => plain(w) && !BETWEEN.has(w) && !INTO.has(w))
    .slice(0, MAX_OBJECT_WORDS);
  return { subject: [...subject, ...objects], event };
}

/** « après sa suppression », « depuis sa dissolution »: « depuis » or « après », a possessive, a noun (group 1). */
const SINCE_OWN_EVENT = new RegExp(`\\b(?:${[...section("depuis")].join("|")}) (?:sa|son|leur) ([a-z]+)\\b`);

/**
 * « par quoi secnumcloud a-t-il été remplacé après sa suppression », « qui a repris les missions de la dinum après sa
 * dissolution »: an event told by a noun after a possessive is taken as given of a word before it, which the corpus,
 * telling it, would name with it. Whichever word it is (`candidates`: those before it, neither a stopword, a
 * question word, a general word nor a participle after its auxiliary), one must be said with the event. Not a
 * takeover or an abandonment ([cause répondue]: « Slack appartient à qui depuis son rachat ? », the corpus says
 * « Propriété de Salesforce »).
 */
function possessedEvent(question: string): { candidates: string[]; event: string; forms: string[] } | null {
  const folded = fold(question).replace(/[’]/g, "'");
  const m = SINCE_OWN_EVENT.exec(folded);
  const forms = m && EVENT_NOUNS.get(m[1]!);
  if (!m || !forms) return null;
  if (forms.some((f) => CAUSE_ANSWERED.some((e) => f.startsWith(e)))) return null;
  const before = words(folded.slice(0, m.index));
  const candidates = before.filter(
    (w, i) =>
      w.length > 2 &&
      !STOPWORDS.has(w) &&
      !DETERMINERS.has(w) &&
      !ASKING.has(w) &&
      !PRONOUNS.has(w) &&
      !AUXILIARIES.has(w) &&
      !BEEN.has(w) &&
      !GENERIC.has(stem(w)) &&
      !/^\d/.test(w) &&
      !(PARTICIPLE.test(w) && i > 0 && (AUXILIARIES.has(before[i - 1]!) || BEEN.has(before[i - 1]!))),
  );
  return candidates.length ? { candidates, event: m[1]!, forms } : null;
}

/** What asks since when a subject is in a state (« depuis quand »), folded (`claimed-event.txt`). */
const SINCE_ASKED = [...section("date de l'état demandée")];
/** What denies a state (« n'est plus indépendant »): a state denied is not taken as given. */
const NEGATION = section("négation");
/** « c'est », « ça », « cela » before the state: a demonstrative subject. */
const DEMONSTRATIVE = /(?:^|[^a-z])(?:c'est|c est|ca|cela)(?![a-z])/;

/**
 * Whether the words before « est » name a subject, not describe one: a name's words after an article, no relative and
 * no complement after a preposition (« le règlement européen sur les données est applicable depuis quelle date »: the
 * corpus names it « Data Act »).
 */
function bareSubject(before: string[]): boolean {
  let i = 0;
  while (i < before.length && DETERMINERS.has(before[i]!)) i++;
  const rest = before.slice(i).filter((w) => !PRONOUNS.has(w));
  return rest.length > 0 && rest.every((w) => !STOPWORDS.has(w) && !RELATIVES.has(w) && !DETERMINERS.has(w));
}

/** The forms of « être » that join a subject to its state (« est », « sont »), among the auxiliaries. */
const IS = new Set(["est", "sont"]);

/**
 * « depuis quand tchap est-il payant pour les collectivités », « grist est payant depuis quand ? »: asking since when a
 * subject is in a state takes that state as given; the corpus, which would tell it, must say it of that subject. The
 * subject is the group of words before « est » or « sont », the state the word right after it (a subject pronoun
 * after a hyphen aside). Not a state after a preposition or an article (« est au catalogue UGAP », « est sous
 * Linux »: a place, the passages say it otherwise), nor a state denied (« n'est plus indépendant »).
 */
function statusSince(question: string): { subject: string[]; event: string } | null {
  // (« Confluence Server, c'est fini depuis quand ? »: « c'est » says a state of what it takes up, in other words.)
  if (DEMONSTRATIVE.test(fold(question).replace(/[’]/g, "'"))) return null;
  const list = words(fold(question).replace(/[’]/g, "'"));
  const text = ` ${list.join(" ")} `;
  const asked = SINCE_ASKED.find((p) => text.includes(` ${p} `));
  if (!asked) return null;
  const rest = text.replace(` ${asked} `, " ").trim().split(" ");
  if (rest.some((w) => NEGATION.has(w) || ASKING.has(w))) return null;
  const aux = rest.findIndex((w, i) => i > 0 && IS.has(w));
  if (aux < 1) return null;
  let at = aux + 1;
  while (at < rest.length && BETWEEN.has(rest[at]!)) at++;
  const event = stateOf(rest, at);
  if (!event) return null;
  const before = rest.slice(0, aux);
  if (!bareSubject(before)) return null;
  const content = before.filter(
    (w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !PRONOUNS.has(w) && !/^\d+$/.test(w),
  );
  const named = content.filter((w) => !GENERIC.has(stem(w)));
  const subject = named.length ? named : content;
  if (!subject.length || subject.length > MAX_SUBJECT_WORDS) return null;
  return { subject, event };
}

/** What introduces the state a subject passed into, after a participle (`claimed-event.txt` [vers un état]). */
const INTO = section("vers un état");
/** The participle of passing into a state (« passé sous »), folded (`claimed-event.txt` [passer]). */
const PASSED = section("passer");

/**
 * The state said at `at` of a clause's words: the word there (« payant »); after a participle and what introduces a
 * state, the last word of that state's group (« passé sous contrôle américain »: « americain »). Null when there is
 * none (a stopword, an article, a number).
 */
function stateOf(list: string[], at: number): string | null {
  const word = list[at];
  const plain = (w: string | undefined) =>
    !!w && w.length >= 4 && !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d/.test(w);
  if (!plain(word)) return null;
  if (!(PASSED.has(word!) && INTO.has(list[at + 1] ?? ""))) return word!;
  let last: string | null = null;
  for (const w of list.slice(at + 2, at + 5)) {
    if (!plain(w)) break;
    last = w;
  }
  return last;
}

/**
 * « depuis que nextcloud est passé sous contrôle américain, faut-il le quitter »: a premise stating the state its
 * subject passed into (after « passé sous », « passé à ») takes that state as given; a sentence must say it of the
 * subject, in whatever words it tells the change (« l'armée autrichienne a migré vers LibreOffice »). Null when the
 * premise states no such state, or an event `eventOf` reads.
 */
function passedInto(question: string): { subject: string[]; event: string } | null {
  const clause = claimedClause(question);
  if (!clause || eventOf(clause)) return null;
  const aux = clause.findIndex((w, i) => i > 0 && AUXILIARIES.has(w));
  if (aux < 1 || PRONOUNS.has(clause[0]!)) return null;
  let at = aux + 1;
  while (at < clause.length && (BEEN.has(clause[at]!) || BETWEEN.has(clause[at]!))) at++;
  if (!PASSED.has(clause[at] ?? "") || !INTO.has(clause[at + 1] ?? "")) return null;
  const event = stateOf(clause, at);
  const before = clause.slice(0, aux);
  if (!event || !bareSubject(before)) return null;
  const content = before.filter((w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d+$/.test(w));
  const named = content.filter((w) => !GENERIC.has(stem(w)));
  const subject = named.length ? named : content;
  return subject.length && subject.length <= MAX_SUBJECT_WORDS ? { subject, event } : null;
}

/**
 * Whether the passages say a state of one word of its subject: as an event is said (`saysEvent`), or in a passage
 * whose title or heading names that word (a card's « Adobe Creative Cloud », « Abonnement obligatoire depuis 2013 ») and one of
 * whose sentences says the state.
 */
function saysStatus(status: { subject: string[]; event: string }, passages: Read[]): boolean {
  // (A heading that says the state without its subject, « Logiciel libre d'un éditeur américain », says it of no one:
  // with `forms`, a heading must name the subject too.)
  // (Any word of the subject: « l'outil de visio jitsi » is Jitsi, which the corpus says « outil … de visioconférence ».)
  if (status.subject.some((w) => saysEvent({ subject: [w], event: status.event, forms: [status.event] }, passages)))
    return true;
  const isState = formOf(status.event);
  return passages.some((p) => {
    const about = words(`${p.document.title} ${p.section}`);
    return (
      status.subject.some((w) => about.some(formOf(w))) &&
      withoutReferences(p.text)
        .split(SENTENCE)
        .some((t) => words(t).some(isState))
    );
  });
}

/** A subject pronoun after a hyphen, the question asked by inversion (« a-t-elle », « est-il », « est-ce »). */
const INVERTED = new RegExp(`-(?:t-)?(?:${[...PRONOUNS, "ce"].join("|")})(?![\\p{L}])`, "u");

/** Words that make a question ask something else than whether its clause is true (`claimed-event.txt` [demandes]). */
const ASKING = section("demandes");
/** Events a yes/no question may ask whether they happened (`claimed-event.txt` [événements demandés]), as heads. */
const ASKED_EVENTS = [...section("événements demandés")].map((e) => e.slice(0, EVENT_HEAD));
/** The word that asks a cause (`claimed-event.txt` [cause demandée]). */
const CAUSE_ASKED = section("cause demandée");

/**
 * The event a yes/no question asks whether it happened to a subject (« la gendarmerie est repassée sous windows 11 en
 * 2024 non ? »: « repassee », [« gendarmerie »]), when no sentence of the passages read says them together: the
 * corpus does not say it happened (trial21 T-M7). Null when the question asks something else (a question word, a
 * premise before what it asks), states no event, or a sentence says it.
 */
export function unsaidAskedEvent(question: string, passages: Read[]): { subject: string[]; event: string } | null {
  // (A claim stated, not asked by inversion: « Polytechnique a-t-elle été condamnée … ? » asks, its answer is read.)
  if (premiseOf(question) || INVERTED.test(fold(question))) return null;
  const list = words(fold(question).replace(/[’]/g, "'"));
  if (list.some((w) => ASKING.has(w))) return null;
  const claimed = eventOf(list, ASKED_EVENTS);
  return claimed && !saysEvent(claimed, passages) ? claimed : null;
}

/** Events whose cause a question may ask without taking them as given (`claimed-event.txt` [cause répondue]). */
const CAUSE_ANSWERED = [...section("cause répondue")].map((e) => e.slice(0, EVENT_HEAD));

/**
 * « pourquoi echirolles est revenue a windows en 2026 », « pourquoi la cnil a-t-elle interdit linux … », « pourquoi
 * tchap est-il devenu payant … »: a question asking the cause of an event takes it as given; the corpus, which would
 * tell it, must say it of its subject. The events read: a return ([événements demandés]), one of a state's change
 * (`premise-events.txt`, [événements]), becoming something. Not a takeover or an abandonment ([cause répondue]:
 * « pourquoi la région a abandonné office 365 », the corpus tells it in other words), nor a participle the corpus never
 * uses (« pourquoi les prix de vmware ont-ils explosé … » : « hausses » ; « pourquoi l'armée autrichienne a lâché
 * office » : « remplacé »).
 */
function causedEvent(question: string): { subject: string[]; event: string } | null {
  const list = words(fold(question).replace(/[’]/g, "'"));
  if (!list.length || !CAUSE_ASKED.has(list[0]!)) return null;
  const rest = list.slice(1);
  if (rest.some((w) => ASKING.has(w))) return null;
  const claimed = eventOf(rest, ASKED_EVENTS);
  if (!claimed) return null;
  if (!CAUSE_ANSWERED.some((e) => claimed.event.startsWith(e))) return claimed;
  // « pourquoi ovhcloud a-t-il été racheté par amazon en 2026 »: a takeover with its buyer named is one the corpus
  // would tell of both; the cause of one it tells in other words has no buyer (« pourquoi la région a abandonné … »).
  const agent = agentAfter(rest, rest.indexOf(claimed.event));
  return agent.length ? { subject: [...claimed.subject, ...agent], event: claimed.event } : null;
}

/** The name after « par » right after an event's participle (« racheté par amazon en 2026 »: [« amazon »]), or []. */
function agentAfter(list: string[], at: number): string[] {
  if (at < 0 || !AGENT.has(list[at + 1] ?? "")) return [];
  const out: string[] = [];
  for (const w of list.slice(at + 2)) {
    if (STOPWORDS.has(w) || DETERMINERS.has(w) || /^\d/.test(w) || out.length === 2) break;
    out.push(w);
  }
  // The agent whatever it is (« google »), as in `nounEventOf`.
  return out;
}

/** Words that introduce an event's agent, its purpose (`claimed-event.txt` [agent], [but]). */
const AGENT = section("agent");
const PURPOSE = section("but");

/**
 * « combien microsoft a-t-il payé pour racheter mistral ai »: an amount or a date asked of what a subject did to bring
 * about an event told by the verb of an event noun (« racheter », [noms d'événements]) takes the event as given: its
 * object and its doer must be said with it. Null when the question states none.
 */
function purposedEvent(question: string): { subject: string[]; event: string; forms: string[] } | null {
  const list = words(fold(question).replace(/[’]/g, "'"));
  if (!list.length || !ASKING.has(list[0]!)) return null;
  const by = list.findIndex((w, i) => i > 1 && PURPOSE.has(w));
  const verb = list[by + 1] ?? "";
  const forms = [...EVENT_NOUNS.values()].find((f) => f.length > 1 && f[1] === verb);
  if (by < 0 || !forms) return null;
  const aux = list.findIndex((w, i) => i > 0 && AUXILIARIES.has(w));
  if (aux < 2 || aux > by) return null;
  const content = (ws: string[]) => ws.filter((w) => !STOPWORDS.has(w) && !DETERMINERS.has(w) && !/^\d+$/.test(w));
  // The doer and the object by their names, whatever they are (« microsoft »), as an agent in `nounEventOf`.
  const doer = content(list.slice(1, aux));
  const object = content(list.slice(by + 2, by + 4));
  const subject = [...object, ...doer];
  if (!doer.length || !object.length || subject.length > MAX_SUBJECT_WORDS) return null;
  return { subject, event: forms[0]!, forms };
}

/** Whether a sentence of the passages read says every word of `subject` near each other (the heading naming some). */
function saysTogether(subject: string[], passages: Read[]): boolean {
  const forms = subject.map(formOf);
  return passages.some((p) => {
    const about = words(`${p.document.title} ${p.section}`);
    const rest = forms.filter((is) => !about.some(is));
    if (!rest.length) return true;
    return withoutReferences(p.text)
      .split(SENTENCE)
      .some((t) => near(words(t), rest.slice(1), rest[0]!));
  });
}

/** Whether a sentence or a section of the passages read says an event of its subject. */
function saysEvent(
  { subject, event, forms }: { subject: string[]; event: string; forms?: string[] },
  passages: Read[],
): boolean {
  // The event in another form of its verb (« revenue » : « revenir »); by a synonym only in a heading (below):
  // « abandonner » is also « quitter » and « migrer », and « retour » also a « retour d'expérience ». A noun of an
  // event by itself or its verb (« rachat », « racheté »).
  const eventForms = (forms ?? [event]).map(formOf);
  const isEvent = (x: string) => eventForms.some((is) => is(x));
  const synonyms = synonymsOf(event).map((f) => words(f).join(" "));
  // … by a synonym only beside its subject's name (« le rachat de Juniper par HPE »).
  const isSaid = (x: string) => isEvent(x) || synonyms.some((f) => !f.includes(" ") && formOf(f)(x));
  const isSubject = subject.map((w) => {
    const form = formOf(w);
    // … the subject by its name, or by its adjective (« danois » for « danemark »).
    return (x: string) => form(x) || DEMONYMS.get(x) === w;
  });
  const pairs = passages.some((p) => {
    if (p.document.kind === "catalog")
      return withoutReferences(p.text)
        .split(SENTENCE)
        .some((t) => near(words(t), isSubject, isSaid));
    // A section whose heading says the event (« Ce que le séminaire n'a pas décidé ») treats it; one whose heading
    // names the subject (« Danemark : ce qui a été annoncé, puis corrigé ») speaks of it in each sentence. A card's
    // notes tell other products' events (« après le rachat [de VMware] par Broadcom »): only its sentences count.
    const heading = words(p.section);
    // (A noun of an event heads many sections on another subject's, « … après le rachat » of VMware: there the
    // heading must name the subject too.)
    if (heading.some(isEvent) && (!forms || isSubject.some((is) => heading.some(is)))) return true;
    const about = isSubject.every((is) => heading.some(is));
    // … and one whose heading names the subject with the event in other words (« Munich : le retour à Windows
    // voté en novembre 2017 ») tells it.
    if (about && synonyms.some((f) => occurs(f, passageWords(p.section)))) return true;
    return withoutReferences(p.text)
      .split(SENTENCE)
      .some((t) => (about && words(t).some(isEvent)) || near(words(t), isSubject, isSaid));
  });
  return pairs;
}
