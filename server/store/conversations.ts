/**
 * Conversations kept on the server for signed-in people, in the `conversations` table of the saved-work database
 * (SQLite or PostgreSQL): one row per conversation, its exchanges as JSON. Every call names the workspace and the
 * owner, and every statement filters on both: a person never reads, renames or deletes another person's
 * conversation, nor their own in another workspace (such an id is simply not found).
 */
import { randomUUID } from "node:crypto";
import type { Conversation, ConversationSummary, Exchange } from "./conversation-types.ts";
import { backendOf, type RecordDatabase, stamp } from "./sql-records.ts";

export type { Conversation, ConversationSummary, Exchange };

/** Whose conversations: the workspace of the request and the person (`local` without sign-in). */
export interface ConversationScope {
  workspace: string;
  owner: string;
}

/** Kept per person and workspace, and per conversation (the page starts a new one past it). */
export const CONVERSATION_LIMITS = { conversations: 200, exchanges: 100, kilobytes: 4096 } as const;

export class ConversationLimitError extends Error {
  readonly limit: keyof typeof CONVERSATION_LIMITS;
  constructor(limit: keyof typeof CONVERSATION_LIMITS) {
    super(`conversation limit: ${limit}`);
    this.limit = limit;
  }
}

interface Row {
  id: string;
  title: string;
  created_at: string;
  updated_at: number | string;
  exchanges: string;
}

const ID = /^c-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The exchanges as stored, within the size a conversation may take. */
function sized(exchanges: Exchange[]): string {
  const text = JSON.stringify(exchanges);
  if (Buffer.byteLength(text) > CONVERSATION_LIMITS.kilobytes * 1024) throw new ConversationLimitError("kilobytes");
  return text;
}

const summaryOf = (r: Row, count: number): ConversationSummary => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
  count,
});

export function conversationStore(db: RecordDatabase) {
  const backend = backendOf(db);
  const where = "workspace = ? AND owner = ?";
  const lock = backend.kind === "postgresql" ? " FOR UPDATE" : "";

  return {
    /** The person's conversations in the workspace, most recent first. */
    async list(scope: ConversationScope): Promise<ConversationSummary[]> {
      const rows = await backend.all<Row>(
        `SELECT id, title, created_at, updated_at, exchanges FROM conversations WHERE ${where} ORDER BY updated_at DESC, id DESC`,
        [scope.workspace, scope.owner],
      );
      return rows.map((r) => summaryOf(r, (JSON.parse(r.exchanges) as unknown[]).length));
    },

    async get(scope: ConversationScope, id: string): Promise<Conversation | null> {
      if (!ID.test(id)) return null;
      const [row] = await backend.all<Row>(
        `SELECT id, title, created_at, updated_at, exchanges FROM conversations WHERE id = ? AND ${where}`,
        [id, scope.workspace, scope.owner],
      );
      if (!row) return null;
      const exchanges = JSON.parse(row.exchanges) as Exchange[];
      return { ...summaryOf(row, exchanges.length), exchanges };
    },

    async create(scope: ConversationScope, title: string, exchanges: Exchange[]): Promise<ConversationSummary> {
      if (exchanges.length > CONVERSATION_LIMITS.exchanges) throw new ConversationLimitError("exchanges");
      const text = sized(exchanges);
      const id = `c-${randomUUID()}`;
      const now = new Date().toISOString();
      let at = 0;
      await backend.transaction(async (tx) => {
        const [row] = await tx.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM conversations WHERE ${where}`, [
          scope.workspace,
          scope.owner,
        ]);
        if (Number(row?.n ?? 0) >= CONVERSATION_LIMITS.conversations) throw new ConversationLimitError("conversations");
        at = stamp();
        await tx.run(
          "INSERT INTO conversations (id, workspace, owner, title, created_at, updated_at, exchanges) VALUES (?, ?, ?, ?, ?, ?, ?)",
          [id, scope.workspace, scope.owner, title, now, at, text],
        );
      });
      return { id, title, createdAt: now, updatedAt: new Date(at).toISOString(), count: exchanges.length };
    },

    /** Appends one exchange; null when the conversation is not the person's (or no longer exists). */
    async append(scope: ConversationScope, id: string, exchange: Exchange): Promise<ConversationSummary | null> {
      if (!ID.test(id)) return null;
      let out: ConversationSummary | null = null;
      await backend.transaction(async (tx) => {
        const [row] = await tx.all<Row>(
          `SELECT id, title, created_at, updated_at, exchanges FROM conversations WHERE id = ? AND ${where}${lock}`,
          [id, scope.workspace, scope.owner],
        );
        if (!row) return;
        const exchanges = JSON.parse(row.exchanges) as Exchange[];
        if (exchanges.length >= CONVERSATION_LIMITS.exchanges) throw new ConversationLimitError("exchanges");
        exchanges.push(exchange);
        const text = sized(exchanges);
        const at = stamp();
        await tx.run(`UPDATE conversations SET exchanges = ?, updated_at = ? WHERE id = ? AND ${where}`, [
          text,
          at,
          id,
          scope.workspace,
          scope.owner,
        ]);
        out = summaryOf({ ...row, updated_at: at }, exchanges.length);
      });
      return out;
    },

    /** Renames; null when the conversation is not the person's. */
    async rename(scope: ConversationScope, id: string, title: string): Promise<ConversationSummary | null> {
      if (!ID.test(id)) return null;
      const rows = await backend.all<Row>(
        `UPDATE conversations SET title = ? WHERE id = ? AND ${where} RETURNING id, title, created_at, updated_at, exchanges`,
        [title, id, scope.workspace, scope.owner],
      );
      const row = rows[0];
      return row ? summaryOf(row, (JSON.parse(row.exchanges) as unknown[]).length) : null;
    },

    async delete(scope: ConversationScope, id: string): Promise<boolean> {
      if (!ID.test(id)) return false;
      const rows = await backend.all<{ id: string }>(
        `DELETE FROM conversations WHERE id = ? AND ${where} RETURNING id`,
        [id, scope.workspace, scope.owner],
      );
      return rows.length > 0;
    },
  };
}

export type ConversationStore = ReturnType<typeof conversationStore>;

/** A new, random id (for tests of ids that exist nowhere). */
export const isConversationId = (id: string) => ID.test(id);
