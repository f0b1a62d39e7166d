// A react-router link styled as a button (staff screens: navigation, not an action).
import { Link, type LinkProps } from 'react-router';
import { buttonClass, type ButtonVariant } from './button.tsx';

export function ButtonLink({
  variant,
  block,
  small,
  className,
  ...rest
}: LinkProps & { variant?: ButtonVariant; block?: boolean; small?: boolean }) {
  return <Link className={buttonClass({ variant, block, small }, className)} {...rest} />;
}
