/** The batching policy: pending movements → document drafts with their enterprise-internal numbers. */
export { batchMovements } from './batch-movements';
export type {
  BatchInput,
  BatchOptions,
  BatchResult,
  DocumentDraft,
  DraftMessageType,
  HeldMovement,
  HoldCode,
} from './batch-movements';
export { mergeLines } from './build-list';
export { declaresOutboundList } from './customs-cover';
export type { CustomsShortfall, CustomsStock, PostedStockSource } from './customs-cover';
export { passForCustomsDocument } from './build-pass';
export { batchBusinessChain, SLIP_PASSPORT_TYPECD } from './business-chain';
export type { BusinessFormRef } from './business-chain';
export {
  exhibitionPlaceOf,
  formKeyOfDocument,
  formKeyOfMovement,
  formKeyText,
  isBusinessChainKind,
} from './form-key';
export type { FormKey, FormParty } from './form-key';
export { describeBatchingPolicy } from './describe-policy';
export {
  counterAllocator,
  devicePrefixOf,
  enterpriseInternalNo,
  ENTERPRISE_NO_LENGTH,
  maxDocumentCounter,
} from './enterprise-numbers';
export type { NumberAllocator } from './enterprise-numbers';
export { isPeriodClosed, periodOf } from './periods';
export type { Period } from './periods';
export {
  BatchingPolicy,
  CollectivePeriod,
  DeclarationSettings,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
} from './policy';
export type { UnitWeight } from './policy';
export { renderDocument } from './render-draft';
export type { RenderedDocument, RenderRequest } from './render-draft';
