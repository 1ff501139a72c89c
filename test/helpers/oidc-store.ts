/**
 * The test provider's store, in memory: oidc-provider's public `adapter` option (a factory giving, for each model —
 * Session, Interaction, AuthorizationCode…—, an object with `upsert`, `find`, `findByUid`, `findByUserCode`,
 * `consume`, `destroy` and `revokeByGrantId`, as its documented example adapter describes). Its own development store
 * is an internal file the package does not export: importing it by path could break at any upgrade, and leaving the
 * option out makes the provider warn, in English, that its store is for development. One store per provider; a
 * record is forgotten when its `expiresIn` has passed.
 */

/** What oidc-provider stores of a model instance (its payload; `consumed` once used). */
export type StoredPayload = Record<string, unknown> & {
  uid?: string;
  userCode?: string;
  grantId?: string;
  consumed?: number;
};

export interface StoreAdapter {
  upsert(id: string, payload: StoredPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<StoredPayload | undefined>;
  findByUid(uid: string): Promise<StoredPayload | undefined>;
  findByUserCode(userCode: string): Promise<StoredPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

/** A new empty store: the value of the provider's `adapter` option. */
export function memoryStore(now: () => number = Date.now): (model: string) => StoreAdapter {
  const records = new Map<string, { payload: StoredPayload; expiresAt: number }>();
  const live = (key: string) => {
    const record = records.get(key);
    if (record && record.expiresAt <= now()) records.delete(key);
    return records.get(key);
  };
  return (model: string) => {
    const key = (id: string) => `${model}:${id}`;
    const ofModel = function* () {
      for (const k of [...records.keys()])
        if (k.startsWith(`${model}:`) && live(k)) yield [k, records.get(k)!] as const;
    };
    const findBy = (field: "uid" | "userCode", value: string) => {
      for (const [, r] of ofModel()) if (r.payload[field] === value) return r.payload;
      return undefined;
    };
    return {
      async upsert(id, payload, expiresIn) {
        records.set(key(id), {
          payload,
          expiresAt: typeof expiresIn === "number" ? now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
        });
      },
      async find(id) {
        return live(key(id))?.payload;
      },
      async findByUid(uid) {
        return findBy("uid", uid);
      },
      async findByUserCode(userCode) {
        return findBy("userCode", userCode);
      },
      async consume(id) {
        const record = live(key(id));
        if (record) record.payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        records.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const [k, r] of ofModel()) if (r.payload.grantId === grantId) records.delete(k);
      },
    };
  };
}
