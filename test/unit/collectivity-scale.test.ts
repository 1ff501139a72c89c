/**
 * The collectivité a question speaks of weighs in the ranking (trial7, B2): its size and kind read from the question,
 * the populations a passage states (bounds of a law left aside), and the order of a commune's case study, a foreign
 * army's and a ministry's.
 */
import { describe, expect, it } from "vitest";
import { askedCollectivity, statedPopulations, weighCollectivity } from "../../server/retrieval/collectivity-scale.ts";

describe("what a question says of its collectivité", () => {
  it("reads a population as a size around it, a bound as a bound, « petite » as small", () => {
    expect(askedCollectivity("Nous avons 9 000 habitants : Nextcloud est-il adapté ?")).toMatchObject({
      kinds: ["commune"],
      size: { min: 3000, max: 27000 },
    });
    expect(askedCollectivity("Des villes de plus de 50 000 habitants utilisent-elles Jitsi ?")?.size).toEqual({
      min: 50000,
      max: Number.POSITIVE_INFINITY,
    });
    expect(askedCollectivity("Une petite commune rurale peut-elle passer à Linux ?")).toMatchObject({
      small: true,
      size: { min: 0, max: 10000 },
    });
    expect(askedCollectivity("Notre intercommunalité peut-elle adhérer à une centrale d'achat ?")).toMatchObject({
      kinds: ["intercommunalité"],
      size: null,
    });
    expect(askedCollectivity("Qu'est-ce que le CLOUD Act ?")).toBeNull();
  });

  it("reads the populations a passage states, not the thresholds of a rule", () => {
    expect(statedPopulations("Saint-Loup, commune d'environ 3 200 habitants, utilise Linux.")).toEqual([3200]);
    expect(statedPopulations("Le texte viserait les communes de plus de 30 000 habitants.")).toEqual([]);
    expect(statedPopulations("La Région (2,5 millions d'habitants) a choisi Zimbra.")).toEqual([2_500_000]);
  });
});

describe("the ranking for a question giving its size", () => {
  const chunk = (id: string, title: string, text: string, keywords: string[], kind = "case-study") => ({
    id,
    section: "",
    text,
    document: { title, kind, keywords },
  });
  const chunks = [
    chunk("army", "La marine suédoise passe à Nextcloud", "La marine a migré 20 000 comptes vers Nextcloud.", [
      "Suède",
      "armée",
    ]),
    chunk("ministry", "Un ministère passe à Nextcloud", "Le ministère a déployé Nextcloud pour 5 000 agents.", [
      "ministère",
    ]),
    chunk(
      "village",
      "Saint-Loup : un village sous Nextcloud",
      "Saint-Loup, commune d'environ 3 200 habitants, partage ses fichiers avec Nextcloud.",
      ["commune"],
    ),
    chunk("other", "Saint-Loup : l'école", "La commune d'environ 3 200 habitants a rénové son école.", ["commune"]),
  ];
  const ranked = [
    { id: "army", score: 10 },
    { id: "ministry", score: 9 },
    { id: "village", score: 4 },
    { id: "other", score: 3.9 },
  ];

  it("puts the commune of that size first, holding the name asked, and the army and the ministry after it", () => {
    const order = weighCollectivity("On a 5 000 habitants : Nextcloud, c'est adapté ?", chunks, ranked).map(
      (r) => r.id,
    );
    expect(order[0]).toBe("village");
    expect(order.indexOf("other")).toBeGreaterThan(order.indexOf("ministry"));
  });

  it("leaves the order alone when the question says nothing of its collectivité", () => {
    expect(weighCollectivity("Nextcloud est-il européen ?", chunks, ranked)).toBe(ranked);
  });
});
