// The referral life cycle against a table written here, independently of REFERRAL_TRANSITIONS:
// every action × status × side × role, what availableActions offers, the reply deadline, and the
// reason/outcome an action needs. The table is transcribed from the issue (DESIGN.md
// capability 3), not derived from the implementation.
import { ORGANIZATION_ROLES, NETWORK_ROLES, Role } from './roles';
import {
  availableActions,
  awaitsReply,
  checkTransition,
  DEFAULT_RESPONSE_HOURS,
  FINAL_REFERRAL_STATUSES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  ReferralAction,
  ReferralSide,
  ReferralStatus,
  responseDeadline,
} from './referrals';

// One line per allowed transition: "action: from, from → to | side | roles | needs".
const TABLE = `
  SEND:             DRAFT                       → SENT              | SENDER   | ORG_ADMIN COORDINATOR STAFF | -
  CANCEL:           DRAFT SENT                  → CANCELLED         | SENDER   | ORG_ADMIN COORDINATOR STAFF | -
  ACCEPT:           SENT                        → ACCEPTED          | RECEIVER | ORG_ADMIN COORDINATOR       | -
  DECLINE:          SENT                        → DECLINED          | RECEIVER | ORG_ADMIN COORDINATOR       | REASON
  START:            ACCEPTED                    → IN_PROGRESS       | RECEIVER | ORG_ADMIN COORDINATOR STAFF | -
  COMPLETE:         IN_PROGRESS                 → COMPLETED         | RECEIVER | ORG_ADMIN COORDINATOR STAFF | OUTCOME
  CLOSE_UNRESOLVED: IN_PROGRESS                 → CLOSED_UNRESOLVED | RECEIVER | ORG_ADMIN COORDINATOR STAFF | REASON
  FORWARD:          SENT ACCEPTED IN_PROGRESS   → FORWARDED         | RECEIVER | ORG_ADMIN COORDINATOR       | REASON
  EXPIRE:           SENT                        → EXPIRED           | SYSTEM   | -                           | -
`;

interface Row {
  from: string[];
  to: string;
  side: string;
  roles: string[];
  needs: string;
}

const EXPECTED: Record<string, Row> = Object.fromEntries(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [head, rest] = line.split(':').map((part) => part.trim());
      const [arrow, side, roles, needs] = rest.split('|').map((part) => part.trim());
      const [from, to] = arrow.split('→').map((part) => part.trim());
      return [head, { from: from.split(/\s+/), to, side, roles: roles === '-' ? [] : roles.split(/\s+/), needs }];
    }),
);

const ALL_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED'] as const;
const ALL_ACTIONS = ['SEND', 'CANCEL', 'ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'CLOSE_UNRESOLVED', 'FORWARD', 'EXPIRE'] as const;
const ALL_ROLES: Role[] = [...ORGANIZATION_ROLES, ...NETWORK_ROLES];
const SIDE_SETS: ReferralSide[][] = [[], ['SENDER'], ['RECEIVER'], ['SENDER', 'RECEIVER']];

it('the table covers exactly the statuses and actions of the domain', () => {
  expect([...REFERRAL_STATUSES.codes].sort()).toEqual([...ALL_STATUSES].sort());
  expect([...REFERRAL_ACTIONS.codes].sort()).toEqual([...ALL_ACTIONS].sort());
  expect(Object.keys(EXPECTED).sort()).toEqual([...ALL_ACTIONS].sort());
  expect([...REFERRAL_URGENCIES.codes].sort()).toEqual(['HIGH', 'NORMAL', 'URGENT']);
});

/** What the table says of (action, status, sides, roles) with some text given. */
function expected(action: ReferralAction, status: ReferralStatus, sides: ReferralSide[], roles: Role[]) {
  const row = EXPECTED[action];
  // Precedence: who you are (side, then role) before the state, as the API answers FORBIDDEN
  // before CONFLICT for someone who could never do it.
  if (row.side === 'SYSTEM') return { ok: false, problem: 'SYSTEM_ONLY' };
  if (!sides.includes(row.side as ReferralSide)) return { ok: false, problem: 'WRONG_SIDE' };
  if (!roles.some((role) => row.roles.includes(role))) return { ok: false, problem: 'ROLE' };
  if (!row.from.includes(status)) return { ok: false, problem: 'WRONG_STATUS' };
  return { ok: true, to: row.to };
}

describe('checkTransition: every action × status × side × role', () => {
  const cases: Array<[ReferralAction, ReferralStatus, ReferralSide[], Role]> = [];
  for (const action of ALL_ACTIONS) {
    for (const status of ALL_STATUSES) {
      for (const sides of SIDE_SETS) for (const role of ALL_ROLES) cases.push([action, status, sides, role]);
    }
  }

  it(`agrees with the table in all ${cases.length} cases (text given)`, () => {
    const mismatches: string[] = [];
    for (const [action, status, sides, role] of cases) {
      const got = checkTransition(action, status, { sides, roles: [role] }, 'a reason');
      const want = expected(action, status, sides, [role]);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(`${action} ${status} [${sides}] ${role}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('counts: each allowed (action, status) pair is allowed for exactly the table roles on its side', () => {
    const allowed = cases.filter(([action, status, sides, role]) => checkTransition(action, status, { sides, roles: [role] }, 'x').ok);
    const want = ALL_ACTIONS.filter((action) => action !== 'EXPIRE').reduce((sum, action) => {
      const row = EXPECTED[action];
      // sides [side] and [SENDER, RECEIVER] both include the side.
      return sum + row.from.length * row.roles.length * 2;
    }, 0);
    expect(allowed).toHaveLength(want);
  });

  it('a member with several roles may do what any of them may', () => {
    expect(checkTransition('ACCEPT', 'SENT', { sides: ['RECEIVER'], roles: ['STAFF', 'COORDINATOR'] }, null)).toEqual({ ok: true, to: 'ACCEPTED' });
    expect(checkTransition('ACCEPT', 'SENT', { sides: ['RECEIVER'], roles: ['STAFF', 'TRAINER'] }, null)).toEqual({ ok: false, problem: 'ROLE' });
    expect(checkTransition('START', 'ACCEPTED', { sides: ['RECEIVER'], roles: ['TRAINER', 'STAFF'] }, null)).toEqual({ ok: true, to: 'IN_PROGRESS' });
    expect(checkTransition('SEND', 'DRAFT', { sides: ['SENDER'], roles: [] }, null)).toEqual({ ok: false, problem: 'ROLE' });
  });

  it('a network admin without an organisation role does no casework', () => {
    for (const action of ALL_ACTIONS.filter((a) => a !== 'EXPIRE')) {
      for (const status of ALL_STATUSES) {
        expect(checkTransition(action, status, { sides: ['SENDER', 'RECEIVER'], roles: ['NETWORK_ADMIN'] }, 'x')).toEqual({ ok: false, problem: 'ROLE' });
      }
    }
  });

  it('EXPIRE is the system’s alone, and only from SENT', () => {
    for (const status of ALL_STATUSES) {
      expect(checkTransition('EXPIRE', status, 'SYSTEM')).toEqual(status === 'SENT' ? { ok: true, to: 'EXPIRED' } : { ok: false, problem: 'WRONG_STATUS' });
      expect(checkTransition('EXPIRE', status, { sides: ['SENDER', 'RECEIVER'], roles: ['ORG_ADMIN'] })).toEqual({ ok: false, problem: 'SYSTEM_ONLY' });
    }
  });

  it('the system performs no member action', () => {
    for (const action of ALL_ACTIONS.filter((a) => a !== 'EXPIRE')) {
      for (const status of ALL_STATUSES) expect(checkTransition(action, status, 'SYSTEM', 'x')).toEqual({ ok: false, problem: 'WRONG_SIDE' });
    }
  });

  it('nothing leaves a final status', () => {
    expect([...FINAL_REFERRAL_STATUSES].sort()).toEqual(['CANCELLED', 'CLOSED_UNRESOLVED', 'COMPLETED', 'DECLINED', 'EXPIRED', 'FORWARDED']);
    for (const status of FINAL_REFERRAL_STATUSES) {
      for (const action of ALL_ACTIONS) {
        const actors = [{ sides: ['SENDER', 'RECEIVER'] as ReferralSide[], roles: ['ORG_ADMIN', 'COORDINATOR', 'STAFF'] as Role[] }, 'SYSTEM' as const];
        for (const actor of actors) expect(checkTransition(action, status, actor, 'x').ok).toBe(false);
      }
    }
  });

  it('awaitsReply only while SENT', () => {
    expect(ALL_STATUSES.filter(awaitsReply)).toEqual(['SENT']);
  });
});

describe('reasons and outcomes', () => {
  const receiver = { sides: ['RECEIVER'] as ReferralSide[], roles: ['COORDINATOR'] as Role[] };
  const needing: Array<[ReferralAction, ReferralStatus, string]> = [
    ['DECLINE', 'SENT', 'REASON_REQUIRED'],
    ['CLOSE_UNRESOLVED', 'IN_PROGRESS', 'REASON_REQUIRED'],
    ['FORWARD', 'SENT', 'REASON_REQUIRED'],
    ['FORWARD', 'ACCEPTED', 'REASON_REQUIRED'],
    ['FORWARD', 'IN_PROGRESS', 'REASON_REQUIRED'],
    ['COMPLETE', 'IN_PROGRESS', 'OUTCOME_REQUIRED'],
  ];

  it.each(needing)('%s from %s needs text (%s): missing, empty or blank is refused', (action, status, problem) => {
    for (const missing of [undefined, null, '', '   ', '\n\t ']) {
      expect(checkTransition(action, status, receiver, missing)).toEqual({ ok: false, problem });
    }
    expect(checkTransition(action, status, receiver, ' 理由 ')).toEqual({ ok: true, to: EXPECTED[action].to });
  });

  it('the table and the domain agree on which actions need text', () => {
    for (const action of ALL_ACTIONS) {
      const row = EXPECTED[action];
      if (row.side === 'SYSTEM') continue;
      const actor = { sides: [row.side as ReferralSide], roles: row.roles as Role[] };
      const got = checkTransition(action, row.from[0] as ReferralStatus, actor, null);
      const want = row.needs === '-' ? { ok: true, to: row.to } : { ok: false, problem: `${row.needs}_REQUIRED` };
      expect(got).toEqual(want);
    }
  });

  it('a wrong status is reported before missing text (CONFLICT, not BAD_USER_INPUT)', () => {
    expect(checkTransition('DECLINE', 'ACCEPTED', receiver, null)).toEqual({ ok: false, problem: 'WRONG_STATUS' });
    expect(checkTransition('COMPLETE', 'ACCEPTED', receiver, '')).toEqual({ ok: false, problem: 'WRONG_STATUS' });
  });

  it('a wrong side is reported before missing text', () => {
    expect(checkTransition('DECLINE', 'SENT', { sides: ['SENDER'], roles: ['COORDINATOR'] }, null)).toEqual({ ok: false, problem: 'WRONG_SIDE' });
  });
});

describe('availableActions', () => {
  it('offers exactly the table’s actions, in the vocabulary’s order, for every status, side and role', () => {
    const mismatches: string[] = [];
    for (const status of ALL_STATUSES) {
      for (const sides of SIDE_SETS) {
        for (const role of ALL_ROLES) {
          const want = REFERRAL_ACTIONS.codes.filter((action) => {
            const row = EXPECTED[action];
            return row.side !== 'SYSTEM' && sides.includes(row.side as ReferralSide) && row.roles.includes(role) && row.from.includes(status);
          });
          const got = availableActions(status, { sides, roles: [role] });
          if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${status} [${sides}] ${role}: ${got} ≠ ${want}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('spot checks of what the web shows', () => {
    expect(availableActions('DRAFT', { sides: ['SENDER'], roles: ['STAFF'] })).toEqual(['SEND', 'CANCEL']);
    expect(availableActions('SENT', { sides: ['SENDER'], roles: ['COORDINATOR'] })).toEqual(['CANCEL']);
    expect(availableActions('SENT', { sides: ['RECEIVER'], roles: ['COORDINATOR'] })).toEqual(['ACCEPT', 'DECLINE', 'FORWARD']);
    expect(availableActions('SENT', { sides: ['RECEIVER'], roles: ['STAFF'] })).toEqual([]);
    expect(availableActions('ACCEPTED', { sides: ['RECEIVER'], roles: ['STAFF'] })).toEqual(['START']);
    expect(availableActions('ACCEPTED', { sides: ['RECEIVER'], roles: ['ORG_ADMIN'] })).toEqual(['START', 'FORWARD']);
    expect(availableActions('IN_PROGRESS', { sides: ['RECEIVER'], roles: ['COORDINATOR'] })).toEqual(['COMPLETE', 'CLOSE_UNRESOLVED', 'FORWARD']);
    expect(availableActions('IN_PROGRESS', { sides: ['SENDER'], roles: ['ORG_ADMIN'] })).toEqual([]);
    for (const status of FINAL_REFERRAL_STATUSES) {
      expect(availableActions(status, { sides: ['SENDER', 'RECEIVER'], roles: ['ORG_ADMIN', 'COORDINATOR', 'STAFF'] })).toEqual([]);
    }
  });

  it('never offers EXPIRE to a member', () => {
    for (const status of ALL_STATUSES) {
      expect(availableActions(status, { sides: ['SENDER', 'RECEIVER'], roles: ALL_ROLES })).not.toContain('EXPIRE');
    }
  });
});

describe('responseDeadline', () => {
  const sentAt = new Date('2026-03-31T23:30:00.000Z');

  it('defaults: URGENT 4 h, HIGH 24 h, NORMAL 72 h', () => {
    expect(DEFAULT_RESPONSE_HOURS).toEqual({ URGENT: 4, HIGH: 24, NORMAL: 72 });
    expect(responseDeadline(sentAt, 'URGENT', DEFAULT_RESPONSE_HOURS).toISOString()).toBe('2026-04-01T03:30:00.000Z');
    expect(responseDeadline(sentAt, 'HIGH', DEFAULT_RESPONSE_HOURS).toISOString()).toBe('2026-04-01T23:30:00.000Z');
    expect(responseDeadline(sentAt, 'NORMAL', DEFAULT_RESPONSE_HOURS).toISOString()).toBe('2026-04-03T23:30:00.000Z');
  });

  it("uses the network's hours per urgency, and leaves the sending time alone", () => {
    const hours = { URGENT: 1, HIGH: 12, NORMAL: 720 };
    expect(responseDeadline(sentAt, 'URGENT', hours).getTime() - sentAt.getTime()).toBe(60 * 60 * 1000);
    expect(responseDeadline(sentAt, 'HIGH', hours).getTime() - sentAt.getTime()).toBe(12 * 60 * 60 * 1000);
    expect(responseDeadline(sentAt, 'NORMAL', hours).toISOString()).toBe('2026-04-30T23:30:00.000Z');
    expect(sentAt.toISOString()).toBe('2026-03-31T23:30:00.000Z');
  });

  it('orders by urgency with the defaults', () => {
    const [urgent, high, normal] = (['URGENT', 'HIGH', 'NORMAL'] as const).map((urgency) => responseDeadline(sentAt, urgency, DEFAULT_RESPONSE_HOURS).getTime());
    expect(urgent).toBeLessThan(high);
    expect(high).toBeLessThan(normal);
  });
});
