import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unitName } from '../../../shared/codes';
import {
  fieldErrorsOf,
  newId,
  type AccountBook,
  type BookLine,
  type FieldError,
  type Location as BookLocation,
} from '../../../shared/domain';
import { kinds, Movement, type MovementKind, type ProcessingPurpose } from '../../../shared/ledger';
import { postMovement, type ZonebookDb } from '../../../shared/store';
import { fieldErrorsOfFailure, localizeFieldErrors, useMessageLanguage } from '../forms/zod-fields';
import { bookLineOfCode, locationsMatching } from './book-line-lookup';
import {
  emptyLine,
  fieldKeyOf,
  fieldOrder,
  formKinds,
  lineFieldKey,
  movementOfDraft,
  type Draft,
  type DraftLine,
  type LineField,
  type LocationLookup,
} from './movement-draft';

type Errors = Record<string, string[]>;

const purposes: ProcessingPurpose[] = ['processing', 'repair', 'testing'];

/**
 * Logs one movement of the current book without the mouse: the scan field resolves an item number or
 * barcode to its book line and moves on to the quantity, Enter walks the fields, Enter on the last one
 * (or Ctrl+Enter anywhere) posts, Alt+N adds a line. A refusal leaves every typed value in place.
 */
export function MovementForm({
  db,
  book,
  deviceId,
}: {
  db: ZonebookDb;
  book: AccountBook;
  deviceId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = useMessageLanguage();
  const { message } = App.useApp();
  const zh = i18n.language === 'zh-CN';
  const blank = (kind: MovementKind): Draft => ({
    kind,
    lines: [emptyLine(newId())],
    counterpartyName: '',
    counterpartyPutrecNo: '',
    approvedBy: '',
    note: '',
  });
  const [draft, setDraft] = useState<Draft>(() => blank('entryFromAbroad'));
  const [errors, setErrors] = useState<Errors>({});
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  const [posted, setPosted] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const postingNow = useRef(false);
  const pendingFocus = useRef<string | null>(lineFieldKey(0, 'scan'));
  const readLocations = () =>
    db.locations
      .where('bookId')
      .equals(book.id)
      .or('enterpriseId')
      .equals(book.ownerEnterpriseId)
      .sortBy('code');
  const loadedLocations = useLiveQuery(readLocations, [db, book.id, book.ownerEnterpriseId]);
  const locations = loadedLocations ?? [];
  const rule = kinds[draft.kind];
  const order = fieldOrder(draft.kind, draft.lines.length);
  const kindName = (kind: MovementKind) => (zh ? kinds[kind].nameZh : kinds[kind].nameEn);

  function focusField(key: string) {
    const element = container.current?.querySelector<HTMLInputElement>(`[data-field="${key}"]`);
    const input = element?.matches('input, textarea') ? element : element?.querySelector('input');
    input?.focus();
    if (input && 'select' in input) input.select();
  }
  useEffect(() => {
    if (pendingFocus.current) {
      focusField(pendingFocus.current);
      pendingFocus.current = null;
    }
  });
  const focusAfterRender = (key: string) => (pendingFocus.current = key);

  const setFieldErrors = (key: string, messages: string[]) =>
    setErrors((current) => ({ ...current, [key]: messages }));
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateLine = (index: number, patch: Partial<DraftLine>) =>
    setDraft((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)),
    }));

  const noBookLine = (code: string) =>
    code === '' ? t('movements.scanFirst') : t('movements.noBookLine', { code, putrecNo: book.putrecNo });
  const locationLookup =
    (known: readonly BookLocation[]): LocationLookup =>
    (typed) => {
      const matches = locationsMatching(known, typed);
      if (matches.length === 1 && matches[0]) return { location: matches[0] };
      return {
        error: matches.length
          ? t('movements.ambiguousLocation', {
              code: typed.trim(),
              codes: matches.map((l) => l.code).join(', '),
            })
          : t('movements.noLocation', { code: typed.trim(), putrecNo: book.putrecNo }),
      };
    };

  async function resolveScan(index: number): Promise<boolean> {
    const key = lineFieldKey(index, 'scan');
    const code = draft.lines[index]?.scan.trim() ?? '';
    const bookLine = code === '' ? undefined : await bookLineOfCode(db, book.id, code);
    updateLine(index, { bookLine });
    setFieldErrors(key, bookLine ? [] : [noBookLine(code)]);
    if (!bookLine) focusField(key);
    return bookLine !== undefined;
  }

  function completeLocation(index: number, field: 'from' | 'to', known: readonly BookLocation[]): boolean {
    const key = lineFieldKey(index, field);
    const typed = draft.lines[index]?.[field] ?? '';
    if (typed.trim() === '') return true;
    const found = locationLookup(known)(typed);
    if ('error' in found) {
      setFieldErrors(key, [found.error]);
      return false;
    }
    updateLine(index, { [field]: found.location.code });
    setFieldErrors(key, []);
    return true;
  }

  async function advance(key: string) {
    const line = /^lines\[(\d+)\]\.(\w+)$/.exec(key);
    const index = Number(line?.[1]);
    const field = line?.[2] as LineField | undefined;
    if (field === 'scan' && !(await resolveScan(index))) return;
    // A scanner can finish a line before the live query first answers: the location is then judged on a
    // reading of its own, never on the empty list of a page just opened. Once loaded, nothing is awaited,
    // so the focus moves on before the scanner's next keys.
    if (field === 'from' || field === 'to') {
      const known = loadedLocations ?? (await readLocations());
      if (!completeLocation(index, field, known)) return;
    }
    const next = order[order.indexOf(key) + 1];
    if (next) focusAfterRender(next);
    else void post();
    // Re-render so a focus asked for lands even when nothing else changed.
    setDraft((current) => ({ ...current }));
  }

  function addLine() {
    setDraft((current) => ({
      ...current,
      lines: [...current.lines, emptyLine(newId(), current.lines.at(-1))],
    }));
    focusAfterRender(lineFieldKey(draft.lines.length, 'scan'));
  }

  function removeLine(index: number) {
    setDraft((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }));
    setErrors({});
    focusAfterRender(lineFieldKey(Math.max(0, index - 1), 'scan'));
  }

  function onFieldKeyDown(event: KeyboardEvent, key: string) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) void post();
    else void advance(key);
  }

  function onContainerKeyDown(event: KeyboardEvent) {
    // A field already acted on this key (its own Enter or Ctrl+Enter).
    if (event.defaultPrevented) return;
    if (event.altKey && event.code === 'KeyN') {
      event.preventDefault();
      addLine();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void post();
    }
  }

  function show(found: FieldError[]) {
    const byField: Errors = {};
    const general: FieldError[] = [];
    for (const error of found) {
      const key = fieldKeyOf(error.field) ?? (order.includes(error.field) ? error.field : undefined);
      if (key) byField[key] = [...(byField[key] ?? []), error.message];
      else general.push(error);
    }
    setErrors(byField);
    setFormErrors(general);
    const first = order.find((key) => byField[key]);
    if (first) focusField(first);
  }

  async function post() {
    // A ref, not the state: a scanner's second Enter arrives before React re-renders.
    if (postingNow.current) return;
    postingNow.current = true;
    setPosting(true);
    setPosted(null);
    try {
      // A code typed but not yet resolved with Enter is resolved now, as Enter would have.
      const lines = await Promise.all(
        draft.lines.map(async (line): Promise<DraftLine> => {
          if (line.bookLine || line.scan.trim() === '') return line;
          const bookLine: BookLine | undefined = await bookLineOfCode(db, book.id, line.scan.trim());
          return { ...line, bookLine };
        }),
      );
      const current = { ...draft, lines };
      setDraft(current);
      const now = new Date().toISOString();
      const { movement, errors: before } = movementOfDraft(current, {
        id: newId(),
        bookId: book.id,
        now,
        findLocation: locationLookup(loadedLocations ?? (await readLocations())),
        unresolved: noBookLine,
      });
      const parsed = Movement.safeParse(movement);
      const taken = new Set(before.map((e) => fieldKeyOf(e.field) ?? e.field));
      const schemaErrors = parsed.success
        ? []
        : fieldErrorsOf(parsed.error).filter((e) => !taken.has(fieldKeyOf(e.field) ?? '#'));
      if (before.length || schemaErrors.length)
        return show(localizeFieldErrors([...before, ...schemaErrors], language));
      await postMovement(db, movement, { deviceId });
      const summary = t('movements.posted', {
        kind: kindName(current.kind),
        lines: lines
          .filter((line) => line.bookLine)
          .map((line) => `#${line.bookLine?.gdsSeqno} ${line.bookLine?.gdsMtno} × ${line.qty.trim()}`)
          .join(', '),
      });
      message.success(summary);
      setPosted(summary);
      setErrors({});
      setFormErrors([]);
      setDraft(blank(current.kind));
      focusAfterRender(lineFieldKey(0, 'scan'));
    } catch (error) {
      show(fieldErrorsOfFailure(error, language));
    } finally {
      postingNow.current = false;
      setPosting(false);
    }
  }

  const status = (key: string) => (errors[key]?.length ? ('error' as const) : undefined);
  const help = (key: string, otherwise?: string) =>
    errors[key]?.length ? errors[key]?.join('; ') : otherwise;
  const locationHint = (typed: string) => {
    const matches = locationsMatching(locations, typed);
    return matches.length > 1 ||
      (matches.length === 1 && matches[0]?.code.toUpperCase() !== typed.trim().toUpperCase())
      ? matches
          .slice(0, 6)
          .map((l) => `${l.code} ${l.name}`)
          .join(' · ')
      : undefined;
  };
  const resolvedText = (line: DraftLine) =>
    line.bookLine &&
    `#${line.bookLine.gdsSeqno} ${line.bookLine.gdsMtno} · ${line.bookLine.gdsNm} · ${
      unitName(line.bookLine.dclUnitcd, zh ? 'zh-CN' : 'en') ?? line.bookLine.dclUnitcd
    }`;

  const locationInput = (index: number, line: DraftLine, field: 'from' | 'to') => {
    const key = lineFieldKey(index, field);
    return (
      <Form.Item
        label={t(`movements.${field}`)}
        validateStatus={status(key)}
        help={help(key, locationHint(line[field]))}
        style={{ width: 170 }}
      >
        <Input
          data-field={key}
          aria-label={`${t(`movements.${field}`)} ${index + 1}`}
          autoComplete="off"
          value={line[field]}
          placeholder={locations[0]?.code}
          onChange={(e) => updateLine(index, { [field]: e.target.value })}
          onKeyDown={(event) => onFieldKeyDown(event, key)}
        />
      </Form.Item>
    );
  };

  return (
    <div ref={container} onKeyDown={onContainerKeyDown}>
      <Form layout="vertical" component="div">
        <Flex gap={16} align="end" wrap>
          <Form.Item label={t('movements.kind')} style={{ minWidth: 300 }}>
            <Select
              data-field="kind"
              aria-label={t('movements.kind')}
              value={draft.kind}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(kind: MovementKind) => {
                update({ kind });
                setErrors({});
                setFormErrors([]);
                focusAfterRender(lineFieldKey(0, 'scan'));
              }}
              options={formKinds.map((kind) => ({ value: kind, label: kindName(kind) }))}
            />
          </Form.Item>
          <Typography.Text type="secondary" style={{ marginBottom: 16 }}>
            {t('movements.keys')}
          </Typography.Text>
        </Flex>

        {draft.lines.map((line, index) => {
          const scanKey = lineFieldKey(index, 'scan');
          const qtyKey = lineFieldKey(index, 'qty');
          return (
            <Flex key={line.key} gap={12} align="start" wrap data-testid={`line-${index}`}>
              <Form.Item
                label={t('movements.scan')}
                validateStatus={status(scanKey)}
                help={help(scanKey, resolvedText(line))}
                style={{ width: 360 }}
              >
                <Input
                  data-field={scanKey}
                  aria-label={`${t('movements.scan')} ${index + 1}`}
                  autoComplete="off"
                  value={line.scan}
                  placeholder={t('movements.scanPlaceholder')}
                  onChange={(e) => updateLine(index, { scan: e.target.value, bookLine: undefined })}
                  onKeyDown={(event) => onFieldKeyDown(event, scanKey)}
                />
              </Form.Item>
              <Form.Item
                label={rule.signedQty ? t('movements.signedQty') : t('movements.qty')}
                validateStatus={status(qtyKey)}
                help={help(qtyKey)}
                style={{ width: rule.signedQty ? 220 : 160 }}
              >
                <Input
                  data-field={qtyKey}
                  aria-label={`${t('movements.qty')} ${index + 1}`}
                  autoComplete="off"
                  inputMode="decimal"
                  value={line.qty}
                  onChange={(e) => updateLine(index, { qty: e.target.value })}
                  onKeyDown={(event) => onFieldKeyDown(event, qtyKey)}
                />
              </Form.Item>
              {rule.from === 'zone' && locationInput(index, line, 'from')}
              {rule.to === 'zone' && locationInput(index, line, 'to')}
              {draft.lines.length > 1 && (
                <Button
                  aria-label={t('movements.removeLine', { n: index + 1 })}
                  icon={<DeleteOutlined />}
                  style={{ marginTop: 30 }}
                  onClick={() => removeLine(index)}
                  tabIndex={-1}
                />
              )}
            </Flex>
          );
        })}
        <Button icon={<PlusOutlined />} onClick={addLine} style={{ marginBottom: 16 }}>
          {t('movements.addLine')}
        </Button>

        <Flex gap={16} wrap>
          {rule.counterparty !== 'none' && (
            <Form.Item
              label={`${t('movements.counterpartyName')} (counterparty.name)`}
              validateStatus={status('counterparty.name')}
              help={help('counterparty.name')}
              style={{ width: 320 }}
            >
              <Input
                data-field="counterparty.name"
                aria-label={t('movements.counterpartyName')}
                autoComplete="off"
                value={draft.counterpartyName}
                onChange={(e) => update({ counterpartyName: e.target.value })}
                onKeyDown={(event) => onFieldKeyDown(event, 'counterparty.name')}
              />
            </Form.Item>
          )}
          {rule.counterparty === 'book' && (
            <Form.Item
              label={`${t('movements.counterpartyPutrecNo')} (counterparty.putrecNo)`}
              validateStatus={status('counterparty.putrecNo')}
              help={help('counterparty.putrecNo')}
              style={{ width: 260 }}
            >
              <Input
                data-field="counterparty.putrecNo"
                aria-label={t('movements.counterpartyPutrecNo')}
                autoComplete="off"
                maxLength={12}
                value={draft.counterpartyPutrecNo}
                onChange={(e) => update({ counterpartyPutrecNo: e.target.value })}
                onKeyDown={(event) => onFieldKeyDown(event, 'counterparty.putrecNo')}
              />
            </Form.Item>
          )}
          {rule.needsPurpose && (
            <Form.Item
              label={`${t('movements.purpose')} (purpose)`}
              validateStatus={status('purpose')}
              help={help('purpose')}
            >
              <div data-field="purpose" onKeyDown={(event) => onFieldKeyDown(event, 'purpose')}>
                <Radio.Group
                  value={draft.purpose}
                  onChange={(e) => update({ purpose: e.target.value as ProcessingPurpose })}
                  optionType="button"
                  options={purposes.map((purpose) => ({
                    value: purpose,
                    label: t(`movements.purposes.${purpose}`),
                  }))}
                />
              </div>
            </Form.Item>
          )}
          {rule.approval && (
            <Form.Item
              label={`${t('movements.approvedBy')} (approval.by)`}
              validateStatus={status('approval.by')}
              help={help('approval.by', t('movements.approvedByHint'))}
              style={{ width: 260 }}
            >
              <Input
                data-field="approval.by"
                aria-label={t('movements.approvedBy')}
                autoComplete="off"
                value={draft.approvedBy}
                onChange={(e) => update({ approvedBy: e.target.value })}
                onKeyDown={(event) => onFieldKeyDown(event, 'approval.by')}
              />
            </Form.Item>
          )}
          <Form.Item
            label={`${t('movements.note')} (note)`}
            validateStatus={status('note')}
            help={help('note')}
            style={{ flex: 1, minWidth: 260 }}
          >
            <Input
              data-field="note"
              aria-label={t('movements.note')}
              autoComplete="off"
              value={draft.note}
              onChange={(e) => update({ note: e.target.value })}
              onKeyDown={(event) => onFieldKeyDown(event, 'note')}
            />
          </Form.Item>
        </Flex>

        <Space orientation="vertical" style={{ width: '100%' }}>
          {formErrors.map((error) => (
            <Alert
              key={error.field + error.message}
              type="error"
              showIcon
              role="alert"
              title={error.message}
            />
          ))}
          <Button type="primary" loading={posting} onClick={() => void post()}>
            {t('movements.post', { kind: kindName(draft.kind) })}
          </Button>
          {posted && <Alert type="success" showIcon role="status" title={posted} />}
        </Space>
      </Form>
    </div>
  );
}
