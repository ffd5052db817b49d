import { useTranslations } from 'next-intl';

interface ProfileContentsProps {
  /** Sections drawn only when they have something to show. */
  hasTrade: boolean;
  hasMembers: boolean;
  hasMirror: boolean;
}

/** In-page navigation: a profile is long, and on a phone its later sections are many screens down. */
export function ProfileContents({ hasTrade, hasMembers, hasMirror }: ProfileContentsProps) {
  const t = useTranslations('Profile.contents');
  const sections: (readonly [id: string, label: string])[] = [
    ['key-heading', t('key')],
    ...(hasTrade ? ([['trade-heading', t('trade')]] as const) : []),
    ...(hasMembers ? ([['members-heading', t('members')]] as const) : []),
    ...(hasMirror ? ([['mirror-heading', t('mirror')]] as const) : []),
    ['news-heading', t('news')],
    ['investment-heading', t('investment')],
    ['agreements-heading', t('agreements')],
    ['events-heading', t('events')],
    ['presence-heading', t('presence')],
    ['methods-heading', t('methods')],
  ];
  return (
    <nav aria-label={t('label')} data-testid="profile-contents">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} className="underline underline-offset-2 hover:text-foreground">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
