interface ProfileContentsProps {
  /** Sections drawn only when they have something to show. */
  hasTrade: boolean;
  hasMembers: boolean;
  hasMirror: boolean;
}

/** In-page navigation: a profile is long, and on a phone its later sections are many screens down. */
export function ProfileContents({ hasTrade, hasMembers, hasMirror }: ProfileContentsProps) {
  const sections: (readonly [id: string, label: string])[] = [
    ['key-heading', 'Key figures'],
    ...(hasTrade ? ([['trade-heading', 'Trade']] as const) : []),
    ...(hasMembers ? ([['members-heading', 'Members']] as const) : []),
    ...(hasMirror ? ([['mirror-heading', 'Partner’s statistics']] as const) : []),
    ['news-heading', 'Figures in the news'],
    ['investment-heading', 'Investment'],
    ['agreements-heading', 'Agreements'],
    ['events-heading', 'Events'],
    ['presence-heading', 'Diplomatic presence'],
    ['methods-heading', 'Methods and sources'],
  ];
  return (
    <nav aria-label="On this page" data-testid="profile-contents">
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
