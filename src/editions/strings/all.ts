import type { WrittenEditionCode } from '../editions.ts';
import type { UiStrings } from '../uiStrings.ts';
import { cn } from './cn.ts';
import { en } from './en.ts';
import { kz } from './kz.ts';
import { ru } from './ru.ts';
import { uz } from './uz.ts';

export const WRITTEN_STRINGS: Readonly<Record<WrittenEditionCode, UiStrings>> = { kz, ru, en, cn, uz };
