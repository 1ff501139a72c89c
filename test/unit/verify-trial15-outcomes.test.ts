/**
 * trial15 A6, A12, A14 and faithful-blind-15 misses of the same family, on the real corpus passages: an outcome stated
 * of a named peer (« a migré », « a accepté », « ont obtenu », « s'est fixé ») that the cited passage does not say of it,
 * or only as a request; the question of a draft's data lending its words to a sentence citing a passage; a figure of a
 * sentence about a peer that only the document's own data give; a short invented reason; an agent after « par » the
 * passage never writes; a detail the passage says its sources do not give.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../server/corpus/chunk.ts";
import { parseMarkdownDocument } from "../../server/corpus/documents.ts";
import { verifyText } from "../../server/verify/index.ts";

/** The passage of a corpus document under `section`, as the answer path checks it (« title — section\ntext »). */
async function passage(doc: string, section: string): Promise<string> {
  const parsed = parseMarkdownDocument(`${doc}.md`, await readFile(`corpus/${doc}.md`, "utf8"), [])!;
  const chunk = (await chunkDocument(parsed)).find((c) => c.section === section);
  if (!chunk) throw new Error(`${doc}: no section « ${section} »`);
  return `${parsed.title} — ${chunk.section}\n${chunk.text}`;
}

/** The first sentence's verification against the passages (numbered [1], [2]…) and the data. */
const check = (sentence: string, passages: string[], facts: string[] = []) =>
  verifyText(
    sentence,
    passages.map((text, n) => ({ n: n + 1, text })),
    { facts },
  ).sentences[0]!;

const QUIMPER = () =>
  passage(
    "guidance/seminaire-interministeriel-8-avril-2026",
    "Un exemple de demande locale : Linux Quimper et Quimper Bretagne Occidentale",
  );

describe("an outcome stated of a named peer (A6)", () => {
  it("flags « a migré » and « a accepté » where the passage only says Linux Quimper wrote and proposed", async () => {
    const p = await QUIMPER();
    const migrated = check("Quimper Bretagne Occidentale a migré ses postes vers Linux en 2026 [1].", [p]);
    expect(migrated.status).toBe("unsupported");
    expect(migrated.reasons.join(" ")).toContain("« a migré » : le passage cité ne le dit pas de « Quimper");
    const accepted = check("La présidente de QBO a accepté l'étude des dépendances proposée par Linux Quimper [1].", [
      p,
    ]);
    expect(accepted.status).toBe("unsupported");
    expect(accepted.reasons.join(" ")).toContain("« a accepté »");
  });

  it("flags an objective the passage gives only as a request (A14 « s'est fixé le même objectif »)", async () => {
    const asked = check("Quimper Bretagne Occidentale s'est fixé le même objectif [1].", [await QUIMPER()]);
    expect(asked.status).toBe("unsupported");
    expect(asked.reasons.join(" ")).toContain("que comme une demande");
    const guide = await passage("guidance/objectif-chiffre-et-calendrier", "Pourquoi un objectif chiffré");
    expect(check("Quimper Bretagne Occidentale s'est fixé un objectif chiffré [1].", [guide]).status).toBe(
      "unsupported",
    );
  });

  it("accepts what the passage says of them, and outcomes it states", async () => {
    const p = await QUIMPER();
    expect(check("Linux Quimper a écrit à la présidente de QBO en avril 2026 [1].", [p]).reasons).toEqual([]);
    expect(check("Le collectif Linux Quimper propose que QBO étudie ses dépendances [1].", [p]).reasons).toEqual([]);
    const munich = await passage(
      "guidance/gouvernance-elus-dsi-reseaux",
      "Résister aux alternances : le risque politique",
    );
    expect(
      check("À Munich, le conseil municipal a voté en novembre 2017 le retour à Windows [1].", [munich]).reasons,
    ).toEqual([]);
    expect(
      check("Nancy a abandonné sa stratégie de logiciel libre après un changement de majorité [1].", [munich]).reasons,
    ).toEqual([]);
  });
});

describe("invented mechanisms and causes of peers' decisions (A14)", () => {
  it("flags « les agents ont obtenu le retour à Windows par une pétition »", async () => {
    const reasons = await passage(
      "case-studies/munich-limux",
      "Munich : les raisons avancées par la majorité municipale",
    );
    const s = check("À Munich, les agents ont obtenu le retour à Windows par une pétition [1].", [reasons]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« ont obtenu »");
  });

  it("flags a two-word reason with one word the passage does not write", async () => {
    const p = await passage("guidance/gouvernance-elus-dsi-reseaux", "Résister aux alternances : le risque politique");
    const s = check("Nancy a abandonné le logiciel libre parce que les agents le rejetaient [1].", [p]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« les agents le rejetaient »");
    expect(
      check("Nancy a interrompu sa stratégie de logiciel libre parce que la majorité municipale a changé [1].", [p])
        .reasons,
    ).toEqual([]);
  });
});

/** A roadmap's own data: its category table (« Outils collaboratifs … 95 % ») and its target. */
const ROADMAP_DATA = [
  "Collectivité : Communauté d'agglomération Pays de Morlaix-Est (intercommunalité ; Bretagne)",
  "| Catégorie | Logiciels | Installations | dont extra-européennes | Part extra-européenne |\n| --- | --- | --- | --- | --- |\n| Outils collaboratifs | 8 | 2 625 | 2 505 | 95 % |",
  "Objectif : exposition pondérée de 35 % d'ici juin 2029",
];

describe("a figure of a peer that only the document's own data give (A14)", () => {
  it("does not let the roadmap's « 95 % » vouch for a peer's saving", async () => {
    const savings = await passage("guidance/couts-et-economies", "Les économies publiées");
    const s = check("La Gendarmerie a réduit ses coûts de licences de 95 % [1].", [savings], ROADMAP_DATA);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("le chiffre « 95 % » ne figure pas dans le passage cité");
    const boe = check("Boé a réduit ses coûts de licences de 95 % [1].", [savings], ROADMAP_DATA);
    expect(boe.reasons.join(" ")).toContain("« 95 % »");
    expect(boe.reasons.join(" ")).toContain("« Boé » n'est pas nommé");
  });

  it("still lets the data vouch for the collectivité's own figures", async () => {
    const savings = await passage("guidance/couts-et-economies", "Les économies publiées");
    expect(
      check("L'agglomération vise 35 % d'exposition pondérée [1].", [savings], ROADMAP_DATA).reasons,
    ).not.toContain("le chiffre « 35 % » ne figure pas dans le passage cité");
    expect(
      check("Comme l'État, l'agglomération vise 35 % d'exposition pondérée [1].", [savings], ROADMAP_DATA).reasons.join(
        " ",
      ),
    ).not.toContain("« 35 % » ne figure pas");
  });
});

describe("the question of a note's data lends no word to a sentence citing a passage (A12)", () => {
  const data = [
    "Collectivité : Plouézoc'h (commune ; Finistère ; Bretagne)\nDestinataire : Madame la Maire, maire de Plouézoc'h\nQuestion posée : La directive NIS2 oblige-t-elle notre commune de 9 000 habitants à changer de logiciels, et à partir de quand ?",
  ];
  it("flags « NIS2 impose aux collectivités de remplacer leurs logiciels américains »", async () => {
    const nis2 = await passage("guidance/nis2-transposition-collectivites", "NIS2 : la directive européenne");
    const s = check("NIS2 impose aux collectivités de remplacer leurs logiciels américains [1].", [nis2], data);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« logiciels »");
    expect(check("NIS2 remplace la première directive NIS, au champ plus étroit [1].", [nis2], data).reasons).toEqual(
      [],
    );
  });
});

describe("invented details of faithful-blind-15", () => {
  it("flags an agent after « par » the passage never writes", async () => {
    const p = await passage(
      "ecosystem/se-faire-accompagner",
      "Se faire accompagner pour faire reconnaître sa démarche",
    );
    const s = check("Le badge s'obtient par un formulaire de dix questions, validé par la préfecture [1].", [p]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("« par la préfecture »");
    expect(check("Le badge s'obtient par un formulaire de dix questions [1].", [p]).reasons).toEqual([]);
  });

  it("flags a detail the passage says its sources do not give, not the passage's own answer", async () => {
    const p = await passage("ecosystem/declic-opsn", "Déclic et les OPSN : quand s'adresser à eux ?");
    const s = check("Déclic publie sur son site la liste des OPSN par département [1].", [p]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("dit ne pas le savoir");
    expect(check("La liste des OPSN par département est à demander à Déclic [1].", [p]).reasons).toEqual([]);
  });
});

describe("the subject of an outcome", () => {
  const passage =
    "Le contentieux — Broadcom\nLa CNAM a saisi le juge des référés contre Broadcom, qui avait relevé ses prix.";
  it("is a name before the verb, or before « qui », not a name after a preposition", () => {
    expect(
      check("La CNAM a saisi le juge contre Broadcom, qui a obtenu gain de cause [1].", [passage]).reasons.join(" "),
    ).toContain("« a obtenu » : le passage cité ne le dit pas de « Broadcom »");
    const lyon = "Lyon — Bureautique\nLa Ville de Lyon a engagé sa migration vers LibreOffice, terminée en 2025.";
    expect(check("Sa migration vers LibreOffice s'est achevée en 2025 [1].", [lyon]).reasons).toEqual([]);
  });
});
