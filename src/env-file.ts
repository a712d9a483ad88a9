/**
 * The app folder's .env, read when present with Node's own loader: a variable
 * already set in the environment wins over the file (as with `node --env-file`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./paths.js";

export const envFilePath = join(projectRoot, ".env");

export function loadEnvFile(path = envFilePath): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
