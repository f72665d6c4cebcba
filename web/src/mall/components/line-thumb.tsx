import { ImageIcon } from './icons';

/** A line's picture by URL (cart and order lines carry the URL itself), or the neutral placeholder. */
export function LineThumb({ url, alt = '', size = 72, onClick }: { url: string | null; alt?: string; size?: number; onClick?: () => void }) {
  const style = { width: size, height: size, cursor: onClick ? 'pointer' : undefined };
  if (!url) return <div className="dh-thumb dh-thumb-empty" style={style} onClick={onClick}><ImageIcon /></div>;
  return <img className="dh-thumb" style={style} src={url} alt={alt} loading="lazy" onClick={onClick} />;
}
