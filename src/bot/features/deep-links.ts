import type { DeepLinkHandler } from "./start.js";

/** /start payloads, tried in order; the first handler that returns true took the update. */
export const deepLinkHandlers: DeepLinkHandler[] = [];
