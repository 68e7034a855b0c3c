// The demo admin's sign-in, shown once on the first start: a framed block on a terminal, where a
// person reads it among the log lines, and one log line otherwise (a collector keeps it).
import type { FastifyBaseLogger } from 'fastify';

export interface DemoAdmin {
  readonly email: string;
  readonly password: string;
}

export function demoAdminBlock(admin: DemoAdmin, newsroomUrl: string): string {
  const lines = [
    'Newsroom demo admin (shown this once)',
    '',
    `  sign in at  ${newsroomUrl}`,
    `  email       ${admin.email}`,
    `  password    ${admin.password}`,
    '',
    'You must choose a new password at the first sign-in.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const rule = '─'.repeat(width);
  return `\n┌${rule}┐\n${lines.map((l) => `│ ${l.padEnd(width - 1)}│`).join('\n')}\n└${rule}┘\n\n`;
}

export function announceDemoAdmin(
  log: FastifyBaseLogger,
  admin: DemoAdmin,
  newsroomUrl: string,
  out: NodeJS.WriteStream = process.stdout,
): void {
  if (out.isTTY) {
    out.write(demoAdminBlock(admin, newsroomUrl));
    return;
  }
  log.warn(
    `newsroom demo admin created: sign in at ${newsroomUrl} as ${admin.email} with the password ${admin.password} (shown once; you must change it at first login)`,
  );
}
