'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type MouseEvent, type PointerEvent, type ReactNode } from 'react';

interface Active {
  code: string;
  text: string;
  href: string;
}

const itemOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<SVGAElement>('a[data-code]') : null;

/** The item's own title, which the server wrote: the one text for the tooltip, the readout and screen readers. */
const read = (item: SVGAElement): Active => ({
  code: item.dataset.code ?? '',
  text: item.querySelector('title')?.textContent ?? '',
  href: item.getAttribute('href') ?? '',
});

/**
 * Enhances the server-drawn map: the country under the pointer is described in a line under the
 * map (value, unit, period, source). On a touch screen the first tap on a country describes it and
 * a second tap opens its profile, since there is no hover. Without JavaScript the map's own titles
 * and links do the same.
 */
export function MapReadout({
  children,
  hint,
  openInNewTab = false,
}: {
  children: ReactNode;
  hint: string;
  /** In an embed (another site's frame) a profile opens in a new tab: the full site refuses frames. */
  openInNewTab?: boolean;
}) {
  const router = useRouter();
  const t = useTranslations('map.figure');
  const charts = useTranslations('Charts');
  const [active, setActive] = useState<Active | null>(null);
  const touch = useRef(false);

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    const item = itemOf(event.target);
    if (item) setActive(read(item));
  };
  const onClick = (event: MouseEvent) => {
    const item = itemOf(event.target);
    if (!item || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const next = read(item);
    if (touch.current && active?.code !== next.code) setActive(next);
    else if (openInNewTab) window.open(next.href, '_blank', 'noopener');
    else router.push(next.href);
  };

  return (
    <div>
      <div
        onPointerOver={onPointerOver}
        onPointerDown={(event) => {
          touch.current = event.pointerType === 'touch';
        }}
        onClick={onClick}
      >
        {children}
      </div>
      <p className="mt-2 min-h-10 text-sm" data-testid="map-readout">
        {active ? (
          <>
            {active.text}{' '}
            {openInNewTab ? (
              <a
                href={active.href}
                target="_blank"
                rel="noopener"
                className="font-medium text-accent underline underline-offset-2"
              >
                {t('openProfile')}
                <span className="sr-only">{charts('newTab')}</span>
              </a>
            ) : (
              <Link href={active.href} className="font-medium text-accent underline underline-offset-2">
                {t('openProfile')}
              </Link>
            )}
          </>
        ) : (
          <span className="text-muted-foreground">{hint}</span>
        )}
      </p>
    </div>
  );
}
