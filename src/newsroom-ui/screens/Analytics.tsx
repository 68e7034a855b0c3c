// Editors' analytics (issue 13): views per hour (48 hours) and per Almaty day (30 days) for each
// reading edition as line charts (uPlot), the top articles of today and of the week with their
// trend, and the shares by edition and by section. `ArticleViewsPanel` is an article's own chart,
// shown beside the editor. Times on the axes are in the agency's zone the API names (Asia/Almaty).
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AnalyticsOverview, ArticleViews, Share, TopArticle } from '../../contracts/newsroom/analytics.ts';
import { EDITIONS, type EditionCode } from '../../editions/editions.ts';
import { get } from '../editor/net.ts';
import { MONTHS } from '../editor/format.ts';
import type { User } from '../editor/types.ts';
import { count, fill, shellStrings, type ShellStrings } from '../strings.ts';

const COLORS = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#374151'];

const locale = (uiLang: string) => (uiLang === 'kz' ? 'kk' : uiLang);
const editionLabel = (code: string) => EDITIONS[code as EditionCode]?.label ?? code;

interface Series {
  points: number[];
  series: Record<string, number[]>;
}

/** A line chart of views per edition; `unit` says whether the points are hours or days. */
function ViewsChart(props: {
  data: Series;
  unit: 'hour' | 'day';
  timeZone: string;
  uiLang: string;
  label: string;
  testId: string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { data, unit, timeZone, uiLang } = props;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const editions = Object.keys(data.series);
    // Numbers from Intl in the agency's zone, month names ours (Chromium's ICU has no Kazakh ones).
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const months = MONTHS[uiLang] ?? MONTHS['en']!;
    const at = (ts: number) => Object.fromEntries(parts.formatToParts(new Date(ts * 1000)).map((x) => [x.type, x.value]));
    const dayName = (p: Record<string, string>, short: boolean) => {
      const month = months[Number(p['month']) - 1] ?? '';
      return `${Number(p['day'])} ${short ? month.slice(0, 3) : month}`;
    };
    const tick = {
      format: (d: Date) => (unit === 'hour' ? `${at(d.getTime() / 1000)['hour']}:00` : dayName(at(d.getTime() / 1000), true)),
    };
    const full = {
      format: (d: Date) => {
        const p = at(d.getTime() / 1000);
        return unit === 'hour' ? `${dayName(p, false)}, ${p['hour']}:00` : dayName(p, false);
      },
    };
    const numbers = new Intl.NumberFormat(locale(uiLang));
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth || 640),
        height: props.height ?? 240,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
        scales: { y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.1))] } },
        series: [
          { label: shellStrings(uiLang).when, value: (_u, v) => (v == null ? '—' : full.format(new Date(v * 1000))) },
          ...editions.map((e, i) => ({
            label: editionLabel(e),
            stroke: COLORS[i % COLORS.length]!,
            width: 2,
            points: { show: unit === 'day' },
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : numbers.format(v)),
          })),
        ],
        axes: [
          { values: (_u, splits) => splits.map((ts) => tick.format(new Date(ts * 1000))) },
          { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? numbers.format(v) : '')) },
        ],
      },
      [data.points, ...editions.map((e) => data.series[e]!)],
      el,
    );
    const resize = () => plot.setSize({ width: Math.max(280, el.clientWidth || 640), height: props.height ?? 240 });
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      plot.destroy();
    };
  }, [data, unit, timeZone, uiLang]);
  return (
    <figure class="nr-chart" data-testid={props.testId} data-editions={Object.keys(data.series).join(' ')}>
      <figcaption>{props.label}</figcaption>
      <div ref={box} role="img" aria-label={props.label} />
    </figure>
  );
}

function Trend(props: { s: ShellStrings; item: TopArticle; uiLang: string }) {
  const { s, item } = props;
  if (item.change === null) return <span class="nr-trend nr-trend-new">{s.trendNew}</span>;
  const pct = new Intl.NumberFormat(locale(props.uiLang), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
    item.change,
  );
  const dir = item.change > 0 ? 'up' : item.change < 0 ? 'down' : 'same';
  return (
    <span class={`nr-trend nr-trend-${dir}`} title={fill(s.trendBefore, { n: item.previous })}>
      {dir === 'up' ? '▲ ' : dir === 'down' ? '▼ ' : ''}
      {pct}
    </span>
  );
}

function TopList(props: { s: ShellStrings; items: TopArticle[]; uiLang: string; testId: string; navigate(p: string): void }) {
  const { s } = props;
  if (props.items.length === 0) return <p class="nr-quiet">{s.noViews}</p>;
  return (
    <ol class="nr-top" data-testid={props.testId}>
      {props.items.map((a) => (
        <li key={a.id}>
          <a
            href={`/newsroom/articles/${a.id}`}
            onClick={(e) => {
              e.preventDefault();
              props.navigate(`/newsroom/articles/${a.id}`);
            }}
          >
            <bdi>{a.headline || s.untitled}</bdi>
          </a>{' '}
          <span class="nr-views">{count(s, s.views, a.views)}</span> <Trend s={s} item={a} uiLang={props.uiLang} />
        </li>
      ))}
    </ol>
  );
}

function ShareTable(props: { s: ShellStrings; title: string; items: Share[]; uiLang: string; testId: string }) {
  const { s } = props;
  const pct = new Intl.NumberFormat(locale(props.uiLang), { style: 'percent', maximumFractionDigits: 1 });
  const numbers = new Intl.NumberFormat(locale(props.uiLang));
  return (
    <section class="nr-card">
      <h2>{props.title}</h2>
      {props.items.length === 0 ? (
        <p class="nr-quiet">{s.noViews}</p>
      ) : (
        <table class="nr-table nr-share" data-testid={props.testId}>
          <tbody>
            {props.items.map((i) => (
              <tr key={i.key}>
                <th scope="row">
                  <bdi>{i.name}</bdi>
                </th>
                <td class="nr-num">{numbers.format(i.views)}</td>
                <td class="nr-num">{pct.format(i.share)}</td>
                <td class="nr-bar-cell" aria-hidden="true">
                  <span class="nr-bar" style={{ inlineSize: `${Math.round(i.share * 100)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AnalyticsScreen(props: { s: ShellStrings; user: User; navigate(p: string): void }) {
  const { s, user } = props;
  const [data, setData] = useState<AnalyticsOverview | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<AnalyticsOverview>('/analytics').then(setData, (e: Error) => setError(e.message));
  }, [user.uiLang]);
  return (
    <div class="nr-analytics" data-testid="analytics">
      <h1>{s.analytics}</h1>
      {error && (
        <p class="nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      {!data && !error && <p class="nr-loading">{s.loading}</p>}
      {data && (
        <>
          <p class="nr-quiet">{fill(s.analyticsTimeZone, { zone: data.timeZone })}</p>
          <section class="nr-card">
            <ViewsChart
              data={data.hourly}
              unit="hour"
              timeZone={data.timeZone}
              uiLang={user.uiLang}
              label={s.viewsPerHour}
              testId="chart-hourly"
            />
            <ViewsChart
              data={data.daily}
              unit="day"
              timeZone={data.timeZone}
              uiLang={user.uiLang}
              label={s.viewsPerDay}
              testId="chart-daily"
            />
          </section>
          <section class="nr-card">
            <h2>{s.topArticles}</h2>
            {data.top.length === 0 && <p class="nr-quiet">{s.noViews}</p>}
            <div class="nr-top-grid">
              {data.top.map((t) => (
                <section key={t.edition} data-testid={`top-${t.edition}`}>
                  <h3>{editionLabel(t.edition)}</h3>
                  <h4>{s.topToday}</h4>
                  <TopList s={s} items={t.today} uiLang={user.uiLang} testId={`top-today-${t.edition}`} navigate={props.navigate} />
                  <h4>{s.topWeek}</h4>
                  <TopList s={s} items={t.week} uiLang={user.uiLang} testId={`top-week-${t.edition}`} navigate={props.navigate} />
                </section>
              ))}
            </div>
          </section>
          <div class="nr-share-grid">
            <ShareTable s={s} title={s.shareByEdition} items={data.byEdition} uiLang={user.uiLang} testId="share-edition" />
            <ShareTable s={s} title={s.shareBySection} items={data.bySection} uiLang={user.uiLang} testId="share-section" />
          </div>
        </>
      )}
    </div>
  );
}

/** An article's own views beside the editor: 30 days per day and 48 hours per hour, per edition. */
export function ArticleViewsPanel(props: { id: number; user: User }) {
  const s = shellStrings(props.user.uiLang);
  const [data, setData] = useState<ArticleViews | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<ArticleViews>(`/articles/${props.id}/views`).then(setData, (e: Error) => setError(e.message));
  }, [props.id]);
  if (error) return null;
  return (
    <section class="nr-article-views" data-testid="article-views" aria-label={s.articleViews}>
      <h2>{s.articleViews}</h2>
      {data && (
        <>
          <p data-testid="article-views-total">{fill(s.viewsIn30Days, { views: count(s, s.views, data.total) })}</p>
          <ViewsChart
            data={data.daily}
            unit="day"
            timeZone={data.timeZone}
            uiLang={props.user.uiLang}
            label={s.viewsPerDay}
            testId="article-chart-daily"
            height={160}
          />
          <ViewsChart
            data={data.hourly}
            unit="hour"
            timeZone={data.timeZone}
            uiLang={props.user.uiLang}
            label={s.viewsPerHour}
            testId="article-chart-hourly"
            height={160}
          />
        </>
      )}
    </section>
  );
}
