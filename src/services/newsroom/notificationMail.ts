// Newsroom notifications also by e-mail (SMTP_URL). A notification is queued for mail in the same
// transaction that creates it (`mail_state = 'pending'`, only while SMTP is configured: one written
// without it is never mailed, so configuring SMTP later sends no burst of old news). This worker,
// an exclusive scheduler job (one process of several sends), mails the due rows in the recipient's
// interface language and marks them sent; an SMTP failure is retried after 1 min, 5 min, 30 min
// and 2 h, then the row is marked failed and logged once. A recipient who is deactivated, has no
// address or whose `mail_notifications` is off gets nothing (the row leaves the outbox: `mail_state` null).
//
// At least once: a process that dies between the SMTP server's acceptance and the row's update
// sends that one message again when the claim runs out.
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Db } from '../../db/connect.ts';
import type { MailConfig } from '../../config.ts';
import {
  claimNotificationMail,
  dueNotificationMail,
  retryNotificationMail,
  settleNotificationMail,
  type DueNotificationMail,
} from '../../store/notificationMail.ts';
import { isUiLang } from './auth.ts';
import { notificationMail } from './notificationMailText.ts';

/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure gives up. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000] as const;
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;
/** Messages per run of the job (every 5 s). */
export const MAIL_BATCH = 50;
/** How long a claimed row belongs to its sender before it may be tried again. */
const MAIL_CLAIM_MS = 5 * 60_000;

/** When the next attempt after `attempts` failed ones is due, or null to give up. */
export function nextMailAttempt(attempts: number, now: Date): Date | null {
  if (attempts >= MAIL_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + MAIL_RETRY_DELAYS_MS[Math.max(attempts, 1) - 1]!);
}

/** nodemailer's options for SMTP_URL: smtps:// is TLS from the start; smtp:// upgrades with STARTTLS when offered. */
export function smtpOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    pool: true,
    maxConnections: 1,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    // A server that does not answer fails the attempt in seconds, not nodemailer's default 2 minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * Connects to SMTP_URL once, as the mailer would, and signs in (doctor): null when the server
 * greets and accepts the credentials, else the error. Sends nothing.
 */
export async function verifySmtp(smtpUrl: string): Promise<unknown> {
  const transport = nodemailer.createTransport({ ...smtpOptions(smtpUrl), pool: false });
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return error;
  } finally {
    transport.close();
  }
}

export interface MailRun {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** Errors that concern one message (a refused recipient or message); others are the connection's. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

export class NotificationMailer {
  private readonly transport: Transporter;

  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly mail: MailConfig;
      /** Origin of the newsroom's links (BASE_URL). */
      readonly baseUrl: string;
      readonly clock: () => Date;
      readonly log: (msg: string, err?: unknown) => void;
    },
  ) {
    this.transport = nodemailer.createTransport(smtpOptions(deps.mail.smtpUrl));
  }

  /** Mails the notifications due now (at most MAIL_BATCH). */
  async runOnce(): Promise<MailRun> {
    const run: MailRun = { sent: 0, retried: 0, failed: 0, skipped: 0 };
    const now = this.deps.clock();
    const due = await dueNotificationMail(this.deps.db, now.toISOString(), MAIL_BATCH);
    const claimUntil = new Date(now.getTime() + MAIL_CLAIM_MS).toISOString();
    for (const row of due) {
      if (!(await claimNotificationMail(this.deps.db, row, claimUntil))) continue;
      const to = row.email.trim();
      if (row.disabled !== 0 || row.mail_notifications === 0 || !to.includes('@')) {
        await settleNotificationMail(this.deps.db, row.id, null);
        run.skipped += 1;
        continue;
      }
      const error = await this.send(row, to);
      if (error === null) {
        await settleNotificationMail(this.deps.db, row.id, 'sent');
        run.sent += 1;
        continue;
      }
      const attempts = row.mail_attempts + 1;
      const next = nextMailAttempt(attempts, this.deps.clock());
      if (next === null) {
        await settleNotificationMail(this.deps.db, row.id, 'failed');
        run.failed += 1;
        this.deps.log(`notification ${row.id}: not mailed after ${attempts} attempts; given up`, error);
      } else {
        await retryNotificationMail(this.deps.db, row.id, next.toISOString());
        run.retried += 1;
      }
      // The server is down or refuses us: the rest waits for the next run rather than failing too.
      if (!MESSAGE_ERRORS.has((error as { code?: string }).code ?? '')) break;
    }
    return run;
  }

  /** Null when the SMTP server accepted the message, else the error. */
  private async send(row: DueNotificationMail, to: string): Promise<unknown> {
    const { subject, text } = notificationMail(
      {
        kind: row.kind,
        actorName: row.actor_name,
        headline: row.article_headline ?? row.assignment_headline ?? '',
        text: row.text,
        url: `${this.deps.baseUrl}/newsroom/${row.article_id !== null ? `articles/${row.article_id}` : 'work'}`,
      },
      isUiLang(row.ui_lang) ? row.ui_lang : 'en',
    );
    try {
      // nodemailer encodes the headers (a subject is one line already); the body is plain text.
      await this.transport.sendMail({
        from: this.deps.mail.from,
        to,
        subject,
        text,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return null;
    } catch (err) {
      return err ?? new Error('SMTP failure');
    }
  }

  close(): void {
    this.transport.close();
  }
}
