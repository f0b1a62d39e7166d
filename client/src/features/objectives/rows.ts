// The objectives form's rows: every standard objective (ticked when declared) then the caisse's
// own, and the PUT body they make.
import {
  DEFAULT_OBJECTIVE_DIMENSIONS,
  type Dimension,
  isStandardObjective,
  OBJECTIVE_LABELS,
  STANDARD_OBJECTIVES,
} from '../../../../indicators/taxonomy.ts';
import type { Objective, ObjectiveInput } from './api.ts';

export interface Row {
  key: string;
  code: string;
  standard: boolean;
  selected: boolean;
  label: string;
  dimensions: Dimension[];
  priority: string;
  description: string;
}

let keySeq = 0;

/** The editable rows: every standard objective (ticked when declared) then the caisse's own. */
export function rowsFrom(objectives: Objective[]): Row[] {
  const byCode = new Map(objectives.map((o) => [o.code, o]));
  const standard = STANDARD_OBJECTIVES.map((code): Row => {
    const o = byCode.get(code);
    return {
      key: code,
      code,
      standard: true,
      selected: Boolean(o),
      label: OBJECTIVE_LABELS[code].fr,
      dimensions: o ? [...o.dimensions] : [...DEFAULT_OBJECTIVE_DIMENSIONS[code]],
      priority: o?.priority ? String(o.priority) : '',
      description: o?.description ?? '',
    };
  });
  const custom = objectives
    .filter((o) => !isStandardObjective(o.code))
    .map(
      (o): Row => ({
        key: `custom-${++keySeq}`,
        code: o.code,
        standard: false,
        selected: true,
        label: o.label,
        dimensions: [...o.dimensions],
        priority: o.priority ? String(o.priority) : '',
        description: o.description ?? '',
      }),
    );
  return [...standard, ...custom];
}

/** The PUT body: ticked standard objectives and every custom one. */
export function rowsToInput(rows: Row[]): ObjectiveInput[] {
  return rows
    .filter((r) => r.selected)
    .map((r) => ({
      code: r.code.trim(),
      ...(r.standard ? {} : { label: r.label.trim() }),
      dimensions: r.dimensions,
      priority: r.priority ? Number(r.priority) : null,
      description: r.description.trim() || null,
    }));
}

/** An empty custom objective, to be filled in. */
export function newCustomRow(): Row {
  return {
    key: `custom-${++keySeq}`,
    code: '',
    standard: false,
    selected: true,
    label: '',
    dimensions: [],
    priority: '',
    description: '',
  };
}
