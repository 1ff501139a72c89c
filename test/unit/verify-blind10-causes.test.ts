/**
 * faithful20: false flags of faithful-blind-10, by kind, on invented products and names (not the set's): a sentence
 * saying the passages do not speak of a name, a true negative read as the passage's contrary, a number inside a product
 * name the passages carry, « hors de l'Union » for « hors UE », two names listed together as the passage lists them.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { reasons, status } from "../helpers/verify.ts";

const FILES =
  "Produit : Services de fichiers de Windows Server — \nServices de fichiers (serveur) : partage de fichiers et d'imprimantes.\nAlternatives : Samba (autre approche, libre GPL-3.0) ; Nextcloud Hub (remplacement direct, Allemagne, libre AGPL-3.0).";

describe("a sentence saying the passages do not speak of a name", () => {
  it("is not flagged for that name's absence", () => {
    expect(status("Les passages fournis ne parlent pas de Docuvault [1].", FILES)).not.toBe("unsupported");
    expect(status("Les passages cités ne mentionnent pas Archivox Pro [1].", FILES)).not.toBe("unsupported");
    expect(status("Le passage ne dit rien de Docuvault [1].", FILES)).not.toBe("unsupported");
  });
  it("still flags a name stated as there", () => {
    expect(reasons("Samba remplace Docuvault depuis 2020 [1].", FILES)).toContain("Docuvault");
  });
});

const PAGEMAKER =
  "Mise Libre (poste de travail) : logiciel libre sous licence GPL-3.0.\nRemplace : QuarkXPress (remplacement partiel).\nMigration : Les fichiers QuarkXPress ne s'ouvrent pas directement (seul le format XML s'importe partiellement) ; les gabarits sont à refaire.";

describe("a true negative the passage states the same way", () => {
  it("is not read as its contrary", () => {
    expect(
      status(
        "Les fichiers QuarkXPress ne s'ouvrent pas directement dans Mise Libre : seul le format XML s'importe partiellement [1].",
        PAGEMAKER,
      ),
    ).toBe("supported");
  });
  it("still flags the contrary", () => {
    expect(status("Les fichiers QuarkXPress s'ouvrent directement dans Mise Libre [1].", PAGEMAKER)).toBe(
      "unsupported",
    );
  });
});

const COMPTA =
  "Produit : Cegid 300 — \nCegid 300 (poste de travail) : comptabilité et gestion commerciale.\nÉditeur : Cegid, Royaume-Uni (hors UE). Exposition : aucune connue.\nDépendance : base de données Microsoft SQL Server.";

describe("a number inside a product name the passages carry", () => {
  it("is not a figure", () => {
    expect(status("Cegid 300 s'appuie sur SQL Server [1].", COMPTA)).toBe("supported");
  });
  it("still flags a figure the passage does not give", () => {
    expect(status("Cegid 300 coûte 450 euros par poste [1].", COMPTA)).toBe("unsupported");
  });
});

describe("« l'Union » for the European Union the passage writes « UE »", () => {
  it("is not a name absent", () => {
    expect(reasons("Cegid est hors de l'Union européenne [1].", COMPTA)).not.toContain("Union");
    expect(reasons("Cegid est membre de l'Union africaine [1].", COMPTA)).toContain("« Union »");
    // Initials that spell a word of the passage (« en » for « Éducation nationale ») are no acronym.
    expect(reasons("Cegid est employé par l'Éducation nationale [1].", COMPTA)).toContain("« Éducation »");
  });
});

const EVENT =
  "Grenoble a créé en 2023 le salon LibreAlpes avec l'association Adullact. Des éditeurs nationaux comme Open-Xchange et Worldline étaient présents et les thèmes se sont élargis.";

const FAIR = {
  n: 1,
  text: "Grenoble : une commune du libre (2026-02-17) — Grenoble : LibreAlpes, le salon du libre\nGrenoble a créé en 2023 le salon LibreAlpes (Libre Alpes Logiciels) avec l'association Adullact. Des éditeurs nationaux comme Open-Xchange et Worldline étaient présents.",
};

describe("a name with the place the sentence gives it just after", () => {
  it("is not crossed with the names before it", () => {
    const v = verifyText(
      "Des éditeurs nationaux comme Open-Xchange et Worldline étaient présents à LibreAlpes, à Grenoble [1].",
      [FAIR],
    );
    expect(v.sentences[0]!.reasons.join(" ")).not.toContain("associe");
  });
});

describe("names listed together as the passage lists them", () => {
  it("are not crossed", () => {
    expect(
      status(
        "Des éditeurs nationaux comme Open-Xchange et Worldline étaient présents à LibreAlpes, à Grenoble [1].",
        EVENT,
      ),
    ).toBe("supported");
  });
});
