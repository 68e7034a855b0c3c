// The invalidation bus: cache tags dropped in one process reach the others. On PostgreSQL it is
// LISTEN/NOTIFY on one channel. On SQLite there is no such channel: one server owns a database
// (src/db/serverLock.ts), and with WORKERS its cluster primary relays the tags each worker drops
// to the other workers over the cluster's IPC channel (ipcBus, relayInvalidations).
import { randomUUID } from 'node:crypto';
import type { Cluster } from 'node:cluster';
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

export interface BusHandlers {
  /** Tags another process dropped. */
  onRemote(tags: string[]): void;
  /**
   * The listener is connected again after losing its connection: notifications sent meanwhile are
   * lost, so whatever this process cached may be stale.
   */
  onReconnect(): void;
  log(msg: string, err?: unknown): void;
}

export interface BusOptions {
  connectTimeoutMs?: number;
  /** First wait before reconnecting; it doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the listener checks its connection (a silently dropped one sends no error). */
  heartbeatMs?: number;
}

/**
 * LISTEN on one client (reconnected with backoff for as long as it takes, one attempt at a time)
 * and NOTIFY through a one-connection pool. The first connection is made before this resolves.
 */
export async function postgresBus(url: string, handlers: BusHandlers, opts: BusOptions = {}): Promise<InvalidationBus> {
  const origin = randomUUID();
  const { log } = handlers;
  const minBackoff = opts.minBackoffMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 5000;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const clientConfig = {
    connectionString: url,
    keepAlive: true,
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs, query_timeout: opts.connectTimeoutMs } : {}),
  };
  let closed = false;
  let listener: pg.Client | null = null;
  let reconnecting: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const publisher = new pg.Pool({ ...clientConfig, max: 1 });
  publisher.on('error', (err) => log('invalidation publisher lost its connection', err));

  const connectListener = async (): Promise<pg.Client> => {
    const client = new pg.Client(clientConfig);
    client.on('notification', (msg) => {
      try {
        const data = JSON.parse(msg.payload ?? '{}') as { o?: string; t?: unknown };
        if (data.o !== origin && Array.isArray(data.t)) handlers.onRemote(data.t.filter((x): x is string => typeof x === 'string'));
      } catch (err) {
        log('invalid invalidation payload', err);
      }
    });
    const lost = (err?: unknown) => {
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => undefined);
      if (!closed) {
        log('invalidation listener lost its connection; reconnecting', err);
        reconnect();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };

  /** One reconnection loop at a time; each success clears what this process cached. */
  const reconnect = (): void => {
    if (reconnecting || closed) return;
    reconnecting = (async () => {
      for (let attempt = 0; !closed; attempt++) {
        await sleep(Math.min(maxBackoff, minBackoff * 2 ** attempt));
        if (closed) return;
        try {
          const client = await connectListener();
          if (closed) {
            await client.end().catch(() => undefined);
            return;
          }
          listener = client;
          log(`invalidation listener reconnected after ${attempt + 1} attempt(s); local page cache cleared`);
          handlers.onReconnect();
          return;
        } catch (err) {
          if (attempt === 0 || attempt % 10 === 0) log(`invalidation listener: reconnect attempt ${attempt + 1} failed; retrying`, err);
        }
      }
    })().finally(() => {
      reconnecting = null;
    });
  };

  listener = await connectListener();
  heartbeat = setInterval(() => {
    const client = listener;
    if (!client) return;
    // A connection that died without a word (a dropped TCP path) shows up here.
    client.query('SELECT 1').catch((err) => {
      if (listener === client) client.emit('error', err);
    });
  }, heartbeatMs).unref();

  const notify = (payload: string) => publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  return {
    async publish(tags) {
      for (const payload of payloads(origin, tags)) {
        // A connection that died while idle fails the first query; the retry gets a new one.
        await notify(payload).catch(() => notify(payload));
      }
    },
    async close() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      wake?.();
      await reconnecting;
      await publisher.end();
    },
  };
}

/** What a worker sends its primary, and the primary the other workers. */
interface RelayMessage {
  readonly habarshy: 'invalidate';
  readonly tags: string[];
}

function isRelayMessage(msg: unknown): msg is RelayMessage {
  const m = msg as Partial<RelayMessage> | null;
  return typeof m === 'object' && m !== null && m.habarshy === 'invalidate' && Array.isArray(m.tags);
}

/**
 * A cluster worker's bus: its tags go to the primary, which hands them to every other worker
 * (relayInvalidations); the tags of the others arrive as messages. Order is kept per worker.
 */
export function ipcBus(handlers: Pick<BusHandlers, 'onRemote' | 'log'>, proc: NodeJS.Process = process): InvalidationBus {
  const listener = (msg: unknown) => {
    if (isRelayMessage(msg)) handlers.onRemote(msg.tags.filter((x): x is string => typeof x === 'string'));
  };
  proc.on('message', listener);
  return {
    async publish(tags) {
      if (tags.length === 0 || !proc.send || !proc.connected) return;
      const message: RelayMessage = { habarshy: 'invalidate', tags: [...tags] };
      proc.send(message, undefined, {}, (err) => {
        if (err) handlers.log('invalidation relay: sending to the primary failed', err);
      });
    },
    async close() {
      proc.off('message', listener);
    },
  };
}

/** The cluster primary's side of ipcBus: each worker's tags go to every other live worker. */
export function relayInvalidations(cluster: Cluster): void {
  cluster.on('message', (from, msg: unknown) => {
    if (!isRelayMessage(msg)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(msg, undefined, () => undefined);
    }
  });
}
