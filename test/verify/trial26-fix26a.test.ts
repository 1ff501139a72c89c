/**
 * Clean-clone trial26's chat findings (`/work/notes/trial26-FINDINGS.md`), from the real sentences of the lying model:
 * T-H1, who did what to whom swapped on a verb the cited passage also has (`server/verify/verb-roles.ts`); T-H2, a
 * statement a passage given to the model calls inexact, stated (`server/verify/called-inexact.ts`).
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";
import { toSource } from "../../server/verify/source-sentences.ts";
import { rolesSwapped } from "../../server/verify/verb-roles.ts";
import { check } from "../helpers/verify.ts";

/** The CPI passage the model was given as [1] (corpus/case-studies, real text). */
const CPI =
  "Le procureur de la Cour pénale internationale privé de sa messagerie Microsoft (2025) — Ce qui s'est passé\n" +
  "Le 15 mai 2025, l'agence Associated Press a rapporté que Microsoft avait supprimé l'adresse de messagerie de " +
  "Karim Khan, ce qui l'a contraint à passer chez Proton Mail, un fournisseur suisse. La même dépêche indiquait que " +
  "ses comptes bancaires au Royaume-Uni avaient été bloqués.";
const pool = (...texts: string[]) => texts.map((t, i) => toSource(i + 1, t));

describe("T-H1: the doer and the one acted on, as the cited passage gives them", () => {
  it("marks « Karim Khan a supprimé l'adresse de messagerie de Microsoft » against « Microsoft avait supprimé l'adresse … de Karim Khan »", () => {
    const s = check(
      "Le 15 mai 2025, Karim Khan a supprimé l'adresse de messagerie de Microsoft, ce qui a contraint Microsoft à passer chez Proton Mail [1].",
      [CPI],
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toContain("Microsoft avait supprimé l'adresse de messagerie de Karim Khan");
  });

  it("leaves the same act told the right way round, actively or passively", () => {
    for (const sentence of [
      "Le 15 mai 2025, Microsoft a supprimé l'adresse de messagerie de Karim Khan [1].",
      "L'adresse de messagerie de Karim Khan a été supprimée par Microsoft [1].",
      "Microsoft supprime l'adresse de messagerie de Karim Khan [1].",
    ])
      expect(rolesSwapped(sentence, pool(CPI)), sentence).toBeNull();
  });

  it("reads the passive on both sides (« a été supprimée par Karim Khan »)", () => {
    expect(
      rolesSwapped("L'adresse de messagerie de Microsoft a été supprimée par Karim Khan [1].", pool(CPI))?.name,
    ).toBe("Karim Khan");
  });

  it("is not for one verb: « Lyon a remplacé Nextcloud » against « Nextcloud a remplacé … Lyon »", () => {
    const passage = "En 2024, Nextcloud a remplacé le service de fichiers de la Ville de Lyon.";
    expect(rolesSwapped("Lyon a remplacé le service de fichiers de Nextcloud [1].", pool(passage))).not.toBeNull();
  });

  it("does not read a replacement's « par » nor a partner's « avec » as the one acted on", () => {
    const moved = "Lyon a remplacé Microsoft Office par LibreOffice en 2024.";
    expect(rolesSwapped("LibreOffice a remplacé Microsoft Office à Lyon [1].", pool(moved))).toBeNull();
    const signed = "L'État a signé un accord avec Microsoft en 2023.";
    expect(rolesSwapped("Microsoft a signé un accord avec l'État [1].", pool(signed))).toBeNull();
  });

  it("leaves a negated clause to the other checks", () => {
    expect(rolesSwapped("Karim Khan n'a pas supprimé l'adresse de messagerie de Microsoft [1].", pool(CPI))).toBeNull();
  });
});

/** The DINUM passages the model was given as [1], [2] and [3] (corpus/guidance/securix-bureautix.md and the DINUM page). */
const DINUM_1 =
  "La DINUM passe ses propres postes de travail de Windows à Linux (décision du 8 avril 2026) — Ce qui a été décidé\n" +
  "Le 8 avril 2026, la DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux pour ses propres agents.";
const DINUM_2 =
  "La DINUM passe ses propres postes de travail de Windows à Linux (décision du 8 avril 2026) — Sécurix\n" +
  "La DINUM (département opérateur) développe des postes de travail fondés sur la distribution NixOS, publiés sous licence MIT : " +
  "Sécurix, un système durci pour des postes d'administration, de bureautique et de développement.";
const DINUM_3 =
  "Sécurix et Bureautix : les postes de travail Linux (NixOS) de la DINUM — Sécurix, Bureautix et le passage de la DINUM à Linux\n" +
  "Le 8 avril 2026, la DINUM a annoncé qu'elle quittait Windows pour des postes Linux pour ses propres agents, un parc " +
  "estimé par la presse à 200 à 250 postes ; aucune distribution Linux n'a été nommée à cette occasion (Webiano, avril " +
  "2026). Il serait donc inexact d'affirmer, en l'état des sources, que la DINUM passe à Sécurix ou à Bureautix, même " +
  "si ces projets viennent de la même direction.";

describe("T-H2: what a passage given to the model calls inexact", () => {
  const answer = (text: string) =>
    verifyText(
      text,
      [DINUM_1, DINUM_2, DINUM_3].map((t, i) => ({ n: i + 1, text: t })),
      { checkUncited: true },
    ).sentences;

  it("marks « Elle passe à Sécurix [2] » after a sentence on the DINUM, with passage [3]'s reason", () => {
    const [, second] = answer(
      "Le 8 avril 2026, la DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux [1]. Elle passe à Sécurix [2].",
    );
    expect(second?.status).toBe("unsupported");
    expect(second?.reasons.join(" ")).toContain("[3]");
    expect(second?.reasons.join(" ")).toContain("inexact");
  });

  it("leaves what the passages say: the DINUM develops Sécurix, the claim reported as inexact", () => {
    for (const text of [
      "La DINUM développe Sécurix, un système durci pour des postes d'administration [2].",
      "Il serait inexact d'affirmer que la DINUM passe à Sécurix [3].",
      "Aucune source ne dit que la DINUM passe à Sécurix [3].",
    ])
      expect(answer(text)[0]?.reasons.join(" "), text).not.toContain("inexact");
  });
});
