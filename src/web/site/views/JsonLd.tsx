// Structured data in the page: one `<script type="application/ld+json">` per object. A data block
// is never executed, so the CSP's `script-src 'self'` does not apply to it; what matters is that
// no text inside can end the element: `<`, `>`, `&` and the JavaScript line separators are written
// as \u escapes, which JSON.parse reads back unchanged.
import type { JsonLd as JsonLdObject } from '../../../services/structuredData.ts';

const UNSAFE = /[<>&\u2028\u2029]/g;

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function JsonLd(props: { data: readonly JsonLdObject[] | undefined }) {
  if (!props.data || props.data.length === 0) return null;
  return (
    <>
      {props.data.map((d) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(d) }} />
      ))}
    </>
  );
}
