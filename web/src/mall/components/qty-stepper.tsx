import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextQty, prevQty, type QtyRule } from '../lib/quantity';

interface Props {
  value: number;
  rule: QtyRule;
  onChange: (qty: number) => void;
  disabled?: boolean;
  testId?: string;
}

/**
 * − [qty] +: the buttons step to the next valid quantity (起订量, 倍数); a typed number is taken as typed
 * when the box is left or Enter is pressed, and the server's check then says what is wrong with it.
 */
export function QtyStepper({ value, rule, onChange, disabled, testId = 'qty' }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const n = Number(text.trim());
    if (Number.isInteger(n) && n > 0 && n !== value) onChange(n);
    else setText(String(value));
  };
  const down = prevQty(value, rule);
  return (
    <span className="dh-stepper" data-testid={testId}>
      <button type="button" aria-label={t('cart.less')} data-testid={`${testId}-minus`} disabled={disabled || down >= value} onClick={() => onChange(down)}>−</button>
      <input
        data-testid={`${testId}-input`}
        inputMode="numeric"
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value.replace(/[^\d]/g, ''))}
        onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
      />
      <button type="button" aria-label={t('cart.more')} data-testid={`${testId}-plus`} disabled={disabled} onClick={() => onChange(nextQty(value, rule))}>+</button>
    </span>
  );
}
