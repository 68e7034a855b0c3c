// The photo library's routes: multipart upload (25 MB at most, never buffered beyond that), list
// and search, one photo, captions/credits/focal point, deletion of a photo nothing uses.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import { MAX_UPLOAD_BYTES, MediaLibrary } from '../../services/newsroom/media.ts';
import { HttpError } from '../plugins/errors.ts';
import { hasControlCharacters } from '../../content/text.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
}, { additionalProperties: false });
const Patch = Type.Object({
  texts: Type.Optional(Type.Record(Type.String(), Type.Object({ caption: Type.String({ maxLength: 1000 }), credit: Type.String({ maxLength: 300 }) }))),
  focalX: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  focalY: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
}, { additionalProperties: false });

export async function mediaRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { services } = opts;
  const library = new MediaLibrary({
    db: services.handle.db, mediaDir: path.join(services.config.dataDir, 'media'), clock: services.clock, invalidate: (tags) => services.invalidate(tags),
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 4000, parts: 6 } });
  const config = { access: 'session' } as const;

  app.post('/media', {
    config, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
    schema: { summary: 'Upload a photo (multipart/form-data: edition, caption, credit, then file): JPEG, PNG or WebP by content, ≤ 25 MB, ≤ 50 megapixels', consumes: ['multipart/form-data'] },
  }, async (request, reply) => {
    const user = currentUser(request);
    if (!request.isMultipart()) throw new HttpError(400, 'VALIDATION', 'Send the photo as multipart/form-data with a "file" field');
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new HttpError(400, 'VALIDATION', 'file: missing');
    if (hasControlCharacters(part.filename)) throw new HttpError(400, 'VALIDATION', 'file: control characters in the file name are not allowed');
    let data: Buffer;
    try {
      data = await part.toBuffer();
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'TOO_LARGE', 'The file is larger than 25 MB');
      throw e;
    }
    const field = (name: string) => {
      const f = part.fields[name];
      const one = Array.isArray(f) ? f[0] : f;
      const value = one && one.type === 'field' ? String(one.value) : undefined;
      // The multipart fields are read here, after the API's check of JSON bodies: the same rule.
      if (value !== undefined && hasControlCharacters(value)) throw new HttpError(400, 'VALIDATION', `body/${name}: control characters are not allowed`);
      return value;
    };
    const asset = await library.upload(user, {
      data, filename: part.filename,
      ...(field('edition') !== undefined ? { edition: field('edition')! } : {}),
      ...(field('caption') !== undefined ? { caption: field('caption')! } : {}),
      ...(field('credit') !== undefined ? { credit: field('credit')! } : {}),
    });
    return reply.code(201).send(asset);
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/media', {
    config, schema: { summary: 'The photo library, newest first; q searches captions and credits in every edition', querystring: ListQuery },
  }, async (request) => library.list({ ...(request.query.q ? { q: request.query.q } : {}), limit: request.query.limit ?? 40, offset: request.query.offset ?? 0 }));

  app.get<{ Params: Static<typeof Id> }>('/media/:id', {
    config, schema: { summary: 'One photo', params: Id },
  }, async (request) => library.get(request.params.id));

  app.patch<{ Params: Static<typeof Id>; Body: Static<typeof Patch> }>('/media/:id', {
    config, schema: { summary: 'Captions and credits per edition; the focal point (crops follow). The desks of the articles that show the photo decide who may; the pages of those articles change at once', params: Id, body: Patch },
  }, async (request) => library.update(currentUser(request), request.params.id, request.body));

  app.delete<{ Params: Static<typeof Id> }>('/media/:id', {
    config, schema: { summary: 'Delete a photo and its files; 409 MEDIA_IN_USE while an article or an author uses it', params: Id },
  }, async (request, reply) => {
    await library.remove(currentUser(request), request.params.id);
    return reply.code(204).send();
  });
}
