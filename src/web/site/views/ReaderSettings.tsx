// Reader settings: text size (three steps) and colours (system, light, dark). They need JavaScript
// (site.js remembers the choice, prefs.js applies it before the first paint), so they start hidden;
// without it the system's colour preference applies through CSS.
import type { UiStrings } from '../../../editions/uiStrings.ts';

export function ReaderSettings(props: { strings: UiStrings }) {
  const s = props.strings;
  const sizes = [
    ['s', s.textSmall, 'A−'],
    ['m', s.textMedium, 'A'],
    ['l', s.textLarge, 'A+'],
  ] as const;
  const themes = [
    ['auto', s.themeAuto],
    ['light', s.themeLight],
    ['dark', s.themeDark],
  ] as const;
  return (
    <div class="reader-settings" hidden>
      <button type="button" class="settings-toggle" aria-expanded="false" aria-controls="reader-settings-panel">
        {s.readerSettings}
      </button>
      <div class="settings-panel" id="reader-settings-panel" hidden>
        <div class="settings-group" role="group" aria-label={s.textSize}>
          <span class="settings-label" aria-hidden="true">
            {s.textSize}
          </span>
          {sizes.map(([value, label, mark]) => (
            // The name starts with what the button shows ("A+ Large text"): speech input finds it by its mark.
            <button type="button" data-text-size={value} aria-label={`${mark} ${label}`} aria-pressed="false" title={label}>
              <span aria-hidden="true">{mark}</span>
            </button>
          ))}
        </div>
        <div class="settings-group" role="group" aria-label={s.theme}>
          <span class="settings-label" aria-hidden="true">
            {s.theme}
          </span>
          {themes.map(([value, label]) => (
            <button type="button" data-theme-choice={value} aria-pressed="false">
              {label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
