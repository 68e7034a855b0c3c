// `habarshy user create|list|disable|password`: newsroom accounts from the command line — the
// first admin on a fresh install, and recovery when nobody can sign in.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openMigrated } from '../services/database.ts';
import { buildOperatorServices } from '../services/container.ts';
import { AuthError, AuthService } from '../services/newsroom/auth.ts';
import { passwordProblem } from '../services/newsroom/passwords.ts';
import { UsageError, type Command } from './command.ts';

/** Ctrl-C at a password prompt: the shell's usual status for an interrupt. */
class Interrupted extends Error {
  readonly exitCode = 130;
}

const HELP = `Usage:
  habarshy user create --email E --role ROLE [--name N] [--desks kz,ru] [--password-stdin]
  habarshy user list
  habarshy user disable --email E
  habarshy user password --email E [--password-stdin]

Newsroom accounts. Roles: admin (everything, users), chief (publish anywhere, sections, tags,
authors), editor (review and publish in their desks), journalist (write and submit in their desks).
Desks are written editions: kz, ru, en, cn, uz (admin and chief work on all).
  create     asks for the password twice (no echo) on a terminal; --password-stdin reads one line
             from standard input instead (for scripts). At least 10 characters.
  list       id, e-mail, name, role, desks, state
  disable    the account can no longer sign in; its sessions end
  password   sets a new password (asked as for create); the user must change it at next login

Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data).`;

/** Reads a line without echoing it (a terminal) or plainly (a pipe). */
async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  const tty = process.stdin.isTTY && !fromStdin;
  // On a terminal readline echoes what is typed to its output: give it one that shows nothing.
  const nowhere = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: tty ? nowhere : undefined, terminal: tty });
  try {
    if (tty) process.stderr.write(prompt);
    const line = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      // On a terminal readline takes Ctrl-C itself; without this the prompt would only pause.
      rl.once('SIGINT', () => {
        process.stderr.write('\n');
        reject(new Interrupted('cancelled, no user changed'));
      });
      rl.once('close', () => reject(new UsageError(tty ? 'no password given' : 'no password given on standard input')));
    });
    if (tty) process.stderr.write('\n');
    return line.replace(/\r$/, '');
  } finally {
    rl.close();
  }
}

async function askPassword(fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: use --password-stdin');
  const first = await readSecret('Password: ', fromStdin);
  const problem = passwordProblem(first);
  if (problem) throw new UsageError(problem);
  if (!fromStdin) {
    const again = await readSecret('Password again: ', false);
    if (again !== first) throw new UsageError('the two passwords differ');
  }
  return first;
}

export const userCommand: Command = {
  summary: 'manage newsroom accounts: create | list | disable | password',
  help: HELP,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    desks: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  positionals: true,
  async run(values, positionals, loadConfig) {
    const [action, ...rest] = positionals;
    const email = typeof values['email'] === 'string' ? values['email'].trim() : undefined;
    const fromStdin = values['password-stdin'] === true;
    if (rest.length > 0 || !['create', 'list', 'disable', 'password'].includes(action ?? '')) {
      throw new UsageError(`expected create, list, disable or password\n\n${HELP}`);
    }
    if (action !== 'list' && !email) throw new UsageError('--email is required');
    const desks =
      typeof values['desks'] === 'string'
        ? values['desks']
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean)
        : [];
    const input =
      action === 'create'
        ? {
            email: email!,
            role: String(values['role'] ?? ''),
            name: typeof values['name'] === 'string' ? values['name'] : email!.split('@')[0]!,
            desks,
          }
        : null;
    if (input) {
      try {
        AuthService.validateNewUser({ ...input, password: 'x'.repeat(12) });
      } catch (e) {
        if (e instanceof AuthError) throw new UsageError(e.message);
        throw e;
      }
    }
    const password = action === 'create' || action === 'password' ? await askPassword(fromStdin) : '';

    const config = loadConfig();
    const handle = await openMigrated(config.databaseUrl);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    try {
      const { userAdmin } = buildOperatorServices(handle);
      if (input) {
        try {
          const id = await userAdmin.createAccount({ ...input, password });
          out(`created ${input.role} ${input.email.toLowerCase()} (id ${id})`);
          return 0;
        } catch (e) {
          if (e instanceof AuthError) throw new UsageError(e.message);
          throw e;
        }
      }
      if (action === 'list') {
        for (const u of await userAdmin.listAccounts()) {
          out([u.id, u.email, u.name, u.role, u.desks.join(',') || '-', u.disabled ? 'disabled' : 'active'].join('\t'));
        }
        return 0;
      }
      const changed = await userAdmin.operatorChange(email!, action === 'disable' ? { disable: true } : { password });
      if (!changed) throw new UsageError(`no user ${email}`);
      out(
        action === 'disable' ? `disabled ${changed.email}` : `new password set for ${changed.email}; it must be changed at the next login`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  },
};
