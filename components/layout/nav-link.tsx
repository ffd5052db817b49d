'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A main-navigation link that marks the current section (aria-current), e.g. /partners/DEU under Partners. */
export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  // A link may carry a landing query (/data?flags=…): the section is its path.
  const path = href.split('?')[0] ?? href;
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
