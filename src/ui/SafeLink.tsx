import type { ComponentChildren } from 'preact';
import { safeLink } from '../model/safe-url';

/**
 * A stored URL as a link that opens in a new tab, when it is an http, https or mailto URL (see `safeLink`);
 * anything else (`javascript:`, `data:`, a relative path…) shows its text, with no link.
 */
export function SafeLink({
  href,
  children,
  class: className,
  title,
}: {
  href: unknown;
  children: ComponentChildren;
  class?: string;
  title?: string;
}) {
  const safe = safeLink(href);
  if (!safe) {
    return (
      <span class={className} title={title}>
        {children}
      </span>
    );
  }
  return (
    <a href={safe} class={className} title={title} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
