import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import {
  canonicalJson,
  createJournalEntry,
  entryHash,
  GENESIS_HASH,
  journalToNdjson,
  parseJournalNdjson,
  postMovement,
  reverseMovement,
  verifyJournal,
  verifyJournalText,
  type JournalEntry,
  type Movement,
} from '../../../shared/ledger';
import { lineFor, movement, occurredAt } from './fixtures';

function chain(movements: Movement[], deviceId = 'device-a'): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const m of movements) {
    entries.push(
      createJournalEntry(entries.at(-1) ?? null, {
        id: newId(),
        deviceId,
        recordedAt: occurredAt,
        movement: m,
      }),
    );
  }
  return entries;
}

const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')], { note: '首批到货' });
const relocated = movement('relocate', [lineFor('relocate', '30')]);
const released = movement('releaseDomestic', [lineFor('releaseDomestic', '20')]);
const journal = chain([received, relocated, released]);

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined members and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 'x', e: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"f":"x"}]},"b":1}',
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });
});

describe('journal entries', () => {
  it('chain per device: sequence 1, 2, 3 and each prevHash the previous hash', () => {
    expect(journal.map((e) => e.deviceSeq)).toEqual([1, 2, 3]);
    expect(journal[0]!.prevHash).toBe(GENESIS_HASH);
    expect(journal[1]!.prevHash).toBe(journal[0]!.hash);
    expect(journal[2]!.prevHash).toBe(journal[1]!.hash);
    expect(journal[0]!.postings).toEqual(postMovement(received));
  });

  it('hash the previous hash and the canonical entry with SHA-256, independent of key order', () => {
    const [first] = journal;
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(first!).reverse()) as JournalEntry;
    expect(entryHash(reordered)).toBe(first!.hash);
    expect(entryHash({ ...first!, recordedAt: '2025-03-01T02:00:01.000Z' })).not.toBe(first!.hash);
  });

  it('matches a known SHA-256 so the algorithm cannot drift silently', () => {
    // Expected value from coreutils: printf '\n{"prevHash":""}' | sha256sum
    expect(entryHash({ prevHash: GENESIS_HASH })).toBe(
      entryHash({ prevHash: GENESIS_HASH, hash: 'ignored' }),
    );
    expect(entryHash({ prevHash: '' })).toBe(
      'bbd144d14e498b3495c186135872e230ab75df6e501bfd35d54e312e91d96fa5',
    );
  });
});

describe('verifyJournal', () => {
  it('accepts a good journal and returns its balances and device heads', () => {
    const verdict = verifyJournal(journal);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.entryCount).toBe(3);
    expect(verdict.heads.get('device-a')).toEqual({ deviceSeq: 3, hash: journal[2]!.hash });
  });

  it('accepts interleaved devices, each with its own chain', () => {
    const a = chain([received, released], 'device-a');
    const b = chain([relocated], 'device-b');
    expect(verifyJournal([a[0], b[0], a[1]]).ok).toBe(true);
  });

  const failsAt = (entries: unknown[], index: number, reason: RegExp) => {
    const verdict = verifyJournal(entries);
    expect(verdict).toMatchObject({ ok: false, index });
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  };

  it('names the entry whose content was edited', () => {
    const edited = structuredClone(journal);
    edited[1]!.movement.lines[0]!.qty = '31';
    failsAt(edited, 1, /hash does not match/);
    if (!verifyJournal(edited).ok) expect(verifyJournal(edited)).toMatchObject({ id: journal[1]!.id });
  });

  it('names a dropped, repeated or reordered entry', () => {
    failsAt([journal[0], journal[2]], 1, /sequence 3 where 2 was expected/);
    failsAt([journal[0], journal[0]], 1, /sequence 1 where 2 was expected/);
    failsAt([journal[1], journal[0]], 0, /sequence 2 where 1 was expected/);
  });

  it('refuses an entry re-hashed onto a forged chain', () => {
    const forged = { ...journal[1]!, prevHash: 'f'.repeat(64) };
    failsAt([journal[0], { ...forged, hash: entryHash(forged) }], 1, /prevHash does not match/);
  });

  it('refuses postings that differ from the rules even when hashed correctly', () => {
    const body = createJournalEntry(journal[0]!, {
      id: newId(),
      deviceId: 'device-a',
      recordedAt: occurredAt,
      movement: relocated,
    });
    const tampered = {
      ...body,
      postings: body.postings.map((p) => ({ ...p, qty: p.qty === '30' ? '31' : '-31' })),
    };
    failsAt(
      [journal[0], { ...tampered, hash: entryHash(tampered) }],
      1,
      /postings differ from the posting rules/,
    );
  });

  it('refuses a movement that takes stock below zero, naming the book line and the shortfall', () => {
    const tooMuch = movement('exitAbroad', [lineFor('exitAbroad', '101')]);
    failsAt(chain([received, tooMuch]), 1, /below zero in zone:.*short by 1$/);
  });

  it('refuses a reversal of an unknown or already reversed movement', () => {
    const reversal = reverseMovement(relocated, { id: newId(), occurredAt, reason: 'wrong bin' });
    failsAt(chain([received, reversal]), 1, /not earlier in the journal/);
    const again = reverseMovement(relocated, { id: newId(), occurredAt, reason: 'again' });
    failsAt(chain([received, relocated, reversal, again]), 3, /reversed a second time/);
    expect(verifyJournal(chain([received, relocated, reversal])).ok).toBe(true);
  });

  it('refuses unknown fields and malformed entries with the field at fault', () => {
    failsAt([{ ...journal[0], extra: 1 }], 0, /not a valid journal entry/);
    failsAt([{ ...journal[0], deviceSeq: 0 }], 0, /deviceSeq/);
    failsAt(['not an object'], 0, /not a valid journal entry/);
  });
});

describe('NDJSON journal file', () => {
  const text = journalToNdjson(journal);

  it('round-trips, one canonical entry per line', () => {
    expect(text.split('\n')).toHaveLength(4);
    const parsed = parseJournalNdjson(text);
    expect(parsed).toEqual({ ok: true, entries: journal.map((e) => JSON.parse(canonicalJson(e))) });
    expect(verifyJournalText(text).ok).toBe(true);
  });

  it('refuses text that is not JSON or not canonical, with its line', () => {
    expect(parseJournalNdjson('{"a":1}\n{oops}\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseJournalNdjson('{"b":1,"a":2}\n')).toMatchObject({
      ok: false,
      line: 1,
      reason: 'not in canonical JSON form',
    });
    expect(parseJournalNdjson('{"a":1}')).toMatchObject({
      ok: false,
      reason: 'the file does not end with a newline',
    });
  });

  const bytes = new TextEncoder().encode(text);
  const mutated = (position: number, value: number) => {
    const copy = bytes.slice();
    copy[position] = value;
    return new TextDecoder().decode(copy);
  };

  it('rejects every single-byte change at every position (two flips per byte)', () => {
    for (let position = 0; position < bytes.length; position++) {
      for (const flip of [0x01, 0x20]) {
        const verdict = verifyJournalText(mutated(position, bytes[position]! ^ flip));
        if (verdict.ok) throw new Error(`byte ${position} ^ ${flip} went unnoticed`);
      }
    }
  });

  it('rejects any random single-byte change', () => {
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (position, value) => {
        fc.pre(value !== bytes[position]);
        expect(verifyJournalText(mutated(position, value)).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
