// The photo library's routes: multipart upload (25 MB at most, never buffered beyond that), list,
// search and filters, one photo, captions/credits/focal point, rotation, a new file for a photo,
// deletion of a photo nothing uses; an article's own caption and credit of its lead photo. The schemas
// are the contract's (src/contracts/newsroom/media.ts); MediaLibrary authorizes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { mediaRoutes as api } from '../../contracts/newsroom/media.ts';
import { MAX_UPLOAD_BYTES, type UploadInput } from '../../services/newsroom/media.ts';
import { HttpError } from '../plugins/errors.ts';
import { hasControlCharacters } from '../../content/text.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

/** The upload's file and its text fields (edition, caption, credit), checked as JSON bodies are. */
async function readUpload(request: FastifyRequest): Promise<UploadInput> {
  if (!request.isMultipart()) throw new HttpError(400, 'VALIDATION', 'Send the photo as multipart/form-data with a "file" field');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw new HttpError(400, 'VALIDATION', 'file: missing');
  if (hasControlCharacters(part.filename))
    throw new HttpError(400, 'VALIDATION', 'file: control characters in the file name are not allowed');
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
    if (value !== undefined && hasControlCharacters(value))
      throw new HttpError(400, 'VALIDATION', `body/${name}: control characters are not allowed`);
    return value;
  };
  const [edition, caption, credit] = [field('edition'), field('caption'), field('credit')];
  return {
    data,
    filename: part.filename,
    ...(edition !== undefined ? { edition } : {}),
    ...(caption !== undefined ? { caption } : {}),
    ...(credit !== undefined ? { credit } : {}),
  };
}

export async function mediaRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const library = services.media;
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 4000, parts: 6 } });
  const config = { access: 'session' } as const;

  app.post(
    api.upload.url,
    {
      config,
      bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024,
      schema: { ...api.upload.schema, consumes: [...api.upload.consumes] },
    },
    async (request, reply) => {
      const user = currentUser(request);
      return reply.code(201).send(await library.upload(user, await readUpload(request)));
    },
  );

  app.get(api.list.url, { config, schema: api.list.schema }, async (request) =>
    library.list({
      ...(request.query.q ? { q: request.query.q } : {}),
      ...(request.query.desk ? { desk: request.query.desk } : {}),
      ...(request.query.uploader !== undefined ? { uploader: request.query.uploader } : {}),
      ...(request.query.from ? { from: request.query.from } : {}),
      ...(request.query.to ? { to: request.query.to } : {}),
      limit: request.query.limit ?? 40,
      offset: request.query.offset ?? 0,
    }),
  );

  app.get(api.get.url, { config, schema: api.get.schema }, async (request) => library.get(request.params.id));

  app.patch(api.update.url, { config, schema: api.update.schema }, async (request) =>
    library.update(currentUser(request), request.params.id, request.body),
  );

  app.post(api.rotate.url, { config, schema: api.rotate.schema }, async (request) =>
    library.rotate(currentUser(request), request.params.id, request.body.degrees),
  );

  app.put(
    api.replace.url,
    { config, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024, schema: { ...api.replace.schema, consumes: [...api.replace.consumes] } },
    async (request) => library.replace(currentUser(request), request.params.id, await readUpload(request)),
  );

  app.get(api.articleTexts.url, { config, schema: api.articleTexts.schema }, async (request) =>
    library.articlePhotoTexts(currentUser(request), request.params.id),
  );

  app.put(api.setArticleTexts.url, { config, schema: api.setArticleTexts.schema }, async (request) =>
    library.setArticlePhotoTexts(currentUser(request), request.params.id, request.body),
  );

  app.delete(api.remove.url, { config, schema: api.remove.schema }, async (request, reply) => {
    await library.remove(currentUser(request), request.params.id);
    return reply.code(204).send(null);
  });
}
