/** The Slack clients' fetch: answers as the platform's fetch gives them, over reused connections. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { keepAliveFetch } from "../adapters/slack/keep-alive-fetch";

let server: Server;
let base: string;
const sockets = new Set<unknown>();
const seen: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
  switch (req.url) {
    case "/limited":
      res.writeHead(429, { "retry-after": "7", "content-type": "application/json" });
      return void res.end('{"ok":false,"error":"ratelimited"}');
    case "/empty":
      res.writeHead(204);
      return void res.end();
    case "/moved":
      res.writeHead(302, { location: "/echo" });
      return void res.end();
    default:
      res.writeHead(200, { "content-type": "application/json", "x-seen": "yes" });
      res.end(JSON.stringify({ ok: true, method: req.method, length: body.length }));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    req.on("end", () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("a JSON post (respond()) arrives whole, the answer reads like fetch's, and the connection is reused", async () => {
  sockets.clear();
  for (let i = 0; i < 5; i++) {
    const body = JSON.stringify({ text: `review ${i} — “quoted” ✓` });
    const response = await keepAliveFetch(`${base}/response/x`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-seen")).toBe("yes");
    expect(await response.json()).toEqual({ ok: true, method: "POST", length: body.length });
    expect(seen.at(-1)!.body).toBe(body);
  }
  expect(sockets.size).toBe(1);
});

test("a form body (the Web API client) gets its content type; a 429 keeps its status and Retry-After", async () => {
  const response = await keepAliveFetch(`${base}/limited`, { method: "POST", body: new URLSearchParams({ channel: "C1", text: "hi & bye" }) });
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("7");
  expect(await response.json()).toEqual({ ok: false, error: "ratelimited" });
  expect(seen.at(-1)!.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
  expect(new URLSearchParams(seen.at(-1)!.body).get("text")).toBe("hi & bye");
});

test("an empty answer, redirects as asked, an abort and an unreachable host behave as with fetch", async () => {
  const empty = await keepAliveFetch(`${base}/empty`, { method: "POST", body: "{}" });
  expect(empty.status).toBe(204);
  expect(await empty.text()).toBe("");

  await expect(keepAliveFetch(`${base}/moved`, { method: "POST", body: "{}", redirect: "error" })).rejects.toThrow(TypeError);
  const followed = await keepAliveFetch(`${base}/moved`);
  expect(await followed.json()).toMatchObject({ ok: true, method: "GET" });

  await expect(keepAliveFetch(`${base}/echo`, { method: "POST", body: "{}", signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  await expect(keepAliveFetch("http://127.0.0.1:1/nothing-listens", { method: "POST", body: "{}" })).rejects.toThrow();
});

test("a multipart upload goes through the platform's fetch", async () => {
  const form = new FormData();
  form.append("file", new Blob(["hello"]), "hello.txt");
  const response = await keepAliveFetch(`${base}/upload`, { method: "POST", body: form });
  expect(response.ok).toBe(true);
  expect(seen.at(-1)!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(seen.at(-1)!.body).toContain("hello");
});
