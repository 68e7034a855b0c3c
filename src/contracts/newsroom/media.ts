// The photo library: upload, list and search, one photo, captions/credits/focal point, deletion.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Id, NoContent, Nullable } from './common.ts';
import { route } from './route.ts';

const Urls = Type.Record(Type.String(), Type.String());
export const Asset = Type.Object(
  {
    id: Type.Integer(),
    width: Type.Integer(),
    height: Type.Integer(),
    focalX: Type.Number(),
    focalY: Type.Number(),
    mime: Type.String(),
    bytes: Type.Integer(),
    originalName: Type.String(),
    createdAt: Type.String(),
    uploadedBy: Nullable(Type.Integer({ description: 'The user who uploaded it (null for demo photos)' })),
    texts: Type.Record(Type.String(), Type.Object({ caption: Type.String(), credit: Type.String() })),
    urls: Type.Object({ webp: Urls, avif: Urls, original: Type.String() }),
  },
  { title: 'Asset' },
);
export type Asset = Static<typeof Asset>;
export const AssetList = Type.Object({ items: Type.Array(Asset), total: Type.Integer() }, { title: 'AssetList' });
export type AssetList = Static<typeof AssetList>;

export const MediaQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { ...Closed, title: 'MediaQuery' },
);
export const AssetPatch = Type.Object(
  {
    texts: Type.Optional(
      Type.Record(Type.String(), Type.Object({ caption: Type.String({ maxLength: 1000 }), credit: Type.String({ maxLength: 300 }) })),
    ),
    focalX: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    focalY: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { ...Closed, title: 'AssetPatch' },
);
export type AssetPatch = Static<typeof AssetPatch>;

export const mediaRoutes = {
  upload: {
    ...route(
      'POST',
      '/media',
      'Upload a photo (multipart/form-data: edition, caption, credit, then file): JPEG, PNG or WebP by content, ≤ 25 MB, ≤ 50 megapixels',
      { response: { 201: Asset } },
    ),
    consumes: ['multipart/form-data'],
  },
  list: route('GET', '/media', 'The photo library, newest first; q searches captions and credits in every edition', {
    querystring: MediaQuery,
    response: { 200: AssetList },
  }),
  get: route('GET', '/media/:id', 'One photo', { params: Id, response: { 200: Asset } }),
  update: route(
    'PATCH',
    '/media/:id',
    'Captions and credits per edition; the focal point (crops follow). The desks of the articles that show the photo decide who may; the pages of those articles change at once',
    { params: Id, body: AssetPatch, response: { 200: Asset } },
  ),
  remove: route('DELETE', '/media/:id', 'Delete a photo and its files; 409 MEDIA_IN_USE while an article or an author uses it', {
    params: Id,
    response: { 204: NoContent },
  }),
} as const;
