// The keyboard shortcuts, listed in a popover.
import type { EditorStrings } from './strings.ts';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutList(s: EditorStrings, mod: string): [string, string][] {
  return [
    [`${mod}+S`, s.kSave],
    [`${mod}+Enter`, s.kSubmit],
    [`${mod}+K`, s.kLink],
    [`${mod}+B`, s.kBold],
    [`${mod}+I`, s.kItalic],
    [`${mod}+U`, s.kUnderline],
    [`${mod}+Shift+S`, s.kStrike],
    [`${mod}+E`, s.kCode],
    [`${mod}+,`, s.kSub],
    [`${mod}+.`, s.kSup],
    [`${mod}+Z`, s.kUndo],
    [`${mod}+Shift+Z`, s.kRedo],
  ];
}

export function ShortcutsHelp(props: { s: EditorStrings; open: boolean; onToggle(): void }) {
  const { s } = props;
  const mod = isMac() ? '⌘' : 'Ctrl';
  return (
    <div class="ed-menu">
      <button type="button" aria-expanded={props.open} aria-controls="ed-shortcuts" data-testid="shortcuts-help" onClick={props.onToggle}>
        ?<span class="ed-visually-hidden"> {s.help}</span>
      </button>
      {props.open && (
        <div id="ed-shortcuts" class="ed-menu-list" role="dialog" aria-label={s.help}>
          <h2>{s.help}</h2>
          <dl>
            {shortcutList(s, mod).map(([keys, what]) => (
              <div key={keys} class="ed-row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={props.onToggle}>
            {s.close}
          </button>
        </div>
      )}
    </div>
  );
}
