// How the server answers: every response carries the same security headers (a strict
// Content-Security-Policy that allows only this server's own style sheet and script, no
// framing, no sniffing, no referrer), and a page, JSON, a static file, a download or an error
// is each written one way.

import type { ServerResponse } from "node:http";
import { html } from "./html.js";
import { page } from "./page-layout.js";

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
  ) {}

  get isSent(): boolean {
    return this.response.headersSent;
  }

  html(text: string, status = 200): void {
    this.send(status, "text/html; charset=utf-8", text, "no-store");
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

  /** An error as a page, or as JSON when JSON was asked for. */
  error(status: number, message: string, hint: string | undefined, isJson: boolean): void {
    if (isJson) {
      this.json({ error: { status, message, ...(hint === undefined ? {} : { hint }) } }, status);
      return;
    }
    const content = html`<h1>${status === 404 ? "Not found" : status >= 500 ? "Something went wrong" : "That cannot be done"}</h1>
<div class="error" role="alert"><p class="detail" dir="auto">${message}</p>${hint === undefined ? "" : html`<p>${hint}</p>`}</div>
<p><a href="/">Back to the search</a></p>`;
    this.html(page({ title: `Error ${status}`, section: "error", indexName: this.indexName }, content), status);
  }

  /** A plain answer for a request the server will not look at (a foreign Host, a method it does not take). */
  refuse(status: number, message: string, headers: Record<string, string> = {}): void {
    this.response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers });
    this.response.end(`${message}\n`);
  }

  private send(status: number, type: string, body: string, cache: string): void {
    this.response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), "Cache-Control": cache });
    this.response.end(body);
  }
}
