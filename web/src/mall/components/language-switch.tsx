import { Selector } from 'antd-mobile';
import type { CSSProperties } from 'react';
import { useLanguage } from '../../shared/i18n/use-language';

export function LanguageSwitch() {
  const { language, setLanguage, options } = useLanguage();
  return (
    <span data-testid="language-switch">
      <Selector
        style={{ '--padding': '4px 10px' } as CSSProperties}
        showCheckMark={false}
        options={options}
        value={[language]}
        onChange={(v) => v[0] && setLanguage(v[0])}
      />
    </span>
  );
}
