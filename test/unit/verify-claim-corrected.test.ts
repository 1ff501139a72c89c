/**
 * trial15 A23, on other texts than the trial's: a claim a passage quotes only to correct it (« … la qualifie de
 * « première ville d'Europe entièrement libre ». Cette présentation doit être nuancée … »), restated as fact by a
 * sentence citing that passage, is not verified, with the passage's correction as the reason; a sentence that keeps the
 * qualification (« selon le dossier de Valdrôme », « formule à nuancer ») and a sentence stating what the passage
 * confirms stay verified.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const lindau = {
  n: 1,
  text: "Lindau : ce que le dossier de Valdrôme en dit\n\nLe dossier de presse de la métropole de Valdrôme (2026) présente Lindau avec « 12 000 postes basculés en 2024 » et la qualifie de « première ville d'Europe entièrement libre ». Cette présentation doit être nuancée : le courrier (2023) a bien changé, mais les postes restent sous Windows ; seuls 300 postes sous Linux sont prévus pour 2027 (Heise, 4 mars 2026). Lindau a aussi ouvert un centre de formation pour ses agents en 2025.",
};
const syndicat = {
  n: 2,
  text: "Rivebelle : « l'association a fait condamner la ville » ? Une nuance nécessaire\n\nLe dossier de Valdrôme résume l'affaire ainsi : la ville de Rivebelle a voulu passer à un logiciel de messagerie américain, l'association a fait condamner la ville, le projet a été arrêté. Le projet a bien été arrêté en 2025 (Le Courrier, mai 2025).",
};
const status = (sentence: string) => verifyText(sentence, [lindau, syndicat]).sentences[0]!;

describe("a claim the cited passage quotes only to correct it", () => {
  it("is not verified when restated as fact, the passage's correction given as the reason", () => {
    const s = status("Lindau est la première ville d'Europe entièrement libre [1].");
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/que pour le corriger : « Cette présentation doit être nuancée/);
    const h = status("L'association a fait condamner la ville de Rivebelle [2].");
    expect(h.status).toBe("unsupported");
    expect(h.reasons.join(" ")).toMatch(/Une nuance nécessaire/);
  });

  it("stays verified when the sentence keeps the qualification, or states what the passage confirms", () => {
    expect(
      status("Selon le dossier de Valdrôme, Lindau serait la première ville d'Europe entièrement libre [1].").status,
    ).toBe("supported");
    expect(status("Lindau, « première ville d'Europe entièrement libre » : une formule à nuancer [1].").status).toBe(
      "supported",
    );
    expect(status("Lindau a ouvert un centre de formation pour ses agents en 2025 [1].").status).toBe("supported");
    expect(status("Le projet de Rivebelle a bien été arrêté en 2025 [2].").status).toBe("supported");
  });
});
