// What a newsroom notification says happened, in the newsroom's interface languages: one wording
// for the list in the newsroom (people/Notifications.tsx) and for its e-mail copy
// (services/newsroom/notificationMailText.ts), so the two never drift apart.
import type { UiLangCode } from '../editions/editions.ts';

/** The kinds of the notifications table (db/tables.ts NotificationKind). */
export type NotificationKindName = 'assigned' | 'returned' | 'approved' | 'published' | 'mentioned' | 'replied';

type Words = Readonly<Record<NotificationKindName | 'published_scheduler', string>>;

const en: Words = {
  assigned: '{name} assigned you a story',
  returned: '{name} returned your article',
  approved: '{name} approved your article',
  published: '{name} published your article',
  published_scheduler: 'Your scheduled article was published',
  mentioned: '{name} mentioned you in a comment',
  replied: '{name} replied to your comment',
};

const kz: Words = {
  assigned: '{name} сізге тақырып тапсырды',
  returned: '{name} мақалаңызды қайтарды',
  approved: '{name} мақалаңызды мақұлдады',
  published: '{name} мақалаңызды жариялады',
  published_scheduler: 'Жоспарланған мақалаңыз жарияланды',
  mentioned: '{name} пікірде сізді атады',
  replied: '{name} пікіріңізге жауап берді',
};

const ru: Words = {
  assigned: '{name} поручил(а) вам материал',
  returned: '{name} вернул(а) вашу статью',
  approved: '{name} одобрил(а) вашу статью',
  published: '{name} опубликовал(а) вашу статью',
  published_scheduler: 'Ваша запланированная статья опубликована',
  mentioned: '{name} упомянул(а) вас в комментарии',
  replied: '{name} ответил(а) на ваш комментарий',
};

export const NOTIFICATION_WORDS: Readonly<Record<UiLangCode, Words>> = { en, kz, ru };

/**
 * "Aida returned your article" in `lang` (English for a language without these words). No actor: a published article went out on its schedule, or the
 * user who acted has since been removed (shown as a dash).
 */
export function notificationWhat(kind: NotificationKindName, actorName: string | null, lang: string): string {
  const words = NOTIFICATION_WORDS[lang as UiLangCode] ?? en;
  if (kind === 'published' && actorName === null) return words.published_scheduler;
  return words[kind].replace('{name}', () => actorName ?? '—');
}
