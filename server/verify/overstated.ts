/**
 * Sentences that say more than the passage they cite, with every word of theirs found in it (trial6, A1): a measure
 * the passage presents as planned stated as done (« l'article 31-1 oblige » for « un article qui étendrait
 * l'obligation »), « tous » where the passage says it of some, a country for one of its ministries, an obligation given
 * to another holder, a denial reported as a confirmation (a nationality replaced: `nationality.ts`). Each rule is a small function on
 * plain texts; its words are data (`server/i18n/fr/overstated.txt`). `server/verify/index.ts` turns what they find
 * into reasons.
 */
import { readFileSync } from "node:fs";
import { escapeRegExp } from "../core/text.ts";
import { fold, stem, synonymsOf, words } from "../retrieval/french.ts";
import { keywords } from "../retrieval/relevance.ts";
import { namesWithEnds } from "./proper-nouns.ts";

/** A sentence of a cited passage; `heading` for the passage's first line (its document and section). */
export interface CitedSentence {
  text: string;
  heading: boolean;
}

/** What a rule found: its kind and the words the reason quotes. */
export type Overstatement =
  | { kind: "planned"; quote: string }
  | { kind: "all"; words: string }
  | { kind: "most"; words: string }
  | { kind: "part"; whole: string; part: string }
  | { kind: "duty"; claimed: string; quote: string }
  | { kind: "collectivityDuty"; claimed: string }
  | { kind: "denied"; quote: string };

const SECTIONS: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  let current = "";
  for (const raw of readFileSync(new URL("../i18n/fr/overstated.txt", import.meta.url), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const section = /^\[([a-z-]+)\]$/.exec(line);
    if (section) current = section[1]!;
    else if (current === "wider") {
      const [wide, narrow] = line.split("=") as [string, string];
      for (const w of words(narrow)) out.set(`wider:${w}`, [...(out.get(`wider:${w}`) ?? []), ...words(wide)]);
    } else if (current.endsWith("-phrases")) out.set(current, [...(out.get(current) ?? []), words(line).join(" ")]);
    else out.set(current, [...(out.get(current) ?? []), ...line.split(/[\s,]+/).map((w) => fold(w))]);
  }
  return out;
})();
const set = (name: string) => new Set(SECTIONS.get(name) ?? []);
/** The folded words of a section of `overstated.txt` ([confirm], [deny], [say]), for the rules that share them. */
export const overstatedSection = set;
/** The classes a folded word is part of ([wider]: « communes » → « collectivites »). */
export const widerThan = (word: string): string[] => SECTIONS.get(`wider:${word}`) ?? [];
/** Every folded word of [wider]: the classes and what they hold. */
export const CLASS_WORDS = new Set(
  [...SECTIONS].flatMap(([key, wide]) => (key.startsWith("wider:") ? [key.slice("wider:".length), ...wide] : [])),
);
const PLANNED = set("planned");
const EARLY_STAGE = set("early-stage");
const EARLY_STAGE_PHRASES = [...set("early-stage-phrases")];
const DONE = set("done");
const HEDGE = set("hedge");
const NOT_CONDITIONAL = set("not-conditional");
const SOFT_CONDITIONAL = set("soft-conditional");
/** Words saying « most » (« la plupart des »): read as the words saying « all », reported apart. */
const MOST = set("most");
const ALL = new Set([...set("all"), ...MOST]);
const ALL_IDIOMS = set("all-idioms");
const PARTS = set("parts");
const COLLECTIVITY = set("collectivity");
const COLLECTIVITY_PLURAL = set("collectivity-plural");
const NONE = set("none");
const COLLECTIVITY_RULE = set("collectivity-rule");
const PEERS = set("peers");
/** A duty carried over from another holder (« devra elle aussi », « à son tour »). */
const CARRIED_OVER = /(?<!\p{L})(?:(?:elles?|eux|lui)\s+aussi|à\s+(?:son|leur)\s+tour)(?!\p{L})/iu;
/** « Aucune règle n'impose », « rien n'oblige »: a denial that opens on its subject. */
const NO_ONE = /(?<!\p{L})(?:aucune?|rien|nul|nulle)(?!\p{L})/iu;
/** Folded words of an obligation (« doit », « doivent »): [duty]. */
export const DUTY = set("duty");
const DUTY_SOURCE = set("duty-source");
const DUTY_ON = set("duty-on");
/** « imposé à toutes les collectivités de formaliser », « exige des communes qu'elles publient »: holder, then rest. */
const DUTY_ON_HOLDER =
  /^\s*(?:(?:aux|au|à|a|des|du|de)(?=\s)|d['’])\s*(.+?)\s+(?:de(?=\s)|d['’]|que(?=\s)|qu['’])(.*)$/iu;
/** A deadline given to a holder (« ont jusqu'à … pour »), what is due after « pour »: [deadline-phrases]. */
const DEADLINE = new RegExp(
  `(?<!\\p{L})(?:${[...set("deadline-phrases")]
    .map((p) => p.split(" ").map(escapeRegExp).join("[\\s'’]*"))
    .join("|")})(?!\\p{L})[^,;.]*?\\spour\\s+(.*)$`,
  "iu",
);
const CONFIRM = set("confirm");
const NOT_HOLDER = set("not-holder");
const DENY = set("deny");
const SAY = set("say");
const ANNOUNCE = set("announce");

/** A place and its adjectives (`server/i18n/fr/adjectives-of-places.txt`): folded adjective → folded places. */
const ADJECTIVE_PLACES: Map<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(new URL("../i18n/fr/adjectives-of-places.txt", import.meta.url), "utf8").split(
    "\n",
  )) {
    if (!line.includes(":") || line.startsWith("#")) continue;
    const [place, adjectives] = line.split(":") as [string, string];
    for (const a of adjectives.split(",").map((x) => words(x).join(" ")))
      if (a) out.set(a, [...(out.get(a) ?? []), words(place).join(" ")]);
  }
  return out;
})();
const PLACES = new Set([...ADJECTIVE_PLACES.values()].flat());

/** Content words of a text, folded, without numbers. */
const content = (text: string) => keywords(text).filter((w) => !/^\d/.test(w) && w.length > 2);

/** Whether a folded word is in a list of folded words: same stem, or one a near prefix of the other. */
function has(list: string[], word: string): boolean {
  const s = stem(word);
  return list.some((x) => {
    const t = stem(x);
    if (t === s) return true;
    const [short, long] = t.length <= s.length ? [t, s] : [s, t];
    return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3;
  });
}

const shared = (claim: string[], text: string) => {
  const theirs = words(text);
  return claim.filter((w) => has(theirs, w)).length;
};

/**
 * A verb as written that ends like a conditional without being one: the imperfect of a verb in « -érer », « -arer »,
 * « -orer » (« suggérait », « déclarait », « ignorait »: a conditional writes « -erait » without an accent,
 * « suggérerait ») and the present of one in « -aître » (« apparaît », « paraît »).
 */
const notConditional = (raw: string) => /(?:[éèaâo]ra[iî](?:t|ent)|aît)$/iu.test(raw);
/**
 * A verb in the conditional (« étendrait », « serait »), not a noun ending the same way (« retrait »), nor, when the word
 * is given as written, an imperfect or a present of the same ending (`notConditional`).
 */
const conditional = (w: string, raw = "") =>
  /(?:[^t]rait|[^t]raient)$/.test(w) && !NOT_CONDITIONAL.has(w) && !notConditional(raw);
/** A conditional that plans something (« étendrait »), not one that only qualifies (« serait », « pourrait »). */
const planning = (w: string, raw = "") => conditional(w, raw) && !SOFT_CONDITIONAL.has(w);

/** Whether a claim says what it states is not done (yet): a word of [hedge] or a verb in the conditional. */
const hedged = (text: string) =>
  attributed(text) ||
  (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).some((raw) => words(raw).some((w) => HEDGE.has(w) || conditional(w, raw)));

/** Openings that give what follows as the view of the person named before (`server/i18n/fr/attributed-openers.txt`). */
const ATTRIBUTED = readFileSync(new URL("../i18n/fr/attributed-openers.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => words(l).join(" "));

/** Whether a claim opens on a view's attribution (« Pour lui, … », « À ses yeux, … »). */
const attributed = (text: string) => {
  const opening = ` ${words(text.slice(0, 40)).join(" ")} `;
  return ATTRIBUTED.some((a) => opening.startsWith(` ${a} `));
};

/** The conditional's verb stem (« remplacerait » → « remplac », « traiterait » → « trait »). */
const conditionalBase = (w: string) => w.replace(/e?r(?:ait|aient)$/, "");

/**
 * Where a statement starts saying something is only planned, for a claim: its first word of [planned] or verb in the
 * conditional that plans what the claim states; -1 when it has none. Left aside: a participle of [planned] after a
 * noun the claim does not name (« l'article 31-1 envisagé » before advice that names no article), a finite verb of
 * [planned] with nothing planned after it (« qu'elle utilise ou envisage (… ) »), a conditional in reported speech
 * whose verb the claim does not use (« a annoncé qu'elle remplacerait » for « l'a fait le 23 juin »), and a
 * conditional the claim writes as a present participle (« une stratégie traitant » for « qui traiterait »).
 */
function plannedFrom(text: string, claim: string[]): number {
  const tokens = [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)];
  for (const [i, m] of tokens.entries()) {
    const w = words(m[0]).at(-1) ?? "";
    if (PLANNED.has(w)) {
      const after = text.slice(m.index! + m[0].length);
      const next = fold(tokens[i + 1]?.[0] ?? "");
      const introduces = /^(?:de|d['’]|que|qu['’])/.test(next);
      if (/[éÉ](?:e|s|es)?$/u.test(m[0]) && !introduces) {
        // A participle that qualifies the noun before it: the claim must name that noun.
        const noun = tokens
          .slice(0, i)
          .map((t) => words(t[0]).at(-1) ?? "")
          .reverse()
          .find((x) => x.length > 2 && !/^\d/.test(x));
        if (!noun || !has(claim, noun)) continue;
      } else if (!/[éÉ](?:e|s|es)?$/u.test(m[0]) && /^\s*(?:[(,;.…]|$)/u.test(after)) continue;
      return m.index!;
    }
    if (!planning(w, m[0])) continue;
    const base = conditionalBase(w);
    if (base.length >= 4 && claim.some((x) => x.startsWith(base) && x.endsWith("ant"))) continue;
    // Reported speech: « a annoncé qu'elle remplacerait ».
    const before = tokens.slice(Math.max(0, i - 4), i).map((t) => fold(t[0]));
    const reported = before.some(
      (x, k) => /^qu/.test(x) && before.slice(0, k).some((y) => SAY.has(y) || ANNOUNCE.has(y)),
    );
    if (reported && !claim.some((x) => base.length >= 4 && x.startsWith(base))) continue;
    return m.index!;
  }
  return -1;
}

/** Whether a text negates (« ne … pas », « n'avait ni … ni », « jamais »). */
export const NEGATED = /(?<!\p{L})(?:ne|n['’])\s*(?:\S+\s+){0,3}?(?:pas|ni|jamais|plus|aucun|aucune|rien)(?!\p{L})/iu;

/** A short quote. */
const short = (text: string) => {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
};

/**
 * The statements of cited passages as a claim is compared with them: each body sentence apart at « ; », a list item
 * with the sentence that opens its list (« … étendrait l'obligation aux collectivités suivantes : » + « - les communes
 * de plus de 30 000 habitants ; »). Headings are left out: « l'extension envisagée » in a title dates nothing.
 */
function statements(passages: CitedSentence[][]): string[] {
  const out: string[] = [];
  for (const passage of passages) {
    let lead = "";
    for (const ss of passage) {
      if (ss.heading) continue;
      const item = /^\s*(?:[-*•]|\d+[.)])\s/.test(ss.text);
      const parts = ss.text.split(/\s*;\s*/).filter((p) => /\p{L}/u.test(p));
      out.push(...parts.map((p) => (item && lead ? `${lead} ${p}` : p)));
      if (!item) lead = /:\s*$/.test(ss.text.replace(/\([^()]*\)\s*(?=:\s*$)/, "")) ? ss.text : "";
    }
  }
  return out;
}

/** Least content words a claim must share with a passage's statement to be compared with it. */
export const OVERSTATED_MIN_SHARED = 3;
/** Share of the claim's content words that statement must have. */
export const OVERSTATED_MIN_SHARE = 0.5;

/** The statements that carry the claim best (most of its content words), or none when none carries enough. */
function carriers(claim: string, passages: CitedSentence[][]): string[] {
  const mine = [...new Set(content(claim))];
  const need = Math.max(OVERSTATED_MIN_SHARED, Math.ceil(mine.length * OVERSTATED_MIN_SHARE));
  const all = statements(passages);
  const scores = all.map((st) => shared(mine, st));
  const best = Math.max(0, ...scores);
  return best < need ? [] : all.filter((_, i) => scores[i] === best);
}

/**
 * A measure the passage presents as planned, stated as done: every statement carrying the claim says it is only
 * planned (« prévoit », « envisagé », a conditional: « étendrait »), and the claim says nothing of the kind and
 * negates nothing. The quote.
 */
export function plannedAsDone(claim: string, passages: CitedSentence[][]): string | null {
  // A claim that negates (« votre commune n'est donc pas concernée par l'article ») states nothing as in force.
  if (hedged(claim) || NEGATED.test(claim)) return null;
  const found = carriers(claim, passages);
  if (found.length === 0) return null;
  const mine = [...new Set(content(claim))];
  // What the claim says must be what the plan bears on: most of the words it shares with the statement come after the
  // word that plans it (« prévoit d'insérer dans la loi un article 31-1 qui étendrait l'obligation aux communes »).
  const planned = (st: string) => {
    const at = plannedFrom(st, mine);
    if (at < 0) return false;
    const after = shared(mine, st.slice(at));
    return after >= 2 && after * 2 >= shared(mine, st);
  };
  // An earlier stage (« ont été étudiées », « à l'étude », « d'ici fin 2026 ») where the claim states it done (« sont
  // déjà proposées », « est désormais hébergée »): the claim writes a word of [done] the statement does not, and the
  // statement writes one of [early-stage] or [early-stage-phrases] and none of [done].
  // A done word of a cited heading (« Millau Grands Causses : ce qui est déjà en place ») says it of what follows.
  const doneWords = words(claim).filter((w) => DONE.has(w));
  const headed = passages.flatMap((p) => p.filter((s) => s.heading).flatMap((s) => words(s.text)));
  const early = (st: string) => {
    const theirs = words(st);
    const joined = ` ${theirs.join(" ")} `;
    return (
      doneWords.some((w) => !has(theirs, w) && !has(headed, w)) &&
      (theirs.some((w) => EARLY_STAGE.has(w)) || EARLY_STAGE_PHRASES.some((p) => joined.includes(` ${p} `))) &&
      !theirs.some((w) => DONE.has(w))
    );
  };
  return found.every((st) => planned(st) || early(st)) ? short(found[0]!) : null;
}

/** Words before an acronym in which a word saying « all » may be, before its name spelled out (faithful34). */
const ACRONYM_REACH = 12;

/**
 * « tous les X » (« toutes les », « l'ensemble des ») where the cited passages write X without any word saying « all »
 * beside it (four words on each side): they say it of some. Read in the statements that carry the claim when they
 * write X, else in every cited sentence that does, also when no statement carries the claim (« Toutes les
 * collectivités françaises ont depuis revu leurs contrats » where the episode « faisait réfléchir les collectivités »,
 * faithful-blind-18). The claim's words (« tous les services »), or null.
 */
export function allForSome(claim: string, passages: CitedSentence[][]): string | null {
  const tokens = claim.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const folded = tokens.map((t) => fold(t).replace(/^[dl]['’]/, ""));
  const texts = passages.flatMap((p) => p.filter((s) => !s.heading).map((s) => words(s.text)));
  const carried = carriers(claim, passages);
  const peers = peersForAll(folded, tokens, texts);
  if (peers) return peers;
  for (let i = 0; i < folded.length; i++) {
    // None of the collectivités (« Aucune intercommunalité n'a jamais réussi à quitter Windows », trial23 T-H3), where
    // the cited passages say « aucun » or « tous » of none: one city's case made a rule, as « Toutes les mairies ».
    if (
      NONE.has(folded[i]!) &&
      COLLECTIVITY.has(folded[i + 1] ?? "") &&
      !texts.some((t) =>
        t.some(
          (w, k) => COLLECTIVITY.has(w) && t.slice(Math.max(0, k - 8), k + 8).some((x) => NONE.has(x) || ALL.has(x)),
        ),
      )
    )
      return tokens.slice(i, i + 2).join(" ");
    // « chaque » only of a collectivité (« chaque ville qui passe à Linux … »): elsewhere it distributes (« chaque agent
    // reçoit »).
    const each = folded[i] === "chaque";
    if (!ALL.has(folded[i]!) || (each && !COLLECTIVITY.has(folded[i + 1] ?? ""))) continue;
    // « tous les services », « l'ensemble des agents », « la totalité du parc », « tout son parc ».
    const j = each
      ? i + 1
      : ["les", "le", "la", "des", "du", "de", "ses", "leurs", "nos", "vos", "ces", "son", "sa", "leur"].includes(
            folded[i + 1] ?? "",
          )
        ? i + 2
        : -1;
    let noun = j > 0 ? folded[j] : undefined;
    if (!noun || noun.length < 3 || ALL_IDIOMS.has(noun) || /^\d/.test(noun)) continue;
    if (["tout", "toute"].includes(folded[i]!) && folded[i + 1] === "de") continue; // « tout de même »
    // All collectivités (« Toutes les mairies qui passent à Linux finissent par revenir à Windows, comme Munich »)
    // where the cited passages speak of none in the plural, nor of all or each of them: one city's case made a rule
    // (trial21 T-H3).
    if (
      COLLECTIVITY.has(noun) &&
      !texts.some((t) =>
        t.some(
          (w, k) =>
            COLLECTIVITY_PLURAL.has(w) ||
            (COLLECTIVITY.has(w) && t.slice(Math.max(0, k - 5), k + 5).some((x) => ALL.has(x))),
        ),
      )
    )
      return tokens.slice(i, folded.indexOf(noun, j) + 1).join(" ");
    // The noun in the statement that carries the claim (not « toutes les mémoires » of a sentence no passage carries);
    // after an adjective the statement does not write, the word that follows it (« toutes les petites communes »).
    const carries = (w: string) => carried.some((t) => has(words(t), w));
    const next = folded[j + 1];
    if (
      !carries(noun) &&
      content(noun).length > 0 &&
      next &&
      content(next).length > 0 &&
      !ALL_IDIOMS.has(next) &&
      carries(next)
    )
      noun = next;
    if (carried.length > 0 && !carries(noun)) continue;
    // Where the statements carrying the claim write the noun, they must hold the universal themselves (« pour les
    // données sensibles, exiger … » does not give « toutes vos données » because another clause writes « l'export
    // complet des données »); with no statement carrying the claim, every sentence that writes the noun is read.
    const carrying = carried.map((t) => words(t)).filter((t) => has(t, noun));
    const writing = carrying.length > 0 ? carrying : texts.filter((t) => has(t, noun));
    if (writing.length === 0) continue;
    // An acronym (« la copie complète du SNDS ») the passage writes after its name spelled out, in parentheses (« une
    // copie complète du Système national des données de santé (SNDS) »): the word « all » is before that name.
    const reach = /^\p{Lu}{2,6}$/u.test(tokens[folded.indexOf(noun, j)] ?? "") ? ACRONYM_REACH : 5;
    // « 100 % de ses postes » says « tous ses postes ».
    const near = (t: string[]) =>
      t.some((w, k) => has([w], noun) && t.slice(Math.max(0, k - reach), k + 5).some((x) => ALL.has(x) || x === "100"));
    if (writing.some(near)) continue;
    // « La plupart des villes », with its article.
    const from = MOST.has(folded[i]!) && folded[i - 1] === "la" ? i - 1 : i;
    return tokens.slice(from, folded.indexOf(noun, j) + 1).join(" ");
  }
  return null;
}

/**
 * The collectivité's neighbours, all of them (« Les communes voisines ont toutes déjà quitté Microsoft », « Toutes les
 * communes voisines … », trial24 T-H3): collectivités in the plural qualified as neighbours ([peers]), with a word
 * saying « all » or « most » before them or in the four words after (not « Les communes voisines pourraient … »),
 * where no cited sentence writes a neighbour beside a collectivité. The claim's words, from the article to the word of « all » when it follows, or null.
 */
function peersForAll(folded: string[], tokens: string[], texts: string[][]): string | null {
  for (let i = 0; i + 1 < folded.length; i++) {
    if (!COLLECTIVITY_PLURAL.has(folded[i]!) || !PEERS.has(folded[i + 1]!)) continue;
    const before = folded.slice(Math.max(0, i - 3), i).findIndex((w) => ALL.has(w));
    const after = folded.slice(i + 2, i + 6).findIndex((w) => ALL.has(w));
    if (before < 0 && after < 0) continue;
    const said = texts.some((t) =>
      t.some((w, k) => PEERS.has(w) && t.slice(Math.max(0, k - 5), k + 5).some((x) => COLLECTIVITY.has(x))),
    );
    if (said) return null;
    const from = before >= 0 ? Math.max(0, i - 3) + before : Math.max(0, i - 1);
    const to = after >= 0 ? i + 2 + after : i + 1;
    return tokens.slice(from, to + 1).join(" ");
  }
  return null;
}

/** The place a claim opens on as its subject (« Le Danemark a … », « En 2025, la Suède … »), folded, or null. */
function placeSubject(claim: string): { place: string; name: string; rest: string } | null {
  const m =
    /^(?:[^,]{0,40},\s*)?(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’])\s*(\p{Lu}[\p{L}-]*(?:\s+(?:du|de|des)\s+\p{Lu}[\p{L}-]*)?)/u.exec(
      claim.trim(),
    );
  if (!m) return null;
  const place = words(m[1]!).join(" ");
  return PLACES.has(place) ? { place, name: m[1]!, rest: claim.slice(m.index + m[0].length) } : null;
}

/**
 * A country (or region) stated as doing what the cited passages say of one of its parts only (« Le Danemark a
 * abandonné … » for « la ministre danoise … son ministère allait se passer … »): no body sentence writes the place
 * itself, and the statement carrying the rest of the claim names a part ([parts]: a ministry, a city). The part, or
 * null.
 */
export function wholeForPart(claim: string, passages: CitedSentence[][]): { whole: string; part: string } | null {
  const subject = placeSubject(claim);
  if (!subject) return null;
  const bodies = passages.flatMap((p) => p.filter((s) => !s.heading).map((s) => s.text));
  if (bodies.some((b) => ` ${words(b).join(" ")} `.includes(` ${subject.place} `))) return null;
  const rest = [...new Set(content(subject.rest))];
  if (rest.length < 2) return null;
  const adjectives = new Set(
    [...ADJECTIVE_PLACES].filter(([, places]) => places.includes(subject.place)).map(([a]) => a),
  );
  for (const b of bodies) {
    if (shared(rest, b) < Math.max(2, Math.ceil(rest.length * OVERSTATED_MIN_SHARE))) continue;
    // The place named only by the adjective of one of its parts (« la ministre danoise », « la ville suédoise »).
    const tokens = b.match(/[\p{L}-]+/gu) ?? [];
    const list = tokens.map((t) => fold(t));
    const k = list.findIndex((w, i) => PARTS.has(w) && list.slice(i + 1, i + 3).some((x) => adjectives.has(x)));
    if (k >= 0) {
      const end = list.findIndex((x, i) => i > k && adjectives.has(x));
      return { whole: subject.name, part: tokens.slice(k, end + 1).join(" ") };
    }
  }
  return null;
}

/** A clause's subject and what follows its verb of obligation (« les collectivités doivent confier … »), or null. */
function dutyOf(clause: string): { holder: string[]; holderText: string; rest: string[] } | null {
  // « Les communes ont jusqu'à l'automne 2026 pour rendre leur plan »: a duty said by its deadline (trial24 T-H2).
  const deadline = DEADLINE.exec(fold(clause));
  if (deadline) {
    const before = clause.slice(0, deadline.index);
    const holderText = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(":")) + 1).trim();
    const holder = content(holderText).filter((w) => !NOT_HOLDER.has(w));
    if (holder.length > 0) return { holder, holderText, rest: content(deadline[1]!) };
  }
  const tokens = [...clause.matchAll(/[\p{L}\p{N}'’-]+/gu)];
  const k = tokens.findIndex((t) => DUTY.has(fold(t[0])));
  // « a imposé à toutes les collectivités de formaliser … »: the holder is the one it is imposed on.
  const on = tokens.findIndex((t) => DUTY_ON.has(fold(t[0])));
  if (on >= 0 && (k < 0 || on < k)) {
    const m = DUTY_ON_HOLDER.exec(clause.slice(tokens[on]!.index! + tokens[on]![0].length));
    const holder = m ? content(m[1]!).filter((w) => !NOT_HOLDER.has(w)) : [];
    if (m && holder.length) return { holder, holderText: m[1]!.trim(), rest: content(m[2]!) };
  }
  if (k < 0) return null;
  const before = clause.slice(0, tokens[k]!.index!);
  // The subject: from the last comma or colon before the verb (« Oui : avec la loi SREN, les collectivités »).
  const start = Math.max(before.lastIndexOf(","), before.lastIndexOf(":")) + 1;
  // A list item's dash or number is no part of it (« - Chamblessac devra elle aussi … », faithful-blind-23).
  const holderText = before
    .slice(start)
    .replace(/\s+(?:sont|est|se)\s*$/u, "")
    .replace(/^[\s>*_#•-]*(?:\d{1,2}[.)]\s+)?/u, "")
    .trim();
  const holder = content(holderText).filter((w) => !NOT_HOLDER.has(w));
  const rest = content(clause.slice(tokens[k]!.index! + tokens[k]![0].length));
  return holder.length > 0 ? { holder, holderText, rest } : null;
}

/**
 * An obligation given to another holder than the one the cited passages hold to it (« les collectivités doivent
 * confier leurs données sensibles à un prestataire qualifié » where the passage says the State's administrations
 * must): the passages' sentences stating an obligation with most of what the claim says is owed (at least two of its
 * words) never name the claim's holder. The holder and the passage's sentence, or null.
 */
export function dutyHolderReplaced(
  claim: string,
  passages: CitedSentence[][],
): { claimed: string; quote: string } | null {
  const duty = dutyOf(claim);
  if (!duty || duty.rest.length < 2) return null;
  const need = Math.max(2, Math.ceil(duty.rest.length * OVERSTATED_MIN_SHARE));
  const stating = passages
    .flatMap((p) => p.filter((s) => !s.heading).map((s) => s.text))
    .filter((t) => words(t).some((w) => DUTY_SOURCE.has(w)) && shared(duty.rest, t) >= need);
  if (stating.length === 0) return null;
  // The holder named there, in its words or a synonym (« une mairie » for « une commune »).
  const names = (t: string) => {
    const list = words(t);
    return duty.holder.some((w) => [w, ...synonymsOf(w), ...widerThan(w)].some((x) => has(list, x)));
  };
  if (stating.some(names)) return null;
  return { claimed: duty.holderText, quote: short(stating[0]!) };
}

/**
 * An obligation given to a collectivité (« Les communes devront elles aussi migrer leurs postes vers Linux », « Vos
 * communes doivent remplacer leurs postes ») that no cited passage imposes on any collectivité: none of their sentences
 * states an obligation ([duty-source]) with a word for a collectivité ([collectivity]). A hedged or denied duty is not
 * one (« ne doivent pas », « pourraient devoir »). The holder as written, or null.
 */
export function collectivityDutyUnstated(claim: string, passages: CitedSentence[][]): string | null {
  if (NEGATED.test(claim) || NO_ONE.test(claim)) return null;
  const duty = dutyOf(claim);
  if (!duty) return null;
  // A rule, not advice (« la commune doit vérifier ses applications »): held by all of them, a legal word, or carried
  // from another holder (« elles aussi »).
  const mine = words(claim);
  if (
    !duty.holder.some((w) => COLLECTIVITY_PLURAL.has(w)) &&
    !mine.some((w) => COLLECTIVITY_RULE.has(w)) &&
    !CARRIED_OVER.test(claim)
  )
    return null;
  const body = passages.flatMap((p) => p.filter((s) => !s.heading).map((s) => s.text));
  const sentences = body.map((t) => words(t));
  // « Aucune règle n'impose la même démarche aux collectivités » imposes nothing.
  const imposing = sentences.filter((_, i) => !NEGATED.test(body[i]!) && !NO_ONE.test(body[i]!));
  // A collectivité's name no passage writes (« Lavaurette-sur-Cère devra elle aussi présenter un plan »: the letter's
  // recipient) holds the duty as « la commune » would.
  const unwrittenName =
    /^\p{Lu}[\p{L}'’-]*$/u.test(duty.holderText) &&
    duty.holder.every((w) => !sentences.some((list) => list.includes(w)));
  if (!unwrittenName && !duty.holder.some((w) => COLLECTIVITY.has(w))) return null;
  const imposed = imposing.some(
    (list) => list.some((w) => DUTY_SOURCE.has(w)) && list.some((w) => COLLECTIVITY.has(w)),
  );
  return imposed ? null : duty.holderText;
}

/**
 * A person said to confirm (« Brad Smith … l'a confirmé ») what the cited passages have them deny: a sentence naming
 * them contests it ([deny]) or reports them saying a negation (« a déclaré que l'entreprise n'avait ni cessé ni
 * suspendu »), and none has them confirm it. The passage's sentence, or null.
 */
export function denialAsConfirmation(claim: string, passages: CitedSentence[][]): string | null {
  const mine = words(claim);
  if (!mine.some((w) => CONFIRM.has(w)) || NEGATED.test(claim)) return null;
  const names = namesWithEnds(claim)
    .map((n) => words(n.name))
    .filter((w) => w.length > 0);
  if (names.length === 0) return null;
  const texts = passages.flatMap((p) => p.map((s) => s.text));
  const naming = texts.filter((t) => {
    const theirs = words(t);
    return names.some((n) => n.length >= 2 && n.every((w) => theirs.includes(w)));
  });
  if (naming.length === 0) return null;
  if (naming.some((t) => words(t).some((w) => CONFIRM.has(w)) && !NEGATED.test(t))) return null;
  const denying = naming.find((t) => {
    const theirs = words(t);
    if (theirs.some((w) => DENY.has(w))) return true;
    if (!theirs.some((w) => SAY.has(w))) return false;
    // What they are reported to say (« a déclaré que l'entreprise n'avait ni cessé ni suspendu »).
    const that = t.search(/(?<!\p{L})(?:que|qu['’])/iu);
    return that >= 0 && NEGATED.test(t.slice(that));
  });
  return denying ? short(denying) : null;
}

/** What a claim states beyond its cited passages, by the first rule that finds something, or null. */
export function overstated(claim: string, passages: CitedSentence[][]): Overstatement | null {
  const denied = denialAsConfirmation(claim, passages);
  if (denied) return { kind: "denied", quote: denied };
  const duty = dutyHolderReplaced(claim, passages);
  if (duty) return { kind: "duty", ...duty };
  const collectivity = collectivityDutyUnstated(claim, passages);
  if (collectivity) return { kind: "collectivityDuty", claimed: collectivity };
  const part = wholeForPart(claim, passages);
  if (part) return { kind: "part", ...part };
  const all = allForSome(claim, passages);
  if (all)
    return {
      kind: all
        .split(/\s+/)
        .slice(0, 2)
        .some((w) => MOST.has(fold(w)))
        ? "most"
        : "all",
      words: all,
    };
  const planned = plannedAsDone(claim, passages);
  if (planned) return { kind: "planned", quote: planned };
  return null;
}
