// A real SMTP server on 127.0.0.1 for the tests (smtp-server, by the authors of nodemailer): it
// keeps what it receives, can refuse recipients, and can be stopped and started on the same port.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  readonly to: string[];
  /** The authenticated user, if any. */
  readonly user: string | null;
  /** The message as it came (headers and body, CRLF). */
  readonly raw: string;
  /** Header lines unfolded, by lower-case name (the first of each). */
  readonly headers: ReadonlyMap<string, string>;
  /** The raw header block, unfolded, one header a line. */
  readonly headerLines: readonly string[];
  /** The Subject, decoded. */
  readonly subject: string;
  /** The body, decoded (quoted-printable or base64 of UTF-8). */
  readonly text: string;
}

export class Mailbox {
  readonly received: ReceivedMail[] = [];
  /** Refuse every recipient with 550 while true. */
  refuse = false;
  private server: SMTPServer | null = null;
  port = 0;

  constructor(
    private readonly user: string,
    private readonly password: string,
  ) {}

  /** Listens on 127.0.0.1 (a free port the first time, the same one after a stop). */
  async start(): Promise<void> {
    const server = new SMTPServer({
      // A plain connection (nodemailer would try STARTTLS against a self-signed certificate).
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      closeTimeout: 100,
      onAuth: (auth, _session, cb) => {
        if (auth.username === this.user && auth.password === this.password) cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onRcptTo: (_address, _session, cb) => {
        if (!this.refuse) return cb();
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        cb(error);
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
              session.user as string | undefined,
            ),
          );
          cb();
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The mails to one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** RFC 2047 encoded words (B and Q, UTF-8); the space between two of them is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMail(raw: string, to: string[], user: string | undefined): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headerLines = head.split(/\r\n(?![ \t])/).map((l) => l.replace(/\r\n[ \t]/g, ' '));
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return {
    to,
    user: user ?? null,
    raw,
    headers,
    headerLines,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: text.replace(/\r\n/g, '\n'),
  };
}
