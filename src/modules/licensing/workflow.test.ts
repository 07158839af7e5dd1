import { describe, expect, it } from 'vitest';
import { matrixMarkdown, workflowProblems } from '../../core/workflow/index.js';
import type { PermitStatus } from './schema.js';
import { type PermitFacts, permitActions, permitWho, permitWorkflow, requirePermitStep } from './workflow.js';

const none: PermitFacts = { correctionNoticeOn: null, extensionDays: null, result: null, certificateOn: null, publishedOn: null };
const clerk = permitWho({ permissions: new Set(['licensing.read', 'licensing.write']) });
const viewer = permitWho({ permissions: new Set(['licensing.read']) });

describe('the permit workflow (licensing.permit)', () => {
  it('is sound', () => expect(workflowProblems(permitWorkflow)).toEqual([]));

  it.each<[string, PermitStatus, Partial<PermitFacts>, string[], string[]]>([
    ['a new application', 'received', {}, ['correction', 'accept', 'not_accept'], []],
    ['after the one correction notice was answered', 'received', { correctionNoticeOn: '2022-03-08' }, ['accept', 'not_accept'], ['correction']],
    ['waiting for corrections', 'correction', { correctionNoticeOn: '2022-03-08' }, ['corrected', 'not_accept'], []],
    ['accepted', 'accepted', {}, ['pause', 'extend', 'decide'], []],
    ['accepted and already extended', 'accepted', { extensionDays: 5 }, ['pause', 'decide'], ['extend']],
    ['granted', 'decided', { result: '准予许可' }, ['certify', 'publish'], []],
    ['granted and certified', 'certified', { result: '准予许可', certificateOn: '2022-03-10' }, ['publish'], []],
    ['granted and published before the certificate', 'published', { result: '准予许可', publishedOn: '2022-03-10' }, ['certify'], []],
    ['granted, certified and published', 'published', { result: '准予许可', certificateOn: '2022-03-09', publishedOn: '2022-03-10' }, [], ['certify']],
    ['refused', 'decided', { result: '不予许可' }, [], ['certify', 'publish']],
    ['not accepted', 'not_accepted', {}, [], []],
  ])('%s: allows %j, shows %j blocked', (_n, status, facts, ...[allowed, blocked]) => {
    const actions = permitActions(status, { ...none, ...facts }, clerk);
    expect(actions.filter((a) => a.allowed).map((a) => a.event)).toEqual(allowed);
    expect(actions.filter((a) => !a.allowed).map((a) => a.event)).toEqual(blocked);
    for (const a of actions.filter((x) => !x.allowed)) expect(a.reasons.join()).toMatch(/行政许可法第|已于/);
  });

  it('gives a reader no actions', () => expect(permitActions('received', none, viewer)).toEqual([]));

  it.each<[string, PermitStatus, Parameters<typeof requirePermitStep>[2], Partial<PermitFacts>, RegExp]>([
    ['a second correction notice', 'received', 'correction', { correctionNoticeOn: '2022-03-08' }, /一次告知/],
    ['a second extension', 'accepted', 'extend', { extensionDays: 5 }, /只允许延长一次/],
    ['a certificate for a refusal', 'decided', 'certify', { result: '不予许可' }, /只有准予许可的决定/],
    ['a decision before 受理', 'received', 'decide', {}, /当前阶段（已收件）不能作出决定/],
  ])('refuses %s with ACTION_NOT_ALLOWED naming why', (_n, status, action, ...[facts, msg]) => {
    expect(() => requirePermitStep(clerk, status, action, { ...none, ...facts })).toThrow(msg);
    expect(() => requirePermitStep(clerk, status, action, { ...none, ...facts })).toThrow(expect.objectContaining({ code: 'ACTION_NOT_ALLOWED' }));
  });

  it.each<[PermitStatus, Parameters<typeof requirePermitStep>[2], PermitStatus | undefined]>([
    ['received', 'correction', 'correction'],
    ['correction', 'corrected', 'received'],
    ['accepted', 'pause', undefined],
    ['decided', 'certify', 'certified'],
    ['certified', 'publish', 'published'],
    ['published', 'certify', undefined],
  ])('%s → %s leads to %s', (status, action, to) => expect(requirePermitStep(clerk, status, action, { ...none, result: '准予许可' }).to).toBe(to));

  it('prints the matrix for review', () =>
    expect(matrixMarkdown(permitWorkflow)).toContain('| 许可经办人员 | 已受理 | 延长期限 | （不变） | 未延长过期限（第四十二条） |'));
});
