/**
 * « Qui est X ? » without a model (trial11 A5): « En bref » quotes the sentence that gives the person's role in
 * apposition to the name, though it refers back to the sentence before it. Passages written for the test, on people
 * and places that are not the trial's.
 */
import { describe, expect, it } from "vitest";
import { givesRole, personAsked } from "../../server/answers/person-brief.ts";
import { briefFor, passageOf } from "../helpers/passages.ts";

describe("a question asking who a person is", () => {
  it.each([
    ["Qui est Jeanne Keraudren ?", "Jeanne Keraudren"],
    ["Jeanne Keraudren, c'est qui ?", "Jeanne Keraudren"],
    ["Qui est Ursula von der Leyen ?", "Ursula von der Leyen"],
  ])("names the person: %s", (question, name) => {
    expect(personAsked(question)).toBe(name);
  });

  it.each(["Qui est le maire de Quimperlé ?", "Qui est Quimperlé ?", "Qui pilote la migration à Vannes ?"])(
    "or asks something else: %s",
    (question) => {
      expect(personAsked(question)).toBeNull();
    },
  );

  it("finds the role in apposition, before or after the name, or after « est »", () => {
    expect(
      givesRole("Jeanne Keraudren, adjointe au maire chargée du numérique, a présenté le plan.", "Jeanne Keraudren"),
    ).toBe(true);
    expect(
      givesRole(
        "À Vannes, la directrice des systèmes d'information, Jeanne Keraudren, a présenté le plan.",
        "Jeanne Keraudren",
      ),
    ).toBe(true);
    expect(givesRole("Jeanne Keraudren est la présidente de l'association Libre Armor.", "Jeanne Keraudren")).toBe(
      true,
    );
    // Named, no role given: « Jeanne Keraudren a présenté … » says what she did, not who she is.
    expect(
      givesRole("Jeanne Keraudren a présenté le plan au conseil municipal de Vannes en mai.", "Jeanne Keraudren"),
    ).toBe(false);
  });
});

describe("« En bref » of « Qui est X ? »", () => {
  const used = [
    passageOf(
      "vannes#0",
      "Ville de Vannes : une messagerie libre",
      "Le 12 mai 2025, la Ville de Vannes a annoncé qu'elle quitterait Exchange pour une messagerie libre hébergée en Bretagne, au nom de la maîtrise de ses données (Ouest-France, mai 2025). Jeanne Keraudren, adjointe au maire chargée du numérique, a relié ce choix à la hausse des licences, qui selon elle pèse sur le budget (Le Télégramme, mai 2025).",
    ),
  ];

  it("quotes the sentence that gives the role, though it refers back", () => {
    const brief = briefFor("Qui est Jeanne Keraudren ?", used);
    expect(brief?.text).toContain("Jeanne Keraudren, adjointe au maire chargée du numérique");
    expect(brief?.quotes.map((q) => q.source)).toEqual([1]);
  });

  it("prefers a sentence that reads alone, a list item included", () => {
    const more = [
      ...used,
      passageOf(
        "gouvernance#0",
        "Gouvernance : le rôle des élus",
        "Des exemples :\n\n- À Vannes, l'adjointe au maire chargée du numérique, Jeanne Keraudren, a défendu en mai 2025 la sortie d'Exchange devant le conseil municipal (Le Télégramme, mai 2025).\n- À Lorient, la DSI a piloté seule.",
        "guidance",
      ),
    ];
    expect(briefFor("Qui est Jeanne Keraudren ?", more)?.quotes.map((q) => q.source)).toEqual([2]);
  });
});
