import { List, NavBar, SearchBar, type SearchBarRef } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { catalogApi } from '../api/catalog';

/** Waits until the value has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** 搜索: live suggestions while typing (names, pinyin, initials, codes); submit opens the results. */
export default function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 150);
  const suggest = useQuery({
    queryKey: ['/mall/suggest', q],
    queryFn: () => catalogApi.suggest(q),
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
  const ref = useCallback((r: SearchBarRef | null) => {
    r?.nativeElement?.setAttribute('data-testid', 'search-input');
  }, []);
  const submit = (value: string) => {
    const words = value.trim();
    navigate(words ? `/products?q=${encodeURIComponent(words)}` : '/products');
  };
  const items = q ? (suggest.data?.items ?? []) : [];

  return (
    <>
      <div className="dh-navbar dh-navbar-wide">
        <NavBar onBack={() => navigate(-1)} right={<a className="dh-link" data-testid="search-submit" onClick={() => submit(text)}>{t('common:action.search')}</a>}>
          <SearchBar ref={ref} value={text} onChange={setText} onSearch={submit} autoFocus placeholder={t('catalog.searchPlaceholder')} style={{ '--background': '#f2f3f5' } as React.CSSProperties} />
        </NavBar>
      </div>
      <div className="dh-page-body">
        {items.length > 0 && (
          <div className="dh-section" data-testid="suggestions">
            <List>
              {items.map((s) => (
                <List.Item key={s.id} data-testid="suggestion" onClick={() => navigate(`/products/${s.id}`)} arrow={false}>{s.name}</List.Item>
              ))}
            </List>
          </div>
        )}
        {q && suggest.isFetched && items.length === 0 && (
          <div className="dh-muted" style={{ padding: 24, textAlign: 'center' }} data-testid="suggest-none">{t('catalog.noSuggestion')}</div>
        )}
        {!q && <div className="dh-muted" style={{ padding: 24, textAlign: 'center' }}>{t('catalog.searchHint')}</div>}
      </div>
    </>
  );
}
