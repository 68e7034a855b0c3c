// The API reference page, generated from the OpenAPI document: every path, its parameters and
// its responses. Server-rendered, no script (the CSP allows none inline, and none is needed).

export interface OpenApiSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly default?: unknown;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly items?: OpenApiSchema;
  readonly anyOf?: readonly OpenApiSchema[];
  readonly required?: readonly string[];
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly OpenApiParameter[];
  readonly responses?: Readonly<
    Record<string, { readonly description?: string; readonly content?: Readonly<Record<string, { readonly schema?: OpenApiSchema }>> }>
  >;
}

export interface OpenApiDoc {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers?: readonly { readonly url: string }[];
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}

/** A schema in a few words: "integer, 1 to 100, default 20". */
export function describeSchema(s: OpenApiSchema | undefined): string {
  if (!s) return '';
  if (s.anyOf) return s.anyOf.map(describeSchema).join(' or ');
  const parts: string[] = [];
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type as string | undefined);
  if (s.enum) parts.push(`one of ${s.enum.map((v) => String(v)).join(', ')}`);
  else if (type)
    parts.push(s.format ? `${type} (${s.format})` : type === 'array' && s.items ? `array of ${describeSchema(s.items)}` : type);
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum} to ${s.maximum}`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  if (s.default !== undefined) parts.push(`default ${String(s.default)}`);
  return parts.join(', ');
}

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

function slugOf(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '');
}

function Operation(props: { method: string; path: string; op: OpenApiOperation }) {
  const { method, path, op } = props;
  const params = op.parameters ?? [];
  const responses = Object.entries(op.responses ?? {});
  return (
    <section class="operation" id={slugOf(method, path)}>
      <h3>
        <code class="method">{method.toUpperCase()}</code> <code class="path">{path}</code>
      </h3>
      {op.summary ? <p class="summary">{op.summary}</p> : null}
      {op.description ? <p>{op.description}</p> : null}
      <h4>Parameters</h4>
      {params.length === 0 ? (
        <p class="none">None.</p>
      ) : (
        <table class="params">
          <thead>
            <tr>
              <th scope="col">name</th>
              <th scope="col">in</th>
              <th scope="col">required</th>
              <th scope="col">type</th>
              <th scope="col">description</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr class="param">
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>{describeSchema(p.schema)}</td>
                <td>{p.description ?? p.schema?.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Responses</h4>
      <table class="responses">
        <thead>
          <tr>
            <th scope="col">status</th>
            <th scope="col">description</th>
            <th scope="col">body</th>
          </tr>
        </thead>
        <tbody>
          {responses.map(([status, r]) => {
            const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
            const fields = Object.keys(media?.schema?.properties ?? {});
            return (
              <tr class="response">
                <td>
                  <code>{status}</code>
                </td>
                <td>{r.description ?? ''}</td>
                <td>
                  {type ? (
                    <>
                      {type}
                      {fields.length > 0 ? (
                        <>
                          : <code>{`{${fields.join(', ')}}`}</code>
                        </>
                      ) : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function DocsView(props: { doc: OpenApiDoc; cssHref: string; jsonHref: string }) {
  const { doc } = props;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m]! })),
  );
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.info.title} ${doc.info.version} — reference`}</title>
        <link rel="stylesheet" href={props.cssHref} />
        <link rel="alternate" type="application/json" href={props.jsonHref} title="OpenAPI document" />
      </head>
      <body>
        <main>
          <h1>
            {doc.info.title} <small>{doc.info.version}</small>
          </h1>
          {doc.info.description ? <p>{doc.info.description}</p> : null}
          <p class="generated">
            Generated from the OpenAPI {doc.openapi} document at <a href={props.jsonHref}>{props.jsonHref}</a>.
            {doc.servers?.[0] ? (
              <>
                {' '}
                Server: <code>{doc.servers[0].url}</code>.
              </>
            ) : null}
          </p>
          <nav aria-label="Paths">
            <ul>
              {operations.map((o) => (
                <li>
                  <a href={`#${slugOf(o.method, o.path)}`}>
                    <code>
                      {o.method.toUpperCase()} {o.path}
                    </code>
                  </a>
                  {o.op.summary ? ` — ${o.op.summary}` : ''}
                </li>
              ))}
            </ul>
          </nav>
          {operations.map((o) => (
            <Operation method={o.method} path={o.path} op={o.op} />
          ))}
        </main>
      </body>
    </html>
  );
}

export const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 4rem}
h1 small{font-size:.6em;color:#57606a}
code{font-family:ui-monospace,monospace;font-size:.92em}
.operation{border-block-start:1px solid #d0d7de;margin-block-start:2rem;padding-block-start:1rem}
.method{background:#0b5cad;color:#fff;padding:.1em .4em;border-radius:.25em}
table{border-collapse:collapse;width:100%;margin-block:.5rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:start;vertical-align:top}
th{background:#f6f8fa}
.generated,.none{color:#57606a}
`;
