// /caisses/:caisseId/saisie-papier — paper forms typed in by a coordinator: pick a participant wave,
// type the participant code, answer with the keyboard in the paper's numbering; with « Double saisie »
// the form is typed a second time, blank, and every difference is resolved before one row is stored
// through the batch route (collectionMode 'paper').
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Model } from 'survey-core';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonAnchor } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { paperEntryApi, paperPdfHref } from './api.ts';
import { compareEntries, type Difference, normalise, showAnswer } from './compare.ts';
import { EntryForm } from './entry-form.tsx';
import { paperEntry } from './messages.ts';
import { paperNumbers } from './numbering.ts';
import './paper-entry.css';

type Phase = 'setup' | 'first' | 'second' | 'compare' | 'saved';

/** A retyped value read like the answers around it: ticks as a list, numbers as numbers. */
function readRetyped(text: string, like: unknown): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (Array.isArray(like)) return t.split(/\s*[,;]\s*/).filter(Boolean);
  const n = normalise(t);
  if (typeof like === 'boolean') return /^(true|oui|yes|1)$/i.test(t);
  return typeof n === 'number' && (typeof like === 'number' || like === undefined) ? n : t;
}

export default function PaperEntryScreen() {
  const { caisseId = '' } = useParams();
  const t = useT(paperEntry);
  const { lang } = useI18n();
  const waves = useLoad((signal) => paperEntryApi.waves(caisseId, signal), [caisseId]);
  const open = (waves.data ?? []).filter((w) => w.level === 'participant' && w.acceptingResponses);
  const [waveId, setWaveId] = useState('');
  const wave = open.find((w) => w.id === waveId) ?? (open.length === 1 ? open[0] : undefined);
  const version = useLoad(
    (signal) => paperEntryApi.version(wave?.questionnaireVersionId ?? '', signal),
    [wave?.questionnaireVersionId],
    { enabled: wave !== undefined },
  );
  const [code, setCode] = useState('');
  const [double, setDouble] = useState(true);
  const [phase, setPhase] = useState<Phase>('setup');
  const [first, setFirst] = useState<Record<string, unknown>>({});
  const [diffs, setDiffs] = useState<Difference[]>([]);
  const [chosen, setChosen] = useState<
    Record<string, { value: unknown; how: 'first' | 'second' | 'retype' }>
  >({});
  const [retyped, setRetyped] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'danger' | 'success' | 'warning'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | undefined>();

  useEffect(() => {
    document.title = `${t('title')} · Récolte`;
  }, [t]);

  const definition = version.data?.definition;
  const numbers = useMemo(
    () => (definition ? paperNumbers(definition) : new Map<string, number>()),
    [definition],
  );
  // Question titles and display values in the comparison, read from a model of the same definition.
  const labels = useMemo(() => {
    if (!definition) return null;
    const m = new Model(definition);
    m.setPropertyValue('locale', lang);
    return {
      title: (name: string) =>
        m.getQuestionByName(name)?.locTitle.renderedHtml.replace(/<[^>]+>/g, '') ?? name,
      show: (name: string, value: unknown) => {
        const q = m.getQuestionByName(name);
        if (!q || value === undefined || value === null) return showAnswer(value);
        q.value = value;
        const shown = q.displayValue;
        q.clearValue();
        return typeof shown === 'string' || typeof shown === 'number' ? String(shown) : showAnswer(value);
      },
    };
  }, [definition, lang]);

  const start = () => {
    if (!code.trim()) {
      setCodeError(t('codeRequired'));
      return;
    }
    setCodeError(undefined);
    setStatus(null);
    setFirst({});
    setDiffs([]);
    setChosen({});
    setRetyped({});
    setPhase('first');
  };

  const save = async (data: Record<string, unknown>) => {
    if (!wave) return;
    setBusy(true);
    setStatus(null);
    try {
      const report = await paperEntryApi.submit(wave.id, {
        participantCode: code.trim(),
        clientId: `paper-${crypto.randomUUID()}`,
        data,
        collectionMode: 'paper',
      });
      if (report.imported !== 1) {
        const messages = report.errors.flatMap((e) =>
          e.errors.map((x) => (lang === 'fr' ? x.message : x.messageEn)),
        );
        setStatus({ tone: 'danger', text: messages.join(' · ') || errorMessage(new Error('import'), lang) });
        return;
      }
      setStatus({ tone: 'success', text: t('saved', { code: code.trim() }) });
      setPhase('saved');
    } catch (err) {
      setStatus({ tone: 'danger', text: errorMessage(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  const finishFirst = (data: Record<string, unknown>) => {
    setFirst(data);
    if (double) setPhase('second');
    else void save(data);
  };
  const finishSecond = (data: Record<string, unknown>) => {
    const found = compareEntries(first, data, [...numbers.keys()]);
    setDiffs(found);
    setPhase('compare');
    if (found.length === 0) void save(first);
  };
  const resolved = diffs.every((d) => chosen[d.name] !== undefined);
  const saveResolved = () => {
    if (!resolved) {
      setStatus({ tone: 'warning', text: t('unresolved') });
      return;
    }
    const data = { ...first };
    for (const d of diffs) {
      const value = chosen[d.name]?.value;
      if (value === undefined) delete data[d.name];
      else data[d.name] = value;
    }
    void save(data);
  };

  const cancel = () => {
    setPhase('setup');
    setStatus(null);
  };

  return (
    <div className="stack stack--lg paper-entry">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          wave && (
            <ButtonAnchor
              variant="secondary"
              small
              href={paperPdfHref(wave.questionnaireVersionId, lang)}
              target="_blank"
              rel="noopener"
            >
              {t('paper')}
            </ButtonAnchor>
          )
        }
      />
      {waves.error && <LoadError error={waves.error} retry={waves.reload} />}
      {!waves.data && !waves.error && <Spinner />}
      {waves.data && open.length === 0 && <Alert tone="info">{t('noWave')}</Alert>}
      {status && <Alert tone={status.tone}>{status.text}</Alert>}

      {waves.data && open.length > 0 && phase === 'setup' && (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <SelectField
            label={t('wave')}
            value={wave?.id ?? ''}
            onChange={(e) => setWaveId(e.target.value)}
            required
          >
            <option value="" disabled>
              {t('chooseWave')}
            </option>
            {open.map((w) => (
              <option key={w.id} value={w.id}>
                {w.period}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('code')}
            hint={t('codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
          <label className="c-check">
            <input type="checkbox" checked={double} onChange={(e) => setDouble(e.target.checked)} />
            <span>
              {t('double')} <span className="muted small">— {t('doubleHint')}</span>
            </span>
          </label>
          <div className="c-actions">
            <Button type="submit" disabled={!wave || !definition}>
              {t('start')}
            </Button>
          </div>
        </form>
      )}

      {version.error && <LoadError error={version.error} retry={version.reload} />}

      {definition && (phase === 'first' || phase === 'second') && (
        <section className="stack" aria-labelledby="entry-title">
          <div className="cluster" style={{ justifyContent: 'space-between' }}>
            <h2 id="entry-title">
              {t(phase === 'first' ? 'firstEntry' : 'secondEntry', { code: code.trim() })}
            </h2>
            <Button variant="ghost" small onClick={cancel}>
              {t('cancel')}
            </Button>
          </div>
          <EntryForm
            key={phase}
            definition={definition}
            numbers={numbers}
            lang={lang}
            finishText={t('finishEntry')}
            onDone={phase === 'first' ? finishFirst : finishSecond}
          />
        </section>
      )}

      {phase === 'compare' && labels && (
        <section className="stack" aria-labelledby="diff-title" data-testid="paper-entry-differences">
          <h2 id="diff-title">
            {diffs.length > 0 ? t('differences', { n: diffs.length }) : t('noDifference')}
          </h2>
          <ul className="stack paper-entry__diffs">
            {diffs.map((d) => {
              const n = numbers.get(d.name);
              const choice = chosen[d.name];
              return (
                <li key={d.name} className="card stack stack--sm" data-testid={`diff-${d.name}`}>
                  <p>
                    <strong>
                      {t('question')} {n ?? ''}
                    </strong>{' '}
                    — {labels.title(d.name)}
                  </p>
                  <div className="paper-entry__pair">
                    <div>
                      <p className="muted small">{t('first')}</p>
                      <p>
                        <strong>{labels.show(d.name, d.first)}</strong>
                      </p>
                      <Button
                        variant={choice?.how === 'first' ? 'primary' : 'secondary'}
                        small
                        aria-pressed={choice?.how === 'first'}
                        onClick={() => setChosen({ ...chosen, [d.name]: { value: d.first, how: 'first' } })}
                      >
                        {t('keepFirst')}
                      </Button>
                    </div>
                    <div>
                      <p className="muted small">{t('second')}</p>
                      <p>
                        <strong>{labels.show(d.name, d.second)}</strong>
                      </p>
                      <Button
                        variant={choice?.how === 'second' ? 'primary' : 'secondary'}
                        small
                        aria-pressed={choice?.how === 'second'}
                        onClick={() => setChosen({ ...chosen, [d.name]: { value: d.second, how: 'second' } })}
                      >
                        {t('keepSecond')}
                      </Button>
                    </div>
                  </div>
                  <form
                    className="cluster"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const value = readRetyped(retyped[d.name] ?? '', d.first ?? d.second);
                      setChosen({ ...chosen, [d.name]: { value, how: 'retype' } });
                    }}
                  >
                    <TextField
                      label={t('retypeLabel', { n: n ?? d.name })}
                      value={retyped[d.name] ?? ''}
                      onChange={(e) => setRetyped({ ...retyped, [d.name]: e.target.value })}
                    />
                    <Button type="submit" variant={choice?.how === 'retype' ? 'primary' : 'secondary'} small>
                      {t('retype')}
                    </Button>
                  </form>
                  {choice && (
                    <p className="small" role="status">
                      {t('chosen', { value: labels.show(d.name, choice.value) })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {diffs.length > 0 && (
            <div className="c-actions">
              <Button onClick={saveResolved} busy={busy} disabled={!resolved}>
                {t('save')}
              </Button>
              <Button variant="ghost" onClick={cancel}>
                {t('cancel')}
              </Button>
            </div>
          )}
        </section>
      )}

      {phase === 'saved' && (
        <div className="c-actions">
          <Button
            onClick={() => {
              setCode('');
              setStatus(null);
              setPhase('setup');
            }}
          >
            {t('next')}
          </Button>
        </div>
      )}
    </div>
  );
}
