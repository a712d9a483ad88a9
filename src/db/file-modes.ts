/**
 * What the bot writes about people is readable by the bot's user only: the
 * database, its WAL and shared memory, the lock, backups (0600), and the folders
 * it creates for them (0700). SQLite gives the WAL and -shm the mode of the
 * database file, so the database file is made 0600 before SQLite opens it.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";

export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

/** Creates the file empty (0600) if it is not there; makes an existing one 0600. */
export function secureFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, "a", FILE_MODE));
  if ((statSync(path).mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE);
}

/** Creates the folder (0700) if it is not there; an existing folder is left as it is (it may be shared). */
export function secureFolder(path: string): void {
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: FOLDER_MODE });
}
