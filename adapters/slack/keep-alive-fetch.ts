/**
 * The `fetch` Bolt's respond() and the Web API client use: node:http(s) over keep-alive agents. A
 * response_url post or an API call this way costs the thread that acks Slack about a third of the CPU
 * of the platform's fetch (undici and web streams). The answer is read in full, so its connection is
 * reused (respond() never reads it). Bodies other than text (file uploads' FormData), a Request object
 * and redirects go to the platform's fetch, which does everything.
 */
import http from "node:http";
import https from "node:https";

const agents: Record<string, { module: typeof http | typeof https; agent: http.Agent }> = {
  "http:": { module: http, agent: new http.Agent({ keepAlive: true }) },
  "https:": { module: https, agent: new https.Agent({ keepAlive: true }) },
};

/** Statuses whose answer has no body (a Response with one would throw). */
const EMPTY_STATUSES = new Set([101, 204, 205, 304]);

export async function keepAliveFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  const textBody = body === undefined || body === null || typeof body === "string" || body instanceof URLSearchParams;
  const url = input instanceof Request ? null : new URL(input);
  const transport = url ? agents[url.protocol] : undefined;
  if (!url || !transport || !textBody) return fetch(input, init);

  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  const payload = body === undefined || body === null ? undefined : String(body);
  if (body instanceof URLSearchParams && !headers["content-type"]) headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));

  const answer = await new Promise<{ status: number; statusText: string; headers: Headers; body: Buffer }>((resolve, reject) => {
    const request = transport.module.request(url, { method: init.method ?? "GET", headers, agent: transport.agent, ...(init.signal ? { signal: init.signal } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(response.headers)) for (const one of [value ?? []].flat()) received.append(name, one);
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", headers: received, body: Buffer.concat(chunks) });
      });
    });
    request.on("error", reject);
    request.end(payload);
  });

  if (answer.status >= 300 && answer.status < 400 && answer.headers.has("location")) {
    if (init.redirect === "error") throw new TypeError(`fetch failed: ${url.origin} answered a redirect`);
    if (init.redirect !== "manual") return fetch(input, init);
  }
  const content = EMPTY_STATUSES.has(answer.status) || answer.body.length === 0 ? null : answer.body;
  return new Response(content, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
}
