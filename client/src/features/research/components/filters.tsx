// The research filters (territory type, target public, region, stage), kept in the URL query.
import { useSearchParams } from 'react-router';
import { useI18n, useT } from '../../../i18n/i18n.tsx';
import { research } from '../messages.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/field.tsx';
import {
  FILTER_KEYS,
  type FilterKey,
  filtersFromSearch,
  profileLabel,
  REGION_CODES,
  type ResearchFilters,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
  withFilter,
} from '../profile.ts';

/** The filters of the current URL and a setter that rewrites the query (history entry kept). */
export function useResearchFilters(): [ResearchFilters, (key: FilterKey, value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const set = (key: FilterKey, value: string) => setParams((p) => withFilter(p, key, value));
  const reset = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const k of FILTER_KEYS) next.delete(k);
      return next;
    });
  return [filters, set, reset];
}

const OPTIONS: Record<FilterKey, readonly string[]> = {
  territoryType: TERRITORY_TYPES,
  targetPublic: TARGET_PUBLICS,
  region: REGION_CODES,
  stage: STAGES,
};

export function ResearchFiltersForm() {
  const t = useT(research);
  const { lang } = useI18n();
  const [filters, set, reset] = useResearchFilters();
  const active = FILTER_KEYS.some((k) => filters[k]);
  return (
    <section className="r-filters" aria-labelledby="r-filters-title">
      <h2 id="r-filters-title" className="r-filters__title">
        {t('filters.title')}
      </h2>
      <div className="r-filters__grid">
        {FILTER_KEYS.map((k) => (
          <SelectField
            key={k}
            label={t(`filters.${k}`)}
            value={filters[k] ?? ''}
            onChange={(e) => set(k, e.target.value)}
          >
            <option value="">{k === 'region' ? t('filters.allRegions') : t('filters.all')}</option>
            {OPTIONS[k].map((v) => (
              <option key={v} value={v}>
                {k === 'region' ? `${profileLabel('region', v, lang)} (${v})` : profileLabel(k, v, lang)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <p className="r-filters__foot muted small">
        <span>{t('filters.hint')}</span>
        {active && (
          <Button variant="ghost" small onClick={reset}>
            {t('filters.reset')}
          </Button>
        )}
      </p>
    </section>
  );
}
