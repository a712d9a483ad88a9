import { defineConfig } from "drizzle-kit";

/** PostgreSQL: the same schema (src/db/schema-pg.ts mirrors schema.ts), its own migrations. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema-pg.ts",
  out: "./drizzle/pg",
});
