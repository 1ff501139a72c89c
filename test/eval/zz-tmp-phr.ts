import { questionTerms } from "../../server/retrieval/question-terms.ts";
import { phrasingTerms } from "../../server/retrieval/phrasing.ts";
for (const q of process.argv.slice(2)) console.log(q, "→", phrasingTerms(q, questionTerms(q)).map((t) => t.word).join(", "));
