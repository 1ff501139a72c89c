/**
 * Correct answers as a real model writes them (Mistral paraphrases; the faithfulness suite's `correct` kind only
 * quotes or lightly rewords): each kind below is true to the passages it cites, so every sentence the verification
 * marks « non vérifié » in it is a false flag. Built by rules from the passages of the request, deterministic.
 * - paraphrase: other verbs and words (« a économisé » ↔ « a permis d'économiser »), active ↔ passive, another order;
 * - figures: the same figure written otherwise (« quarante pour cent », « près de 40 % », « un tiers » for 33 %,
 *   « 2 millions » for « 2 000 000 », « en avril 2026 » for « le 8 avril 2026 »);
 * - synthesis: one sentence citing two passages [1][2], a fact from each;
 * - question: a sentence restating the question;
 * - hedge: « selon le corpus », « d'après les passages fournis », a closing caveat;
 * - list: a bulleted or numbered list, bold labels;
 * - summary: a sentence without figure that sums a passage up;
 * - year-first: the date of a figure moved from the middle of the sentence to its start (« En novembre 2023, Broadcom a
 *   finalisé le rachat … » for « Broadcom a finalisé en novembre 2023 le rachat … »);
 * - two-figures: two figures of one passage in one sentence, one citation;
 * - conversion: a figure written in another unit or scale (« 11 700 000 euros » for « 11,7 millions d'euros »,
 *   « 25 000 € » or « 25 k€ » for « 25 000 euros »);
 * - negation: a sentence that denies or qualifies (« n'est pas confirmé », « aucune source ») reworded, the negation
 *   kept;
 * - paragraph: two or three sentences of a passage with one citation at the end of the paragraph.
 * A « soit » that computes (« 40 %, soit près de la moitié », « 80 000 postes sur 88 000, soit 91 % ») is not among
 * them: a figure the passages do not state is the model's arithmetic, which an elected official cannot source; the
 * check flags it, and a draft that computes says « calcul Cap Libre » (issue #10, item 4).
 */
import { extractFigures, type Figure } from "../../server/verify/figures.ts";
import { withoutReferences } from "../../server/verify/index.ts";

export const REALISTIC = [
  "paraphrase",
  "figures",
  "synthesis",
  "question",
  "hedge",
  "list",
  "summary",
  "year-first",
  "two-figures",
  "conversion",
  "negation",
  "paragraph",
] as const;
export type RealisticKind = (typeof REALISTIC)[number];

/** A variant: its name and the text it writes, or null when it does not apply to the sentence. */
export type Variant = [name: string, make: () => string | null];

export interface Cited {
  n: number;
  s: string;
}

const QUANTITY_KINDS = new Set(["amount", "percent", "number"]);
const quantities = (s: string) => extractFigures(s).filter((f) => QUANTITY_KINDS.has(f.kind));

/** Words that open a sentence without being a name: their capital goes when the sentence is embedded. */
const COMMON_OPENING =
  /^(Le|La|Les|L['’]\p{L}*|Un|Une|Des|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|En|Au|Aux|Depuis|Selon|Dans|Pour|Lors|Dès|Après|Avant|Sur|Entre|À|Si|Mais|On|Son|Sa|Ses|Leur|Leurs|De|Du|D['’]\p{L}*|Par|Avec|Chaque|Plusieurs|Certaines|Certains|Tous|Toutes|C['’]\p{L}*|Cela|Aucune?|Seule?s?|Plus|Moins|Près|Environ|Quelque|Outre|Parmi|Grâce|Face|Quant|Ainsi|Enfin|Toutefois|Cependant|Pourtant|Or|Et|Ou|Une?)$/u;

/** Capitalised words the passages write after a lower-case word: names (set for each request). */
let names = new Set<string>();

/** The first letter in lower case, unless the sentence opens on a name (« Munich a … » stays). */
export const lower = (t: string) => {
  const first = /^[^\s,]+/.exec(t)?.[0] ?? "";
  const name = /^\p{Lu}[\p{Lu}\d]/u.test(first) || (names.has(first) && !COMMON_OPENING.test(first));
  return name ? t : t[0]!.toLowerCase() + t.slice(1);
};

/** A sentence ending on its citation: « … [2]. » */
const cite = (t: string | null | undefined, n: number) => (t ? `${stripEnd(t)} [${n}].` : null);

const stripEnd = (s: string) => s.replace(/\s*[.!;:]+\s*$/, "");
const bare = (s: string) => stripEnd(withoutReferences(s).replace(/\s+([.,;])/g, "$1"));

/**
 * Rewordings a model makes, meaning kept: [pattern, replacement]. Each applies to the words as written; the
 * paraphrase takes the first two that apply.
 */
const REWORDINGS: [RegExp, string][] = [
  [/\ba économisé\b/, "a permis d'économiser"],
  [/\ba permis d['’]économiser\b/, "a économisé"],
  [/\béconomise\b/, "réalise une économie de"],
  [/\ba annoncé\b/, "a fait savoir"],
  [/\ba migré\b/, "a basculé"],
  [/\bont migré\b/, "ont basculé"],
  [/\bmigration\b/, "bascule"],
  [/\butilise\b/, "emploie"],
  [/\butilisent\b/, "emploient"],
  [/\butilisée?s?\b/, "employé"],
  [/\ba choisi\b/, "a opté pour"],
  [/\ba décidé de\b/, "a fait le choix de"],
  [/\ba adopté\b/, "a voté"],
  [/\ba lancé\b/, "a engagé"],
  [/\ba remplacé\b/, "a substitué"],
  [/\bremplacer\b/, "substituer"],
  [/\bpermet de\b/, "offre la possibilité de"],
  [/\bpermet\b/, "rend possible"],
  [/\bréduire\b/, "diminuer"],
  [/\bréduit\b/, "diminue"],
  [/\benviron\b/, "à peu près"],
  [/\bselon\b/, "d'après"],
  [/\bd['’]après\b/, "selon"],
  [/\bde postes de travail\b/, "d'ordinateurs"],
  [/\bpostes de travail\b/, "ordinateurs"],
  [/\bla mairie\b/, "la commune"],
  [/\bla ville\b/, "la municipalité"],
  [/\blogiciels libres\b/, "logiciels open source"],
  [/\blogiciel libre\b/, "logiciel open source"],
  [/\bobligatoire\b/, "imposé"],
  [/\bimportante?\b/, "notable"],
  [/\bcoûte\b/, "revient à"],
  [/\bdoit\b/, "est tenu de"],
  [/\bdoivent\b/, "sont tenus de"],
  [/\bégalement\b/, "aussi"],
  [/\bnotamment\b/, "entre autres"],
];

/** Nouns a model puts in the place of what a figure counts, meaning kept. */
const NOUNS: Record<string, string> = {
  postes: "ordinateurs",
  agents: "fonctionnaires",
  utilisateurs: "usagers",
  salariés: "employés",
  entreprises: "sociétés",
  communes: "municipalités",
  logiciels: "applications",
  projets: "initiatives",
  participants: "personnes",
  habitants: "administrés",
  euros: "€",
  ministères: "administrations centrales",
  collectivités: "collectivités locales",
  organisations: "structures",
  // Not « licences » → « abonnements »: the corpus sets them apart (VMware's perpetual licences against its
  // subscriptions), so a verifier that takes one for the other would miss a true figure given to the wrong thing.
};

/** Active → passive, or passive → active, for the simplest sentences (« X a migré 70 000 postes … »). */
function voice(s: string): string | null {
  // Passive → active: « Tchap a été créée par la DINUM en 2019. » → « La DINUM a créé Tchap en 2019. »
  const passive =
    /^(.+?) (?:a|ont) été (\p{L}+?é)e?s? par ((?:l['’]|la |le |les )?[\p{Lu}][^,.;]*?)(?=[,.;]| en \d{4}| le \d| depuis|$)(.*)$/u.exec(
      stripEnd(s),
    );
  if (passive) {
    const [, object, verb, agent, rest] = passive;
    return `${agent![0]!.toUpperCase()}${agent!.slice(1)} a ${verb} ${lower(object!)}${rest}.`;
  }
  // Active → passive: « La Gendarmerie a migré 70 000 postes vers Ubuntu » → « 70 000 postes ont été migrés vers
  // Ubuntu par la Gendarmerie ».
  const active =
    /^([^,;:]{3,60}?) a (\p{Ll}+é) ((?:\d[\d  ,]*)(?:\s(?:millions?|milliards?))?\s(?:d['’]\s?)?\p{L}+)(.*)$/u.exec(
      stripEnd(s),
    );
  if (active) {
    const [, subject, verb, object, rest] = active;
    return `${object} ont été ${verb}s${rest} par ${lower(subject!)}.`;
  }
  return null;
}

/** Another order: the opening complement moved to the end, or a closing « en 2021 » moved to the front. */
function reorder(s: string): string | null {
  const t = bare(s);
  const opening =
    /^((?:En|Depuis|Dès|Lors|Après|Avant|Selon|D['’]après|Pour|Dans|Entre|À partir)\b[^,]{3,60}), (.+)$/u.exec(t);
  if (opening) {
    const [, head, rest] = opening;
    return `${rest![0]!.toUpperCase()}${rest!.slice(1)}, ${lower(head!)}.`;
  }
  const closing = /^(.{20,}?) ((?:en|depuis|dès) (?:\d{4}|\p{Ll}+ \d{4}))(?=[,.]|$)(.*)$/u.exec(t);
  if (closing) {
    const [, body, when, rest] = closing;
    return `${when![0]!.toUpperCase()}${when!.slice(1)}, ${lower(body!)}${rest}.`;
  }
  return null;
}

/** `t` with at most `max` of the rewordings applied, in order, or null when none applies. */
function rewordWith(t: string, rules: readonly (readonly [RegExp, string])[], max: number): string | null {
  let out = t;
  let applied = 0;
  for (const [re, to] of rules) {
    if (applied >= max) break;
    if (re.test(out)) {
      out = out.replace(re, to);
      applied++;
    }
  }
  return applied ? out : null;
}

function paraphraseVariants(c: Cited): Variant[] {
  const s = bare(c.s);
  const reword = (t: string, max = 2) => rewordWith(t, REWORDINGS, max);
  return [
    ["words", () => cite(reword(s), c.n)],
    ["voice", () => cite(voice(s), c.n)],
    ["order", () => cite(reorder(s), c.n)],
    ["words+order", () => cite(((r) => r && reword(r, 1))(reorder(s)), c.n)],
    [
      // What a figure counts, in other words: « 80 000 fonctionnaires » for « 80 000 agents ».
      "counted-noun",
      () => {
        for (const f of quantities(s)) {
          const at = s.indexOf(f.raw) + f.raw.length;
          const m = /^(\s+(?:de |d['’])?)(\p{Ll}+)(?! de travail)/u.exec(s.slice(at));
          const to = m && NOUNS[m[2]!];
          if (to) return cite(s.slice(0, at) + m[1] + to + s.slice(at + m[0].length), c.n);
        }
        return null;
      },
    ],
  ];
}

const UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"];
const TENS: Record<number, string> = { 20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante" };
const spelled = (v: number) => (v <= 12 ? UNITS[v] : TENS[v]);
/** Shares a model writes as fractions (value within one point). */
const FRACTIONS: [number, string][] = [
  [25, "un quart"],
  [33.3, "un tiers"],
  [50, "la moitié"],
  [66.7, "deux tiers"],
  [75, "trois quarts"],
  [20, "un cinquième"],
  [10, "un dixième"],
];

/** A value rounded to a figure a model would write: two significant digits, different from the value. */
function roundish(v: number): number | null {
  if (v < 10) return null;
  const p = 10 ** (Math.floor(Math.log10(v)) - 1);
  const r = Math.round(v / p) * p;
  return r !== v && Math.abs(r - v) / v <= 0.06 ? r : null;
}
const frenchInt = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

function figuresVariants(c: Cited): Variant[] {
  const s = bare(c.s);
  const fs = extractFigures(s);
  const percent = fs.find((f) => f.kind === "percent" && !/à|-|–/.test(f.raw));
  const count = fs.find((f) => (f.kind === "number" || f.kind === "amount") && !/à|-|–/.test(f.raw));
  const date = fs.find((f) => f.kind === "date");
  const done = (t: string | null) => (t && t !== s ? cite(t, c.n) : null);
  return [
    [
      "words",
      () => {
        const p = percent && Number.isInteger(percent.value) ? spelled(percent.value) : undefined;
        if (p) return done(s.replace(percent!.raw, `${p} pour cent`));
        const n = fs.find((f) => f.kind === "number" && f.value <= 12 && Number.isInteger(f.value));
        return n && spelled(n.value)
          ? // The number alone, not the first group of a larger one (« 5 700 habitants » is not « cinq 700 »).
            done(
              s.replace(
                new RegExp(`(?<![\\p{L}\\d.,-])${n.raw}(?![\\d.,-]*\\d|-|[\\s\u00a0\u202f]\\d{3}(?!\\d))`, "u"),
                spelled(n.value)!,
              ),
            )
          : null;
      },
    ],
    [
      "approx",
      () => {
        // A share, an amount, or a count of something (« 233 projets »), not « section 702 » nor « Microsoft 365 ».
        const counts = (x: Figure) => {
          const at = s.indexOf(x.raw);
          return (
            x.kind !== "number" ||
            (/^\s+(?:d['’]\s?|de\s+)?\p{Ll}{3,}/u.test(s.slice(at + x.raw.length)) &&
              !/(?:\p{Lu}[\p{L}-]*|section|article|n°|d['’])\s*$/u.test(s.slice(0, at)))
          );
        };
        const f = [percent, count].find((x) => x && counts(x));
        const r = f && roundish(f.value);
        if (!f || !r) return null;
        const digits = /\d[\d  ,]*\d|\d/.exec(f.raw)![0]!;
        const multiplier = f.kind === "percent" ? 1 : f.value / Number(digits.replace(/[  ]/g, "").replace(",", "."));
        const scaled = Math.round((r / multiplier) * 1e6) / 1e6;
        const written = Number.isInteger(scaled) ? frenchInt(scaled) : String(scaled).replace(".", ",");
        const word = r < f.value ? "plus de" : "près de";
        return done(
          s
            .replace(f.raw, `${word} ${f.raw.replace(digits, written)}`)
            .replace(/\bd['’](plus de|près de)/, "de $1")
            .replace(/\b(environ|près de|plus de) (plus de|près de)\b/, "$2"),
        );
      },
    ],
    [
      "fraction",
      () => {
        if (!percent) return null;
        const hit = FRACTIONS.find(([v]) => Math.abs(v - percent.value) <= 1);
        if (!hit) return null;
        const at = s.indexOf(percent.raw);
        const after = s.slice(at + percent.raw.length);
        // « 33 % des communes » → « un tiers des communes »; « 33 % » alone → « un tiers ».
        return done(s.slice(0, at) + hit[1] + after);
      },
    ],
    [
      "scale",
      () => {
        const big = fs.find(
          (f) => (f.kind === "number" || f.kind === "amount") && f.value >= 1e6 && !/à|-|–/.test(f.raw),
        );
        if (big) {
          if (/millions? d['’]\s?euros/.test(big.raw))
            return done(s.replace(big.raw, big.raw.replace(/\s*millions? d['’]\s?euros/, " M€")));
          if (/M€/.test(big.raw)) return done(s.replace(big.raw, big.raw.replace(/\s*M€/, " millions d'euros")));
          const m = big.value / 1e6;
          if (/^\d{1,3}(?:[  ]\d{3})+/.test(big.raw) && Math.round(m * 10) === m * 10)
            return done(s.replace(/\d{1,3}(?:[  ]\d{3})+/, `${String(m).replace(".", ",")} millions`));
        }
        return null;
      },
    ],
    [
      "month",
      () => {
        if (!date) return null;
        const at = s.indexOf(date.raw);
        const month = date.raw.replace(/^(1er|\d{1,2})\s+/, "");
        const before = /(?:^|\s)(le|Le|du|au)\s$/.exec(s.slice(0, at));
        if (!before) return null;
        // « le 8 avril 2026 » → « en avril 2026 »; « du 7 octobre 2016 » → « d'octobre 2016 ».
        const to =
          before[1] === "du"
            ? /^[aeiou]/.test(month)
              ? `d'${month}`
              : `de ${month}`
            : `${before[1] === "Le" ? "En" : "en"} ${month}`;
        return done(`${s.slice(0, at - before[1]!.length - 1)}${to}${s.slice(at + date.raw.length)}`);
      },
    ],
  ];
}

/** A catalog line opening on a label (« Exposition : », « Utilisateurs publics connus : »). */
const LABEL = /^[^:.]{0,40} : /;

const JOINERS = [", et ", ", tandis que ", " ; de même, ", " ; par ailleurs, "];

function synthesisVariants(c: Cited, others: Cited[]): Variant[] {
  const other = others.find(
    (o) =>
      o.n !== c.n &&
      quantities(o.s).length &&
      o.s.length < 200 &&
      o.s.slice(0, 30) !== c.s.slice(0, 30) &&
      o.s.slice(-40) !== c.s.slice(-40) &&
      !LABEL.test(o.s),
  );
  const a = bare(c.s);
  const make = (joiner: string, inline: boolean) => () => {
    if (!other || LABEL.test(c.s)) return null;
    const b = lower(bare(other.s));
    const text = inline ? `${a} [${c.n}]${joiner}${b} [${other.n}].` : `${a}${joiner}${b} [${c.n}][${other.n}].`;
    return text.replace(/\bque ([aeiouéèh])/giu, "qu'$1");
  };
  return [
    ["end-citations", make(JOINERS[c.s.length % 2]!, false)],
    ["inline-citations", make(JOINERS[1 - (c.s.length % 2)]!, true)],
    ["semicolon", make(JOINERS[2 + (c.s.length % 2)]!, false)],
  ];
}

/** The question turned into the topic of a sentence: « Qu'est-ce que le CLOUD Act change pour notre mairie ? ». */
function questionVariants(question: string | null, c: Cited): Variant[] {
  const q = question?.trim().replace(/\s*\?*$/, "");
  const answer = `${bare(c.s)} [${c.n}].`;
  return [
    ["as-asked", () => (q ? `Vous demandez : « ${q} ? » ${answer}` : null)],
    ["restated", () => (q ? `${q} ? ${answer}` : null)],
    ["topic", () => (q ? `Votre question porte sur ce point : ${lower(q)}. ${answer}` : null)],
  ];
}

const HEDGES = [
  "Selon le corpus, ",
  "D'après les passages fournis, ",
  "Les sources indiquent que ",
  "Il ressort des documents que ",
  "À en croire les sources disponibles, ",
  "Le corpus rapporte que ",
];
const CAVEATS = [
  "Le corpus ne donne pas davantage de précisions sur ce point.",
  "Ces éléments sont à confirmer auprès des services concernés avant toute décision.",
  "Les passages disponibles ne permettent pas d'aller plus loin.",
  "Il convient de vérifier ces informations avant de les citer en séance.",
];

function hedgeVariants(c: Cited, seed: number): Variant[] {
  const s = bare(c.s);
  return [
    ["prefix", () => `${HEDGES[seed % HEDGES.length]}${lower(s)} [${c.n}].`.replace(/\bque ([aeiouéèh])/iu, "qu'$1")],
    ["suffix", () => `${s}, selon les sources disponibles [${c.n}].`],
    ["caveat", () => `${s} [${c.n}]. ${CAVEATS[seed % CAVEATS.length]}`],
  ];
}

/** The name a sentence opens on, its subject (« La Gendarmerie a … » → « Gendarmerie »), or null. */
const firstName = (s: string) => {
  const name = /^(?:(?:La|Le|Les) |L['’])?(\p{Lu}[\p{L}-]*\p{L}(?: (?:de |d['’])?\p{Lu}[\p{L}-]+)*) (?!:)/u.exec(
    s,
  )?.[1];
  return name && !COMMON_OPENING.test(name.split(" ")[0]!) ? name : null;
};

function listVariants(c: Cited, others: Cited[]): Variant[] {
  const items = [c, ...others.filter((o) => o.s !== c.s)].filter((i) => bare(i.s).length >= 20).slice(0, 3);
  const enough = items.length >= 2;
  return [
    [
      "dashes",
      () =>
        enough ? `Voici ce que disent les sources :\n${items.map((i) => `- ${bare(i.s)} [${i.n}]`).join("\n")}` : null,
    ],
    [
      "numbered",
      () =>
        enough
          ? `Les points principaux :\n${items.map((i, k) => `${k + 1}. ${bare(i.s)} [${i.n}].`).join("\n")}`
          : null,
    ],
    [
      "labels",
      () => {
        const labelled = items.map((i) => ({ i, name: firstName(bare(i.s)) }));
        if (!enough || labelled.some((l) => !l.name)) return null;
        return labelled.map((l) => `- **${l.name}** : ${lower(bare(l.i.s))} [${l.i.n}]`).join("\n");
      },
    ],
  ];
}

/** A sentence stripped of its figures: « La Gendarmerie a migré 70 000 postes vers Ubuntu entre 2008 et 2014 » → « La Gendarmerie a migré des postes vers Ubuntu ». */
function withoutFigures(s: string): string | null {
  let t = bare(s)
    .replace(/\s*\([^()]*\d[^()]*\)/g, "")
    .replace(
      /,?\s*(?:en|depuis|dès|entre|à partir de|d['’]ici)\s+(?:(?:1er|\d{1,2})\s+)?(?:\p{Ll}+\s+)?\d{4}(?:\s*(?:et|à|-)\s*\d{4})?(?![\d\p{L}])/gu,
      "",
    )
    .replace(/,?\s*(?:le|au)\s+(?:1er|\d{1,2})\s+\p{Ll}+(?:\s+\d{4})?/gu, "");
  for (const f of quantities(t)) {
    const raw = f.raw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // « ses 80 000 agents » → « ses agents »; « 70 000 postes » → « des postes »; « de 430 % » and « , soit 90 % de
    // son parc » go; any other figure leaves no clean sentence.
    const count = new RegExp(
      `(?:\\b(ses|leurs|les|des|aux|environ|près de|plus de)\\s+)?(?<![\\p{L}\\d-])${raw}\\s+(?=\\p{Ll}{3,}[sx]\\b)`,
      "iu",
    );
    const share = new RegExp(`(?:,\\s*soit\\s+${raw}[^,.;]*|\\s+de\\s+${raw}(?=[,.;]|\\s(?!d)|$))`, "u");
    if (f.kind === "number" && count.test(t))
      t = t.replace(count, (all: string, det: string | undefined) => {
        const to = det === "ses" || det === "leurs" || det === "aux" || det === "les" ? `${det} ` : "des ";
        return t.startsWith(all) ? to[0]!.toUpperCase() + to.slice(1) : to;
      });
    else if (f.kind === "percent" && share.test(t) && !/(?:plus|moins) de\s*$/.test(t.slice(0, t.indexOf(f.raw))))
      t = t.replace(share, "");
    else return null;
  }
  t = t
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.])/g, "$1")
    .trim();
  if (extractFigures(t).length || t.length < 30) return null;
  return t;
}

const SUMMARY_OPENINGS = ["En résumé, ", "Au total, ", "En somme, ", "Pour l'essentiel, "];

function summaryVariants(c: Cited, seed: number): Variant[] {
  return [
    [
      "compressed",
      () => {
        const t = withoutFigures(c.s);
        return t && t !== bare(c.s) ? `${SUMMARY_OPENINGS[seed % SUMMARY_OPENINGS.length]}${lower(t)} [${c.n}].` : null;
      },
    ],
    [
      "first-clause",
      () => {
        const t = withoutFigures(c.s)?.split(/, | ; | : /)[0];
        return t && t.split(" ").length >= 5 && t !== bare(c.s) ? `${t} [${c.n}].` : null;
      },
    ],
    [
      "example",
      () => {
        const t = withoutFigures(c.s);
        const name = t && firstName(t);
        if (t && name && /^(?:Exposition|Utilisateurs|Nuance|Mouvement|Controverse)/.test(t)) return null;
        return t && name ? `L'exemple de ${name} le montre : ${lower(t)} [${c.n}].` : null;
      },
    ],
  ];
}

/** « Broadcom a finalisé en novembre 2023 le rachat … » → « En novembre 2023, Broadcom a finalisé le rachat … ». */
function yearFirstVariants(c: Cited): Variant[] {
  const s = bare(c.s);
  // One year only in the first clause (parentheses aside): moved to the front, it cannot become the date of another of
  // its facts. Every other answer states a figure too (the suite's choice of sentences).
  const head = s.split(/\s*[;:]\s/)[0]!.replace(/\([^)]*\)/g, " ");
  const years = new Set(extractFigures(head).flatMap((f) => (f.year ? [f.year] : [])));
  const move = (re: RegExp) => () => {
    if (years.size !== 1 || /^(?:En|Depuis|Dès|Le|Au)\s+(?:\d|\p{Ll}+\s+\d)/u.test(s)) return null;
    const m = re.exec(s);
    if (!m || m.index < 12) return null;
    // Not across a clause or out of a quotation (« 25 000 postes migrés en 2025 »), and the date of a verb, not of a
    // participle alone (« éditeur fondé en 1978 » is not « En 1978, éditeur »).
    const before = s.slice(0, m.index);
    if (/[:;«»()]/.test(before) || !/^\p{Lu}/u.test(s)) return null;
    if (
      /\p{L}+(?:é|ée|és|ées|i|ie|is|it|ite)\s*$/u.test(before) &&
      !/\b(?:a|ont|est|sont|été|avait|avaient)\s+\p{L}+\s*$/u.test(before)
    )
      return null;
    const rest = (s.slice(0, m.index) + s.slice(m.index + m[0].length))
      .replace(/\s+,/g, ",")
      .replace(/\s{2,}/g, " ")
      .replace(/,\s*$/, "");
    return cite(`${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)}, ${lower(rest.trim())}`, c.n);
  };
  const DATE = String.raw`(?:(?:1er|\d{1,2})\s+)?(?:\p{Ll}+\s+)?\d{4}`;
  return [
    ["en", move(new RegExp(String.raw` ((?:en|dès)\s+${DATE})(?=[\s,]|$)`, "u"))],
    ["le", move(/,? (le\s+(?:1er|\d{1,2})\s+\p{Ll}+\s+\d{4})(?=[\s,]|$)/u)],
    // « vers 2008 », « à partir de 2008 » keep their word; « d'ici 2027 » stays where it is (a deadline, not a date).
    ["from", move(new RegExp(String.raw` ((?:à partir de|vers)\s+${DATE})(?=[\s,]|$)`, "u"))],
  ];
}

/** Two sentences of one passage, each with a figure, in one sentence citing the passage once. */
function twoFiguresVariants(c: Cited, all: Cited[]): Variant[] {
  const other = all.find(
    (o) =>
      o.n === c.n &&
      o.s !== c.s &&
      quantities(o.s).length > 0 &&
      o.s.length < 200 &&
      !LABEL.test(o.s) &&
      /^\p{Lu}/u.test(o.s) &&
      !/^(?:Il|Elle|Ils|Elles|Cette|Ce|Ces|Cela|Son|Sa|Ses|Leur|Leurs|En revanche|Surtout|Toutefois|Cependant)\b/u.test(
        o.s,
      ),
  );
  const make = (joiner: string) => () => {
    if (!other || LABEL.test(c.s) || !/^\p{Lu}/u.test(c.s)) return null;
    return `${bare(c.s)}${joiner}${lower(bare(other.s))} [${c.n}].`.replace(/\bque ([aeiouéèh])/giu, "qu'$1");
  };
  return [
    ["and", make(", et ")],
    ["while", make(", tandis que ")],
    ["also", make(" ; le même passage indique aussi que ")],
  ];
}

/** A figure written in another unit or scale, value kept. */
function conversionVariants(c: Cited): Variant[] {
  const s = bare(c.s);
  const done = (t: string | null) => (t && t !== s ? cite(t, c.n) : null);
  return [
    [
      // « 11,7 millions d'euros » → « 11 700 000 euros »; « 3,3 millions de postes » → « 3 300 000 postes ».
      "digits",
      () => {
        const m = /(?<![\d,])(\d{1,3}(?:,\d{1,2})?) (millions?|milliards?) (?:d['’]\s?|de )(\p{L}+)/u.exec(s);
        if (!m) return null;
        const value = Number(m[1]!.replace(",", ".")) * (m[2]!.startsWith("milliard") ? 1e9 : 1e6);
        return done(s.replace(m[0], `${frenchInt(Math.round(value))} ${m[3]}`));
      },
    ],
    [
      // « 25 000 euros » → « 25 000 € ».
      "symbol",
      () => {
        const m = /(\d) euros\b/.exec(s);
        return m ? done(s.replace(m[0], `${m[1]} €`)) : null;
      },
    ],
    [
      // « 25 000 euros » → « 25 k€ »; « 2 000 000 euros » → « 2 M€ ».
      "k-euros",
      () => {
        const m = /(?<![\d,])(\d{1,3})[  ]000(?:[  ]000)? (?:euros|€)/u.exec(s);
        if (!m) return null;
        const millions = /000[  ]000/.test(m[0]);
        return done(s.replace(m[0], `${m[1]} ${millions ? "M€" : "k€"}`));
      },
    ],
  ];
}

/** Negations a model keeps while rewording: « n'est pas confirmé » → « n'est toujours pas confirmé ». */
const NEGATED = /\b(?:ne|n['’])\s?\p{L}+(?:\s\p{L}+)?\s(?:pas|plus|jamais|aucune?)\b|\baucune?\s\p{Ll}+\s(?:ne|n['’])/u;
const KEPT_NEGATIONS: [RegExp, string][] = [
  [/\bn['’](est|a|ont|sont) pas\b/, "n'$1 toujours pas"],
  [
    /\bne (sont|peut|peuvent|permet|permettent|donne|donnent|publie|précisent|précise|disent|dit) pas\b/,
    "ne $1 toujours pas",
  ],
  [/\bne (\p{L}+) aucune\b/u, "ne $1 pas la moindre"],
];

function negationVariants(c: Cited): Variant[] {
  const s = bare(c.s);
  const negated = NEGATED.test(s);
  const reword = (rules: [RegExp, string][], max: number) => rewordWith(s, rules, max);
  return [
    ["reworded", () => (negated ? cite(reword(REWORDINGS, 2), c.n) : null)],
    ["still", () => (negated ? cite(reword(KEPT_NEGATIONS, 1), c.n) : null)],
    ["hedged", () => (negated ? `${HEDGES[s.length % HEDGES.length]}${lower(s)} [${c.n}].` : null)],
  ];
}

/** The sentences that follow a cited one in its passage, the citation once, at the end of the paragraph. */
function paragraphVariants(c: Cited, all: Cited[]): Variant[] {
  const at = all.indexOf(c);
  const following = (k: number) => {
    const list = all.slice(at, at + k);
    return list.length === k && list.every((x) => x.n === c.n) ? list : null;
  };
  const make = (k: number) => () => {
    const list = following(k);
    return list
      ? `${list
          .map((x) => `${bare(x.s)}.`)
          .join(" ")
          .slice(0, -1)} [${c.n}].`
      : null;
  };
  return [
    ["two", make(2)],
    ["three", make(3)],
  ];
}

/** The variants of one realistic kind for a sentence of a cited passage. */
export function realisticVariants(
  kind: RealisticKind,
  c: Cited,
  all: Cited[],
  question: string | null,
  seed: number,
): Variant[] {
  names = new Set(all.flatMap((x) => [...x.s.matchAll(/(?<=\p{Ll}[,]? )\p{Lu}[\p{L}-]+/gu)].map((m) => m[0])));
  switch (kind) {
    case "paraphrase":
      return paraphraseVariants(c);
    case "figures":
      return figuresVariants(c);
    case "synthesis":
      return synthesisVariants(
        c,
        all.filter((o) => o.n !== c.n),
      );
    case "question":
      return questionVariants(question, c);
    case "hedge":
      return hedgeVariants(c, seed);
    case "list":
      return listVariants(c, all.filter((o) => o.n !== c.n).concat(all.filter((o) => o.n === c.n)));
    case "summary":
      return summaryVariants(c, seed);
    case "year-first":
      return yearFirstVariants(c);
    case "two-figures":
      return twoFiguresVariants(c, all);
    case "conversion":
      return conversionVariants(c);
    case "negation":
      return negationVariants(c);
    case "paragraph":
      return paragraphVariants(c, all);
  }
}

/** The figures a realistic kind needs in its sentence (the kinds on figures take sentences that state one). */
export const needsFigure = (kind: RealisticKind) =>
  kind === "figures" || kind === "synthesis" || kind === "summary" || kind === "two-figures" || kind === "conversion";

export type { Figure };
