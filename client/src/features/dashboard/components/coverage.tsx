// Under the gap matrix, for the selected wave: the evaluation dimensions set and covered, and the
// indicators analysed without a declared objective.
import { Badge, type BadgeTone } from '../../../ui/badge.tsx';
import type { Dimension, Gaps } from '../api.ts';
import type { DashboardT } from '../logic.ts';

const dimTone = (d: Gaps['dimensions'][number]): { tone: BadgeTone; key: string } => {
  if (d.covered && d.objectiveSet) return { tone: 'success', key: 'gaps.dim.covered' };
  if (d.objectiveSet) return { tone: 'warning', key: 'gaps.dim.setNotCovered' };
  if (d.covered) return { tone: 'info', key: 'gaps.dim.coveredNoObjective' };
  return { tone: 'neutral', key: 'gaps.dim.none' };
};

export function Coverage({
  gaps,
  t,
  indicatorLabel,
}: {
  gaps: Gaps;
  t: DashboardT;
  indicatorLabel: (id: string) => string;
}) {
  const tt = t as (k: string, v?: Record<string, string | number>) => string;
  return (
    <div className="dash-coverage">
      <div>
        <h3 className="dash-subtitle">{t('gaps.dimensions', { period: gaps.period ?? '' })}</h3>
        <ul className="dash-chips">
          {gaps.dimensions.map((d) => {
            const { tone, key } = dimTone(d);
            return (
              <li key={d.dimension}>
                <Badge tone={tone}>
                  {d.covered ? '✓ ' : ''}
                  {tt(`dim.${d.dimension satisfies Dimension}`)} · {tt(key)}
                </Badge>
              </li>
            );
          })}
        </ul>
      </div>
      <div>
        <h3 className="dash-subtitle">{t('gaps.withoutObjective')}</h3>
        {gaps.analysedWithoutObjective.length === 0 ? (
          <p className="muted small">{t('gaps.withoutObjectiveNone')}</p>
        ) : (
          <>
            <p className="muted small">{t('gaps.withoutObjectiveIntro')}</p>
            <ul className="dash-without" data-testid="analysed-without-objective">
              {gaps.analysedWithoutObjective.map((i) => (
                <li key={i.indicatorId}>
                  {indicatorLabel(i.indicatorId)}{' '}
                  <span className="muted small">
                    ({tt(`dim.${i.dimension}`)}, n = {i.n})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
