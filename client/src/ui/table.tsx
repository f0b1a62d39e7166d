// A data table with a caption (read by screen readers), scrolling sideways on phones.
// Columns declare how to render a row; `numeric` aligns figures right.
import type { ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  render: (row: R) => ReactNode;
  numeric?: boolean;
}

export interface TableProps<R> {
  caption: ReactNode;
  /** Hide the caption visually (it stays for screen readers). */
  hideCaption?: boolean;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  empty?: ReactNode;
}

export function Table<R>({ caption, hideCaption, columns, rows, rowKey, empty }: TableProps<R>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
