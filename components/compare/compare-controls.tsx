'use client';

import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { useUrlState } from '@/components/layout/use-url-state';
import {
  COMPARE_FLOWS,
  COMPARE_MODES,
  compareParsers,
  type CompareMode,
  type CompareScale,
  type CompareSearchParams,
} from '@/lib/search-params/compare';
import { CURRENCIES } from '@/lib/constants';
import { PartnerPicker, type PickerOption } from './partner-picker';

export interface PresetOption {
  id: string;
  label: string;
  description: string;
  patch: Partial<CompareSearchParams>;
}

interface CompareControlsProps {
  params: CompareSearchParams;
  range: { minYear: number; maxYear: number };
  options: readonly PickerOption[];
  presets: readonly PresetOption[];
}

// max-w-full: a select is as wide as its longest option, which in Russian and Kazakh is wider than a phone.
const SELECT = 'max-w-full rounded-md border border-border bg-card px-2 py-1.5 text-sm';

function Segmented<T extends string>({
  legend,
  name,
  values,
  value,
  labels,
  isDisabled,
  onChange,
  hint,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  value: T;
  labels: Record<T, string>;
  isDisabled?: (value: T) => boolean;
  onChange: (value: T) => void;
  hint?: ReactNode;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-1 rounded-md border border-border bg-card p-1">
        {values.map((option) => {
          const disabled = isDisabled?.(option) ?? false;
          return (
            <label
              key={option}
              className={`cursor-pointer rounded px-2.5 py-1 text-sm has-[:checked]:bg-accent has-[:checked]:text-background has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${disabled ? 'cursor-not-allowed opacity-40' : 'hover:bg-muted'}`}
            >
              <input
                type="radio"
                name={name}
                value={option}
                checked={value === option}
                disabled={disabled}
                onChange={() => onChange(option)}
                className="sr-only"
              />
              {labels[option]}
            </label>
          );
        })}
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </fieldset>
  );
}

/** Every control writes the URL; the server draws the view. */
export function CompareControls({ params, range, options, presets }: CompareControlsProps) {
  const { minYear, maxYear } = range;
  const parsers = useMemo(() => compareParsers({ minYear, maxYear }), [minYear, maxYear]);
  const { navigate, isPending } = useUrlState(parsers, params);
  const t = useTranslations('Compare');
  const years: number[] = [];
  for (let year = range.maxYear; year >= range.minYear; year -= 1) years.push(year);

  return (
    <div
      className="space-y-4 rounded-lg border border-border bg-card p-4"
      aria-busy={isPending}
      data-testid="compare-controls"
    >
      <div className="space-y-1">
        <p className="text-sm font-medium">{t('controls.shortcuts')}</p>
        <ul className="flex flex-wrap gap-2">
          {presets.map((preset) => (
            <li key={preset.id}>
              <button
                type="button"
                onClick={() => navigate(preset.patch)}
                className="rounded-md border border-border px-2.5 py-1 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
                title={preset.description}
              >
                {preset.label}
                <span className="sr-only">: {preset.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>

      <PartnerPicker options={options} selected={params.partners} onChange={(partners) => navigate({ partners })} />

      <div className="flex flex-wrap items-end gap-4">
        <label className="flex max-w-full min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium">{t('controls.indicator')}</span>
          <select
            className={SELECT}
            value={params.flow}
            onChange={(event) => {
              const flow = COMPARE_FLOWS.find((f) => f === event.target.value);
              if (!flow) return;
              // A balance has no share and cannot go on a log axis: switch to what it can show.
              const patch: Partial<CompareSearchParams> = { flow };
              if (flow === 'balance' && params.mode === 'share') patch.mode = 'absolute';
              if (flow === 'balance') patch.scale = 'linear';
              navigate(patch);
            }}
          >
            {COMPARE_FLOWS.map((flow) => (
              <option key={flow} value={flow}>
                {t(`flow.${flow}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium">{t('controls.from')}</span>
          <select
            className={SELECT}
            value={params.from}
            onChange={(event) => {
              // A range never runs backwards: a start after the end moves the end with it.
              const from = Number(event.target.value);
              navigate(from > params.to ? { from, to: from } : { from });
            }}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label className="flex max-w-full min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium">{t('controls.to')}</span>
          <select
            className={SELECT}
            value={params.to}
            onChange={(event) => navigate({ to: Number(event.target.value) })}
          >
            {years
              .filter((year) => year >= params.from)
              .map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
          </select>
        </label>
        <label className="flex max-w-full min-w-0 flex-col gap-1 text-sm">
          <span className="font-medium">{t('controls.currency')}</span>
          <select
            className={SELECT}
            value={params.currency}
            onChange={(event) => {
              const currency = CURRENCIES.find((c) => c === event.target.value);
              if (currency) navigate({ currency });
            }}
          >
            {CURRENCIES.map((currency) => (
              <option key={currency} value={currency}>
                {currency === 'USD' ? t('controls.usd') : t('controls.eur')}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="flex flex-wrap gap-4">
        <Segmented<CompareMode>
          legend={t('controls.show')}
          name="mode"
          values={COMPARE_MODES}
          value={params.mode}
          labels={{
            absolute: t('mode.absolute'),
            share: t('mode.share'),
            index: t('mode.index'),
            change: t('mode.change'),
          }}
          isDisabled={(mode) => mode === 'share' && params.flow === 'balance'}
          onChange={(mode) => navigate(mode === 'change' ? { mode, scale: 'linear' } : { mode })}
          hint={params.flow === 'balance' ? t('controls.balanceNoShare') : undefined}
        />
        <Segmented<CompareScale>
          legend={t('controls.scale')}
          name="scale"
          values={['linear', 'log']}
          value={params.scale}
          labels={{ linear: t('controls.linear'), log: t('controls.log') }}
          isDisabled={(scale) => scale === 'log' && (params.mode === 'change' || params.flow === 'balance')}
          onChange={(scale) => navigate({ scale })}
          hint={
            params.mode === 'change' || params.flow === 'balance'
              ? t('controls.logNeedsPositive')
              : t('controls.logHint')
          }
        />
      </div>
    </div>
  );
}
