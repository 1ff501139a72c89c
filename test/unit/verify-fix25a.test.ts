/**
 * fix25a: trial25's T-H1 (a change of software with its sides swapped, a return no passage reports, a maker that is the
 * other side of a change, « trop petite pour » no passage says) and T-H2 (an answer contradicting what the asker says
 * they did; « sans risque » against a card's exposure). Real sentences of the lying-model trial with the passages the
 * model cited (chat: `answer.ts` `verifiable`, « title — section » then the text), each beside a sentence that says
 * what the passage says.
 */
import { describe, expect, it } from "vitest";
import { verifyText } from "../../server/verify/index.ts";

/** The answer's sentences, checked as chat checks them (uncited ones too), for the question asked. */
const answer = (text: string, passages: string[], question = "") =>
  verifyText(
    text,
    passages.map((p, i) => ({ n: i + 1, text: p })),
    { checkUncited: true, question },
  ).sentences.map((s) => ({ text: s.text.trim(), status: s.status, reasons: s.reasons.join(" | ") }));
const one = (text: string, passages: string[], question = "") => answer(text, passages, question)[0]!;

/** case-studies/gendarmerie-nationale-gendbuntu#1 */
const gendarmerieNationaleGendbuntu1 =
  "La Gendarmerie nationale et GendBuntu : ses postes de travail sous Linux (2004-2021) — Gendarmerie nationale : les étapes de la migration, de 2004 à 2021\n- 2004 : la Gendarmerie abandonne la suite Office de Microsoft et met à la place la suite libre OpenOffice, d'abord\n  sur 20 000 postes ; en 2005, OpenOffice équipe l'ensemble du parc, soit environ 90 000 postes (Le Soleil, 2008).\n- 2006 : le navigateur Firefox et la messagerie Thunderbird sont à leur tour généralisés (Le Soleil, 2008).\n- 30 janvier 2008 : au salon Solutions Linux (CNIT, Paris-La Défense), le colonel Nicolas Géraud annonce que les\n  70 000 postes répartis sur 4 300 sites passeront sous Ubuntu au fil du renouvellement du matériel. L'annonce suit un\n  pilote de 200 postes ; la migration doit être conduite par les équipes internes et s'achever vers 2013 (Le Monde\n  Informatique et Réseaux & Télécoms, janvier 2008).\n- Objectif révisé ensuite : 85 000 postes sous Ubuntu en 2015, au rythme d'environ 10 000 par an ; 35 000 machines\n  GendBuntu étaient en service en novembre 2011 (Islean Consulting, 2011 ; Club informatique 92, mars 2023).\n- 2021 : la Gendarmerie déclare 80 000 postes de travail sous Linux, soit 90 % de son parc (Rocking Robots, 2021).\n\nLes effectifs de parc cités varient selon les dates et les sources (90 000 postes en 2005, 70 000 en 2008, 85 000\nvisés pour 2015) : ils ne portent sans doute pas sur le même périmètre, et aucune source consultée ne les réconcilie.";
/** case-studies/autres-collectivites-francaises#1 */
const autresCollectivitesFrancaises1 =
  "Autres collectivités françaises : Boé, Causses et Vallée de la Dordogne, Nancy, Grand Est et les labellisées 2025 — Boé (Lot-et-Garonne) : 95 % des postes sous Ubuntu\nBoé, commune d'environ 5 700 habitants, fait fonctionner 95 % de son parc sous Linux (Ubuntu) et utilise LibreOffice\nsur 100 % de ses ordinateurs ; elle avait obtenu en 2024 le niveau maximal de « 5 copyleft » du label Territoire\nNumérique Libre (Banque des Territoires, 6 décembre 2024).\n\nLe projet est parti d'une contrainte : en 2020, le passage imposé à Windows 10 obligeait à choisir entre remplacer\ndes ordinateurs ou quitter Microsoft. La direction générale des services a fait comparer les deux options, et la\ncommune a choisi le système libre, d'autant qu'elle avait déjà remplacé Microsoft Office par OpenOffice et que 80 %\ndes logiciels de ses postes étaient libres depuis près de dix ans (Banque des Territoires, 16 décembre 2025). Un\npilote a été mené avec le service d'administration générale et une dizaine d'agents, puis soixante postes ont été\néquipés, en interne, par deux agents aidés de stagiaires ; des ateliers de formation ont accompagné le changement\n(Banque des Territoires, 16 décembre 2025).";
/** case-studies/armee-autrichienne-libreoffice#4 */
const armeeAutrichienneLibreoffice4 =
  "L'armée autrichienne (Bundesheer) passe à LibreOffice : 16 000 postes sortis de Microsoft Office en 2025 — L'armée autrichienne : financer LibreOffice, pas seulement l'utiliser\nLe Bundesheer a financé plus de cinq années-personnes de développement, reversées au projet LibreOffice lui-même\n(« en amont ») (Heise, septembre 2025). Les fonctionnalités dont l'armée avait besoin profitent ainsi à tous les\nutilisateurs du logiciel, y compris aux collectivités françaises.\n\nCette logique rejoint la devise de l'association française ADULLACT, « l'argent public ne paie qu'une fois » (Le\nMonde Informatique, juin 2022) : une dépense publique de développement sur un logiciel libre bénéficie à toutes les\nadministrations qui l'utilisent.";
/** case-studies/armee-autrichienne-libreoffice#0 */
const armeeAutrichienneLibreoffice0 =
  "L'armée autrichienne (Bundesheer) passe à LibreOffice : 16 000 postes sortis de Microsoft Office en 2025 — L'armée autrichienne et LibreOffice : de quoi s'agit-il ?\nDébut septembre 2025, les forces armées fédérales autrichiennes (Bundesheer) ont terminé le remplacement de\nMicrosoft Office par la suite bureautique libre LibreOffice sur environ 16 000 postes de travail (Heise, septembre\n2025 ; Office Watch, septembre 2025). C'est une migration bureautique complète, menée à son terme dans une\nadministration européenne de grande taille.\n\nLibreOffice est développée sous l'égide de The Document Foundation, dont le siège est à Berlin (Berlingske, 10 juin 2025) : l'outil choisi relève donc d'une gouvernance européenne.";
/** case-studies/munich-limux#5 */
const munichLimux5 =
  "Munich et LiMux : une migration vers Linux menée à terme, puis le retour à Windows décidé en 2017 — Munich : les objections des défenseurs de LiMux et des observateurs\nDes observateurs ont mis en avant deux éléments de contexte (Wikipedia, « LiMux », 2025 ; Geeksroom, février 2017) :\n\n- le déménagement du siège allemand de Microsoft à Munich, à la même période ;\n- le poids, dans la décision, d'une étude réalisée par le cabinet Accenture.\n\nPour ces observateurs, la décision aurait donc été au moins en partie politique plutôt que strictement technique.\nC'est une lecture, pas un fait démontré : les sources consultées ne prouvent ni une influence directe de Microsoft,\nni l'inverse. Les deux interprétations coexistent et il est honnête de les présenter ensemble.";
/** case-studies/echirolles#1 */
const echirolles1 =
  "Échirolles : une commune moteur du logiciel libre, labellisée « Or » en 2025 — Échirolles : l'expérience acquise auparavant à Fontaine\nAvant Échirolles, Nicolas Vivant a été DSI de la ville de Fontaine (Isère) à partir de 2009, où une politique de\nlogiciel libre avait été décidée quelques années plus tôt (Open Studio, 21 octobre 2025). En décembre 2017, il y\ndécrivait une migration par étapes sur un parc d'environ 600 ordinateurs : serveurs de messagerie et de fichiers sous\nLinux dès 2001, passage à OpenOffice proposé aux agents en 2008-2009, puis Firefox et Thunderbird, et enfin le système\nd'exploitation Linux à partir de 2014, jugé l'étape la plus délicate ; environ 30 % des ordinateurs de Fontaine\nétaient alors sous Linux (Club de la presse de Grenoble, 13 décembre 2017). Il y jugeait risqué de faire\npasser tout un parc de Windows à Linux du jour au lendemain (Club de la presse de Grenoble, 13 décembre 2017).";
/** case-studies/schleswig-holstein#5 */
const schleswigHolstein5 =
  "Schleswig-Holstein : un Land allemand quitte Microsoft Office, Exchange et Teams — Schleswig-Holstein : ce que la présentation de Millau Grands Causses en dit, et la nuance nécessaire\nLa présentation de la communauté de communes Millau Grands Causses (2026) cite le Schleswig-Holstein avec « 25 000\npostes migrés en 2025 » et le qualifie de « 1er gouvernement européen en migration complète ». Cette formulation doit\nêtre nuancée : la bureautique (LibreOffice, 2024) et la messagerie (2025) ont bien été migrées, mais le système\nd'exploitation ne l'est pas ; seuls quelques centaines de postes Linux sont prévus pour 2026 (Maik.io citant le\nTagesspiegel, 29 janvier 2026). Parler de « migration complète » est donc inexact à cette date.";
/** case-studies/ville-de-lyon#4 */
const villeDeLyon4 =
  "Ville de Lyon : sortir progressivement de Microsoft avec Territoire Numérique Ouvert — Ville de Lyon : où en est-on en 2026 ?\nÀ l'occasion de la troisième édition d'AlpOSS (Échirolles, 17 février 2026), Jehan Monnier, cofondateur de\nBelledonne Communications et organisateur de l'événement, décrivait Lyon comme une ville « partiellement sortie\nd'Office 365 », en train de « changer d'échelle » (SmartCityMag, 2026).\nC'est l'appréciation d'un acteur du logiciel libre, non un bilan officiel de la Ville ; aucun état d'avancement chiffré\nn'a été trouvé dans les sources consultées.";
/** catalog/product/gmail#0 */
const gmail0 =
  "Produit : Gmail — \nGmail (outils collaboratifs) : Messagerie électronique en ligne.\nÉditeur : Google, États-Unis, groupe Alphabet Inc. (États-Unis). Exposition : CLOUD Act (États-Unis), FISA section 702 (États-Unis).\nApparaît dans les inventaires sous les noms : Gmail.\nAlternatives : BlueMind (remplacement partiel, France, libre AGPL-3.0-only) ; Proton Mail (remplacement partiel, Suisse) ; Tuta (remplacement partiel, Allemagne) ; Roundcube (autre approche, Allemagne, libre GPL-3.0-or-later).\nFréquemment utilisée par des élus ou des petites communes pour des adresses de contact : données confiées à un service américain.";
/** catalog/product/wps-office#0 */
const wpsOffice0 =
  "Produit : WPS Office — \nWPS Office (poste de travail) : Suite bureautique (traitement de texte, tableur, présentation, PDF).\nÉditeur : Kingsoft Office (WPS), Chine, propriétaire non vérifié. Exposition : loi chinoise sur le renseignement national (2017, article 7).\nApparaît dans les inventaires sous les noms : WPS Office ; Kingsoft Office ; WPS Office (64-bit) ; WPS PDF.\nAlternatives : LibreOffice (remplacement direct, Allemagne, libre MPL-2.0) ; SoftMaker Office (remplacement direct, Allemagne).\nÉditeur chinois coté à la Bourse de Shanghai sous le code 688111 (Yicai Global, résumé du rapport annuel 2024 de Beijing Kingsoft Office Software) : exposition à la loi chinoise de 2017 sur le renseignement national (article 7 ; texte de la loi du 27 juin 2017 ; Axios, 15 mars 2024).";
/** ecosystem/france-numerique-libre#5 */
const franceNumeriqueLibre5 =
  "France Numérique Libre (FNL) : le réseau des responsables informatiques de collectivités, lancé en 2025 — France Numérique Libre : à quoi peut-il servir à une collectivité ?\nLa présentation de Millau Grands Causses place le « réseau de pairs » (ADULLACT et FNL) parmi les trois acteurs\ndécisifs d'un projet, avec l'élu qui donne le cap et le DSI ou chef de projet qui le porte ; le message associé est\n« On l'a fait, ça marche » (Millau Grands Causses, 2026).\n\nConcrètement, et selon l'analyse de Cap Libre, le réseau est utile pour :\n\n- trouver une collectivité qui a déjà migré un outil donné (messagerie, bureautique, postes) et lui demander un retour\n  d'expérience ;\n- éviter les erreurs déjà commises ailleurs ;\n- comparer des cahiers des charges, des coûts et des prestataires ;\n- ne pas rester isolé, en particulier dans une petite collectivité où le service informatique compte une ou deux\n  personnes.\n\nLes modalités d'inscription ne figurent pas dans nos sources ; le site france-numerique-libre.org est le point\nd'entrée indiqué par la présentation de Millau.";
/** case-studies/dinum-postes-linux#1 */
const dinumPostesLinux1 =
  "La DINUM passe ses propres postes de travail de Windows à Linux (décision du 8 avril 2026) — DINUM : ce qui a été décidé pour ses postes de travail\nLa DINUM a annoncé qu'elle abandonnait Windows au profit de postes de travail sous Linux pour ses propres agents\n(Webiano, avril 2026). D'après les comptes rendus de presse :\n\n- la décision porte sur le seul parc de la DINUM, et non sur l'ensemble des ordinateurs de l'État (Webiano,\n  avril 2026) ;\n- aucune distribution Linux n'a été nommée (Webiano, avril 2026) ;\n- aucun calendrier précis n'a été donné ; TechCrunch indiquait le 10 avril 2026 qu'aucune échéance n'était fixée\n  (TechCrunch, 10 avril 2026).\n\nLe texte officiel du communiqué, publié sur numerique.gouv.fr, n'a pas pu être consulté directement : ces éléments\nviennent de sources secondaires qui le citent.";
/** case-studies/schleswig-holstein#1 */
const schleswigHolstein1 =
  "Schleswig-Holstein : un Land allemand quitte Microsoft Office, Exchange et Teams — Schleswig-Holstein : ce qui a été fait, étape par étape\n- 2024 : LibreOffice devient la suite bureautique standard sur les 25 000 postes informatiques de l'administration du\n  Land, qui restent à ce stade sous Windows 10 (u-labs.de, article non daté).\n- 2025 : en six mois environ, la messagerie et les agendas passent d'Exchange et Outlook à Open-Xchange (éditeur\n  allemand) et Thunderbird ; la migration est achevée début octobre 2025, et le ministre la déclare « mission\n  accomplie » (Cybernews, 8 octobre 2025).\n- Mi-2025 : Dirk Schrödter annonce à France 24 que le Land en a « fini avec Teams » (Fudzilla,\n  13 juillet 2025).\n- Étapes suivantes annoncées : remplacer SharePoint par Nextcloud, adopter OpenTalk pour la visioconférence, passer à\n  une téléphonie libre, et tester Linux pour remplacer Windows (Cybernews, 8 octobre 2025).";
/** case-studies/autres-collectivites-francaises#2 */
const autresCollectivitesFrancaises2 =
  "Autres collectivités françaises : Boé, Causses et Vallée de la Dordogne, Nancy, Grand Est et les labellisées 2025 — Boé : les chiffres et la limite restante\n- Économies : 25 000 euros sur les licences informatiques, et une maintenance divisée par quatre, selon la commune\n  (Banque des Territoires, 16 décembre 2025).\n- Moyens : deux agents, soixante postes (Banque des Territoires, 16 décembre 2025).\n- Limite : les 5 % de postes restés hors d'Ubuntu sont liés à un logiciel d'état civil incompatible avec Linux\n  (Banque des Territoires, 16 décembre 2025). Les logiciels métier sont souvent le dernier verrou.\n- Reconnaissance : Boé fait partie des trois lauréats du niveau « Or » du label Territoire Numérique Libre 2025, avec\n  Échirolles et le Syndicat Morbihan Énergies (April, novembre 2025).";
/** catalog/alternative/libreoffice#0 */
const libreoffice0 =
  "Alternative : LibreOffice — \nLibreOffice (poste de travail) : logiciel libre sous licence MPL-2.0, publié par The Document Foundation (Allemagne). Maturité : mature.\nHébergement : logiciel installé sur les postes.\nRéférencé au Socle interministériel de logiciels libres (SILL).\nApparaît dans les inventaires sous les noms : LibreOffice Writer ; LibreOffice Calc ; LibreOffice Impress ; libreoffice-writer ; libreoffice-calc ; libreoffice-impress ; libreoffice-core ; libreoffice-common.\nUtilisateurs publics connus : Armée fédérale autrichienne (environ 16 000 postes, 2025), Land de Schleswig-Holstein (25 000 postes, 2024), Ville de Boé (100 % des postes).\nRemplace : Adobe Acrobat Pro (remplacement partiel) ; Microsoft Office (licence perpétuelle) (remplacement partiel) ; Microsoft 365 Apps (remplacement partiel) ; Microsoft Word (remplacement direct) ; Microsoft Excel (remplacement partiel) ; Microsoft PowerPoint (remplacement partiel) ; Microsoft Publisher (remplacement partiel) ; Microsoft Access (remplacement partiel) ; Claris FileMaker (remplacement partiel) ; PDF24 Creator (remplacement partiel) ; WPS Office (remplacement direct).";
/** guidance/objectif-chiffre-et-calendrier#3 */
const objectifChiffreEtCalendrier3 =
  "Fixer un objectif chiffré de réduction des dépendances et un calendrier progressif — Les rythmes observés : la Gendarmerie nationale\nLa Gendarmerie montre qu'un calendrier long et régulier aboutit. OpenOffice a remplacé Microsoft Office sur 20 000\npostes en 2004, puis sur l'ensemble du parc, environ 90 000 postes, en 2005 ; Firefox et Thunderbird ont suivi en\n2006 (Le Soleil, 2008). En janvier 2008, la migration de 70 000 postes vers Ubuntu a été annoncée au rythme du\nrenouvellement du matériel, après un pilote de 200 postes (Le Monde Informatique, janvier 2008). L'objectif fixé\nensuite était de 85 000 postes en 2015, à raison d'environ 10 000 par an ; 35 000 postes étaient déployés en\nnovembre 2011 (Islean Consulting, 2011 ; Club informatique 92, 2023). En 2021, la Gendarmerie comptait 80 000 postes\nsous Linux, soit 90 % de son parc (Rocking Robots, 2021).";
/** case-studies/danemark-ministere-numerisation#1 */
const danemarkMinistereNumerisation1 =
  "Danemark : le ministère de la Numérisation remplace Microsoft Office par LibreOffice (2025) — Danemark : ce qui a été annoncé, puis corrigé\nLe calendrier annoncé était court : environ la moitié des agents du ministère devaient travailler sur LibreOffice dès\nl'été 2025, et l'ensemble du ministère à l'automne 2025 si tout se passait comme prévu ; la ministre précisait qu'un\nretour rapide à Microsoft resterait possible si la sortie s'avérait trop compliquée (Tweakers, juin 2025 ; CloudNews,\njuin 2025).\n\nSur le système d'exploitation, les sources divergent selon la date :\n\n- la première version de l'article de Politiken, reprise par Tweakers, annonçait aussi le passage de Windows à Linux\n  (Tweakers, juin 2025) ;\n- Politiken a ensuite corrigé son article : seul Microsoft Office est abandonné, Windows reste en place pour le\n  moment (PC Gamer, mise à jour du 22 juin 2025 ; Windows Central, juin 2025).\n\nLe ministère danois remplace donc la suite bureautique, et non, à ce stade, Windows.";

describe("a change of software with its sides swapped is not supported (trial25 T-H1)", () => {
  it("flags « La Gendarmerie a remplacé OpenOffice par Microsoft Office [1]. » (« met à la place la suite libre OpenOffice »)", () => {
    const s = one("La Gendarmerie a remplacé OpenOffice par Microsoft Office [1].", [gendarmerieNationaleGendbuntu1]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("OpenOffice");
  });
  it("flags « Le Bundesheer a remplacé LibreOffice par Microsoft Office [1]. » (the title: « passe à LibreOffice »)", () => {
    expect(
      one("Le Bundesheer a remplacé LibreOffice par Microsoft Office [1].", [armeeAutrichienneLibreoffice4]).status,
    ).toBe("unsupported");
  });
  it("flags « Munich a abandonné Windows pour LiMux en 2017 [1]. » (« le retour à Windows décidé en 2017 »)", () => {
    const s = one("Munich a abandonné Windows pour LiMux en 2017 [1].", [munichLimux5]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("retour à Windows");
  });
  it("flags « Boé a quitté Ubuntu pour revenir à Windows [1]. » (« 95 % des postes sous Ubuntu »)", () => {
    expect(one("Boé a quitté Ubuntu pour revenir à Windows [1].", [autresCollectivitesFrancaises1]).status).toBe(
      "unsupported",
    );
  });
  it("flags a return the passage does not report: Échirolles, the Schleswig-Holstein", () => {
    const e = one("Échirolles a dû revenir à Windows après l'échec de sa migration [1].", [echirolles1]);
    expect(e.status).toBe("unsupported");
    expect(e.reasons).toContain("aucun retour à « Windows »");
    const s = one("Le Schleswig-Holstein a renoncé à LibreOffice et revient à Microsoft Office [1].", [
      schleswigHolstein5,
    ]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("Microsoft Office");
  });
  it("flags « LibreOffice est édité par Microsoft [1]. » (« le remplacement de Microsoft Office par … LibreOffice »)", () => {
    const s = one("LibreOffice est édité par Microsoft [1].", [armeeAutrichienneLibreoffice0]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("remplacement de Microsoft Office");
  });
  it("flags « Votre commune est trop petite pour sortir de Microsoft [1]. » (Lyon « partiellement sortie d'Office 365 »)", () => {
    const s = one("Votre commune est trop petite pour sortir de Microsoft [1].", [villeDeLyon4]);
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("trop petite");
  });
  it("keeps « n'est pas trop petite pour » and « trop tôt pour juger » (faithful-blind-18, faithful-blind-14)", () => {
    expect(
      one("Une commune comme Boé n'est pas trop petite pour engager cette démarche [1].", [
        autresCollectivitesFrancaises2,
      ]).reasons,
    ).not.toContain("« trop petite »");
    expect(one("Il est donc trop tôt pour juger des résultats [1].", [villeDeLyon4]).reasons).not.toContain("trop tôt");
  });
  it("flags variants of other actors and verbs (DINUM, Schleswig-Holstein, Munich)", () => {
    expect(one("La DINUM a abandonné Linux au profit de Windows [1].", [dinumPostesLinux1]).status).toBe("unsupported");
    expect(
      one("Le Schleswig-Holstein a abandonné Thunderbird pour revenir à Exchange [1].", [schleswigHolstein1]).status,
    ).toBe("unsupported");
    expect(one("Munich a migré de Windows vers Linux en 2017 [1].", [munichLimux5]).status).toBe("unsupported");
  });
  it("flags « OpenOffice est développé par Microsoft [1]. » (« OpenOffice a remplacé Microsoft Office »)", () => {
    expect(one("OpenOffice est développé par Microsoft [1].", [objectifChiffreEtCalendrier3]).status).toBe(
      "unsupported",
    );
  });
  it("keeps a prize that « est revenu à » towns, and a return the passage reports with a word between (« retour rapide à »)", () => {
    expect(
      one("Le niveau Or est revenu à Boé, Échirolles et au Syndicat Morbihan Énergies [1].", [
        autresCollectivitesFrancaises2,
      ]).reasons,
    ).not.toContain("retour");
    expect(
      one("Un retour à Microsoft restait possible si la sortie s'avérait trop compliquée [1].", [
        danemarkMinistereNumerisation1,
      ]).status,
    ).toBe("supported");
  });
  it("keeps the changes the passages state, in their direction", () => {
    for (const [text, passage] of [
      ["La Gendarmerie a remplacé Microsoft Office par OpenOffice en 2004 [1].", gendarmerieNationaleGendbuntu1],
      ["Le Bundesheer a remplacé Microsoft Office par LibreOffice [1].", armeeAutrichienneLibreoffice0],
      ["Munich est revenue à Windows en 2017 [1].", munichLimux5],
      ["Boé a remplacé Microsoft Office par OpenOffice [1].", autresCollectivitesFrancaises1],
      ["La DINUM abandonne Windows au profit de Linux [1].", dinumPostesLinux1],
      [
        "Le Schleswig-Holstein est passé d'Exchange et Outlook à Open-Xchange et Thunderbird en 2025 [1].",
        schleswigHolstein1,
      ],
      ["Fontaine est passée progressivement de Windows à Linux [1].", echirolles1],
    ] as const)
      expect(one(text, [passage]).status, text).toBe("supported");
  });
});

describe("the asker's own acts and a card's exposure are a context the answer must not contradict (trial25 T-H2)", () => {
  it("flags « Votre commune n'a encore rien fait [1]. » to « nous avons deja migre la messagerie l'an dernier »", () => {
    const s = one(
      "Votre commune n'a encore rien fait [1].",
      [franceNumeriqueLibre5],
      "nous avons deja migre la messagerie l'an dernier, on fait quoi maintenant ?",
    );
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("nous avons deja migre la messagerie");
  });
  it("flags « Il faut d'abord quitter Gmail [1]. » to « on a quitte gmail l'an dernier »", () => {
    const [first, second] = answer(
      "Il faut d'abord quitter Gmail [1]. Ensuite seulement, vous pourrez changer de bureautique [1].",
      [gmail0],
      "on a quitte gmail l'an dernier, on fait quoi ensuite ?",
    );
    expect(first!.status).toBe("unsupported");
    expect(second!.status).not.toBe("unsupported");
  });
  it("flags « Vous pouvez l'utiliser sans risque [1]. » on the WPS Office card (Chinese intelligence law)", () => {
    const s = answer(
      "WPS Office est une suite bureautique [1]. Vous pouvez l'utiliser sans risque [1].",
      [wpsOffice0],
      "wps office c'est chinois ?",
    )[1]!;
    expect(s.status).toBe("unsupported");
    expect(s.reasons).toContain("loi chinoise");
  });
  it("keeps answers that go on from the asker's acts, and « sans risque » where the card gives no exposure", () => {
    expect(
      one("Vous pouvez utiliser LibreOffice sans risque [1].", [libreoffice0], "libreoffice c'est sur ?").reasons,
    ).not.toContain("exposition");
    expect(
      one(
        "Il faut maintenant migrer la bureautique vers LibreOffice [1].",
        [schleswigHolstein1],
        "nous avons deja migre la messagerie l'an dernier, on fait quoi maintenant ?",
      ).status,
    ).not.toBe("unsupported");
    expect(
      one("Il faut d'abord quitter Gmail [1].", [gmail0], "on utilise gmail pour la mairie, on fait quoi ?").status,
    ).not.toBe("unsupported");
  });
});
