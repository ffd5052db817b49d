import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/notice';
import type { IgnoredSearchParam } from '@/lib/search-params/overview';

/** Names each URL parameter the page could not use, so a mistyped link does not fail silently. */
export function IgnoredParamsNotice({ ignored }: { ignored: readonly IgnoredSearchParam[] }) {
  const t = useTranslations('Notices');
  if (ignored.length === 0) return null;
  return (
    <Notice
      title={ignored.length === 1 ? t('ignoredOne') : t('ignoredMany', { count: ignored.length })}
      testId="params-notice"
    >
      <ul className="list-disc space-y-0.5 pl-5">
        {/* A parameter can be named twice (compare: codes it does not know, and more than it shows). */}
        {ignored.map((param) => (
          <li key={`${param.name}=${param.value}`}>
            <code className="font-mono">{param.name}</code> = “{param.value}”{' '}
            {t('invalid', { expected: param.expected })} {param.outcome ?? t('defaultShown')}.
          </li>
        ))}
      </ul>
    </Notice>
  );
}
