/** 发票管理 and the order page's 发票 card (admin namespace, key `invoices`). */
export const invoicesZhCN = {
  title: '发票管理',
  tabs: { queue: '待开票', list: '已开票' },
  status: { none: '未开票', requested: '未开票（已申请）', partially_invoiced: '部分开票', invoiced: '已开票' },
  state: { issued: '已开票', voided: '已作废' },
  source: { checkout: '下单时申请', mall: '客户申请', staff: '后台设置' },
  issue: '开票',
  issueTitle: '开票',
  issued: '已开票',
  export: '导出 Excel（税务软件导入）',
  empty: '暂无发票',
  queueEmpty: '没有待开票的订单',
  col: {
    invoiceNo: '发票号码', invoiceCode: '发票代码', kind: '类型', issueDate: '开票日期', customer: '客户', buyer: '购方',
    amount: '价税合计', tax: '税额', taxRate: '税率', status: '状态', orders: '订单', orderNo: '订单号', submittedAt: '下单时间',
    total: '订单金额', invoiceable: '可开票金额', invoiced: '已开票', remaining: '待开票', request: '开票申请', thisTime: '本次开票金额', issuedBy: '开票人',
  },
  filter: { customer: '客户', status: '状态', kind: '类型', number: '发票号码或客户名', from: '开票日期起', to: '开票日期止' },
  form: {
    customer: '客户', orders: '开票订单', ordersHint: '勾选订单；金额默认为待开票金额，可改为部分金额', noOrders: '该客户没有可开票的订单',
    pickCustomer: '请先选择客户', pickOrders: '请至少勾选一个订单', kind: '发票类型', buyerFrom: '购方信息来源',
    fromRequest: '订单申请的抬头', fromProfile: '客户发票抬头：{{title}}', taxRate: '税率', invoiceNo: '发票号码', invoiceNoHint: '税务软件开具后的号码（8–20 位数字）',
    invoiceCode: '发票代码（选填）', issueDate: '开票日期', remark: '备注', total: '价税合计 {{amount}}，税额 {{tax}}，不含税 {{net}}',
    amountTooHigh: '超过待开票金额 {{max}}', remainingNow: '订单 {{orderNo}} 现在只能开 {{remaining}}，已刷新',
  },
  void: '作废', voidTitle: '作废发票 {{no}}', voidReason: '作废原因', voided: '已作废', voidedBecause: '作废原因：{{reason}}',
  card: {
    title: '发票', request: '开票申请', noRequest: '未申请开票', setRequest: '设置开票申请', clearRequest: '清除申请', cleared: '已清除开票申请',
    requestSet: '已设置开票申请', pickProfile: '选择客户的发票抬头', noProfiles: '该客户还没有发票抬头，请先在客户资料中添加',
    amounts: '订单 {{total}} · 可开票 {{invoiceable}} · 已开票 {{invoiced}} · 待开票 {{remaining}}', issueHere: '为此订单开票',
  },
};
