/**
 * A local fact vouched for (trial16 C24): through the real HTTP server, a hand edit stating a fact of the collectivité
 * that no passage carries (« Objectif (Alice) : 40 % en juin 2029, validé en bureau communautaire. ») is « [non
 * vérifié] »; attested, it is neither sourced nor unverified — status `attested` with who and when, counted apart —,
 * printed « [fait local, attesté par … le …] » in the page's model and in the Markdown, ODT, DOCX and PDF exports, kept
 * while its text is the same, lost when it changes. A sentence with an invalid citation, or one a passage contradicts,
 * is never attested; a stale version is the French 409 of a section edit.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeZone } from "../../server/core/text.ts";
import { notAttestable } from "../../server/drafting/attestations.ts";
import { message } from "../../server/i18n/messages.ts";
import type { SentenceCheck } from "../../server/verify/index.ts";
import { hasPdftotext, pdfText, xmlText } from "../helpers/export-text.ts";
import { postJson, readSse, startTestServer, type TestServer } from "../helpers/server.ts";

const letter = JSON.parse(readFileSync("test/fixtures/drafting/letter.json", "utf8"));
const LOCAL = "Objectif (Alice) : 40 % en juin 2029, validé en bureau communautaire.";
const OTHER = "La Gendarmerie a migré 100 000 postes sous Linux.";
const CITED = "Le séminaire a retenu ces catégories [9].";
const KEY = "national-context";

interface Sentence {
  text: string;
  status: string;
  reasons: string[];
  attestation?: { by: string; at: string };
}

describe("a sentence attested as a local fact", { timeout: 120_000 }, () => {
  let server: TestServer;
  let id: string;
  const call = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}/api/drafts/${id}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const attest = (body: unknown, method = "POST") => call(method, `/sections/${KEY}/attestations`, body);
  const draft = async () => (await fetch(`${server.url}/api/drafts/${id}`)).json();
  const section = (d: { versions: { sections: { key: string }[] }[] }) =>
    d.versions.at(-1)!.sections.find((s) => s.key === KEY) as unknown as {
      text: string;
      flags: { figure: string }[];
      verification: { sentences: Sentence[]; counts: Record<string, number> };
    };
  const sentence = (d: Parameters<typeof section>[0], text: string) =>
    section(d).verification.sentences.find((s) => s.text === text)!;

  beforeAll(async () => {
    server = await startTestServer();
    const events = await readSse(await postJson(`${server.url}/api/drafts`, { type: "letter", inputs: letter }));
    id = events.at(-1)!.data.id;
    const edited = await call("PATCH", `/sections/${KEY}`, { text: `${LOCAL} ${OTHER} ${CITED}` });
    expect(edited.status).toBe(200);
  }, 120_000);
  afterAll(() => server?.stop());

  it("is offered only for a sentence no passage carries, and marks it attested by whom, counted apart", async () => {
    const before = await draft();
    expect(sentence(before, LOCAL).status).toBe("unsupported");
    expect(sentence(before, CITED).status).toBe("invalid-citation");
    const page = before.model.sections.find((s: { key: string }) => s.key === KEY);
    expect(page.attestable).toContain(LOCAL);
    expect(page.attestable).not.toContain(CITED);

    // An invalid citation is to be corrected, never vouched for.
    const refused = await attest({ sentence: CITED, version: before.versions.length });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toBe(message("drafts.attest.invalidCitation"));
    // A stale version: the 409 of a section edit.
    const stale = await attest({ sentence: LOCAL, version: before.versions.length - 1, name: "Alice Martin" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toContain("Modification refusée");

    const res = await attest({ sentence: LOCAL, version: before.versions.length, name: "Alice Martin" });
    expect(res.status).toBe(200);
    const after = await res.json();
    expect(after.versions.length).toBe(before.versions.length + 1);
    expect(after.versions.at(-1).cause).toBe(`attest:${KEY}`);
    const s = sentence(after, LOCAL);
    expect(s.status).toBe("attested");
    expect(s.attestation?.by).toBe("Alice Martin");
    // Why no passage carries it is still said.
    expect(s.reasons.join(" ")).toContain("« Alice » n'est pas nommé");
    const counts = section(after).verification.counts;
    expect(counts.attested).toBe(1);
    expect(counts.unsupported).toBe(section(before).verification.counts.unsupported! - 1);
    // Its figures go with it: no longer « [à vérifier] »; the other sentence's stay.
    expect(section(after).flags.map((f) => f.figure)).not.toContain("40 %");
    expect(section(after).flags.map((f) => f.figure)).toContain("100 000");
    // Twice is refused, saying by whom it already is.
    const again = await attest({ sentence: LOCAL, version: after.versions.length });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain("déjà attestée comme fait local, par Alice Martin");
  });

  it("prints « [fait local, attesté par … le …] » in the page's model and every export, not « [non vérifié] »", async () => {
    const d = await draft();
    const at = sentence(d, LOCAL).attestation!.at;
    const label = message("drafts.attest.inline", {
      by: "Alice Martin",
      // The day in the collectivité's time zone, as the product writes every date (from 23:00 UTC, Paris is a day on).
      date: new Intl.DateTimeFormat("fr-FR", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: timeZone(),
      }).format(new Date(at)),
    });
    const inlines = d.model.sections
      .find((s: { key: string }) => s.key === KEY)
      .blocks.flatMap((b: { inlines?: unknown[] }) => b.inlines ?? []) as { text?: string; attested?: boolean }[];
    expect(inlines.filter((i) => i.attested).map((i) => i.text?.trim())).toEqual([label]);
    expect(d.model.checks.map((c: { text: string }) => c.text)).not.toContain(LOCAL.slice(0, -1));
    const file = async (format: string) =>
      new Uint8Array(await (await fetch(`${server.url}/api/drafts/${id}/export?format=${format}`)).arrayBuffer());
    const texts = [
      new TextDecoder().decode(await file("md")).replace(/\*/g, ""),
      xmlText(await file("odt"), "content.xml"),
      xmlText(await file("docx"), "word/document.xml"),
      ...(hasPdftotext ? [await pdfText(await file("pdf"))] : []),
    ];
    for (const text of texts) {
      expect(text).toContain(`validé en bureau communautaire ${label}.`);
      expect(text).toContain("sous Linux [non vérifié]");
      expect(text).toContain("1 phrase marquée « fait local, attesté par… »");
    }
  });

  it("survives a later check of the same sentence, is lost when its text changes, and can be withdrawn", async () => {
    // Another sentence edited: the section is checked again, the attested one kept.
    const kept = await call("PATCH", `/sections/${KEY}`, { text: `${LOCAL} La Gendarmerie a migré des postes.` });
    expect(kept.status).toBe(200);
    expect(sentence(await kept.json(), LOCAL).status).toBe("attested");

    // Withdrawn: « non vérifié » again, its figures flagged again.
    const withdrawn = await attest({ sentence: LOCAL }, "DELETE");
    expect(withdrawn.status).toBe(200);
    const w = await withdrawn.json();
    expect(sentence(w, LOCAL).status).toBe("unsupported");
    expect(sentence(w, LOCAL).attestation).toBeUndefined();
    expect(section(w).flags.map((f) => f.figure)).toContain("40 %");
    expect(w.versions.at(-1).cause).toBe(`unattest:${KEY}`);

    expect((await attest({ sentence: LOCAL, name: "Alice Martin" })).status).toBe(200);
    // Its text changed (another figure): the attestation is lost, it is « non vérifié » again.
    const changed = LOCAL.replace("40 %", "35 %");
    const lost = await call("PATCH", `/sections/${KEY}`, { text: changed });
    const l = await lost.json();
    expect(sentence(l, changed).status).toBe("unsupported");
    expect(section(l).verification.counts.attested).toBeUndefined();
    expect(l.versions.at(-1).sections.find((s: { key: string }) => s.key === KEY).attestations).toBeUndefined();
  });

  it("never attests a sentence a passage contradicts or gives otherwise", () => {
    const check = (reasons: string[]): SentenceCheck => ({
      // A rule of the collectivité's own body (a national body's is no local fact: trial22-attest.test.ts).
      text: "Le bureau communautaire interdit Windows.",
      start: 0,
      end: 41,
      status: "unsupported",
      citations: [1],
      invalidCitations: [],
      reasons,
    });
    const where = message("verify.whereCited");
    expect(notAttestable(check([message("verify.nameNotFound", { name: "Alice", where })]), [])).toBeNull();
    const contradicted = message("verify.contradiction", { where, quote: "il n'interdit aucun fournisseur" });
    expect(notAttestable(check([contradicted]), [])).toContain("le passage cité dit le contraire");
    const swapped = message("verify.figureContext", { figure: "40 %", where });
    expect(notAttestable(check([message("verify.nameNotFound", { name: "Alice", where }), swapped]), [])).toContain(
      "mais pour autre chose",
    );
    // A figure the corpus qualifies (« non confirmés ») in it: not a local fact to vouch for.
    const qualified = [{ figure: "Windows", reason: "présenté comme non confirmé", qualifier: "non confirmés" }];
    expect(notAttestable(check([message("verify.nameNotFound", { name: "X", where })]), qualified)).not.toBeNull();
  });
});
