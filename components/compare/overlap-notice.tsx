import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/notice';

/** Selected partners where one contains the other (the EU and Germany): their lines must not be added. */
export function OverlapNotice({
  overlaps,
  names,
}: {
  overlaps: readonly { group: string; member: string }[];
  names: ReadonlyMap<string, string>;
}) {
  const t = useTranslations('Compare.overlap');
  if (overlaps.length === 0) return null;
  return (
    <Notice title={t('title')} testId="overlap-notice">
      {overlaps.map((o) => (
        <p key={`${o.group}-${o.member}`}>
          {t('body', { group: names.get(o.group) ?? o.group, member: names.get(o.member) ?? o.member })}
        </p>
      ))}
    </Notice>
  );
}
