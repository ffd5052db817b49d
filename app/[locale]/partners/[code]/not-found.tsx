import Link from 'next/link';

export default function PartnerNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-border bg-card p-6">
      <h1 className="text-lg font-semibold">Partner not found</h1>
      <p className="text-sm text-muted-foreground">
        There is no partner with this code. Codes are ISO 3166 alpha-3 (DEU, CHN) or group codes such as AGG_EU.
      </p>
      <p className="flex gap-4 text-sm">
        <Link href="/" className="font-medium text-accent underline underline-offset-4">
          Back to the overview
        </Link>
        <Link href="/compare" className="font-medium text-accent underline underline-offset-4">
          Search partners in Compare
        </Link>
      </p>
    </div>
  );
}
