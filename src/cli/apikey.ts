// `habarshy apikey create|list|revoke`: partner keys of the public API.
import { migrate, openDatabase } from '../services/database.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/apiKeys.ts';
import { UsageError, type Command } from './command.ts';

const HELP = `Usage:
  habarshy apikey create --name NAME
  habarshy apikey list
  habarshy apikey revoke ID

Partner keys for the public API (/api/v1). A request with "Authorization: Bearer KEY" gets the
partner rate limit (API_RATE_KEY per minute) instead of the anonymous one (API_RATE_ANONYMOUS).
  create   makes a key and prints it once: only its SHA-256 is stored, it cannot be shown again
  list     id, prefix, name, created, last used, requests, status (requests are written every
           VIEW_FLUSH_MS by the running server)
  revoke   refuses the key from now on (401 REVOKED_KEY)
  --name   who the key is for (1-100 characters)

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

export const apikeyCommand: Command = {
  summary: 'manage partner keys of the public API: create | list | revoke',
  help: HELP,
  options: { name: { type: 'string' } },
  positionals: true,
  async run(values, positionals, loadConfig) {
    const [action, ...rest] = positionals;
    const name = typeof values['name'] === 'string' ? values['name'].trim() : undefined;
    let revokeId: number | undefined;
    // Check the arguments before touching the database.
    if (action === 'create' && rest.length === 0) {
      if (!name || name.length > 100) throw new UsageError('--name is required (1-100 characters)');
    } else if (action === 'revoke' && rest.length === 1 && name === undefined) {
      if (!/^\d{1,9}$/.test(rest[0]!)) throw new UsageError(`expected a key id (a number), got "${rest[0]}"`);
      revokeId = Number(rest[0]);
    } else if (!(action === 'list' && rest.length === 0 && name === undefined)) {
      throw new UsageError(`expected create, list or revoke with their arguments\n\n${HELP}`);
    }

    const config = loadConfig();
    const handle = openDatabase(config.databaseUrl);
    try {
      await migrate(handle);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (action === 'create') {
        const key = await createApiKey(handle.db, name!, new Date());
        out(`created key ${key.id} for ${name}:`);
        out(key.key);
        out('(shown only now: store it safely; Habarshy keeps only its hash)');
        return 0;
      }
      if (revokeId !== undefined) {
        const done = await revokeApiKey(handle.db, revokeId, new Date().toISOString());
        if (!done) {
          process.stderr.write(`habarshy apikey: no live key ${revokeId}\n`);
          return 1;
        }
        out(`revoked key ${revokeId}`);
        return 0;
      }
      const keys = await listApiKeys(handle.db);
      if (keys.length === 0) out('no keys');
      for (const k of keys) {
        out(
          [
            k.id,
            `${k.prefix}…`,
            k.name,
            k.created_at,
            k.last_used_at ?? 'never',
            k.requests,
            k.revoked_at ? `revoked ${k.revoked_at}` : 'active',
          ].join('\t'),
        );
      }
      return 0;
    } finally {
      await handle.close();
    }
  },
};
