import sharp from 'sharp';
import { initialsOf } from '../modules/catalog/domain/search-text.js';

const COLORS = ['#1677ff', '#13a8a8', '#fa8c16', '#eb2f96', '#52c41a', '#722ed1', '#f5222d'];

/** A plain product picture for demo data: a coloured tile with the name's pinyin initials (Latin, so any font renders it). */
export function demoImage(name: string, index: number): Promise<Buffer> {
  const color = COLORS[index % COLORS.length];
  const label = initialsOf(name).slice(0, 4).toUpperCase() || 'DH';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#ffffff" stop-opacity="0.35"/></linearGradient></defs>
    <rect width="800" height="800" fill="${color}"/><rect width="800" height="800" fill="url(#g)"/>
    <circle cx="400" cy="360" r="210" fill="#ffffff" fill-opacity="0.18"/>
    <text x="400" y="420" font-family="DejaVu Sans, Arial, sans-serif" font-size="170" font-weight="700" fill="#ffffff" text-anchor="middle">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
