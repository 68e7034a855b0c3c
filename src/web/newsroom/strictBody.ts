// Strict request bodies for the newsroom: a field the schema does not name is refused (400, naming
// it), never dropped. Fastify's ajv runs with `removeAdditional: true`, which silently deletes the
// properties an `additionalProperties: false` object does not list — a PUT with only a misspelt
// field then saved an empty revision. The public API keeps that behaviour for its query strings.
//
// How: every object schema with `properties` (and no `additionalProperties` of its own, or `false`)
// also gets `propertyNames: {enum: [its properties]}`. ajv checks `propertyNames` before
// `additionalProperties`, so the unknown name fails validation before anything could remove it.
// The route's schema is copied, never changed in place (TypeBox schemas are shared constants).
import type { FastifySchemaValidationError } from 'fastify';

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of the schema in which every closed object refuses unknown property names. */
export function strictObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictObjects);
  if (!isSchema(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'const' || key === 'enum' || key === 'default' || key === 'examples') out[key] = value;
    else if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') {
      out[key] = isSchema(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictObjects(v)])) : value;
    } else out[key] = strictObjects(value);
  }
  const props = out['properties'];
  const closed = out['additionalProperties'] === undefined || out['additionalProperties'] === false;
  if (isSchema(props) && closed && out['patternProperties'] === undefined && out['propertyNames'] === undefined) {
    const names = Object.keys(props);
    out['additionalProperties'] = false;
    out['propertyNames'] = names.length > 0 ? { enum: names } : { not: {} };
  }
  return out;
}

/**
 * Fastify's message (`body/title must be string`), except for an unknown field, which is named:
 * `body: unknown field "colour"` (`body/texts/en: unknown field …` inside nested objects).
 */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const parts: string[] = [];
  for (const e of errors) {
    // ajv marks the errors of a `propertyNames` check with the name it was checking.
    const name = (e as { propertyName?: unknown }).propertyName ?? (e.params as { propertyName?: unknown }).propertyName;
    if (typeof name === 'string') {
      const text = `${dataVar}${e.instancePath || ''}: unknown field "${name}"`;
      if (!parts.includes(text)) parts.push(text);
    } else {
      parts.push(`${dataVar}${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
    }
  }
  return new Error(parts.length > 0 ? parts.join(', ') : `${dataVar} is invalid`);
}
