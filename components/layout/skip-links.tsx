/**
 * Links to a page's chart and table, right after its heading and shown when focused: on a page whose
 * controls come first, a keyboard reader reaches the chart without tabbing through every control.
 */
export function SkipLinks({
  links,
  label = 'Skip to',
}: {
  links: readonly { href: `#${string}`; label: string }[];
  /** The list's name for screen readers, in the page's language. */
  label?: string;
}) {
  return (
    <ul aria-label={label} className="sr-only flex flex-wrap gap-2 focus-within:not-sr-only" data-testid="skip-links">
      {links.map((link) => (
        <li key={link.href}>
          <a
            href={link.href}
            className="inline-block rounded bg-card px-3 py-2 text-sm font-medium underline underline-offset-2 focus:outline-2 focus:outline-accent"
          >
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
