/** The demo company: every role, every customer type and level, one registration waiting for approval. */
export const DEMO_PASSWORD = 'dinghuo123';
export const DEMO_TENANT = { slug: 'demo', name: '演示商贸有限公司' };

export const DEMO_REGIONS = [
  { key: 'east', name: '华东', parent: null, code: 'EAST' },
  { key: 'sh', name: '上海市', parent: 'east', code: '310000' },
  { key: 'js', name: '江苏省', parent: 'east', code: '320000' },
  { key: 'sz', name: '苏州市', parent: 'js', code: '320500' },
  { key: 'zj', name: '浙江省', parent: 'east', code: '330000' },
  { key: 'hz', name: '杭州市', parent: 'zj', code: '330100' },
  { key: 'south', name: '华南', parent: null, code: 'SOUTH' },
  { key: 'gd', name: '广东省', parent: 'south', code: '440000' },
  { key: 'gz', name: '广州市', parent: 'gd', code: '440100' },
  { key: 'north', name: '华北', parent: null, code: 'NORTH' },
  { key: 'bj', name: '北京市', parent: 'north', code: '110000' },
] as const;

export const DEMO_LEVELS = [
  { key: 'normal', name: '普通会员', rank: 0 },
  { key: 'silver', name: '银牌', rank: 1 },
  { key: 'gold', name: '金牌', rank: 2 },
  { key: 'diamond', name: '钻石', rank: 3 },
] as const;

export const DEMO_STAFF = [
  { username: 'owner', name: '陈老板', role: 'owner', regions: [] },
  { username: 'admin', name: '系统管理员', role: 'admin', regions: [] },
  { username: 'clerk', name: '刘接单', role: 'order_clerk', regions: [] },
  { username: 'finance', name: '周财务', role: 'finance', regions: [] },
  { username: 'warehouse', name: '吴仓管', role: 'warehouse', regions: [] },
  { username: 'shipping', name: '郑发货', role: 'shipping', regions: [] },
  { username: 'sales', name: '张伟', role: 'sales', regions: [] },
  { username: 'sales2', name: '李娜', role: 'sales', regions: [] },
  { username: 'manager', name: '王经理', role: 'regional_manager', regions: ['east'] },
  { username: 'service', name: '孙客服', role: 'service', regions: [] },
] as const;

export const DEMO_CUSTOMERS = [
  { name: '上海鼎盛贸易有限公司', type: 'dealer', level: 'gold', region: 'sh', sales: 'sales', contact: '赵刚', phone: '13800000001',
    members: [{ username: 'dealer1', name: '赵刚', role: 'buyer', admin: true }, { username: 'dealer1b', name: '钱敏', role: 'approver', admin: false }],
    address: { regionText: '上海市 浦东新区', detail: '张江路 88 号 3 号仓' } },
  { name: '广州华南批发商行', type: 'dealer', level: 'diamond', region: 'gz', sales: 'sales2', contact: '黄海', phone: '13800000002',
    members: [{ username: 'dealer2', name: '黄海', role: 'buyer', admin: true }], address: { regionText: '广东省 广州市 白云区', detail: '机场路 1208 号' } },
  { name: '杭州好邻居便利店', type: 'retailer', level: 'silver', region: 'hz', sales: 'sales2', contact: '林芳', phone: '13800000003',
    members: [{ username: 'retailer1', name: '林芳', role: 'buyer', admin: true }], address: { regionText: '浙江省 杭州市 西湖区', detail: '文三路 456 号' } },
  { name: '王先生', type: 'consumer', level: 'normal', region: 'bj', sales: null, contact: '王建国', phone: '13800000004',
    members: [{ username: 'consumer1', name: '王建国', role: 'buyer', admin: true }], address: { regionText: '北京市 朝阳区', detail: '建国路 1 号院 2 单元 301' } },
] as const;

export const DEMO_PENDING = { companyName: '苏州新开超市', type: 'retailer', contactName: '何静', phone: '13800000005', username: 'pending1', region: 'sz' } as const;
