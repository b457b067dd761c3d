// A real link to a hash route, so middle-click, copy link and the keyboard all work.
import type { MouseEvent, ReactNode } from 'react';
import { formatRoute, type Route } from '../../stores/route';
import { navigate } from '../../stores/ui-store';

interface Props {
  to: Route;
  className?: string;
  children: ReactNode;
  replace?: boolean;
  'aria-label'?: string;
  'aria-current'?: 'page' | 'true' | undefined;
  title?: string;
  tabIndex?: number;
  onNavigate?: () => void;
  [data: `data-${string}`]: string | number | boolean | undefined;
}

export function RouteLink({ to, children, replace, onNavigate, ...rest }: Props) {
  const href = formatRoute(to);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onNavigate?.();
    navigate(to, { replace });
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
