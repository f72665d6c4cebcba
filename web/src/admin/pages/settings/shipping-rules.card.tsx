import { Button, Card, Col, Form, Input, InputNumber, Row, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../../shared/hooks/use-regions';
import { regionTree } from '../../../shared/lib/regions';
import { fenToYuan, yuanToFen } from '../../api/catalog';
import type { ShippingBasis, ShippingRule } from '../../api/orders';
import { useMoneyRule } from '../catalog/sku-matrix';
import { useSaveSettings, useSettings } from './use-settings';

interface RuleValues {
  name: string;
  regionIds: string[];
  basis: ShippingBasis;
  first: string;
  firstUnits: number;
  extra: string;
  extraUnits: number;
  freeAbove: string;
}

const BASES: ShippingBasis[] = ['order', 'weight', 'quantity'];

const toValues = (r: ShippingRule): RuleValues => ({
  name: r.name,
  regionIds: r.regionIds,
  basis: r.basis,
  first: fenToYuan(r.firstFen),
  firstUnits: r.firstUnits,
  extra: fenToYuan(r.extraFen),
  extraUnits: r.extraUnits,
  freeAbove: r.freeAboveFen === null ? '' : fenToYuan(r.freeAboveFen),
});

const toRule = (v: RuleValues): ShippingRule => ({
  name: v.name.trim(),
  regionIds: v.regionIds ?? [],
  basis: v.basis,
  firstFen: yuanToFen(v.first) ?? 0,
  firstUnits: v.basis === 'order' ? 1 : v.firstUnits,
  extraFen: v.basis === 'order' ? 0 : (yuanToFen(v.extra) ?? 0),
  extraUnits: v.basis === 'order' ? 1 : v.extraUnits,
  freeAboveFen: v.freeAbove?.trim() ? yuanToFen(v.freeAbove) : null,
});

const NEW_RULE: RuleValues = { name: '', regionIds: [], basis: 'order', first: '', firstUnits: 1, extra: '0', extraUnits: 1, freeAbove: '' };

/** One rule: where (regions; none = everywhere else), how (per order, weight or quantity), first/extra fee, free above. */
function RuleRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  const regions = useRegions();
  const basis = Form.useWatch(['rules', index, 'basis']) as ShippingBasis | undefined;
  const perUnit = basis && basis !== 'order';
  const unitLabel = basis === 'weight' ? t('settings.shipping.grams') : t('settings.shipping.pieces');
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="shipping-rule">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[index, 'name']} label={t('settings.shipping.name')} rules={[{ required: true, whitespace: true, message: t('common:validation.required', { field: t('settings.shipping.name') }) }]}>
            <Input maxLength={50} data-testid="shipping-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name={[index, 'regionIds']} label={t('settings.shipping.regions')} extra={t('settings.shipping.regionsHint')}>
            <TreeSelect
              multiple
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_PARENT}
              treeData={regionTree(regions.data ?? [])}
              fieldNames={{ label: 'label', value: 'value', children: 'children' }}
              placeholder={t('settings.shipping.everywhere')}
              treeNodeFilterProp="label"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[index, 'basis']} label={t('settings.shipping.basis')}>
            <Select options={BASES.map((b) => ({ value: b, label: t(`settings.shipping.basisName.${b}`) }))} data-testid="shipping-basis" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, 'first']} label={perUnit ? t('settings.shipping.firstFee') : t('settings.shipping.orderFee')} rules={[money(true)]}>
            <Input prefix="¥" data-testid="shipping-first" />
          </Form.Item>
        </Col>
        {perUnit && (
          <>
            <Col xs={12} md={4}>
              <Form.Item name={[index, 'firstUnits']} label={t('settings.shipping.firstUnits')} rules={[{ required: true, type: 'number', min: 1 }]}>
                <InputNumber min={1} precision={0} addonAfter={unitLabel} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[index, 'extra']} label={t('settings.shipping.extraFee')} rules={[money(true)]}>
                <Input prefix="¥" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[index, 'extraUnits']} label={t('settings.shipping.extraUnits')} rules={[{ required: true, type: 'number', min: 1 }]}>
                <InputNumber min={1} precision={0} addonAfter={unitLabel} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={12} md={5}>
          <Form.Item name={[index, 'freeAbove']} label={t('settings.shipping.freeAbove')} rules={[money(false)]}>
            <Input prefix="¥" placeholder={t('settings.shipping.neverFree')} data-testid="shipping-free-above" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="link" danger size="small" onClick={onRemove} style={{ padding: 0 }}>{t('common:action.delete')}</Button>
    </Card>
  );
}

/** 运费规则: the first rule whose regions contain the address wins; a rule without regions covers everywhere else. */
export function ShippingRulesCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rules: RuleValues[] }>();
  const current = useSettings();
  const save = useSaveSettings(form);
  const rules = current.data?.settings.shippingRules ?? [];
  return (
    <Card variant="borderless" title={t('settings.shipping.title')} style={{ maxWidth: 960 }} data-testid="settings-shipping">
      <Typography.Paragraph type="secondary">{t('settings.shipping.hint')}</Typography.Paragraph>
      <Form<{ rules: RuleValues[] }>
        key={current.data?.version}
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={{ rules: rules.map(toValues) }}
        onFinish={(v) => save.mutate({ shippingRules: (v.rules ?? []).map(toRule) })}
      >
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('settings.shipping.none')}</Typography.Paragraph>}
              {fields.map((f) => <RuleRow key={f.key} index={f.name} onRemove={() => remove(f.name)} />)}
              {canWrite && <Button type="dashed" data-testid="shipping-add" onClick={() => add({ ...NEW_RULE })} style={{ marginBottom: 16 }}>{t('settings.shipping.add')}</Button>}
            </>
          )}
        </Form.List>
        {canWrite && <div><Button type="primary" htmlType="submit" data-testid="settings-shipping-save" loading={save.isPending}>{t('common:action.save')}</Button></div>}
      </Form>
    </Card>
  );
}
