/**
 * Inventory fuzzing (issue 18): seeded fast-check generators of inventories — GLPI/OCS-like CSV with random
 * headers, delimiters, quoting, encodings and hostile cells, GLPI Agent JSON, JSON lists, broken JSON, random
 * bytes, prose — sent to the real server. Every answer must be a 200/201 analysis or a 400/413 French error; none
 * a 5xx, none stalled (no answer after two minutes; how fast each comes is not asserted: on a busy 2-core machine
 * a small inventory's milliseconds can become seconds). The same inventories go through the parser in-process too, where only
 * AppError may be thrown.
 *
 * CI: 1,000 small inventories through the parser and 300 over HTTP, where each costs a full upload and analysis on a
 * busy 2-core machine (seed 20261204). Bigger: INVENTORY_FUZZ_RUNS=20000 INVENTORY_FUZZ_SEED=… and
 * INVENTORY_FUZZ_BIG=1 for larger inventories.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/core/errors.ts";
import { parseInventoryFiles } from "../../server/inventory/parse.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { INVENTORY_CORPUS } from "./fixtures.ts";

const RUNS = Number(process.env.INVENTORY_FUZZ_RUNS ?? 1_000);
const HTTP_RUNS = Number(process.env.INVENTORY_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.INVENTORY_FUZZ_SEED ?? 20261204);
const BIG = process.env.INVENTORY_FUZZ_BIG === "1";
const MAX_ROWS = BIG ? 2_000 : 12;
/** A request unanswered after this has stalled (small inventories take milliseconds): not a measure of speed. */
const STALLED_MS = 120_000;

// ——— Generators ———

const HEADERS = [
  "Nom",
  "Name",
  "Logiciel",
  "Logiciels - Nom",
  "Software",
  "Produit",
  "Éditeur",
  "Editeur",
  "Publisher",
  "Fabricant",
  "Versions - Nom",
  "Version",
  "Nombre d'installations",
  "Number of installations",
  "nbre",
  "Quantité",
  "Modèle",
  "Model",
  "Type",
  "Entité",
  "Commentaire",
  "",
];
const NAMES = [
  "Microsoft Office Professionnel Plus 2016",
  "Google Chrome",
  "Mozilla Firefox (x64 fr)",
  "LibreOffice 24.2",
  "Zoom",
  "Kaspersky Endpoint Security",
  "Civil Net RH",
  "VMware Tools",
  "Adobe Acrobat Reader DC - Français",
  "7-Zip 23.01 (x64)",
  "Mise à jour de sécurité pour Microsoft Office (KB5002000)",
  "Catalyst 2960-X",
  "OptiPlex 7090",
  "Logiciel ''Élections'' v2",
  "Œuvres – Médiathèque « Élise »",
];
const HOSTILE = [
  "<br>",
  "<br/>",
  "<hr>",
  '"',
  '""',
  "''",
  ";",
  ",",
  "\t",
  "|",
  "\r",
  "\n",
  "\u0000",
  "\uFEFF",
  "&amp;",
  "&#x3C;",
  "&lt;script&gt;",
  "=cmd|' /C calc'!A0",
  "\u202e",
  "💾",
  "ﬁ",
  "İ",
  "\ud800",
  "1 204",
  "-1",
  "1e309",
  "NaN",
  "{",
  "[",
  "<",
  "sep=;",
];

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE, ...NAMES), { maxLength: 6 }).map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: BIG ? 200_000 : 2_000 }).map((n) => "x".repeat(n)) },
);

const quote = (v: string, mode: number) => (mode === 0 ? v : mode === 1 ? `"${v.replaceAll('"', '""')}"` : `"${v}"`);

const delimited = fc
  .record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 7 }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: MAX_ROWS }),
    delimiter: fc.constantFrom(";", ",", "\t", "|"),
    newline: fc.constantFrom("\n", "\r\n", "\r"),
    quoting: fc.nat({ max: 2 }),
    trailing: fc.boolean(),
    title: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  })
  .map(({ header, rows, delimiter, newline, quoting, trailing, title }) => {
    const line = (cells: string[]) => cells.map((c) => quote(c, quoting)).join(delimiter) + (trailing ? delimiter : "");
    return [title, line(header), ...rows.map(line)].filter((l) => l !== undefined).join(newline) + newline;
  });

const encoded = fc
  .tuple(delimited, fc.constantFrom("utf-8", "utf-8-bom", "win1252", "utf16le-bom", "utf16le"))
  .map(([text, encoding]) => {
    if (encoding === "utf-8") return new TextEncoder().encode(text);
    if (encoding === "utf-8-bom") return new TextEncoder().encode(`\uFEFF${text}`);
    if (encoding === "win1252") return new Uint8Array(iconv.encode(text, "win1252"));
    const body = new Uint8Array(iconv.encode(text, "utf16le"));
    return encoding === "utf16le" ? body : new Uint8Array([0xff, 0xfe, ...body]);
  });

const software = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...NAMES), cell, fc.integer(), fc.constant(null)),
    publisher: fc.oneof(cell, fc.constant(null)),
    version: fc.oneof(cell, fc.integer()),
  },
  { requiredKeys: [] },
);
const glpiJson = fc
  .record({
    content: fc.record(
      {
        softwares: fc.oneof(fc.array(software, { maxLength: MAX_ROWS }), fc.anything()),
        operatingsystem: fc.oneof(fc.record({ full_name: cell, version: cell }), fc.anything()),
        bios: fc.oneof(fc.record({ smodel: cell, smanufacturer: cell }), fc.anything()),
        hardware: fc.record({ vmsystem: fc.constantFrom("Physical", "VMware", "") }),
        network_device: fc.oneof(
          fc.record({ model: cell, manufacturer: cell, type: fc.constantFrom("Networking", "Printer", "") }),
          fc.constant(undefined),
        ),
      },
      { requiredKeys: [] },
    ),
  })
  .map((v) => new TextEncoder().encode(JSON.stringify(v)));
const jsonList = fc
  .array(
    fc.dictionary(
      fc.constantFrom(...HEADERS, "name", "publisher", "count"),
      fc.oneof(cell, fc.integer(), fc.constant(null)),
    ),
    { maxLength: MAX_ROWS },
  )
  .map((v) => new TextEncoder().encode(JSON.stringify(v)));
const brokenJson = fc
  .tuple(fc.oneof(glpiJson, jsonList), fc.nat())
  .map(([bytes, cut]) => bytes.subarray(0, Math.max(1, cut % bytes.length)));
const anyJson = fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v) ?? "null"));
const prose = fc
  .array(
    fc.constantFrom(
      "Madame la Présidente,",
      "Nous vous écrivons au sujet de la migration des postes de travail de la commune.",
      "Elle nous semble urgente.",
      "Bien à vous.",
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((l) => new TextEncoder().encode(l.join("\n")));
const bytes = fc.uint8Array({ maxLength: 2_000 });
const list = fc.array(cell, { maxLength: MAX_ROWS * 2 }).map((names) => new TextEncoder().encode(names.join("\n")));

/** Each generated inventory with the name of its family, for the counts per family. */
const family = (name: string, arbitrary: fc.Arbitrary<Uint8Array>) =>
  arbitrary.map((b) => ({ family: name, bytes: b }));
const tagged = fc.oneof(
  { weight: 6, arbitrary: family("csv", encoded) },
  { weight: 2, arbitrary: family("glpi-json", glpiJson) },
  { weight: 1, arbitrary: family("json-list", jsonList) },
  { weight: 1, arbitrary: family("broken-json", brokenJson) },
  { weight: 1, arbitrary: family("any-json", anyJson) },
  { weight: 1, arbitrary: family("prose", prose) },
  { weight: 1, arbitrary: family("bytes", bytes) },
  { weight: 2, arbitrary: family("list", list) },
);
const inventory = tagged.map((t) => t.bytes);

const upload = fc.record({
  input: tagged,
  multipart: fc.boolean(),
  name: fc.oneof(fc.constantFrom("glpi.csv", "inventaire.json", "liste.txt"), fc.string({ maxLength: 20 })),
});

// ——— What a French error looks like ———

/** French, and none of the English a runtime writes (V8's JSON errors, TypeError…) nor a stack. */
function isFrench(text: string): boolean {
  return (
    /[àâçéèêëîïôûùüœ«»]|\b(le|la|les|un|une|des|du|aucun|aucune|fichier|inventaire|ligne)\b/i.test(text) &&
    !/\b(Unexpected|undefined|TypeError|RangeError|is not|Cannot read|at position|stack)\b/.test(text)
  );
}

describe("inventory fuzzing", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ CORPUS_DIR: INVENTORY_CORPUS });
  });
  afterAll(() => server?.stop());

  it(`parses ${RUNS} generated inventories in-process: an analysis or an AppError, nothing else (seed ${SEED})`, () => {
    fc.assert(
      fc.property(inventory, (b) => {
        try {
          parseInventoryFiles([{ name: "fuzz.csv", bytes: b }]);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          expect([400, 413]).toContain(err.status);
          expect(isFrench(err.message), err.message).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it(`answers ${HTTP_RUNS} generated uploads over HTTP with no 5xx, a French error and none stalled (seed ${SEED})`, async () => {
    const cases = fc.sample(upload, { seed: SEED + 1, numRuns: HTTP_RUNS });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    /** family → [tried, failed] */
    const families = new Map<string, [number, number]>();
    let next = 0;
    // Three at a time: one in the worker, two waiting (the worker's queue refuses more than four with a 503).
    const client = async () => {
      while (next < cases.length) {
        const n = next++;
        const c = { ...cases[n]!, bytes: cases[n]!.input.bytes };
        const counts = families.get(c.input.family) ?? [0, 0];
        families.set(c.input.family, counts);
        counts[0]++;
        const failedBefore = failures.length;
        let body: BodyInit;
        let headers: Record<string, string> = {};
        if (c.multipart) {
          const form = new FormData();
          form.append("file", new Blob([c.bytes as Uint8Array<ArrayBuffer>]), c.name);
          body = form;
        } else {
          body = c.bytes as Uint8Array<ArrayBuffer>;
          headers = { "content-type": "text/csv" };
        }
        let res: Response;
        try {
          res = await fetch(`${server.url}/api/inventory/analyze?name=${encodeURIComponent(c.name)}`, {
            method: "POST",
            body,
            headers,
            signal: AbortSignal.timeout(STALLED_MS),
          });
        } catch (err) {
          failures.push(`#${n}: no answer within ${STALLED_MS} ms (${(err as Error).name})`);
          counts[1]++;
          continue;
        }
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const sample = new TextDecoder().decode(c.bytes.subarray(0, 120));
        if (res.status >= 500 || ![200, 201, 400, 413].includes(res.status))
          failures.push(`#${n}: ${res.status} ${text.slice(0, 300)} — input ${JSON.stringify(sample)}`);
        else if (res.status >= 400) {
          const error = JSON.parse(text).error;
          if (!error?.code || !isFrench(error.message)) failures.push(`#${n}: not French: ${text.slice(0, 300)}`);
        } else {
          const analysis = JSON.parse(text);
          if (!analysis.id || !analysis.summary || !analysis.pages)
            failures.push(`#${n}: analysis without id, summary or pages`);
        }
        if (failures.length > failedBefore) counts[1]++;
      }
    };
    await Promise.all([client(), client(), client()]);
    const perFamily = [...families].map(([f, [tried, failed]]) => `${f} ${tried} tried / ${failed} failed`).join(", ");
    console.log(
      `inventory fuzzing over HTTP (seed ${SEED + 1}): statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${perFamily}`,
    );
    expect(failures.slice(0, 5), `seed ${SEED + 1}; statuses ${JSON.stringify([...statuses])}`).toEqual([]);
    // The generators reach both outcomes.
    expect((statuses.get(201) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(HTTP_RUNS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(HTTP_RUNS / 10);
  }, 300_000);
});
