/**
 * A year the sentence reaches by adding a duration it computes to a year of the cited passage (faithful-blind-24: « Le
 * SILL aura donc quatorze ans en 2026 » for « créé en 2012 », the duration accepted, the year flagged as a figure no
 * passage gives). Real sentences and pinned passages of faithful-blind-24 (tuned half: SILL, Resana; untuned: CNLL,
 * Déclic). A year the duration does not reach, or a duration no year of the passages starts, is still flagged.
 */
import { describe, expect, it } from "vitest";
import { askedContext } from "../../server/answers/answer.ts";
import { verifyText } from "../../server/verify/index.ts";

const last = (answer: string, passage: string, n = 1) =>
  verifyText(answer, [{ n, text: passage }], { facts: [] }).sentences.at(-1)!;

const SILL =
  "Le Socle interministériel de logiciels libres (SILL) est la liste des logiciels libres recommandés pour les\n" +
  "administrations de l'État. Il a été créé en 2012 (Wikipédia, s. d.), dans le sillage de la circulaire du\n" +
  "Premier ministre Jean-Marc Ayrault du 19 septembre 2012, qui a fixé les orientations pour l'usage du logiciel libre\n" +
  "dans l'administration et citait l'ADULLACT (références modernisation.gouv.fr, 19 septembre 2012 ; Wikipédia, copie 2021).";
const RESANA =
  "La Suite numérique de l'État : Visio, Docs, Tchap, Grist, Fichiers, Assistant IA et Resana\nResana est une plateforme collaborative de l'État ; le projet est né en 2016 à la préfecture de la région " +
  "Nouvelle-Aquitaine (Le Monde\nInformatique, 2020).";

describe("a year at the end of a computed duration", () => {
  it("accepts the year a duration in words reaches from the passage's year", () => {
    expect(last("Le SILL aura donc quatorze ans en 2026 [1].", SILL).status).toBe("supported");
  });
  it("accepts a year placed by a duration before an event", () => {
    const s = "Resana existait ainsi huit ans avant le lancement de La Suite numérique en 2024 [1].";
    expect(last(s, RESANA).status).toBe("supported");
  });
  it("still flags a year the duration does not reach", () => {
    expect(last("Le SILL aura donc quatorze ans en 2027 [1].", SILL).status).not.toBe("supported");
    expect(last("Le SILL aura donc quinze ans en 2026 [1].", SILL).status).not.toBe("supported");
  });
});

/**
 * A duration between two events the answer dated earlier, placed by « entre » opening the sentence or by « après »
 * one word after it (faithful-blind-24, tuned half: cpi-procureur-proton, hdh-azure-cnil; untuned: linux-essentiel,
 * cloud-au-centre-secnumcloud, rencontres-janvier-2026).
 */
const CPI =
  "En novembre 2024, la Cour pénale internationale (CPI), qui siège à La Haye, a émis des mandats d'arrêt contre le " +
  "Premier ministre israélien Benjamin Netanyahou et contre Yoav Gallant. En février 2025, un décret présidentiel " +
  "américain a placé sous sanctions le procureur de la Cour, Karim Khan (Lincoln Daily News, dépêche AP, 15 mai 2025).";
const HDH =
  "Ce choix a été critiqué, notamment par la CNIL. En 2020, la CNIL a demandé que la plateforme soit hébergée par un " +
  "prestataire soumis uniquement au droit français ou européen (ChannelNews, 2026).";
const CREATED =
  "La Plateforme des données de santé, plus connue sous le nom de Health Data Hub (HDH), a été créée en 2019.";
describe("a duration placed between two dated events", () => {
  it("accepts a gap the sentence opens with « entre »", () => {
    const answer =
      "Ces mesures faisaient suite à un décret présidentiel américain de février 2025 qui plaçait le procureur sous " +
      "sanctions [1]. La CPI avait émis en novembre 2024 des mandats d'arrêt contre Benjamin Netanyahou et Yoav " +
      "Gallant [1]. Entre les mandats et les sanctions, il s'est écoulé environ trois mois [1].";
    expect(last(answer, CPI).status).toBe("supported");
    expect(last(answer.replace("trois mois", "huit mois"), CPI).status).not.toBe("supported");
  });
  it("accepts « un an seulement après » an event dated earlier", () => {
    const answer =
      "La Plateforme des données de santé a été créée en 2019 [1]. En 2020, la CNIL a demandé un hébergeur soumis " +
      "uniquement au droit français ou européen [2]. C'était un an seulement après la création de la plateforme [2].";
    const two = (a: string) =>
      verifyText(
        a,
        [
          { n: 1, text: CREATED },
          { n: 2, text: HDH },
        ],
        { facts: [] },
      ).sentences.at(-1)!.status;
    expect(two(answer)).toBe("supported");
    expect(two(answer.replace("un an seulement", "trois ans seulement"))).not.toBe("supported");
  });
});

/**
 * A count computed from the user's own figure and a passage's (faithful-blind-24, chat with the asker's context): a
 * share said in the conditional (« 95 % représenteraient environ 66 postes »), a gap said by « dépasse de ». Tuned:
 * ctx-boe-70-postes, ctx-sren-32000-habitants. A result that does not come out is still flagged.
 */
const BOE =
  "Boé, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Linux (Ubuntu) et utilise " +
  "LibreOffice sur 100 % de ses ordinateurs ; elle avait obtenu en 2024 le niveau maximal de « 5 copyleft » du label " +
  "Territoire Numérique Libre (Banque des Territoires, 6 décembre 2024).";
const SREN =
  "Un texte adopté par le Sénat, consacré à la sécurisation de la commande publique numérique, prévoit d'insérer dans " +
  "la loi SREN un article 31-1 qui étendrait l'obligation aux collectivités suivantes, avec des dérogations (Clever " +
  "Cloud, 16 février 2026) :\n- les régions et les départements ;\n- les communes de plus de 30 000 habitants ;";
const own = (answer: string, passage: string, question: string) =>
  verifyText(answer, [{ n: 1, text: passage }], {
    asked: askedContext([{ role: "user", content: question }]),
    checkUncited: true,
  }).sentences.at(-1)!.status;
describe("a count computed from the user's own figure", () => {
  it("accepts a share of the user's count said in the conditional", () => {
    const q = "Notre commune de 6 000 habitants compte 70 postes. Boé est-elle un bon exemple à suivre ?";
    const a =
      "Boé fait fonctionner 95 % de son parc sous Linux (Ubuntu) [1]. Sur vos 70 postes, 95 % représenteraient " +
      "environ 66 postes sous Linux [1].";
    expect(own(a, BOE, q)).toBe("supported");
    expect(own(a.replace("66 postes", "60 postes"), BOE, q)).not.toBe("supported");
  });
  it("accepts the gap between the user's count and the passage's threshold", () => {
    const q = "Nous sommes une commune de 32 000 habitants. L'article 31 de la loi SREN va-t-il s'appliquer à nous ?";
    const a =
      "Avec 32 000 habitants, votre commune dépasse le seuil de 30 000 habitants prévu par le texte [1]. Elle le " +
      "dépasse de 2 000 habitants [1].";
    expect(own(a, SREN, q)).toBe("supported");
    expect(own(a.replace("de 2 000 habitants [1].", "de 3 000 habitants [1]."), SREN, q)).not.toBe("supported");
  });
});
