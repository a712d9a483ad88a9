import type { ResponseParameters } from "grammy/types";

/** A Bot API failure in Telegram's own words; the server turns it into `{ ok: false, ... }`. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  toJSON() {
    return {
      ok: false as const,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);
export const forbidden = (what: string) => new ApiError(403, `Forbidden: ${what}`);
export const conflict = (what: string) => new ApiError(409, `Conflict: ${what}`);

export const chatNotFound = () => badRequest("chat not found");
