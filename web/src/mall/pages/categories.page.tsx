import { Empty, ErrorBlock, NavBar, SideBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { useCategories } from '../api/catalog';
import { PageLoading } from '../components/page-loading';
import { SearchEntry } from '../components/search-entry';

/** 分类: top-level categories on the left, their sub-categories on the right; a tap opens the results. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const all = categories.data ?? [];
  const top = all.filter((c) => !c.parentId);
  const [picked, setPicked] = useState<string | null>(null);
  const current = top.find((c) => c.id === picked) ?? top[0];
  const children = current ? all.filter((c) => c.parentId === current.id) : [];
  const open = (id: string) => navigate(`/products?categoryId=${id}`);

  return (
    <>
      <div className="dh-navbar">
        <NavBar backIcon={false}>{t('tab.categories')}</NavBar>
        <div style={{ padding: '0 12px 10px' }}><SearchEntry /></div>
      </div>
      {categories.isLoading && <PageLoading />}
      {categories.error && <ErrorBlock status="default" title={errorMessage(categories.error, t)} description="" />}
      {!categories.isLoading && !categories.error && top.length === 0 && <Empty description={t('catalog.noCategories')} style={{ padding: '48px 0' }} />}
      {current && (
        <div className="dh-category-split">
          <SideBar activeKey={current.id} onChange={setPicked} style={{ '--width': '96px' } as React.CSSProperties}>
            {top.map((c) => <SideBar.Item key={c.id} title={<span data-testid="category-top" data-category-id={c.id}>{c.name}</span>} />)}
          </SideBar>
          <div className="dh-category-right" data-testid="category-children">
            <button type="button" className="dh-category-all" data-testid="category-open-all" onClick={() => open(current.id)}>
              {t('catalog.allOf', { name: current.name })} ›
            </button>
            <div className="dh-category-grid">
              {children.map((c) => (
                <button type="button" key={c.id} className="dh-category-cell" data-testid="category-sub" data-category-id={c.id} onClick={() => open(c.id)}>
                  <span className="dh-shortcut-icon">{c.icon || c.name.slice(0, 1)}</span>
                  <span className="dh-ellipsis" style={{ maxWidth: '100%' }}>{c.name}</span>
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
