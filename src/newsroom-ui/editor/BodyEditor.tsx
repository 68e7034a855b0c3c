// The article text: a TipTap editor over the body-block schema, with its toolbar. Pasted HTML is
// cleaned by DOMPurify before TipTap reads it.
import { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Body } from '../../content/body.ts';
import { MediaPicker } from '../components/MediaPicker.tsx';
import { bodyToDoc, docToBody, embedFromUrl, isAllowedHref, isAllowedLang } from './blocks.ts';
import { editorExtensions } from './extensions.ts';
import { embedView, galleryView, imageView, quoteView } from './nodeViews.ts';
import { creditLabel, labelWarning } from './typedLabels.ts';
import type { Asset } from './types.ts';
import { createPasteCleaner } from './pasteClean.ts';
import { fill, type EditorStrings } from './strings.ts';

export interface BodyEditorProps {
  initial: Body;
  editable: boolean;
  edition: string;
  s: EditorStrings;
  onChange(body: Body): void;
  /** The editor, once made, so that the screen can replace its content (restore, merge). */
  onReady(editor: Editor | null): void;
}

export function BodyEditor(props: BodyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [, setTick] = useState(0);
  const [picking, setPicking] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const clean = createPasteCleaner(window);
    const instance = new Editor({
      element: host.current!,
      injectCSS: false,
      editable: props.editable,
      extensions: editorExtensions({
        placeholder: props.s.bodyPlaceholder,
        views: {
          image: imageView(props.s, (credit) => labelWarning(props.s, creditLabel(credit))),
          quote: quoteView(props.s),
          embed: embedView(props.s),
          gallery: galleryView(props.s),
        },
      }),
      content: bodyToDoc(props.initial),
      editorProps: {
        transformPastedHTML: clean,
        attributes: {
          'data-testid': 'body-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': props.s.body,
          class: 'ed-prose',
        },
      },
      onUpdate: ({ editor: e }) => latest.current.onChange(docToBody(e.getJSON())),
      onTransaction: () => setTick((n) => n + 1),
    });
    setEditor(instance);
    props.onReady(instance);
    return () => {
      props.onReady(null);
      instance.destroy();
    };
    // The editor is made once; later content changes go through onReady's instance.
  }, []);

  useEffect(() => {
    editor?.setEditable(props.editable);
  }, [editor, props.editable]);

  return (
    <div class="ed-body">
      {editor && props.editable && <Toolbar editor={editor} s={props.s} onPhoto={() => setPicking(true)} />}
      <div ref={host} class="ed-body-host" />
      {picking && editor && (
        <MediaPicker
          edition={props.edition}
          onPick={(asset: Asset) => {
            editor
              .chain()
              .focus()
              .insertContent({ type: 'image', attrs: imageAttrsOf(asset, props.edition) })
              .run();
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  );
}

/** A new photo block starts with the caption and credit typed at upload (in this edition's words). */
export function imageAttrsOf(asset: Pick<Asset, 'id' | 'texts'>, edition: string): Record<string, unknown> {
  const text = asset.texts[edition] ?? Object.values(asset.texts)[0];
  return { assetId: asset.id, caption: text?.caption ?? '', credit: text?.credit ?? '', alt: '' };
}

/** Ctrl/Cmd+K and the toolbar's link button: ask for an address; empty removes the link. */
export function promptLink(editor: Editor, s: EditorStrings): void {
  const current = (editor.getAttributes('link')['href'] as string | undefined) ?? '';
  const answer = window.prompt(s.tLinkPrompt, current);
  if (answer === null) return;
  const href = answer.trim();
  if (!href) {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (!isAllowedHref(href)) return;
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

function promptLang(editor: Editor, s: EditorStrings): void {
  const inQuote = editor.isActive('blockquote') && editor.state.selection.empty;
  const current = inQuote ? String(editor.getAttributes('blockquote')['lang'] ?? '') : String(editor.getAttributes('lang')['lang'] ?? '');
  const answer = window.prompt(s.tLangPrompt, current);
  if (answer === null) return;
  const lang = answer.trim().toLowerCase();
  if (lang && !isAllowedLang(lang)) return;
  // An empty selection inside a quotation sets the language of the whole quotation.
  if (inQuote) editor.chain().focus().updateAttributes('blockquote', { lang }).run();
  else if (lang) editor.chain().focus().setMark('lang', { lang }).run();
  else editor.chain().focus().unsetMark('lang').run();
}

function promptEmbed(editor: Editor, s: EditorStrings): void {
  const answer = window.prompt(s.tEmbedPrompt, '');
  if (answer === null) return;
  const embed = embedFromUrl(answer);
  if (!embed) {
    window.alert(s.tEmbedBad);
    return;
  }
  editor.chain().focus().insertContent({ type: 'embed', attrs: embed }).run();
}

interface ToolProps {
  editor: Editor;
  s: EditorStrings;
  onPhoto(): void;
}

function Tool(props: { label: string; glyph: string; active?: boolean; onClick(): void; testid?: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      class="ed-tool"
      title={props.label}
      aria-label={props.label}
      aria-pressed={props.active === undefined ? undefined : props.active}
      data-testid={props.testid}
      disabled={props.disabled}
      // Keep the editor's selection: a mousedown on the button would otherwise move focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {props.glyph}
    </button>
  );
}

function Toolbar({ editor, s, onPhoto }: ToolProps) {
  const chain = () => editor.chain().focus();
  const mark = (name: string, label: string, glyph: string) => (
    <Tool label={label} glyph={glyph} active={editor.isActive(name)} onClick={() => chain().toggleMark(name).run()} />
  );
  const inTable = editor.isActive('table');
  return (
    <div class="ed-toolbar" role="toolbar" aria-label={s.toolbar}>
      <div class="ed-toolgroup">
        {mark('bold', s.kBold, 'B')}
        {mark('italic', s.kItalic, 'I')}
        {mark('underline', s.kUnderline, 'U')}
        {mark('strike', s.kStrike, 'S')}
        {mark('code', s.kCode, '</>')}
        {mark('subscript', s.kSub, 'x₂')}
        {mark('superscript', s.kSup, 'x²')}
        <Tool label={s.kLink} glyph="⇗" active={editor.isActive('link')} onClick={() => promptLink(editor, s)} testid="tool-link" />
        <Tool label={s.tLang} glyph="Aa" active={editor.isActive('lang')} onClick={() => promptLang(editor, s)} testid="tool-lang" />
      </div>
      <div class="ed-toolgroup">
        <Tool label={s.tParagraph} glyph="¶" active={editor.isActive('paragraph')} onClick={() => chain().setParagraph().run()} />
        {([2, 3, 4] as const).map((level) => (
          <Tool
            key={level}
            label={fill(s.tHeading, { level })}
            glyph={`H${level}`}
            active={editor.isActive('heading', { level })}
            onClick={() => chain().toggleHeading({ level }).run()}
            testid={`tool-h${level}`}
          />
        ))}
        <Tool
          label={s.tBullet}
          glyph="•"
          active={editor.isActive('bulletList')}
          onClick={() => chain().toggleBulletList().run()}
          testid="tool-bullet"
        />
        <Tool
          label={s.tOrdered}
          glyph="1."
          active={editor.isActive('orderedList')}
          onClick={() => chain().toggleOrderedList().run()}
          testid="tool-ordered"
        />
        <Tool
          label={s.tQuote}
          glyph="❝"
          active={editor.isActive('blockquote')}
          onClick={() => chain().toggleBlockquote().run()}
          testid="tool-quote"
        />
      </div>
      <div class="ed-toolgroup">
        <Tool label={s.tImage} glyph="▣" onClick={onPhoto} testid="tool-image" />
        <Tool label={s.tEmbed} glyph="▶" onClick={() => promptEmbed(editor, s)} testid="tool-embed" />
        <Tool
          label={s.tTable}
          glyph="▦"
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          testid="tool-table"
        />
        <Tool label={s.tDivider} glyph="―" onClick={() => chain().setHorizontalRule().run()} testid="tool-divider" />
      </div>
      {inTable && (
        <div class="ed-toolgroup">
          <Tool label={s.tRowAdd} glyph="+≡" onClick={() => chain().addRowAfter().run()} />
          <Tool label={s.tColAdd} glyph="+‖" onClick={() => chain().addColumnAfter().run()} />
          <Tool label={s.tRowDelete} glyph="−≡" onClick={() => chain().deleteRow().run()} />
          <Tool label={s.tColDelete} glyph="−‖" onClick={() => chain().deleteColumn().run()} />
          <Tool label={s.tHeaderRow} glyph="H≡" onClick={() => chain().toggleHeaderRow().run()} />
          <Tool label={s.tTableDelete} glyph="✕" onClick={() => chain().deleteTable().run()} />
        </div>
      )}
      <div class="ed-toolgroup">
        <Tool label={s.kUndo} glyph="↶" disabled={!editor.can().undo()} onClick={() => chain().undo().run()} />
        <Tool label={s.kRedo} glyph="↷" disabled={!editor.can().redo()} onClick={() => chain().redo().run()} />
      </div>
    </div>
  );
}
