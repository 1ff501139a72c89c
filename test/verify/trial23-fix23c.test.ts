/**
 * Clean-clone trial23's T-H4 and T-H3 (`/work/notes/trial23-FINDINGS.md`), each from the real case: a letter's sentence
 * judging the addressee commune's own act, and roadmap sentences against the DSI's context, printed unmarked.
 */
import { describe, expect, it } from "vitest";
import { letterContext } from "../../server/drafting/documents/letter.ts";
import { verifySection } from "../../server/drafting/generate.ts";
import { letterInputs } from "../../server/drafting/inputs.ts";
import { loadStructure } from "../../server/drafting/structure.ts";
import { contextContradictions } from "../../server/verify/context-contradiction.ts";
import { verifyText } from "../../server/verify/index.ts";

/** trial23's letter (/tmp/trial23/asso/letter-courtois.json), as the association typed it. */
const LETTER = letterInputs.parse({
  collectivite: { name: "Lestrigou", kind: "commune", department: "Lot", region: "Occitanie", population: 3100 },
  sender: {
    name: "Logiciels libres en Arvèze",
    description:
      "association loi 1901 qui anime depuis 2021 un repair cafe numerique et des ateliers linux a Lestrigou",
    signatory: "Maëlle Dartigue, présidente",
  },
  recipient: { name: "Bertrand Ollivaud", role: "maire de Lestrigou", civility: "Monsieur" },
  tone: "courtois",
  context:
    "la mairie de lestrigou heberge les donnees de l'etat civil sur google drive. La loi SREN oblige les communes a " +
    "quitter les clouds americains avant 2027. Le conseil municipal a refuse en mars 2026 d'etudier LibreOffice. " +
    "L'antivirus des 14 postes de la mairie est Kaspersky.",
  requests: ["study", "Remplacer Kaspersky avant le 30 juin 2026", "public-information"],
  place: "Lestrigou",
});
const FACTS = letterContext(LETTER, null, loadStructure("letter"), "2026-12-07T17:00:00Z").facts;

/** The passage the model's sentence cited ([^6] of draft 2026-12-07-440ebbdf). */
const CANUT = {
  section: "Région Occitanie : une consultation avec la centrale d'achat CANUT",
  document: { title: "Région Occitanie : remplacer Teams, OneDrive et SharePoint par eXo Platform" },
  text:
    "Autour de la troisième édition d'AlpOSS (Échirolles, 17 février 2026), Jehan Monnier, son organisateur, citait " +
    "la Région Occitanie parmi les collectivités qui « changent d'échelle », en indiquant qu'elle avait lancé une " +
    "grande consultation sur le sujet avec la CANUT (Centrale d'achat du numérique et des télécoms) (SmartCityMag, " +
    "2026). Les sources consultées ne précisent ni l'objet exact ni le résultat de cette consultation.",
} as unknown as Parameters<typeof verifySection>[1][number];

const letterSentence = (sentence: string) =>
  verifySection(sentence, [CANUT, CANUT, CANUT, CANUT], FACTS, sentence, "2026-12-07").sentences[0]!;

describe("trial23 T-H4: a judgement of the addressee commune's own act, with an unrelated footnote", () => {
  it.each([
    "Le conseil municipal de Lestrigou a eu raison de refuser LibreOffice en mars 2026 [4].",
    // The same form, other words (not tuned on).
    "La commune a eu tort d'écarter cette solution [2].",
    "Le conseil municipal a eu le mérite de refuser cette étude [1].",
  ])("« %s » is not verified", (sentence) => {
    const s = letterSentence(sentence);
    expect(s.status).toBe("unsupported");
  });

  it.each([
    // What the context says, said again.
    "Le conseil municipal de Lestrigou a refusé en mars 2026 d'étudier LibreOffice [4].",
    // Not the commune's act.
    "La Région Occitanie a eu raison de consulter la CANUT [4].",
  ])("« %s » is not flagged as the commune's own act", (sentence) => {
    expect(letterSentence(sentence).reasons.join(" ")).not.toMatch(/ne disent cela de la collectivité/);
  });
});

/** The DSI's context of trial23's roadmap (Communauté de communes des Coteaux de l'Arvèze), as typed. */
const ARVEZE =
  "la paie tourne sous Ciril Civil Net RH, client lourd windows uniquement : les 3 postes paie restent sous windows. Le " +
  "marche Kaspersky se termine le 31 mars 2027. Le conseil communautaire a vote le 12 novembre 2026 un objectif de 45 % " +
  "d'exposition ponderee a mi-2029. Les mediatheques dependent du reseau departemental pour leur SIGB.";

describe("trial23 T-H3: roadmap sentences contradicting the DSI's context", () => {
  const WINDOWS10 = {
    n: 1,
    text: "Windows 10 (poste de travail)\nFin du support des éditions courantes : le 14 octobre 2025. Alternatives : Ubuntu, Debian.",
  };
  const check = (section: string) =>
    contextContradictions(
      verifyText(section, [WINDOWS10], { facts: [`Contexte local : ${ARVEZE}`] }),
      ARVEZE,
      "2026-12-07",
    ).sentences[0]!;

  it.each([
    "Les 3 postes de paie passeront sous Debian avec le reste du parc.",
    "Les médiathèques ne dépendent d'aucun prestataire extérieur pour leurs logiciels.",
    "Ciril Civil Net RH fonctionne nativement sous Linux depuis 2025.",
    // What runs under it (« la paie tourne sous Ciril Civil Net RH »), said to run elsewhere.
    "La paie est compatible avec Ubuntu.",
  ])("« %s » is flagged, its reason quoting the context", (section) => {
    const s = check(section);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/contexte que vous avez saisi/);
  });

  it.each([
    "Ciril Civil Net RH fonctionne sous Windows 11.",
    "La paie tourne sous Ciril Civil Net RH depuis 2019.",
    "Le service RH fonctionne sous Linux.",
    // One object denied, not all: not the context's contrary.
    "Les médiathèques ne dépendent pas de Microsoft pour leur SIGB.",
    // Another subject.
    "Les écoles ne dépendent d'aucun prestataire extérieur.",
    // The template, quoting the context.
    "3 postes restent sous windows : « la paie tourne sous Ciril Civil Net RH, client lourd windows uniquement : les 3 postes paie restent sous windows » ; non planifiés pour changer de système.",
  ])("« %s » is not flagged for the context", (section) => {
    expect(check(section).reasons.join(" ")).not.toMatch(/contexte que vous avez saisi/);
  });
});

describe("trial23 T-H3: « Aucune intercommunalité n'a jamais … » with a footnote to one city's case", () => {
  const MUNICH = {
    section: "Munich : les raisons avancées par la majorité municipale",
    document: {
      title: "Munich et LiMux : une migration vers Linux menée à terme, puis le retour à Windows décidé en 2017",
    },
    text:
      "Les partisans du retour à Windows ont invoqué deux arguments (Wikipedia, « LiMux », 2025) :\n- la " +
      "**productivité** des agents, jugée insuffisante avec l'environnement LiMux ;\n- le **coût total de possession** " +
      "(TCO), c'est-à-dire l'ensemble des coûts d'exploitation, de support et d'adaptation, et pas seulement le prix " +
      "des licences.",
  } as unknown as Parameters<typeof verifySection>[1][number];
  const NONE_BOUND = {
    section: "Ce que ces étapes signifient pour une collectivité",
    document: { title: "Le séminaire interministériel du 8 avril 2026" },
    text:
      "Ces annonces visent l'État et ses opérateurs ; aucune n'impose d'obligation nouvelle aux collectivités " +
      "territoriales. Elles fournissent néanmoins des repères utiles.",
  } as unknown as Parameters<typeof verifySection>[1][number];
  const facts = ["Collectivité : Communauté de communes des Coteaux de l'Arvèze (communauté de communes ; Lot)"];
  const one = (sentence: string, passage: Parameters<typeof verifySection>[1][number]) =>
    verifySection(sentence, [passage], facts, sentence, "2026-12-07").sentences[0]!;

  it.each([
    "Aucune intercommunalité n'a jamais réussi à quitter Windows [1].",
    "Aucune collectivité n'a réussi à quitter Windows [1].",
  ])("« %s » is not verified", (sentence) => {
    const s = one(sentence, MUNICH);
    expect(s.status).toBe("unsupported");
    expect(s.reasons.join(" ")).toMatch(/« Aucune (?:intercommunalité|collectivité) »/);
  });

  it("a passage that says it of none keeps « Aucune collectivité »", () => {
    const s = one("Aucune collectivité n'est tenue par ces annonces [1].", NONE_BOUND);
    expect(s.reasons.join(" ")).not.toMatch(/« Aucune collectivité »/);
  });
});
