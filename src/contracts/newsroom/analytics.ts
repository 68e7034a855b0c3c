// Analytics: the view beacon's counts for editors (the desks' articles) and an article's own chart.
// Times are in the agency's time zone (`timeZone`, Asia/Almaty): a day is a local day; hours are
// given as Unix seconds so that a chart can place them.
import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';
import { route } from './route.ts';

const Series = Type.Record(Type.String(), Type.Array(Type.Integer()), {
  description: 'Views per reading edition (derived editions separately), one number per point',
});

export const HourlyViews = Type.Object(
  {
    points: Type.Array(Type.Integer(), { description: 'The start of each hour, Unix seconds (48 hours, the current one last)' }),
    series: Series,
  },
  { title: 'HourlyViews' },
);
export const DailyViews = Type.Object(
  {
    points: Type.Array(Type.Integer(), { description: 'The local midnight starting each day, Unix seconds (30 days, today last)' }),
    days: Type.Array(Type.String(), { description: 'Each local day as YYYY-MM-DD' }),
    series: Series,
  },
  { title: 'DailyViews' },
);

export const TopArticle = Type.Object(
  {
    id: Type.Integer(),
    headline: Type.String(),
    views: Type.Integer(),
    previous: Type.Integer({ description: 'Views in the previous period of the same length' }),
    change: Type.Union([Type.Number(), Type.Null()], { description: 'views / previous − 1; null when there were none before' }),
  },
  { title: 'TopArticle' },
);
export const TopLists = Type.Array(Type.Object({ edition: Type.String(), today: Type.Array(TopArticle), week: Type.Array(TopArticle) }), {
  description: 'Per reading edition: today (local midnight to now) and the last 7 local days',
});
export const Share = Type.Object(
  { key: Type.String(), name: Type.String(), views: Type.Integer(), share: Type.Number({ description: '0 to 1' }) },
  { title: 'Share' },
);

export const AnalyticsOverview = Type.Object(
  {
    timeZone: Type.String(),
    hourly: HourlyViews,
    daily: DailyViews,
    top: TopLists,
    byEdition: Type.Array(Share, { description: 'Share of the last 30 days’ views per reading edition' }),
    bySection: Type.Array(Share, { description: 'Share of the last 30 days’ views per section' }),
  },
  { title: 'AnalyticsOverview' },
);
export type AnalyticsOverview = Static<typeof AnalyticsOverview>;

export const ArticleViews = Type.Object(
  { timeZone: Type.String(), total: Type.Integer({ description: 'Views in the last 30 days' }), hourly: HourlyViews, daily: DailyViews },
  { title: 'ArticleViews' },
);
export type ArticleViews = Static<typeof ArticleViews>;
export type TopArticle = Static<typeof TopArticle>;
export type Share = Static<typeof Share>;

export const analyticsRoutes = {
  overview: route('GET', '/analytics', 'Views of the desks’ articles: per hour, per day, top lists with trend, shares (editors and up)', {
    response: { 200: AnalyticsOverview },
  }),
  articleViews: route('GET', '/articles/:id/views', "An article's views per hour (48 h) and per day (30 days)", {
    params: Id,
    response: { 200: ArticleViews },
  }),
} as const;
