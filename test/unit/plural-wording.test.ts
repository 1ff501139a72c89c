import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countText, message, pluralMessage } from "../../server/i18n/messages.ts";

// Every file a user reads a message from: the server's messages, the page's messages and pages, the prompts.
const root = new URL("../../", import.meta.url);
const filesUnder = (dir: string, ext: RegExp): string[] =>
  readdirSync(new URL(dir, root), { recursive: true, encoding: "utf8" })
    .filter((name) => ext.test(name))
    .map((name) => `${dir}${name}`);
const userFacing = [
  ...filesUnder("server/i18n/fr/", /\.json$/),
  "web/messages.fr.json",
  ...filesUnder("web/", /^[^/]+\.html$/),
  ...filesUnder("prompts/fr/", /\.(?:md|ya?ml)$/),
];

/** « phrase(s) », « laissé(e)s », « lu(e) »: a bracketed ending instead of a real French plural or feminine. */
const BRACKETED_ENDING = /\p{L}(?<!http)\((?:e|s|es|x)\)/u;

describe("user-facing messages write real French plurals", () => {
  it("reads the message files", () => {
    expect(userFacing.length).toBeGreaterThan(10);
    expect(userFacing).toContain("server/i18n/fr/core.json");
  });

  it("no message writes « (s) » or « (e)s »: a count key or a .one/.other pair instead", () => {
    const found: string[] = [];
    for (const file of userFacing) {
      readFileSync(new URL(file, root), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (BRACKETED_ENDING.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("the rule itself catches the old wordings", () => {
    for (const old of ["{count} phrase(s) à vérifier", "fichier(s) temporaire(s) laissé(s)", "lu(e)s"])
      expect(BRACKETED_ENDING.test(old)).toBe(true);
    for (const fine of ["(s) => s.id", "http(s)", "Analyse en cours (3 fichiers)…"])
      expect(BRACKETED_ENDING.test(fine)).toBe(false);
  });

  it("every .one message has its .other, in each message file", () => {
    for (const file of [...userFacing.filter((f) => f.endsWith(".json"))]) {
      const keys = new Set(Object.keys(JSON.parse(readFileSync(new URL(file, root), "utf8"))));
      const lonely = [...keys].filter((k) => k.endsWith(".one") && !keys.has(`${k.slice(0, -4)}.other`));
      expect(lonely, file).toEqual([]);
    }
  });

  it("one rule: singular under 2, plural from 2, for verbs and adjectives too", () => {
    expect(pluralMessage("tmp.cleaned", 1, { count: 1 })).toBe(
      "1 fichier temporaire laissé par un arrêt brutal a été supprimé.",
    );
    expect(pluralMessage("tmp.cleaned", 3, { count: 3 })).toBe(
      "3 fichiers temporaires laissés par un arrêt brutal ont été supprimés.",
    );
    expect(pluralMessage("validate.failed", 2, { count: 2 })).toMatch(/^2 problèmes à corriger : les fichiers/);
    expect(pluralMessage("v1.verificationWarning", 1, { count: 1 })).toContain("1 phrase de cette réponse ne s'appuie");
    expect(message("validation.tooFew", { min: countText("item", 1) })).toBe("liste trop courte (1 élément au moins)");
    expect(message("validation.tooFew", { min: countText("item", 3) })).toBe("liste trop courte (3 éléments au moins)");
  });
});
