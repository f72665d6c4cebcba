import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Looks like a search box; tapping it opens the search page (with the current words, if any). */
export function SearchEntry({ q, testId = 'search-entry' }: { q?: string; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="dh-search-entry" role="search" data-testid={testId} onClick={() => navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search')}>
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden><circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" /></svg>
      <span className={q ? 'dh-ellipsis' : 'dh-ellipsis dh-placeholder'}>{q || t('catalog.searchPlaceholder')}</span>
    </div>
  );
}
