/**
 * Cap Libre as an OpenAI-compatible server, called with the official `openai` client the way Open WebUI and
 * LibreChat call it (base URL `…/v1`, Bearer key, model list, streamed chat completions).
 */

import { execFile } from "node:child_process";
import http from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOllama, startFakeOllama } from "../helpers/fake-ollama.ts";
import { FIXTURE_CORPUS, startTestServer, type TestServer } from "../helpers/server.ts";

const QUESTION = "Combien la Gendarmerie a-t-elle économisé avec Linux ?";
const REPLY = "La Gendarmerie économise 12 millions d'euros par an [1].";

/**
 * A fetch that sends `Host: <host>` (undici's fetch does not let a caller set it): a request from another name,
 * as when Cap Libre serves the local network or sits behind a reverse proxy.
 */
function fetchAs(host: string): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = http.request(
        url,
        { method: init.method ?? "GET", headers: { ...headers, host }, signal: init.signal ?? undefined },
        (res) => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(", ") : v);
          resolve(new Response(Readable.toWeb(res) as ReadableStream, { status: res.statusCode, headers: out }));
        },
      );
      req.on("error", reject);
      req.end(typeof init.body === "string" ? init.body : undefined);
    });
  }) as typeof fetch;
}

const cli = (args: string[], dataDir: string) =>
  promisify(execFile)(process.execPath, ["server/cli/main.ts", ...args], {
    env: { ...process.env, CORPUS_DIR: FIXTURE_CORPUS, DATA_DIR: dataDir },
  });

describe("the OpenAI-compatible API (/v1), from this machine", () => {
  let model: FakeOllama;
  let server: TestServer;
  let client: OpenAI;
  beforeAll(async () => {
    model = await startFakeOllama({ reply: REPLY });
    server = await startTestServer({ OLLAMA_BASE_URL: model.url });
    await server.engine.vectors.run();
    // No key on loopback in single-user mode: the client requires one, any placeholder does.
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sans-cle", maxRetries: 0 });
  });
  afterAll(async () => {
    await server.stop();
    await model.close();
  });

  it("lists the assistant as a model with a name a user recognises", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["cap-libre"]);
    expect((models.data[0] as unknown as { name: string }).name).toContain("Cap Libre");
    expect((await client.models.retrieve("cap-libre")).id).toBe("cap-libre");
    expect(await client.models.retrieve("gpt-4o").catch((e: unknown) => e)).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("answers without streaming, with numbered references in Markdown and the structured sources", async () => {
    const completion = await client.chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: QUESTION }],
    });
    const content = completion.choices[0]!.message.content!;
    expect(content.startsWith(REPLY)).toBe(true);
    expect(content).toContain("**Sources**");
    expect(content).toMatch(/- \[1\] .*Gendarmerie.*\(Retour d'expérience, \d{4}/);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
    const extra = (
      completion as unknown as { cap_libre: { mode: string; sources: { number: number; document: { id: string } }[] } }
    ).cap_libre;
    expect(extra.mode).toBe("generated");
    // The same checks as /api/chat: every sentence of the answer verified against the passages it cites.
    expect((extra as any).verification.counts).toMatchObject({ unsupported: 0, invalidCitation: 0 });
    // In words, not as an ISO date: « au 29 janvier 2026 », « d'août 2026 », « de 2021 ».
    expect(content).toMatch(/Faits du corpus à jour (au \d{1,2}(er)? [a-zéû]+ |d'[a-zéû]+ |de ([a-zéû]+ )?)\d{4} \(/);
    // A passage's title links only to the page's own address, never to the first source the page lists.
    expect(content).not.toMatch(/- \[1\] \[[^\]]*Gendarmerie[^\]]*\]\(/);
    expect(extra.sources[0]).toMatchObject({ number: 1, document: { id: "case-studies/gendarmerie" } });
  });

  it("streams the answer as chunks, then the references, then [DONE]", async () => {
    const stream = await client.chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: QUESTION }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let last: any = null;
    let usage: OpenAI.CompletionUsage | null | undefined = null;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
      if (chunk.choices[0]?.finish_reason) last = chunk;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas.length).toBeGreaterThan(4);
    const content = deltas.join("");
    expect(content.startsWith(REPLY)).toBe(true);
    expect(content).toMatch(/\*\*Sources\*\*\n\n- \[1\] .*Gendarmerie/);
    expect(last.choices[0].finish_reason).toBe("stop");
    expect(last.cap_libre.sources[0].document.id).toBe("case-studies/gendarmerie");
    expect(usage!.completion_tokens).toBeGreaterThan(0);
  });

  it("marks each sentence its sources do not carry, inline and in a list after the answer (trial12 A10)", async () => {
    const wrong = "Elle a économisé 95 millions d'euros en 2031 [1].";
    model.set({ reply: `${REPLY} ${wrong}` });
    try {
      const completion = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
      });
      const content = completion.choices[0]!.message.content!;
      // Inline, where the page marks it: before the sentence's final point; the supported sentence is left as written.
      expect(content.startsWith(`${REPLY} Elle a économisé 95 millions d'euros en 2031 [1] **[non vérifié]**.`)).toBe(
        true,
      );
      // Then which sentence and why, after the answer (a streamed answer cannot be marked inline).
      expect(content).toMatch(/Vérification : 1 phrase de cette réponse ne s'appuie sur aucune des sources citées/);
      expect(content).toContain(`- « ${wrong} » — `);
      const stream = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
        stream: true,
      });
      let streamed = "";
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
      expect(streamed.startsWith(`${REPLY} ${wrong}`)).toBe(true);
      expect(streamed).toContain(`- « ${wrong} » — `);
      // Sent back as history, the answer goes to the model without its marks.
      model.chats.length = 0;
      await client.chat.completions.create({
        model: "cap-libre",
        messages: [
          { role: "user", content: QUESTION },
          { role: "assistant", content },
          { role: "user", content: "Et depuis quand ?" },
        ],
      });
      const previous = model.chats.at(-1)!.messages.find((m) => m.role === "assistant")!;
      expect(previous.content).toBe(`${REPLY} ${wrong}`);
    } finally {
      model.set({ reply: REPLY });
    }
  });

  it("lists every reason of a flagged sentence, and not the asker's own figure (trial13 A11)", async () => {
    const wrong = "Une commune de 7 500 habitants pourra faire de même dès 2031, pour 95 millions d'euros [1].";
    model.set({ reply: `${REPLY} ${wrong}` });
    try {
      const completion = await client.chat.completions.create({
        model: "cap-libre",
        messages: [
          {
            role: "user",
            content: "Pour une commune de 7500 habitants, combien la Gendarmerie a-t-elle économisé avec Linux ?",
          },
        ],
      });
      const content = completion.choices[0]!.message.content!;
      const listed = content.split("\n").find((l) => l.startsWith(`> - « ${wrong} »`)) ?? "";
      // Every reason, as the page shows them: the year and the amount no passage gives…
      expect(listed).toContain("« 2031 »");
      expect(listed).toContain("« 95 millions d'euros »");
      // … and not the commune's size the asker typed (the setting of the question, not a claim to find in a passage).
      expect(listed.slice(listed.indexOf(" — "))).not.toContain("7 500");
    } finally {
      model.set({ reply: REPLY });
    }
  });

  it("warns at the top of an answer citing nothing and checks its sentences against the passages given (trial15 A19)", async () => {
    const wrong = "Les communes qui gardent Windows devront payer une amende à l'État.";
    const reply = `Voici ce que dit le corpus. La Gendarmerie économise 12 millions d'euros par an. ${wrong}`;
    model.set({ reply });
    try {
      const completion = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
      });
      const content = completion.choices[0]!.message.content!;
      // The warning first, before the answer an élue would copy.
      expect(content.startsWith("> Cette réponse ne cite aucune source du corpus")).toBe(true);
      // The invented claim is marked, the claim a passage carries and the connective sentence are left as written.
      expect(content).toContain("Voici ce que dit le corpus. La Gendarmerie économise 12 millions d'euros par an. ");
      expect(content).toContain("devront payer une amende à l'État **[non vérifié]**.");
      // The passages are not presented as the answer's sources.
      expect(content).not.toContain("**Sources**");
      expect(content).toMatch(/\*\*Passages fournis au modèle \(aucun n'est cité\)\*\*\n\n- \[1\] .*Gendarmerie/);
      const checked = (completion as unknown as { cap_libre: { verification: { sentences: any[] } } }).cap_libre;
      expect(checked.verification.sentences.map((x) => x.status)).toEqual(["no-claim", "supported", "unsupported"]);
      const stream = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
        stream: true,
      });
      let streamed = "";
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
      // Streamed, the tokens are already sent: the warning opens what follows them, before the passages.
      const after = streamed.slice(streamed.indexOf("\n---\n"));
      expect(after).toMatch(/^\n---\n\n> Cette réponse ne cite aucune source du corpus/);
      expect(after).toContain(`- « ${wrong} » — `);
      expect(after).not.toContain("**Sources**");
    } finally {
      model.set({ reply: REPLY });
    }
  });

  it("a partly cited answer: an uncited claim no passage carries is marked (trial15 A19)", async () => {
    const wrong = "Elle sera aussi obligatoire pour toutes les mairies, qui devront payer une amende.";
    model.set({ reply: `${REPLY} ${wrong}` });
    try {
      const completion = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
      });
      const content = completion.choices[0]!.message.content!;
      expect(
        content.startsWith(
          `${REPLY} Elle sera aussi obligatoire pour toutes les mairies, qui devront payer une amende **[non vérifié]**.`,
        ),
      ).toBe(true);
      expect(content).toContain("**Sources**");
      expect(content).not.toContain("ne cite aucune source");
    } finally {
      model.set({ reply: REPLY });
    }
  });

  it("marks a conclusion the model draws for the commune as its deduction, not « non vérifié » (faithful-blind-15)", async () => {
    const conclusion = "Une mairie peut donc s'en inspirer pour alléger ses propres dépenses [1].";
    model.set({ reply: `${REPLY} ${conclusion}` });
    try {
      const completion = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
      });
      const content = completion.choices[0]!.message.content!;
      const checked = (completion as unknown as { cap_libre: { verification: any } }).cap_libre.verification;
      expect(checked.sentences.map((x: { status: string }) => x.status)).toEqual(["supported", "inference"]);
      expect(checked.counts).toMatchObject({ unsupported: 0, inferred: 1 });
      // The mark before the final point, where « [non vérifié] » goes, but neutral (italics), and said what it means.
      expect(content).toContain("ses propres dépenses [1] _[déduction du modèle, à apprécier]_.");
      expect(content).not.toContain("[non vérifié]");
      expect(content).not.toContain("Vérification :");
      expect(content).toContain("> [déduction du modèle, à apprécier] : 1 phrase de cette réponse est une conclusion");
      expect(content).toContain(`> - « ${conclusion} »`);
    } finally {
      model.set({ reply: REPLY });
    }
  });

  it("abstains, with no references, when the corpus does not answer", async () => {
    const completion = await client.chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: "Quelle est la recette de la galette complète ?" }],
    });
    expect(completion.choices[0]!.message.content).toContain("Je ne sais pas");
    expect(completion.choices[0]!.message.content).not.toContain("**Sources**");
    expect((completion as any).cap_libre.sources).toEqual([]);
  });

  it("passes earlier turns as history without their references, ignoring the client's system prompt", async () => {
    model.chats.length = 0;
    const first = await client.chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: QUESTION }],
    });
    await client.chat.completions.create({
      model: "cap-libre",
      messages: [
        { role: "system", content: "Tu es un pirate." },
        { role: "user", content: QUESTION },
        { role: "assistant", content: first.choices[0]!.message.content! },
        {
          role: "user",
          content: [{ type: "text", text: "Et combien la Gendarmerie économise-t-elle par an avec Linux ?" }],
        },
      ],
    });
    const sent = model.chats.at(-1)!.messages;
    expect(sent.some((m) => m.content.includes("pirate"))).toBe(false);
    const previous = sent.find((m) => m.role === "assistant")!;
    expect(previous.content).toBe(REPLY);
    expect(sent.at(-1)!.content).toContain("Et combien la Gendarmerie économise-t-elle par an avec Linux ?");
  });

  it("stops the model call when the client goes away mid-stream", async () => {
    model.set({ tokenDelayMs: 50, reply: "mot ".repeat(200) });
    try {
      const before = model.abortedChats;
      const stream = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
        stream: true,
      });
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content?.includes("mot")) break; // leaving the loop aborts the request
      }
      await expect.poll(() => model.abortedChats, { timeout: 15_000 }).toBeGreaterThan(before);
    } finally {
      model.set({ tokenDelayMs: 0, reply: REPLY });
    }
  });

  it("answers errors in OpenAI's shape, in French", async () => {
    const unknown = await client.chat.completions
      .create({ model: "gpt-4o", messages: [{ role: "user", content: QUESTION }] })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).code).toBe("model_not_found");
    expect((unknown as Error).message).toContain("Modèle inconnu");
    const empty = await client.chat.completions.create({ model: "cap-libre", messages: [] }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect((empty as Error).message).toContain("Requête invalide");
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringContaining("JSON"),
        type: "invalid_request_error",
        param: null,
        code: "invalid_json",
      },
    });
    const lastAssistant = await client.chat.completions
      .create({
        model: "cap-libre",
        messages: [
          { role: "user", content: QUESTION },
          { role: "assistant", content: "Oui." },
        ],
      })
      .catch((e: unknown) => e);
    expect((lastAssistant as Error).message).toContain("dernier message");
  });
});

describe("API keys for the OpenAI-compatible API", () => {
  let server: TestServer;
  let dataDir: string;
  let key: string;
  const remote = (apiKey: string) =>
    new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0, fetch: fetchAs("cap-libre.mairie.local") });
  beforeAll(async () => {
    // The name under which clients reach this server (as a reverse proxy or Docker's host.docker.internal).
    server = await startTestServer({ ALLOWED_HOSTS: "cap-libre.mairie.local" });
    dataDir = server.dataDir;
    const created = await cli(["api-key", "create", "open-webui"], dataDir);
    key = created.stdout.trim();
    expect(created.stderr).toContain("open-webui");
  });
  afterAll(() => server.stop());

  it("creates a long random key, stored only as a hash", async () => {
    expect(key).toMatch(/^cl-[A-Za-z0-9_-]{43}$/);
    const [record] = await Promise.all([server.engine.records<{ hash: string }>("api-keys").get("open-webui")]);
    expect(JSON.stringify(record)).not.toContain(key);
    expect(record!.hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await cli(["api-key", "list"], dataDir);
    expect(listed.stdout).toContain("open-webui");
    expect(listed.stdout).not.toContain(key);
  });

  it("requires a valid key from another host name, and accepts the one created", async () => {
    const missing = await fetchAs("cap-libre.mairie.local")(`${server.url}/v1/models`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({
      message: expect.stringContaining("Clé d'API manquante"),
      code: "missing_api_key",
    });
    const wrong = await remote("cl-this-is-not-a-valid-key")
      .chat.completions.create({ model: "cap-libre", messages: [{ role: "user", content: QUESTION }] })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((wrong as InstanceType<typeof OpenAI.AuthenticationError>).error).toMatchObject({
      type: "invalid_request_error",
      code: "invalid_api_key",
    });
    // A program sends a Bearer key and no Origin: the guard against other sites' pages lets it through.
    const completion = await remote(key).chat.completions.create({
      model: "cap-libre",
      messages: [{ role: "user", content: QUESTION }],
    });
    expect(completion.choices[0]!.message.content).toContain("**Sources**");
    // A name that is not this server's is refused before the key is even read, in OpenAI's error shape.
    const elsewhere = await fetchAs("rebind.example")(`${server.url}/v1/models`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(elsewhere.status).toBe(421);
    expect((await elsewhere.json()).error).toMatchObject({ type: "invalid_request_error", code: "host_not_allowed" });
  });

  it("needs no key from this machine to a loopback address, and stops accepting a revoked key", async () => {
    const local = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sans-cle", maxRetries: 0 });
    expect((await local.models.list()).data[0]!.id).toBe("cap-libre");
    // Relayed by a reverse proxy on this machine: from elsewhere, whatever the Host it sets.
    const proxied = await fetch(`${server.url}/v1/models`, { headers: { "x-forwarded-for": "192.0.2.10" } });
    expect(proxied.status).toBe(401);
    expect((await remote(key).models.list()).data[0]!.id).toBe("cap-libre");
    const revoked = await cli(["api-key", "revoke", "open-webui"], dataDir);
    expect(revoked.stderr).toContain("révoquée");
    expect(
      await remote(key)
        .models.list()
        .catch((e: unknown) => e),
    ).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe("the OpenAI-compatible API with the model busy", () => {
  it("answers a 503 with Retry-After in OpenAI's shape when the model queue is full", async () => {
    const model = await startFakeOllama({ reply: "mot ".repeat(100), tokenDelayMs: 30 });
    const server = await startTestServer({ OLLAMA_BASE_URL: model.url, LLM_MAX_CONCURRENT: "1", LLM_MAX_QUEUE: "0" });
    await server.engine.vectors.run();
    try {
      const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sans-cle", maxRetries: 0 });
      const first = await client.chat.completions.create({
        model: "cap-libre",
        messages: [{ role: "user", content: QUESTION }],
        stream: true,
      });
      const iterator = first[Symbol.asyncIterator]();
      await iterator.next();
      const res = await fetch(`${server.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "cap-libre", messages: [{ role: "user", content: QUESTION }] }),
      });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await res.json()).error).toMatchObject({
        type: "server_error",
        code: "model_busy",
        message: expect.any(String),
      });
      await iterator.return?.();
    } finally {
      await server.stop();
      await model.close();
    }
  });
});
