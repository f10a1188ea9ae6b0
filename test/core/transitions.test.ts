import fc from 'fast-check';
import { Complaint, OFFICER_STATUS, STATUS, Status, emptyComplaint } from '../../src/core/complaint';
import { AdminInput, OfficerInput, applyAdminEdit, applyOfficerEdit } from '../../src/core/transitions';

const t0 = new Date('2026-03-16T09:10:00+07:00');
const t1 = new Date('2026-03-16T11:00:00+07:00');
const now = new Date('2026-03-17T10:30:00+07:00');
const ACTIVE = ['UP Museum Seni', 'UP Museum Kebaharian', 'UP Perkampungan Budaya Betawi'];

function complaint(over: Partial<Complaint> = {}): Complaint {
  return {
    ...emptyComplaint('ADU-2026-0001', t0),
    receivedAt: new Date('2026-03-16T08:40:00+07:00'),
    channel: 'Instagram',
    reporter: '@warga',
    text: 'Toilet museum wayang kotor',
    unit: 'UP Museum Seni',
    status: STATUS.forwarded,
    forwardedAt: t0,
    ...over,
  };
}

/** The unit-tab row as the register shows it (what the officer sees before typing). */
const officerRow = (c: Complaint, over: Partial<OfficerInput> = {}): OfficerInput => ({
  officerStatus:
    (
      { Baru: 'Diteruskan', Diteruskan: 'Diteruskan', Diproses: 'Diproses', Ditindaklanjuti: 'Selesai' } as Record<
        string,
        string
      >
    )[c.status] ?? c.status,
  followUp: c.followUp,
  officerNote: c.officerNote,
  ...over,
});

/** The register's admin columns as shown (what the admin sees before typing). */
const adminRow = (c: Complaint, over: Partial<AdminInput> = {}): AdminInput => ({
  category: c.category,
  unit: c.unit,
  status: c.status,
  initialResponse: c.initialResponse,
  reply: c.reply,
  replyUrl: c.replyUrl,
  closeReason: c.closeReason,
  ...over,
});

const changedKeys = (r: { changes: { key: string }[] }) => r.changes.map((ch) => ch.key).sort();

describe('officer edits (unit tab, DESIGN §5 steps 3–4)', () => {
  test('Diteruskan → Diproses stamps processedAt', () => {
    const c = complaint();
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: 'Diproses' }), now);
    expect(r.refusals).toEqual([]);
    expect(r.complaint).toMatchObject({ status: STATUS.processing, processedAt: now, forwardedAt: t0, updatedAt: now });
    expect(changedKeys(r)).toEqual(['processedAt', 'status', 'updatedAt']);
    expect(r.changes.find((ch) => ch.key === 'status')).toEqual({
      key: 'status',
      oldValue: 'Diteruskan',
      newValue: 'Diproses',
    });
    expect(r.movedFrom).toBeUndefined();
  });

  test('Diproses → Selesai with the follow-up stamps followedUpAt only', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1 });
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: 'Selesai', followUp: 'Sudah dibersihkan.' }), now);
    expect(r.refusals).toEqual([]);
    expect(r.complaint).toMatchObject({
      status: STATUS.followedUp,
      processedAt: t1,
      followedUpAt: now,
      followUp: 'Sudah dibersihkan.',
    });
  });

  test('Diteruskan → Selesai with the follow-up in the same row stamps the skipped step with the same time', () => {
    const c = complaint();
    const r = applyOfficerEdit(
      c,
      officerRow(c, { officerStatus: 'Selesai', followUp: '  Toilet sudah dibersihkan.\r\n' }),
      now,
    );
    expect(r.refusals).toEqual([]);
    expect(r.complaint).toMatchObject({
      status: STATUS.followedUp,
      followUp: 'Toilet sudah dibersihkan.',
      processedAt: now,
      followedUpAt: now,
      forwardedAt: t0,
      updatedAt: now,
    });
  });

  test('Selesai without the follow-up is refused with an explanation, and nothing changes', () => {
    const c = complaint();
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: 'Selesai', followUp: '   ' }), now);
    expect(r.refusals).toEqual([
      {
        key: 'officerStatus',
        typed: 'Selesai',
        message: 'Isi kolom "Hasil Tindak Lanjut" terlebih dahulu, lalu pilih status "Selesai".',
      },
    ]);
    expect(r.changes).toEqual([]);
    expect(r.complaint).toEqual(c);
  });

  test('a follow-up typed earlier makes Selesai acceptable later', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1, followUp: 'Sudah diperbaiki.' });
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: 'Selesai' }), now);
    expect(r.complaint.status).toBe(STATUS.followedUp);
  });

  test.each<[Status, string]>([
    [STATUS.processing, 'Diteruskan'],
    [STATUS.followedUp, 'Diproses'],
    [STATUS.followedUp, 'Diteruskan'],
  ])('from %s back to %s is refused', (status, typed) => {
    const c = complaint({
      status,
      processedAt: t1,
      followedUpAt: status === STATUS.followedUp ? t1 : null,
      followUp: 'x',
    });
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: typed }), now);
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0].key).toBe('officerStatus');
    expect(r.refusals[0].message).toMatch(/^Status tidak boleh mundur dari ".+" ke ".+"\.$/);
    expect(r.complaint).toEqual(c);
  });

  test.each([['Dijawab'], ['selesai?'], ['Done'], ['']])(
    'an unknown status %j is refused, listing the choices',
    (typed) => {
      const c = complaint();
      const r = applyOfficerEdit(c, officerRow(c, { officerStatus: typed }), now);
      expect(r.refusals).toEqual([
        {
          key: 'officerStatus',
          typed,
          message: `Status "${typed}" tidak dikenal. Pilih salah satu: Diteruskan, Diproses, Selesai.`,
        },
      ]);
      expect(r.changes).toEqual([]);
    },
  );

  test.each<[Status]>([[STATUS.answered], [STATUS.closed]])(
    'a %s complaint refuses status and text changes',
    (status) => {
      const c = complaint({ status, followUp: 'lama', officerNote: 'catatan', answeredAt: t1, closedAt: t1 });
      const r = applyOfficerEdit(c, { officerStatus: 'Diproses', followUp: 'baru', officerNote: 'catatan baru' }, now);
      expect(r.changes).toEqual([]);
      expect(r.complaint).toEqual(c);
      expect(r.refusals.map((x) => x.key).sort()).toEqual(['followUp', 'officerNote', 'officerStatus']);
      for (const x of r.refusals) expect(x.message).toContain(`ADU-2026-0001 sudah ${status.toLowerCase()}`);
    },
  );

  test('a closed complaint shown with its own status and unchanged text is not refused', () => {
    const c = complaint({ status: STATUS.answered, followUp: 'lama', answeredAt: t1 });
    const r = applyOfficerEdit(c, officerRow(c), now);
    expect(r.refusals).toEqual([]);
    expect(r.changes).toEqual([]);
  });

  test('text-only edits change the follow-up and note and updatedAt, not the status', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1 });
    const r = applyOfficerEdit(c, officerRow(c, { followUp: 'Sedang dicek', officerNote: 'Hubungi pengelola' }), now);
    expect(r.refusals).toEqual([]);
    expect(changedKeys(r)).toEqual(['followUp', 'officerNote', 'updatedAt']);
    expect(r.complaint).toMatchObject({
      status: STATUS.processing,
      followUp: 'Sedang dicek',
      officerNote: 'Hubungi pengelola',
      updatedAt: now,
      processedAt: t1,
    });
  });

  test('the follow-up of a Selesai complaint can be corrected but not removed', () => {
    const c = complaint({
      status: STATUS.followedUp,
      processedAt: t1,
      followedUpAt: t1,
      followUp: 'Sudah dibersihkan',
    });
    const fixed = applyOfficerEdit(c, officerRow(c, { followUp: 'Sudah dibersihkan dan diberi tanda' }), now);
    expect(fixed.complaint.followUp).toBe('Sudah dibersihkan dan diberi tanda');
    const cleared = applyOfficerEdit(c, officerRow(c, { followUp: '' }), now);
    expect(cleared.changes).toEqual([]);
    expect(cleared.refusals).toEqual([
      {
        key: 'followUp',
        typed: '',
        message: 'Kolom "Hasil Tindak Lanjut" tidak boleh dikosongkan setelah status "Selesai".',
      },
    ]);
  });

  test('no change → no changes, no refusals, updatedAt untouched', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1, followUp: 'x', updatedAt: t1 });
    const r = applyOfficerEdit(c, officerRow(c), now);
    expect(r).toEqual({ complaint: c, changes: [], refusals: [], movedFrom: undefined });
    expect(r.complaint.updatedAt).toBe(t1);
  });

  test('whitespace and line-ending differences alone are no change', () => {
    const c = complaint({ followUp: 'baris 1\nbaris 2' });
    const r = applyOfficerEdit(
      c,
      officerRow(c, { followUp: ' baris 1\r\nbaris 2 ', officerStatus: ' Diteruskan ' }),
      now,
    );
    expect(r.changes).toEqual([]);
  });

  test('does not mutate the complaint it was given', () => {
    const c = complaint();
    const copy = { ...c };
    applyOfficerEdit(c, officerRow(c, { officerStatus: 'Selesai', followUp: 'ok' }), now);
    expect(c).toEqual(copy);
  });

  test('a status refusal does not lose the text typed in the same row', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1 });
    const r = applyOfficerEdit(c, officerRow(c, { officerStatus: 'Diteruskan', officerNote: 'Menunggu vendor' }), now);
    expect(r.refusals.map((x) => x.key)).toEqual(['officerStatus']);
    expect(r.complaint.officerNote).toBe('Menunggu vendor');
  });

  test('property: officer edits never move a status backwards nor unstamp a step, and stamps follow the SOP order', () => {
    const order = [STATUS.forwarded, STATUS.processing, STATUS.followedUp];
    fc.assert(
      fc.property(
        fc.constantFrom(...order),
        fc.constantFrom('Diteruskan', 'Diproses', 'Selesai', 'Dijawab', ''),
        fc.constantFrom('', 'hasil'),
        (status, typed, followUp) => {
          const c = complaint({
            status,
            processedAt: status !== STATUS.forwarded ? t1 : null,
            followedUpAt: status === STATUS.followedUp ? t1 : null,
            followUp: status === STATUS.followedUp ? 'hasil' : '',
          });
          const r = applyOfficerEdit(c, { officerStatus: typed, followUp, officerNote: '' }, now);
          const after = r.complaint;
          expect(order.indexOf(after.status as (typeof order)[number])).toBeGreaterThanOrEqual(order.indexOf(status));
          if (c.processedAt) expect(after.processedAt).toEqual(c.processedAt);
          if (after.status === STATUS.followedUp) {
            expect(after.followUp).not.toBe('');
            expect(after.processedAt).not.toBeNull();
            expect(after.followedUpAt).not.toBeNull();
          }
          if (after.status === STATUS.processing) expect(after.processedAt).not.toBeNull();
          expect(r.changes.length > 0).toBe(after.updatedAt === now);
        },
      ),
    );
  });
});

describe('admin edits (register, DESIGN §5)', () => {
  const baru = () => complaint({ unit: '', status: STATUS.new, forwardedAt: null });

  test('assigning a unit to a Baru complaint forwards it', () => {
    const c = baru();
    const r = applyAdminEdit(c, adminRow(c, { unit: 'UP Museum Kebaharian' }), ACTIVE, now);
    expect(r.refusals).toEqual([]);
    expect(r.movedFrom).toBeUndefined();
    expect(r.complaint).toMatchObject({
      unit: 'UP Museum Kebaharian',
      status: STATUS.forwarded,
      forwardedAt: now,
      reassignedAt: null,
      updatedAt: now,
    });
  });

  test('assigning a unit while the status cell still says Baru or already says Diteruskan both work', () => {
    const c = baru();
    for (const status of ['Baru', 'Diteruskan']) {
      const r = applyAdminEdit(c, adminRow(c, { unit: 'UP Museum Seni', status }), ACTIVE, now);
      expect(r.refusals).toEqual([]);
      expect(r.complaint.status).toBe(STATUS.forwarded);
    }
  });

  test('reassignment moves the complaint, restarts at step 3 and remembers the old unit', () => {
    const c = complaint({
      status: STATUS.followedUp,
      processedAt: t1,
      followedUpAt: t1,
      followUp: 'bukan wewenang kami',
    });
    const r = applyAdminEdit(c, adminRow(c, { unit: 'UP Museum Kebaharian' }), ACTIVE, now);
    expect(r.refusals).toEqual([]);
    expect(r.movedFrom).toBe('UP Museum Seni');
    expect(r.complaint).toMatchObject({
      unit: 'UP Museum Kebaharian',
      status: STATUS.forwarded,
      forwardedAt: now,
      reassignedAt: now,
      processedAt: null,
      followedUpAt: null,
      updatedAt: now,
    });
    expect(r.changes.find((ch) => ch.key === 'unit')).toEqual({
      key: 'unit',
      oldValue: 'UP Museum Seni',
      newValue: 'UP Museum Kebaharian',
    });
  });

  test.each([['UP Museum Hantu'], ['Bidang Lama (nonaktif)']])('an unknown or inactive unit %j is refused', (unit) => {
    const c = complaint();
    const r = applyAdminEdit(c, adminRow(c, { unit }), ACTIVE, now);
    expect(r.refusals).toEqual([
      { key: 'unit', typed: unit, message: `Unit "${unit}" tidak ada atau tidak aktif di tab Unit.` },
    ]);
    expect(r.complaint).toEqual(c);
  });

  test('clearing the unit of a forwarded complaint is refused', () => {
    const c = complaint();
    const r = applyAdminEdit(c, adminRow(c, { unit: '' }), ACTIVE, now);
    expect(r.refusals).toEqual([
      { key: 'unit', typed: '', message: 'Unit tidak boleh dikosongkan setelah pengaduan diteruskan.' },
    ]);
    expect(r.complaint.unit).toBe('UP Museum Seni');
  });

  test('Dijawab with the answer closes the complaint and stamps the skipped steps with the same time', () => {
    const c = complaint();
    const r = applyAdminEdit(
      c,
      adminRow(c, {
        status: 'Dijawab',
        reply: 'Terima kasih, sudah kami bersihkan.',
        replyUrl: 'https://www.instagram.com/p/Cx1/c/9',
      }),
      ACTIVE,
      now,
    );
    expect(r.refusals).toEqual([]);
    expect(r.complaint).toMatchObject({
      status: STATUS.answered,
      reply: 'Terima kasih, sudah kami bersihkan.',
      replyUrl: 'https://www.instagram.com/p/Cx1/c/9',
      forwardedAt: t0,
      processedAt: now,
      followedUpAt: now,
      answeredAt: now,
    });
  });

  test('Dijawab after the unit returned its result stamps only the answer', () => {
    const c = complaint({
      status: STATUS.followedUp,
      processedAt: t0,
      followedUpAt: t1,
      followUp: 'ok',
      reply: 'Sudah kami tangani.',
    });
    const r = applyAdminEdit(c, adminRow(c, { status: 'Dijawab' }), ACTIVE, now);
    expect(r.complaint).toMatchObject({ status: STATUS.answered, processedAt: t0, followedUpAt: t1, answeredAt: now });
  });

  test('Dijawab without the answer is refused', () => {
    const c = complaint({ status: STATUS.followedUp, followUp: 'ok', processedAt: t1, followedUpAt: t1 });
    const r = applyAdminEdit(c, adminRow(c, { status: 'Dijawab', reply: '  ' }), ACTIVE, now);
    expect(r.refusals).toEqual([
      {
        key: 'status',
        typed: 'Dijawab',
        message: 'Isi kolom "Jawaban" (jawaban kepada masyarakat) terlebih dahulu, lalu pilih status "Dijawab".',
      },
    ]);
    expect(r.complaint.status).toBe(STATUS.followedUp);
    expect(r.complaint.answeredAt).toBeNull();
  });

  test('Ditutup requires a reason', () => {
    const c = baru();
    const refused = applyAdminEdit(c, adminRow(c, { status: 'Ditutup' }), ACTIVE, now);
    expect(refused.refusals[0]).toMatchObject({ key: 'status', typed: 'Ditutup' });
    expect(refused.refusals[0].message).toContain('Alasan Ditutup');
    expect(refused.complaint.status).toBe(STATUS.new);

    const ok = applyAdminEdit(c, adminRow(c, { status: 'Ditutup', closeReason: 'spam' }), ACTIVE, now);
    expect(ok.refusals).toEqual([]);
    expect(ok.complaint).toMatchObject({ status: STATUS.closed, closeReason: 'spam', closedAt: now, answeredAt: null });
  });

  test.each([['Diproses'], ['Ditindaklanjuti'], ['Baru'], ['Selesai'], ['']])(
    'status %j is not the admin’s to set',
    (status) => {
      const c = complaint();
      const r = applyAdminEdit(c, adminRow(c, { status }), ACTIVE, now);
      expect(r.refusals).toHaveLength(1);
      expect(r.refusals[0]).toMatchObject({ key: 'status', typed: status });
      expect(r.refusals[0].message).toContain('Admin dapat memilih "Dijawab" atau "Ditutup", atau mengganti Unit.');
      expect(r.complaint).toEqual(c);
    },
  );

  test.each<[Status]>([[STATUS.answered], [STATUS.closed]])(
    'a %s complaint refuses status and unit changes',
    (status) => {
      const c = complaint({ status, reply: 'jawab', closeReason: 'spam', answeredAt: t1, closedAt: t1 });
      const r = applyAdminEdit(c, adminRow(c, { status: 'Diteruskan', unit: 'UP Museum Kebaharian' }), ACTIVE, now);
      expect(r.refusals.map((x) => x.key).sort()).toEqual(['status', 'unit']);
      for (const x of r.refusals) expect(x.message).toContain(`sudah ${status.toLowerCase()}`);
      expect(r.complaint).toEqual(c);
      expect(r.movedFrom).toBeUndefined();
    },
  );

  test('the answer of a Dijawab complaint can be corrected but not removed', () => {
    const c = complaint({ status: STATUS.answered, reply: 'Sudah dibersihkan', answeredAt: t1 });
    expect(applyAdminEdit(c, adminRow(c, { reply: 'Sudah dibersihkan kemarin' }), ACTIVE, now).complaint.reply).toBe(
      'Sudah dibersihkan kemarin',
    );
    const r = applyAdminEdit(c, adminRow(c, { reply: '' }), ACTIVE, now);
    expect(r.refusals).toEqual([
      {
        key: 'reply',
        typed: '',
        message: 'Kolom "Jawaban" tidak boleh dikosongkan pada pengaduan yang sudah dijawab.',
      },
    ]);
    expect(r.complaint).toEqual(c);
  });

  test('the reason of a Ditutup complaint can be corrected but not removed', () => {
    const c = complaint({ status: STATUS.closed, closeReason: 'spam', closedAt: t1 });
    expect(
      applyAdminEdit(c, adminRow(c, { closeReason: 'duplikat ADU-2026-0002' }), ACTIVE, now).complaint.closeReason,
    ).toBe('duplikat ADU-2026-0002');
    const r = applyAdminEdit(c, adminRow(c, { closeReason: ' ' }), ACTIVE, now);
    expect(r.refusals.map((x) => x.key)).toEqual(['closeReason']);
    expect(r.complaint).toEqual(c);
  });

  test('text columns change with updatedAt; unchanged row changes nothing', () => {
    const c = complaint({ updatedAt: t1 });
    const r = applyAdminEdit(
      c,
      adminRow(c, { category: 'Fasilitas dan kebersihan', initialResponse: 'Kami cek.' }),
      ACTIVE,
      now,
    );
    expect(changedKeys(r)).toEqual(['category', 'initialResponse', 'updatedAt']);
    const same = applyAdminEdit(c, adminRow(c), ACTIVE, now);
    expect(same.changes).toEqual([]);
    expect(same.refusals).toEqual([]);
    expect(same.complaint.updatedAt).toBe(t1);
  });

  test('reassigning and answering in one paste ends answered with every step stamped', () => {
    const c = complaint({ status: STATUS.processing, processedAt: t1 });
    const r = applyAdminEdit(
      c,
      adminRow(c, { unit: 'UP Museum Kebaharian', status: 'Dijawab', reply: 'Sudah diteruskan' }),
      ACTIVE,
      now,
    );
    expect(r.movedFrom).toBe('UP Museum Seni');
    expect(r.complaint).toMatchObject({
      status: STATUS.answered,
      unit: 'UP Museum Kebaharian',
      forwardedAt: now,
      processedAt: now,
      followedUpAt: now,
      answeredAt: now,
    });
  });

  test('officer status choices are what the officer sees', () => {
    expect(Object.values(OFFICER_STATUS)).toEqual(['Diteruskan', 'Diproses', 'Selesai']);
  });
});

describe('answering a complaint that has no unit (issue 12)', () => {
  test('is refused with a clear message, and nothing is stamped', () => {
    const { applyAdminEdit } =
      jest.requireActual<typeof import('../../src/core/transitions')>('../../src/core/transitions');
    const { emptyComplaint, STATUS } =
      jest.requireActual<typeof import('../../src/core/complaint')>('../../src/core/complaint');
    const c = {
      ...emptyComplaint('ADU-2026-0009', new Date('2026-04-06T02:00:00Z')),
      receivedAt: new Date('2026-04-06T01:40:00Z'),
      text: 'x',
      status: STATUS.new,
    };
    const r = applyAdminEdit(
      c,
      {
        category: '',
        unit: '',
        status: STATUS.answered,
        initialResponse: '',
        reply: 'Terima kasih',
        replyUrl: '',
        closeReason: '',
      },
      ['UP Museum Seni'],
      new Date('2026-04-06T03:00:00Z'),
    );
    expect(r.complaint.status).toBe(STATUS.new);
    expect(r.complaint.answeredAt).toBeNull();
    expect(r.complaint.forwardedAt).toBeNull();
    expect(r.refusals.map((x) => x.message).join()).toMatch(/belum diteruskan ke unit/);
  });
});
