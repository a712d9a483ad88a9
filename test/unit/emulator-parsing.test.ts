import { describe, expect, it } from "vitest";
import { HtmlParseError, parseHtml, trimFormatted } from "../emulator/html.js";
import { parseMultipart } from "../emulator/multipart.js";

describe("HTML parse mode", () => {
  it("turns <pre><code class> into one pre entity with its language", () => {
    expect(parseHtml('<pre><code class="language-json">{"a":1}</code></pre>')).toEqual({
      text: '{"a":1}',
      entities: [{ type: "pre", offset: 0, length: 7, language: "json" }],
    });
  });

  it("decodes numeric entities and keeps a bare > as text", () => {
    expect(parseHtml("&#1241;&#x04E9; a > b &quot;q&quot;").text).toBe('әө a > b "q"');
  });

  it("reports byte offsets in UTF-8 like Telegram", () => {
    expect(() => parseHtml("Сәлем <x>")).toThrow(new HtmlParseError('Unsupported start tag "x" at byte offset 11'));
    expect(() => parseHtml("&nbsp;")).toThrow(HtmlParseError);
    expect(() => parseHtml("</b>")).toThrow("Unexpected end tag at byte offset 0");
    expect(() => parseHtml("<b")).toThrow("Unclosed start tag at byte offset 0");
  });

  it("nests entities and trims surrounding whitespace with them", () => {
    expect(trimFormatted(parseHtml("\n <b>x <i>y</i></b> \n"))).toEqual({
      text: "x y",
      entities: [
        { type: "bold", offset: 0, length: 3 },
        { type: "italic", offset: 2, length: 1 },
      ],
    });
  });
});

describe("multipart bodies", () => {
  it("reads grammY's unquoted filenames as well as quoted and RFC 5987 ones", () => {
    const body = Buffer.from(
      [
        "--XX",
        'content-disposition:form-data;name="chat_id"',
        "",
        "42",
        "--XX",
        'content-disposition:form-data;name="abc";filename=есеп 1.pdf',
        "content-type:application/octet-stream",
        "",
        "%PDF\r\nbinary",
        "--XX",
        'Content-Disposition: form-data; name="photo"; filename="a.jpg"',
        "",
        "jpg",
        "--XX",
        "Content-Disposition: form-data; name=\"doc\"; filename*=UTF-8''%D3%99.txt",
        "",
        "ә",
        "--XX--",
        "",
      ].join("\r\n"),
    );
    const { fields, files } = parseMultipart(body, "XX");
    expect(fields).toEqual({ chat_id: "42" });
    expect(files.abc).toMatchObject({ filename: "есеп 1.pdf", bytes: Buffer.from("%PDF\r\nbinary") });
    expect(files.photo?.filename).toBe("a.jpg");
    expect(files.doc?.filename).toBe("ә.txt");
  });
});
