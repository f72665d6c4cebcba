import { Select } from 'antd';
import { useLanguage } from '../../shared/i18n/use-language';

export function LanguageSelect() {
  const { language, setLanguage, options } = useLanguage();
  return (
    <span data-testid="language-switch">
      <Select
        size="small"
      variant="borderless"
        value={language}
        onChange={setLanguage}
        options={options}
        style={{ width: 110 }}
      />
    </span>
  );
}
