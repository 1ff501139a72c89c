/**
 * The page shows a saved draft from the server's document model, not by parsing its Markdown again: in a real
 * Chromium, the note calls and notes of a draft (a note called twice in a section, notes in a list and a table, a
 * second section citing its own passages) carry the numbers the Markdown, ODT and PDF exports print, and the
 * verification marks and sources with their dates read as in the exports.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Draft } from "../../server/drafting/types.ts";
import { message } from "../../server/i18n/messages.ts";
import { browserAvailable } from "../helpers/browser.ts";
import { useBrowserAndServer } from "../helpers/browser-server.ts";
import { openPage } from "./page.ts";

const source = (title: string, url: string | null, date: string | null) => ({ title, url, date });
const citation = (n: number, title: string, sources: ReturnType<typeof source>[]) => ({
  n,
  title,
  section: "Repères",
  date: "2026-04-10",
  url: null,
  sources,
});

const UNSUPPORTED = "Le texte date de 2025 [2], et la DINUM le rappelle [1].";

/** Two headed sections; the first calls its note 1 three times, the second has its own [1] and [2]. */
const draft: Draft = {
  id: "notes-test",
  type: "briefing",
  title: "Note de test",
  collectivite: "Commune de Numérotation",
  inputs: { collectivite: { name: "Commune de Numérotation" }, question: "Qu'en est-il ?" },
  createdAt: "2026-05-01T10:00:00.000Z",
  versions: [
    {
      at: "2026-05-01T10:00:00.000Z",
      cause: "generate",
      sections: [
        {
          key: "contexte",
          title: "Contexte",
          heading: true,
          mode: "generated",
          toComplete: false,
          passageIds: [],
          text: `La DINUM recommande Tchap [1]. ${UNSUPPORTED}\n\n- Un point cité [1]\n- Un autre [2]\n\n| Outil | Source |\n|---|---|\n| Tchap | interne [1] |`,
          citations: [
            citation(1, "Messagerie de l'État", [
              source("DINUM, circulaire", "https://www.numerique.gouv.fr/a", "2025-05"),
            ]),
            citation(2, "Doctrine cloud", [
              source("Légifrance, loi SREN", "https://www.legifrance.gouv.fr/b", "2024-05-21"),
              source("Cour des comptes, rapport", "https://www.ccomptes.fr/c", null),
            ]),
          ],
          flags: [],
          verification: {
            sentences: [
              {
                text: UNSUPPORTED,
                start: 31,
                end: 31 + UNSUPPORTED.length,
                status: "unsupported",
                reasons: ["aucun passage ne le dit"],
              },
            ],
            counts: { unsupported: 1, invalidMarkers: 0 },
          } as unknown as Draft["versions"][number]["sections"][number]["verification"],
        },
        {
          key: "suite",
          title: "Suite",
          heading: true,
          mode: "generated",
          toComplete: false,
          passageIds: [],
          text: "Une autre source [2], puis la première [1] de cette section.",
          citations: [
            citation(1, "Retours d'expérience", [source("Gendarmerie, bilan", "https://www.gendarmerie.fr/d", "2024")]),
            citation(2, "Catalogue", []),
          ],
          flags: [],
        },
      ],
    },
  ],
};

const LOCAL = "Objectif (Alice) : 40 % en juin 2029, validé en bureau communautaire.";

/** A hand edit stating a local fact no passage carries (trial16 C24), « [non vérifié] » until attested. */
const localFact: Draft = {
  ...draft,
  id: "local-fact-test",
  versions: [
    {
      at: "2026-05-01T10:00:00.000Z",
      cause: "generate",
      sections: [
        {
          key: "objectif",
          title: "Objectif",
          heading: true,
          mode: "template",
          toComplete: false,
          passageIds: [],
          text: LOCAL,
          citations: [],
          flags: [],
          verification: {
            sentences: [
              {
                text: LOCAL,
                start: 0,
                end: LOCAL.length,
                status: "unsupported",
                citations: [],
                invalidCitations: [],
                reasons: [message("verify.nameNotFound", { name: "Alice", where: message("verify.wherePassages") })],
              },
            ],
            counts: { sentences: 1, supported: 0, unsupported: 1, invalidCitation: 0, noClaim: 0, invalidMarkers: 0 },
          },
        },
      ],
    },
  ],
};

describe.skipIf(!browserAvailable)("a saved draft in the page: the document model, numbered as the exports", () => {
  const env = useBrowserAndServer(async (server) => {
    await server.engine.records<Draft>("drafts").put(draft.id, draft);
    await server.engine.records<Draft>("drafts").put(localFact.id, localFact);
  });

  const exported = async (format: string) => {
    const response = await fetch(`${env.server.url}/api/drafts/${draft.id}/export?format=${format}`);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };

  it("shows the note calls and notes with the numbers of the Markdown, ODT and PDF exports", async () => {
    const { page, consoleErrors } = await openPage(env.context, env.server.url, `#documents/${draft.id}`);
    await page.locator(".draft-section .notes").first().waitFor();
    const calls = (await page.locator(".draft-body a.cite").allInnerTexts()).map((c) => Number(c.slice(1, -1)));
    const listed = await page
      .locator(".draft-body .notes li")
      .evaluateAll((items) => items.map((li) => [(li as HTMLLIElement).value, li.textContent ?? ""] as const));
    // Numbered across the document, one number per passage and section, in the order of first call.
    expect(calls).toEqual([1, 2, 1, 1, 2, 1, 3, 4]);
    expect(listed.map(([n]) => n)).toEqual([1, 2, 3, 4]);
    // Each call leads to its note.
    for (const n of [1, 2, 3, 4]) {
      const href = await page
        .locator(".draft-body a.cite", { hasText: `[${n}]` })
        .first()
        .getAttribute("href");
      expect(await page.locator(`[id="${href!.slice(1)}"]`).getAttribute("value")).toBe(String(n));
    }

    // Markdown: `[^n]` calls in the body, `[^n]:` notes at the end.
    const md = new TextDecoder().decode(await exported("md"));
    const [body, notes] = [md.slice(0, md.indexOf("\n[^1]:")), md.slice(md.indexOf("\n[^1]:"))];
    expect([...body.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]))).toEqual(calls);
    const mdNotes = [...notes.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), m[2]!.replace(/\\/g, "")]);
    expect(mdNotes.map(([n]) => n)).toEqual(listed.map(([n]) => n));
    // The page's note reads as the export's, addresses aside (links on the page, `<…>` in the file).
    const plain = (s: string) =>
      s
        .replace(/ ?\(s'ouvre dans un nouvel onglet\)| ?<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .trim();
    for (const [i, [, text]] of listed.entries()) expect(plain(text)).toBe(plain(String(mdNotes[i]![1])));

    // ODT: one footnote per note, a second call refers to it by the same number.
    const content = strFromU8(unzipSync(await exported("odt"))["content.xml"]!);
    const odtCalls = [
      ...content.matchAll(
        /<text:note-citation>(\d+)<\/text:note-citation>|<text:note-ref [^>]*>(\d+)<\/text:note-ref>/g,
      ),
    ].map((m) => Number(m[1] ?? m[2]));
    expect(odtCalls).toEqual(calls);

    // PDF: the endnotes' numbers, read back from the file.
    if (existsSync("/usr/bin/pdftotext")) {
      const dir = await mkdtemp(path.join(tmpdir(), "cap-libre-notes-"));
      try {
        await writeFile(path.join(dir, "d.pdf"), await exported("pdf"));
        const text = execFileSync("pdftotext", ["-layout", path.join(dir, "d.pdf"), "-"], { encoding: "utf8" });
        expect([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))).toEqual([...calls, 1, 2, 3, 4]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }

    // The verification mark and the sources with their dates, as in the exports.
    const first = await page.locator(".draft-section").first().locator(".draft-text").innerText();
    expect(first).toContain("et la DINUM le rappelle[1] [non vérifié].");
    expect(await page.locator(".draft-section").first().locator(".notes li").first().innerText()).toContain(
      "DINUM, circulaire, mai 2025",
    );
    expect(await page.locator(".draft-body table td").last().innerText()).toBe("interne[1]");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("attests a flagged local fact, asked twice: shown « fait local, attesté par … », said to screen readers too", async () => {
    const { page, consoleErrors } = await openPage(env.context, env.server.url, `#documents/${localFact.id}`);
    const text = page.locator(".draft-section .draft-text");
    expect(await text.innerText()).toContain("bureau communautaire [non vérifié].");
    await page.getByRole("button", { name: `Attester comme fait local : « ${LOCAL} »` }).click();
    await page.getByRole("button", { name: "Confirmer : j'atteste ce fait local" }).click();
    await page.getByText("Phrase attestée comme fait local : version 2 du brouillon.").waitFor();
    const label = text.locator(".attested-label");
    expect(await label.getAttribute("title")).toContain("Cap Libre ne l'a pas vérifié");
    // Seen: who and when, in place of « [non vérifié] »; heard: what it means.
    expect(await text.innerText()).toMatch(
      /bureau communautaire \[fait local, attesté par l'utilisateur de ce poste le \d+ \S+ \d{4}\]\n?:/,
    );
    expect(await text.innerText()).not.toContain("[non vérifié]");
    expect(await label.locator(".visually-hidden").textContent()).toContain(
      "que les sources de Cap Libre ne portent pas",
    );
    expect(await page.locator(".attested li").innerText()).toContain("attesté par l'utilisateur de ce poste");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("serves the model of the version asked for beside the draft, and says in French when there is no such version", async () => {
    const body = await (await fetch(`${env.server.url}/api/drafts/${draft.id}?version=1`)).json();
    expect(body.versions).toHaveLength(1);
    expect(body.model.version).toBe(1);
    expect(body.model.sections.map((s: { key: string }) => s.key)).toEqual(["contexte", "suite"]);
    expect(body.model.sections[1].blocks[0].inlines.filter((i: { kind: string }) => i.kind === "note")).toEqual([
      { kind: "note", n: 3 },
      { kind: "note", n: 4 },
    ]);
    const wrong = await fetch(`${env.server.url}/api/drafts/${draft.id}?version=2`);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toMatch(/version/i);
  });
});
