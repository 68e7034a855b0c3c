// The e-mail copy of a newsroom notification, in the recipient's interface language (kz, ru, en):
// a one-line subject and a plain-text body with who did what, the headline, the comment or note,
// and an absolute link into the newsroom. Plain text only: nothing in it is read as markup.
import type { NotificationKind } from '../../db/tables.ts';
import type { UiLang } from './auth.ts';

const en = {
  kind_assigned: '{name} assigned you a story',
  kind_returned: '{name} returned your article',
  kind_approved: '{name} approved your article',
  kind_published: '{name} published your article',
  kind_published_scheduler: 'Your scheduled article was published',
  kind_mentioned: '{name} mentioned you in a comment',
  kind_replied: '{name} replied to your comment',
  headline: '“{headline}”',
  comment: 'Comment:',
  note: 'Note:',
  open: 'Open it in the newsroom: {url}',
  footer: 'This e-mail copies a notification in the newsroom.',
};

export type NotificationMailStrings = typeof en;

const kz: NotificationMailStrings = {
  kind_assigned: '{name} сізге тақырып тапсырды',
  kind_returned: '{name} мақалаңызды қайтарды',
  kind_approved: '{name} мақалаңызды мақұлдады',
  kind_published: '{name} мақалаңызды жариялады',
  kind_published_scheduler: 'Жоспарланған мақалаңыз жарияланды',
  kind_mentioned: '{name} пікірде сізді атады',
  kind_replied: '{name} пікіріңізге жауап берді',
  headline: '«{headline}»',
  comment: 'Пікір:',
  note: 'Ескертпе:',
  open: 'Редакцияда ашу: {url}',
  footer: 'Бұл хат — редакциядағы хабарламаның көшірмесі.',
};

const ru: NotificationMailStrings = {
  kind_assigned: '{name} поручил(а) вам материал',
  kind_returned: '{name} вернул(а) вашу статью',
  kind_approved: '{name} одобрил(а) вашу статью',
  kind_published: '{name} опубликовал(а) вашу статью',
  kind_published_scheduler: 'Ваша запланированная статья опубликована',
  kind_mentioned: '{name} упомянул(а) вас в комментарии',
  kind_replied: '{name} ответил(а) на ваш комментарий',
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
  const what =
    input.kind === 'published' && input.actorName === null
      ? s.kind_published_scheduler
      : fill(s[`kind_${input.kind}`], { name: oneLine(input.actorName ?? '—') });
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
