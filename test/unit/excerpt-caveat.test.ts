/**
 * A quotation keeps the caveat its passage writes about what it quotes (« Point non confirmé : … », « … est
 * contesté », « à vérifier »): read aloud without it, an announced or disputed fact sounds settled (trial6, A6).
 */
import { describe, expect, it } from "vitest";
import { qualificationNote } from "../../server/answers/qualified.ts";
import { excerpt } from "../../server/retrieval/passages.ts";
import { keywords } from "../../server/retrieval/relevance.ts";

const SREN = `Un texte adopté par le Sénat, consacré à la sécurisation de la commande publique numérique, prévoit d'insérer dans
la loi SREN un article 31-1 qui étendrait l'obligation aux collectivités suivantes, avec des dérogations (Clever
Cloud, 16 février 2026) :

- les régions et les départements ;
- les communes de plus de 30 000 habitants ;
- les communautés urbaines, les communautés d'agglomération et les métropoles ;
- les principaux établissements publics de coopération intercommunale (EPCI).

L'examen par la commission des lois de l'Assemblée nationale était prévu le 25 février 2026, avec Philippe Latombe
pour rapporteur (Clever Cloud, 16 février 2026). Point non confirmé : nous n'avons pas pu vérifier la suite donnée
au texte après février 2026 (adoption, modifications, date d'entrée en vigueur). Avant toute décision, il faut
consulter l'état du texte sur le site de l'Assemblée nationale ou de Légifrance.`;

// Invented passages, other subjects than the trial's question.
const SAVINGS = `Le syndicat intercommunal de Valbrune annonce avoir économisé 310 000 euros de licences en trois ans en passant ses
écoles à Linux (Le Journal de Valbrune, 3 mars 2025). Ce montant est contesté par l'opposition, qui ne compte pas le
coût de la formation des enseignants ni celui du support. Le syndicat prévoit d'étendre la démarche aux
médiathèques en 2026, puis aux services administratifs, avec un accompagnement par un prestataire régional choisi
après une consultation ouverte à l'automne (Le Journal de Valbrune, 3 mars 2025).`;

const CHECK = `La plateforme régionale de Saint-Orbain héberge les dossiers de 42 communes depuis janvier 2025 (Les Échos du
Rhône, février 2025). Le chiffre reste à vérifier auprès de la région. Une extension aux syndicats de communes est
envisagée, sans calendrier, et dépend du vote du budget de l'année suivante par l'assemblée régionale.`;

describe("excerpt keeps the passage's caveat on what it quotes", () => {
  it("keeps « Point non confirmé : … » right after the sentence quoted", () => {
    const quote = excerpt(SREN, keywords("Qu'est-ce que la loi SREN change pour notre commune ?"), 500);
    expect(quote).toContain("25 février 2026");
    expect(quote).toContain("Point non confirmé : nous n'avons pas pu vérifier la suite donnée au texte");
  });

  it("keeps a « contesté » sentence following the figure quoted, even past the length aimed at", () => {
    const quote = excerpt(SAVINGS, keywords("Combien le syndicat de Valbrune a-t-il économisé avec Linux ?"), 200);
    expect(quote).toContain("310 000 euros");
    expect(quote).toContain("Ce montant est contesté par l'opposition");
  });

  it("keeps « à vérifier » and not the unrelated sentences after it", () => {
    const quote = excerpt(CHECK, keywords("Combien de communes la plateforme de Saint-Orbain héberge-t-elle ?"), 120);
    expect(quote).toContain("42 communes");
    expect(quote).toContain("Le chiffre reste à vérifier auprès de la région.");
    expect(quote).not.toContain("assemblée régionale");
  });

  it("adds nothing when the passage has no caveat", () => {
    const quote = excerpt(
      SAVINGS.replace(/Ce montant est contesté[^.]*\./, ""),
      keywords("Combien le syndicat de Valbrune a-t-il économisé ?"),
      200,
    );
    expect(quote).not.toContain("contesté");
  });

  it("leaves a caveat on figures of its own to the note naming them", () => {
    const text = `Le syndicat de Valbrune a migré 90 postes sous Linux en 2024, sur les 120 de son parc (Le Journal de
Valbrune, 2025). Le chiffre de 90 postes reste à vérifier auprès du syndicat, qui n'a rien publié.`;
    const quote = excerpt(text, keywords("Quel parc le syndicat de Valbrune a-t-il sous Linux ?"), 120);
    expect(quote).toContain("90 postes sous Linux");
    expect(quote).not.toContain("reste à vérifier");
    expect(qualificationNote(quote, text)).toContain("90");
  });
});
