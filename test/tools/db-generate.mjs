// `npm run db:generate -- --name <short_name>`: migrations for both engines from
// src/db/schema.ts (SQLite, drizzle/sqlite) and src/db/schema-pg.ts (PostgreSQL,
// drizzle/pg), with the same name. test/unit/schema-dialects.test.ts checks the
// two schemas agree.
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
for (const config of ["drizzle.config.ts", "drizzle.pg.config.ts"]) {
  execFileSync("npx", ["drizzle-kit", "generate", "--config", config, ...args], { stdio: "inherit" });
}
