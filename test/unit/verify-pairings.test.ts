/**
 * Names and years of a passage put together otherwise than the passage does: two names crossed (« Harmonica OS,
 * dérivé de Debian » where the passage derives it from Ubuntu and Gooroom from Debian; « Munich a choisi WienUX,
 * Vienne LiMux ») are flagged « le passage cité associe … »; a year of the passage said of another event (« Le RGI
 * existe depuis 2012 » where 2012 dates a circular and the RGI dates from 2009) is flagged « l'année … pour autre
 * chose ». The passage's own pairings, coordinated names and syntheses of two dates are not.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

const check = (sentence: string, ...passages: string[]) =>
  verifyText(
    sentence,
    passages.map((text, i) => ({ n: i + 1, text })),
  ).sentences[0]!;

const COREE =
  "La Corée du Sud — Linux\nLe pays ne partait pas de zéro. Des organismes publics coréens utilisaient déjà deux systèmes fondés sur Linux (Linux Magazine, 2019) :\n\n- **Harmonica OS 3.0**, dérivé d'Ubuntu, employé notamment par la Défense et la Police nationale ;\n- **Gooroom Cloud OS**, dérivé de Debian.";
const CAPITALES = "Munich et Vienne — Postes de travail\nEn 2005, Munich a choisi LiMux, Vienne a choisi WienUX.";
const GENDARMERIE =
  "Ministère de l'Intérieur — Postes\nLe ministère de l'Intérieur et la Gendarmerie utilisent Ubuntu.";
const RGI =
  "Le droit du logiciel libre — Textes de l'État\nLa circulaire du Premier ministre Jean-Marc Ayrault du 19 septembre 2012 fixe des orientations pour l'usage du logiciel libre.\n- Le Référentiel général d'interopérabilité (RGI) existe depuis 2009 (Republik IT, février 2026).";
const MUNICH =
  "Munich — Retour à Windows\nMunich a migré près de 15 000 postes vers LiMux entre 2005 et 2013. En novembre 2017, le conseil municipal a voté le retour à Windows.";

describe("two names of a passage crossed", () => {
  it.each([
    [
      "Des organismes publics utilisaient déjà **Harmonica OS 3.0**, dérivé de Debian, et **Gooroom Cloud OS** [1].",
      COREE,
    ],
    ["Munich a choisi WienUX, Vienne LiMux [1].", CAPITALES],
  ])("« %s » is flagged", (sentence, passage) => {
    const v = check(sentence, passage);
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join(" ")).toContain("le passage cité associe");
  });

  it.each([
    [
      "Des organismes publics utilisaient déjà **Harmonica OS 3.0**, dérivé d'Ubuntu, et **Gooroom Cloud OS**, dérivé de Debian [1].",
      COREE,
    ],
    ["Munich a choisi LiMux, Vienne WienUX [1].", CAPITALES],
    ["La Gendarmerie, comme le ministère de l'Intérieur, utilise Ubuntu [1].", GENDARMERIE],
  ])("« %s » is not", (sentence, passage) => {
    expect(check(sentence, passage).reasons.join(" ")).not.toContain("associe");
  });
});

describe("a year of the passage said of another event", () => {
  it.each([
    ["Le Référentiel général d'interopérabilité existe quant à lui depuis 2012 [1].", RGI],
    ["Le conseil municipal de Munich a voté le retour à Windows en 2013 [1].", MUNICH],
  ])("« %s » is flagged", (sentence, passage) => {
    const v = check(sentence, passage);
    expect(v.status).toBe("unsupported");
    expect(v.reasons.join(" ")).toContain("mais pour autre chose");
  });

  it.each([
    ["Le Référentiel général d'interopérabilité existe depuis 2009 [1].", RGI],
    ["La circulaire du 19 septembre 2012 fixe des orientations pour l'usage du logiciel libre [1].", RGI],
    [
      "Munich a migré vers LiMux entre 2005 et 2013, puis le conseil municipal a voté le retour à Windows en 2017 [1].",
      MUNICH,
    ],
  ])("« %s » is not", (sentence, passage) => {
    expect(check(sentence, passage).status).toBe("supported");
  });
});
