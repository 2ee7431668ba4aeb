/**
 * `fetch` that always reads the answer's body. Bolt's respond() never reads what the response_url
 * returns, and an unread body pins its connection (for hooks.slack.com, a TLS session) until garbage
 * collection, so every respond() would open a new connection. Reading it lets the socket be reused.
 */
export async function drainingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const body = await response.arrayBuffer();
  return new Response(body.byteLength > 0 ? body : null, { status: response.status, statusText: response.statusText, headers: response.headers });
}
