/** The demo company's catalog: a wholesaler of drinks, groceries and phones, priced per level and per customer. */
export const DEMO_CATEGORIES = [
  { path: ['饮料', '饮用水'] }, { path: ['饮料', '碳酸饮料'] }, { path: ['饮料', '茶饮料'] },
  { path: ['粮油调味', '酱油'] }, { path: ['粮油调味', '食用油'] }, { path: ['粮油调味', '大米'] }, { path: ['休闲食品', '方便食品'] },
  { path: ['数码', '手机'] }, { path: ['数码', '配件'] },
] as const;

export const DEMO_BRANDS = ['农夫山泉', '可口可乐', '康师傅', '海天', '金龙鱼', '华为', '小米'] as const;

interface DemoUnit { name: string; conversion: number; price: number; minQty?: number; multiple?: number; barcode?: string }
export interface DemoProduct {
  name: string; subtitle?: string; category: string; brand: string; specs?: { name: string; values: string[] }[];
  params?: { name: string; value: string }[]; instructions?: string; visibleTypes?: ('dealer' | 'retailer' | 'consumer')[];
  skus: { code: string; barcode?: string; specValues?: string[]; baseUnit: string; cost: number; weight: number; units: DemoUnit[] }[];
  /** Level prices of the first SKU's units, as % of list (basis points), by level name. */
  levelPercent?: Record<string, number>;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  { name: '农夫山泉 饮用天然水 550ml', subtitle: '我们不生产水，我们只是大自然的搬运工', category: '饮用水', brand: '农夫山泉',
    params: [{ name: '净含量', value: '550ml' }, { name: '保质期', value: '24 个月' }], instructions: '常温避光保存。',
    skus: [{ code: 'NFSQ-550', barcode: '6921168509256', baseUnit: '瓶', cost: 80, weight: 580, units: [{ name: '瓶', conversion: 1, price: 200 }, { name: '箱', conversion: 24, price: 4200, barcode: '16921168509253' }] }],
    levelPercent: { 银牌: 9500, 金牌: 9000, 钻石: 8500 } },
  { name: '可口可乐 330ml 罐装', category: '碳酸饮料', brand: '可口可乐', specs: [{ name: '口味', values: ['原味', '零度'] }],
    skus: [
      { code: 'KO-330-YW', barcode: '6954767410173', specValues: ['原味'], baseUnit: '罐', cost: 150, weight: 350, units: [{ name: '罐', conversion: 1, price: 300 }, { name: '箱', conversion: 24, price: 6500 }] },
      { code: 'KO-330-LD', barcode: '6954767412573', specValues: ['零度'], baseUnit: '罐', cost: 160, weight: 350, units: [{ name: '罐', conversion: 1, price: 320 }, { name: '箱', conversion: 24, price: 6900 }] },
    ], levelPercent: { 金牌: 9200, 钻石: 8800 } },
  { name: '康师傅 冰红茶 500ml', category: '茶饮料', brand: '康师傅',
    skus: [{ code: 'KSF-BHC-500', barcode: '6920459905012', baseUnit: '瓶', cost: 150, weight: 530, units: [{ name: '瓶', conversion: 1, price: 300 }, { name: '箱', conversion: 15, price: 4000, minQty: 1 }] }],
    levelPercent: { 金牌: 9000 } },
  { name: '海天 金标生抽 1.28L', category: '酱油', brand: '海天', params: [{ name: '等级', value: '特级' }],
    skus: [{ code: 'HT-JBSC-128', barcode: '6902265360186', baseUnit: '瓶', cost: 900, weight: 1400, units: [{ name: '瓶', conversion: 1, price: 1590, minQty: 6, multiple: 6 }, { name: '箱', conversion: 6, price: 9000 }] }],
    levelPercent: { 银牌: 9600, 金牌: 9200, 钻石: 8800 } },
  { name: '金龙鱼 黄金比例调和油 5L', category: '食用油', brand: '金龙鱼',
    skus: [{ code: 'JLY-TH-5L', barcode: '6948195800507', baseUnit: '桶', cost: 5200, weight: 4800, units: [{ name: '桶', conversion: 1, price: 6990 }, { name: '箱', conversion: 4, price: 26900 }] }] },
  { name: '华为手机 Mate60 Pro', subtitle: '卫星通话 · 超可靠玄武架构', category: '手机', brand: '华为', visibleTypes: ['dealer', 'retailer'],
    specs: [{ name: '颜色', values: ['雅丹黑', '白沙银'] }, { name: '容量', values: ['256G', '512G'] }],
    params: [{ name: '处理器', value: '麒麟 9000S' }, { name: '屏幕尺寸', value: '6.82 英寸' }, { name: '后置摄像头', value: '5000 万像素' }, { name: '电池容量', value: '5000 mAh' }],
    instructions: '首次使用：长按电源键开机，按提示完成设置。充电：请使用原装 88W 充电器，充电时避免高温环境。',
    skus: [
      { code: 'HW-M60P-BK-256', barcode: '6942103100001', specValues: ['雅丹黑', '256G'], baseUnit: '台', cost: 520000, weight: 225, units: [{ name: '台', conversion: 1, price: 699900 }] },
      { code: 'HW-M60P-BK-512', barcode: '6942103100002', specValues: ['雅丹黑', '512G'], baseUnit: '台', cost: 580000, weight: 225, units: [{ name: '台', conversion: 1, price: 799900 }] },
      { code: 'HW-M60P-WH-256', barcode: '6942103100003', specValues: ['白沙银', '256G'], baseUnit: '台', cost: 520000, weight: 225, units: [{ name: '台', conversion: 1, price: 699900 }] },
    ], levelPercent: { 银牌: 9700, 金牌: 9400, 钻石: 9100 } },
  { name: '小米 67W 快充充电器', category: '配件', brand: '小米',
    skus: [{ code: 'MI-67W', barcode: '6934177700001', baseUnit: '个', cost: 5500, weight: 120, units: [{ name: '个', conversion: 1, price: 9900 }, { name: '盒', conversion: 10, price: 92000 }] }],
    levelPercent: { 金牌: 9000 } },
  { name: '农夫山泉 东方树叶 500ml', category: '茶饮料', brand: '农夫山泉', specs: [{ name: '口味', values: ['茉莉花茶', '乌龙茶', '红茶'] }],
    skus: [
      { code: 'NFSQ-DFSY-ML', barcode: '6921168550111', specValues: ['茉莉花茶'], baseUnit: '瓶', cost: 250, weight: 540, units: [{ name: '瓶', conversion: 1, price: 500 }, { name: '箱', conversion: 15, price: 7000 }] },
      { code: 'NFSQ-DFSY-WL', barcode: '6921168550128', specValues: ['乌龙茶'], baseUnit: '瓶', cost: 250, weight: 540, units: [{ name: '瓶', conversion: 1, price: 500 }, { name: '箱', conversion: 15, price: 7000 }] },
      { code: 'NFSQ-DFSY-HC', barcode: '6921168550135', specValues: ['红茶'], baseUnit: '瓶', cost: 250, weight: 540, units: [{ name: '瓶', conversion: 1, price: 500 }, { name: '箱', conversion: 15, price: 7000 }] },
    ], levelPercent: { 金牌: 9000, 钻石: 8600 } },
  { name: '雪碧 500ml', category: '碳酸饮料', brand: '可口可乐',
    skus: [{ code: 'SPRITE-500', barcode: '6954767420011', baseUnit: '瓶', cost: 160, weight: 530, units: [{ name: '瓶', conversion: 1, price: 350 }, { name: '箱', conversion: 24, price: 7800 }] }] },
  { name: '芬达 橙味 500ml', category: '碳酸饮料', brand: '可口可乐',
    skus: [{ code: 'FANTA-500', barcode: '6954767430010', baseUnit: '瓶', cost: 160, weight: 530, units: [{ name: '瓶', conversion: 1, price: 350 }, { name: '箱', conversion: 24, price: 7800 }] }] },
  { name: '康师傅 红烧牛肉面 五连包', category: '方便食品', brand: '康师傅',
    skus: [{ code: 'KSF-HSNR-5', barcode: '6920152400012', baseUnit: '包', cost: 1050, weight: 520, units: [{ name: '包', conversion: 1, price: 1650 }, { name: '箱', conversion: 6, price: 9500 }] }],
    levelPercent: { 金牌: 9300 } },
  { name: '康师傅 冰糖雪梨 1L', category: '茶饮料', brand: '康师傅',
    skus: [{ code: 'KSF-BTXL-1L', barcode: '6920459906019', baseUnit: '瓶', cost: 260, weight: 1060, units: [{ name: '瓶', conversion: 1, price: 550 }, { name: '箱', conversion: 12, price: 6200 }] }] },
  { name: '海天 上等蚝油 700g', category: '酱油', brand: '海天',
    skus: [{ code: 'HT-HY-700', barcode: '6902265210016', baseUnit: '瓶', cost: 650, weight: 820, units: [{ name: '瓶', conversion: 1, price: 1190 }, { name: '箱', conversion: 12, price: 13500 }] }] },
  { name: '海天 老抽王 500ml', category: '酱油', brand: '海天',
    skus: [{ code: 'HT-LCW-500', barcode: '6902265110019', baseUnit: '瓶', cost: 480, weight: 620, units: [{ name: '瓶', conversion: 1, price: 890 }, { name: '箱', conversion: 12, price: 10000 }] }] },
  { name: '海天 苹果醋 450ml', category: '酱油', brand: '海天',
    skus: [{ code: 'HT-PGC-450', barcode: '6902265510017', baseUnit: '瓶', cost: 420, weight: 560, units: [{ name: '瓶', conversion: 1, price: 790 }, { name: '箱', conversion: 12, price: 8800 }] }] },
  { name: '金龙鱼 东北大米 5kg', category: '大米', brand: '金龙鱼',
    skus: [{ code: 'JLY-DM-5KG', barcode: '6948195860013', baseUnit: '袋', cost: 3100, weight: 5050, units: [{ name: '袋', conversion: 1, price: 4590 }, { name: '件', conversion: 4, price: 17800 }] }],
    levelPercent: { 银牌: 9800, 金牌: 9500, 钻石: 9200 } },
  { name: '金龙鱼 纯正花生油 1.8L', category: '食用油', brand: '金龙鱼',
    skus: [{ code: 'JLY-HSY-18', barcode: '6948195810018', baseUnit: '桶', cost: 3300, weight: 1700, units: [{ name: '桶', conversion: 1, price: 4990 }, { name: '箱', conversion: 6, price: 28800 }] }] },
  { name: '华为 FreeBuds 5i 无线耳机', category: '配件', brand: '华为', specs: [{ name: '颜色', values: ['星光白', '星际黑'] }],
    skus: [
      { code: 'HW-FB5I-WH', barcode: '6942103120011', specValues: ['星光白'], baseUnit: '副', cost: 31000, weight: 80, units: [{ name: '副', conversion: 1, price: 44900 }] },
      { code: 'HW-FB5I-BK', barcode: '6942103120028', specValues: ['星际黑'], baseUnit: '副', cost: 31000, weight: 80, units: [{ name: '副', conversion: 1, price: 44900 }] },
    ], levelPercent: { 金牌: 9300, 钻石: 9000 } },
  { name: '小米 充电宝 10000mAh', category: '配件', brand: '小米',
    skus: [{ code: 'MI-PB-10K', barcode: '6934177700025', baseUnit: '个', cost: 6000, weight: 230, units: [{ name: '个', conversion: 1, price: 9900 }, { name: '盒', conversion: 10, price: 93000 }] }] },
  { name: '小米 Type-C 数据线 1m', category: '配件', brand: '小米',
    skus: [{ code: 'MI-CABLE-C1', barcode: '6934177700032', baseUnit: '根', cost: 900, weight: 40, units: [{ name: '根', conversion: 1, price: 1990, minQty: 10, multiple: 5 }, { name: '盒', conversion: 50, price: 85000 }] }] },
];
