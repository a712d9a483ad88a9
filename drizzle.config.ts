import { defineConfig } from "drizzle-kit";

/** SQLite (the embedded default); drizzle.pg.config.ts makes the PostgreSQL twin. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./drizzle/sqlite",
});
