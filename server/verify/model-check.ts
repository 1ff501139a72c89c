/**
 * Optional second pass of the verification (`VERIFY_WITH_MODEL=1`, off by default): for each sentence the word
 * checks accept, the local model is asked whether the passages it cites support it, and answers in JSON. It can
 * only flag more (a paraphrase that changes the meaning), never clear a sentence the checks flagged.
 * Cost: one model call per checked sentence, one after the other (the cited passages, about 400 tokens in; at most 96
 * out): a six-sentence answer makes six more calls, several seconds each on a CPU-only machine — turn it on where a
 * graphics card serves a model at least as capable as the one that writes. Measured with scripted judges
 * (`test/eval/second-pass.ts`): a good judge adds the true figures attached to the wrong thing the rules miss, and
 * flags a few true answers (each sentence is one more chance to refuse); a strict one flags one true answer in five.
 * When to turn it on, for the admin: `docs/verification-par-le-modele.md`.
 */
import { message } from "../i18n/messages.ts";
import { loadTemplate } from "../llm/prompts.ts";
import type { ChatModel } from "../llm/types.ts";
import type { SentenceCheck, Verification, VerifyPassage } from "./index.ts";

const template = loadTemplate("verify");

/** The model's JSON verdict, or null when it said something else. */
export function parseVerdict(text: string): { supported: boolean; reason: string | null } | null {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return null;
  try {
    const data = JSON.parse(json) as { soutenue?: unknown; raison?: unknown };
    if (typeof data.soutenue !== "boolean") return null;
    return { supported: data.soutenue, reason: typeof data.raison === "string" ? data.raison : null };
  } catch {
    return null;
  }
}

export async function confirmWithModel(
  verification: Verification,
  passages: VerifyPassage[],
  chat: ChatModel,
  options: { signal: AbortSignal; numCtx: number },
): Promise<Verification> {
  const sentences: SentenceCheck[] = [];
  for (const s of verification.sentences) {
    if (s.status !== "supported" || options.signal.aborted) {
      sentences.push(s);
      continue;
    }
    const cited = passages.filter((p) => (s.citations.length ? s.citations.includes(p.n) : true));
    const prompt = await template.format({
      passages: cited.map((p) => `[${p.n}] ${p.text}`).join("\n\n"),
      sentence: s.text,
    });
    let out = "";
    try {
      for await (const e of chat.stream([{ role: "user", content: prompt }], {
        signal: options.signal,
        numCtx: options.numCtx,
        maxTokens: 96,
      }))
        if (e.type === "token") out += e.text;
    } catch {
      sentences.push(s);
      continue;
    }
    const verdict = parseVerdict(out);
    if (verdict && !verdict.supported) {
      sentences.push({
        ...s,
        status: "unsupported" as const,
        reasons: [
          message("verify.modelSaysNo", {
            where: message(
              s.citations.length > 1
                ? "verify.whereCitedMany"
                : s.citations.length
                  ? "verify.whereCited"
                  : "verify.wherePassages",
            ),
          }) + (verdict.reason ? ` : ${verdict.reason}` : ""),
        ],
      });
    } else sentences.push(s);
  }
  const count = (st: string) => sentences.filter((x) => x.status === st).length;
  return {
    sentences,
    counts: { ...verification.counts, supported: count("supported"), unsupported: count("unsupported") },
  };
}
