// `habarshy webhooks add|list|remove|log`: webhook subscribers and their deliveries.
import { migrate, openDatabase } from '../services/database.ts';
import { randomBytes } from 'node:crypto';
import { isWebhookEvent, WEBHOOK_EVENTS } from '../services/articleEvents.ts';
import { addSubscriber, deliveryLog, listSubscribers, removeSubscriber, type DeliveryLogRow } from '../services/webhooks.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage:
  habarshy webhooks add --url URL [--events EVENTS] [--secret SECRET]
  habarshy webhooks list
  habarshy webhooks remove ID
  habarshy webhooks log [--limit N]

Subscribers receive article events as signed JSON POSTs (docs/webhooks.md).
  --url      http(s) address that receives the POSTs
  --events   comma-separated, default all: ${WEBHOOK_EVENTS.join(', ')}
  --secret   signing key (at least 16 characters); without it one is generated and printed once
  --limit    deliveries shown by log, newest first (1-1000, default 50)

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

function status(r: DeliveryLogRow): string {
  if (r.delivered_at) return 'delivered';
  if (r.dead_at) return 'dead';
  return r.attempts > 0 ? 'retrying' : 'pending';
}

function parseId(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new UsageError(`expected a subscriber id (a number), got "${raw ?? ''}"`);
  return Number(raw);
}

export const webhooksCommand: Command = {
  summary: 'manage webhook subscribers and see deliveries: add | list | remove | log',
  help: HELP,
  options: { url: { type: 'string' }, events: { type: 'string' }, secret: { type: 'string' }, limit: { type: 'string' } },
  positionals: true,
  async run(values, positionals, loadConfig) {
    const [action, ...rest] = positionals;
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    // Check the arguments before touching the database.
    let add: { url: string; events: string; secret: string; generated: boolean } | undefined;
    if (action === 'add' && rest.length === 0) {
      const raw = str('url');
      let url: URL | undefined;
      try {
        url = raw ? new URL(raw) : undefined;
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError('--url must be an http(s) URL');
      const events = (str('events') ?? WEBHOOK_EVENTS.join(','))
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const unknown = events.filter((e) => !isWebhookEvent(e));
      if (events.length === 0 || unknown.length > 0)
        throw new UsageError(`unknown event "${unknown[0] ?? ''}"; events: ${WEBHOOK_EVENTS.join(', ')}`);
      const given = str('secret');
      if (given !== undefined && given.length < 16) throw new UsageError('--secret must be at least 16 characters');
      add = {
        url: url.toString(),
        events: [...new Set(events)].join(','),
        secret: given ?? randomBytes(32).toString('base64url'),
        generated: given === undefined,
      };
    } else if (action === 'remove' && rest.length === 1) {
      parseId(rest[0]);
    } else if (action === 'log' && rest.length === 0) {
      const limit = str('limit');
      if (limit !== undefined && (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000))
        throw new UsageError('--limit takes a number from 1 to 1000');
    } else if (!(action === 'list' && rest.length === 0)) {
      throw new UsageError(`expected add, list, remove or log with their arguments\n\n${HELP}`);
    }

    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    try {
      await migrate(handle);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (add) {
        const id = await addSubscriber(handle.db, {
          url: add.url,
          secret: add.secret,
          events: add.events,
          created_at: new Date().toISOString(),
        });
        out(`added subscriber ${id}: ${add.url} (${add.events})`);
        if (add.generated) out(`secret: ${add.secret}\n(shown only now: give it to the receiver to verify Habarshy-Signature)`);
        return 0;
      }
      if (action === 'list') {
        out(['id', 'url', 'events', 'created'].join('\t'));
        for (const s of await listSubscribers(handle.db)) out([s.id, s.url, s.events, s.created_at].join('\t'));
        return 0;
      }
      if (action === 'remove') {
        const id = parseId(rest[0]);
        const removed = await removeSubscriber(handle.db, id);
        out(removed ? `removed subscriber ${id} and its deliveries` : `no subscriber ${id}`);
        return removed ? 0 : 1;
      }
      const rows = await deliveryLog(handle.db, Number(str('limit') ?? 50));
      out(['delivery', 'created', 'event', 'article', 'subscriber', 'status', 'attempts', 'last_error'].join('\t'));
      for (const r of rows) {
        out(
          [r.event_id, r.created_at, r.event, r.article_id, `${r.subscriber_id} ${r.url}`, status(r), r.attempts, r.last_error ?? ''].join(
            '\t',
          ),
        );
      }
      return 0;
    } finally {
      await handle.close();
    }
  },
};
