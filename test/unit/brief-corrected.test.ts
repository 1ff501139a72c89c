/**
 * « En bref » read aloud never leaves out what the corpus says against its quote (trial14 A2): a sentence the next one
 * says is « à nuancer » or « ne vaut que pour … » is quoted with it, even past the usual length, never alone; and the
 * qualifying sentence (« La formule est à nuancer ») is not read without the claim it refers to. Passages written for
 * the test, on places and products that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { briefFor, passageOf } from "../helpers/passages.ts";

const texts = (question: string, used: ReturnType<typeof passageOf>[], asked: ("quantity" | "date")[] = []) =>
  briefFor(question, used, asked)?.quotes.map((q) => q.text) ?? [];

describe("a claim the next sentence says is « à nuancer »", () => {
  const used = [
    passageOf(
      "messagerie#0",
      "Mélodie, la messagerie des ministères",
      "La présentation du syndicat mixte Causses et Vallées (2026) résume l'annonce par le slogan « Mars 2026 — Mélodie obligatoire : fin de WhatsApp pour les ministères d'ici 2028 ». La formule est à nuancer : il s'agit d'une annonce de généralisation du 3 mars 2026, avec une cible en 2028, et elle ne vaut que pour les administrations centrales (Perelafouine, 3 mars 2026). Le même document évoque aussi des essais de postes de travail sous NixOS.",
      "guidance",
    ),
  ];

  it("is quoted with the sentence that qualifies it, even past the usual length", () => {
    const quoted = texts("melodie c est obligatoire pour les communes", used);
    expect(quoted.length).toBeGreaterThan(0);
    const all = quoted.join(" ");
    if (all.includes("Mélodie obligatoire")) expect(all).toContain("ne vaut que pour les administrations centrales");
    expect(all).toContain("La formule est à nuancer");
    expect(all).toMatch(/« Mars 2026 — Mélodie obligatoire[^]*La formule est à nuancer/);
  });

  it("the qualifying sentence is never read without the claim it refers to", () => {
    for (const q of ["quand est ce que melodie sera obligatoire en 2028", "melodie obligatoire pour qui"])
      for (const t of texts(q, used, q.startsWith("quand") ? ["date"] : []))
        expect(t).not.toMatch(/^La formule est à nuancer/);
  });
});
