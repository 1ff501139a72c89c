/**
 * The hand-written blind faithfulness sets after the first (`faithful-blind-2/` to `faithful-blind-26/`) are well formed
 * (this measures nothing): every case has its pinned passages, every sentence a label and a kind and a start found in
 * the answer, every [n] within the pinned passages unless the sentence is labelled as citing out of range.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { setProblems } from "./faithful-blind.ts";

interface Case {
  id: string;
  section?: string;
  answer: string;
  sentences: { text: string; label: string; kind: string }[];
}

/** Each set with the least number of chat answers and of draft sections it was written with. */
const SETS = [
  { name: "faithful-blind-2", chat: 45, drafts: 20 },
  { name: "faithful-blind-3", chat: 30, drafts: 12 },
  { name: "faithful-blind-4", chat: 40, drafts: 20 },
  { name: "faithful-blind-5", chat: 30, drafts: 15 },
  { name: "faithful-blind-6", chat: 30, drafts: 16 },
  { name: "faithful-blind-7", chat: 32, drafts: 16 },
  { name: "faithful-blind-8", chat: 32, drafts: 16 },
  { name: "faithful-blind-9", chat: 32, drafts: 16 },
  { name: "faithful-blind-10", chat: 32, drafts: 16 },
  { name: "faithful-blind-11", chat: 36, drafts: 16 },
  { name: "faithful-blind-12", chat: 39, drafts: 16 },
  { name: "faithful-blind-13", chat: 43, drafts: 16 },
  { name: "faithful-blind-14", chat: 44, drafts: 16 },
  { name: "faithful-blind-15", chat: 44, drafts: 16 },
  { name: "faithful-blind-16", chat: 44, drafts: 16 },
  { name: "faithful-blind-17", chat: 46, drafts: 16 },
  { name: "faithful-blind-18", chat: 55, drafts: 16 },
  { name: "faithful-blind-19", chat: 62, drafts: 16 },
  { name: "faithful-blind-20", chat: 63, drafts: 16 },
  { name: "faithful-blind-21", chat: 65, drafts: 16 },
  { name: "faithful-blind-22", chat: 68, drafts: 15 },
  { name: "faithful-blind-23", chat: 64, drafts: 24 },
  { name: "faithful-blind-24", chat: 68, drafts: 27 },
  { name: "faithful-blind-25", chat: 64, drafts: 30 },
  { name: "faithful-blind-26", chat: 66, drafts: 30 },
];

const temp: string[] = [];
afterAll(async () => {
  for (const t of temp) await rm(t, { recursive: true, force: true });
});

describe.each(SETS)("$name", ({ name, chat: minChat, drafts: minDrafts }) => {
  const dir = path.resolve("test/eval", name);
  const load = async (file: string) => parse(await readFile(path.join(dir, file), "utf8")) as Case[];

  it("has its cases labelled, cited within their pinned passages, and pinned", async () => {
    expect(await setProblems(dir)).toEqual([]);
    const chat = await load("chat.yaml");
    const drafts = await load("drafts.yaml");
    expect(chat.length).toBeGreaterThanOrEqual(minChat);
    expect(drafts.length).toBeGreaterThanOrEqual(minDrafts);
    expect(drafts.every((c) => c.section)).toBe(true);
    const labels = [...chat, ...drafts].flatMap((c) => c.sentences.map((s) => s.label));
    const wrong = labels.filter((l) => l === "unsupported").length;
    // Roughly one wrong sentence in five, never most of them.
    expect(wrong / labels.length).toBeGreaterThan(0.1);
    expect(wrong / labels.length).toBeLessThan(0.3);
  });

  it("reports a citation beyond the pinned passages and a start missing from the answer", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), `cap-libre-${name}-`));
    temp.push(copy);
    await cp(dir, copy, { recursive: true });
    const chat = await load("chat.yaml");
    const c = chat.find((x) => x.sentences.every((s) => s.kind !== "out-of-range-citation"))!;
    c.answer = c.answer.replace(/\[1\]/, "[99]");
    c.sentences.push({ text: "Une phrase qui n'est pas dans la réponse", label: "supported", kind: "paraphrase" });
    await writeFile(path.join(copy, "chat.yaml"), stringify(chat));
    const problems = await setProblems(copy);
    expect(problems.some((p) => p.includes(c.id) && p.includes("[99]"))).toBe(true);
    expect(problems.some((p) => p.includes(c.id) && p.includes("introuvable"))).toBe(true);
  });
});
