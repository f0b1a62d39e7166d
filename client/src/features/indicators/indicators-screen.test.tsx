import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { objectivesApi } from '../objectives/api.ts';
import { indicatorsApi, type ReferenceSheet } from './api.ts';
import IndicatorsScreen from './indicators-screen.tsx';
import { checkValue } from './logic.ts';
import { rowsFrom, rowsToInput } from '../objectives/rows.ts';

vi.mock('../auth/session.tsx', () => ({
  useSession: () => ({
    caisses: [{ id: 'c1', name: 'Caisse', role: 'coordinator' }],
    caisse: { id: 'c1', name: 'Caisse', role: 'coordinator' },
    hasRole: () => false,
    canCoordinate: (id: string) => id === 'c1',
  }),
}));

const l = (fr: string) => ({ fr, en: fr });
const sheet = (
  id: string,
  objectives: ReferenceSheet['objectives'],
  kind: ReferenceSheet['kind'] = 'proportion',
): ReferenceSheet => ({
  id,
  version: 1,
  label: l(`Indicateur ${id}`),
  description: l('Description'),
  dimension: 'access',
  objectives,
  level: 'participant',
  module: 'm',
  questions: ['q1'],
  unit: l('% des participants'),
  direction: 'higher_is_better',
  kind,
  missingRule: l('règle'),
  disaggregations: [],
  method: l('méthode'),
  source: 'source',
  range: { min: 0, max: 1 },
  format: { style: 'percent', decimals: 0 },
});
const objective = (code: string, label: string) => ({
  id: code,
  code,
  standard: false,
  label,
  labelEn: null,
  dimensions: ['access' as const],
  description: null,
  priority: null,
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('indicators screen', () => {
  it('shows the objectives without indicator (○) at once, and saves targets as fractions', async () => {
    vi.spyOn(indicatorsApi, 'library').mockResolvedValue([
      sheet('a1', ['governance']),
      sheet('a2', ['advocacy']),
    ]);
    vi.spyOn(objectivesApi, 'list').mockResolvedValue([
      objective('governance', 'Gouvernance partagée'),
      objective('advocacy', 'Plaidoyer'),
    ]);
    vi.spyOn(indicatorsApi, 'selection').mockResolvedValue([
      { indicatorId: 'a1', objectives: ['governance'], baseline: 0.2, target: 0.35, periodicity: 'annual' },
    ]);
    const save = vi.spyOn(indicatorsApi, 'saveSelection').mockImplementation(async (_c, s) => s);
    render(
      <I18nProvider initial="fr">
        <MemoryRouter initialEntries={['/caisses/c1/indicateurs']}>
          <Routes>
            <Route path="/caisses/:caisseId/indicateurs" element={<IndicatorsScreen />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    const warning = await screen.findByTestId('objectives-without-indicator');
    expect(within(warning).getByText('Plaidoyer')).toBeTruthy();
    expect(within(warning).queryByText('Gouvernance partagée')).toBeNull();
    // The stored fraction shows as a percentage.
    const first = screen.getByTestId('sheet-a1');
    expect((within(first).getByLabelText(/Cible/) as HTMLInputElement).value).toBe('35');

    // Selecting the second indicator pre-links it to its objective: the warning goes.
    fireEvent.click(within(screen.getByTestId('sheet-a2')).getByRole('checkbox', { name: /Sélectionner/ }));
    await waitFor(() => expect(screen.queryByTestId('objectives-without-indicator')).toBeNull());
    fireEvent.change(within(screen.getByTestId('sheet-a2')).getByLabelText(/Cible/), {
      target: { value: '12,5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]![1]).toEqual([
      { indicatorId: 'a1', objectives: ['governance'], baseline: 0.2, target: 0.35, periodicity: 'annual' },
      {
        indicatorId: 'a2',
        objectives: ['advocacy'],
        baseline: null,
        target: 0.125,
        periodicity: 'each_wave',
      },
    ]);
  });

  it('refuses a percentage out of range', () => {
    expect(checkValue('120', true)).toEqual({ error: 'range' });
    expect(checkValue('x', true)).toEqual({ error: 'nan' });
    expect(checkValue('120', false)).toEqual({ value: 120 });
  });
});

describe('objectives rows', () => {
  it('pre-fills the default dimensions, keeps custom ones, and sends only the ticked', () => {
    const rows = rowsFrom([
      { ...objective('governance', 'Gouvernance partagée'), standard: true, dimensions: ['democracy'] },
      objective('jardins', 'Jardins partagés'),
    ]);
    const access = rows.find((r) => r.code === 'access')!;
    expect(access.selected).toBe(false);
    expect(access.dimensions).toEqual(['access', 'agroecology']);
    const body = rowsToInput(
      rows.map((r) => (r.code === 'access' ? { ...r, selected: true, priority: '1' } : r)),
    );
    expect(body).toEqual([
      { code: 'access', dimensions: ['access', 'agroecology'], priority: 1, description: null },
      { code: 'governance', dimensions: ['democracy'], priority: null, description: null },
      {
        code: 'jardins',
        label: 'Jardins partagés',
        dimensions: ['access'],
        priority: null,
        description: null,
      },
    ]);
  });
});
