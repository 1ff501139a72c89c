/**
 * What a named subject did, decided or obtained, stated as done where the cited passages do not say it of that subject
 * (trial15 A6, A14): « Quimper Bretagne Occidentale a migré ses postes vers Linux en 2026 », « La présidente de QBO a
 * accepté l'étude des dépendances » where the passage says that Linux Quimper « a écrit à la présidente … Il propose
 * que QBO étudie ses dépendances »; « À Munich, les agents ont obtenu le retour à Windows par une pétition » where it
 * gives the council's arguments. Every name, the year and most words are in the passage: only the verb changed. The
 * verb must be said of the subject by a word of its family (« migration », « bascule », « passé sous »), in a cited
 * sentence naming it (or going on about it with a pronoun), or anywhere when the passage's heading names it; said only
 * under a request (« propose que QBO … fixe un objectif »), it is a request, not an outcome. Families and request words
 * are data (`server/i18n/fr/outcome-verbs.txt`); `server/verify/index.ts` turns what it finds into a reason.
 */
import { wordAlternation, wordListEntries, wordListSectionLines, wordListSections } from "../i18n/word-lists.ts";
import { derivedIn } from "../retrieval/derivations.ts";
import { fold } from "../retrieval/french.ts";
import { NEGATION, short } from "./negation.ts";
import { namesAt } from "./proper-nouns.ts";
import { withoutReferences } from "./sentences.ts";
import type { Source } from "./source-sentences.ts";
import {
  ACRONYM_SKIPS,
  ADJECTIVE_PLACES,
  acronymIn,
  type Bag,
  bagOf,
  contentWords,
  inBag,
  wordIn,
  words,
} from "./words.ts";

interface Family {
  /** Folded participles that state the outcome done. */
  done: Set<string>;
  /** Folded word starts (or phrases) by which a passage says it. */
  said: string[];
}

/** Least letters of a word start that stands for its words. */
const MIN_START = 4;

const {
  families: FAMILIES,
  requests: REQUESTS,
  agents: AGENTS,
  common: COMMON_DONE,
} = (() => {
  const families: Family[] = [];
  const requests: string[] = [];
  const agents: string[] = [];
  const common: string[] = [];
  const entries = (part: string) =>
    part
      .split(",")
      .map((e) => words(e).join(" "))
      .filter(Boolean);
  const sections = wordListSectionLines("outcome-verbs.txt");
  for (const line of sections.get("common") ?? []) common.push(...entries(line));
  for (const line of sections.get("families") ?? []) {
    const [done = "", said = ""] = line.split("|");
    families.push({
      done: new Set(entries(done)),
      said: entries(said).filter((s) => s.includes(" ") || s.length >= MIN_START),
    });
  }
  for (const line of sections.get("requests") ?? [])
    requests.push(...entries(line).filter((s) => s.length >= MIN_START));
  for (const line of sections.get("agents") ?? []) agents.push(...entries(line));
  return { families, requests, agents: new Set(agents), common: new Set(common) };
})();

/**
 * An auxiliary (« a », « ont », « est », « s'est », « a été »…), an adverb or two at most, and the participle after it.
 * « aurait » is left out: a conditional reports, it does not state.
 */
const DONE =
  /(?<![\p{L}'’])(?:a|ont|avait|avaient|est|sont|était|étaient|s['’]est|se sont|s['’]était|se sont|l['’]a|l['’]ont|les a|les ont)\s+(?:(?:déjà|bien|finalement|définitivement|entièrement|totalement|complètement|officiellement|alors|ainsi|aussi|même|récemment|enfin|effectivement|désormais|été)\s+){0,2}(\p{L}+)(?![\p{L}'’])/giu;

/** A folded infinitive of the first or second group (« fixer », « migrer », « obtenir »). */
const INFINITIVE = /^\p{L}{3,}(?:er|ir)$/u;

/** Folded auxiliaries: one of them right before a word (« a accepté », « ont voté ») states it done. */
const AUXILIARIES = new Set(["a", "ont", "avait", "avaient", "est", "sont", "etait", "etaient"]);

/** A sentence's first word that takes up the subject of the sentence before (« Il propose que QBO … »). */
const GOES_ON = /^\s*(?:il|elle|ils|elles|celle-ci|celui-ci|ceux-ci|celles-ci|sa|son|ses|leur|leurs)(?![\p{L}'’-])/iu;

/** Words that stand between a name and the verb when the name is not its subject (a pronoun, « et »). */
const SUBJECT_BREAK = /(?<![\p{L}'’])(?:il|elle|ils|elles|on|nous|vous|je|et|ou|mais|puis)(?![\p{L}'’])/iu;
/** A preposition right before a name: the name is not the subject (« vers LibreOffice », « par Microsoft »). */
const OBJECT_BEFORE =
  /(?<![\p{L}'’])(?:vers|avec|par|pour|sous|sur|contre|chez|dans|depuis|entre|sans|via|comme)\s+(?:(?:le|la|les|l['’]|un|une|des|du|son|sa|ses)\s*)?$/iu;
/** « qui » right after the name: the name is the subject of the relative's verb. */
const RELATIVE_AFTER = /^\s*,?\s*qui(?![\p{L}'’])/iu;
/** Most words between the subject's name and the verb (« À Munich, les agents ont obtenu »). */
const SUBJECT_MAX_GAP = 3;

/** The run of names a name belongs to (« Quimper Bretagne Occidentale »), folded, with the initials of its words. */
function subjectBefore(text: string): { folded: string; initials: string } | null {
  const names = namesAt(text);
  const last = names.at(-1);
  if (!last) return null;
  // Only a name of the same clause, close before the verb, is the subject (« … ; QBO a migré »): not one a pronoun or
  // another clause stands between (« … vers Nextcloud, et elle a déjà achevé »).
  const gap = text.slice(last.at + last.name.length);
  if (/[;:.!?]/.test(gap) || SUBJECT_BREAK.test(gap) || words(gap).length > SUBJECT_MAX_GAP) return null;
  const run = [last];
  for (let k = names.length - 2; k >= 0; k--) {
    const gap = text.slice(names[k]!.at + names[k]!.name.length, run[0]!.at);
    if (!/^\s+$/.test(gap)) break;
    run.unshift(names[k]!);
  }
  // A name after a preposition is what the subject acts on or with (« Sa migration vers LibreOffice s'est achevée »),
  // unless a relative makes it the subject (« contre Broadcom, qui a obtenu gain de cause »).
  if (OBJECT_BEFORE.test(text.slice(0, run[0]!.at)) && !RELATIVE_AFTER.test(gap)) return null;
  const folded = run.map((n) => n.folded).join(" ");
  const initials = words(run.map((n) => n.name).join(" "))
    .filter((w) => !ACRONYM_SKIPS.has(w))
    .map((w) => w[0])
    .join("");
  return { folded, initials };
}

/** Whether a bag names the subject: its run of names, its acronym, or the name its acronym stands for. */
function names(bag: Bag, subject: { folded: string; initials: string }): boolean {
  if (inBag(subject.folded, bag, false)) return true;
  if (!subject.folded.includes(" ") && acronymIn(subject.folded, bag)) return true;
  return subject.initials.length >= 2 && subject.folded.includes(" ") && bag.list.includes(subject.initials);
}

/** Where in a folded text a word start or phrase of `said` is written, as offsets into its word list. */
const saidAt = (list: string[], said: string[]) =>
  list.flatMap((w, i) =>
    said.some((s) => (s.includes(" ") ? list.slice(i, i + s.split(" ").length).join(" ") === s : w.startsWith(s)))
      ? [i]
      : [],
  );

export interface OutcomeUnsaid {
  /** The outcome as the sentence writes it (« a migré »). */
  outcome: string;
  /** The subject's name as the sentence writes it. */
  name: string;
  /** The cited sentence that only asks for it, when one does. */
  asked: string | null;
  /** Another name of the section's heading a cited sentence says it of (« S3NS … a obtenu », trial22 T-H6). */
  other?: string;
}

/**
 * The names a section's heading (after the document's title) gives beside the subject (« … : S3NS et Bleu »), as
 * subjects to look for, with the name as written.
 */
function otherNames(
  heading: string,
  subject: { folded: string; initials: string },
): { folded: string; initials: string; written: string }[] {
  const section = heading.split(/\s[—–]\s/).at(-1) ?? "";
  // Runs of names (« Label Territoire Numérique Libre »): one that holds a word of the subject is the subject's.
  const runs: ReturnType<typeof namesAt>[] = [];
  for (const n of namesAt(section)) {
    const last = runs.at(-1)?.at(-1);
    if (last && /^\s+$/.test(section.slice(last.at + last.name.length, n.at))) runs.at(-1)!.push(n);
    else runs.push([n]);
  }
  const own = subject.folded.split(" ");
  return runs
    .filter((run) => !run.some((n) => own.includes(n.folded) || n.folded === subject.initials.toLowerCase()))
    .flat()
    .map((n) => ({ folded: n.folded, initials: "", written: n.name }));
}

/**
 * An outcome (a participle of `outcome-verbs.txt` after an auxiliary) the sentence states of a named subject, where no
 * cited sentence about that subject says it by a word of its family, or only a request does: the outcome, the name and
 * the request; or null. A negated sentence, and a subject no cited passage names (the name check says so), are left.
 */
export function outcomeUnsaid(stated: string, pool: Source[]): OutcomeUnsaid | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text) || pool.length === 0) return null;
  for (const m of text.matchAll(DONE)) {
    const participle = fold(m[1]!);
    const family = FAMILIES.find((f) => f.done.has(participle));
    if (!family) continue;
    const before = text.slice(0, m.index!);
    const subject = subjectBefore(before);
    // « Le niveau Or est revenu à Boé »: a thing a name qualifies is no actor of an act only an actor does ([acteur]).
    if (subject && ACTOR_ONLY.has(participle) && QUALIFIED_NAME.test(before)) continue;
    if (!subject) {
      // « Oui, la commune a obtenu … »: the answer particle is not part of the subject (trial24 T-H2).
      const common = COMMON_DONE.has(participle) ? commonSubject(before.replace(PARTICLE, "")) : null;
      if (!common) continue;
      const found = commonOutcomeUnsaid(common, family, pool);
      if (found) return { outcome: m[0].trim(), name: common.written, asked: found.asked };
      // The reader's collectivité given what the cited sentences say of a named peer (« la commune a obtenu le label »
      // where the passage says « Nancy, longtemps lauréate du label », trial24 T-H2).
      const peer = READER.test(common.written) ? peerOfOutcome(common, family, pool, text) : null;
      if (peer) return { outcome: m[0].trim(), name: common.written, asked: null, other: peer };
      continue;
    }
    // The cited sentences about the subject: all of a passage whose heading names it, else those naming it and those
    // going on about it.
    const about: string[] = [];
    /** Sentences about another name the section's heading gives beside the subject, with that name. */
    const elsewhere: { text: string; name: string }[] = [];
    for (const src of pool) {
      const body = src.sentences.filter((ss) => !ss.inHeading);
      const heading = src.sentences[0]?.heading ?? "";
      // The heading says what the passage is about (« Le prix Villes internet 2024 — Les lauréats »).
      if (heading) about.push(heading);
      if (names(bagOf(heading), subject)) {
        // Unless the section's heading names others beside it (« Le débat sur les clouds « hybrides » : S3NS et
        // Bleu », trial22 T-H6): a sentence naming one of them and not the subject, and those going on from it, are
        // that other's.
        const others = otherNames(heading, subject);
        let off = false;
        for (const ss of body) {
          const own = bagOf(withoutReferences(ss.text));
          const of = others.find((o) => names(own, o));
          off = (of !== undefined && !names(own, subject)) || (off && GOES_ON.test(withoutReferences(ss.text)));
          if (off) elsewhere.push({ text: ss.text, name: of?.written ?? elsewhere.at(-1)?.name ?? "" });
          else about.push(ss.text);
        }
        continue;
      }
      let on = false;
      for (const ss of body) {
        on = names(ss.bag, subject) || (on && GOES_ON.test(withoutReferences(ss.text)));
        if (on) about.push(ss.text);
      }
    }
    // A subject no cited passage names: the name check says so.
    if (!pool.some((src) => names(src.bag, subject))) continue;
    const read = doneOrAsked(about, family.said);
    // A country said to have done what the cited sentences say of a place within it (« l'Allemagne a quitté
    // Microsoft » where they say « un Land allemand quitte Microsoft », trial24 T-H2).
    const part = read.done ? partOfCountry(subject.folded, about, family) : null;
    if (part)
      return { outcome: m[0].trim(), name: nameOf(before, subject.folded) ?? subject.folded, asked: null, other: part };
    if (read.done) continue;
    const other = elsewhere.find((e) => doneOrAsked([e.text], family.said).done)?.name;
    // An act done with another (« l'État a signé un contrat avec … Mistral AI »): the other, named in the sentence, is
    // a party, not a swapped actor (`outcome-verbs.txt`, [joint]).
    if (other && JOINT.has(participle) && inBag(words(other).join(" "), bagOf(text), false)) continue;
    return {
      outcome: m[0].trim(),
      name: nameOf(before, subject.folded) ?? subject.folded,
      asked: read.asked,
      ...(other ? { other } : {}),
    };
  }
  return null;
}

const OUTCOME_SECTIONS = wordListSections("outcome-verbs.txt");
/** Participles of an act done with another party (« signé »): [joint]. */
const JOINT = new Set((OUTCOME_SECTIONS.get("joint") ?? []).map((e) => words(e).join(" ")));
/** Participles of an act only an actor does (« revenu à »), not a thing (« le niveau Or est revenu à Boé »): [acteur]. */
const ACTOR_ONLY = new Set((OUTCOME_SECTIONS.get("acteur") ?? []).map((e) => words(e).join(" ")));
/** A name right after a common noun that it qualifies (« Le niveau Or », « le label Territoire Numérique Libre »). */
const QUALIFIED_NAME =
  /(?<![\p{L}'’])(?!(?:le|la|les|de|du|des|et|à|au|aux|en|par|pour|avec|sur)\s)\p{Ll}[\p{L}-]{2,}\s+\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&.-]*)*\s*$/u;

/** Most characters before the name opening a sentence (an article: « La Ville de … » is not one). */
const PEER_AT = 4;

/** Folded countries and wide places (`adjectives-of-places.txt`). */
const COUNTRIES = new Set([...ADJECTIVE_PLACES.values()].flat());

/**
 * For a country as the subject: the name of what the cited sentences saying the outcome say it of, when none of them
 * writes the country as who did it, only as where it is (« un Land allemand », « Land du nord de l'Allemagne »); or
 * null.
 */
function partOfCountry(country: string, about: string[], family: Family): string | null {
  if (!COUNTRIES.has(country)) return null;
  const saying = about.filter((t) => doneOrAsked([t], family.said).done);
  const asActor = new RegExp(`(?<!\\b(?:de|du|d|des)\\s)${country.replace(/ /g, "\\s")}(?!\\p{L})`, "u");
  if (saying.length === 0 || saying.some((t) => asActor.test(words(withoutReferences(t)).join(" ")))) return null;
  return (
    saying
      .map((t) => namesAt(withoutReferences(t)).find((n) => !COUNTRIES.has(n.folded))?.name)
      .find((n) => n !== undefined) ?? null
  );
}

/** An answer particle opening a sentence (« Oui, »: `answer-particles.txt`). */
const PARTICLE = new RegExp(`^\\s*(?:${wordAlternation(wordListEntries("answer-particles.txt"))})\\s*,\\s*`, "iu");
/** The reader's collectivité as a subject (« la commune », « votre mairie »: `peer-outcome.txt`, [collectivité]). */
const READER = new RegExp(
  `^(?:${wordAlternation(wordListSections("peer-outcome.txt").get("collectivité") ?? [])})$`,
  "iu",
);

/**
 * The named peer the cited sentences say an outcome of, when none of the sentences saying it names the subject (the
 * reader's collectivité): the name opening the first such sentence, one the sentence does not write itself; or null.
 */
function peerOfOutcome(subject: { words: string[] }, family: Family, pool: Source[], stated: string): string | null {
  const own = bagOf(stated);
  const saying = pool
    .flatMap((src) => src.sentences.filter((x) => !x.inHeading).map((x) => withoutReferences(x.text)))
    .filter((text) => doneOrAsked([text], family.said).done);
  if (saying.some((text) => subject.words.every((w) => inBag(w, bagOf(text), false)))) return null;
  // The peer opens its sentence (« Nancy, longtemps lauréate du label, … »); a name the sentence writes itself (« le
  // label Territoire Numérique Libre ») is what was obtained, not who.
  return (
    saying
      .map((text) => namesAt(text)[0])
      .filter((n) => n !== undefined && n.at <= PEER_AT && !inBag(n.folded, own, false))
      .map((n) => n!.name)
      .find((name) => name !== undefined) ?? null
  );
}

/** Words opening a clause that states a condition or a time, not a fact (« Si la démarche est validée »). */
const SUBORDINATE =
  /(?<![\p{L}'’])(?:si|s['’]|quand|lorsque|lorsqu['’]|dès que|dès qu['’]|une fois que|puisque)(?![\p{L}])/iu;

/** Most content words of a subject that is not a name (« La loi de transposition », « Tous les ministères »). */
const COMMON_SUBJECT_MAX_WORDS = 3;

/**
 * The subject of the verb when it is no name: the sentence's opening words before the auxiliary, when they are one
 * clause (no comma) of one to three content words and no name (« La loi de transposition a été adoptée », « Tous les
 * ministères ont abandonné »). Its folded content words and the words as written; or null.
 */
function commonSubject(before: string): { words: string[]; written: string } | null {
  const written = before.trim();
  // A subordinate clause (« Si la démarche est validée ») states nothing done.
  if (SUBORDINATE.test(written)) return null;
  if (!written || /[,;:()«»"]/.test(written) || namesAt(written).some((n) => n.at > 0)) return null;
  const content = contentWords(written);
  if (content.length === 0 || content.length > COMMON_SUBJECT_MAX_WORDS) return null;
  return { words: content, written };
}

/**
 * Whether no cited sentence about a subject that is no name (every content word of the subject in it, or in a
 * sentence it goes on from with a pronoun) says the outcome by a word of its family, done, not requested: the request
 * when one asks for it, or null when it is said. Null as well when no cited sentence is about the subject at all (the
 * word check says so).
 */
function commonOutcomeUnsaid(
  subject: { words: string[] },
  family: Family,
  pool: Source[],
): { asked: string | null } | null {
  const about: string[] = [];
  for (const src of pool) {
    let on = false;
    for (const ss of src.sentences.filter((x) => !x.inHeading)) {
      // The sentence's own words (its bag also holds its heading's).
      const own = bagOf(withoutReferences(ss.text));
      on = subject.words.every((w) => inBag(w, own)) || (on && GOES_ON.test(withoutReferences(ss.text)));
      if (on) about.push(ss.text);
    }
  }
  if (about.length === 0) return null;
  const read = doneOrAsked(about, family.said);
  return read.done ? null : { asked: read.asked };
}

/**
 * Whether one of `about` (the passages' statements of the subject) says the outcome done (`done`), else the first that
 * only asks or plans it (`asked`, as quoted). Said done: not after a request word of the sentence, or right after an
 * auxiliary (« que QBO a acceptée »); an infinitive says nothing done (« Fixer un objectif chiffré », « a décidé de
 * migrer »).
 */
function doneOrAsked(about: string[], said: Parameters<typeof saidAt>[1]): { done: boolean; asked: string | null } {
  let asked: string | null = null;
  for (const t of about) {
    const list = words(withoutReferences(t));
    const at = saidAt(list, said);
    if (at.length === 0) continue;
    const requestAt = saidAt(list, REQUESTS);
    const stateDone = at.some((i) => {
      if (INFINITIVE.test(list[i]!)) return false;
      if (!requestAt.some((r) => r < i)) return true;
      return AUXILIARIES.has(list[i - 1] ?? "") || AUXILIARIES.has(list[i - 2] ?? "");
    });
    if (stateDone) return { done: true, asked };
    if (at.some((i) => requestAt.some((r) => r < i))) asked ??= short(withoutReferences(t).trim());
  }
  return { done: false, asked };
}

/** The subject's name as written in the text before the verb. */
function nameOf(before: string, folded: string): string | null {
  const names = namesAt(before);
  const first = folded.split(" ")[0];
  const at = names.findLastIndex((n) => n.folded === first);
  if (at < 0) return null;
  const count = folded.split(" ").length;
  const run = names.slice(at, at + count);
  return before.slice(run[0]!.at, run.at(-1)!.at + run.at(-1)!.name.length);
}

/** « par », a determiner or none, and the word after it (« par la préfecture », « par une pétition »). */
const BY = /(?<![\p{L}'’])par\s+(?:(?:le|la|les|un|une|des|du|son|sa|ses|leur|leurs)\s+|l['’]\s*)?(\p{L}[\p{L}-]*)/giu;

/**
 * Who did it or by what means, after « par » (« validé par la préfecture », « obtenu … par une pétition »), a word of
 * `outcome-verbs.txt` [agents] that no cited passage writes (nor a word of its family): the phrase; or null.
 */
export function agentUnsaid(stated: string, pool: Source[]): string | null {
  const text = withoutReferences(stated);
  if (NEGATION.test(text) || pool.length === 0) return null;
  for (const m of text.matchAll(BY)) {
    const agent = words(m[1]!).join(" ");
    if (!AGENTS.has(agent)) continue;
    if (pool.some((src) => wordIn(agent, src.bag) || derivedIn(agent, src.bag))) continue;
    return m[0];
  }
  return null;
}
