/**
 * Text helpers shared by every layer (no I/O): the start of the `core/` layer issue 14 describes — slugs,
 * French dates and percentages, HTML escaping.
 */

/**
 * Folds case and accents: « Électricité » → « electricite ». The one copy used by the index, search, relevance,
 * verification and inventory; pure ASCII (most product names) skips Unicode normalisation.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize("NFD").replace(/\p{M}+/gu, "");
}

/** `fold`, with the typographic apostrophe written straight: « C’est » → « c'est ». */
export function foldApostrophes(text: string): string {
  return fold(text).replace(/’/g, "'");
}

/** ASCII slug for file names and addresses: « Commune de Kervallon » → `commune-de-kervallon`. */
export function slugify(text: string, max = 60, fallback = "document"): string {
  return (
    fold(text)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, max)
      .replace(/-$/, "") || fallback
  );
}

/** French month names, January first. */
export const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** « 2026-04-20 » → « 20 avril 2026 », « 2026-04-01 » → « 1er avril 2026 »; « 2026-04 » → « avril 2026 ». */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = MONTHS[(m ?? 1) - 1] ?? "";
  if (d) return `${d === 1 ? "1er" : d} ${month} ${y}`;
  if (m) return `${month} ${y}`;
  return String(y);
}

/**
 * The one time zone of every time and « today » (notices, the page's lists, documents, plans, the public page): the
 * collectivité's own, not the server's nor the browser's — Europe/Paris unless the configuration says otherwise
 * (`TIME_ZONE`, `server/config.ts`, which calls `setTimeZone`). The page formats with the same options (`web/lib.js`).
 */
export const TIME_ZONE = "Europe/Paris";
let zone = TIME_ZONE;
let dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: zone });
let dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });

/** « 2026-12-06 11:21:08 UTC+01:00 »: an instant in the collectivité's time zone, with its offset written. */
let zonedFormat = zonedFormatOf(zone);
function zonedFormatOf(name: string) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: name,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  });
}

/**
 * « 2026-12-06T10:21:08Z » → « 2026-12-06 11:21:08 UTC+01:00 » (Paris): the time of a log line in the collectivité's
 * time zone with its offset, so that it reads the same as the page's « à 11:21 » and says which clock it is (trial12
 * B6: the CLI printed UTC unlabelled). The text itself when no date.
 */
export function zonedDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const part = Object.fromEntries(zonedFormat.formatToParts(d).map((p) => [p.type, p.value]));
  const offset = (part.timeZoneName ?? "GMT").replace(/^GMT/, "") || "+00:00";
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} UTC${offset}`;
}

/** The collectivité's time zone in use. */
export const timeZone = () => zone;

/** Sets the collectivité's time zone (an IANA name: « Europe/Paris », « America/Cayenne »); throws on an unknown one. */
export function setTimeZone(name: string): void {
  dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: name });
  dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: name, year: "numeric", month: "2-digit", day: "2-digit" });
  zonedFormat = zonedFormatOf(name);
  zone = name;
}

/**
 * The collectivité's day (`YYYY-MM-DD`) of an instant: today by default, or the day an ISO time falls on there
 * (« 2026-03-31T22:30:00Z » is the 1st of April in Paris); a bare day stays that day. The one « today » of every
 * screen, document and check (trial 8: UTC on one, Paris on another around midnight).
 */
export function localDay(at: Date | string = new Date()): string {
  if (typeof at === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? at.slice(0, 10) : dayFormat.format(d);
  }
  return dayFormat.format(at);
}

/** « 2026-12-05T09:36:00Z » → « 5 décembre 2026 à 10:36 » (the collectivité's time); the text itself when no date. */
export function frenchDateTime(iso: string): string {
  const d = new Date(iso);
  // « 1er juin », as `frenchDate` writes the first of a month (trial12 B4).
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d).replace(/^1 /, "1er ");
}

/** « au 29 janvier 2026 », « d'août 2026 », « de mars 2026 »: a fact date after « à jour ». */
export function asOfText(d: string): string {
  const text = frenchDate(d);
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return `au ${text}`;
  return /^[aeiouyàâéèêîôû]/iu.test(text) ? `d'${text}` : `de ${text}`;
}

/** Text matched literally inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Text safe inside HTML elements and quoted attributes. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The non-breaking space French typography puts before « % » and inside large numbers. */
export const NBSP = "\u00a0";

/** 103164 → « 103 164 » (non-breaking space, as French typography and the figure check expect). */
export const formatInt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

const decimalFormats = new Map<number, Intl.NumberFormat>();

/**
 * 1234.56 → « 1 234,6 »: French decimals, `digits` at most (one by default), thousands apart by a non-breaking
 * space — the same space as `formatInt`, not the narrow one `Intl` puts there.
 */
export function formatDecimal(n: number, digits = 1): string {
  let format = decimalFormats.get(digits);
  if (!format) decimalFormats.set(digits, (format = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits })));
  return format.format(n).replace(/\u202f/g, NBSP);
}

/** 2_500_000 → « 2,4 Mo », 65_536 → « 64 ko » (1 ko = 1 024 octets, as the limits are counted; « ko » in lower case, SI). */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatDecimal(mb)}${NBSP}Mo`;
  if (bytes >= 1024) return `${formatInt(bytes / 1024)}${NBSP}ko`;
  return `${formatInt(bytes)}${NBSP}octets`;
}

/**
 * The one rounding of a percentage, wherever it is shown or stored for showing (map, CLI, documents, plan, public
 * page, open data): to the unit, one decimal below 10 % (79.47 → 79, 4.46 → 4.5), once, from the exact ratio —
 * never from an already rounded figure (298 of 375 is 79 %, not 80 % through 0.795; trial 2026-12-05).
 */
export const roundPercent = (n: number): number =>
  n < 10 && n > 0 && !Number.isInteger(n) ? Math.round(n * 10) / 10 : Math.round(n);

/**
 * 70.54 → « 71 % », null → « — » (`roundPercent`); a non-breaking space before « % », so a line never ends
 * between the number and its sign.
 */
export const percentText = (v: number | null) => (v === null ? "—" : formatPercent(v));

/** A value strictly between 0 and 1 where a percentage is expected: most likely a fraction (0.5 for 50 %). */
export const isFraction = (v: number) => v > 0 && v < 1;

/** What a fraction written for a percentage says and likely meant: 0.5 → « 0,5 », « 50 % », « 50 ». */
export function fractionVars(v: number): { value: string; intended: string; intendedNumber: string } {
  const meant = Math.round(v * 1000) / 10;
  return {
    value: formatDecimal(v, 3),
    intended: `${formatDecimal(meant)}${NBSP}%`,
    intendedNumber: formatDecimal(meant),
  };
}

/** 78.4 → « 78 % »; below 10, one decimal (« 4,5 % »): `roundPercent`, the rule of every figure. */
export function formatPercent(n: number): string {
  return `${String(roundPercent(n)).replace(".", ",")}${NBSP}%`;
}
