/**
 * « En bref » read aloud in council, what the twenty-first new-user trial (/work/notes/trial21-FINDINGS.md) and the
 * lead's élu probes of 7 December 2026 found wrong, on the real corpus, without a model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../server/engine.ts";
import { askConversation, realCorpusEngine } from "../helpers/server.ts";

let real: { engine: Engine; close(): Promise<void> };
beforeAll(async () => {
  real = await realCorpusEngine("cap-libre-trial21-");
}, 120_000);
afterAll(async () => real?.close());

/** The answer to one question: its whole text, its « En bref » line (empty when there is none) and its abstention. */
async function ask(question: string) {
  const { text, docs, done } = await askConversation(real.engine, question);
  return { text, brief: text.split("\n").find((l) => l.startsWith("En bref")) ?? "", docs, done };
}

describe("a definition asked (« c'est quoi … »)", () => {
  it("reads what the law allows with the day it was enacted, the next sentence referring back to it", async () => {
    const { brief } = await ask("c'est quoi le cloud act");
    expect(brief).toContain("promulgué le 23 mars 2018");
    expect(brief).toContain("Il modifie le Stored Communications Act");
  });

  it("reads the sentence that says what the thing is, not advice naming it (« c'est quoi un opsn », lead's probe)", async () => {
    const { brief } = await ask("c'est quoi un opsn ?");
    expect(brief).toContain("structures publiques qui mutualisent");
    expect(brief).not.toContain("a intérêt à demander");
  });

  it("keeps a sentence that says what the thing does by itself", async () => {
    const { brief } = await ask("c'est quoi la section 702 du fisa");
    expect(brief).toContain("autorise une surveillance sans mandat individuel");
    expect(brief).not.toContain("Data Privacy Framework");
  });
});

describe("a month asked (« qu'a décidé le gouvernement en avril 2026 ? », lead's probe)", () => {
  it("is not answered aloud by a sentence on other months of that year", async () => {
    const { brief, text } = await ask("qu'a décidé le gouvernement en avril 2026 ?");
    expect(brief).not.toContain("Entre janvier et mars 2026");
    expect(text).toContain("La DINUM a annoncé qu'elle abandonnait Windows");
  });
});

describe("peers asked (« quelles communes françaises utilisent linux ? », lead's probe)", () => {
  it("reads collectivités, not a law's sentence that names none", async () => {
    const { brief } = await ask("quelles communes françaises utilisent linux ?");
    expect(brief).toContain("Boé");
    expect(brief).not.toContain("La loi n° 2016-1321");
  });
});

describe("a price asked (« combien coûte microsoft 365 pour une collectivité ? », lead's probe)", () => {
  it("reads amounts, not only that prices rise", async () => {
    const { brief } = await ask("combien coûte microsoft 365 pour une collectivité ?");
    expect(brief).toMatch(/\d+ dollars/);
  });

  it("reads the rise asked, not a fall beside it (« De combien la facture … va-t-elle grimper cette année ? »)", async () => {
    const { brief } = await ask("De combien la facture de nos licences Microsoft va-t-elle grimper cette année ?");
    expect(brief).toContain("Microsoft augmente ses prix publics");
    expect(brief).not.toContain("a baissé");
  });

  it("reads a factor asked first, not another amount (« … multipliée par combien ? »)", async () => {
    const { brief } = await ask(
      "Depuis que Broadcom a racheté VMware, la facture des licences a été multipliée par combien ?",
    );
    expect(brief).toMatch(/^En bref : « Hausses de coût VMware de 8 à 15 fois/);
  });
});

describe("a question naming no product and asking for none", () => {
  it("is not answered aloud by the cards of products it does not name (« le libre c'est gratuit ? »)", async () => {
    for (const question of ["le libre c'est gratuit ?", "les logiciels libres c'est gratuit ?"]) {
      const { brief, docs } = await ask(question);
      expect(docs).toContain("catalog/vendor/dotpdn");
      expect(brief).not.toContain("Paint.NET");
      expect(brief).not.toContain("Vivaldi");
    }
  });

  it("still reads the card of a product it names", async () => {
    const { brief } = await ask("par quoi remplacer kaspersky");
    expect(brief).toContain("Alternatives : Bitdefender GravityZone");
  });
});

describe("a product's card and a second ask for a length of time (trial21 T-M3)", () => {
  it("reads the card, then the length of time a passage gives", async () => {
    const { brief } = await ask("c quoi une alternative a teams et combien de temps ca prend pour migrer");
    expect(brief).toContain("Alternatives : Element");
    expect(brief).toContain("en six mois environ");
  });

  it("reads the card, then says the passages give no length of time", async () => {
    const { brief } = await ask("c'est quoi une alternative à zoom et combien de temps pour migrer ?");
    expect(brief).toContain("Alternatives : Tixeo");
    expect(brief).toContain("ne disent pas « combien de temps pour migrer »");
  });
});

describe("a yes/no question on an event no quoted sentence says of its subject (trial21 T-M7)", () => {
  it("says first that the passages do not say it, without the tag asking to confirm it", async () => {
    const { brief, done } = await ask("la gendarmerie est repassée sous windows 11 en 2024 non ?");
    expect(done.abstention).toBeNull();
    expect(brief).toContain("Les passages cités ne disent pas « la gendarmerie est repassée sous windows 11 en 2024 »");
    expect(brief).toContain("Gendarmerie nationale");
  });

  it("quotes the premise alone, not the question it opens (« Puisque …, que doit faire … », trial26 T-M2)", async () => {
    const { brief } = await ask(
      "Puisque l'Union européenne a interdit Microsoft en 2025, que doit faire notre commune ?",
    );
    expect(brief).toContain("ne disent pas « l'Union européenne a interdit Microsoft en 2025 »");
    expect(brief).not.toContain("que doit faire");
  });

  it("reads the event when a passage tells it (Munich's return to Windows)", async () => {
    const { brief } = await ask("munich est revenu à windows ?");
    expect(brief).not.toContain("ne disent pas");
    expect(brief).toContain("le conseil municipal a voté le retour");
  });
});

describe("a région asked as a body that the passages name only inside another body's name (trial21 T-M8)", () => {
  it("abstains on « la region bretagne » (only « Quimper Bretagne Occidentale », « Mégalis Bretagne »)", async () => {
    const { text, done } = await ask("la region bretagne a fait quoi pour le libre");
    expect(done.abstention?.reason).toBe("missing-name");
    expect(text).not.toContain("Linux Quimper");
  });

  it("answers on a région the passages name by itself (« la Région Occitanie »)", async () => {
    const { brief, done } = await ask("la région occitanie a fait quoi pour le libre");
    expect(done.abstention).toBeNull();
    expect(brief).toContain("Occitanie");
  });
});

describe("peers asked (« quelles communes sont passées au libre ? »)", () => {
  it("are not answered by a sentence whose subject is a person (a DSI's career)", async () => {
    const { brief } = await ask("quelles communes sont passées au libre ?");
    expect(brief).not.toContain("Nicolas Vivant");
  });
});

describe("a cost asked that no quoted passage gives (trial21 T-M4)", () => {
  it("says the passages give no amount (« combien ca a coute a lyon de sortir de microsoft »)", async () => {
    const { text, done } = await ask("combien ca a coute a lyon de sortir de microsoft");
    expect(done.abstention).toBeNull();
    expect(text).toContain("Les passages cités ne donnent aucun montant");
  });

  it("says nothing of the kind when a passage gives the amount", async () => {
    const { text } = await ask("combien coûte une licence microsoft 365 e3 ?");
    expect(text).not.toContain("ne donnent aucun montant");
    expect(text).toContain("39 dollars");
  });
});

describe("a judgement asked on what a product does (trial21 T-L10)", () => {
  it("« libreoffice ca ouvre les fichiers word correctement ? » is answered by its card's migration line", async () => {
    const { brief, done } = await ask("libreoffice ca ouvre les fichiers word correctement ?");
    expect(done.abstention).toBeNull();
    expect(brief).toContain("Ouvre et enregistre les formats DOCX");
    expect(brief).toContain("macros VBA");
  });
});
