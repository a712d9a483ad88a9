/**
 * multipart/form-data reader. Node's own `Request#formData()` rejects what grammY sends
 * (`content-disposition:form-data;name="x";filename=a b.pdf` — no spaces, unquoted
 * filename), while Telegram accepts it, so the emulator parses parts itself.
 */

export interface Upload {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, Upload>;
}

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const result: MultipartBody = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    // A part sits between the CRLF after one delimiter and the CRLF before the next.
    const part = body.subarray(skipLineBreak(body, afterDelimiter), stripTrailingLineBreak(body, next));
    readPart(part, result);
    start = next;
  }
  return result;
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  return body[at] === 0x0a ? at + 1 : at;
}

function stripTrailingLineBreak(body: Buffer, end: number): number {
  if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) return end - 2;
  return body[end - 1] === 0x0a ? end - 1 : end;
}

function readPart(part: Buffer, into: MultipartBody): void {
  let headerEnd = part.indexOf("\r\n\r\n");
  let bodyStart = headerEnd + 4;
  if (headerEnd === -1) {
    headerEnd = part.indexOf("\n\n");
    bodyStart = headerEnd + 2;
  }
  if (headerEnd === -1) return;
  const headers = parseHeaders(part.subarray(0, headerEnd).toString("utf8"));
  const disposition = headers.get("content-disposition") ?? "";
  const name = dispositionParam(disposition, "name");
  if (!name) return;
  const content = part.subarray(bodyStart);
  const filename = dispositionParam(disposition, "filename*") ?? dispositionParam(disposition, "filename");
  if (filename === undefined) {
    into.fields[name] = content.toString("utf8");
    return;
  }
  into.files[name] = {
    filename: decodeExtended(filename),
    contentType: headers.get("content-type") ?? "application/octet-stream",
    bytes: Buffer.from(content),
  };
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const escaped = param.replace("*", "\\*");
  const quoted = new RegExp(`(?:^|;)\\s*${escaped}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
  // grammY writes the filename last and unquoted, so an unquoted value may hold spaces.
  const bare = new RegExp(`(?:^|;)\\s*${escaped}\\s*=\\s*([^;]*)`, "i").exec(disposition);
  return bare ? bare[1]!.trim() : undefined;
}

/** RFC 5987 `filename*=UTF-8''%D0%BE...` */
function decodeExtended(value: string): string {
  const match = /^([\w-]+)'[^']*'(.*)$/.exec(value);
  if (!match) return value;
  try {
    return decodeURIComponent(match[2]!);
  } catch {
    return match[2]!;
  }
}
