/**
 * The app folder's .env (or the file ENV_FILE names; ENV_FILE= empty reads none),
 * read when present with Node's own loader: a variable already set in the
 * environment wins over the file (as with `node --env-file`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./paths.js";

export function loadEnvFile(path = process.env.ENV_FILE ?? join(projectRoot, ".env")): void {
  if (path && existsSync(path)) process.loadEnvFile(path);
}
