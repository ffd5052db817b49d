import { Notice } from '@/components/ui/notice';

/** Selected partners where one contains the other (the EU and Germany): their lines must not be added. */
export function OverlapNotice({
  overlaps,
  names,
}: {
  overlaps: readonly { group: string; member: string }[];
  names: ReadonlyMap<string, string>;
}) {
  if (overlaps.length === 0) return null;
  return (
    <Notice title="Overlapping selections" testId="overlap-notice">
      {overlaps.map((o) => (
        <p key={`${o.group}-${o.member}`}>
          {names.get(o.group) ?? o.group} includes {names.get(o.member) ?? o.member}: their lines overlap and must not
          be added together.
        </p>
      ))}
    </Notice>
  );
}
