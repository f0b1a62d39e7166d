import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n.tsx';
import { type NonRespondent, type Wave, wavesApi } from '../api.ts';
import { RemindersPanel } from './reminders-panel.tsx';

const wave = { id: 'w1', period: '2026-T1', status: 'open', level: 'participant' } as Wave;
const person = (id: string, code: string, extra: Partial<NonRespondent> = {}): NonRespondent => ({
  id,
  code,
  linkActive: true,
  tokenIssuedAt: '2026-11-02T10:00:00.000Z',
  draftSavedAt: null,
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('reminders panel', () => {
  it('ticks everyone, says links are reissued, sends the chosen ids and unticks them after', async () => {
    Element.prototype.scrollIntoView ??= () => {};
    vi.spyOn(wavesApi, 'nonRespondents').mockResolvedValue([
      person('a', 'P002'),
      person('b', 'P003', { linkActive: false }),
      person('c', 'P004', { draftSavedAt: '2026-11-20T10:00:00.000Z' }),
    ]);
    const relaunch = vi
      .spyOn(wavesApi, 'relaunchSheet')
      .mockResolvedValue({ blob: new Blob(['%PDF-']), filename: 'relance-2026-T1.pdf' });
    URL.createObjectURL = vi.fn(() => 'blob:sheet');
    URL.revokeObjectURL = vi.fn();
    render(
      <I18nProvider initial="fr">
        <RemindersPanel wave={wave} onClose={() => {}} />
      </I18nProvider>,
    );
    await screen.findByText('P002');
    screen.getByText(
      'Les liens sont conservés chiffrés : imprimer la feuille de relance crée de nouveaux liens et désactive les anciens.',
    );
    screen.getByText('lien révoqué');
    screen.getByText(/commencé le/);
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /P002/ }) as HTMLInputElement).checked).toBe(true),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /P003/ }));
    screen.getByText('2 sélectionnée(s) sur 3');
    fireEvent.click(
      screen.getByRole('button', { name: 'Créer 2 nouveau(x) lien(s) et télécharger la feuille' }),
    );
    await waitFor(() => expect(relaunch).toHaveBeenCalledWith('w1', { participantIds: ['a', 'c'] }, 'fr'));
    await screen.findByText(/2 nouveau\(x\) lien\(s\) créé\(s\)/);
    await waitFor(() =>
      expect((screen.getByRole('checkbox', { name: /P003/ }) as HTMLInputElement).checked).toBe(true),
    );
    expect((screen.getByRole('checkbox', { name: /P002/ }) as HTMLInputElement).checked).toBe(false);
  });

  it('says when everyone answered', async () => {
    Element.prototype.scrollIntoView ??= () => {};
    vi.spyOn(wavesApi, 'nonRespondents').mockResolvedValue([]);
    render(
      <I18nProvider initial="en">
        <RemindersPanel wave={wave} onClose={() => {}} />
      </I18nProvider>,
    );
    await screen.findByText('Everyone has answered this wave: nobody to remind.');
    screen.getByText(
      'Links are stored encrypted: printing the reminder sheet creates new links and disables the old ones.',
    );
  });
});
