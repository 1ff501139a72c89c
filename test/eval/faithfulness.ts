/**
 * Faithfulness evaluation: a scripted fake model (`test/helpers/fake-ollama.ts`, real Ollama HTTP API) answers
 * chat questions and writes draft sections from the passages it is given, lying on purpose in known ways — an
 * invented figure, a citation to no passage, a claim found in no passage, a true figure attached to the wrong
 * thing — or answering correctly. The verification (`server/verify/`) must flag the scripted sentence, and only
 * it: detection recall per kind of lie, and false flags on correct answers.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { answer } from "../../server/answers/answer.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import { createDraft, prepareDraft } from "../../server/drafting/drafts.ts";
import { createEngine, type Engine } from "../../server/engine.ts";
import { extractFigures, type Figure } from "../../server/verify/figures.ts";
import { splitSentences, unwrap, type Verification, withoutReferences } from "../../server/verify/index.ts";
import { type ChatRequestLog, type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { type EvalQuestion, loadQuestions } from "./evaluate.ts";
import { needsFigure, REALISTIC, type RealisticKind, realisticVariants } from "./realistic-answers.ts";

/**
 * The kinds of cases: scripted lies, correct answers quoting or lightly rewording the passages (`correct`), and
 * correct answers as a real model writes them (`REALISTIC`: paraphrases, figures written otherwise, syntheses…).
 */
export const SCENARIOS = [
  "correct",
  "invented-figure",
  "bad-citation",
  "unsupported-claim",
  "swapped-figure",
  ...REALISTIC,
  "contradiction",
  "opposite",
  "swapped-names",
  "moved-year",
] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** The lies the checks must flag. */
export const LIES = [
  "invented-figure",
  "bad-citation",
  "unsupported-claim",
  "swapped-figure",
  "contradiction",
  "opposite",
  "swapped-names",
  "moved-year",
] as const;
/** Whether a kind of case is a correct answer (any flag on it is a false flag). */
export const isCorrect = (s: Scenario) => !(LIES as readonly string[]).includes(s);

export interface FaithCase {
  scenario: Scenario;
  /** How the scripted sentence was made (« value », « noun », « year »… for a swapped figure). */
  variant: string;
  /** The scripted sentence the check must flag (for `correct`: no sentence may be flagged). */
  target: string;
  flagged: boolean;
  /** Sentences flagged besides the target. */
  otherFlags: number;
  reasons: string[];
  /** The passages the model was given (chat), for diagnosis. */
  passages?: Map<number, string>;
  /** The whole prompt and reply, for a replay of the verification without the engine (`FAITH_DUMP`). */
  prompt?: string;
  reply?: string;
}

export interface FaithReport {
  cases: FaithCase[];
  /** Per scenario: cases, detected (target flagged; for `correct`: any flag, a false flag). */
  byScenario: Record<Scenario, { count: number; flagged: number; rate: number }>;
  /** Per `scenario/variant`: cases and detected. */
  byVariant: Record<string, { count: number; flagged: number }>;
  /** With a second pass: what it cost. */
  cost?: PassCost;
}

/** Passages as the model received them, parsed from the prompt: number → body (heading lines dropped). */
export function promptPassages(req: ChatRequestLog): Map<number, string> {
  const prompt = req.messages.map((m) => m.content).join("\n");
  const out = new Map<number, string>();
  for (const m of prompt.matchAll(/^<<<PASSAGE[^\n]*?\[(\d+)\][^\n]*\n([\s\S]*?)\nFIN DU PASSAGE[^\n]*?\[\1\]/gm)) {
    const body = m[2]!
      .split("\n")
      .filter((l) => !/^(Document|Section) :/.test(l))
      .join("\n");
    out.set(Number(m[1]), body);
  }
  return out;
}

/** The question of a chat request, or the question of a briefing note, or else the section to write. */
export function promptQuestion(req: ChatRequestLog): string | null {
  const prompt = req.messages.map((m) => m.content).join("\n");
  const asked = /^(?:Question|Question posée) : (.+)$/m.exec(prompt)?.[1];
  if (asked) return asked.trim();
  const section = /^Section à rédiger : « (.+) »$/m.exec(prompt)?.[1];
  return section ? `Que retenir sur « ${section} »` : null;
}

/** Plain, quotable sentences of a passage (no Markdown line, 40–260 characters). */
function quotable(text: string): string[] {
  return unwrap(text)
    .split("\n")
    .filter((l) => l.trim() && !/^\s*([#|>]|[-*•]\s|\d+[.)]\s)/.test(l))
    .flatMap((l) => splitSentences(l))
    .map((s) => s.replace(/\*\*|__|`/g, "").trim())
    .filter((s) => s.length >= 40 && s.length <= 260 && /[.!?»)]$/.test(s) && !/\[\d+\]/.test(s));
}

const hasQuantity = (s: string) =>
  extractFigures(s).some((f) => f.kind === "amount" || f.kind === "percent" || f.kind === "number");

/** A deterministic pick. */
const pick = <T>(list: T[], seed: number): T | undefined => (list.length ? list[seed % list.length] : undefined);

const QUANTITY_KINDS = new Set(["amount", "percent", "number"]);
const quantities = (s: string) => extractFigures(s).filter((f) => QUANTITY_KINDS.has(f.kind));
const digitsOf = (raw: string) => /\d[\d  ,.]*\d|\d/.exec(raw)?.[0]?.trim();
const numberOf = (digits: string) => Number(digits.replace(/[  ]/g, "").replace(",", "."));

/** A variant of a scripted lie or of a correct answer: its name and the sentence it writes, or null when it does not apply. */
type Variant = [name: string, make: () => string | null];

/**
 * The first variant, from `seed` on, that applies to one of the candidate sentences (from `seed` on too): each
 * variant is tried on every sentence before the next variant, so that the variants stay balanced.
 */
function firstAcross<T>(
  candidates: T[],
  variantsOf: (c: T) => Variant[],
  seed: number,
  variantSeed: number,
): { chosen: T; variant: string; text: string } | null {
  if (!candidates.length) return null;
  const lists = candidates.map((c) => variantsOf(c));
  const count = lists[0]!.length;
  for (let v = 0; v < count; v++)
    for (let i = 0; i < candidates.length; i++) {
      const k = (seed + i) % candidates.length;
      const [variant, make] = lists[k]![(variantSeed + v) % count]!;
      const text = make();
      if (text) return { chosen: candidates[k]!, variant, text };
    }
  return null;
}

/** Invented figures: far from the true one, close to it, a year, a scale (« millions » → « milliards »). */
function inventVariants(sentence: string, passagesText: string): Variant[] {
  const f = quantities(sentence)[0];
  const digits = f && digitsOf(f.raw);
  const value = digits ? numberOf(digits) : Number.NaN;
  const replaceDigits = (to: string) => (f && digits ? sentence.replace(f.raw, f.raw.replace(digits, to)) : null);
  const absent = (v: string) => !passagesText.includes(v);
  return [
    ["far", () => (digits ? replaceDigits(String(Math.round(value * 3 + 7))) : null)],
    [
      "near",
      () => {
        if (!digits || !Number.isFinite(value)) return null;
        const near = value >= 1000 ? String(Math.round(value * 1.1)) : String(Math.round(value) + 3);
        return absent(near) ? replaceDigits(near.replace(".", ",")) : null;
      },
    ],
    [
      "year",
      () => {
        // A year the sentence states, not the date of a source reference (references are not checked).
        const y = extractFigures(withoutReferences(sentence)).find((x) => x.kind === "year");
        if (!y) return null;
        const to = String(y.value + 3);
        return absent(to) ? sentence.replace(y.raw, to) : null;
      },
    ],
    [
      "scale",
      () =>
        /\bmillions?\b/.test(f?.raw ?? "") ? sentence.replace(f!.raw, f!.raw.replace(/millions?/, "milliards")) : null,
    ],
  ];
}

/**
 * Names of one word standing alone in a sentence, past its first word and not after a full stop or a colon
 * (« Munich », « DINUM », « Gendarmerie »; not « Microsoft » of « Microsoft Teams »).
 */
const namesIn = (s: string) =>
  [
    ...s.matchAll(
      /(?<=[^.:;!?»(]\s(?:la |le |les |l['’]|d['’]|de |du |des )?)(\p{Lu}[\p{L}-]{2,})(?![\p{L}\d-]|\s+\p{Lu}|\s+\d)/gu,
    ),
  ]
    .filter((m) => !/\p{Lu}[\p{L}-]*\s+$/u.test(s.slice(0, m.index)))
    .map((m) => m[1]!)
    .filter(
      (w) => !/^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)$/i.test(w),
    );

/** What a figure counts in a sentence (« 80 000 postes », « 97 % du parc »): the noun and where it is. */
function countedNoun(s: string, f: Figure): { noun: string; at: number } | null {
  const at = s.indexOf(f.raw);
  if (at < 0) return null;
  const rest = s.slice(at + f.raw.length);
  if (f.kind === "amount") return null;
  const m = (
    f.kind === "percent"
      ? /^\s+(?:des|du|de la|de l['’]|de|d['’])\s*(\p{Ll}{4,})(?![\p{L}])/u
      : /^\s+(\p{Ll}{4,})(?![\p{L}])/u
  ).exec(rest);
  if (
    !m ||
    !/^\p{Ll}{3,}[sx]$/u.test(m[1]!) ||
    /ent$/.test(m[1]!) ||
    /^(environ|près|plus|moins|seulement|fois|entre|pour|dans|selon|avec|après|avant|depuis|jusqu|pendant|contre|sans|sous|vers|chez|dont|soit|puis|mais|alors|jamais|toujours|parmi|ailleurs|millions?|milliards?|mille)$/.test(
      m[1]!,
    )
  )
    return null;
  return { noun: m[1]!, at: at + f.raw.length + m[0].length - m[1]!.length };
}

/**
 * Swapped figures: a true figure of the passages attached to the wrong thing — another figure's value in the place
 * of this one (preferably from the same passage), two figures of the sentence exchanged, the noun a figure counts
 * replaced by what another figure counts, the year or the organisation beside a figure replaced by another of the
 * passages.
 */
function swapVariants(sentence: string, same: string[], others: string[], passagesText: string): Variant[] {
  // Quantities that measure something: amounts, shares, counts of a thing (not « section 702 »).
  const qs = quantities(sentence).filter((x) => x.kind !== "number" || countedNoun(sentence, x));
  const f = qs.find((x) => x.kind === "amount" || x.kind === "percent") ?? qs[0];
  const otherText = [...same, ...others].join(" ");
  return [
    [
      "value",
      () => {
        if (!f) return null;
        for (const o of [...same, ...others]) {
          const g = quantities(o).find(
            (x) => x.kind === f.kind && Math.abs(x.value - f.value) > 1e-9 && !sentence.includes(x.raw),
          );
          if (!g) continue;
          // Still a lie: the new figure with the words that follow it is not written so in the passages.
          const changed = sentence.replace(f.raw, g.raw);
          const at = changed.indexOf(g.raw);
          if (!passagesText.includes(changed.slice(at, at + g.raw.length + 15))) return changed;
        }
        return null;
      },
    ],
    [
      "exchange",
      () => {
        for (let i = 0; i < qs.length; i++)
          for (let j = i + 1; j < qs.length; j++) {
            const [a, b] = [qs[i]!, qs[j]!];
            if (a.kind !== b.kind || Math.abs(a.value - b.value) < 1e-9) continue;
            const ia = sentence.indexOf(a.raw);
            const ib = sentence.indexOf(b.raw, ia + a.raw.length);
            if (ia < 0 || ib < 0) continue;
            const between = sentence.slice(ia + a.raw.length, ib);
            if (between.trim().split(/\s+/).length < 3) continue; // a range « 5 à 13 % » stays a range
            return sentence.slice(0, ia) + b.raw + between + a.raw + sentence.slice(ib + b.raw.length);
          }
        return null;
      },
    ],
    [
      "noun",
      () => {
        for (const x of qs) {
          const c = countedNoun(sentence, x);
          if (!c) continue;
          for (const o of [...same, ...others])
            for (const y of quantities(o)) {
              const d = countedNoun(o, y);
              if (d && d.noun !== c.noun && !sentence.includes(d.noun) && d.noun.slice(0, 4) !== c.noun.slice(0, 4)) {
                const changed = sentence.slice(0, c.at) + d.noun + sentence.slice(c.at + c.noun.length);
                // Still a lie: the figure is not said of that noun anywhere in the passages.
                if (!passagesText.includes(changed.slice(c.at - x.raw.length - 5, c.at + d.noun.length)))
                  return changed;
              }
            }
        }
        return null;
      },
    ],
    [
      "year",
      () => {
        if (!qs.length) return null;
        // A year the sentence states, not the date of a source reference « (Wikipedia, 2025) ».
        const y = extractFigures(withoutReferences(sentence)).find((x) => x.kind === "year");
        const to =
          y &&
          extractFigures(withoutReferences(otherText)).find(
            (x) => x.kind === "year" && x.value !== y.value && !sentence.includes(x.raw),
          );
        return y && to ? sentence.replace(y.raw, to.raw) : null;
      },
    ],
    [
      "name",
      () => {
        if (!qs.length) return null;
        // A name in the statement of a figure (up to a semicolon), not inside a longer name (« Caisse nationale
        // d'Assurance maladie », « Salon des maires »).
        const statement = withoutReferences(sentence.split(";").find((part) => quantities(part).length) ?? "");
        const mine = namesIn(statement).filter(
          (n) =>
            !new RegExp(`(?:d['’]|\\bde |\\bdes |\\bdu |\\bde l['’]|\\bde la )${n}|${n} (?:de|des|du|d['’])`, "u").test(
              statement,
            ),
        );
        const theirs = [...new Set([...same, ...others].flatMap(namesIn))].filter((n) => !sentence.includes(n));
        const from = mine[0];
        const to = theirs.find((n) => n.slice(0, 4) !== from?.slice(0, 4));
        return from && to ? sentence.replace(from, to) : null;
      },
    ],
  ];
}

/** Correct answers, as a model writes them: verbatim, with an opening, figures written differently, rounded, two sentences merged. */
function correctVariants(
  second: { n: number; s: string },
  next: { n: number; s: string } | undefined,
  previous: { n: number; s: string } | undefined,
): Variant[] {
  const s = second.s;
  const lower = (t: string) =>
    /^\p{Lu}\p{Ll}/u.test(t) && !/^\p{Lu}\p{Ll}+\s\p{Lu}/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
  return [
    ["verbatim", () => s],
    [
      // « En 2021, la Gendarmerie comptait… » for « La Gendarmerie comptait … en 2021 »: the year moved to the front.
      "year-first",
      () => {
        const m = / en (\d{4})(?=[ ,.])/.exec(s);
        if (!m || !quantities(s).length) return null;
        return `En ${m[1]}, ${lower(s.slice(0, m.index) + s.slice(m.index + m[0].length))}`;
      },
    ],
    [
      // The first statement only, without its source reference.
      "trimmed",
      () => {
        const t = withoutReferences(s)
          .split(/ ; | : /)[0]!
          .replace(/\s+([.,])/g, "$1")
          .trim();
        return t !== s && t.length >= 30 && (quantities(t).length || namesIn(t).length)
          ? `${t.replace(/[.,;:]?$/, "")}.`
          : null;
      },
    ],
    [
      // « Elle économise… » after « La Gendarmerie a migré… »: the model names who the pronoun stands for.
      "subject",
      () => {
        const pronoun = /^(Elle|Il|Elles|Ils) /.exec(s);
        const name = previous?.n === second.n ? namesIn(` ${previous.s}`)[0] : undefined;
        return pronoun && name && quantities(s).length ? `${name} ${s.slice(pronoun[0].length)}` : null;
      },
    ],
    ["opening", () => `D'après le corpus, ${lower(s)}`],
    [
      "format",
      () => {
        const t = s.replace(/(\d) millions d['’]\s?euros/, "$1 M€").replace(/(\d) ?%(?! ?des?\b)/, "$1 pour cent");
        return t !== s ? t : null;
      },
    ],
    [
      "rounded",
      () => {
        const f = extractFigures(s).find((x) => x.kind === "percent" && !Number.isInteger(x.value));
        return f ? s.replace(f.raw, `${Math.round(f.value)} %`) : null;
      },
    ],
    [
      "merged",
      () =>
        next && next.n === second.n && quantities(s).length && /[.!]$/.test(s)
          ? `${s.slice(0, -1)} ; ${lower(next.s)}`
          : null,
    ],
  ];
}

/**
 * The scripted reply for one scenario, built from the passages of the request; `target` is the sentence to flag,
 * `variant` how it was made. `pool` holds sentences of other documents (claims true elsewhere, absent from these
 * passages).
 */
export function scriptedReply(
  scenario: Scenario,
  passages: Map<number, string>,
  seed: number,
  pool: string[],
  question: string | null = null,
): { reply: string; target: string; variant: string } | null {
  const numbers = [...passages.keys()];
  if (numbers.length === 0) return null;
  const first = passages.get(numbers[0]!)!;
  const sentencesOf = (n: number) => quotable(passages.get(n) ?? "");
  const all = numbers.flatMap((n) => sentencesOf(n).map((s) => ({ n, s })));
  const leadFirst = pick(sentencesOf(numbers[0]!), seed);
  const leadAny = leadFirst ? { n: numbers[0]!, s: leadFirst } : pick(all, seed);
  if (!leadAny) return null;
  const lead = leadAny.s;
  const intro = `${lead} [${leadAny.n}]`;
  const passagesText = Array.from(passages.values()).join("\n");
  // Variants turn independently of the scenario's turn (drafts give each scenario every fifth seed).
  const variantSeed = seed + Math.floor(seed / SCENARIOS.length);
  const make = (variant: string, target: string) => ({ reply: `${intro} ${target}`, target, variant });
  if ((REALISTIC as readonly string[]).includes(scenario)) {
    const kind = scenario as RealisticKind;
    // Every other answer states a figure, as for `correct`; the kinds on figures always do.
    const withFigures = all.filter((x) => hasQuantity(x.s));
    const candidates = needsFigure(kind) || (seed % 2 && withFigures.length) ? withFigures : all;
    const v = firstAcross(candidates, (c) => realisticVariants(kind, c, all, question, seed), seed + 1, variantSeed);
    // The whole reply is the realistic answer: any sentence flagged in it is a false flag.
    return v ? { reply: v.text, target: v.text, variant: v.variant } : null;
  }
  switch (scenario) {
    case "correct": {
      const rest = all.filter((x) => x.s !== lead);
      // Every other answer states a figure: the checks of figures are where false flags come from.
      const withFigures = rest.filter((x) => hasQuantity(x.s));
      const candidates = seed % 2 && withFigures.length ? withFigures : rest;
      if (!candidates.length) return { reply: intro, target: intro, variant: "verbatim" };
      const v = firstAcross(
        candidates,
        (c) => correctVariants(c, all[all.indexOf(c) + 1], all[all.indexOf(c) - 1]),
        seed + 1,
        variantSeed,
      );
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "bad-citation": {
      const target = `${pick(all, seed + 2)!.s} [${Math.max(...numbers) + 3 + (seed % 5)}]`;
      return make("missing-passage", target);
    }
    case "invented-figure": {
      const withFigure = all.filter((x) => hasQuantity(x.s));
      const v = firstAcross(withFigure, (c) => inventVariants(c.s, passagesText), seed, variantSeed);
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "swapped-figure": {
      const withFigure = all.filter((x) => quantities(x.s).length > 0);
      const v = firstAcross(
        withFigure,
        (c) =>
          swapVariants(
            c.s,
            all.filter((x) => x.n === c.n && x.s !== c.s).map((x) => x.s),
            all.filter((x) => x.n !== c.n).map((x) => x.s),
            passagesText,
          ).map(([name, f]): Variant => [name, () => ((t) => (t === c.s ? null : t))(f())]),
        seed,
        variantSeed,
      );
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "unsupported-claim": {
      const folded = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      const here = folded(passagesText);
      const foreign = pool.filter((s) => !hasQuantity(s) && !here.includes(folded(s).slice(0, 40)));
      const claim = pick(foreign, seed * 7 + first.length);
      if (!claim) return null;
      return make("other-document", `${claim} [${numbers[seed % numbers.length]}]`);
    }
    case "contradiction": {
      const v = firstAcross(all, (c) => contradictionVariants(c.s), seed, variantSeed);
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "opposite": {
      const v = firstAcross(all, (c) => oppositeVariants(c.s), seed, variantSeed);
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "swapped-names": {
      const v = firstAcross(all, (c) => swappedNamesVariants(c.s, passagesText), seed, variantSeed);
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    case "moved-year": {
      const v = firstAcross(
        all,
        (c) =>
          movedYearVariants(
            c.s,
            all.filter((x) => x.n === c.n && x.s !== c.s).map((x) => x.s),
          ),
        seed,
        variantSeed,
      );
      return v ? make(v.variant, `${v.text} [${v.chosen.n}]`) : null;
    }
    default:
      return null;
  }
}

/** A negation in a sentence of a passage (« n'est pas », « ne peut pas », « jamais », « aucun »). */
const NEGATED_SENTENCE =
  /(?<!\p{L})(?:ne|n['’])\s?\p{L}+(?:\s\p{L}+)?\s(?:pas|plus|jamais)(?!\p{L})|(?<!\p{L})(?:jamais|aucune?)(?!\p{L})/u;

/**
 * A sentence of a passage made to say the opposite: its negation removed (« n'est pas » → « est »), or a negation
 * added to its first verb (« est » → « n'est pas »).
 */
function contradictionVariants(sentence: string): Variant[] {
  const s = sentence.replace(/[.!?]$/, "");
  const negated = NEGATED_SENTENCE.test(s);
  const changed = (t: string) => (t !== s ? t : null);
  return [
    [
      "affirmed",
      () =>
        negated
          ? changed(
              s
                .replace(/(?<!\p{L})n['’](\p{L}+) (?:pas|plus|jamais)(?!\p{L})/u, "$1")
                .replace(/(?<!\p{L})ne (\p{L}+(?:['’]\p{L}+)?) (?:pas|plus|jamais)(?!\p{L})/u, "$1"),
            )
          : null,
    ],
    [
      "denied",
      () => {
        if (negated) return null;
        const m =
          /(?<=\p{L}\s)(est|sont|a|ont|peut|peuvent|doit|doivent|permet|permettent|reste|restent|concerne|concernent|impose|imposent|oblige|obligent)(?=\s)/u.exec(
            s,
          );
        if (!m) return null;
        const verb = m[1]!;
        const not = /^[aeiouy]/.test(verb) ? `n'${verb} pas` : `ne ${verb} pas`;
        return changed(s.slice(0, m.index) + not + s.slice(m.index + verb.length));
      },
    ],
  ];
}

/**
 * Words a model may turn into their opposite without any negation (« protégées » → « exposées », « autorise » →
 * « interdit », « hausse » → « baisse »), by kind of word. Written for the lie, apart from the verification's own list
 * (`server/i18n/fr/antonyms.txt`), so that the recall measures that list's coverage.
 */
const OPPOSITES: Record<string, [string, string][]> = {
  adjective: [
    ["obligatoire", "facultatif"],
    ["obligatoires", "facultatives"],
    ["facultatif", "obligatoire"],
    ["gratuit", "payant"],
    ["gratuite", "payante"],
    ["gratuits", "payants"],
    ["libre", "propriétaire"],
    ["libres", "propriétaires"],
    ["propriétaire", "libre"],
    ["propriétaires", "libres"],
    ["européen", "américain"],
    ["européenne", "américaine"],
    ["européens", "américains"],
    ["européennes", "américaines"],
    ["américain", "européen"],
    ["américaine", "européenne"],
    ["américains", "européens"],
    ["américaines", "européennes"],
    ["protégées", "exposées"],
    ["protégé", "exposé"],
    ["protégés", "exposés"],
    ["protégée", "exposée"],
    ["ouvert", "fermé"],
    ["ouverte", "fermée"],
    ["ouverts", "fermés"],
    ["ouvertes", "fermées"],
    ["favorable", "défavorable"],
    ["élevé", "faible"],
    ["élevés", "faibles"],
    ["élevée", "faible"],
    ["supérieur", "inférieur"],
    ["supérieure", "inférieure"],
    ["première", "dernière"],
    ["premier", "dernier"],
    ["premières", "dernières"],
    ["premiers", "derniers"],
    ["interne", "externe"],
    ["internes", "externes"],
    ["publics", "privés"],
    ["publiques", "privées"],
    ["simple", "complexe"],
    ["facile", "difficile"],
    ["possible", "impossible"],
    ["légal", "illégal"],
    ["légale", "illégale"],
  ],
  verb: [
    ["autorise", "interdit"],
    ["autorisent", "interdisent"],
    ["interdit", "autorise"],
    ["augmente", "diminue"],
    ["augmentent", "diminuent"],
    ["diminue", "augmente"],
    ["adopté", "rejeté"],
    ["adoptée", "rejetée"],
    ["adoptés", "rejetés"],
    ["abandonné", "adopté"],
    ["abandonnée", "adoptée"],
    ["accepté", "refusé"],
    ["acceptée", "refusée"],
    ["refusé", "accepté"],
    ["maintenu", "supprimé"],
    ["maintenue", "supprimée"],
    ["supprimé", "maintenu"],
    ["renforce", "affaiblit"],
    ["renforcer", "affaiblir"],
    ["réduire", "augmenter"],
    ["quitter", "rejoindre"],
    ["quitté", "rejoint"],
    ["réussi", "échoué"],
  ],
  noun: [
    ["hausse", "baisse"],
    ["hausses", "baisses"],
    ["baisse", "hausse"],
    ["augmentation", "diminution"],
    ["réduction", "augmentation"],
    ["économies", "surcoûts"],
    ["gains", "pertes"],
    ["succès", "échec"],
    ["échec", "succès"],
    ["majorité", "minorité"],
    ["dépendance", "indépendance"],
    ["début", "fin"],
    ["sortie", "entrée"],
  ],
};

/** A sentence of a passage with one word turned into its opposite (the first of a kind of word it holds), no negation. */
function oppositeVariants(sentence: string): Variant[] {
  const s = sentence.replace(/[.!?]$/, "");
  return Object.entries(OPPOSITES).map(
    ([kind, pairs]): Variant => [
      kind,
      () => {
        for (const [from, to] of pairs) {
          const m = new RegExp(`(?<![\\p{L}'’-])${from}(?![\\p{L}'’-])`, "iu").exec(s);
          if (!m) continue;
          const word = /^\p{Lu}/u.test(m[0]) ? to[0]!.toUpperCase() + to.slice(1) : to;
          return s.slice(0, m.index) + word + s.slice(m.index + m[0].length);
        }
        return null;
      },
    ],
  );
}

/**
 * Two names of a sentence of a passage exchanged (« Munich a choisi LiMux, Vienne WienUX » for « Munich a choisi
 * WienUX, Vienne LiMux »): both still named by the passage, each now paired with the other's partner. Names three
 * words apart at least, not coordinated (« la DINUM et l'ANSSI » exchanged says the same).
 */
function swappedNamesVariants(sentence: string, passagesText: string): Variant[] {
  const s = sentence.replace(/[.!?]$/, "");
  return [
    [
      "names",
      () => {
        const names = [...new Set(namesIn(withoutReferences(s)))];
        for (let i = 0; i < names.length; i++)
          for (let j = i + 1; j < names.length; j++) {
            const [a, b] = [names[i]!, names[j]!];
            if (a.slice(0, 4) === b.slice(0, 4) || a.includes(b) || b.includes(a)) continue;
            const ia = s.search(new RegExp(`(?<![\\p{L}])${a}(?![\\p{L}])`, "u"));
            const ib = s.search(new RegExp(`(?<![\\p{L}])${b}(?![\\p{L}])`, "u"));
            if (ia < 0 || ib <= ia) continue;
            const between = s.slice(ia + a.length, ib);
            if (between.trim().split(/\s+/).length < 3 || /^\W*(?:et|ou|,)\W/u.test(between.trim())) continue;
            const t = s.slice(0, ia) + b + between + a + s.slice(ib + b.length);
            if (!passagesText.includes(t)) return t;
          }
        return null;
      },
    ],
  ];
}

/**
 * A year of a sentence of a passage that states no quantity replaced by another year of the same passage, said there
 * of another event (« Le RGI existe depuis 2012 » where 2012 is the year of a circular and the RGI dates from 2009).
 */
function movedYearVariants(sentence: string, samePassage: string[]): Variant[] {
  return [
    [
      "same-passage",
      () => {
        const stated = withoutReferences(sentence);
        if (quantities(stated).length) return null;
        // A year of the sentence's own statement: not the date of a reference in brackets, nor a version
        // (« Outlook 2019 »).
        const y = extractFigures(stated).find(
          (x) =>
            x.kind === "year" &&
            !new RegExp(`\\([^()]*${x.raw}[^()]*\\)`).test(stated) &&
            !new RegExp(`\\p{Lu}[\\p{L}-]*\\s+${x.raw}`, "u").test(stated),
        );
        if (!y) return null;
        const other = samePassage
          .flatMap((o) => extractFigures(withoutReferences(o)))
          .find((x) => x.kind === "year" && x.value !== y.value && !sentence.includes(x.raw));
        return other ? sentence.replace(y.raw, other.raw) : null;
      },
    ],
  ];
}

/** Whether the verification flags a sentence (by its text). */
function flaggedSentence(
  v: Verification | null,
  target: string,
): { flagged: boolean; others: number; reasons: string[] } {
  const bad = (v?.sentences ?? []).filter((s) => s.status === "unsupported" || s.status === "invalid-citation");
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const hit = bad.filter((s) => norm(target).includes(norm(s.text)) || norm(s.text).includes(norm(target)));
  return {
    flagged: hit.length > 0,
    others: bad.length - hit.length,
    reasons: (hit.length ? hit : bad).flatMap((s) =>
      hit.length && !process.env.FAITH_PASSAGES
        ? s.reasons
        : [`« ${s.text.slice(0, 400)} » (${s.citations})`, ...s.reasons],
    ),
  };
}

function report(cases: FaithCase[]): FaithReport {
  const byScenario = Object.fromEntries(
    SCENARIOS.map((s) => {
      const list = cases.filter((c) => c.scenario === s);
      const flagged = list.filter((c) => (isCorrect(s) ? c.flagged || c.otherFlags > 0 : c.flagged)).length;
      return [s, { count: list.length, flagged, rate: flagged / Math.max(1, list.length) }];
    }),
  ) as FaithReport["byScenario"];
  const byVariant: FaithReport["byVariant"] = {};
  for (const c of cases) {
    const v = (byVariant[`${c.scenario}/${c.variant}`] ??= { count: 0, flagged: 0 });
    v.count++;
    if (isCorrect(c.scenario) ? c.flagged || c.otherFlags > 0 : c.flagged) v.flagged++;
  }
  return { cases, byScenario, byVariant };
}

/** Sentences of other documents, as claims absent from a given question's passages. */
async function claimPool(engine: Engine, questions: EvalQuestion[]): Promise<string[]> {
  const pool: string[] = [];
  for (const q of questions.slice(0, 40)) {
    const { results } = await engine.retriever.search(q.question, 2);
    for (const r of results) pool.push(...quotable(r.text).filter((s) => /\p{Lu}/u.test(s.slice(1))));
  }
  return [...new Set(pool)];
}

/** Chat: `perScenario` answered questions per scenario. */
export async function evaluateChatFaithfulness(
  engine: Engine,
  fake: FakeOllama,
  questions: EvalQuestion[],
  perScenario: number,
  secondPass?: SecondPass,
): Promise<FaithReport> {
  const pool = await claimPool(engine, [...questions].reverse());
  const cases: FaithCase[] = [];
  const used = new Set<string>();
  const options = {
    numCtx: engine.config.numCtx,
    maxAnswerTokens: engine.config.maxAnswerTokens,
    idleTimeoutMs: engine.config.idleTimeoutMs,
    verifyWithModel: secondPass !== undefined && !secondPass.off,
  };
  const cost: PassCost = { answers: 0, sentences: 0, judgeCalls: 0, judgePromptTokens: 0, ms: 0 };
  for (const [si, scenario] of SCENARIOS.entries()) {
    if (secondPass?.scenarios && !secondPass.scenarios.includes(scenario)) continue;
    const wanted =
      secondPass?.perRealistic !== undefined && (REALISTIC as readonly string[]).includes(scenario)
        ? secondPass.perRealistic
        : perScenario;
    let done = 0;
    for (let qi = 0; qi < questions.length && done < wanted; qi++) {
      const q = questions[(qi * 7 + si * 13) % questions.length]!;
      let target: string | null = null;
      let variant = "";
      let passages = new Map<number, string>();
      let prompt = "";
      let reply = "";
      fake.set({
        reply: (req) => {
          // The second pass asks the same model whether the passages support a sentence: the scripted judge answers.
          const judged = judgedSentence(req);
          if (judged !== null && secondPass) {
            calls++;
            tokens += Math.ceil(req.messages.reduce((n, m) => n + m.content.length, 0) / 4);
            const norm = (x: string) => x.replace(/\s+/g, " ").trim();
            const lie = !isCorrect(scenario) && target !== null && norm(target).includes(norm(judged));
            return secondPass.judge(judged, lie);
          }
          passages = promptPassages(req);
          prompt = req.messages.map((m) => m.content).join("\n");
          const scripted = scriptedReply(scenario, passages, qi + si, pool, promptQuestion(req));
          target = scripted?.target ?? null;
          variant = scripted?.variant ?? "";
          // A sentence already taken gives no case (below): the model says it does not know rather than have a whole
          // answer checked for nothing (most of the cost of this loop is the check of answers).
          reply = scripted && !used.has(scripted.target) ? scripted.reply : "Je ne sais pas.";
          return reply;
        },
      });
      let verification: Verification | null = null;
      let calls = 0;
      let tokens = 0;
      const started = performance.now();
      for await (const e of answer(
        [{ role: "user", content: q.question }],
        engine,
        options,
        new AbortController().signal,
      )) {
        if (e.type === "done") verification = e.verification;
      }
      const ms = performance.now() - started;
      if (!target || !verification || used.has(target)) continue;
      // The cost of the answers the model wrote (not of abstentions, which call no model).
      cost.answers++;
      cost.ms += ms;
      cost.judgeCalls += calls;
      cost.judgePromptTokens += tokens;
      cost.sentences += verification.counts.sentences;
      used.add(target);
      const f = flaggedSentence(verification, target);
      cases.push({
        scenario,
        variant,
        target,
        flagged: f.flagged,
        otherFlags: f.others,
        reasons: f.reasons,
        passages,
        prompt,
        reply,
      });
      done++;
    }
  }
  return { ...report(cases), cost };
}

/** What the second pass cost over a run: answers, calls to the judge, prompt tokens sent to it, time in ms. */
export interface PassCost {
  answers: number;
  /** Sentences of these answers. */
  sentences: number;
  judgeCalls: number;
  judgePromptTokens: number;
  ms: number;
}

/**
 * The model's second pass (`VERIFY_WITH_MODEL`, `server/verify/model-check.ts`) scripted: `judge` gets each sentence
 * the model is asked about and whether it is the scripted lie, and returns the model's reply (JSON, or anything).
 */
export interface SecondPass {
  judge: (sentence: string, lie: boolean) => string;
  /** Only these kinds of cases (all by default). */
  scenarios?: readonly Scenario[];
  /** The same cases without the pass (to time them). */
  off?: boolean;
  /**
   * Cases per kind of realistic correct answer (`perScenario` by default): the test suite's slice asks fewer of each
   * of the twelve kinds than of each lie. They come after the lies the test asserts on, whose cases stay the same.
   */
  perRealistic?: number;
}

/** The sentence a second-pass prompt asks about (`prompts/fr/verify.md`), or null for another request. */
export function judgedSentence(req: ChatRequestLog): string | null {
  const prompt = req.messages.map((m) => m.content).join("\n");
  return /Phrase à vérifier :\s*«\s([\s\S]*?)\s»\s*\n/.exec(prompt)?.[1] ?? null;
}

/**
 * Drafts: each generated section gets one scenario, in turn, until `perScenario` each. `inputs` are draft request
 * files (the example documents) or request bodies (briefing notes on the eval's questions, for passages of every
 * part of the corpus).
 */
export async function evaluateDraftFaithfulness(
  engine: Engine,
  fake: FakeOllama,
  inputFiles: (string | object)[],
  perScenario: number,
  maxDrafts = 40,
): Promise<FaithReport> {
  const pool: string[] = [];
  for (const q of [
    "CLOUD Act mairie",
    "Gendarmerie Linux économies",
    "Munich LiMux retour Windows",
    "séminaire 8 avril 2026 décisions",
    "Lyon suite collaborative",
    "Schleswig-Holstein messagerie",
    "VMware Broadcom prix",
    "Échirolles label",
    "CNAM Tchap Visio",
    "Danemark ministère",
  ]) {
    const { results } = await engine.retriever.search(q, 3);
    for (const r of results) pool.push(...quotable(r.text));
  }
  const cases: FaithCase[] = [];
  const counts = new Map<Scenario, number>(SCENARIOS.map((s) => [s, 0]));
  const used = new Set<string>();
  const scriptedCount = new Map<Scenario, number>();
  let turn = 0;
  let rounds = 0;
  for (let round = 0; round < maxDrafts && [...counts.values()].some((n) => n < perScenario); round++) {
    rounds++;
    const file = inputFiles[round % inputFiles.length]!;
    const body = typeof file === "string" ? JSON.parse(await readFile(file, "utf8")) : file;
    const prepared = await prepareDraft(engine, body);
    // The model is asked while its section is being written: the section announced last. Template sections are
    // verified too, so verifications are matched to scripted replies by section key, not by order.
    const scripted: {
      key: string;
      scenario: Scenario;
      variant: string;
      target: string;
      passages: Map<number, string>;
      prompt: string;
      reply: string;
    }[] = [];
    let current = "";
    fake.set({
      reply: (req) => {
        // The scenario with the fewest cases that gives a sentence not scripted yet (each sentence counts once: the
        // cases stay varied; sections whose passages hold no figure cannot take a figure scenario).
        const passages = promptPassages(req);
        const start = turn++;
        const order = SCENARIOS.map((_, i) => SCENARIOS[(start + i) % SCENARIOS.length]!).sort(
          (x, y) => (scriptedCount.get(x) ?? 0) - (scriptedCount.get(y) ?? 0),
        );
        for (const scenario of order) {
          if ((scriptedCount.get(scenario) ?? 0) >= perScenario) continue;
          const s = scriptedReply(scenario, passages, start + round, pool, promptQuestion(req));
          // Each sentence counts once per kind (a lie and a correct answer may start from the same sentence).
          if (!s || used.has(`${scenario}\u0000${s.target}`)) continue;
          used.add(`${scenario}\u0000${s.target}`);
          scriptedCount.set(scenario, (scriptedCount.get(scenario) ?? 0) + 1);
          scripted.push({
            key: current,
            scenario,
            variant: s.variant,
            target: s.target,
            passages,
            prompt: req.messages.map((m) => m.content).join("\n"),
            reply: s.reply,
          });
          return s.reply;
        }
        return "Les passages fournis ne permettent pas de rédiger cette section.";
      },
    });
    const verifications = new Map<string, Verification>();
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
      if (e.type === "section") current = e.key;
      if (e.type === "verification") verifications.set(e.key, e.verification);
    }
    scripted.forEach((s) => {
      const verification = verifications.get(s.key);
      if (!s.target || !verification) return;
      const f = flaggedSentence(verification, s.target);
      cases.push({
        scenario: s.scenario,
        variant: s.variant,
        target: s.target,
        flagged: f.flagged,
        otherFlags: f.others,
        reasons: f.reasons,
        passages: s.passages,
        prompt: s.prompt,
        reply: s.reply,
      });
      counts.set(s.scenario, (counts.get(s.scenario) ?? 0) + 1);
    });
  }
  if (process.env.FAITH_SHOW) console.log(`(documents : ${rounds} brouillons rédigés)`);
  return report(cases);
}

export interface TemplateReport {
  drafts: number;
  sections: number;
  sentences: number;
  /** Sentences citing a passage (quotations): each checked against the passage it quotes. */
  quotes: number;
  unsupported: { file: string; section: string; text: string; reasons: string[] }[];
}

/**
 * Drafts written without a model (templates: structured data and verbatim quotations): the same verification as
 * generated sections; every sentence it marks « non vérifié » is a false flag unless the corpus qualifies a figure
 * the quotation states without its qualification.
 */
export async function evaluateTemplateSections(engine: Engine, inputFiles: string[]): Promise<TemplateReport> {
  const report: TemplateReport = { drafts: 0, sections: 0, sentences: 0, quotes: 0, unsupported: [] };
  for (const file of inputFiles) {
    const prepared = await prepareDraft(engine, JSON.parse(await readFile(file, "utf8")));
    const titles = new Map<string, string>();
    for await (const e of createDraft(engine, prepared, new AbortController().signal)) {
      if (e.type === "section") titles.set(e.key, e.title);
      if (e.type !== "verification") continue;
      report.sections++;
      report.sentences += e.verification.counts.sentences;
      report.quotes += e.verification.sentences.filter((s) => s.citations.length > 0).length;
      for (const s of e.verification.sentences.filter(
        (x) => x.status === "unsupported" || x.status === "invalid-citation",
      )) {
        report.unsupported.push({
          file: file.split("/").at(-1)!,
          section: titles.get(e.key) ?? e.key,
          text: s.text,
          reasons: s.reasons,
        });
      }
    }
    report.drafts++;
  }
  return report;
}

// ——— The suite on its own: `node test/eval/faithfulness.ts [cases per kind]` (also part of `npm run eval`) ———

/** Detection targets (share of scripted lies flagged; for correct answers, the most false flags). */
export const FAITH_TARGETS: Record<Scenario, number> = {
  "invented-figure": 0.9,
  "bad-citation": 0.9,
  "unsupported-claim": 0.8,
  "swapped-figure": 0.8,
  // Reported, no target yet (a polarity check on clauses: see server/verify/index.ts, `contradicted`).
  contradiction: 0,
  opposite: 0,
  "swapped-names": 0,
  "moved-year": 0,
  correct: 0.1,
  ...(Object.fromEntries(REALISTIC.map((k) => [k, 0.1])) as Record<RealisticKind, number>),
};

/** Cases per kind of lie, for chat and for drafts (the issue asks for at least 40). */
export const FAITH_CASES = 40;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Prints a report in French; whether every target holds. */
export function printFaith(title: string, report: FaithReport, misses = 12): boolean {
  console.log(`\n${title} — ${report.cases.length} cas (faux modèle scripté)`);
  let ok = true;
  for (const s of SCENARIOS) {
    const r = report.byScenario[s];
    const target = FAITH_TARGETS[s];
    const pass = isCorrect(s) ? r.rate <= target : r.rate >= target;
    if (!pass) ok = false;
    const label = isCorrect(s)
      ? `faux signalements ${pct(r.rate)} (objectif ≤ ${pct(target)})`
      : `détection ${pct(r.rate)}${target ? ` (objectif ≥ ${pct(target)})` : ""}`;
    console.log(`  ${s.padEnd(18)} ${String(r.count).padStart(3)} cas, ${label}`);
    const variants = Object.entries(report.byVariant).filter(([k]) => k.startsWith(`${s}/`));
    if (variants.length > 1)
      console.log(
        `  ${"".padEnd(18)} ${variants.map(([k, v]) => `${k.slice(s.length + 1)} ${v.flagged}/${v.count}`).join(", ")}`,
      );
  }
  // `FAITH_SHOW=paraphrase,figures` prints every case of these kinds, flagged or not (to read what was scripted).
  const shown = (process.env.FAITH_SHOW ?? "").split(",");
  for (const c of report.cases.filter((c) => shown.includes(c.scenario)))
    console.log(
      `    [${c.scenario}/${c.variant}${c.flagged || c.otherFlags ? " SIGNALÉ" : ""}] ${c.target.replace(/\n/g, " ⏎ ")}`,
    );
  for (const c of report.cases
    .filter((c) => (isCorrect(c.scenario) ? c.flagged || c.otherFlags : !c.flagged))
    .slice(0, misses)) {
    if (process.env.FAITH_PASSAGES && c.passages)
      for (const [n, text] of c.passages) console.log(`      [${n}] ${text.replace(/\n/g, " ⏎ ")}`);
    console.log(
      `    ${isCorrect(c.scenario) ? "signalé à tort" : "non détecté"} (${c.scenario}/${c.variant}) : ${c.target.slice(0, 160)}${c.reasons.length ? ` — ${c.reasons.join(" ; ")}` : ""}`,
    );
  }
  return ok;
}

export const EXAMPLE_INPUTS = [
  "courrier-linux-quimper",
  "plan-audit-kervallon",
  "note-cloud-act",
  "feuille-de-route-kervallon",
].map((f) => path.resolve(`docs/examples/inputs/${f}.json`));

/** Briefing notes to the mayor of a fictitious commune, one per eval question (every `n`-th, up to `count`). */
export function briefings(questions: EvalQuestion[], count: number): object[] {
  const step = Math.max(1, Math.floor(questions.length / count));
  return questions
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((q) => ({
      type: "briefing",
      inputs: {
        collectivite: { name: "Kervallon", kind: "commune", department: "Finistère", region: "Bretagne" },
        recipient: { name: "Monsieur le Maire", role: "maire de Kervallon" },
        question: q.question,
        author: "Direction des systèmes d'information",
        date: "2026-05-04",
      },
    }));
}

/** One of each list in turn. */
const interleave = <A, B>(a: A[], b: B[]): (A | B)[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]])
    .flat()
    .filter((x): x is A | B => x !== undefined);

/** Chat and drafts against the scripted model, on an indexed data directory; whether every target holds. */
export async function runFaithfulness(
  base: Config,
  dataDir: string,
  answerable: EvalQuestion[],
  perScenario = FAITH_CASES,
  misses = 12,
): Promise<boolean> {
  const fake = await startFakeOllama({ models: [base.llmModel] });
  try {
    const scripted = await createEngine({ ...base, dataDir, ollamaBaseUrl: fake.url });
    try {
      await scripted.models.status(true);
      const chat = await evaluateChatFaithfulness(scripted, fake, answerable, perScenario);
      const drafts = await evaluateDraftFaithfulness(
        scripted,
        fake,
        interleave(EXAMPLE_INPUTS, briefings(answerable, perScenario * 3)),
        perScenario,
        perScenario * 16,
      );
      // `FAITH_DUMP=file.json` keeps every case with its prompt and reply (to replay the checks without the engine).
      if (process.env.FAITH_DUMP)
        await writeFile(
          process.env.FAITH_DUMP,
          JSON.stringify(
            [
              ...chat.cases.map((c) => ({ ...c, mode: "chat" })),
              ...drafts.cases.map((c) => ({ ...c, mode: "drafts" })),
            ],
            (_, v) => (v instanceof Map ? Object.fromEntries(v) : v),
          ),
        );
      const okChat = printFaith("Fidélité des réponses (chat)", chat, misses);
      const okDrafts = printFaith("Fidélité des documents (sections rédigées)", drafts, misses);
      return okChat && okDrafts;
    } finally {
      await scripted.close();
    }
  } finally {
    await fake.close();
  }
}

if (import.meta.main) {
  const perScenario = Number(process.argv[2] ?? FAITH_CASES);
  const { questions } = await loadQuestions();
  const base = loadConfig();
  const dataDir = await mkdtemp(path.join(tmpdir(), "cap-libre-faith-"));
  try {
    const indexer = await createEngine({ ...base, dataDir, ollamaBaseUrl: "http://127.0.0.1:9" });
    await indexer.index();
    await indexer.close();
    const ok = await runFaithfulness(
      base,
      dataDir,
      questions.filter((q) => !q.kind),
      perScenario,
      1000,
    );
    if (!ok) {
      console.log("ÉCHEC : objectifs de fidélité non atteints");
      process.exitCode = 1;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
