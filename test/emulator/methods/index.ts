import { chatMethods } from "./chats.js";
import type { MethodHandler } from "./context.js";
import { fileMethods } from "./files.js";
import { messageMethods } from "./messages.js";
import { profileMethodsTable } from "./profile.js";
import { updateMethods } from "./updates.js";

export type { CallContext, MethodHandler } from "./context.js";

const all: Record<string, MethodHandler> = {
  ...updateMethods,
  ...profileMethodsTable,
  ...messageMethods,
  ...fileMethods,
  ...chatMethods,
};

// Telegram matches method names case-insensitively.
const byLowerCaseName = new Map(Object.entries(all).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));

export function findMethod(name: string): { name: string; handler: MethodHandler } | undefined {
  return byLowerCaseName.get(name.toLowerCase());
}
