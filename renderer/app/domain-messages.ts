import type { Language } from '../../shared/domain/settings';
import { kinds, movementKinds, type MovementKind } from '../../shared/ledger/kinds';

/**
 * Chinese for the validation and refusal messages of shared/. shared/ keeps one English wording (its
 * tests assert it, and the CLI and logs read it), so the renderer translates at the moment a message is
 * shown, by pattern: each English sentence shape has a regex and a Chinese template. A message that no
 * pattern fully understands is shown as it came — English is better than a half-translated guess.
 *
 * Field labels keep their customs name in brackets ("商品编码 (gdecd)"): operators know the customs
 * names, and the bracket is what ties the message to the field and to the customs documentation.
 */

/** The words of each "Words (customsName)" label in shared/, in the wording the forms already use. */
const labelWords: Readonly<Record<string, string>> = {
  // shared/domain/enterprise.ts
  'Unified social credit code': '统一社会信用代码',
  'Customs code': '海关编码',
  'AEO level': '企业信用等级',
  'Enterprise id': '企业记录编号',
  'Enterprise name': '企业名称',
  // shared/domain/account-book.ts
  'Account book number': '账册编号',
  'Book number': '账册编号',
  'Book id': '账册记录编号',
  'Book type': '区域场所类别',
  'Master customs office': '主管海关',
  'Owner enterprise': '所属企业',
  'Book name': '账册名称',
  'Valid from': '有效期起',
  'Valid until': '结束有效日期',
  // shared/domain/book-line.ts, quantities.ts
  'Book line id': '账册料件记录编号',
  Book: '账册',
  'Book line number': '备案序号',
  'Item number': '料号',
  'HS code': '商品编码',
  'Goods name': '商品名称',
  'Specification and model': '规格型号',
  'Declared unit': '申报单位',
  'Legal unit': '法定单位',
  'Declared-to-legal unit factor': '法定单位比例因子',
  'Second legal unit': '第二法定单位',
  'Declared-to-second-legal unit factor': '第二法定单位比例因子',
  'Country of origin': '原产国(地区)',
  Currency: '币制',
  'Declared unit price': '申报单价',
  'Declared total': '申报总价',
  Barcode: '条码',
  'Storage limit date': '存储期限',
  Quantity: '数量',
  // shared/domain/location.ts, shared/imports
  'Location id': '库位记录编号',
  Enterprise: '企业',
  'Location code': '库位代码',
  'Location name': '库位名称',
  // shared/ledger/movement.ts
  'Movement kind': '业务类型',
  'Book line': '账册料件',
  'Location taken from': '出库库位',
  'Location put to': '入库库位',
  'Counterparty name': '对方企业',
  'Approved by': '审批人',
  'Approved at': '审批时间',
  'Movement id': '业务记录编号',
  Time: '时间',
  'Customs date': '海关日期',
  Note: '备注',
  Purpose: '业务目的',
  'Reversed movement': '被冲销的业务',
  Reason: '原因',
  // shared/store/posting.ts
  'The movement to reverse': '要冲销的业务',
  // shared/domain/settings.ts
  'The Single Window exchange folder': '单一窗口交换文件夹',
  'The gateway address': '网关地址',
};

/** The `rule` texts of patternCode in shared/domain ("… must be <rule>, got …"), as whole predicates. */
const patternRules: Readonly<Record<string, string>> = {
  '10 digits or capital letters': '必须是 10 位数字或大写字母',
  '12 characters: B, C, D, E, H, L, T or W followed by 11 letters or digits (like T3111W000076)':
    '必须是 12 个字符：以 B、C、D、E、H、L、T 或 W 开头，后接 11 位字母或数字（如 T3111W000076）',
  'up to 32 letters, digits or . _ / -': '只能由最多 32 个字母、数字或 . _ / - 组成',
};

/** Where goods sit or go, as posting-check.ts and movement.ts name the non-location sides. */
const sideWords: Readonly<Record<string, string>> = {
  display: '展示中',
  transit: '在途',
  processing: '外发加工',
  abroad: '境外',
  domestic: '境内区外',
  otherBook: '其他账册',
  destroyed: '已销毁',
  adjustment: '盘点调整',
  null: '无',
};

/** The record types of a backup file (backup-file.ts "invalid <record>: …"). */
const backupRecordWords: Readonly<Record<string, string>> = {
  enterprise: '企业',
  book: '账册',
  bookLine: '账册料件',
  location: '库位',
  outbox: '待发送队列',
};

/** Thrown by a template when a part it needs has no Chinese; the pattern then counts as not matching. */
const untranslatable = Symbol('untranslatable');

function need<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) throw untranslatable;
  return value;
}

/** "HS code (gdecd)" → "商品编码 (gdecd)". */
function label(english: string | undefined): string {
  const match = need(/^(.+) \(([\w.]+)\)$/.exec(need(english)));
  return `${need(labelWords[match[1] ?? ''])} (${match[2]})`;
}

const kindKeys: ReadonlySet<string> = new Set(movementKinds);

/** "Release to the domestic market (duty paid) (releaseDomestic)" → "二线出区 (releaseDomestic)", from kinds.ts. */
function kindName(english: string | undefined): string {
  const match = need(/^(.+) \((\w+)\)$/.exec(need(english)));
  const key = match[2] ?? '';
  if (!kindKeys.has(key)) throw untranslatable;
  const rule = kinds[key as MovementKind];
  if (rule.nameEn !== match[1]) throw untranslatable;
  return `${rule.nameZh} (${key})`;
}

/** A kind named only by its English name, as in "this side of Exit abroad is abroad". */
function kindByEnglishName(english: string | undefined): string {
  return need(Object.values(kinds).find((rule) => rule.nameEn === english)).nameZh;
}

const purposes = 'processing（外发加工）、repair（维修）或 testing（检测）';

/** A label: words, then the customs field name in brackets. No ";" so a joined list is not one label. */
const L = String.raw`([^;]+? \([\w.]+\))`;
/** A kind: its English name (which may itself hold brackets) and its key in brackets. */
const K = String.raw`([^;]+? \(\w+\))`;

interface Pattern {
  readonly en: RegExp;
  readonly zh: (parts: readonly (string | undefined)[]) => string;
}

const p = (source: string, zh: Pattern['zh']): Pattern => ({ en: new RegExp(`^${source}$`), zh });

/** Ordered: the first pattern that matches and translates every part wins, so specific shapes come first. */
const patterns: readonly Pattern[] = [
  // shared/domain/field-rules.ts and the fixed-wording fields that follow its shapes
  p(`${L} is required`, ([l]) => `${label(l)}必须填写`),
  p(`${L} may have at most (\\d+) characters`, ([l, n]) => `${label(l)}最多 ${n} 个字符`),
  p(
    `${L} must be exactly (\\d+) digits, got (.+) which has characters other than digits`,
    ([l, n, v]) => `${label(l)}必须正好是 ${n} 位数字，输入的 ${v} 含有数字以外的字符`,
  ),
  p(
    `${L} must be exactly (\\d+) digits, got (\\d+)`,
    ([l, n, got]) => `${label(l)}必须正好是 ${n} 位数字，实际为 ${got} 位`,
  ),
  p(`${L} must be text, got (.+)`, ([l, v]) => `${label(l)}必须是文字，实际为 ${v}`),
  p(`${L} must be (\\d+) digits, got (.+)`, ([l, n, v]) => `${label(l)}必须是 ${n} 位数字，实际为 ${v}`),
  p(
    `${L} must be a record id \\(UUIDv7\\), got (.+)`,
    ([l, v]) => `${label(l)}必须是记录编号 (UUIDv7)，实际为 ${v}`,
  ),
  p(
    `${L} must be a (?:real )?date written yyyyMMdd, got (.+)`,
    ([l, v]) => `${label(l)}必须是有效日期，写作 (yyyyMMdd)，实际为 ${v}`,
  ),
  p(
    `${L} must be a known 区域场所类别 code \\(Z for a comprehensive bonded zone\\), got (.+)`,
    ([l, v]) => `${label(l)}必须是已知的区域场所类别代码（综合保税区为 Z），实际为 ${v}`,
  ),
  p(
    `${L} must be a 区域场所类别 code, got (.+)`,
    ([l, v]) => `${label(l)}必须是区域场所类别代码，实际为 ${v}`,
  ),
  p(
    `${L} must be a number like 12 or 12\\.5 \\(digits and one decimal point\\), got (.+)`,
    ([l, v]) => `${label(l)}必须是数字，如 12 或 12.5（只含数字和一个小数点），实际为 ${v}`,
  ),
  p(
    `${L} must be a number written as text, like "12\\.5", got (.+)`,
    ([l, v]) => `${label(l)}必须是数字，如 "12.5"，实际为 ${v}`,
  ),
  p(
    `${L} may have at most (\\d+) decimal places, got (\\d+) in (.+)`,
    ([l, n, got, v]) => `${label(l)}最多 ${n} 位小数，${v} 有 ${got} 位`,
  ),
  p(
    `${L} has (\\d+) digits before the decimal point, at most (\\d+) are allowed — was a barcode scanned into this field\\?`,
    ([l, n, max]) => `${label(l)}整数部分有 ${n} 位，最多允许 ${max} 位——是否把条码扫进了这一栏？`,
  ),
  // Before the plain rule, which would take the whole sentence as the value shown.
  p(
    `${L} must be greater than zero, got (".*"); only a stocktake adjustment may be negative`,
    ([l, v]) => `${label(l)}必须大于零，实际为 ${v}；只有盘点调整可以为负数`,
  ),
  p(`${L} must be greater than zero, got (.+)`, ([l, v]) => `${label(l)}必须大于零，实际为 ${v}`),
  p(`${L} must not be zero`, ([l]) => `${label(l)}不能为零`),
  p(`${L} must not be negative, got (.+)`, ([l, v]) => `${label(l)}不能为负数，实际为 ${v}`),
  p(
    `${L} must be a UTC time like 2025-03-01T08:30:00Z, got (.+)`,
    ([l, v]) => `${label(l)}必须是协调世界时，如 2025-03-01T08:30:00Z，实际为 ${v}`,
  ),
  p(
    `${L} must be (.+), got (.+)`,
    ([l, rule, v]) => `${label(l)}${need(patternRules[rule ?? ''])}，实际为 ${v}`,
  ),
  // shared/domain/enterprise.ts
  p(`${L} must be 18 characters, got (\\d+)`, ([l, n]) => `${label(l)}必须是 18 个字符，实际为 ${n} 个`),
  p(
    `${L} may only hold digits and the capitals A-Y except I, O, S, V; (".+") is not allowed`,
    ([l, bad]) => `${label(l)}只能包含数字和大写字母 A-Y（I、O、S、V 除外），不允许 ${bad}`,
  ),
  p(
    `${L} (".+") fails its check: the last character should be (\\S+) — check for a typing error`,
    ([l, v, c]) => `${label(l)} ${v} 校验不通过：最后一位应为 ${c}——请检查是否输入有误`,
  ),
  p(
    `${L} must be advanced, general or none, got (nothing|".*")`,
    ([l, v]) =>
      `${label(l)}必须是 advanced（高级认证）、general（一般认证）或 none（未认证），实际为 ${v === 'nothing' ? '空' : v}`,
  ),
  // shared/domain/account-book.ts
  p(`${L} must not be before ${L}`, ([a, b]) => `${label(a)}不能早于${label(b)}`),
  // shared/domain/book-line.ts
  p(`${L} is required and must be a whole number`, ([l]) => `${label(l)}必须填写，且必须是整数`),
  p(`${L} must be a whole number`, ([l]) => `${label(l)}必须是整数`),
  p(`${L} must be 1 or more`, ([l]) => `${label(l)}必须大于或等于 1`),
  p(
    `${L} is required when a second legal unit is given`,
    ([l]) => `填写了第二法定单位时，${label(l)}必须填写`,
  ),
  p(
    `${L} is required when its factor \\(secdSfVal\\) is given`,
    ([l]) => `填写了比例因子 (secdSfVal) 时，${label(l)}必须填写`,
  ),
  p(
    `${L} must be 1 when both units are (\\S+), got (.+)`,
    ([l, unit, v]) => `两个单位都是 ${unit} 时，${label(l)}必须为 1，实际为 ${v}`,
  ),
  // shared/domain/book-line-codes.ts
  p(`${L} (\\S+) is not in the customs unit table`, ([l, c]) => `${label(l)} ${c} 不在海关计量单位代码表中`),
  p(
    `${L} (\\S+) is not a known 3-digit customs country code \\(China is 142\\)`,
    ([l, c]) => `${label(l)} ${c} 不是已知的 3 位海关国别(地区)代码（中国为 142）`,
  ),
  p(
    `${L} (\\S+) is not a known 3-digit customs currency code \\(CNY is 142, USD 502\\)`,
    ([l, c]) => `${label(l)} ${c} 不是已知的 3 位海关币制代码（人民币为 142，美元为 502）`,
  ),
  // shared/domain/location.ts
  p(
    'A location belongs to exactly one book \\(bookId\\) or one enterprise \\(enterpriseId\\)',
    () => '库位必须属于且只属于一个账册 (bookId) 或一个企业 (enterpriseId)',
  ),
  // shared/domain/settings.ts
  p(`${L} must be a full URL, like (\\S+)`, ([l, example]) => `${label(l)}必须是完整的网址，如 ${example}`),
  // shared/ledger/movement.ts
  p(`${L} (".*") is not one of: (.+)`, ([l, v, list]) => `${label(l)} ${v} 不是以下之一：${list}`),
  p('A movement needs at least one line \\(lines\\)', () => '业务至少需要一行明细 (lines)'),
  p(`${L} must be processing, repair or testing`, ([l]) => `${label(l)}必须是 ${purposes}`),
  p(
    `${L} must be the Beijing-time date of occurredAt, (\\d+), got (.+)`,
    ([l, date, v]) => `${label(l)}必须是发生时间 (occurredAt) 的北京时间日期 ${date}，实际为 ${v}`,
  ),
  p(
    'A reversal must name the movement it reverses \\(reversalOf\\)',
    () => '冲销必须指明被冲销的业务 (reversalOf)',
  ),
  p(
    'A reversal must state the kind of the movement it reverses \\(reversedKind\\), and a reversal cannot be reversed',
    () => '冲销必须注明被冲销业务的类型 (reversedKind)，且冲销本身不能再被冲销',
  ),
  p('A reversal needs a reason \\(reason\\)', () => '冲销必须填写原因 (reason)'),
  p(
    `Only a reversal names a reversed movement \\(reversalOf\\); this is ${K}`,
    ([k]) => `只有冲销才能指明被冲销的业务 (reversalOf)；本业务是${kindName(k)}`,
  ),
  p(
    `${K} needs a supervisor's approval \\(approval\\.by and approval\\.at\\) before it is posted`,
    ([k]) => `${kindName(k)}记账前需要主管审批 (approval.by, approval.at)`,
  ),
  p(
    `${K} needs the counterparty \\(counterparty\\.name\\)`,
    ([k]) => `${kindName(k)}需要填写对方企业 (counterparty.name)`,
  ),
  p(
    `${K} needs the counterparty's account book number \\(counterparty\\.putrecNo\\)`,
    ([k]) => `${kindName(k)}需要填写对方账册编号 (counterparty.putrecNo)`,
  ),
  p(
    `${K} needs its purpose \\(purpose\\): processing, repair or testing`,
    ([k]) => `${kindName(k)}需要填写业务目的 (purpose)：${purposes}`,
  ),
  p(
    `${L} is required: goods (leave|enter) a location in the zone`,
    ([l, way]) => `${label(l)}必须填写：货物${way === 'leave' ? '从区内库位出库' : '进入区内库位'}`,
  ),
  p(
    `${L} must be empty: this side of (.+) is (\\w+), not a zone location`,
    ([l, kind, side]) =>
      `${label(l)}必须为空：${kindByEnglishName(kind)}的这一端是${need(sideWords[side ?? ''])}，不是区内库位`,
  ),
  p(`${L} must differ from the location taken from`, ([l]) => `${label(l)}必须与出库库位不同`),
  // shared/ledger/movement-context.ts
  p('The movement is for another book than (\\S+)', ([b]) => `该业务属于其他账册，不属于 ${b}`),
  p(
    'Customs date (\\d+) is outside the validity of book (\\S+) \\((\\d+)–(\\d+)\\)',
    ([d, b, from, to]) => `海关日期 ${d} 不在账册 ${b} 的有效期内（${from}–${to}）`,
  ),
  p(
    'Book line (\\S+) \\((.+)\\) belongs to another book, not (\\S+)',
    ([n, item, b]) => `账册料件 ${n} (${item}) 属于其他账册，不属于 ${b}`,
  ),
  p(
    'Location (.+) belongs to another book or enterprise, not (\\S+)',
    ([code, b]) => `库位 ${code} 属于其他账册或企业，不属于 ${b}`,
  ),
  // shared/ledger/posting-check.ts
  p(
    'Not enough of book line (.+?) (at location (\\S+)|on display|in transit|out for processing): (\\S+) there, (\\S+) needed, short by (\\S+)',
    ([line, where, location, available, required, short]) => {
      const place =
        location !== undefined
          ? `库位 ${location} 的`
          : need(
              { 'on display': '展示中的', 'in transit': '在途的', 'out for processing': '外发加工中的' }[
                where as 'on display'
              ],
            );
      return `${place}账册料件 ${line} 数量不足：现有 ${available}，需要 ${required}，短缺 ${short}`;
    },
  ),
  // shared/ledger/reversal.ts
  p(
    'Movement (\\S+) is itself a reversal; record the original movement again instead',
    ([id]) => `业务 ${id} 本身就是冲销；请改为重新录入原业务`,
  ),
  p('Movement (\\S+) was already reversed by (\\S+)', ([id, by]) => `业务 ${id} 已被 ${by} 冲销`),
  p(
    'Movement (\\S+) is in a customs document waiting to be sent; take it out of that document before reversing it',
    ([id]) => `业务 ${id} 在一份待发送的海关单证中；请先把它从该单证中移出，再冲销`,
  ),
  p(
    'Movement (\\S+) \\((.+)\\) was declared to customs and cannot be reversed silently; record a correcting movement, which is declared to customs in turn',
    ([id, kind]) =>
      `业务 ${id}（${kindByEnglishName(kind)}）已向海关申报，不能直接冲销；请录入一笔更正业务，它也将向海关申报`,
  ),
  p(
    'A reversal must mirror its original exactly: (.+)',
    ([why]) => `冲销必须与原业务完全对应：${mismatch(why)}`,
  ),
  // shared/store/posting.ts
  p('Movement (\\S+) was already posted', ([id]) => `业务 ${id} 已经记账`),
  p(
    'Movement (\\S+) was already posted; nothing was posted twice',
    ([id]) => `业务 ${id} 已经记账；没有重复记账`,
  ),
  p('nothing was posted twice', () => '没有重复记账'),
  p(
    '(\\d+) of (\\d+) movements cannot be posted; nothing was posted\\. movement (\\d+): (.*?): (.+)',
    ([n, total, which, field, message]) =>
      `${total} 笔业务中有 ${n} 笔无法记账；全部未记账。第 ${which} 笔 ${field}：${inner(message)}`,
  ),
  // shared/store/posting.ts, master-data.ts and the imports: "<label> <value> …"
  p(`${L} (\\S+) does not exist`, ([l, v]) => `${label(l)} ${v} 不存在`),
  p(`${L} does not exist`, ([l]) => `${label(l)}不存在`),
  p('Owner enterprise (\\S+) does not exist', ([id]) => `所属企业 ${id} 不存在`),
  p('Book line (\\S+) does not exist', ([id]) => `账册料件 ${id} 不存在`),
  p('Location (\\S+) does not exist', ([id]) => `库位 ${id} 不存在`),
  p('Book (\\S+) already exists', ([b]) => `账册 ${b} 已存在`),
  p(`${L} (.+) is already in use`, ([l, v]) => `${label(l)} ${v} 已被使用`),
  p(`${L} (.+) is already used in this book`, ([l, v]) => `${label(l)} ${v} 在本账册中已被使用`),
  p(`${L} (.+) is already used in book (\\S+)`, ([l, v, b]) => `${label(l)} ${v} 在账册 ${b} 中已被使用`),
  p(
    `${L} (.+) is already used in enterprise (\\S+)`,
    ([l, v, e]) => `${label(l)} ${v} 在企业 ${e} 中已被使用`,
  ),
  p(`${L} (.+) appears twice`, ([l, v]) => `${label(l)} ${v} 出现了两次`),
  p('Enterprise not saved: (.+)', ([why]) => `企业未保存：${inner(why)}`),
  p('Account book not saved: (.+)', ([why]) => `账册未保存：${inner(why)}`),
  p('Location (\\d+) not saved: (.+)', ([n, why]) => `第 ${n} 个库位未保存：${inner(why)}`),
  p('(\\d+) book line\\(s\\) have problems; nothing was saved', ([n]) => `${n} 行账册料件有问题；全部未保存`),
  // shared/store/errors.ts
  p(
    'The disk is full: nothing of this change was saved, and everything saved before is intact\\. Free some space and try again\\.',
    () => '磁盘已满：这次修改全部未保存，之前保存的内容完好无损。请释放一些空间后重试。',
  ),
  // shared/store/backup.ts and backup-file.ts
  p(
    'The backup is broken at line (\\d+): (.+)\\. Nothing was restored\\.',
    ([n, why]) => `备份文件第 ${n} 行有误：${inner(why)}。没有恢复任何内容。`,
  ),
  p('the file is cut off: it does not end with a newline', () => '文件不完整：结尾没有换行'),
  p(
    'not in canonical JSON form \\(was the file edited\\?\\)',
    () => '不是规范的 JSON 格式（文件是否被改动过？）',
  ),
  p(
    'the end line with the file digest is missing: the file is cut off',
    () => '缺少带文件摘要的结尾行：文件不完整',
  ),
  p('unknown record type (".*")', ([type]) => `未知的记录类型 ${type}`),
  p(
    'invalid (\\w+): (.*?): (.+)',
    ([record, field, why]) => `${need(backupRecordWords[record ?? ''])}记录无效：${field}：${inner(why)}`,
  ),
  p('book (\\S+) is not in the file', ([b]) => `账册 ${b} 不在文件中`),
  p('journal entry (\\d+) \\((.+?)\\): (.+)', ([n, id, why]) => `第 ${n} 条流水 (${id})：${inner(why)}`),
  p('journal entry (\\d+): (.+)', ([n, why]) => `第 ${n} 条流水：${inner(why)}`),
  p(
    'the file digest does not match its content: some line was changed',
    () => '文件摘要与内容不符：有某一行被改动过',
  ),
  // shared/imports
  p(`${L} (.+) is also on row (\\d+)`, ([l, v, row]) => `${label(l)} ${v} 与第 ${row} 行重复`),
  p(
    `${L} (.+) is already in the book for item (.+)`,
    ([l, v, item]) => `${label(l)} ${v} 在账册中已用于料号 ${item}`,
  ),
  p(
    `${L} (.+) is already in the book on line (.+)`,
    ([l, v, n]) => `${label(l)} ${v} 在账册中已用于备案序号 ${n}`,
  ),
  p(
    'Book line number \\(gdsSeqno\\) or item number \\(gdsMtno\\) is required',
    () => '备案序号 (gdsSeqno) 和料号 (gdsMtno) 至少要填写一个',
  ),
  p(`${L} (.+) is not a line of book (.+)`, ([l, v, b]) => `${label(l)} ${v} 不是账册 ${b} 中的料件`),
  p(
    `${L} (.+) is on line (.+), not on line (.+) given beside it`,
    ([l, v, actual, given]) =>
      `${label(l)} ${v} 属于备案序号 ${actual}，与同一行填写的备案序号 ${given} 不符`,
  ),
  p(`${L} (.+) is not a location of book (.+)`, ([l, v, b]) => `${label(l)} ${v} 不是账册 ${b} 的库位`),
  p(
    'Book line (\\S+) \\((.+)\\) at location (.+) is also on row (\\d+)',
    ([n, item, code, row]) => `库位 ${code} 的账册料件 ${n} (${item}) 与第 ${row} 行重复`,
  ),
  p(
    `Column (".*") repeats ${L}: keep one column for it`,
    ([header, l]) => `列 ${header} 与${label(l)}重复：请只保留一列`,
  ),
  p(
    `Column ${L} is missing: name it (.+)`,
    ([l, names]) => `缺少${label(l)}列：请将列标题写为 ${need(names).split(' or ').join(' 或 ')}`,
  ),
  p('row (\\d+): (.+)', ([n, why]) => `第 ${n} 行：${inner(why)}`),
];

/** reversal.ts reversalMismatch's reasons. */
function mismatch(why: string | undefined): string {
  if (why === undefined) throw untranslatable;
  const reverses = /^it reverses (\S+), not (\S+)$/.exec(why);
  if (reverses) return `它冲销的是 ${reverses[1]}，不是 ${reverses[2]}`;
  const kind = /^it states kind (\S+) but the original is (\S+)$/.exec(why);
  if (kind) return `它注明的类型是 ${kind[1]}，而原业务是 ${kind[2]}`;
  if (why === 'it is on another book than the original') return '它与原业务不在同一个账册';
  if (why === 'its lines differ from the original’s lines') return '它的明细与原业务的明细不同';
  throw untranslatable;
}

/** A message inside a message ("Enterprise not saved: <reasons>"). */
const inner = (message: string | undefined): string => localizeZh(need(message));

function matchOne(message: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.en.exec(message);
    if (!match) continue;
    try {
      return pattern.zh(match.slice(1));
    } catch (error) {
      if (error !== untranslatable) throw error;
    }
  }
  return undefined;
}

/**
 * Whole message first (some single messages contain "; "), then the parts of a list the store joined
 * with "; ", each on its own; parts no pattern knows stay in English beside the translated ones.
 */
function localizeZh(message: string): string {
  const whole = matchOne(message);
  if (whole !== undefined) return whole;
  if (!message.includes('; ')) return message;
  const parts = message.split('; ');
  const translated = parts.map((part) => matchOne(part));
  if (translated.every((part) => part === undefined)) return message;
  return parts.map((part, index) => translated[index] ?? part).join('；');
}

/** The message as the user should read it: English unchanged, Chinese by the pattern table above. */
export function localizeDomainMessage(message: string, language: Language): string {
  return language === 'zh-CN' ? localizeZh(message) : message;
}
