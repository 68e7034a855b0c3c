// The fault suite's HTTP side: one request with a timeout that never throws, the newsroom signed in
// as the suite's chief, and status tallies. Re-exported by lib.ts.

/** The password of the suite's newsroom chief (created in every data folder and database). */
export const PASSWORD = 'fault-suite-password-1';

export interface Answer {
  status: number;
  body: string;
  headers: Headers;
  ms: number;
}

/** One request; status 0 when the connection failed, -1 when it timed out. */
export async function request(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 15_000) });
    const body = await res.text();
    return { status: res.status, body, headers: res.headers, ms: performance.now() - started };
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    return { status: timedOut ? -1 : 0, body: String((err as Error).message), headers: new Headers(), ms: performance.now() - started };
  }
}

export class Newsroom {
  private constructor(
    readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}
  static async signIn(base: string, email = 'chief@faults.test', password = PASSWORD): Promise<Newsroom> {
    const res = await fetch(`${base}/api/newsroom/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    const cookie = /hb_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    if (!res.ok || !cookie || !body.csrfToken) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
    return new Newsroom(base, cookie, body.csrfToken);
  }
  call(
    method: string,
    url: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; raw?: string | Buffer; timeoutMs?: number } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf, ...extra.headers };
    let payload: string | Buffer | undefined = extra.raw;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    return request(`${this.base}${url}`, { method, headers, body: payload as BodyInit | undefined, timeoutMs: extra.timeoutMs });
  }
}

/** The first section's id, for new articles. */
export async function firstSectionId(nr: Newsroom): Promise<number> {
  const res = await nr.call('GET', '/api/newsroom/sections');
  const items = (JSON.parse(res.body) as { items: { id: number }[] }).items;
  if (!items[0]) throw new Error(`no sections: ${res.status}`);
  return items[0].id;
}

/** Statuses counted: `{ '200': 12, '503': 3 }`. */
export function tally(statuses: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of statuses) out[String(s)] = (out[String(s)] ?? 0) + 1;
  return out;
}

export const fmt = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
