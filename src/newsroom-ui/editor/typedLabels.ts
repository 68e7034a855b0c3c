// The labels the site prints before a correction note and a photo credit, in every written
// edition's words (src/editions/strings, "correction" and "photoCredit"). Repeated here because the
// editions' strings are not bundled; a unit test checks they equal the server's lists. The server
// strips a typed label on save; the editor warns while it is typed.
import { typedLabel } from '../../content/typedLabels.ts';
import { fill, type EditorStrings } from './strings.ts';

export const CORRECTION_LABELS: readonly string[] = ['Исправление', 'Correction', 'Тузатиш', 'Түзету', '更正'];
export const CREDIT_LABELS: readonly string[] = ['Photo credit', 'Photo', 'Сурат', 'Фото', '图片来源'];

export const correctionLabel = (text: string) => typedLabel(text, CORRECTION_LABELS);
export const creditLabel = (text: string) => typedLabel(text, CREDIT_LABELS);

/** The warning shown under a field where a label the site prints itself was typed. */
export function labelWarning(s: EditorStrings, label: string | null): string | null {
  return label ? fill(s.labelWarning, { label }) : null;
}
