// The title and intro lines of a page while it loads: the first part of every loading.tsx.

interface HeadingSkeletonProps {
  /** Tailwind width of the title bar, e.g. "w-48". */
  titleWidth?: string;
  /** Widths of the intro lines under it. */
  lineWidths?: readonly string[];
}

export function HeadingSkeleton({ titleWidth = 'w-48', lineWidths = ['w-[36rem]'] }: HeadingSkeletonProps) {
  return (
    <div className="space-y-2">
      <div className={`h-7 max-w-full animate-pulse rounded bg-muted ${titleWidth}`} />
      {lineWidths.map((width, index) => (
        <div key={index} className={`h-4 max-w-full animate-pulse rounded bg-muted/70 ${width}`} />
      ))}
    </div>
  );
}
