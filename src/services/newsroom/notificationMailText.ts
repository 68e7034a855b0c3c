// The e-mail copy of a newsroom notification, in the recipient's interface language (kz, ru, en):
// a one-line subject and a plain-text body with who did what, the headline, the comment or note,
// and an absolute link into the newsroom. Plain text only: nothing in it is read as markup.
import type { NotificationKind } from '../../db/tables.ts';
import { notificationWhat } from '../../content/notificationWords.ts';
import type { UiLang } from './auth.ts';

const en = {
  headline: '“{headline}”',
  comment: 'Comment:',
  note: 'Note:',
  open: 'Open it in the newsroom: {url}',
  footer: 'This e-mail copies a notification in the newsroom.',
};

export type NotificationMailStrings = typeof en;

const kz: NotificationMailStrings = {
  headline: '«{headline}»',
  comment: 'Пікір:',
  note: 'Ескертпе:',
  open: 'Редакцияда ашу: {url}',
  footer: 'Бұл хат — редакциядағы хабарламаның көшірмесі.',
};

const ru: NotificationMailStrings = {
  headline: '«{headline}»',
  comment: 'Комментарий:',
  note: 'Примечание:',
  open: 'Открыть в редакции: {url}',
  footer: 'Это письмо — копия уведомления в редакции.',
};

export const NOTIFICATION_MAIL_STRINGS: Record<UiLang, NotificationMailStrings> = { en, kz, ru };

/** What the mail says; every text comes from the database and may be hostile. */
export interface NotificationMailInput {
  readonly kind: NotificationKind;
  /** Null: the scheduler (a scheduled article went out) or a user since removed. */
  readonly actorName: string | null;
  readonly headline: string;
  /** The return comment, the assignment's note, the start of the comment ('' when none). */
  readonly text: string;
  /** Absolute URL of the article (or of My work) in the newsroom. */
  readonly url: string;
}

/** The longest subject: mail clients cut long ones anyway. */
const SUBJECT_MAX = 200;

/** One line: every line break, tab and other control character becomes a space. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Several lines: line breaks kept (as \n), other control characters dropped. */
function lines(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
      .trim()
  );
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);
}

export function notificationMail(input: NotificationMailInput, lang: UiLang): { subject: string; text: string } {
  const s = NOTIFICATION_MAIL_STRINGS[lang];
  const what = notificationWhat(input.kind, input.actorName === null ? null : oneLine(input.actorName), lang);
  const headline = oneLine(input.headline);
  let subject = oneLine(headline ? `${what}: ${headline}` : what);
  if (subject.length > SUBJECT_MAX) subject = `${subject.slice(0, SUBJECT_MAX - 1).trimEnd()}…`;
  const body = lines(input.text);
  const parts = [`${what}.`];
  if (headline) parts.push(fill(s.headline, { headline }));
  if (body) parts.push(`${input.kind === 'assigned' ? s.note : s.comment}\n${body}`);
  parts.push(fill(s.open, { url: input.url }), `--\n${s.footer}`);
  return { subject, text: `${parts.join('\n\n')}\n` };
}
