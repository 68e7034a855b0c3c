// The invalidation bus: cache tags dropped in one process reach the others. On PostgreSQL it is
// LISTEN/NOTIFY on one channel; on the embedded SQLite default there is one process and no bus.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface InvalidationBus {
  /** Tells the other processes to drop these tags. */
  publish(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const CHANNEL = 'habarshy_invalidate';
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7000;

export const noBus: InvalidationBus = { publish: async () => undefined, close: async () => undefined };

/** Splits tags into payloads that fit a NOTIFY. */
export function payloads(origin: string, tags: readonly string[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const tag of tags) {
    if (size + tag.length + 3 > MAX_PAYLOAD - origin.length - 20 && batch.length > 0) {
      out.push(JSON.stringify({ o: origin, t: batch }));
      batch = [];
      size = 0;
    }
    batch.push(tag);
    size += tag.length + 3;
  }
  if (batch.length > 0) out.push(JSON.stringify({ o: origin, t: batch }));
  return out;
}

export async function postgresBus(url: string, onRemote: (tags: string[]) => void, log: (msg: string, err?: unknown) => void): Promise<InvalidationBus> {
  const origin = randomUUID();
  let closed = false;
  let listener: pg.Client | null = null;
  const publisher = new pg.Pool({ connectionString: url, max: 1 });

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      try {
        const data = JSON.parse(msg.payload ?? '{}') as { o?: string; t?: unknown };
        if (data.o !== origin && Array.isArray(data.t)) onRemote(data.t.filter((x): x is string => typeof x === 'string'));
      } catch (err) {
        log('invalid invalidation payload', err);
      }
    });
    client.on('error', (err) => {
      log('invalidation listener lost its connection; reconnecting', err);
      listener = null;
      if (!closed) setTimeout(() => listen().catch((e) => log('reconnect failed', e)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  await listen();

  return {
    async publish(tags) {
      for (const payload of payloads(origin, tags)) await publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await publisher.end();
    },
  };
}
