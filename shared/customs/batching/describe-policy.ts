import type { CodeLanguage } from '../../codes/code-table';
import { defaultBatchingPolicy, type BatchingPolicy } from './policy';

const periodWords: Record<CodeLanguage, Record<BatchingPolicy['collectivePeriod'], string>> = {
  'zh-CN': { month: '每个自然月', halfMonth: '每半个月（1–15日、16日至月末）', week: '每周（周一至周日）' },
  en: {
    month: 'each calendar month',
    halfMonth: 'each half month (1st–15th, 16th–month end)',
    week: 'each week (Monday to Sunday)',
  },
};

/**
 * The batching rules in words a compliance officer checks against the zone's rules, for the
 * Declarations screen. It states what batchMovements does; a change to one is a change to the other.
 */
export function describeBatchingPolicy(
  lang: CodeLanguage,
  policy: BatchingPolicy = defaultBatchingPolicy,
): string[] {
  const period = periodWords[lang][policy.collectivePeriod];
  if (lang === 'zh-CN')
    return [
      '只有需要向海关申报的货物移动才进入申报单证；库内移库、盘点调整、冲销等无需申报的移动不会出现。',
      '待申报的移动按以下条件归并为同一份核注清单：同一账册、同一进出口标志、同一监管方式、同一清单类型、同一流转类型、同一关联账册或关联报关的对方企业、同一报关标志与报关类型（以及由此确定的运输方式、起运/运抵国、征免方式）。任一条件不同，即分开成单。',
      '同一清单内，同一备案序号的多次移动合并为一行：数量按十进制精确相加，法定数量按账册折算系数计算，申报总价 = 数量 × 申报单价，保留两位小数。',
      `每份清单最多 ${policy.lineLimit} 行（海关生成报关单的上限为 50 行），超过即另起一单；一次移动不会被拆到两份清单里。单次移动超过 ${policy.lineLimit} 行时暂不申报，请先拆分该移动。`,
      `分送集报出区与保税展示销售按${period}汇总为一份集报清单，待该期间结束后申报；集报期间从不跨越自然年度（跨年的一周在12月31日截止）。`,
      '需要过卡的移动，随清单生成一份核放单（关联单证类型 1 核注清单）。海关尚未给出清单编号前，核放单的关联单证号暂填清单的企业内部编号，且核放单暂不发送；清单审核通过、取得清单编号（QD…）后，改为该编号再发送。',
      '每份单证在生成时取得一次企业内部编号（设备前缀 + 日期 + 本设备流水号），此后每次重发都使用同一编号，海关据此识别重复申报；编号永不重复使用。',
      '出区核注清单（一线出区、二线出区、区内/区间流转转出、分送集报、展示销售、销毁）只申报海关底账已能扣减的数量：海关审核出区清单时，按该备案序号的已记账库存减去已预核扣的数量核对余量，不足即退单。因此，某备案序号的已记账库存（最近一次清单记账回执 INV211 所报；尚无 INV211 时，为账册启用时导入的期初库存加上海关已记账的清单），减去已申报尚未记账、也未被退单的出区清单数量，再减去更早的待申报出区移动所需数量，不足本次移动所需时，该移动暂不申报，保持“待申报”，并注明备案序号、料号、所需数量与底账目前可用数量；入区清单记账（收到 INV211）后的下一次组批即予申报。同一备案序号的移动按发生先后依次占用底账余量，后发生的不会越过先发生的。',
      '外发加工、设备维修/检测与保税展示的出区和返区不单独生成核注清单（货物仍在账册上），而是在业务申报表下以出入库单申报：同一账册、同一业务类型、同一区外企业（展示为同一展示地）共用一份业务申报表，首次出现时先申报申报表，其中的移动保持“待申报”，海关审核通过后，再按出区 E / 返区 I 生成出入库单，并随附核放单（关联单证类型 2 出入库单，海关给出出入库单编号后再发送）。出区数量超过申报表剩余数量、或申报表未列明该备案序号时，另报一份新的申报表；申报表有效期至当年年底（不超过账册有效期）。',
    ];
  return [
    'Only movements customs must hear of go into documents; relocations, stocktake adjustments, reversals and other undeclared movements never appear.',
    'Pending movements share one verification list (核注清单) only when they have the same account book, direction (in/out), supervision mode, list type, transfer type, related book or counterparty of a linked declaration, and declaration flags (and so the same transport mode, country and levy mode). Any difference starts another list.',
    'Within a list, movements of the same book line (备案序号) become one line: quantities are added exactly, legal quantities follow the book line’s conversion factors, and the declared total is quantity × unit price rounded to 2 decimals.',
    `A list holds at most ${policy.lineLimit} lines (a generated customs declaration holds 50); beyond that a new list starts. A movement is never split across lists; one with more than ${policy.lineLimit} lines is held until it is split.`,
    `分送集报 dispatches and display sales are collected into one collective list for ${period}, declared once the period is over. A collective list never spans two calendar years (a week across the new year ends on 31 December).`,
    'Movements that pass the gate get a gate pass (核放单) with their list, related to it as type 1 (核注清单). Until customs numbers the list, the pass names the list by its enterprise-internal number and is not sent; once the list is approved and has its QD number, the pass names that number and goes out.',
    'Each document gets its enterprise-internal number once, when it is made (device prefix + date + this device’s counter), and keeps it through every resend, which is how customs recognises a duplicate; a number is never used again.',
    'An outbound list (exit abroad, release to the domestic market, transfer out within or between zones, 分送集报, display sales, scrap) declares only what customs’ book can already deduct: customs checks an E list against the book line’s posted stock less what approved lists pre-deduct (预核扣), and rejects it (退单) when that falls short. So while a book line’s posted stock (as the last INV211 posting receipt reported it; before any INV211, the opening balance imported when the book was started plus the lists customs has posted), less what outbound lists declared and neither posted nor rejected take, less what earlier pending outbound movements need, does not cover a movement, the movement stays pending, held as awaiting the inbound list’s posting, with the book line, the quantity it needs and what customs’ book allows; the first batching after customs posts the goods in (INV211) declares it. Movements of one book line take customs’ stock in the order they happened: a later one never overtakes an earlier one.',
    'Goods out for processing, repair, testing or bonded display, and their return, stay on the book, so they get no 核注清单 of their own: they are declared by 出入库单 (warehouse slips) under a 业务申报表 (business declaration). One form serves a book, business type and processor (or display site); when a business first appears the form is declared and its movements stay pending until customs approves it. Then each batch makes slips, E out and I back, with their gate pass (related as type 2, 出入库单, and sent once customs numbers the slip). Goods beyond what the form has left, or book lines it does not list, get another form; a form is valid to the end of the year (at most the book’s end).',
  ];
}
