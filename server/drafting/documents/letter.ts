/** The advocacy letter of an association to a named elected official: its placeholder values and data block. */

import { pastDeadlines } from "../../core/deadlines.ts";
import { withArticle } from "../../core/labels.ts";
import { fold, frenchDate, localDay } from "../../core/text.ts";
import { wordAlternation, wordListSections } from "../../i18n/word-lists.ts";
import type { LetterInputs } from "../inputs.ts";
import { roadmapOwnData } from "../own-data.ts";
import { asInfinitive, lowerFirst, requestForm, upperFirst } from "../requests.ts";
import { planRoadmap } from "../roadmap-plan.ts";
import { type DocumentStructure, fill } from "../structure.ts";
import type { DraftContext, InventoryAnalysis } from "../types.ts";
import {
  analysisSentence,
  attributedContext,
  baseVars,
  dataBlock,
  describeCollectivite,
  finish,
  sentence,
  texts,
} from "./common.ts";

const SALUTATION = wordListSections("salutation.txt");
/** Where a title ends (« Présidente | de QBO », « Adjointe au maire | chargée du numérique »). */
const TITLE_END = new RegExp(`\\s+(?:${wordAlternation(SALUTATION.get("fin du titre") ?? [])})(?=[\\s'’]|$)`, "iu");
const MUTE_H = new Set((SALUTATION.get("h muet") ?? []).map((w) => fold(w)));

/**
 * « Madame » + « Présidente de QBO » → « Madame la Présidente »; « Adjointe au maire chargée du numérique » →
 * « Madame l'Adjointe au maire » (elided before a vowel or a mute h); without civility « Madame, Monsieur ».
 */
export function salutationFor(recipient: LetterInputs["recipient"]): string {
  if (recipient.salutation) return recipient.salutation;
  if (!recipient.civility) return "Madame, Monsieur";
  const role = recipient.role.trim().split(TITLE_END)[0]!.trim();
  const capitalized = role.charAt(0).toUpperCase() + role.slice(1);
  const first = fold(role.split(/\s+/)[0] ?? "");
  const article = /^[aeiouy]/.test(first) || MUTE_H.has(first) ? "l'" : recipient.civility === "Madame" ? "la " : "le ";
  return `${recipient.civility} ${article}${capitalized}`;
}

export function letterContext(
  inputs: LetterInputs,
  analysis: InventoryAnalysis | null,
  structure: DocumentStructure,
  now: string,
): DraftContext {
  const c = inputs.collectivite;
  const vars: Record<string, string> = { ...baseVars(c) };
  vars.salutation = salutationFor(inputs.recipient);
  vars.recipient_name = inputs.recipient.name;
  vars.recipient_role = inputs.recipient.role;
  vars.sender = inputs.sender.name;
  vars.subject = inputs.subject ?? texts(structure, "subject.default", vars);
  vars.sender_intro = texts(structure, "sender_intro", {
    sender: inputs.sender.name,
    sender_description: inputs.sender.description ? `, ${inputs.sender.description}` : "",
  });
  // What the sender says of the collectivité is their information (attributed); what they say of others is checked.
  // A date of the context already past on the letter's date is noted as a request's is (trial24 T-L3).
  const contextNote = (sentence: string) => {
    const past = pastDeadlines(sentence, inputs.date ?? localDay(now));
    const deadlines = [...new Set(past.map((d) => `« ${d.text} »`))].join(", ");
    return past.length ? `*(${texts(structure, "context.pastDate", { deadlines })})*` : "";
  };
  vars.local_context = inputs.context
    ? `${attributedContext(inputs.context, c.name, texts(structure, "context.own"), contextNote)} `
    : "";
  // The sender's own words, searched first for the passages that argue the letter (`focus` of its sections).
  vars.letter_context = inputs.context ?? "";
  vars.letter_subject = inputs.subject ?? "";
  // The peers quoted, named by the section without a model (`peerCases`); none before it writes.
  vars.peer_cases = "";
  // The counts of a map the sender was given: the same sentence parts as the roadmap and the briefing.
  vars.analysis_sentence = analysisSentence(structure, analysis, now, vars);
  const date = inputs.date ?? localDay(now);
  // Built-in requests follow « nous vous proposons que X : »; one typed as an infinitive or an imperative puts the
  // list in the infinitive after « nous vous proposons de : », one typed as a full sentence after a neutral lead-in.
  const typed = inputs.requests.filter((r) => structure.texts[`request.${r}`] === undefined).map(requestForm);
  const lead = !typed.length ? "que" : typed.includes("sentence") ? "list" : "de";
  // The tone shows in what the letter asks and how it ends, not in its closing formula alone (trial19 L3): a firm letter
  // « demande » and asks for an answer; without a text of its own for the tone, the courteous one.
  const toned = (key: string) =>
    structure.texts[`${key}.${inputs.tone}`] !== undefined ? `${key}.${inputs.tone}` : key;
  vars.requests_intro = texts(structure, toned(`requests.intro.${lead}`), vars);
  vars.availability = texts(structure, toned("availability"), vars);
  const items: { text: string; note?: string }[] = [];
  for (const r of inputs.requests) {
    if (structure.texts[`request.${r}`] !== undefined) {
      const text = texts(structure, lead === "que" ? `request.${r}` : `request.${r}.infinitive`, vars);
      items.push({ text: lead === "list" ? upperFirst(text) : text });
      continue;
    }
    const written = lead === "que" ? r : asInfinitive(r);
    const item = lead === "de" ? lowerFirst(written) : upperFirst(written);
    // A request whose deadline is past on the letter's date is said so beside it, as a quotation's is.
    const past = pastDeadlines(r, date);
    const deadlines = [...new Set(past.map((d) => `« ${d.text} »`))].join(", ");
    items.push({
      text: sentence(item),
      ...(past.length ? { note: `*(${texts(structure, "request.pastDeadline", { deadlines })})*` } : {}),
    });
  }
  // Items that continue the lead-in's sentence (« nous vous proposons de : ») end on « ; », the last on « . », in
  // whatever order built-in and typed requests come (trial21 T-L4: a typed item's « . » between two « ; »); full
  // sentences (« les propositions suivantes : ») each on « . ».
  const requests = items.map(({ text, note }, i) => {
    const end = lead === "list" || i === items.length - 1 ? "." : " ;";
    const ended = /[.;]$/.test(text.trim()) ? `${text.replace(/[\s.;]+$/, "")}${end}` : text;
    return note ? `${ended} ${note}` : ended;
  });
  vars.requests_list = requests.map((r) => `- ${r}`).join("\n");
  vars.closing_formula = texts(structure, `closing.${inputs.tone}`, vars);
  // A signatory line that names the sender (« Pour Gâtine Libre, Sophie Martin ») signs for them already.
  const signsForSender = !!inputs.sender.signatory && fold(inputs.sender.signatory).includes(fold(inputs.sender.name));
  vars.signature = [
    // « Pour l'Association Libre en Baie, », « Pour le Collectif … », « Pour Linux Quimper, »: the article of the
    // name, as for a collectivité's (`withArticle`, common nouns listed in `i18n/fr/labels.json`).
    signsForSender ? "" : `${texts(structure, "signature.for", { sender: withArticle(inputs.sender.name) })}`,
    inputs.sender.signatory,
    inputs.sender.url,
    inputs.sender.contact,
  ]
    .filter(Boolean)
    .join("\n");
  vars.date = frenchDate(date);
  const data = dataBlock([
    [texts(structure, "data.collectivite"), describeCollectivite(c)],
    [
      texts(structure, "data.destinataire"),
      `${inputs.recipient.name}, ${inputs.recipient.role} (appel : « ${vars.salutation} »)`,
    ],
    [
      texts(structure, "data.expediteur"),
      inputs.sender.description ? `${inputs.sender.name}, ${inputs.sender.description}` : inputs.sender.name,
    ],
    [texts(structure, "data.contexteLocal"), inputs.context],
    [texts(structure, "data.cartographieDeLaCollectivite"), vars.analysis_sentence?.trim() || undefined],
    [texts(structure, "data.demandesDeLExpediteur"), requests],
    [texts(structure, "data.dateDuCourrier"), vars.date],
  ]);
  const title = fill(structure.title, vars);
  // What the context says of others (« la Gendarmerie a économisé … ») is checked against the corpus, not taken as data.
  return {
    ...finish(title, c.name, vars, data, structure.tones?.[inputs.tone] ?? structure.tone, inputs.context),
    ...(analysis ? { own: roadmapOwnData(planRoadmap(analysis, { now })) } : {}),
  };
}
