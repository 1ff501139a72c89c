/**
 * Quotations an elected official can read aloud (`excerpt` in server/retrieval/passages.ts): they start at a
 * sentence or list item, end at the end of one, never cut a word, bring what an opening « Il », « Cette »,
 * « La même » refers to, keep list items whole and leave no « … » gap. Texts are the corpus's own (December 2026 trial).
 */
import { describe, expect, it } from "vitest";
import { excerpt, needsPrevious, pieces, refersToPrevious } from "../../server/retrieval/passages.ts";
import { keywords } from "../../server/retrieval/relevance.ts";

const DINUM = `La DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux pour ses propres agents
(Webiano, avril 2026). D'après les comptes rendus de presse :

- la décision porte sur le seul parc de la DINUM, et non sur l'ensemble des ordinateurs de l'État (Webiano,
  avril 2026) ;
- aucune distribution Linux n'a été nommée (Webiano, avril 2026) ;
- aucun calendrier précis n'a été donné ; TechCrunch indiquait le 10 avril 2026 qu'aucune échéance n'était fixée
  (TechCrunch, 10 avril 2026).

Le texte officiel du communiqué, publié sur numerique.gouv.fr, n'a pas pu être consulté directement : ces éléments
viennent de sources secondaires qui le citent.`;

const CHRONOLOGY = `- 6 janvier-3 février 2026 : appel à contributions de la Commission européenne sur les écosystèmes numériques
  ouverts (Linuxiac, janvier 2026).
- 26 janvier 2026 : premières Rencontres de la souveraineté numérique ; le même jour, annonce de la généralisation de
  Visio à tous les services de l'État d'ici 2027 (FrenchWeb, 25 janvier 2026 ; Perelafouine, janvier 2026).
- 5 février 2026 : circulaire sur la doctrine d'achats numériques de l'État et décision de migrer la plateforme des
  données de santé vers un hébergeur qualifié SecNumCloud (Esteval et Puissance-PC, février 2026).
- 17 février 2026 : troisième édition d'AlpOSS à Échirolles (Ville d'Échirolles, février 2026).
- Fin mars 2026 : annonce d'Euro-Office, version dérivée d'OnlyOffice portée par des acteurs européens ; les sources
  divergent sur la date exacte, 27 ou 30 mars (Yoota, avril 2026).
- 8 avril 2026 : séminaire interministériel sur la réduction des dépendances numériques extra-européennes (Webiano,
  avril 2026).`;

const MILLAU = `La DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux pour ses propres agents
(Webiano, avril 2026). Cette décision ne vise que le parc de la DINUM : un média technologique français l'estime à
environ 200 à 250 postes (Webiano, avril 2026). Aucune distribution Linux n'a été nommée lors de l'annonce (Webiano,
avril 2026).

La présentation de la communauté de communes Millau Grands Causses (2026) avance le chiffre de 234 postes de la DINUM
migrant vers Linux : ce nombre précis n'a été confirmé par aucune autre source ; il reste compatible avec
l'estimation de 200 à 250 postes publiée par la presse. La même présentation résume l'annonce d'avril 2026 ainsi :
la DINUM et chaque ministère définissent leur feuille de route de réduction des dépendances, ce qui correspond aux
décisions rapportées ailleurs.`;

const QUIMPER = `En avril 2026, le collectif Linux Quimper, qui promeut le logiciel libre et Linux dans la région de Quimper depuis
2006, a écrit à la présidente de la communauté d'agglomération Quimper Bretagne Occidentale (QBO) en s'appuyant
directement sur le séminaire du 8 avril 2026 (courriel de Linux Quimper, avril 2026). Il propose que QBO étudie ses
dépendances extra-européennes dans les sept catégories citées par l'État, dresse un état des lieux objectif,
repère ses points de vulnérabilité, fixe un objectif chiffré de réduction assorti d'un calendrier progressif et
réaliste, et informe les citoyens de l'avancement de la démarche. Cette lettre montre comment le séminaire sert déjà
de référence aux associations qui interpellent leurs élus.`;

const METHOD = `Une méthode simple, à adapter :

1. Traiter d'abord ce qui est à la fois exposé, peu coûteux à remplacer et visible (par exemple la visioconférence ou
   le partage de fichiers), pour obtenir des résultats rapides.
2. Changer les applications avant le système d'exploitation, comme la Gendarmerie et le Schleswig-Holstein.
3. Caler chaque bascule sur une échéance de contrat ou un renouvellement de matériel.
4. Prévoir, pour chaque étape, un pilote, une évaluation et un point de décision des élus.
5. Publier chaque année l'état des indicateurs.`;

const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Every quotation: starts like a sentence or a list item, ends a sentence or says the list goes on, and each part
 * after a gap « … » refers to nothing left out; each part is the source's own text, whole words.
 */
function expectReadable(quote: string, source: string) {
  expect(quote).toMatch(/^(?:[\p{Lu}\p{N}«(]|- )/u);
  expect(quote).toMatch(/(?:[.!?»)]|\[…\])$/u);
  quote
    .split(/ … | \[…\] ?/)
    .filter(Boolean)
    .forEach((part, i) => {
      expect(flat(source)).toContain(part);
      if (i > 0) expect(needsPrevious(part), part).toBe(false);
      expect(part).toMatch(/^(?:[\p{Lu}\p{N}«(]|- |\d+\. )/u);
    });
}

describe("excerpt", () => {
  it("keeps the sentence that says which decision, and the whole list after it", () => {
    const quote = excerpt(DINUM, keywords("Qu'a décidé l'État en 2026 sur les logiciels libres ?"));
    expectReadable(quote, DINUM);
    expect(quote).toMatch(/^La DINUM a annoncé qu'elle abandonnait Windows/);
    expect(quote).toContain("aucun calendrier précis n'a été donné");
  });

  it("never ends inside a word: a long list ends on a whole item and says it goes on", () => {
    const quote = excerpt(CHRONOLOGY, keywords("Qu'a décidé l'État en 2026 sur les logiciels libres ?"), 300);
    expectReadable(quote, CHRONOLOGY);
    expect(quote).not.toMatch(/annon$/);
    expect(quote).toMatch(/\(Esteval et Puissance-PC, février 2026\)\. \[…\]$|\)\. \[…\]$/);
  });

  it("brings the sentence that « La même présentation » refers to", () => {
    const quote = excerpt(MILLAU, keywords("Que résume la présentation de l'annonce d'avril ?"), 300);
    expectReadable(quote, MILLAU);
    expect(quote).toContain("La même présentation résume");
    expect(quote).toMatch(/^La présentation de la communauté de communes Millau Grands Causses/);
  });

  it("brings who « Il » is before « Il propose que QBO… »", () => {
    const quote = excerpt(QUIMPER, keywords("Que propose-t-on à QBO sur ses dépendances dans les sept catégories ?"));
    expectReadable(quote, QUIMPER);
    expect(quote).toContain("Il propose que QBO");
    expect(quote).toMatch(/^En avril 2026, le collectif Linux Quimper/);
  });

  it("quotes a numbered list with its introduction and whole items, without « 2. … 4. … » gaps", () => {
    const quote = excerpt(METHOD, keywords("Caler la bascule sur une échéance de contrat ?"), 200);
    expectReadable(quote, METHOD);
    expect(quote).toMatch(/^Une méthode simple, à adapter : /);
    expect(quote).toContain("3. Caler chaque bascule sur une échéance de contrat ou un renouvellement de matériel.");
  });

  it("brings what « ce risque » refers to, from the paragraph's opening that its heading announces", () => {
    const text = `Pour une mairie, la question n'est pas où sont stockées ses données, mais qui contrôle l'entreprise qui les
héberge ou les traite. Des courriels d'élus, des dossiers d'action sociale, des données de ressources humaines ou
d'état civil confiés à un service d'un fournisseur américain — ou de sa filiale européenne — peuvent faire l'objet
d'une demande des autorités américaines adressée directement à ce fournisseur. La mairie n'est pas partie à cette
procédure et ne peut pas garantir seule qui accède à ses données.

La présentation de la communauté de communes Millau Grands Causses (2026) résume ce risque pour les élus : utiliser
ChatGPT ou Copilot avec des données publiques revient à les confier à des serveurs américains soumis au CLOUD Act.`;
    const question = keywords("Les serveurs de Microsoft sont en France : sommes-nous protégés du CLOUD Act ?");
    // Under its heading, the passage's opening answers first.
    const quote = excerpt(text, question, 500, "Ce que le CLOUD Act change concrètement pour une mairie");
    expectReadable(quote, text);
    expect(quote).toMatch(/^Pour une mairie, la question n'est pas où sont stockées ses données, mais qui contrôle/);
    // Without it, the sentence holding the question's words comes with the risk it names.
    const alone = excerpt(text, question, 400);
    expectReadable(alone, text);
    expect(alone).toContain(
      "qui accède à ses données. La présentation de la communauté de communes Millau Grands Causses (2026) résume ce risque",
    );
  });

  it("finds the list items of a passage flattened to one line", () => {
    const one = flat(DINUM);
    expect(
      pieces(one)
        .filter((p) => p.list >= 0)
        .map((p) => p.text.slice(0, 12)),
    ).toEqual(["- la décisio", "- aucune dis", "- aucun cale"]);
    expectReadable(excerpt(one, keywords("Quelle décision pour le parc de la DINUM ?"), 300), one);
  });

  it("does not quote the piece of a sentence a passage starts or ends with", () => {
    const text = `de l'État d'ici 2027, selon la presse. ${"La commune a voté le budget du logiciel libre. ".repeat(3)}Puis la commune a migr`;
    const quote = excerpt(text, keywords("budget logiciel libre commune État"), 120);
    expect(quote).toMatch(/^La commune a voté/);
    expect(quote).toMatch(/\.$/);
  });

  it("brings the sentence a « y » stands for, and lets an impersonal « Il existe » open the quotation", () => {
    const alpOSS =
      "Échirolles a créé le salon AlpOSS en 2024. Jehan Monnier y a souligné que l'épisode de la messagerie faisait réfléchir les collectivités.";
    const quote = excerpt(alpOSS, keywords("Qu'a dit Jehan Monnier sur l'épisode de la messagerie ?"), 100);
    expectReadable(quote, alpOSS);
    expect(quote).toMatch(/^Échirolles a créé le salon AlpOSS/);
    const antivirus =
      "La mise à jour défectueuse de CrowdStrike a bloqué environ 8,5 millions d'appareils Windows. Il existe des éditeurs d'antivirus européens : ESET en Slovaquie, G DATA en Allemagne.";
    const own = excerpt(antivirus, keywords("Quels éditeurs d'antivirus européens ?"), 100);
    expect(own).toBe("Il existe des éditeurs d'antivirus européens : ESET en Slovaquie, G DATA en Allemagne.");
  });

  it("tells the sentences that cannot open a quotation (answers' excerpts and drafts' quotations alike)", () => {
    for (const sentence of [
      "Il propose que QBO étudie la question.",
      "Cette décision ne vise que les ministères.",
      "La même présentation résume ce risque pour les élus.",
      "Il s'agit d'une estimation du ministère lui-même, non d'un bilan audité.",
      "Jehan Monnier, cofondateur de Belledonne Communications, y a souligné l'épisode.",
      "Pour y figurer, un logiciel doit être sous licence libre.",
      "Pour une collectivité, il est utile d'y ajouter deux familles.",
      "La commune s'y est engagée en 2024.",
      "Frédéric Couchet en est le délégué général depuis mars 2005.",
      "Le gouvernement en a rendu compte dans un communiqué.",
      "Il n'en existe aucune version auditée.",
      "Selon ce dernier, la migration est achevée.",
      // A connector or a pronoun further on that stands for what came before (the example briefing note, 6 December).
      "Une commune peut donc, juridiquement, héberger ses données chez ce prestataire.",
      "Confier ses courriels à ce service revient selon elle à les exposer.",
      "La région a elle aussi choisi Nextcloud en 2024.",
    ])
      expect(needsPrevious(sentence), sentence).toBe(true);
    for (const sentence of [
      "Il existe des éditeurs d'antivirus européens : ESET en Slovaquie, G DATA en Allemagne.",
      "Il faut consulter Légifrance pour connaître l'état du droit en vigueur.",
      "Selon la DINUM, il y a 2,5 millions de postes dans l'État.",
      "Aujourd'hui il n'y a plus de lacune fonctionnelle.",
      "Tous les ministères, y compris les opérateurs, doivent formaliser un plan.",
      "Chaque ministère, y compris les opérateurs publics qui en dépendent, doit formaliser son plan.",
      "Où en est le texte en 2026 ?",
      "En 2024, la ville a voté le budget ; en fait, le conseil l'a adopté en mars.",
      "Ce que le CLOUD Act ne change pas : il ne rend pas illégal pour une commune l'usage de ces services.",
      "Ceux qui ont migré en 2024 racontent leur expérience.",
      "La présentation de Millau avance 534 millions d'euros.",
      "Selon un compte rendu du séminaire interministériel du 8 avril 2026, l'État y a confirmé la migration.",
      "Selon elle-même, la ville a économisé 3 millions d'euros : un chiffre communiqué par la mairie.",
      "La commune a donné son accord en 2024.",
    ])
      expect(needsPrevious(sentence), sentence).toBe(false);
  });

  it("tells the openings that refer back", () => {
    expect(refersToPrevious("Il propose que QBO étudie…")).toBe(true);
    expect(refersToPrevious("La même présentation résume…")).toBe(true);
    expect(refersToPrevious("Cette décision ne vise que…")).toBe(true);
    expect(refersToPrevious("C'est l'exemple le plus chiffré.")).toBe(true);
    expect(refersToPrevious("La présentation de Millau avance…")).toBe(false);
    expect(refersToPrevious("Ils ont voté.")).toBe(true);
    expect(refersToPrevious("Ilot de chaleur")).toBe(false);
    expect(refersToPrevious("Certaines communes…")).toBe(false);
  });
});
