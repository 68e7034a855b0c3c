// The photo library: upload, list, search and filters, one photo, captions/credits/focal point,
// rotation, a new file, deletion; an article's own caption and credit of its lead photo.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Id, NoContent, Nullable, PersonRef, WrittenEdition } from './common.ts';
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
    desk: Nullable(Type.String({ description: 'The desk it was uploaded for (null for demo photos and older uploads)' })),
    texts: Type.Record(Type.String(), Type.Object({ caption: Type.String(), credit: Type.String() })),
    urls: Type.Object({ webp: Urls, avif: Urls, original: Type.String() }),
  },
  { title: 'Asset' },
);
export type Asset = Static<typeof Asset>;
export const AssetList = Type.Object(
  {
    items: Type.Array(Asset),
    total: Type.Integer(),
    uploaders: Type.Array(PersonRef, { description: 'Everyone who uploaded a photo, for the uploader filter' }),
  },
  { title: 'AssetList' },
);
export type AssetList = Static<typeof AssetList>;

export const MediaQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    desk: Type.Optional(WrittenEdition),
    uploader: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Uploaded on or after this day (UTC)' })),
    to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Uploaded on or before this day (UTC)' })),
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

export const Rotate = Type.Object(
  { degrees: Type.Union([Type.Literal(90), Type.Literal(180), Type.Literal(270)], { description: 'Clockwise' }) },
  { ...Closed, title: 'Rotate' },
);
export type Rotate = Static<typeof Rotate>;

export const ArticlePhotoTexts = Type.Object(
  {
    assetId: Nullable(Type.Integer({ description: "The article's lead photo" })),
    override: Nullable(
      Type.Object({ caption: Type.String(), credit: Type.String() }, { description: "null: the library's texts are shown" }),
    ),
  },
  { title: 'ArticlePhotoTexts' },
);
export type ArticlePhotoTexts = Static<typeof ArticlePhotoTexts>;
export const ArticlePhotoTextsPatch = Type.Object(
  { caption: Type.String({ maxLength: 1000 }), credit: Type.String({ maxLength: 300 }) },
  { ...Closed, title: 'ArticlePhotoTextsPatch' },
);

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
  list: route(
    'GET',
    '/media',
    'The photo library, newest first; q searches captions and credits in every edition; desk, uploader and a range of upload days (from, to) filter it',
    {
      querystring: MediaQuery,
      response: { 200: AssetList },
    },
  ),
  get: route('GET', '/media/:id', 'One photo', { params: Id, response: { 200: Asset } }),
  update: route(
    'PATCH',
    '/media/:id',
    'Captions and credits per edition; the focal point (crops follow). The desks of the articles that show the photo decide who may; the pages of those articles change at once',
    { params: Id, body: AssetPatch, response: { 200: Asset } },
  ),
  rotate: route(
    'POST',
    '/media/:id/rotate',
    'Turn the photo clockwise: every size and crop is made again from the kept original under new URLs; same id, texts and articles, whose pages change at once',
    { params: Id, body: Rotate, response: { 200: Asset } },
  ),
  replace: {
    ...route(
      'PUT',
      '/media/:id/file',
      'A new file for the photo (multipart/form-data: file; checked as an upload): same id, captions, credits and articles, whose pages change at once; the focal point goes back to the middle',
      { params: Id, response: { 200: Asset } },
    ),
    consumes: ['multipart/form-data'],
  },
  articleTexts: route('GET', '/articles/:id/photo-texts', "The article's own caption and credit of its lead photo", {
    params: Id,
    response: { 200: ArticlePhotoTexts },
  }),
  setArticleTexts: route(
    'PUT',
    '/articles/:id/photo-texts',
    "Set the article's own caption and credit of its lead photo, shown instead of the library's on its pages, feeds, JSON-LD and API (both empty: the library's again)",
    { params: Id, body: ArticlePhotoTextsPatch, response: { 200: ArticlePhotoTexts } },
  ),
  remove: route(
    'DELETE',
    '/media/:id',
    'Delete a photo and its files; 409 MEDIA_IN_USE while an article or an author uses it (details name the articles)',
    {
      params: Id,
      response: { 204: NoContent },
    },
  ),
} as const;
