// E-mail of newsroom notifications: the SMTP server (SMTP_URL) and the sender (MAIL_FROM). Without
// SMTP_URL nothing is mailed and nothing is queued for mail.
import { ConfigError, type Env } from './vars.ts';

export interface MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start). */
  readonly smtpUrl: string;
  /** The From of every message: `newsroom@example.kz` or `Habarshy <newsroom@example.kz>`. */
  readonly from: string;
}

const ADDRESS = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;

function mailFromVar(env: Env): string {
  const raw = (env['MAIL_FROM'] ?? '').trim();
  if (raw === '') throw new ConfigError('MAIL_FROM', 'is required when SMTP_URL is set (for example "Habarshy <newsroom@example.kz>")');
  // No line breaks or control characters: the value becomes a header.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new ConfigError('MAIL_FROM', 'must be one line');
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(raw);
  const address = named ? named[2]! : raw;
  if (!ADDRESS.test(address))
    throw new ConfigError('MAIL_FROM', `"${raw}" must be an address such as newsroom@example.kz or Name <newsroom@example.kz>`);
  return raw;
}

/** SMTP_URL and MAIL_FROM; null when SMTP_URL is unset or empty (no mail). */
export function mailVar(env: Env): MailConfig | null {
  const raw = (env['SMTP_URL'] ?? '').trim();
  if (raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a URL such as smtp://user:password@mail.example.kz:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', 'must start with smtp:// or smtps://');
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'names no host (smtp://user:password@mail.example.kz:587)');
  if ((url.pathname !== '' && url.pathname !== '/') || url.hash)
    throw new ConfigError('SMTP_URL', 'must be smtp(s)://[user:password@]host[:port] without a path');
  // The URL is not echoed: it may carry the password.
  return { smtpUrl: raw, from: mailFromVar(env) };
}
