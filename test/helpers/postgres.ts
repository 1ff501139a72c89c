/**
 * A fresh PostgreSQL database per test file on the server `.ci/postgres.sh` started (TEST_DATABASE_URL). Without
 * it, PostgreSQL tests are skipped on a developer's machine and fail in CI, where the server must be there.
 */
import { randomBytes } from "node:crypto";

export const postgresUrl = process.env.TEST_DATABASE_URL ?? null;
export const postgresAvailable = postgresUrl !== null || process.env.CI === "true";

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl)
    throw new Error("TEST_DATABASE_URL manquant : lancez `export TEST_DATABASE_URL=$(bash .ci/postgres.sh)`.");
  const { default: pg } = await import("pg");
  const name = `cap_libre_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
