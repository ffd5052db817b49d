'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { splitLocale } from '@/lib/i18n/paths';

/** A main-navigation link that marks the current section (aria-current), e.g. /partners/DEU under Partners. */
export function NavLink({ href, children }: { href: string; children: string }) {
  // Sections compare without the language prefix: /ru/compare is under Compare.
  const pathname = splitLocale(usePathname()).path;
  // A link may carry a landing query (/data?flags=…): the section is its path.
  const path = splitLocale(href.split('?')[0] ?? href).path;
  const current = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="font-medium underline-offset-4 hover:underline aria-[current=page]:text-accent aria-[current=page]:underline"
    >
      {children}
    </Link>
  );
}
