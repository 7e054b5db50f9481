// How the server answers: every response carries the same security headers (a strict
// Content-Security-Policy that allows only this server's own style sheet and script, no
// framing, no sniffing, no referrer), and a page, JSON, a static file, a download or an error
// is each written one way. A page says which language it is in (Content-Language) and that the
// language followed the visitor's Accept-Language (Vary), so that no cache hands it to another.

import type { ServerResponse } from "node:http";
import type { Problem } from "../errors.js";
import { html } from "./html.js";
import { page } from "./page-layout.js";
import { sayProblem, sayUnnamedProblem } from "./problem-messages.js";
import type { Words } from "./words.js";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export class Reply {
  constructor(
    private readonly response: ServerResponse,
    private readonly indexName: string,
    private readonly words: Words,
  ) {}

  get isSent(): boolean {
    return this.response.headersSent;
  }

  html(text: string, status = 200): void {
    this.send(status, "text/html; charset=utf-8", text, "no-store", { "Content-Language": this.words.language, Vary: "Accept-Language" });
  }

  json(value: unknown, status = 200): void {
    this.send(status, "application/json; charset=utf-8", `${JSON.stringify(value)}\n`, "no-store");
  }

  /** JSON already written out as text. */
  jsonText(text: string, status = 200): void {
    this.send(status, "application/json; charset=utf-8", text, "no-store");
  }

  asset(type: string, text: string): void {
    this.send(200, `${type}; charset=utf-8`, text, "max-age=300");
  }

  empty(): void {
    this.response.writeHead(204, { ...SECURITY_HEADERS });
    this.response.end();
  }

  /** Starts a download; the caller writes the body and ends it. */
  download(type: string, fileName: string): ServerResponse {
    this.response.writeHead(200, {
      ...SECURITY_HEADERS,
      "Content-Type": `${type}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    });
    return this.response;
  }

  /**
   * An error as a page in the visitor's language (the problem's message from the catalogue), or
   * as JSON, in English as the command line says it, when JSON was asked for.
   */
  error(status: number, failure: { message: string; hint?: string | undefined; problem?: Problem | undefined }, isJson: boolean, here: { path: string; parameters: URLSearchParams }): void {
    const { message, hint, problem } = failure;
    if (isJson) {
      this.json({ error: { status, message, ...(hint === undefined ? {} : { hint }) } }, status);
      return;
    }
    const words = this.words;
    const said =
      problem !== undefined ? sayProblem(words, problem) : status === 500 ? { message: words.say("error.internal"), hint: words.say("error.internal-hint") } : sayUnnamedProblem(words, message, hint, status);
    const heading = status === 404 ? "error.404" : status === 503 ? "error.503" : status >= 500 ? "error.500" : "error.400";
    const content = html`<h1>${words.say(heading)}</h1>
<div class="error" role="alert"><p class="detail">${said.message}</p>${said.hint === undefined ? "" : html`<p>${said.hint}</p>`}</div>
<p class="back"><a href="${words.href("/")}">${words.say("error.back")}</a></p>`;
    this.html(page(words, { title: words.text("error.title", { status: String(status) }), section: "error", indexName: this.indexName, here }, content), status);
  }

  /** A plain answer for a request the server will not look at (a foreign Host, a method it does not take). */
  refuse(status: number, message: string, headers: Record<string, string> = {}): void {
    this.response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers });
    this.response.end(`${message}\n`);
  }

  private send(status: number, type: string, body: string, cache: string, headers: Record<string, string> = {}): void {
    this.response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), "Cache-Control": cache, ...headers });
    this.response.end(body);
  }
}
