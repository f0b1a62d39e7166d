// A white surface grouping one subject; `as` picks the element (section, article, li…).
import type { ElementType, HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  as?: ElementType;
  title?: ReactNode;
  /** Heading level of the title (2 by default). */
  level?: 2 | 3 | 4;
  children?: ReactNode;
}

export function Card({ as: As = 'section', title, level = 2, className, children, ...rest }: CardProps) {
  const H = `h${level}` as ElementType;
  return (
    <As className={className ? `card ${className}` : 'card'} {...rest}>
      {title && <H className="card__title">{title}</H>}
      {children}
    </As>
  );
}
